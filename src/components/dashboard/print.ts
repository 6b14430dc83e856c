import type { Lang } from '../../messages/index.js';
import { regionName } from '../../registry/index.js';
import { formatPeriod } from '../../format/period.js';
import { t } from '../core/i18n.js';

/**
 * The line a printed dashboard carries above its views: what was selected when it was printed, and the
 * address that shows it again (a sheet of paper has no filter to look at).
 */
export function printedSelection(regions: readonly string[], periods: readonly [string, string] | null, lang: Lang, address: string): string {
  const where = regions.length ? regions.map((r) => regionName(r, lang)).join(', ') : t('COMPONENTS_ALL_REGIONS', lang);
  const when = periods
    ? periods[0] === periods[1] ? formatPeriod(periods[0], lang) : `${formatPeriod(periods[0], lang)}–${formatPeriod(periods[1], lang)}`
    : t('COMPONENTS_ALL_PERIODS', lang);
  return t('COMPONENTS_PRINTED_SELECTION', lang, { regions: where, periods: when, address });
}
