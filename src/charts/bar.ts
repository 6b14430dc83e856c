import '../messages/charts.js';
import { fail } from '../errors.js';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { toLang } from '../format/locale.js';
import { formatPeriod, periodPhrase } from '../format/period.js';
import { formatUnit } from '../format/unit.js';
import { getRegion } from '../registry/index.js';
import type { ChartSpec, CommonOptions } from './types.js';
import {
  axisFormat, checkRows, decimalsFor, finish, latestPeriod, oneOf, pickIndicator, pickSeries, sourceText, t, titleBlock, valueText, bareValueText, type Json, joinSentences, HIGHLIGHT_PARAM, HIGHLIGHT_ANY, HIGHLIGHT_BARS, HIGHLIGHT_COVER } from './common.js';
import { maxTextWidth, textWidth } from './measure.js';
import { capitalize, indicatorLabel, regionName, type Indicator } from './lookup.js';
import { annotationPhrase, checkAnnotations, type Annotation } from './annotations.js';
import { colors, fontSizes } from './theme.js';
import { pixelScale } from './scale.js';

export const BarOrder = ['best-first', 'worst-first', 'descending', 'ascending'] as const;

export interface BarOptions extends CommonOptions {
  /** The period to rank. Default: the latest period in the data. */
  period?: string;
  /** Regions to rank. Default: every region of the most common level in the data (e.g. the provinces). */
  regions?: string[];
  /** Regions to highlight. Default: none. */
  highlight?: string | string[];
  /** Region drawn as a reference rule instead of a bar; `null` for none. Default `'VN'`. */
  reference?: string | null;
  /**
   * Order of the bars from the top: `best-first` puts the best figure on top (lowest where the catalogue
   * says lower is better), `worst-first` the reverse, or plainly `descending` / `ascending`.
   * Default `best-first` (`descending` for indicators with no better direction).
   */
  order?: (typeof BarOrder)[number];
  /** Print each value at the end of its bar. Default `true`. */
  labels?: boolean;
  /** The sub-series ranked, where the indicator has several. Default: `total`, else the rows without one. */
  series?: string | null;
  /** Pixels per bar. Default 16. */
  step?: number;
  /** The author's notes on single bars: `{ type: 'point', region, label }` (`at`, if given, is the ranked period). Default none. */
  annotations?: Annotation[];
}

interface Ranked {
  indicator: Indicator;
  period: string;
  bars: Observation[];
  missing: Observation[];
  reference: Observation | undefined;
  rows: Observation[];
  descending: boolean;
}

/** A bar chart's notes by region: only `point` notes, on the ranked period; anything else is refused. */
function barNotes(options: BarOptions, period: string): Map<string, string> {
  const out = new Map<string, string>();
  // On a ranking of one period, a point note needs no period.
  checkAnnotations(options.annotations, ['at']).forEach((a, i) => {
    if (a.type !== 'point' || (a.at !== undefined && a.at !== period)) fail('CHART_BAD_ANNOTATION', { where: `annotations[${i}]`, value: `${a.type} ${a.at ?? ''} (${period})` });
    out.set(a.region!, a.label);
  });
  return out;
}

function rank(data: readonly Observation[], options: BarOptions, locale: Lang): Ranked {
  checkRows(data, options);
  const order = oneOf('order', options.order, BarOrder, 'best-first');
  const { indicator, rows: picked } = pickIndicator('bar', data, options);
  const all = pickSeries(picked, options.series, indicator);
  const period = options.period ?? latestPeriod(all) ?? '';
  const inPeriod = all.filter((o) => o.period === period);
  const refId = options.reference === undefined ? 'VN' : options.reference;
  const reference = refId ? inPeriod.find((o) => o.region === refId && o.value !== null) : undefined;
  let candidates = inPeriod.filter((o) => o.region !== refId);
  if (options.regions) {
    candidates = candidates.filter((o) => options.regions?.includes(o.region));
  } else {
    // Rank like with like: the level most rows belong to (provinces rather than GSO's six regions).
    const count = new Map<string, number>();
    for (const o of candidates) {
      const lvl = getRegion(o.region)?.level ?? 'other';
      count.set(lvl, (count.get(lvl) ?? 0) + 1);
    }
    const top = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    candidates = candidates.filter((o) => (getRegion(o.region)?.level ?? 'other') === top);
  }
  const lower = indicator.lowerIsBetter;
  const descending =
    order === 'descending' ? true
    : order === 'ascending' ? false
    : lower === null ? true
    : order === 'best-first' ? !lower : lower;
  const bars = candidates
    .filter((o) => o.value !== null)
    .sort((a, b) => (descending ? (b.value as number) - (a.value as number) : (a.value as number) - (b.value as number)));
  // A unit that had ceased to exist by the period (Hà Tây in 2016) is not "missing": it is left out.
  const year = Number.parseInt(period, 10);
  const missing = candidates.filter((o) => {
    if (o.value !== null) return false;
    const end = getRegion(o.region)?.validTo;
    return !(end && Number.isFinite(year) && Number.parseInt(end, 10) < year);
  });
  return { indicator, period, bars, missing, reference, rows: [...bars, ...missing, ...(reference ? [reference] : [])], descending };
}

/**
 * Regions ranked for one period: sorted so the best sits on top (respecting "lower is better"), the
 * selected regions highlighted, the national figure as a reference rule, values at the bar ends.
 */
export function barChart(data: readonly Observation[], options: BarOptions = {}, locale?: Lang): ChartSpec {
  const loc = toLang(locale);
  const { indicator, period, bars, missing, reference, rows } = rank(data, options, loc);
  const decimals = decimalsFor(rows);
  const highlight = options.highlight === undefined ? [] : ([] as string[]).concat(options.highlight);
  const width = options.width ?? 480;
  const step = options.step ?? 16;
  const noData = t('CHART_NO_DATA_LEGEND', loc);

  const notes = barNotes(options, period);
  const values: Json[] = [...bars, ...missing].map((o, i) => ({
    region: o.region,
    name: regionName(o.region, loc),
    value: o.value,
    labelX: o.value ?? 0,
    valueText: o.value === null ? noData : valueText(o, loc, decimals),
    // The axis names the unit once; the bar end carries the bare figure (`4.485`, `>98%`, `30/31`).
    label: bareValueText(o, loc, decimals) + (notes.has(o.region) ? ` – ${notes.get(o.region)}` : ''),
    rank: o.value === null ? null : i + 1,
    preliminary: o.status === 'preliminary',
    source: sourceText(o, loc),
  }));
  const order = values.map((v) => v.name as string);
  const prelim = [...bars, ...missing].some((o) => o.status === 'preliminary');
  const periodLabel = formatPeriod(period, loc, { status: prelim ? 'preliminary' : undefined });
  const label = capitalize(indicatorLabel(indicator, loc));
  const unit = formatUnit(indicator.unit, loc);

  // The axis leaves room for every name in bold: a highlighted one is written bold over its label.
  const labelLimit = Math.ceil(Math.min(240, maxTextWidth(order, fontSizes.label, 700))) + 2;
  // The rank order as the scale's own domain, not a sort of the layers' data: Vega-Lite would union
  // the highlighted layer's filtered rows into it, and every selection would then re-scale and redraw
  // all 63 bars and labels instead of the few highlighted marks.
  const y = { field: 'name', type: 'nominal', scale: { domain: order }, sort: null, title: null, axis: { labelLimit } };
  const vmax = Math.max(0, ...bars.map((o) => o.value as number), reference?.value ?? 0);
  const vmin = Math.min(0, ...bars.map((o) => o.value as number));
  // Room for the longest labels: the domain's ends are pushed until every label fits in the plot, right
  // of a bar that goes right, left of one that goes left (a change below zero).
  const labelGap = 4;
  let dmax = vmax * 1.02 || 1;
  let dmin = vmin < 0 ? vmin * 1.02 : 0;
  if (options.labels !== false) {
    for (let pass = 0; pass < 3; pass++) {
      for (const v of values) {
        const share = (textWidth(String(v.label), fontSizes.note) + labelGap + 2) / width;
        const at = v.labelX as number;
        if (share >= 0.8) continue;
        if (at >= 0 && at - dmin > 0) dmax = Math.max(dmax, dmin + (at - dmin) / (1 - share));
        if (at < 0) dmin = Math.min(dmin, (at - share * dmax) / (1 - share));
      }
    }
  }
  const vminShown = dmin;
  const px = pixelScale([vminShown, dmax], [0, width]);
  const x = {
    field: 'value', type: 'quantitative',
    scale: { domain: [vminShown, dmax], nice: false },
    axis: { title: unit || null, ...axisFormat(bars.map((o) => o.value as number), decimals, loc), orient: 'top', tickCount: 5, grid: true },
  };
  const tooltip = [
    { field: 'rank', type: 'quantitative', title: t('CHART_RANK', loc) },
    { field: 'name', type: 'nominal', title: t('CHART_REGION', loc) },
    { field: 'valueText', type: 'nominal', title: label },
    { field: 'source', type: 'nominal', title: t('CHART_SOURCE', loc) },
  ];
  const layers: Json[] = [
    {
      mark: { type: 'bar', height: { band: 0.72 }, cornerRadiusEnd: 1 },
      encoding: {
        y, x,
        // Grey while anything is highlighted, else the accent: the bars are coloured again when a
        // selection starts or ends, not for each region picked (the highlighted ones are drawn over them).
        color: { condition: { test: HIGHLIGHT_ANY, value: colors.neutral }, value: colors.accent },
        opacity: { condition: { test: 'datum.preliminary', value: 0.8 }, value: 1 },
        tooltip,
      },
    },
  ];
  // The highlight, drawn over the bars and their axis labels, so that a selection changes a few
  // marks, not 63 bars and 63 labels: a selection changes the parameter, never the spec's shape (a
  // drawn view takes it in place). Left out of the ARIA tree: each bar is described once, below.
  const labelPadding = 6;
  const highlightLayers: Json[] = [
    {
      name: HIGHLIGHT_BARS,
      mark: { type: 'bar', height: { band: 0.72 }, cornerRadiusEnd: 1, aria: false },
      encoding: { y, x, color: { value: colors.accent }, opacity: { condition: { test: 'datum.preliminary', value: 0.8 }, value: 1 }, tooltip },
    },
    {
      // The axis label under the bold one, hidden in the paper's colour (Vega's `background`).
      name: HIGHLIGHT_COVER,
      mark: { type: 'bar', height: step, color: { expr: 'background' }, aria: false },
      encoding: { y, x: { value: -(labelPadding + labelLimit) }, x2: { value: 1 - labelPadding } },
    },
    {
      mark: { type: 'text', align: 'right', baseline: 'middle', fontSize: fontSizes.label, fontWeight: 700, limit: labelLimit, aria: false },
      encoding: { y, x: { value: -labelPadding }, text: { field: 'name' } },
    },
  ];
  // The three share one filter of the rows (a layer of layers), evaluated once per selection.
  layers.push(
    { transform: [{ filter: `indexof(${HIGHLIGHT_PARAM}, datum.region) >= 0` }], layer: highlightLayers },
    {
      // Nothing to see: it holds the room the axis labels may take in bold, so that the chart is laid
      // out the same whatever is highlighted (a bold name is wider than its label).
      data: { values: [{}] },
      mark: { type: 'rule', opacity: 0, aria: false },
      encoding: { x: { value: -(labelPadding + labelLimit) } },
    },
  );
  if (reference && reference.value !== null) {
    const refText = `${regionName(reference.region, loc)}: ${bareValueText(reference, loc, decimals)}`;
    const refRow = [{ region: reference.region, value: reference.value, text: refText }];
    // The note sits right of the rule, or left of it where it would run past the plot.
    const refLeft = px(reference.value) + 4 + textWidth(refText, fontSizes.note, 600) > width;
    layers.unshift({
      data: { values: refRow },
      mark: { type: 'rule', color: colors.reference, strokeWidth: 1.5, strokeDash: [4, 3], opacity: 0.7 },
      encoding: { x: { field: 'value', type: 'quantitative' } },
    });
    layers.push({
      data: { values: refRow },
      mark: { type: 'text', align: refLeft ? 'right' : 'left', baseline: 'top', dx: refLeft ? -4 : 4, y: { expr: 'height' }, dy: 6, fontSize: fontSizes.note, fontWeight: 600, color: colors.reference },
      encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'text' } },
    });
  }
  if (options.labels !== false) {
    // Labels right of bars going right (and of missing figures), left of bars going left.
    const labelLayer = (negative: boolean, halo: boolean): Json => ({
      transform: [{ filter: negative ? 'datum.value !== null && datum.value < 0' : 'datum.value === null || datum.value >= 0' }],
      mark: {
        type: 'text', align: negative ? 'right' : 'left', baseline: 'middle', dx: negative ? -labelGap : labelGap, fontSize: fontSizes.note,
        // A white halo under each label keeps it legible where the reference rule runs through it.
        ...(halo ? { stroke: '#ffffff', strokeWidth: 3, strokeJoin: 'round', color: '#ffffff' } : {}),
      },
      encoding: {
        y,
        x: { field: 'labelX', type: 'quantitative' },
        text: { field: 'label' },
        ...(halo ? {} : { color: { condition: { test: 'datum.value === null', value: colors.faint }, value: colors.text } }),
      },
    });
    const negatives = values.some((v) => (v.labelX as number) < 0);
    for (const negative of negatives ? [false, true] : [false]) {
      if (reference) layers.push(labelLayer(negative, true));
      layers.push(labelLayer(negative, false));
    }
  }
  const spec: Json = {
    title: titleBlock(`${label}, ${periodLabel}`, rows, options, loc),
    width,
    height: { step },
    data: { values },
    // The highlight as parameters, not in the rows: a new selection is a new value, not new rows.
    params: [
      { name: HIGHLIGHT_PARAM, value: values.filter((v) => highlight.includes(v.region as string)).map((v) => v.region) },
      { name: HIGHLIGHT_ANY, expr: `length(${HIGHLIGHT_PARAM}) > 0` },
    ],
    layer: layers,
  };
  return finish(spec, options, loc, describeBar(data, options, loc));
}

/** One paragraph about the ranking: highest, lowest, the national figure, where the highlighted regions stand. */
export function describeBar(data: readonly Observation[], options: BarOptions = {}, locale?: Lang): string {
  const loc = toLang(locale);
  const { indicator, period, bars, missing, reference, rows, descending } = rank(data, options, loc);
  const decimals = decimalsFor(rows);
  const label = capitalize(indicatorLabel(indicator, loc));
  const sentences: string[] = [];
  if (bars.length) {
    const sorted = descending ? bars : [...bars].reverse();
    const top = sorted[0];
    const bottom = sorted[sorted.length - 1];
    sentences.push(
      t('DESC_RANKING', loc, {
        indicator: label, period: periodPhrase(period, loc), count: bars.length,
        top: regionName(top.region, loc), topValue: valueText(top, loc, decimals),
        bottom: regionName(bottom.region, loc), bottomValue: valueText(bottom, loc, decimals),
      }),
    );
  }
  if (reference) sentences.push(t('DESC_REFERENCE', loc, { region: regionName(reference.region, loc), value: valueText(reference, loc, decimals) }));
  const highlight = options.highlight === undefined ? [] : ([] as string[]).concat(options.highlight);
  const lower = indicator.lowerIsBetter;
  for (const id of highlight) {
    const i = bars.findIndex((o) => o.region === id);
    if (i < 0) continue;
    // Rank counts from the best where there is a better direction, from the highest otherwise.
    const fromTop = lower === null ? descending : descending === !lower;
    sentences.push(
      t('DESC_HIGHLIGHT', loc, {
        region: regionName(id, loc), value: valueText(bars[i], loc, decimals),
        rank: fromTop ? i + 1 : bars.length - i, count: bars.length,
      }),
    );
  }
  if (missing.length) sentences.push(`${t('CHART_NO_DATA_LEGEND', loc)}: ${missing.map((o) => regionName(o.region, loc)).join(', ')}`);
  if (rows.some((o) => o.status === 'preliminary')) sentences.push(t('DESC_PRELIMINARY', loc, { periods: periodPhrase(period, loc) }));
  const notes = checkAnnotations(options.annotations, ['at']);
  if (notes.length) sentences.push(t('DESC_ANNOTATIONS', loc, { list: notes.map((a) => annotationPhrase({ ...a, at: a.at ?? period }, loc)).join('; ') }));
  return joinSentences(sentences);
}
