/**
 * Display names of regions, indicators and series: the one place a page, a chart, a table and a
 * description get them from, so a reader never sees one unit under two names.
 */
import { message, type Lang } from '../messages/index.js';
import { getIndicator, isIndicatorId } from './indicators.js';
import { getRegion } from './regions.js';
import type { Indicator } from './types.js';

/**
 * The region's short name in `lang` (`Hà Tĩnh` / `Ha Tinh`); the id itself when the registry does
 * not know it. The country row is "Cả nước" / "Whole country", never "Việt Nam": in a statistics
 * table it is the total over the provinces, and GSO's yearbooks name that row so ("Cả nước",
 * "WHOLE COUNTRY"); "Việt Nam" stays the unit's registry name, which name matching still accepts.
 */
export function regionName(id: string, lang: Lang): string {
  if (id === 'VN') return message('REGION_COUNTRY', {}, lang);
  const r = getRegion(id);
  if (!r) return id;
  return lang === 'en' ? r.nameEn : r.name;
}

/**
 * The indicator's label in `lang`: from the catalogue for an id it knows, from the entry itself for
 * an `Indicator` (a user's own spreadsheet brings entries the catalogue lacks); the id otherwise.
 */
export function indicatorLabel(indicator: string | Indicator | undefined, lang: Lang): string {
  if (indicator === undefined) return '';
  if (typeof indicator === 'string') return isIndicatorId(indicator) ? getIndicator(indicator).label[lang] : indicator;
  return indicator.label[lang] ?? indicator.id;
}

/**
 * The label of a sub-series or tier (`model` -> "Đạt chuẩn nông thôn mới kiểu mẫu"); `undefined`
 * when there is none or the catalogue does not name it (callers then show the series id).
 */
export function seriesLabel(indicator: string | Indicator, series: string | null, lang: Lang): string | undefined {
  if (!series) return undefined;
  const ind = typeof indicator === 'string' ? (isIndicatorId(indicator) ? getIndicator(indicator) : undefined) : indicator;
  if (!ind) return undefined;
  return ind.tiers?.find((t) => t.id === series)?.label[lang] ?? ind.series?.[series]?.[lang];
}
