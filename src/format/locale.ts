import type { Lang } from '../messages/index.js';
import { fail } from '../errors.js';

/** The languages chiso writes numbers, dates and chart texts in. Vietnamese is the default. */
export const Locale = { vi: 'vi', en: 'en' } as const;
export type Locale = Lang;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(Locale, value);
}

/** Normalize at the door: `undefined` means Vietnamese; anything else unknown is refused. */
export function toLocale(value: unknown): Locale {
  if (value === undefined || value === null) return 'vi';
  if (isLocale(value)) return value;
  return fail('FORMAT_UNKNOWN_LOCALE', { value: String(value) });
}
