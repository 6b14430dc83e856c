import '../messages/charts.js';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { toLang } from '../format/locale.js';
import { formatPeriod, periodPhrase } from '../format/period.js';
import { formatUnit } from '../format/unit.js';
import { formatNumber } from '../format/number.js';
import { fail } from '../errors.js';
import { getRegion } from '../registry/index.js';
import type { ChartSpec, CommonOptions } from './types.js';
import { axisFormat, checkRows, decimalsFor, finish, pickSeries, sortPeriods, sourceText, t, titleBlock, valueText, type Json, joinSentences } from './common.js';
import { capitalize, indicatorFor, indicatorLabel, inSentence, regionName, type Indicator } from './lookup.js';
import { colors, fontSizes } from './theme.js';
import { textWidth } from './measure.js';
import { regressionLinear } from 'vega-statistics';
import { niceDomain, pixelScale } from './scale.js';

export const ScatterLabel = ['none', 'outliers', 'all'] as const;

export interface ScatterOptions extends CommonOptions {
  /** Indicator on the horizontal axis (e.g. `income_per_capita`). Required. */
  x: string;
  /** Indicator on the vertical axis (e.g. `poverty_rate`). Required. */
  y: string;
  /** Sub-series of the x indicator. Default: `total` where it exists, else the series-less rows. */
  xSeries?: string | null;
  /** Sub-series of the y indicator. Default as for `xSeries`. */
  ySeries?: string | null;
  /** The period. Default: the latest period with figures for both indicators. */
  period?: string;
  /** Regions drawn. Default: every region of the most common level with both figures. */
  regions?: string[];
  /** Regions highlighted (accent colour, always labelled). Default: none. */
  highlight?: string | string[];
  /**
   * Which points get names: none, outliers (far from the trend, or extremes), all, or a list of region
   * ids. A name that finds no free place next to its point is left out (highlighted ones are placed
   * first); every point keeps its tooltip. Default `outliers`.
   */
  label?: (typeof ScatterLabel)[number] | string[];
  /** Draw a least-squares trend line. Default `false`. */
  trend?: boolean;
}

interface Point {
  region: string;
  name: string;
  x: Observation;
  y: Observation;
}

interface Prepared {
  ix: Indicator;
  iy: Indicator;
  period: string;
  points: Point[];
  r: number;
  fit: { a: number; b: number };
}

function prepare(data: readonly Observation[], options: ScatterOptions, loc: Lang): Prepared {
  checkRows(data, options);
  if (!options.x) fail('CHART_MISSING_OPTION', { chart: 'scatter', option: 'x' });
  if (!options.y) fail('CHART_MISSING_OPTION', { chart: 'scatter', option: 'y' });
  const xs = pickSeries(data.filter((o) => o.indicator === options.x && o.value !== null), options.xSeries, indicatorFor(options.x, data));
  const ys = pickSeries(data.filter((o) => o.indicator === options.y && o.value !== null), options.ySeries, indicatorFor(options.y, data));
  const both = sortPeriods(xs.map((o) => o.period)).filter((p) => ys.some((o) => o.period === p));
  const period = options.period ?? both[both.length - 1];
  if (period === undefined) return fail('CHART_NO_DATA', { chart: 'scatter', detail: `${options.x} × ${options.y}` });
  const X = new Map(xs.filter((o) => o.period === period).map((o) => [o.region, o]));
  const Y = new Map(ys.filter((o) => o.period === period).map((o) => [o.region, o]));
  let ids = [...X.keys()].filter((id) => Y.has(id));
  if (options.regions) ids = ids.filter((id) => options.regions?.includes(id));
  else {
    const level = (id: string) => getRegion(id)?.level ?? 'other';
    const count = new Map<string, number>();
    for (const id of ids) count.set(level(id), (count.get(level(id)) ?? 0) + 1);
    const top = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    ids = ids.filter((id) => level(id) === top);
  }
  const points = ids.map((id) => ({ region: id, name: regionName(id, loc), x: X.get(id) as Observation, y: Y.get(id) as Observation }));
  if (!points.length) return fail('CHART_NO_DATA', { chart: 'scatter', detail: `${options.x} × ${options.y} ${period}` });
  // The fit Vega's `regression` transform draws for the trend line; r from its R².
  const xv = (q: Point) => q.x.value as number;
  const yv = (q: Point) => q.y.value as number;
  const flat = (f: (q: Point) => number) => points.every((q) => f(q) === f(points[0]));
  const fit = regressionLinear(points, xv, yv);
  const [a, b] = flat(xv) ? [points.reduce((s, q) => s + yv(q), 0) / points.length, 0] : fit.coef;
  const r = flat(xv) || flat(yv) ? 0 : Math.sign(b) * Math.sqrt(Math.max(0, fit.rSquared));
  return { ix: indicatorFor(options.x, data), iy: indicatorFor(options.y, data), period, points, r, fit: { a, b } };
}

/** Points far from the trend (more than two standard deviations of the residuals) and the extremes of each axis. */
function outliers(p: Prepared): Set<string> {
  const res = p.points.map((q) => (q.y.value as number) - (p.fit.a + p.fit.b * (q.x.value as number)));
  const sd = Math.sqrt(res.reduce((s, r) => s + r * r, 0) / Math.max(1, res.length - 2));
  const out = new Set(p.points.filter((_, i) => Math.abs(res[i]) > 2 * sd).map((q) => q.region));
  const by = (f: (q: Point) => number) => [...p.points].sort((a, b) => f(a) - f(b));
  for (const f of [(q: Point) => q.x.value as number, (q: Point) => q.y.value as number]) {
    const s = by(f);
    out.add(s[0].region);
    out.add(s[s.length - 1].region);
  }
  return out;
}

/** Ticks on the value axis: its domain is made nice for this many, so its top carries one. */
const Y_TICKS = 6;

/**
 * Two indicators for one period (income against poverty): one point per region, names on demand
 * (none, outliers, all, or chosen regions), an optional trend line.
 */
export function scatterChart(data: readonly Observation[], options: ScatterOptions, locale?: Lang): ChartSpec {
  const loc = toLang(locale);
  const p = prepare(data, options, loc);
  const labelMode = Array.isArray(options.label) ? options.label : oneOfLabel(options.label);
  const highlight = options.highlight === undefined ? [] : ([] as string[]).concat(options.highlight);
  const dx = decimalsFor(p.points.map((q) => q.x));
  const dy = decimalsFor(p.points.map((q) => q.y));
  const named =
    Array.isArray(labelMode) ? new Set(labelMode)
    : labelMode === 'all' ? new Set(p.points.map((q) => q.region))
    : labelMode === 'outliers' ? outliers(p) : new Set<string>();
  for (const h of highlight) named.add(h);
  const lx = capitalize(indicatorLabel(p.ix, loc));
  const ly = capitalize(indicatorLabel(p.iy, loc));
  const values: Json[] = p.points.map((q) => ({
    region: q.region,
    name: q.name,
    x: q.x.value,
    y: q.y.value,
    xText: valueText(q.x, loc, dx),
    yText: valueText(q.y, loc, dy),
    highlight: highlight.includes(q.region),
    label: named.has(q.region),
    source: [...new Set([sourceText(q.x, loc), sourceText(q.y, loc)])].join('; '),
  }));
  const width = options.width ?? 480;
  const height = options.height ?? 360;
  const unitTitle = (ind: Indicator, label: string) => {
    const u = formatUnit(ind.unit, loc);
    return u ? `${label} (${u})` : label;
  };
  const xs = p.points.map((q) => q.x.value as number);
  const xpad = (Math.max(...xs) - Math.min(...xs)) * 0.04 || 1;
  const xDomain = [Math.min(...xs) - xpad, Math.max(...xs) + xpad];
  // Explicit domains, so label positions can be worked out in pixels here.
  const x = { field: 'x', type: 'quantitative', scale: { domain: xDomain, nice: false, zero: false }, axis: { title: unitTitle(p.ix, lx), ...axisFormat(p.points.map((q) => q.x.value as number), dx, loc), grid: true, tickCount: 6 } };
  const ymin = Math.min(0, ...p.points.map((q) => q.y.value as number));
  const ymax = Math.max(...p.points.map((q) => q.y.value as number));
  // The domain follows the points, not the trend line (which may run below zero), and ends on ticks.
  const y = { field: 'y', type: 'quantitative', scale: { domain: niceDomain(ymin, ymax, Y_TICKS), nice: false }, axis: { title: unitTitle(p.iy, ly), ...axisFormat(p.points.map((q) => q.y.value as number), dy, loc), tickCount: Y_TICKS } };
  const layers: Json[] = [];
  if (options.trend) {
    layers.push({
      transform: [{ regression: 'y', on: 'x' }],
      mark: { type: 'line', color: colors.faint, strokeDash: [5, 4], strokeWidth: 1.5, clip: true },
      encoding: { x, y },
    });
  }
  layers.push({
    mark: { type: 'point', filled: true, size: 44, opacity: 0.85, stroke: '#ffffff', strokeWidth: 0.5 },
    encoding: {
      x, y,
      color: { condition: { test: 'datum.highlight', value: colors.worse }, value: colors.accent },
      tooltip: [
        { field: 'name', type: 'nominal', title: t('CHART_REGION', loc) },
        { field: 'xText', type: 'nominal', title: lx },
        { field: 'yText', type: 'nominal', title: ly },
        { field: 'source', type: 'nominal', title: t('CHART_SOURCE', loc) },
      ],
    },
  });
  if (named.size) {
    const yDomain = y.scale.domain as number[];
    layers.push({
      data: { values: placeLabels(values.filter((v) => v.label), values, xDomain, yDomain, width, height) },
      mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: fontSizes.note, color: colors.text },
      encoding: { x: { ...x, field: 'lx' }, y: { ...y, field: 'ly' }, text: { field: 'name' } },
    });
  }
  const prelim = p.points.some((q) => q.x.status === 'preliminary' || q.y.status === 'preliminary');
  const title = t('CHART_SCATTER_TITLE', loc, { y: ly, x: inSentence(lx), period: formatPeriod(p.period, loc, { status: prelim ? 'preliminary' : undefined }) });
  const spec: Json = {
    title: titleBlock(title, p.points.flatMap((q) => [q.x, q.y]), options, loc),
    width,
    height,
    data: { values },
    layer: layers,
  };
  return finish(spec, options, loc, describeScatter(data, options, loc));
}

/**
 * Label positions (in data units: `lx` the label's left edge, `ly` its middle), worked out in pixels
 * from the domains with Be Vietnam Pro's widths: each label tries the right of its point, then the
 * left, above, below and the diagonals, and takes the first place that overlaps no other label and
 * no point and stays inside the plot. Highlighted points are placed first, then the outermost. A
 * label with no free place is left out (its point keeps its tooltip): names over names help nobody.
 */
function placeLabels(labelled: Json[], all: Json[], xDomain: number[], yDomain: number[], width: number, height: number): Json[] {
  const sx = pixelScale([xDomain[0], xDomain[1]], [0, width]);
  const sy = pixelScale([yDomain[0], yDomain[1]], [height, 0]);
  const px = (v: number) => sx(v);
  const py = (v: number) => sy(v);
  const backX = (x: number) => sx.invert(x);
  const backY = (y: number) => sy.invert(y);
  type Box = { x0: number; x1: number; y0: number; y1: number; owner?: unknown };
  const r = 4;
  const boxes: Box[] = all.map((q) => ({ x0: px(q.x as number) - r, x1: px(q.x as number) + r, y0: py(q.y as number) - r, y1: py(q.y as number) + r, owner: q.region }));
  const lh = fontSizes.note + 2;
  const cx = width / 2;
  const cy = height / 2;
  const ordered = [...labelled].sort((a, b) =>
    Number(b.highlight) - Number(a.highlight) ||
    Math.hypot(px(b.x as number) - cx, py(b.y as number) - cy) - Math.hypot(px(a.x as number) - cx, py(a.y as number) - cy));
  const out: Json[] = [];
  for (const p of ordered) {
    const x = px(p.x as number);
    const y = py(p.y as number);
    const w = textWidth(String(p.name), fontSizes.note);
    const candidates: [number, number][] = [
      [x + 6, y], [x - 6 - w, y], [x - w / 2, y - lh + 1], [x - w / 2, y + lh - 1],
      [x + 4, y - lh + 2], [x + 4, y + lh - 2], [x - 4 - w, y - lh + 2], [x - 4 - w, y + lh - 2],
    ];
    for (const [x0, yc] of candidates) {
      const box = { x0, x1: x0 + w, y0: yc - lh / 2, y1: yc + lh / 2 };
      if (box.x0 < 0 || box.x1 > width || box.y0 < 0 || box.y1 > height) continue;
      // A few pixels between neighbours, so two names never read as one.
      if (boxes.some((b) => b.owner !== p.region && box.x0 - 4 < b.x1 && b.x0 < box.x1 + 4 && box.y0 < b.y1 && b.y0 < box.y1)) continue;
      boxes.push(box);
      out.push({ ...p, lx: backX(x0), ly: backY(yc) });
      break;
    }
  }
  return out;
}

function oneOfLabel(v: unknown): (typeof ScatterLabel)[number] {
  if (v === undefined) return 'outliers';
  if (typeof v === 'string' && (ScatterLabel as readonly string[]).includes(v)) return v as (typeof ScatterLabel)[number];
  return fail('CHART_UNKNOWN_OPTION', { option: 'label', value: String(v), allowed: [...ScatterLabel, '[region ids]'].join(', ') });
}

/** What the cloud shows: the number of regions, the correlation and its strength. */
export function describeScatter(data: readonly Observation[], options: ScatterOptions, locale?: Lang): string {
  const loc = toLang(locale);
  const p = prepare(data, options, loc);
  const strength =
    p.r <= -0.6 ? 'DESC_STRONG_NEG' : p.r >= 0.6 ? 'DESC_STRONG_POS'
    : p.r <= -0.3 ? 'DESC_MODERATE_NEG' : p.r >= 0.3 ? 'DESC_MODERATE_POS' : 'DESC_WEAK';
  const sentences = [
    t('DESC_SCATTER', loc, {
      x: inSentence(indicatorLabel(p.ix, loc)), y: inSentence(indicatorLabel(p.iy, loc)),
      period: periodPhrase(p.period, loc), count: p.points.length,
    }) + ': ' + t('DESC_CORRELATION', loc, { r: formatNumber(p.r, loc, { decimals: 2 }), strength: t(strength, loc) }),
  ];
  const prelim = p.points.some((q) => q.x.status === 'preliminary' || q.y.status === 'preliminary');
  if (prelim) sentences.push(t('DESC_PRELIMINARY', loc, { periods: periodPhrase(p.period, loc) }));
  return joinSentences(sentences);
}
