import type { Observation } from '../../types.js';
import type { Lang } from '../../messages/index.js';
import { comparePeriods } from '../../data/period.js';
import { decimalsOf } from '../../format/number.js';
import { spokenPeriod, spokenValue } from '../../format/spoken.js';
import { regionName, seriesLabel } from '../../registry/names.js';
import { seriesIsMethod } from '../../registry/indicators.js';
import { t } from '../core/i18n.js';
import { statusLabel } from '../core/observation-table.js';

/** One figure on the walk: its observation and what a screen reader says of it. */
export interface WalkPoint {
  o: Observation;
  /** The region (and sub-series) it belongs to, by name. */
  name: string;
}

/**
 * A chart's figures as the keyboard walks them: one sequence per region and sub-series (the regions
 * in `order` first, as the author listed them, then as they first appear in the rows), each in time
 * order. A series that is a method (a poverty standard) is no sub-series: the region's figures stay
 * one sequence. Left and Right move along a sequence, Up and Down across them.
 */
export function walkSeries(rows: readonly Observation[], lang: Lang, order: readonly string[] = []): WalkPoint[][] {
  const groups = new Map<string, WalkPoint[]>();
  for (const o of rows) {
    const part = o.series && !seriesIsMethod(o.indicator) ? o.series : '';
    const key = `${o.indicator}\u0000${o.region}\u0000${part}`;
    let list = groups.get(key);
    if (!list) {
      const name = regionName(o.region, lang) + (part ? ` (${seriesLabel(o.indicator, part, lang) ?? part})` : '');
      groups.set(key, (list = []));
      list.push({ o, name });
    } else list.push({ o, name: list[0].name });
  }
  const rank = (s: WalkPoint[]) => {
    const k = order.indexOf(s[0].o.region);
    return k < 0 ? order.length : k;
  };
  const out = [...groups.values()].map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((e) => e.s);
  for (const s of out) s.sort((a, b) => comparePeriods(a.o.period, b.o.period));
  return out;
}

/** Where the walk stands: a sequence and a figure in it. */
export interface WalkPosition {
  series: number;
  index: number;
}

/** The position a key moves to, or `null` for a key the walk does not take. */
export function walkStep(series: readonly WalkPoint[][], at: WalkPosition, key: string): WalkPosition | null {
  const here = series[at.series];
  if (!here) return null;
  const last = here.length - 1;
  switch (key) {
    case 'ArrowRight':
      return { series: at.series, index: Math.min(last, at.index + 1) };
    case 'ArrowLeft':
      return { series: at.series, index: Math.max(0, at.index - 1) };
    case 'Home':
      return { series: at.series, index: 0 };
    case 'End':
      return { series: at.series, index: last };
    case 'ArrowUp':
    case 'ArrowDown': {
      const next = Math.max(0, Math.min(series.length - 1, at.series + (key === 'ArrowDown' ? 1 : -1)));
      // The same period in the next sequence where it has one, else its nearest figure.
      const period = here[at.index].o.period;
      const found = series[next].findIndex((p) => p.o.period === period);
      return { series: next, index: found >= 0 ? found : Math.min(at.index, series[next].length - 1) };
    }
    default:
      return null;
  }
}

/** What a screen reader says of a figure: name, period, value with its unit, status, and where it stands. */
export function walkText(series: readonly WalkPoint[][], at: WalkPosition, lang: Lang): string {
  const s = series[at.series];
  const p = s[at.index];
  const decimals = decimalsOf(s.map((q) => q.o.value));
  const status = p.o.status === 'final' ? '' : `, ${statusLabel(p.o.status, lang)}`;
  return t('COMPONENTS_WALK_POINT', lang, {
    name: p.name,
    period: spokenPeriod(p.o.period, lang),
    value: spokenValue(p.o, lang, { decimals, missing: t('CHART_NO_DATA_LEGEND', lang) }),
    status,
    k: at.index + 1,
    n: s.length,
    series: series.length > 1 ? t('COMPONENTS_WALK_SERIES', lang, { k: at.series + 1, n: series.length }) : '',
  });
}
