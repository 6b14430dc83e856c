import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { periodPosition } from '../data/period.js';
import type { Indicator } from './lookup.js';
import { regionName, seriesLabel as labelOfSeries } from './lookup.js';
import { UNKNOWN_SERIES } from '../registry/indicators.js';
import { eventsBetween, type TerritorialEvent } from '../registry/events.js';
import type { LocalText } from '../registry/types.js';

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
  locale: Lang,
  regions?: readonly string[],
): Series[] {
  // Methods (poverty standards) break a region's line; they never make another line.
  const multiSeries = !indicator.seriesIsMethod && new Set(rows.map((o) => o.series)).size > 1;
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
 * The method a figure was measured under, as a key: its series for an indicator whose series are
 * methods (poverty standards; `null` series is one method, "not given"), else the year-based segment.
 * `null` when the method is unknown: such a figure is comparable with no other.
 */
export function methodOf(o: Observation, indicator: Indicator): string | null {
  if (indicator.seriesIsMethod) return o.series === UNKNOWN_SERIES ? null : o.series ?? '';
  return String(segmentOf(o.period, indicator));
}

/** The name of the method a figure was measured under; `null` when unknown or not given. */
export function methodLabel(o: Observation, indicator: Indicator): LocalText | null {
  if (indicator.seriesIsMethod) return o.series && o.series !== UNKNOWN_SERIES ? indicator.series?.[o.series] ?? null : null;
  const seg = segmentOf(o.period, indicator);
  return seg > 0 ? indicator.breaks[seg - 1]?.label ?? null : null;
}

/** Why two neighbouring figures of a region are not comparable; `label` names what starts (never an unknown standard). */
export type Boundary =
  | { kind: 'method'; label: LocalText | null }
  | { kind: 'event'; label: LocalText; event: TerritorialEvent };

/** A run of figures of one region that may be compared with each other, and what opened it. */
export interface Run {
  rows: Observation[];
  /** What separates this run from the previous one (`null` for the first, or after a missing figure). */
  opened: Boundary[];
}

/**
 * Splits a region's figures (in time order) into runs that may be compared: a missing figure, a change
 * of method, a figure of unknown method and a territorial event of the region each end a run.
 * `methods: false` ignores methods (the `breaks: 'none'` option); territorial events always count.
 */
export function comparableRuns(rows: readonly Observation[], indicator: Indicator, methods = true): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  let gap = false;
  for (const o of rows) {
    if (o.value === null) {
      gap = true;
      continue;
    }
    const prev = current?.rows[current.rows.length - 1];
    const opened: Boundary[] = [];
    if (prev && methods) {
      const a = methodOf(prev, indicator);
      const b = methodOf(o, indicator);
      if (a === null || b === null || a !== b) opened.push({ kind: 'method', label: methodLabel(o, indicator) });
    }
    if (prev) for (const event of eventsBetween(o.region, prev.period, o.period)) opened.push({ kind: 'event', label: event.label, event });
    if (!current || gap || opened.length) {
      current = { rows: [o], opened };
      runs.push(current);
    } else current.rows.push(o);
    gap = false;
  }
  return runs;
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
