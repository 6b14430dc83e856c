import { message, type Lang } from '../../messages/index.js';
import { getIndicator, isIndicatorId, listIndicators } from '../../registry/index.js';
import { indicatorLabel } from '../../registry/names.js';
import { closeIds } from '../../registry/regions.js';

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
