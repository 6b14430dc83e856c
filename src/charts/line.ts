import type { Observation } from '../types.js';
import type { Locale } from '../format/locale.js';
import { toLocale } from '../format/locale.js';
import { formatPeriod, periodPosition, periodPhrase } from '../format/period.js';
import { formatUnit, isTightUnit } from '../format/unit.js';
import { formatValue } from '../format/value.js';
import { fail } from '../errors.js';
import type { ChartSpec, CommonOptions } from './types.js';
import {
  axisFormat, checkRows, decimalsFor, finish, oneOf, periodText, pickIndicator, sortPeriods, sourceText, t, titleBlock, valueText,
  type Json, joinSentences } from './common.js';
import { capitalize, indicatorLabel, inSentence, regionPhrase, type Indicator } from './lookup.js';
import { dodge, groupSeries, segmentOf, type Series } from './series.js';
import { categoricalPalette, colors, fontSizes } from './theme.js';

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
}

const MAX_END_LABELS = 8;

/** Splits a note into lines of about `width` characters at spaces (an array is multi-line text in Vega). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? line + ' ' + word : word;
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

/**
 * Positions on the time axis. Where years mix with months or dates (`2022`, `2022-06`), a year's
 * figure is the one reported at its end ("cuối năm 2022"), so it sits in December.
 */
export function timePositions(periods: readonly string[]): (period: string) => number {
  const subYear = periods.some((p) => /^\d{4}-\d{2}/.test(p));
  return (p) => (subYear && /^\d{4}$/.test(p) ? Number(p) + 11.5 / 12 : periodPosition(p));
}

function prepare(data: readonly Observation[], options: LineOptions, locale: Locale): Prepared {
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

/** Breaks inside the drawn range: where the rule goes (between the last period before and the first after). */
function visibleBreaks(periods: string[], indicator: Indicator, pos: (p: string) => number): { x: number; after: number; label: string }[] {
  const xs = periods.map(pos).filter((x) => !Number.isNaN(x));
  const out: { x: number; after: number; label: string }[] = [];
  for (const b of indicator.breaks) {
    const before = xs.filter((x) => Math.floor(x) <= b.after);
    const after = xs.filter((x) => Math.floor(x) > b.after);
    if (!before.length || !after.length) continue;
    out.push({ x: (Math.max(...before) + Math.min(...after)) / 2, after: b.after, label: '' });
  }
  return out;
}

/**
 * An indicator over time, one line per region: methodology breaks as gaps and dashed rules with a
 * note, preliminary figures dashed and marked on the axis, qualified figures (`>98%`) labelled as
 * such, names at line ends instead of a legend where they fit.
 */
export function lineChart(data: readonly Observation[], options: LineOptions = {}, locale?: Locale): ChartSpec {
  const loc = toLocale(locale);
  const labelsMode = oneOf('labels', options.labels, LineLabels, 'auto');
  const breaksMode = oneOf('breaks', options.breaks, LineBreaks, 'both');
  const { indicator, series, rows, periods, pos } = prepare(data, options, loc);
  const decimals = decimalsFor(rows);
  const width = options.width ?? 560;
  const height = options.height ?? 300;
  const highlight = options.highlight === undefined ? [] : ([] as string[]).concat(options.highlight);
  const gap = breaksMode === 'gap' || breaksMode === 'both';
  const drawRules = breaksMode === 'rule' || breaksMode === 'both';

  // Colours: highlighted (or all) series take the palette in order; the rest are grey.
  const colored = series.filter((s) => highlight.length === 0 || highlight.includes(s.region));
  const names = series.map((s) => s.name);
  const range = series.map((s) => {
    const k = colored.indexOf(s);
    if (k < 0) return colors.neutral;
    return colored.length === 1 ? colors.accent : categoricalPalette[k % categoricalPalette.length];
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
        emphasis: colored.includes(s) ? 1 : 0,
      });
    }
  }

  // Line pieces: solid within a methodology segment, dashed into preliminary figures.
  const pieces: Json[] = [];
  for (const s of series) {
    const valued = s.rows.filter((o) => o.value !== null && !Number.isNaN(pos(o.period)));
    // A missing figure opens the line, like a break does.
    let run = 0;
    const seq = s.rows.filter((o) => !Number.isNaN(pos(o.period)));
    const runOf = new Map<Observation, number>();
    for (const o of seq) {
      if (o.value === null) run++;
      else runOf.set(o, run);
    }
    for (let i = 0; i < valued.length; i++) {
      const o = valued[i];
      const seg = gap ? segmentOf(o.period, indicator) : 0;
      const part = `${seg}:${runOf.get(o)}`;
      const prev = i > 0 ? valued[i - 1] : undefined;
      const prevPart = prev ? `${gap ? segmentOf(prev.period, indicator) : 0}:${runOf.get(prev)}` : undefined;
      const row = (piece: string, dash: string, p: Observation) => ({
        region: s.region, name: s.name, piece: `${s.key}|${piece}`, dash, x: pos(p.period), value: p.value,
        emphasis: colored.includes(s) ? 1 : 0,
      });
      if (o.status === 'preliminary') {
        // The dashed piece starts at the previous point of the same part, so the line stays joined.
        if (prev && prevPart === part) pieces.push(row(`${part}:p${i}`, 'preliminary', prev));
        pieces.push(row(`${part}:p${i}`, 'preliminary', o));
      } else {
        pieces.push(row(`${part}:f`, 'final', o));
      }
    }
  }

  // Value scale, computed here so the end labels can be spread in pixels.
  const values = rows.flatMap((o) => (o.value === null ? [] : [o.value]));
  const vmax = values.length ? Math.max(...values) : 1;
  const vmin = values.length ? Math.min(...values) : 0;
  const zero = options.zero ?? true;
  const lo = zero ? Math.min(0, vmin) : vmin - (vmax - vmin) * 0.05;
  const hi = vmax + (vmax - lo) * (drawRules && indicator.breaks.length ? 0.14 : 0.06) || 1;

  // Many grey lines and a few highlighted: the highlighted ones carry names, the rest need no legend.
  const labelled = series.length > MAX_END_LABELS && colored.length <= MAX_END_LABELS && highlight.length ? colored : series;
  const useEndLabels = labelsMode === 'end' || (labelsMode === 'auto' && labelled.length <= MAX_END_LABELS);
  const endLabels: Json[] = [];
  if (useEndLabels) {
    const ends = labelled
      .map((s) => ({ s, o: [...s.rows].reverse().find((o) => o.value !== null) }))
      .filter((e): e is { s: Series; o: Observation } => e.o !== undefined);
    const targets = ends.map((e) => (height * (hi - (e.o.value as number))) / (hi - lo));
    const placed = dodge(targets, fontSizes.label + 3, height);
    ends.forEach((e, i) => {
      endLabels.push({
        region: e.s.region,
        name: e.s.name,
        x: pos(e.o.period),
        labelY: hi - (placed[i] * (hi - lo)) / height,
        // The value axis names a long unit once; the label keeps only a short one (`%`).
        text: `${e.s.name} ${isTightUnit(e.o.unit) ? valueText(e.o, loc, decimals) : formatValue(e.o, loc, { decimals, unit: false })}`,
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
  const xmin = Math.min(...xs.filter((x) => !Number.isNaN(x)));
  const xmax = Math.max(...xs.filter((x) => !Number.isNaN(x)));
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
    legend: useEndLabels ? null : { title: null, columns: Math.min(4, names.length) },
  };
  // Every layer keyed by name shares the one legend definition, so Vega-Lite merges them without conflict.
  const byName = { field: 'name', type: 'nominal', scale: color.scale, legend: color.legend };
  const label = capitalize(indicatorLabel(indicator, loc));
  const tooltip = [
    { field: 'name', type: 'nominal', title: t('CHART_REGION', loc) },
    { field: 'period', type: 'nominal', title: t('CHART_PERIOD', loc) },
    { field: 'valueText', type: 'nominal', title: label },
    { field: 'source', type: 'nominal', title: t('CHART_SOURCE', loc) },
  ];

  const layers: Json[] = [];
  if (drawRules) {
    const vb = visibleBreaks(periods, indicator, pos);
    const ruleRows = vb.map((b) => {
      const br = indicator.breaks.find((k) => k.after === b.after);
      return { x: b.x, note: br ? br.label[loc] : '' };
    });
    if (ruleRows.length) {
      layers.push({
        data: { values: ruleRows },
        mark: { type: 'rule', strokeDash: [3, 3], color: colors.note, strokeWidth: 1 },
        encoding: { x: xPlain },
      });
      // One note per break, on the side with more room, wrapped to two lines and cut to fit.
      ruleRows.forEach((r, i) => {
        const prevX = i > 0 ? ruleRows[i - 1].x : xmin;
        const nextX = i + 1 < ruleRows.length ? ruleRows[i + 1].x : xmax;
        const px = (d: number) => (d / (xmax - xmin || 1)) * width;
        const right = px(nextX - r.x) / (i + 1 < ruleRows.length ? 2 : 1);
        const left = px(r.x - prevX) / (i > 0 ? 2 : 1);
        const onRight = right >= left || right >= 110;
        const limit = Math.max(40, (onRight ? right : left) - 8);
        layers.push({
          data: { values: [{ x: r.x, note: wrap(r.note, Math.max(8, Math.floor(limit / 8))) }] },
          mark: {
            type: 'text', align: onRight ? 'left' : 'right', baseline: 'top', dx: onRight ? 4 : -4, dy: 2, y: 0,
            fontSize: fontSizes.note, color: colors.note, lineHeight: fontSizes.note + 3,
            limit,
          },
          encoding: { x: xPlain, text: { field: 'note' } },
        });
      });
    }
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
        scale: { domain: ['final', 'preliminary'], range: [[1, 0], [5, 4]] },
      },
    },
  });
  const pointLayer = (values: Json[], size: number): Json => ({
    data: { values },
    mark: { type: 'point', filled: true, size, strokeWidth: 1.5 },
    encoding: {
      x: xPlain,
      y: { field: 'value', type: 'quantitative' },
      stroke: byName,
      fill: { condition: { test: 'datum.preliminary', value: '#ffffff' }, ...byName },
      tooltip,
    },
  });
  const split = highlight.length > 0 && colored.length < series.length;
  if (split) {
    layers.push(lineLayer(pieces.filter((r) => !r.emphasis)), pointLayer(points.filter((r) => !r.emphasis), 16));
    layers.push(lineLayer(pieces.filter((r) => r.emphasis)), pointLayer(points.filter((r) => r.emphasis), 34));
  } else {
    layers.push(lineLayer(pieces), pointLayer(points, 34));
  }
  // Preliminary periods: a small note under the year on the axis.
  const prelimXs = [...prelimPeriods].map(pos).filter((x) => !Number.isNaN(x));
  if (prelimXs.length) {
    layers.push({
      data: { values: prelimXs.map((px) => ({ x: px, note: t('CHART_PRELIMINARY', loc) })) },
      mark: { type: 'text', align: 'center', baseline: 'top', y: { expr: 'height' }, dy: 22, fontSize: fontSizes.note, color: colors.muted, fontStyle: 'italic' },
      encoding: { x: xPlain, text: { field: 'note' } },
    });
  }
  const qualifiedPoints = points.filter((p) => p.qualified);
  if (qualifiedPoints.length) {
    layers.push({
      data: { values: qualifiedPoints },
      mark: { type: 'text', dy: -10, fontSize: fontSizes.note, color: colors.muted },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, text: { field: 'valueText' } },
    });
  }
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
    ),
    width,
    height,
    layer: layers,
    resolve: { scale: { color: 'shared' } },
  };
  return finish(spec, options, loc, describeLine(data, options, loc));
}

/** One paragraph about the lines: first and last figure per region, breaks and preliminary figures. */
export function describeLine(data: readonly Observation[], options: LineOptions = {}, locale?: Locale): string {
  const loc = toLocale(locale);
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
  for (const s of shown) {
    const valued = s.rows.filter((o) => o.value !== null);
    if (!valued.length) continue;
    const first = valued[0];
    const last = valued[valued.length - 1];
    const params = {
      indicator: capitalize(label), region: s.name,
      of: s.series === null ? regionPhrase(s.region, loc) : `${regionPhrase(s.region, loc)} (${s.name})`,
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
      if (max !== first && max !== last) extra.push(loc === 'vi' ? `cao nhất ${valueText(max, loc, decimals)} ${periodPhrase(max.period, loc)}` : `peaking at ${valueText(max, loc, decimals)} in ${periodPhrase(max.period, loc)}`);
      if (min !== first && min !== last) extra.push(loc === 'vi' ? `thấp nhất ${valueText(min, loc, decimals)} ${periodPhrase(min.period, loc)}` : `lowest at ${valueText(min, loc, decimals)} in ${periodPhrase(min.period, loc)}`);
      if (extra.length) sentence += ` (${extra.join(', ')})`;
    }
    // Across a methodology break the ends are not comparable: say what the latest standard with two figures shows.
    if ((options.breaks ?? 'both') !== 'none') {
      const segs = [...new Set(valued.map((o) => segmentOf(o.period, indicator)))].sort((x, y) => y - x);
      for (const seg of segs.length > 1 ? segs : []) {
        const same = valued.filter((o) => segmentOf(o.period, indicator) === seg);
        if (same.length < 2) continue;
        const a = same[0];
        const b = same[same.length - 1];
        const dir = (b.value as number) < (a.value as number) ? 'DESC_DOWN' : (b.value as number) > (a.value as number) ? 'DESC_UP' : 'DESC_UNCHANGED';
        const standard = seg > 0 ? indicator.breaks[seg - 1]?.label[loc] : undefined;
        sentence += '; ' + t(standard ? 'DESC_SAME_STANDARD' : 'DESC_SAME_METHOD', loc, {
          standard: standard ? inSentence(standard) : undefined,
          direction: t(dir, loc), from: valueText(a, loc, decimals), to: valueText(b, loc, decimals),
          towards: t(dir === 'DESC_UP' ? 'DESC_TOWARDS_UP' : 'DESC_TOWARDS_DOWN', loc),
          p0: periodPhrase(a.period, loc), p1: periodPhrase(b.period, loc),
        });
        break;
      }
    }
    sentences.push(sentence);
  }
  const vb = visibleBreaks(periods, indicator, pos);
  if (vb.length && (options.breaks ?? 'both') !== 'none') {
    const brs = indicator.breaks.filter((b) => vb.some((v) => v.after === b.after));
    sentences.push(
      t('DESC_BREAKS', loc, {
        list: brs.map((b) => t('DESC_BREAK_ITEM', loc, { year: b.after, label: b.label[loc] })).join(` ${t('DESC_AND', loc)} `),
      }),
    );
  }
  const prelim = sortPeriods(rows.filter((o) => o.status === 'preliminary').map((o) => o.period));
  if (prelim.length) sentences.push(t('DESC_PRELIMINARY', loc, { periods: prelim.map((p) => periodPhrase(p, loc)).join(', ') }));
  return joinSentences(sentences);
}
