import '../messages/charts.js';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { message, type MessageCode } from '../messages/index.js';
import { fail } from '../errors.js';
import { formatPeriod } from '../format/period.js';
import { sortPeriods } from '../data/period.js';

// Recipes take the time-axis order from the period module through here.
export { sortPeriods };
import { decimalsOf, magnitudes } from '../format/number.js';
import { formatValue } from '../format/value.js';
import { isTightUnit } from '../format/unit.js';
import { Contrast } from './theme.js';
import { highContrastSpec, themeFor } from './contrast.js';
import { deepMerge } from './merge.js';
import type { ChartSpec, CommonOptions } from './types.js';
import { indicatorFor, type Indicator } from './lookup.js';

/** Loose JSON object the recipes build before handing it out as a `ChartSpec`. */
export type Json = { [key: string]: unknown };

export const DEFAULT_MAX_ROWS = 5000;
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export function t(code: MessageCode, locale: Lang, params: Record<string, string | number | undefined> = {}): string {
  return message(code, params, locale);
}

/** Refuse raw tables: specs carry aggregated data inline. */
export function checkRows(data: readonly Observation[], options: CommonOptions): void {
  const limit = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (data.length > limit) fail('CHART_TOO_MANY_ROWS', { rows: data.length, limit });
}

/** Check a closed option vocabulary, naming the bad value. */
export function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return fail('CHART_UNKNOWN_OPTION', { option, value: String(value), allowed: allowed.join(', ') });
}

/** The observations of one indicator (the option's, or the first row's). */
export function pickIndicator(
  chart: string,
  data: readonly Observation[],
  options: CommonOptions,
): { indicator: Indicator; rows: Observation[] } {
  const id = options.indicator ?? data[0]?.indicator;
  if (id === undefined) return fail('CHART_NO_DATA', { chart });
  const rows = data.filter((o) => o.indicator === id);
  if (rows.length === 0) return fail('CHART_NO_DATA', { chart, detail: id });
  return { indicator: indicatorFor(id, data), rows };
}

/**
 * One sub-series of an indicator for recipes that draw one figure per region and period: the one
 * asked for, else `total`, else the rows without a series, else the first row's; every row when the
 * indicator's series are methods.
 */
export function pickSeries(rows: Observation[], wanted?: string | null, indicator?: Indicator): Observation[] {
  if (wanted !== undefined) return rows.filter((o) => o.series === wanted);
  // Methods (poverty standards) are not parts: in each period, the figures of its most common standard,
  // so the regions drawn side by side were measured alike (GSO's 2016 column, not a yearbook's figure).
  if (indicator?.seriesIsMethod) return dominantSeriesPerPeriod(rows);
  const series = new Set(rows.map((o) => o.series));
  if (series.size <= 1) return rows;
  if (series.has('total')) return rows.filter((o) => o.series === 'total');
  if (series.has(null)) return rows.filter((o) => o.series === null);
  return rows.filter((o) => o.series === rows[0].series);
}

function dominantSeriesPerPeriod(rows: Observation[]): Observation[] {
  const counts = new Map<string, Map<string | null, number>>();
  for (const o of rows) {
    const c = counts.get(o.period) ?? new Map<string | null, number>();
    c.set(o.series, (c.get(o.series) ?? 0) + 1);
    counts.set(o.period, c);
  }
  const pick = new Map<string, string | null>();
  for (const [period, c] of counts) pick.set(period, [...c.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0]);
  return rows.filter((o) => o.series === pick.get(o.period));
}


/** The latest period of the rows (in time order). */
export function latestPeriod(rows: readonly Observation[]): string | undefined {
  const ps = sortPeriods(rows.map((o) => o.period));
  return ps[ps.length - 1];
}

// Sources as readers see them live in sources.ts (the source element needs them without the recipes).
export { shortSource, sourceText, sourceLine, sourceAgency } from './sources.js';
import { sourceLine } from './sources.js';

export { HIGHLIGHT_PARAM, PERIOD_LABELS, HIGHLIGHT_ANY, HIGHLIGHT_BARS, HIGHLIGHT_COVER } from './params.js';

/** Title block: the title, and the source line as subtitle. */
export function titleBlock(text: string, rows: readonly Observation[], options: CommonOptions, locale: Lang, extra?: string): Json {
  const lines: string[] = [];
  if (extra) lines.push(extra);
  if (options.source !== false) {
    const src = sourceLine(rows, locale);
    if (src) lines.push(src);
  }
  return lines.length ? { text: options.title ?? text, subtitle: lines } : { text: options.title ?? text };
}

/** Decimals to show for the rows' values (as written in the source, at most 2). */
export function decimalsFor(rows: readonly Observation[]): number {
  return decimalsOf(rows.map((o) => o.value));
}

/**
 * Axis (or legend) label format for a set of values: the d3 format of their decimals, or — past a
 * million — the magnitude words of `formatNumber` (`1,2 triệu`, `3 tỷ`), through Vega's `format`
 * expression so the locale's separators apply.
 */
export function axisFormat(values: readonly number[], decimals: number, locale: Lang): Json {
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  if (max < 1e6) return { format: `,.${decimals}~f` };
  const [b, m] = [magnitudes[locale][0].word, magnitudes[locale][1].word];
  return {
    labelExpr:
      `abs(datum.value) >= 1e9 ? format(datum.value / 1e9, ',.1~f') + ${JSON.stringify(' ' + b)}` +
      ` : abs(datum.value) >= 1e6 ? format(datum.value / 1e6, ',.1~f') + ${JSON.stringify(' ' + m)}` +
      ` : format(datum.value, ',~f')`,
  };
}

/**
 * Sentences joined into one paragraph: each trimmed, its first letter capitalized, ended by exactly one
 * full stop (a sentence that already ends with `.`, `…`, `!` or `?` gets no second one), empty ones left out.
 */
export function joinSentences(sentences: readonly (string | undefined | null)[]): string {
  return sentences
    .map((s) => (s ?? '').trim().replace(/[\s.]+$/, (m) => (/\.\.\.$/.test(m) ? '…' : '')))
    .filter((s) => s.length > 0)
    .map((s) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) + (/[…!?]$/.test(s) ? '' : '.'))
    .join(' ');
}

/** A figure without a long unit, for labels next to marks when the axis or title names the unit once: `4.485`, `>98%`, `30/31`. */
export function bareValueText(o: Observation, locale: Lang, decimals: number): string {
  return formatValue(o, locale, { decimals, unit: o.denominator === null && isTightUnit(o.unit), missing: t('CHART_NO_DATA_LEGEND', locale) });
}

/** Value text for labels and tooltips: the one place a figure is formatted. */
export function valueText(o: Observation, locale: Lang, decimals: number): string {
  return formatValue(o, locale, { decimals, missing: t('CHART_NO_DATA_LEGEND', locale) });
}

export function periodText(o: Pick<Observation, 'period' | 'status'>, locale: Lang): string {
  return formatPeriod(o.period, locale, { status: o.status });
}

/**
 * Screen readers get each data mark in the reader's language: the tooltip's texts joined become the
 * mark's ARIA description; marks without one (lines, notes, labels that repeat a point) are hidden
 * from them, as are Vega's own English axis and legend summaries (the chart's description replaces them).
 */
function accessible(layer: Json): Json {
  const encoding = layer.encoding as Json | undefined;
  const mark = typeof layer.mark === 'string' ? { type: layer.mark } : (layer.mark as Json | undefined);
  if (!mark) return layer;
  const tooltip = encoding?.tooltip;
  if (Array.isArray(tooltip) && tooltip.length && !encoding?.description) {
    const access = (field: string) => 'datum' + field.split('.').map((k) => `[${JSON.stringify(k)}]`).join('');
    const parts = (tooltip as { field: string }[]).map((f) => `(${access(f.field)} == null ? '' : '' + ${access(f.field)})`);
    return {
      ...layer,
      transform: [...((layer.transform as Json[] | undefined) ?? []), { calculate: parts.join(" + ', ' + "), as: 'chiso_aria' }],
      encoding: { ...encoding, description: { field: 'chiso_aria', type: 'nominal' } },
    };
  }
  return { ...layer, mark: { ...mark, aria: false } };
}

/** The theme a recipe draws in (`contrast` option), checked. */
export function contrastOf(options: CommonOptions): Contrast {
  return oneOf('contrast', options.contrast, Object.keys(Contrast) as Contrast[], 'default');
}

/** The last steps every recipe shares: schema, theme, description, then the caller's fragment. */
export function finish(spec: Json, options: CommonOptions, locale: Lang, description: string): ChartSpec {
  if (Array.isArray(spec.layer)) spec = { ...spec, layer: (spec.layer as Json[]).map(accessible) };
  const contrast = contrastOf(options);
  if (contrast === 'high') spec = highContrastSpec(spec);
  const full: Json = {
    $schema: VEGA_LITE_SCHEMA,
    description: options.description ?? description,
    ...spec,
    config: deepMerge(themeFor(contrast, locale), spec.config),
  };
  const merged = deepMerge(full, options.spec);
  // One copy as plain data, as a JSON round trip would make it (without the text in between: this
  // runs on every selection): `undefined` fields dropped, non-finite numbers null. On the way, U+2028
  // and U+2029 from data become spaces, in every string alike: Vega's expression parser ends a string
  // literal at them, and Vega-Lite writes values into expressions itself (a sort array becomes
  // `datum.name === "..." ? 0 : ...`), where no escape of ours reaches. Replaced everywhere, a name
  // still equals itself in the data, the sort and a highlight test. Named datasets (a map's
  // boundaries, made once per size) are plain data already: shared, not copied on every draw.
  const out: Json = {};
  for (const [k, v] of Object.entries(merged)) {
    if (k === 'datasets') out[k] = v;
    else if (v !== undefined && typeof v !== 'function') out[k] = plainData(v, 0);
  }
  return out as unknown as ChartSpec;
}

const LINE_BREAKS = /[\u2028\u2029]/g;
/** Whether a string holds U+2028 or U+2029 (a scan, cheaper than a regular expression for every string and key). */
const hasLineBreak = (s: string) => s.indexOf('\u2028') >= 0 || s.indexOf('\u2029') >= 0;
/** `value` as JSON would give it back (see `finish`); a spec nested past 256 levels is refused, as a cycle. */
function plainData(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return hasLineBreak(value) ? value.replace(LINE_BREAKS, ' ') : value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'object':
      if (value === null) return null;
      break;
    default:
      return null;
  }
  if (depth > 256) throw new TypeError('chiso: a chart spec nested too deeply (a cycle?)');
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return plainData(toJSON.call(value), depth + 1);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out[i] = v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : plainData(v, depth + 1);
    }
    return out;
  }
  // Own enumerable keys, as JSON takes them (a loop, not `Object.entries`: this runs on every selection).
  const out: Record<string, unknown> = {};
  const o = value as Record<string, unknown>;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
    const v = o[k];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out[hasLineBreak(k) ? k.replace(LINE_BREAKS, ' ') : k] = plainData(v, depth + 1);
  }
  return out;
}

