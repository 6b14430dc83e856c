import '../messages/charts.js';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { toLang } from '../format/locale.js';
import { formatPeriod, periodPhrase } from '../format/period.js';
import { periodPosition } from '../data/period.js';
import { formatUnit, isTightUnit } from '../format/unit.js';
import { formatNumber } from '../format/number.js';
import { formatValue } from '../format/value.js';
import { fail } from '../errors.js';
import type { ChartSpec, CommonOptions } from './types.js';
import { checkRows, decimalsFor, finish, latestPeriod, pickIndicator, pickSeries, sourceText, t, titleBlock, valueText, type Json, joinSentences } from './common.js';
import { capitalize, indicatorLabel, regionName, regionPhrase, type Indicator } from './lookup.js';
import { comparableRuns } from './series.js';
import { colors, fontSizes } from './theme.js';

export interface KpiOptions extends CommonOptions {
  /** The region shown. Default: the first region in the data. */
  region?: string;
  /** The sub-series shown, where the indicator has several. Default: the first row's. */
  series?: string | null;
  /** The period shown. Default: the latest with a value. */
  period?: string;
  /** The period compared with. Default: the one before `period` that has a value. */
  previous?: string;
  /** Draw the sparkline of every period. Default `true` when there are two or more. */
  sparkline?: boolean;
}

/** What a KPI says, computed once for the spec and the description. */
export interface KpiFacts {
  indicator: Indicator;
  region: string;
  current: Observation;
  previous: Observation | undefined;
  history: Observation[];
  /** Change since `previous`, `null` when there is none or it is not comparable. */
  change: number | null;
  comparable: boolean;
  /** `better`, `worse` or `neutral` (no better direction or no change). */
  judgement: 'better' | 'worse' | 'neutral';
  decimals: number;
}

export function kpiFacts(data: readonly Observation[], options: KpiOptions = {}): KpiFacts {
  checkRows(data, options);
  const { indicator, rows } = pickIndicator('kpi', data, options);
  const region = options.region ?? rows[0].region;
  const history = pickSeries(rows.filter((o) => o.region === region), options.series, indicator)
    .filter((o) => o.value !== null)
    .sort((a, b) => periodPosition(a.period) - periodPosition(b.period));
  const period = options.period ?? latestPeriod(history);
  const current = history.find((o) => o.period === period);
  if (!current) return fail('CHART_NO_DATA', { chart: 'kpi', detail: `${region}${period ? ' ' + period : ''}` });
  const before = history.filter((o) => periodPosition(o.period) < periodPosition(current.period));
  const previous = options.previous ? history.find((o) => o.period === options.previous) : before[before.length - 1];
  // Comparable only under one known method and one territory.
  const comparable = !previous || comparableRuns([previous, current], indicator).length === 1;
  const change = previous && comparable ? (current.value as number) - (previous.value as number) : null;
  const lower = indicator.lowerIsBetter;
  const judgement = change === null || change === 0 || lower === null ? 'neutral' : (change < 0) === lower ? 'better' : 'worse';
  return { indicator, region, current, previous, history, change, comparable, judgement, decimals: decimalsFor(history) };
}

/**
 * `-2,3 điểm %` for rates, `+9,1 triệu đồng` otherwise; fractions change in their count. With
 * `unit: false` a long unit is left out (the KPI's unit line above already names it).
 */
function changeText(f: KpiFacts, loc: Lang, { unit: withUnit = true } = {}): string {
  const n = formatNumber(f.change as number, loc, { decimals: f.decimals, signed: true }).replace(/^-/, '−');
  const unit = f.current.unit;
  if (unit === '%') return `${n} ${t('CHART_POINTS', loc)}`;
  if (f.current.denominator !== null || !withUnit) return n;
  const u = formatUnit(unit, loc);
  return u ? (isTightUnit(unit) ? n + u : `${n} ${u}`) : n;
}

/** How a KPI's change reads: its judgement, or `not-comparable` across a methodology break. */
export type KpiTone = KpiFacts['judgement'] | 'not-comparable';

/**
 * The line under a KPI's figure: the change since the previous period with its judgement
 * (`−2,3 điểm % so với 2020 · tốt hơn`), or that the two are not comparable; `undefined` when there is
 * no previous figure. The exported KPI and `<chiso-kpi>` both show this line.
 */
export function kpiChange(f: KpiFacts, loc: Lang): { text: string; tone: KpiTone } | undefined {
  if (!f.previous) return undefined;
  const period = formatPeriod(f.previous.period, loc);
  if (!f.comparable) return { text: t('CHART_NOT_COMPARABLE', loc, { period }), tone: 'not-comparable' };
  const judged = f.judgement === 'neutral' ? '' : ` · ${t(f.judgement === 'better' ? 'CHART_BETTER' : 'CHART_WORSE', loc)}`;
  return { text: `${changeText(f, loc, { unit: false })} ${t('CHART_SINCE', loc, { period })}${judged}`, tone: f.judgement };
}

/**
 * One figure, large: its qualifier and unit (`>98%`, `30/31 tổ chức`), the period (marked when
 * preliminary), the change since the previous period coloured by whether it is better or worse
 * (or flagged as not comparable across a methodology break), and a sparkline.
 */
export function kpiChart(data: readonly Observation[], options: KpiOptions = {}, locale?: Lang): ChartSpec {
  const loc = toLang(locale);
  const f = kpiFacts(data, options);
  const width = options.width ?? 240;
  const sparkline = (options.sparkline ?? true) && f.history.length > 1;
  const height = options.height ?? (sparkline ? 128 : 84);
  const big = formatValue(f.current, loc, { decimals: f.decimals, unit: f.current.unit === '%' });
  const unitLine = [
    f.current.unit === '%' ? '' : formatUnit(f.current.unit, loc),
    formatPeriod(f.current.period, loc, { status: f.current.status }),
  ].filter(Boolean).join(' · ');
  const line = kpiChange(f, loc);
  const change = line?.text ?? '';
  const changeColor = line?.tone === 'better' ? colors.better : line?.tone === 'worse' ? colors.worse : colors.muted;
  const text = (y: number, value: string, style: Json): Json => ({
    data: { values: [{ text: value }] },
    mark: { type: 'text', align: 'left', baseline: 'alphabetic', x: 0, y, ...style },
    encoding: { text: { field: 'text', type: 'nominal' } },
  });
  const layers: Json[] = [
    text(40, big, { fontSize: fontSizes.kpi, fontWeight: 600, color: colors.text }),
    text(60, unitLine, { fontSize: 12, color: colors.muted }),
  ];
  if (change) layers.push(text(80, change, { fontSize: 12, fontWeight: 500, color: changeColor }));
  if (sparkline) {
    const decimals = f.decimals;
    // The sparkline breaks where figures stop being comparable, as the line chart does.
    const runOf = new Map<Observation, number>();
    comparableRuns(f.history, f.indicator).forEach((run, k) => run.rows.forEach((o) => runOf.set(o, k)));
    const values = f.history.map((o) => ({
      region: o.region,
      x: periodPosition(o.period),
      value: o.value,
      seg: runOf.get(o) ?? 0,
      current: o === f.current,
      period: formatPeriod(o.period, loc, { status: o.status }),
      valueText: valueText(o, loc, decimals),
      source: sourceText(o, loc),
    }));
    const vs = values.map((v) => v.value as number);
    const x = { field: 'x', type: 'quantitative', axis: null, scale: { zero: false, nice: false, range: [0, width - 6] } };
    const y = {
      field: 'value', type: 'quantitative', axis: null,
      scale: { zero: false, nice: false, domain: [Math.min(...vs), Math.max(...vs)], range: [height - 4, 94] },
    };
    layers.push({
      data: { values },
      mark: { type: 'line', strokeWidth: 1.5, color: colors.neutral },
      encoding: { x, y, detail: { field: 'seg', type: 'nominal' } },
    });
    layers.push({
      data: { values },
      mark: { type: 'point', filled: true, size: 16 },
      encoding: {
        x, y,
        color: { condition: { test: 'datum.current', value: colors.accent }, value: colors.neutral },
        size: { condition: { test: 'datum.current', value: 40 }, value: 12 },
        tooltip: [
          { field: 'period', type: 'nominal', title: t('CHART_PERIOD', loc) },
          { field: 'valueText', type: 'nominal', title: capitalize(indicatorLabel(f.indicator, loc)) },
          { field: 'source', type: 'nominal', title: t('CHART_SOURCE', loc) },
        ],
      },
    });
  }
  const label = `${capitalize(indicatorLabel(f.indicator, loc))} – ${regionName(f.region, loc)}`;
  const spec: Json = {
    title: { ...titleBlock(label, [f.current, ...(f.previous ? [f.previous] : [])], options, loc), fontSize: 13, subtitleFontSize: 10 },
    width,
    height,
    layer: layers,
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
  return finish(spec, options, loc, describeKpi(data, options, loc));
}

/** The KPI in one sentence or two: value, period, change and whether it is better or worse. */
export function describeKpi(data: readonly Observation[], options: KpiOptions = {}, locale?: Lang): string {
  const loc = toLang(locale);
  const f = kpiFacts(data, options);
  const sentences = [
    t('DESC_KPI', loc, {
      indicator: capitalize(indicatorLabel(f.indicator, loc)), region: regionName(f.region, loc), of: regionPhrase(f.region, loc),
      period: periodPhrase(f.current.period, loc, { status: f.current.status }),
      value: formatValue(f.current, loc, { decimals: f.decimals, qualifier: 'words' }),
    }),
  ];
  if (f.previous && !f.comparable) sentences.push(capitalize(t('CHART_NOT_COMPARABLE', loc, { period: formatPeriod(f.previous.period, loc) })));
  else if (f.previous && f.change !== null) {
    const dir = f.change < 0 ? 'DESC_DOWN' : f.change > 0 ? 'DESC_UP' : 'DESC_UNCHANGED';
    const judgement = f.judgement === 'neutral' ? '' : t(f.judgement === 'better' ? 'CHART_BETTER' : 'CHART_WORSE', loc);
    const change = changeText({ ...f, change: Math.abs(f.change) }, loc).replace(/^\+/, '');
    const s = t('DESC_KPI_CHANGE', loc, { direction: capitalize(t(dir, loc)), change, previous: periodPhrase(f.previous.period, loc), judgement });
    sentences.push(judgement ? s : s.replace(/ \(\)$/, ''));
  }
  return joinSentences(sentences);
}
