// The charts' window on the registry: names of regions and the indicator catalogue, with a fallback
// for indicators the catalogue does not know (a user's own spreadsheet still charts).
import '../messages/charts.js';
import type { Observation } from '../types.js';
import { message } from '../messages/index.js';
import type { Lang } from '../format/locale.js';
import type { Indicator } from '../registry/types.js';
import { getIndicator, isIndicatorId } from '../registry/index.js';
import { indicatorLabel, regionName, seriesLabel } from '../registry/names.js';

export type { Indicator };
// Display names have one home, the registry's names module; recipes import them through here.
export { indicatorLabel, regionName, seriesLabel };

/** `của Hà Tĩnh` / `in Ha Tinh`; for the country `cả nước` / `in the whole country`. */
export function regionPhrase(id: string, locale: Lang): string {
  return id === 'VN' ? message('DESC_OF_COUNTRY', {}, locale) : message('DESC_OF_REGION', { region: regionName(id, locale) }, locale);
}

/** The catalogue entry for `id`, or one made from the observations when the catalogue lacks it. */
export function indicatorFor(id: string, data: readonly Observation[]): Indicator {
  if (isIndicatorId(id)) return getIndicator(id);
  const unit = data.find((o) => o.indicator === id)?.unit ?? '';
  return { id, label: { vi: id, en: id }, unit, lowerIsBetter: null, kind: 'amount', breaks: [] };
}

/** Lower-cased first letter for use inside a sentence (`Tỷ lệ hộ nghèo` -> `tỷ lệ hộ nghèo`). */
export function inSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
