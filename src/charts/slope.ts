import '../messages/charts.js';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { toLang } from '../format/locale.js';
import { formatPeriod, periodPhrase } from '../format/period.js';
import type { ChartSpec, CommonOptions } from './types.js';
import {
  checkRows, decimalsFor, finish, oneOf, pickIndicator, pickSeries, sortPeriods, sourceText, t, titleBlock, valueText, type Json, joinSentences, contrastOf, PERIOD_LABELS } from './common.js';
import { capitalize, indicatorLabel, inSentence, regionName, type Indicator } from './lookup.js';
import { comparableRuns, dodge } from './series.js';
import { colors, fontSizes } from './theme.js';
import { pixelScale } from './scale.js';
import { getRegion } from '../registry/index.js';
import { fontFamily } from './theme.js';
import type { MeasureText } from './fit.js';
import { keptRoom, mostCommonLevel, roomFor, roomLayer, roomOption, type LabelRoom } from './room.js';

export const SlopeLabels = ['auto', 'all', 'highlight'] as const;

export interface SlopeOptions extends CommonOptions {
  /** The two periods compared. Default: the first and the last period in the data. */
  periods?: [string, string];
  /** Regions drawn. Default: every region of the most common level (with figures for both periods). */
  regions?: string[];
  /** Regions drawn in the accent colour; the others grey. Default: none (coloured by better/worse). */
  highlight?: string | string[];
  /** The sub-series drawn, where the indicator has several. Default: `total`, else the rows without one. */
  series?: string | null;
  /** Which lines get names: `all`, `highlight`, or `auto` (all up to 16 lines). Default `auto`. */
  labels?: (typeof SlopeLabels)[number];
  /** Pixels kept left and right of the plot whatever the regions shown (see `slopeRoom`). Default none. */
  room?: LabelRoom;
}

interface Pair {
  region: string;
  name: string;
  a: Observation;
  b: Observation;
  judgement: 'better' | 'worse' | 'neutral';
}

interface Prepared {
  indicator: Indicator;
  p0: string;
  p1: string;
  pairs: Pair[];
  rows: Observation[];
  crossesBreak: boolean;
}

function prepare(data: readonly Observation[], options: SlopeOptions, loc: Lang): Prepared {
  checkRows(data, options);
  const { indicator, rows: picked } = pickIndicator('slope', data, options);
  const rows = pickSeries(picked, options.series, indicator);
  const periods = sortPeriods(rows.map((o) => o.period));
  const [p0, p1] = options.periods ?? [periods[0], periods[periods.length - 1]];
  const at = (p: string) => new Map(rows.filter((o) => o.period === p && o.value !== null).map((o) => [o.region, o]));
  const A = at(p0);
  const B = at(p1);
  let ids = options.regions ?? [...A.keys()].filter((id) => B.has(id));
  if (!options.regions) {
    const level = (id: string) => getRegion(id)?.level ?? 'other';
    const count = new Map<string, number>();
    for (const id of ids) count.set(level(id), (count.get(level(id)) ?? 0) + 1);
    const top = [...count.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
    ids = ids.filter((id) => level(id) === top);
  }
  const lower = indicator.lowerIsBetter;
  const pairs: Pair[] = ids
    .filter((id) => A.has(id) && B.has(id))
    .map((id) => {
      const a = A.get(id) as Observation;
      const b = B.get(id) as Observation;
      const d = (b.value as number) - (a.value as number);
      const judgement = d === 0 || lower === null ? 'neutral' : (d < 0) === lower ? 'better' : 'worse';
      return { region: id, name: regionName(id, loc), a, b, judgement };
    });
  return {
    indicator, p0, p1, pairs, rows: pairs.flatMap((p) => [p.a, p.b]),
    // Not comparable when a pair's two figures differ in method (or one is unknown) or straddle a territorial event.
    crossesBreak: pairs.some((p) => comparableRuns([p.a, p.b], indicator).length > 1),
  };
}

/** A line's label at one end: name and figure left, figure and name right. */
function sideText(p: Pair, k: 0 | 1, loc: Lang, decimals: number): string {
  return k === 0 ? `${p.name} ${valueText(p.a, loc, decimals)}` : `${valueText(p.b, loc, decimals)} ${p.name}`;
}

/** Between a line's end and its label (the labels' `dx`). */
const LABEL_DX = 8;

/**
 * The room a slope chart of any one region of `data` (as a chart following a selection shows it)
 * needs beside its plot for the labels at both ends. Measured once per data, given as `room`, it keeps
 * the chart's layout from region to region.
 */
export function slopeRoom(data: readonly Observation[], options: SlopeOptions, locale: Lang | undefined, measure: MeasureText): LabelRoom {
  const loc = toLang(locale);
  const font = `normal ${fontSizes.label}px ${fontFamily}`;
  const byRegion = new Map<string, Observation[]>();
  for (const o of mostCommonLevel(data)) {
    const list = byRegion.get(o.region);
    if (list) list.push(o);
    else byRegion.set(o.region, [o]);
  }
  const lefts: number[] = [];
  const rights: number[] = [];
  for (const [region, rows] of byRegion) {
    let prepared: Prepared;
    try {
      prepared = prepare(rows, { ...options, regions: [region] }, loc);
    } catch {
      continue;
    }
    const decimals = decimalsFor(prepared.rows);
    for (const p of prepared.pairs) {
      lefts.push(LABEL_DX + measure(sideText(p, 0, loc, decimals), font));
      rights.push(LABEL_DX + measure(sideText(p, 1, loc, decimals), font));
    }
  }
  // The labels of nine regions in ten (the longest take their own room), a pixel or two over the
  // text's own width: Vega rounds the bounds it lays out by up.
  return { left: roomFor(lefts, 0.9) + 2, right: roomFor(rights, 0.9) + 2 };
}

/**
 * Two periods per region: one line each, coloured by whether the region got better or worse (or
 * the selected regions highlighted), names and values at both ends, spread so they do not overlap.
 */
export function slopeChart(data: readonly Observation[], options: SlopeOptions = {}, locale?: Lang): ChartSpec {
  const loc = toLang(locale);
  const high = contrastOf(options) === 'high';
  const labelsMode = oneOf('labels', options.labels, SlopeLabels, 'auto');
  const { indicator, p0, p1, pairs, rows, crossesBreak } = prepare(data, options, loc);
  const decimals = decimalsFor(rows);
  const width = options.width ?? 240;
  const height = options.height ?? 360;
  const highlight = options.highlight === undefined ? [] : ([] as string[]).concat(options.highlight);
  const label0 = formatPeriod(p0, loc, { status: pairs.some((p) => p.a.status === 'preliminary') ? 'preliminary' : undefined });
  const label1 = formatPeriod(p1, loc, { status: pairs.some((p) => p.b.status === 'preliminary') ? 'preliminary' : undefined });

  const vs = rows.map((o) => o.value as number);
  const lo = Math.min(0, ...vs);
  const hi = Math.max(...vs) * 1.04 || 1;
  const colorOf = (p: Pair) =>
    highlight.length ? (highlight.includes(p.region) ? colors.accent : colors.neutral)
    : p.judgement === 'better' ? colors.better : p.judgement === 'worse' ? colors.worse : colors.neutral;
  const labelled = pairs.filter((p) =>
    labelsMode === 'all' || (labelsMode === 'highlight' ? highlight.includes(p.region) : pairs.length <= 16 || highlight.includes(p.region)),
  );
  // High contrast: a change for the worse is also dashed, not told by colour alone.
  const dash = (p: Pair) => (high && !highlight.length && p.judgement === 'worse' ? 'worse' : 'other');
  const points: Json[] = pairs.flatMap((p) => [
    { region: p.region, name: p.name, side: 0, value: p.a.value, color: colorOf(p), dash: dash(p), valueText: valueText(p.a, loc, decimals), period: label0, source: sourceText(p.a, loc), top: highlight.includes(p.region) ? 1 : 0 },
    { region: p.region, name: p.name, side: 1, value: p.b.value, color: colorOf(p), dash: dash(p), valueText: valueText(p.b, loc, decimals), period: label1, source: sourceText(p.b, loc), top: highlight.includes(p.region) ? 1 : 0 },
  ]);
  const sy = pixelScale([lo, hi], [height, 0]);
  const px = (v: number) => sy(v);
  const back = (y: number) => sy.invert(y);
  const side = (k: 0 | 1) => {
    const obs = labelled.map((p) => (k === 0 ? p.a : p.b));
    const placed = dodge(obs.map((o) => px(o.value as number)), fontSizes.label + 2, height);
    return labelled.map((p, i) => ({
      region: p.region, side: k, labelY: back(placed[i]), color: colorOf(p),
      text: sideText(p, k, loc, decimals),
    }));
  };
  const x = {
    field: 'side', type: 'quantitative', scale: { domain: [0, 1] },
    axis: { title: null, values: [0, 1], labelExpr: `${PERIOD_LABELS}[datum.value]`, orient: 'top', grid: false, domain: false, ticks: false, labelFontWeight: 600, labelFontSize: 12, labelFlush: true },
  };
  const y = { field: 'value', type: 'quantitative', scale: { domain: [lo, hi], nice: false }, axis: null };
  const tooltip = [
    { field: 'name', type: 'nominal', title: t('CHART_REGION', loc) },
    { field: 'period', type: 'nominal', title: t('CHART_PERIOD', loc) },
    { field: 'valueText', type: 'nominal', title: capitalize(indicatorLabel(indicator, loc)) },
    { field: 'source', type: 'nominal', title: t('CHART_SOURCE', loc) },
  ];
  // Highlighted lines in a layer of their own, drawn over the grey ones.
  const lineLayer = (values: Json[]): Json => ({
      data: { values },
      mark: { type: 'line', strokeWidth: 1.5 },
      encoding: {
        x, y, detail: { field: 'name', type: 'nominal' }, color: { field: 'color', type: 'nominal', scale: null }, order: { field: 'side', type: 'quantitative' },
        ...(high ? { strokeDash: { field: 'dash', type: 'nominal', legend: null, scale: { domain: ['other', 'worse'], range: [[1, 0], [6, 3]] } } } : {}),
      },
  });
  const pointLayer = (values: Json[]): Json => ({
    data: { values },
    mark: { type: 'point', filled: true, size: 30, opacity: 1 },
    encoding: { x, y, color: { field: 'color', type: 'nominal', scale: null }, tooltip },
  });
  const layers: Json[] = [
    lineLayer(points.filter((q) => !q.top)),
    pointLayer(points.filter((q) => !q.top)),
    ...(highlight.length ? [lineLayer(points.filter((q) => q.top)), pointLayer(points.filter((q) => q.top))] : []),
  ];
  layers.push(roomLayer(options.room === undefined ? undefined : keptRoom(roomOption(options.room)!, width)));
  for (const k of [0, 1] as const) {
    layers.push({
      data: { values: side(k) },
      mark: { type: 'text', align: k === 0 ? 'right' : 'left', baseline: 'middle', dx: k === 0 ? -8 : 8, fontSize: fontSizes.label },
      encoding: { x: { field: 'side', type: 'quantitative' }, y: { field: 'labelY', type: 'quantitative' }, text: { field: 'text' }, color: { field: 'color', type: 'nominal', scale: null } },
    });
  }
  const note = crossesBreak ? breakNote(indicator, p0, p1, loc) : undefined;
  const spec: Json = {
    title: titleBlock(`${capitalize(indicatorLabel(indicator, loc))}, ${formatPeriod(p0, loc)}–${formatPeriod(p1, loc)}`, rows, options, loc, note),
    width,
    height,
    // "(sơ bộ)" comes and goes with the regions shown: a value, so the spec keeps its shape.
    params: [{ name: PERIOD_LABELS, value: [label0, label1] }],
    layer: layers,
  };
  return finish(spec, options, loc, describeSlope(data, options, loc));
}

function breakNote(indicator: Indicator, p0: string, p1: string, loc: Lang): string {
  const y0 = Number.parseInt(p0, 10);
  const y1 = Number.parseInt(p1, 10);
  const b = indicator.breaks.filter((k) => k.after >= y0 && k.after < y1);
  return b.map((k) => t('CHART_BREAK_NOTE', loc, { year: k.after, label: k.label[loc] })).join('; ');
}

/** How many regions rose and fell, and the largest change. */
export function describeSlope(data: readonly Observation[], options: SlopeOptions = {}, locale?: Lang): string {
  const loc = toLang(locale);
  const { indicator, p0, p1, pairs, rows, crossesBreak } = prepare(data, options, loc);
  const decimals = decimalsFor(rows);
  const up = pairs.filter((p) => (p.b.value as number) > (p.a.value as number)).length;
  const down = pairs.filter((p) => (p.b.value as number) < (p.a.value as number)).length;
  const sentences = [
    capitalize(t('DESC_SLOPE', loc, { indicator: inSentence(indicatorLabel(indicator, loc)), count: pairs.length, p0: periodPhrase(p0, loc), p1: periodPhrase(p1, loc), up, down })),
  ];
  if (pairs.length) {
    const big = pairs.reduce((m, p) => (Math.abs((p.b.value as number) - (p.a.value as number)) > Math.abs((m.b.value as number) - (m.a.value as number)) ? p : m));
    sentences.push(capitalize(t('DESC_SLOPE_EXTREME', loc, { region: big.name, from: valueText(big.a, loc, decimals), to: valueText(big.b, loc, decimals) })));
  }
  if (crossesBreak) sentences.push(breakNote(indicator, p0, p1, loc));
  const prelim = sortPeriods(rows.filter((o) => o.status === 'preliminary').map((o) => o.period));
  if (prelim.length) sentences.push(t('DESC_PRELIMINARY', loc, { periods: prelim.map((p) => periodPhrase(p, loc)).join(', ') }));
  return joinSentences(sentences);
}
