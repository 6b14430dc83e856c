import { message, type Lang } from '../../messages/index.js';
import { getIndicator, isIndicatorId, getRegion, listIndicators } from '../../registry/index.js';
import { closeIds } from '../../registry/regions.js';

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
  return ind.tiers?.find((t) => t.id === series)?.label[lang] ?? ind.series?.[series]?.[lang];
}

/**
 * What a view with nothing to draw tells its reader: the indicator by its label, never its id; and
 * when the page names an indicator the catalogue does not know and the data does not hold
 * (`poverty_ratee`), that indicator, with the close ones, instead of "no figures for this selection".
 */
export function emptyText(indicator: string | undefined, lang: Lang, dataIndicators: readonly string[] = []): string {
  if (indicator && !isIndicatorId(indicator) && !dataIndicators.includes(indicator)) {
    const ids = [...new Set([...dataIndicators, ...listIndicators().map((i) => i.id)])];
    const close = closeIds(indicator, ids)
      .slice(0, 3)
      .map((id) => (isIndicatorId(id) ? `${id} (${getIndicator(id).label[lang]})` : id))
      .join(', ');
    return message('COMPONENTS_UNKNOWN_INDICATOR', { value: indicator, close }, lang);
  }
  return message('COMPONENTS_EMPTY', { label: indicatorLabel(indicator, lang) }, lang);
}
