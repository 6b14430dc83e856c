import '../messages/charts.js';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { toLang } from '../format/locale.js';
import { formatPeriod } from '../format/period.js';
import { formatNumber } from '../format/number.js';
import { formatValue } from '../format/value.js';
import { fail } from '../errors.js';
import type { ChartSpec, CommonOptions } from './types.js';
import { checkRows, finish, sortPeriods, t, titleBlock, type Json, joinSentences, contrastOf } from './common.js';
import { capitalize, indicatorFor, indicatorLabel, regionName, type Indicator } from './lookup.js';
import { colors, fontSizes, highContrastColors, tierColors } from './theme.js';
import { wrap } from './line.js';

export interface ProgressOptions extends CommonOptions {
  /** Regions shown. Default: every region in the data. */
  regions?: string[];
  /** The period shown. Default: each row's latest period. */
  period?: string;
  /** Target share in percent (0–100), for every row or per indicator id. Default: none. */
  target?: number | Record<string, number>;
  /** Row labels: the indicator, the region, or both. Default: whatever differs between rows. */
  rowLabel?: 'indicator' | 'region' | 'both';
  /**
   * Regions drawn in the accent colour, the others muted (grey; tiered rows faded), as in the bar
   * chart. Default: none (every row in colour).
   */
  highlight?: string | string[];
}

/** One bar: a fraction (30/31), a percentage (>98%), or tiers stacked (standard ⊃ advanced ⊃ model). */
export interface ProgressRow {
  indicator: Indicator;
  region: string;
  period: string;
  /** Share in percent of the whole (the denominator, or 100 for a percentage). */
  share: number;
  /** The observation the bar stands for (the `standard` tier for tiered rows). */
  main: Observation;
  /** For tiered indicators: each tier's own share, outermost first. */
  tiers: { id: string; label: string; count: number; share: number }[];
  target?: number;
}

function targetFor(options: ProgressOptions, indicator: string): number | undefined {
  const tg = options.target;
  if (tg === undefined) return undefined;
  return typeof tg === 'number' ? tg : tg[indicator];
}

/** Groups the observations into bars, each at its latest (or the chosen) period. */
export function progressRows(data: readonly Observation[], options: ProgressOptions = {}, locale?: Lang): ProgressRow[] {
  const loc = toLang(locale);
  checkRows(data, options);
  let rows = data.filter((o) => o.value !== null);
  if (options.indicator) rows = rows.filter((o) => o.indicator === options.indicator);
  if (options.regions) rows = rows.filter((o) => options.regions?.includes(o.region));
  if (options.period) rows = rows.filter((o) => o.period === options.period);
  const groups = new Map<string, Observation[]>();
  for (const o of rows) {
    const ind = indicatorFor(o.indicator, data);
    const tiered = !!ind.tiers?.length && ind.tiers.some((tier) => tier.id === o.series);
    // A rate where lower is better (poverty) is not progress towards a whole, unless asked for by name.
    const rate = o.unit === '%' && (ind.lowerIsBetter !== true || options.indicator !== undefined);
    const usable = tiered || o.denominator !== null || rate;
    if (!usable) continue;
    const key = tiered ? `${o.indicator}|${o.region}` : `${o.indicator}|${o.region}|${o.series ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const out: ProgressRow[] = [];
  for (const obs of groups.values()) {
    const indicator = indicatorFor(obs[0].indicator, data);
    const tierDefs = indicator.tiers ?? [];
    // The latest period at which the whole is known (a denominator, or a percentage).
    const candidates = sortPeriods(obs.map((o) => o.period)).reverse();
    for (const period of candidates) {
      const at = obs.filter((o) => o.period === period);
      if (tierDefs.length && at.some((o) => tierDefs.some((d) => d.id === o.series))) {
        const base = at.find((o) => o.series === tierDefs[0].id && o.denominator !== null);
        if (!base) continue;
        const total = base.denominator as number;
        const tiers = tierDefs.flatMap((d) => {
          const o = at.find((x) => x.series === d.id);
          return o ? [{ id: d.id, label: d.label[loc], count: o.value as number, share: ((o.value as number) / total) * 100 }] : [];
        });
        out.push({ indicator, region: base.region, period, share: tiers[0].share, main: base, tiers, target: targetFor(options, indicator.id) });
        break;
      }
      const o = at.find((x) => x.denominator !== null) ?? at.find((x) => x.unit === '%');
      if (!o) continue;
      const share = o.denominator !== null ? ((o.value as number) / o.denominator) * 100 : (o.value as number);
      out.push({ indicator, region: o.region, period, share, main: o, tiers: [], target: targetFor(options, indicator.id) });
      break;
    }
  }
  if (!out.length) return fail('CHART_NO_DATA', { chart: 'progress', detail: options.indicator });
  return out;
}

function rowText(r: ProgressRow, loc: Lang): string {
  const share = formatNumber(r.share, loc, { decimals: 1 }) + '%';
  if (r.main.denominator !== null) return `${formatValue(r.main, loc)} (${share})`;
  return formatValue(r.main, loc);
}

/**
 * Fractions and targets as bars out of the whole: `30/31 tổ chức`, `8/9 tiêu chí`, `>98%`, and the
 * communes meeting the new-rural standard stacked by tier (standard, advanced, model), with an
 * optional target tick.
 */
export function progressChart(data: readonly Observation[], options: ProgressOptions = {}, locale?: Lang): ChartSpec {
  const loc = toLang(locale);
  const high = contrastOf(options) === 'high';
  const bars = progressRows(data, options, loc);
  const many = (f: (r: ProgressRow) => string) => new Set(bars.map(f)).size > 1;
  const mode = options.rowLabel ?? (many((r) => r.indicator.id) ? (many((r) => r.region) ? 'both' : 'indicator') : 'region');
  const label = (r: ProgressRow) => {
    const ind = capitalize(indicatorLabel(r.indicator, loc));
    const reg = regionName(r.region, loc);
    // Long labels go on several lines (split again in the axis' labelExpr).
    const lines = mode === 'indicator' ? wrap(ind, 40) : mode === 'region' ? [reg] : [...wrap(ind, 40), reg];
    return lines.join('\n');
  };
  const tierLabels = [...new Set(bars.flatMap((r) => r.tiers.map((x) => x.label)))];
  // Darker for the higher tiers (model inside advanced inside standard), blues: colour-blind safe (theme.ts).
  const valueLabel = t('CHART_VALUE', loc);
  const highlight = options.highlight === undefined ? [] : ([] as string[]).concat(options.highlight);
  const segments: Json[] = [];
  const labels: Json[] = [];
  for (const r of bars) {
    const row = label(r);
    const muted = highlight.length > 0 && !highlight.includes(r.region);
    const period = formatPeriod(r.period, loc, { status: r.main.status });
    if (r.tiers.length) {
      r.tiers.forEach((tier, i) => {
        const inner = r.tiers[i + 1]?.share ?? 0;
        segments.push({
          region: r.region, row, seg: tier.label, x0: inner, x1: tier.share, period, muted, highlight: !muted && highlight.length > 0,
          tip: `${formatNumber(tier.count, loc)}/${formatNumber(r.main.denominator as number, loc)} (${formatNumber(tier.share, loc, { decimals: 1 })}%)`,
        });
      });
    } else {
      segments.push({ region: r.region, row, seg: valueLabel, x0: 0, x1: Math.min(100, r.share), period, muted, highlight: !muted && highlight.length > 0, tip: rowText(r, loc) });
    }
    labels.push({ region: r.region, row, muted, text: rowText(r, loc), target: r.target ?? null, targetText: r.target === undefined ? null : `${t('CHART_TARGET', loc)}: ${formatNumber(r.target, loc)}%` });
  }
  const order = bars.map(label);
  const y = { field: 'row', type: 'nominal', sort: order, title: null, axis: { labelLimit: 360, labelFontSize: fontSizes.label, labelExpr: "split(datum.label, '\\n')", labelLineHeight: fontSizes.label + 3 } };
  const x = { field: 'x0', type: 'quantitative', scale: { domain: [0, 100], nice: false }, axis: { title: null, format: `,.0f`, labelExpr: "datum.label + '%'", values: [0, 25, 50, 75, 100], grid: false } };
  const domain = tierLabels.length ? [...tierLabels, valueLabel] : [valueLabel];
  const range = tierLabels.length ? [...tierColors.slice(0, tierLabels.length), colors.accent] : [colors.accent];
  const layers: Json[] = [
    {
      data: { values: bars.map((r) => ({ region: r.region, row: label(r), x0: 0, x1: 100 })) },
      // High contrast: the whole is outlined, so the part it holds reads against it.
      mark: { type: 'bar', color: colors.track, height: 18, ...(high ? { stroke: highContrastColors.text, strokeWidth: 1 } : {}) },
      encoding: { y, x, x2: { field: 'x1' } },
    },
    {
      data: { values: segments },
      mark: { type: 'bar', height: 18 },
      encoding: {
        y, x, x2: { field: 'x1' },
        // Muted rows: plain bars turn grey like the bar chart's; tiers keep their colours, faded.
        ...(highlight.length ? { opacity: { condition: { test: 'datum.muted && datum.seg !== ' + JSON.stringify(valueLabel), value: 0.35 }, value: 1 } } : {}),
        color: {
          ...(highlight.length ? { condition: { test: 'datum.muted && datum.seg === ' + JSON.stringify(valueLabel), value: colors.neutral } } : {}),
          field: 'seg', type: 'nominal', scale: { domain, range },
          legend: tierLabels.length ? { title: null, values: tierLabels, orient: 'bottom', direction: 'vertical', labelLimit: 400, symbolType: 'square' } : null,
        },
        tooltip: [
          { field: 'row', type: 'nominal', title: t('CHART_REGION', loc) },
          { field: 'seg', type: 'nominal', title: t('CHART_STATUS', loc) },
          { field: 'tip', type: 'nominal', title: valueLabel },
          { field: 'period', type: 'nominal', title: t('CHART_PERIOD', loc) },
        ],
      },
    },
    {
      data: { values: labels },
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 8, x: { expr: 'width' }, fontSize: fontSizes.label, fontWeight: 600 },
      encoding: { y, text: { field: 'text' }, color: { condition: { test: 'datum.muted', value: colors.muted }, value: colors.text } },
    },
  ];
  if (labels.some((l) => l.target !== null)) {
    layers.push({
      data: { values: labels.filter((l) => l.target !== null) },
      mark: { type: 'tick', color: colors.reference, thickness: 2, bandSize: 20 },
      encoding: { y, x: { field: 'target', type: 'quantitative' }, tooltip: { field: 'targetText', type: 'nominal' } },
    });
  }
  const periods = sortPeriods(bars.map((r) => r.period));
  const title = options.title ?? (new Set(bars.map((r) => r.indicator.id)).size === 1
    ? `${capitalize(indicatorLabel(bars[0].indicator, loc))}, ${periods.map((p) => formatPeriod(p, loc)).join(', ')}`
    : t('CHART_PROGRESS', loc) + (periods.length === 1 ? `, ${formatPeriod(periods[0], loc)}` : ''));
  const spec: Json = {
    title: titleBlock(title, bars.map((r) => r.main), options, loc),
    width: options.width ?? 320,
    height: { step: options.height ? Math.round(options.height / bars.length) : Math.max(30, (fontSizes.label + 3) * Math.max(...order.map((o) => o.split('\n').length)) + 14) },
    layer: layers,
  };
  return finish(spec, options, loc, describeProgress(data, options, loc));
}

/** One clause per bar: the fraction, the share, and the target where there is one. */
export function describeProgress(data: readonly Observation[], options: ProgressOptions = {}, locale?: Lang): string {
  const loc = toLang(locale);
  const high = contrastOf(options) === 'high';
  const bars = progressRows(data, options, loc);
  const sentences = bars.map((r) => {
    const who = `${capitalize(indicatorLabel(r.indicator, loc))} – ${regionName(r.region, loc)}, ${formatPeriod(r.period, loc, { status: r.main.status })}`;
    let s = r.main.denominator !== null
      ? t('DESC_PROGRESS', loc, {
        label: who, value: formatValue(r.main, loc, { qualifier: 'words' }),
        percent: formatNumber(r.share, loc, { decimals: 1 }) + '%',
      })
      : `${who}: ${formatValue(r.main, loc, { qualifier: 'words' })}`;
    if (r.tiers.length > 1) {
      s += '; ' + r.tiers.slice(1).map((x) => `${x.label.toLocaleLowerCase('vi')}: ${formatNumber(x.count, loc)} (${formatNumber(x.share, loc, { decimals: 1 })}%)`).join('; ');
    }
    if (r.target !== undefined) s += `; ${t('DESC_PROGRESS_TARGET', loc, { target: formatNumber(r.target, loc) + '%' })}`;
    return s;
  });
  return joinSentences(sentences);
}
