import type { Lang } from './locale.js';
import { isUnit, unitLabel } from '../registry/units.js';

// Unit labels come from the registry's unit catalogue; a unit it does not know is shown as written.

/** A unit in the reader's language. */
export function formatUnit(unit: string | null | undefined, locale: Lang = 'vi'): string {
  if (!unit) return '';
  return isUnit(unit) ? unitLabel(unit, locale) : unit;
}

/** Units written straight after the number, without a space. */
export function isTightUnit(unit: string | null | undefined): boolean {
  return unit === '%' || unit === '‰';
}

/** `3,58%`, `60,2 triệu đồng/người/năm`: the number text joined with its unit. */
export function withUnit(numberText: string, unit: string | null | undefined, locale: Lang = 'vi'): string {
  const u = formatUnit(unit, locale);
  if (!u) return numberText;
  return isTightUnit(unit) ? numberText + u : `${numberText} ${u}`;
}
