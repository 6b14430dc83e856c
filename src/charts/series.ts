import type { Observation } from '../types.js';
import type { Locale } from '../format/locale.js';
import { periodPosition } from '../data/period.js';
import type { Indicator } from './lookup.js';
import { regionName, seriesLabel as labelOfSeries } from './lookup.js';

/** One drawn series: a region, or a region's sub-series when the data has several. */
export interface Series {
  key: string;
  region: string;
  series: string | null;
  name: string;
  rows: Observation[];
}

/** Groups rows into series in order of first appearance (or the order of `regions`), rows in time order. */
export function groupSeries(
  rows: readonly Observation[],
  indicator: Indicator,
  locale: Locale,
  regions?: readonly string[],
): Series[] {
  const multiSeries = new Set(rows.map((o) => o.series)).size > 1;
  const oneRegion = new Set(rows.filter((o) => !regions || regions.includes(o.region)).map((o) => o.region)).size === 1;
  const map = new Map<string, Series>();
  for (const o of rows) {
    if (regions && !regions.includes(o.region)) continue;
    const key = multiSeries ? `${o.region}|${o.series ?? ''}` : o.region;
    let s = map.get(key);
    if (!s) {
      const seriesLabel = o.series ? labelOfSeries(indicator, o.series, locale) ?? o.series : '';
      const place = regionName(o.region, locale);
      const name = multiSeries && seriesLabel ? (oneRegion ? seriesLabel : `${place} – ${seriesLabel}`) : place;
      s = { key, region: o.region, series: multiSeries ? o.series : null, name, rows: [] };
      map.set(key, s);
    }
    s.rows.push(o);
  }
  const list = [...map.values()];
  for (const s of list) s.rows.sort((a, b) => periodPosition(a.period) - periodPosition(b.period));
  if (regions) list.sort((a, b) => regions.indexOf(a.region) - regions.indexOf(b.region));
  return list;
}

/** Which methodology segment a period belongs to: the number of breaks before it. */
export function segmentOf(period: string, indicator: Indicator): number {
  const year = Math.floor(periodPosition(period));
  return indicator.breaks.filter((b) => year > b.after).length;
}

/**
 * Spreads label positions (in pixels, top = 0) so no two are closer than `gap`, keeping them inside
 * `[0, height]` and as near their targets as possible.
 */
export function dodge(targets: number[], gap: number, height: number): number[] {
  const order = targets.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const pos = order.map((o) => o.y);
  for (let k = 1; k < pos.length; k++) if (pos[k] - pos[k - 1] < gap) pos[k] = pos[k - 1] + gap;
  const overflow = pos.length ? pos[pos.length - 1] - height : 0;
  if (overflow > 0) {
    pos[pos.length - 1] -= overflow;
    for (let k = pos.length - 2; k >= 0; k--) if (pos[k + 1] - pos[k] < gap) pos[k] = pos[k + 1] - gap;
  }
  const out = new Array<number>(targets.length);
  order.forEach((o, k) => (out[o.i] = pos[k]));
  return out;
}
