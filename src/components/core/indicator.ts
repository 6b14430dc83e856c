import type { Lang } from '../../messages/index.js';
import { getIndicator, isIndicatorId, getRegion } from '../../registry/index.js';

/** The indicator's label in the page's language; its id when the catalogue does not know it. */
export function indicatorLabel(id: string | undefined, lang: Lang): string {
  if (!id) return '';
  return isIndicatorId(id) ? getIndicator(id).label[lang] : id;
}

/** The region's short name in the page's language; its id when the registry does not know it. */
export function regionName(id: string, lang: Lang): string {
  const r = getRegion(id);
  if (!r) return id;
  return lang === 'en' ? r.nameEn : r.name;
}

/** The label of a sub-series or tier (`model` -> "Đạt chuẩn nông thôn mới kiểu mẫu"), or `undefined`. */
export function seriesLabel(indicator: string, series: string | null, lang: Lang): string | undefined {
  if (!series || !isIndicatorId(indicator)) return undefined;
  const ind = getIndicator(indicator);
  // A method (poverty standard) does not name the figure.
  if (ind.seriesIsMethod) return undefined;
  return ind.tiers?.find((t) => t.id === series)?.label[lang] ?? ind.series?.[series]?.[lang];
}
