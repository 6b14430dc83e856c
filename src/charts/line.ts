import '../messages/charts.js';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { toLang } from '../format/locale.js';
import { formatPeriod, periodPhrase } from '../format/period.js';
import { periodPosition, timePositions } from '../data/period.js';
import { formatUnit, isTightUnit } from '../format/unit.js';
import { formatInterval, formatValue, hasInterval } from '../format/value.js';
import { fail } from '../errors.js';
import type { ChartSpec, CommonOptions } from './types.js';
import {
  axisFormat, checkRows, decimalsFor, finish, oneOf, periodText, pickIndicator, sortPeriods, sourceText, t, titleBlock, valueText,
  type Json, joinSentences, contrastOf } from './common.js';
import { capitalize, indicatorLabel, inSentence, regionPhrase, type Indicator } from './lookup.js';
import { comparableRuns, dodge, groupSeries, methodLabel, type Series } from './series.js';
import { eventAffects, listTerritorialEvents } from '../registry/events.js';
import { annotationPhrase, checkAnnotations, type Annotation } from './annotations.js';
import { categoricalPalette, colors, fontSizes, preliminaryDash, seriesDashes, seriesShapes } from './theme.js';
import { pixelScale } from './scale.js';
import { ticks } from 'd3-array';
import { vegaFormat } from '../format/vega-locale.js';
import { fontFamily } from './theme.js';
import { magnitudes } from '../format/number.js';
import type { MeasureText } from './fit.js';
import { keptRoom, mostCommonLevel, roomFor, roomLayer, roomOption, type LabelRoom } from './room.js';
import { AXIS_ROOM } from './fit.js';

export const LineLabels = ['auto', 'end', 'legend'] as const;
export const LineBreaks = ['both', 'gap', 'rule', 'none'] as const;

export interface LineOptions extends CommonOptions {
  /** Regions to draw, in this order. Default: every region in the data, in order of appearance. */
  regions?: string[];
  /** Regions drawn in colour; the others in grey underneath. Default: none (all in colour). */
  highlight?: string | string[];
  /** `end`: names at line ends; `legend`: a legend; `auto`: names at ends up to 8 lines. Default `auto`. */
  labels?: (typeof LineLabels)[number];
  /**
   * How a methodology break (the catalogue's `breaks`) shows: `gap` leaves the line open, `rule` draws
   * a dashed rule with a note, `both` does both, `none` ignores it. Default `both`.
   */
  breaks?: (typeof LineBreaks)[number];
  /** Start the value axis at zero. Default `true`. */
  zero?: boolean;
  /**
   * The author's notes: events (`{ type: 'event', at: '2016-05-15', label: 'Chỉ thị 05 ban hành' }`),
   * ranges of periods and single figures, drawn on the chart and read in its description. Default none.
   */
  annotations?: Annotation[];
  /**
   * Pixels kept left and right of the plot whatever the regions shown (see `lineRoom`): a chart that
   * follows a selection keeps one layout from region to region. Default none (the labels' own room).
   */
  room?: LabelRoom;
}

const MAX_END_LABELS = 8;

/**
 * Splits a note into lines of about `width` characters at spaces (an array is multi-line text in
 * Vega). A word longer than a line breaks after its hyphens (`2016-` / `2020`), so a narrow chart
 * on a phone shows the whole note instead of cutting it (`2016-2…`).
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const parts = word.length > width ? word.split(/(?<=-)/) : [word];
    parts.forEach((part, k) => {
      const joined = k === 0 ? (line ? line + ' ' + part : part) : line + part;
      if (line && joined.length > width) {
        lines.push(line);
        line = part;
      } else line = joined;
    });
  }
  if (line) lines.push(line);
  return lines;
}

interface Prepared {
  indicator: Indicator;
  series: Series[];
  rows: Observation[];
  periods: string[];
  /** Where a period sits on the time axis. */
  pos: (period: string) => number;
}


function prepare(data: readonly Observation[], options: LineOptions, locale: Lang): Prepared {
  checkRows(data, options);
  const { indicator, rows } = pickIndicator('line', data, options);
  const series = groupSeries(rows, indicator, locale, options.regions);
  const used = series.flatMap((s) => s.rows);
  if (!used.length) fail('CHART_NO_DATA', { chart: 'line', detail: options.regions?.join(', ') });
  const periods = sortPeriods(used.map((o) => o.period));
  const pos = timePositions(periods);
  // A period off the time axis would vanish from the chart: refuse it instead.
  const bad = used.find((o) => Number.isNaN(pos(o.period)));
  if (bad) fail('CHART_BAD_PERIOD', { value: bad.period }, { file: bad.source || undefined });
  periods.sort((a, b) => pos(a) - pos(b));
  for (const s of series) s.rows.sort((a, b) => pos(a.period) - pos(b.period));
  return { indicator, series, rows: used, periods, pos };
}

/**
 * Rules where figures stop being comparable, for every drawn series: between the last figure before and
 * the first after, noted with what starts there (a standard, never an unknown one; a territorial event).
 */
function boundaryRules(series: Series[], indicator: Indicator, pos: (p: string) => number, loc: Lang): { x: number; note: string }[] {
  const out = new Map<number, string[]>();
  for (const s of series) {
    const runs = comparableRuns(s.rows.filter((o) => !Number.isNaN(pos(o.period))), indicator);
    for (let r = 1; r < runs.length; r++) {
      if (!runs[r].opened.length) continue;
      const before = runs[r - 1].rows[runs[r - 1].rows.length - 1];
      const x = (pos(before.period) + pos(runs[r].rows[0].period)) / 2;
      const notes = out.get(x) ?? [];
      for (const b of runs[r].opened) {
        const note = b.label ? b.label[loc] : '';
        if (note && !notes.includes(note)) notes.push(note);
      }
      out.set(x, notes);
    }
  }
  // An event inside the drawn time range that changed a drawn region, where no line crosses it (the 2025
  // merger between an old province's last figure and its new unit's first) is marked at its date.
  const xs = series.flatMap((s) => s.rows.map((o) => pos(o.period))).filter((x) => !Number.isNaN(x));
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const noted = new Set([...out.values()].flat());
  for (const e of listTerritorialEvents()) {
    const x = pos(e.date);
    if (!(x > lo && x < hi) || noted.has(e.label[loc]) || !series.some((s) => eventAffects(e, s.region))) continue;
    out.set(x, [...(out.get(x) ?? []), e.label[loc]]);
  }
  return [...out].sort((a, b) => a[0] - b[0]).map(([x, notes]) => ({ x, note: notes.join('; ') }));
}

/**
 * An indicator over time, one line per region: methodology breaks as gaps and dashed rules with a
 * note, preliminary figures dashed and marked on the axis, qualified figures (`>98%`) labelled as
 * such, names at line ends instead of a legend where they fit.
 */
export function lineChart(data: readonly Observation[], options: LineOptions = {}, locale?: Lang): ChartSpec {
  const loc = toLang(locale);
  const labelsMode = oneOf('labels', options.labels, LineLabels, 'auto');
  const breaksMode = oneOf('breaks', options.breaks, LineBreaks, 'both');
  const high = contrastOf(options) === 'high';
  const { indicator, series, rows, periods, pos } = prepare(data, options, loc);
  const decimals = decimalsFor(rows);
  // With a room beside it, the plot is what the room leaves of the width laid out for (the notes on
  // break rules are placed for that plot).
  const room = options.room === undefined ? undefined : keptRoom(roomOption(options.room)!, options.width ?? 560);
  const width = room ? Math.max(80, (options.width ?? 560) + AXIS_ROOM - room.left - room.right) : options.width ?? 560;
  const height = options.height ?? 300;
  const highlight = options.highlight === undefined ? [] : ([] as string[]).concat(options.highlight);
  const gap = breaksMode === 'gap' || breaksMode === 'both';
  const drawRules = breaksMode === 'rule' || breaksMode === 'both';

  // Colours: highlighted (or all) series take the palette in order; the rest are grey. No colour is
  // given twice: past the palette's eight, the first eight series (in the order asked for) keep
  // theirs and the legend names only them; the rest turn grey, named in tooltips and the data table,
  // and a note says so and how to choose (highlight). Two lines in one colour would be misread.
  const wanted = series.filter((s) => highlight.length === 0 || highlight.includes(s.region));
  const colored = wanted.slice(0, categoricalPalette.length);
  const greyed = wanted.length - colored.length;
  const names = series.map((s) => s.name);
  const range = series.map((s) => {
    const k = colored.indexOf(s);
    if (k < 0) return colors.neutral;
    return colored.length === 1 ? colors.accent : categoricalPalette[k];
  });

  // Points: every observation with a value.
  const points: Json[] = [];
  for (const s of series) {
    for (const o of s.rows) {
      if (o.value === null) continue;
      points.push({
        region: s.region,
        name: s.name,
        x: pos(o.period),
        value: o.value,
        valueText: valueText(o, loc, decimals),
        period: periodText(o, loc),
        preliminary: o.status === 'preliminary',
        qualified: o.qualifier !== null,
        source: sourceText(o, loc),
        interval: hasInterval(o) ? intervalText(o, loc, decimals) : '',
        emphasis: colored.includes(s) ? 1 : 0,
      });
    }
  }

  // Line pieces: solid within a run of comparable figures (one method, one territory), dashed into
  // preliminary figures; a missing figure, a change of method and a territorial event open the line.
  const pieces: Json[] = [];
  for (const s of series) {
    const seq = s.rows.filter((o) => !Number.isNaN(pos(o.period)));
    comparableRuns(seq, indicator, gap).forEach((run, r) => {
      run.rows.forEach((o, i) => {
        const prev = i > 0 ? run.rows[i - 1] : undefined;
        // High contrast: final pieces take their series' own dash, preliminary ones the dotted one.
        const finalDash = high ? `s${series.indexOf(s) % seriesDashes.length}` : 'final';
        const row = (piece: string, dash: string, p: Observation) => ({
          region: s.region, name: s.name, piece: `${s.key}|${r}:${piece}`, dash, x: pos(p.period), value: p.value,
          emphasis: colored.includes(s) ? 1 : 0,
        });
        if (o.status === 'preliminary') {
          // The dashed piece starts at the previous point of the same run, so the line stays joined.
          if (prev) pieces.push(row(`p${i}`, 'preliminary', prev));
          pieces.push(row(`p${i}`, 'preliminary', o));
        } else pieces.push(row('f', finalDash, o));
      });
    });
  }

  // Value scale, computed here so the end labels can be spread in pixels.
  // The interval around an estimate is drawn as a band, so the scale holds its ends too.
  const values = rows.flatMap((o) => (o.value === null ? [] : hasInterval(o) ? [o.value, o.lower!, o.upper!] : [o.value]));
  const bands: Json[] = [];
  for (const s of series) {
    comparableRuns(s.rows.filter((o) => !Number.isNaN(pos(o.period))), indicator, gap).forEach((run, r) => {
      for (const o of run.rows) {
        if (hasInterval(o)) bands.push({ region: s.region, name: s.name, piece: `${s.key}|${r}`, x: pos(o.period), lower: o.lower, upper: o.upper });
      }
    });
  }
  const ruleRows = drawRules ? boundaryRules(series, indicator, pos, loc) : [];
  const [lo, hi] = valueDomain(values, options.zero ?? true, ruleRows.length > 0);

  // Many grey lines and a few highlighted: the highlighted ones carry names, the rest need no legend.
  const labelled = series.length > MAX_END_LABELS && colored.length <= MAX_END_LABELS && highlight.length ? colored : series;
  const useEndLabels = labelsMode === 'end' || (labelsMode === 'auto' && labelled.length <= MAX_END_LABELS);
  const endLabels: Json[] = [];
  if (useEndLabels) {
    const ends = labelled
      .map((s) => ({ s, o: [...s.rows].reverse().find((o) => o.value !== null) }))
      .filter((e): e is { s: Series; o: Observation } => e.o !== undefined);
    const sy = pixelScale([lo, hi], [height, 0]);
    const targets = ends.map((e) => sy(e.o.value as number));
    const placed = dodge(targets, fontSizes.label + 3, height);
    ends.forEach((e, i) => {
      endLabels.push({
        region: e.s.region,
        name: e.s.name,
        x: pos(e.o.period),
        labelY: sy.invert(placed[i]),
        // The value axis names a long unit once; the label keeps only a short one (`%`).
        text: endLabelText(e.s, e.o, loc, decimals),
        emphasis: colored.includes(e.s) ? 1 : 0,
      });
    });
  }

  // Axis labels: years as written, other periods through their text; preliminary periods on two lines.
  const xs = periods.map(pos);
  const prelimPeriods = new Set(rows.filter((o) => o.status === 'preliminary').map((o) => o.period));
  const labelCases = periods
    .filter((p) => !Number.isNaN(pos(p)))
    .map((p) => {
      const main = formatPeriod(p, loc);
      return `datum.value === ${pos(p)} ? ${JSON.stringify(main)}`;
    });
  const xAxis: Json = {
    title: null,
    values: xs.filter((x) => !Number.isNaN(x)),
    labelExpr: labelCases.length ? `${labelCases.join(' : ')} : ''` : undefined,
    labelOverlap: 'greedy',
    labelFlush: false,
  };
  // The author's notes widen the time axis rather than fall off it.
  const notes = checkAnnotations(options.annotations);
  const noteXs = notes.flatMap((a) => (a.type === 'range' ? [pos(a.from!), pos(a.to!)] : [pos(a.at!)]));
  const badNote = notes.find((a) => (a.type === 'range' ? [a.from!, a.to!] : [a.at!]).some((p) => Number.isNaN(pos(p))));
  if (badNote) fail('CHART_BAD_ANNOTATION', { where: 'annotations', value: JSON.stringify(badNote) });
  const xmin = Math.min(...xs.filter((x) => !Number.isNaN(x)), ...noteXs);
  const xmax = Math.max(...xs.filter((x) => !Number.isNaN(x)), ...noteXs);
  const xScale: Json = { domain: xmin === xmax ? [xmin - 1, xmax + 1] : [xmin, xmax], nice: false, zero: false };
  const x = { field: 'x', type: 'quantitative', scale: xScale, axis: xAxis };
  const xPlain = { field: 'x', type: 'quantitative' };
  const y = {
    field: 'value',
    type: 'quantitative',
    scale: { domain: [lo, hi], nice: false, zero: false },
    axis: { title: formatUnit(indicator.unit, loc) || null, ...axisFormat(values, decimals, loc), tickCount: 5, titleAngle: 0, titleAlign: 'left', titleAnchor: 'end', titleY: -10, titleX: 0 },
  };
  const color = {
    field: 'name',
    type: 'nominal',
    scale: { domain: names, range },
    legend: useEndLabels ? null : { title: null, columns: Math.min(4, names.length), ...(greyed ? { values: colored.map((s) => s.name) } : {}) },
  };
  // Every layer keyed by name shares the one legend definition, so Vega-Lite merges them without conflict.
  const byName = { field: 'name', type: 'nominal', scale: color.scale, legend: color.legend };
  const label = capitalize(indicatorLabel(indicator, loc));
  const tooltip = [
    { field: 'name', type: 'nominal', title: t('CHART_REGION', loc) },
    { field: 'period', type: 'nominal', title: t('CHART_PERIOD', loc) },
    { field: 'valueText', type: 'nominal', title: label },
    { field: 'source', type: 'nominal', title: t('CHART_SOURCE', loc) },
    ...(bands.length ? [{ field: 'interval', type: 'nominal', title: t('CHART_INTERVAL', loc) }] : []),
  ];

  const layers: Json[] = [];
  {
    if (ruleRows.length) {
      layers.push({
        data: { values: ruleRows },
        mark: { type: 'rule', strokeDash: [3, 3], color: colors.note, strokeWidth: 1 },
        encoding: { x: xPlain },
      });
      // One note per break, on the side with more room, wrapped to fit. Two layers (notes right and left
      // of their rule), present whatever the notes, so a selection never changes the spec's shape.
      const placed = ruleRows.map((r, i) => {
        const prevX = i > 0 ? ruleRows[i - 1].x : xmin;
        const nextX = i + 1 < ruleRows.length ? ruleRows[i + 1].x : xmax;
        const sx = pixelScale([xmin, xmax === xmin ? xmin + 1 : xmax], [0, width]);
        const right = (sx(nextX) - sx(r.x)) / (i + 1 < ruleRows.length ? 2 : 1);
        const left = (sx(r.x) - sx(prevX)) / (i > 0 ? 2 : 1);
        const onRight = right >= left || right >= 110;
        // About 8 px a character at the note's size; a line is never cut: on a phone the note takes
        // more, shorter lines, and the limit grows to its longest one.
        const room = Math.max(40, (onRight ? right : left) - 8);
        const note = wrap(r.note, Math.max(5, Math.floor(room / 8)));
        const limit = Math.max(room, ...note.map((l) => l.length * 8 + 2));
        return { x: r.x, note, onRight, limit, shown: r.note !== '' };
      });
      for (const onRight of [true, false]) {
        const side = placed.filter((p) => p.shown && p.onRight === onRight);
        layers.push({
          data: { values: side.map(({ x, note }) => ({ x, note })) },
          mark: {
            type: 'text', align: onRight ? 'left' : 'right', baseline: 'top', dx: onRight ? 4 : -4, dy: 2, y: 0,
            fontSize: fontSizes.note, color: colors.note, lineHeight: fontSizes.note + 3,
            limit: Math.max(40, ...side.map((p) => p.limit)),
          },
          encoding: { x: xPlain, text: { field: 'note' } },
        });
      }
    }
  }
  layers.push(...annotationLayers(notes, points, pos, xPlain));
  if (bands.length) {
    // One band per comparable run, under its line; a lone estimate gets an error bar instead.
    layers.push({
      data: { values: bands },
      mark: { type: 'area', opacity: 0.18, interpolate: 'linear' },
      encoding: { x: xPlain, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color: byName, detail: { field: 'piece', type: 'nominal' } },
    });
    layers.push({
      data: { values: bands },
      mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.6 },
      encoding: { x: xPlain, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color: byName },
    });
  }
  // Grey lines and their points first, the coloured ones over them.
  const lineLayer = (values: Json[]): Json => ({
    data: { values },
    mark: { type: 'line', interpolate: 'linear' },
    encoding: {
      x,
      y,
      color,
      detail: { field: 'piece', type: 'nominal' },
      strokeDash: {
        field: 'dash', type: 'nominal', legend: null,
        scale: high
          ? { domain: [...seriesDashes.map((_, i) => `s${i}`), 'preliminary'], range: [...seriesDashes, preliminaryDash] }
          : { domain: ['final', 'preliminary'], range: [[1, 0], [5, 4]] },
      },
    },
  });
  const shape = { field: 'name', type: 'nominal', legend: null, scale: { domain: names, range: names.map((_, i) => seriesShapes[i % seriesShapes.length]) } };
  const pointLayer = (values: Json[], size: number): Json => ({
    data: { values },
    mark: { type: 'point', filled: true, size, strokeWidth: 1.5 },
    encoding: {
      x: xPlain,
      y: { field: 'value', type: 'quantitative' },
      stroke: byName,
      fill: { condition: { test: 'datum.preliminary', value: '#ffffff' }, ...byName },
      ...(high ? { shape } : {}),
      tooltip,
    },
  });
  const split = colored.length < series.length;
  if (split) {
    layers.push(lineLayer(pieces.filter((r) => !r.emphasis)), pointLayer(points.filter((r) => !r.emphasis), 16));
    layers.push(lineLayer(pieces.filter((r) => r.emphasis)), pointLayer(points.filter((r) => r.emphasis), 34));
  } else {
    layers.push(lineLayer(pieces), pointLayer(points, 34));
  }
  // Preliminary periods: a small note under the year on the axis.
  // Both note layers are there whether or not the regions shown have such figures (empty rows draw
  // nothing), so a selection changes their rows, never the spec's shape.
  const prelimXs = [...prelimPeriods].map(pos).filter((x) => !Number.isNaN(x));
  layers.push({
    data: { values: prelimXs.map((px) => ({ x: px, note: t('CHART_PRELIMINARY', loc) })) },
    mark: { type: 'text', align: 'center', baseline: 'top', y: { expr: 'height' }, dy: 22, fontSize: fontSizes.note, color: colors.muted, fontStyle: 'italic' },
    encoding: { x: xPlain, text: { field: 'note' } },
  });
  const qualifiedPoints = points.filter((p) => p.qualified);
  layers.push({
    data: { values: qualifiedPoints },
    mark: { type: 'text', dy: -10, fontSize: fontSizes.note, color: colors.muted },
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, text: { field: 'valueText' } },
  });
  layers.push(roomLayer(room));
  if (endLabels.length) {
    layers.push({
      data: { values: endLabels },
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 8, fontSize: fontSizes.label, fontWeight: 500 },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'labelY', type: 'quantitative' },
        text: { field: 'text' },
        color: byName,
      },
    });
  }

  const spec: Json = {
    title: titleBlock(
      periods.length > 1 ? `${label}, ${formatPeriod(periods[0], loc)}–${formatPeriod(periods[periods.length - 1], loc)}` : label,
      rows, options, loc,
      greyed ? t('CHART_MANY_SERIES', loc, { count: series.length - colored.length, max: categoricalPalette.length }) : undefined,
    ),
    width,
    height,
    layer: layers,
    resolve: { scale: { color: 'shared' } },
  };
  return finish(spec, options, loc, describeLine(data, options, loc));
}

/** The value axis's domain: from zero (or just under the lowest figure), with headroom over the highest (more for break notes). */
function valueDomain(values: readonly number[], zero: boolean, notes: boolean): [number, number] {
  const vmax = values.length ? Math.max(...values) : 1;
  const vmin = values.length ? Math.min(...values) : 0;
  const lo = zero ? Math.min(0, vmin) : vmin - (vmax - vmin) * 0.05;
  return [lo, vmax + (vmax - lo) * (notes ? 0.14 : 0.06) || 1];
}

/** A name at a line's end: the region (and series), and its last figure with a short unit only (`%`); the value axis names a long one. */
function endLabelText(s: Series, o: Observation, loc: Lang, decimals: number): string {
  return `${s.name} ${isTightUnit(o.unit) ? valueText(o, loc, decimals) : formatValue(o, loc, { decimals, unit: false })}`;
}

/** Space between the value axis's labels and the plot (the theme's `axisY.labelPadding`), and between a line's end and its name (the label's `dx`). */
const AXIS_LABEL_PADDING = 6;
const END_LABEL_DX = 8;

/**
 * The room a line chart of any one region of `data` (as a chart following a selection shows it)
 * needs beside its plot: left for the value axis's labels over that region's domain, right for the
 * names at the lines' ends. Measured once per data, given as `room`, it keeps the chart's layout
 * from region to region.
 */
export function lineRoom(data: readonly Observation[], options: LineOptions, locale: Lang | undefined, measure: MeasureText): LabelRoom {
  const loc = toLang(locale);
  const byRegion = new Map<string, Observation[]>();
  for (const o of mostCommonLevel(data)) {
    const list = byRegion.get(o.region);
    if (list) list.push(o);
    else byRegion.set(o.region, [o]);
  }
  const labelFont = `500 ${fontSizes.label}px ${fontFamily}`;
  const axisFont = `normal ${fontSizes.label}px ${fontFamily}`;
  const [b, m] = [magnitudes[loc][0].word, magnitudes[loc][1].word];
  let left = 0;
  const rights: number[] = [];
  for (const [region, rows] of byRegion) {
    let p: Prepared;
    try {
      p = prepare(rows, { ...options, regions: [region], annotations: undefined }, loc);
    } catch {
      continue;
    }
    const decimals = decimalsFor(p.rows);
    for (const s of options.labels === 'legend' ? [] : p.series) {
      const last = [...s.rows].reverse().find((o) => o.value !== null);
      if (last) rights.push(END_LABEL_DX + measure(endLabelText(s, last, loc, decimals), labelFont));
    }
    const values = p.rows.flatMap((o) => (o.value === null ? [] : hasInterval(o) ? [o.value, o.lower!, o.upper!] : [o.value]));
    const [lo, hi] = valueDomain(values, options.zero ?? true, true);
    const large = Math.max(0, ...values.map(Math.abs)) >= 1e6;
    const fmt = vegaFormat(large ? ',.1~f' : `,.${decimals}~f`, loc);
    for (const v of ticks(lo, hi, 5)) {
      const a = Math.abs(v);
      const text = !large ? fmt(v) : a >= 1e9 ? `${fmt(v / 1e9)} ${b}` : a >= 1e6 ? `${fmt(v / 1e6)} ${m}` : vegaFormat(',~f', loc)(v);
      left = Math.max(left, AXIS_LABEL_PADDING + measure(text, axisFont));
    }
  }
  // The axis labels of every region fit; the names of nine regions in ten (the longest take their own room).
  // A pixel or two over the text's own width: Vega rounds the bounds it lays out by up.
  return { left: Math.ceil(left) + 2, right: roomFor(rights, 0.9) + 2 };
}

/** The author's notes as layers: events as rules, ranges as bands, each labelled at the foot of the plot; points labelled at their figure. */
function annotationLayers(notes: Annotation[], points: Json[], pos: (p: string) => number, xPlain: Json): Json[] {
  const layers: Json[] = [];
  const events = notes.filter((a) => a.type === 'event').map((a) => ({ x: pos(a.at!), note: a.label }));
  const ranges = notes.filter((a) => a.type === 'range').map((a) => ({ x: pos(a.from!), x2: pos(a.to!), note: a.label }));
  const label = { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -4, y: { expr: 'height' }, fontSize: fontSizes.note, color: colors.accent } as Json;
  if (ranges.length) {
    layers.push({ data: { values: ranges }, mark: { type: 'rect', color: colors.accent, opacity: 0.08, y: 0, y2: { expr: 'height' } }, encoding: { x: xPlain, x2: { field: 'x2' } } });
    layers.push({ data: { values: ranges }, mark: label, encoding: { x: xPlain, text: { field: 'note' } } });
  }
  if (events.length) {
    layers.push({ data: { values: events }, mark: { type: 'rule', color: colors.accent, strokeWidth: 1 }, encoding: { x: xPlain } });
    layers.push({ data: { values: events }, mark: label, encoding: { x: xPlain, text: { field: 'note' } } });
  }
  const marked = notes.flatMap((a, i) => {
    if (a.type !== 'point') return [];
    const p = points.find((q) => q.region === a.region && q.x === pos(a.at!));
    if (!p) return fail('CHART_BAD_ANNOTATION', { where: `annotations[${i}]`, value: `${a.region} ${a.at}` });
    return [{ x: p.x, value: p.value, note: a.label }];
  });
  if (marked.length) {
    layers.push({ data: { values: marked }, mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -8, fontSize: fontSizes.note, color: colors.accent, fontWeight: 600 }, encoding: { x: xPlain, y: { field: 'value', type: 'quantitative' }, text: { field: 'note' } } });
  }
  return layers;
}

/** `10,2–12,4%`: an estimate's interval, in the figure's format. */
function intervalText(o: Observation, loc: Lang, decimals: number): string {
  return formatInterval(o, loc, { decimals });
}

/** One comparable run in words: its change under its method, or its one figure (with its method). */
function describeRun(run: Observation[], indicator: Indicator, loc: Lang, decimals: number): string {
  const a = run[0];
  const b = run[run.length - 1];
  const method = methodLabel(a, indicator);
  const standard = method ? inSentence(method[loc]) : indicator.seriesIsMethod ? t('DESC_UNKNOWN_STANDARD', loc) : undefined;
  if (run.length === 1) {
    return t('DESC_RUN_SINGLE', loc, { value: valueText(a, loc, decimals), p1: periodPhrase(a.period, loc), standard });
  }
  const dir = (b.value as number) < (a.value as number) ? 'DESC_DOWN' : (b.value as number) > (a.value as number) ? 'DESC_UP' : 'DESC_UNCHANGED';
  return t(method ? 'DESC_SAME_STANDARD' : 'DESC_SAME_METHOD', loc, {
    standard, direction: t(dir, loc), from: valueText(a, loc, decimals), to: valueText(b, loc, decimals),
    towards: t(dir === 'DESC_UP' ? 'DESC_TOWARDS_UP' : 'DESC_TOWARDS_DOWN', loc),
    p0: periodPhrase(a.period, loc), p1: periodPhrase(b.period, loc),
  });
}

/** One paragraph about the lines: first and last figure per region, breaks and preliminary figures. */
export function describeLine(data: readonly Observation[], options: LineOptions = {}, locale?: Lang): string {
  const loc = toLang(locale);
  const { indicator, series, rows, periods, pos } = prepare(data, options, loc);
  const decimals = decimalsFor(rows);
  const label = indicatorLabel(indicator, loc);
  const sentences: string[] = [];
  const shown = series.length > 4 ? series.filter((s) => ([] as string[]).concat(options.highlight ?? []).includes(s.region)) : series;
  if (series.length > 4) {
    sentences.push(
      t('DESC_MANY_REGIONS', loc, {
        indicator: inSentence(label), count: series.length,
        p0: periodPhrase(periods[0], loc), p1: periodPhrase(periods[periods.length - 1], loc),
      }),
    );
  }
  const methods = (options.breaks ?? 'both') !== 'none';
  const reasons: string[] = [];
  for (const s of shown) {
    const valued = s.rows.filter((o) => o.value !== null);
    if (!valued.length) continue;
    const of = s.series === null ? regionPhrase(s.region, loc) : `${regionPhrase(s.region, loc)} (${s.name})`;
    const runs = comparableRuns(valued, indicator, methods);
    if (runs.length > 1) {
      // Figures of different methods or territories are not compared: each comparable run on its own.
      const items = runs.map((run) => describeRun(run.rows, indicator, loc, decimals));
      sentences.push(t('DESC_RUNS', loc, { indicator: capitalize(label), of, list: items.join('; ') }));
      for (const run of runs.slice(1)) {
        for (const b of run.opened) {
          // Standards read inside the sentence; an event's label starts with a place name.
          const reason = !b.label ? t('DESC_UNKNOWN_STANDARD', loc) : b.kind === 'method' ? inSentence(b.label[loc]) : b.label[loc];
          if (!reasons.includes(reason)) reasons.push(reason);
        }
        if (methodLabel(run.rows[0], indicator) === null && indicator.seriesIsMethod && !reasons.includes(t('DESC_UNKNOWN_STANDARD', loc))) {
          reasons.push(t('DESC_UNKNOWN_STANDARD', loc));
        }
      }
      continue;
    }
    const first = valued[0];
    const last = valued[valued.length - 1];
    const params = {
      indicator: capitalize(label), region: s.name, of,
      from: valueText(first, loc, decimals), to: valueText(last, loc, decimals),
      p0: periodPhrase(first.period, loc), p1: periodPhrase(last.period, loc),
    };
    const code = valued.length === 1 ? 'DESC_SINGLE'
      : (last.value as number) < (first.value as number) ? 'DESC_DECREASE'
      : (last.value as number) > (first.value as number) ? 'DESC_INCREASE' : 'DESC_FLAT';
    let sentence = t(code, loc, params);
    // Lowest and highest in between, when they are not the ends.
    if (valued.length > 2) {
      const min = valued.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));
      const max = valued.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
      const extra: string[] = [];
      if (max !== first && max !== last) extra.push(t('DESC_PEAK', loc, { value: valueText(max, loc, decimals), period: periodPhrase(max.period, loc) }));
      if (min !== first && min !== last) extra.push(t('DESC_LOWEST', loc, { value: valueText(min, loc, decimals), period: periodPhrase(min.period, loc) }));
      if (extra.length) sentence += ` (${extra.join(', ')})`;
    }
    sentences.push(sentence);
  }
  if (reasons.length) sentences.push(t('DESC_NOT_COMPARABLE', loc, { list: reasons.join('; ') }));
  const estimates = shown.flatMap((s) => s.rows.filter(hasInterval).map((o) => `${s.name} ${periodPhrase(o.period, loc)}: ${intervalText(o, loc, decimals)}`));
  if (estimates.length) sentences.push(t('DESC_INTERVALS', loc, { list: estimates.slice(0, 6).join('; ') + (estimates.length > 6 ? '; …' : '') }));
  const notes = checkAnnotations(options.annotations);
  if (notes.length) sentences.push(t('DESC_ANNOTATIONS', loc, { list: notes.map((a) => annotationPhrase(a, loc)).join('; ') }));
  const prelim = sortPeriods(rows.filter((o) => o.status === 'preliminary').map((o) => o.period));
  if (prelim.length) sentences.push(t('DESC_PRELIMINARY', loc, { periods: prelim.map((p) => periodPhrase(p, loc)).join(', ') }));
  return joinSentences(sentences);
}
