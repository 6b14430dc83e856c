// The charts' window on the registry: names of regions and the indicator catalogue, with a fallback
// for indicators the catalogue does not know (a user's own spreadsheet still charts).
import type { Observation } from '../types.js';
import type { Locale } from '../format/locale.js';
import type { Indicator } from '../registry/types.js';
import { getRegion } from '../registry/regions.js';

// Until the registry's indicator catalogue lands, the charts know the one indicator their tests draw.
const provisional: Record<string, Indicator> = {
  poverty_rate: {
    id: 'poverty_rate', label: { vi: 'Tỷ lệ hộ nghèo', en: 'Poverty rate' }, unit: '%', lowerIsBetter: true, kind: 'rate',
    breaks: [
      { after: 2010, label: { vi: 'Chuẩn nghèo 2011–2015', en: '2011–2015 poverty line' } },
      { after: 2015, label: { vi: 'Chuẩn nghèo đa chiều 2016–2020', en: 'Multidimensional poverty 2016–2020' } },
    ],
  },
};
function registryIndicator(id: string): Indicator | undefined {
  return provisional[id];
}

export type { Indicator };

/** The region's short name in the locale (`Hà Tĩnh` / `Ha Tinh`); the id itself when unknown. */
export function regionName(id: string, locale: Locale): string {
  const r = getRegion(id);
  if (!r) return id;
  return locale === 'vi' ? r.name : r.nameEn;
}

/** The catalogue entry for `id`, or one made from the observations when the catalogue lacks it. */
export function indicatorFor(id: string, data: readonly Observation[]): Indicator {
  try {
    const found = registryIndicator(id);
    if (found) return found;
  } catch {
    // unknown to the catalogue: fall through to a plain description
  }
  const unit = data.find((o) => o.indicator === id)?.unit ?? '';
  return { id, label: { vi: id, en: id }, unit, lowerIsBetter: null, kind: 'amount', breaks: [] };
}

/** The indicator label in the locale, with its first letter in upper case for titles. */
export function indicatorLabel(ind: Indicator, locale: Locale): string {
  return ind.label[locale] ?? ind.id;
}

/** Lower-cased first letter for use inside a sentence (`Tỷ lệ hộ nghèo` -> `tỷ lệ hộ nghèo`). */
export function inSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
