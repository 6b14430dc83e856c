import '../messages/charts.js';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { toLang } from '../format/locale.js';
import { formatPeriod, periodPhrase } from '../format/period.js';
import { timePositions } from '../data/period.js';
import { formatUnit } from '../format/unit.js';
import { fail } from '../errors.js';
import { listRegions, PROVINCES_BY_REGION } from '../registry/regions.js';
import { is34, predecessors, rowsFor34 } from '../registry/crosswalk.js';
import { regionName } from '../registry/names.js';
import type { ChartSpec, CommonOptions } from './types.js';
import {
  axisFormat, checkRows, contrastOf, decimalsFor, finish, joinSentences, oneOf, periodText, pickIndicator, pickSeries, sortPeriods,
  sourceText, t, titleBlock, valueText, type Json,
} from './common.js';
import { capitalize, indicatorLabel, inSentence } from './lookup.js';
import { describeLine } from './line.js';
import { comparableRuns } from './series.js';
import { colors, fontSizes } from './theme.js';

/** The figure panels are ordered by. */
export const MultiplesSort = ['latest', 'change', 'name'] as const;
export type MultiplesSort = (typeof MultiplesSort)[number];
export const MultiplesOrder = ['descending', 'ascending'] as const;

export interface MultiplesOptions extends CommonOptions {
  /**
   * Which panels: `34` for the 34 units of 1 July 2025 (an unmerged unit takes its one old province's
   * figures; a merged one without figures of its own stays empty and says why), a GSO region id
   * (`R4`: its provinces), or a list of region ids (the reader's own). Default: every region in the data.
   */
  panels?: '34' | string | string[];
  /** Order of the panels: by the `latest` figure, the `change` over the latest comparable figures (within one standard), or `name`. Default `latest`. */
  sort?: MultiplesSort;
  /** `descending` or `ascending`. Default: descending for figures, ascending (A to Z) for names. */
  order?: (typeof MultiplesOrder)[number];
  /** The sub-series to draw (`total`). Default: as the bar chart picks one. */
  series?: string;
  /** Panels a row. Default: as many as fit the width, at least 100 px each. */
  columns?: number;
}

/** One panel: its region, its figures, what it says and where it stands. */
export interface MultiplesPanel {
  region: string;
  name: string;
  rows: Observation[];
  /** The figure it is sorted by (`null`: none, sorted last). */
  figure: number | null;
  /** 1-based place in the order. */
  rank: number;
  /** One paragraph about this panel alone. */
  description: string;
}

/** The grid the panels are laid out in. */
export interface MultiplesLayout {
  columns: number;
  rows: number;
  panelWidth: number;
  panelHeight: number;
}

const MIN_PANEL = 100;
const SPACING = 14;

function panelRegions(data: readonly Observation[], panels: MultiplesOptions['panels']): { regions: string[]; units34: boolean } {
  if (panels === undefined) return { regions: [...new Set(data.map((o) => o.region))], units34: false };
  if (panels === '34') return { regions: listRegions('province2025').map((r) => r.id), units34: true };
  if (typeof panels === 'string') {
    const group = PROVINCES_BY_REGION[panels];
    if (group) return { regions: [...group], units34: false };
    return fail('CHART_UNKNOWN_OPTION', { option: 'panels', value: panels, allowed: `34, ${Object.keys(PROVINCES_BY_REGION).join(', ')}, [region ids]` });
  }
  if (!Array.isArray(panels) || panels.some((p) => typeof p !== 'string')) {
    return fail('CHART_UNKNOWN_OPTION', { option: 'panels', value: JSON.stringify(panels), allowed: `34, ${Object.keys(PROVINCES_BY_REGION).join(', ')}, [region ids]` });
  }
  return { regions: [...new Set(panels)], units34: false };
}

interface Prepared {
  indicator: ReturnType<typeof pickIndicator>['indicator'];
  panels: MultiplesPanel[];
  rows: Observation[];
  periods: string[];
  pos: (period: string) => number;
  sort: MultiplesSort;
  /** Whether the panels are the 34 units (an empty merged unit then says it needs a weight). */
  units34: boolean;
}

function prepare(data: readonly Observation[], options: MultiplesOptions, loc: Lang): Prepared {
  checkRows(data, options);
  const sort = oneOf('sort', options.sort, MultiplesSort, 'latest');
  const order = oneOf('order', options.order, MultiplesOrder, sort === 'name' ? 'ascending' : 'descending');
  const { indicator, rows: all } = pickIndicator('multiples', data, options);
  const { regions, units34 } = panelRegions(all, options.panels);
  // The 34 units: figures of the units themselves, and an unmerged unit's one old province.
  const source = units34 ? rowsFor34(all) : all;
  const wanted = new Set(regions);
  const rows = pickSeries(source.filter((o) => wanted.has(o.region)), options.series, indicator);
  if (!rows.some((o) => o.value !== null)) fail('CHART_NO_DATA', { chart: 'multiples', detail: regions.slice(0, 5).join(', ') });
  const periods = sortPeriods(rows.map((o) => o.period));
  const pos = timePositions(periods);
  const bad = rows.find((o) => Number.isNaN(pos(o.period)));
  if (bad) fail('CHART_BAD_PERIOD', { value: bad.period }, { file: bad.source || undefined });
  const byRegion = new Map<string, Observation[]>(regions.map((r) => [r, []]));
  for (const o of rows) byRegion.get(o.region)!.push(o);
  const panels: MultiplesPanel[] = regions.map((region) => {
    const own = byRegion.get(region)!.sort((a, b) => pos(a.period) - pos(b.period));
    const valued = own.filter((o) => o.value !== null);
    const last = valued[valued.length - 1];
    // A change is read within the latest comparable run of two figures or more: across a new poverty
    // standard it means nothing.
    const runs = comparableRuns(valued, indicator).filter((r) => r.rows.length > 1);
    const run = runs[runs.length - 1]?.rows ?? [];
    const change = run.length > 1 ? (run[run.length - 1].value as number) - (run[0].value as number) : null;
    const figure = !last ? null : sort === 'change' ? change : (last.value as number);
    return { region, name: regionName(region, loc), rows: own, figure, rank: 0, description: '' };
  });
  const collator = new Intl.Collator(loc === 'vi' ? 'vi' : 'en');
  const sign = order === 'ascending' ? 1 : -1;
  panels.sort((a, b) => {
    if (sort !== 'name') {
      if (a.figure === null || b.figure === null) {
        if (a.figure !== b.figure) return a.figure === null ? 1 : -1;
      } else if (a.figure !== b.figure) return sign * (a.figure - b.figure);
    }
    return (sort === 'name' ? sign : 1) * collator.compare(a.name, b.name);
  });
  panels.forEach((p, i) => {
    p.rank = i + 1;
    p.description = describePanel(p, panels.length, indicator.id, units34, loc);
  });
  return { indicator, panels, rows, periods, pos, sort, units34 };
}

/** One panel in words: its line's story (the line chart's own sentence) and its place in the order. */
function describePanel(p: MultiplesPanel, count: number, indicator: string, units34: boolean, loc: Lang): string {
  const rank = t('DESC_PANEL_RANK', loc, { rank: p.rank, count });
  if (!p.rows.some((o) => o.value !== null)) {
    const old = units34 && is34(p.region) ? predecessors(p.region) : [];
    const merged = old.length > 1 ? t('DESC_PANEL_MERGED', loc, { list: old.map((r) => regionName(r, loc)).join(', ') }) : '';
    return joinSentences([t('DESC_PANEL_EMPTY', loc, { region: p.name, merged }), rank]);
  }
  return joinSentences([describeLine(p.rows, { indicator, regions: [p.region], breaks: 'both' }, loc), rank]);
}

/** How many panels a row and how big each is, for a plot `width` pixels wide. */
export function multiplesLayout(count: number, options: Pick<MultiplesOptions, 'width' | 'height' | 'columns'>): MultiplesLayout {
  // The shared y axis takes the room `plotWidth` left beside the plot; the panels share the rest.
  const width = options.width ?? 560;
  const fit = Math.max(1, Math.floor((width + SPACING) / (MIN_PANEL + SPACING)));
  const columns = Math.max(1, Math.min(count, options.columns ?? Math.min(fit, 6)));
  const panelWidth = Math.max(60, Math.floor((width - (columns - 1) * SPACING) / columns));
  const panelHeight = options.height ?? Math.max(60, Math.min(110, Math.round(panelWidth * 0.55)));
  return { columns, rows: Math.ceil(count / columns), panelWidth, panelHeight };
}

/** The panels in order, each with its figures and its own description (what `<chiso-multiples>` reads out a panel at a time). */
export function multiplesPanels(data: readonly Observation[], options: MultiplesOptions = {}, locale?: Lang): MultiplesPanel[] {
  return prepare(data, options, toLang(locale)).panels;
}

/**
 * One small line chart per region, on shared scales (one time axis, one value axis), ordered by the
 * latest figure, the change or the name: the 34 units, a region's provinces or the reader's list.
 * Preliminary figures are hollow, each panel's latest figure is written beside its end.
 */
export function multiplesChart(data: readonly Observation[], options: MultiplesOptions = {}, locale?: Lang): ChartSpec {
  const loc = toLang(locale);
  const { indicator, panels, rows, periods, pos, units34 } = prepare(data, options, loc);
  const high = contrastOf(options) === 'high';
  const decimals = decimalsFor(rows);
  const layout = multiplesLayout(panels.length, options);
  const label = capitalize(indicatorLabel(indicator, loc));
  const order = panels.map((p) => p.name);

  const points: Json[] = [];
  for (const p of panels) {
    const valued = p.rows.filter((o) => o.value !== null);
    if (!valued.length) {
      // A row of its own keeps the empty panel in the grid, with a note in it.
      const merged = units34 && is34(p.region) && predecessors(p.region).length > 1;
      points.push({ panel: p.name, region: p.region, x: null, value: null, empty: t(merged ? 'CHART_MULTIPLES_NEEDS_WEIGHT' : 'CHART_NO_DATA_LEGEND', loc) });
      continue;
    }
    // The line breaks where figures stop being comparable (a new standard, a territorial event), as the line chart's does.
    comparableRuns(valued, indicator).forEach((run, r) => {
      for (const o of run.rows) {
        const text = valueText(o, loc, decimals);
        points.push({
          panel: p.name, region: p.region, piece: r, x: pos(o.period), value: o.value, valueText: text, period: periodText(o, loc),
          preliminary: o.status === 'preliminary', source: sourceText(o, loc), aria: `${p.name}, ${periodText(o, loc)}: ${text}`,
        });
      }
    });
  }

  const values = rows.flatMap((o) => (o.value === null ? [] : [o.value]));
  const vmax = Math.max(...values);
  const vmin = Math.min(...values);
  const lo = Math.min(0, vmin);
  const hi = vmax + (vmax - lo) * 0.12 || 1;
  const xs = periods.map(pos);
  const [xmin, xmax] = [Math.min(...xs), Math.max(...xs)];
  const ends2 = xmin === xmax ? [xmin] : [xmin, xmax];
  const xAxis: Json = {
    title: null,
    values: ends2,
    labelExpr: `${ends2.map((x) => `datum.value === ${x} ? ${JSON.stringify(formatPeriod(periods[xs.indexOf(x)], loc))}`).join(' : ')} : ''`,
    labelFlush: true,
    grid: false,
  };
  const x = { field: 'x', type: 'quantitative', scale: { domain: xmin === xmax ? [xmin - 1, xmax + 1] : [xmin, xmax], nice: false, zero: false }, axis: xAxis };
  const y = {
    field: 'value', type: 'quantitative', scale: { domain: [lo, hi], nice: false, zero: false },
    axis: { title: null, ...axisFormat(values, decimals, loc), tickCount: 3 },
  };
  const accent = high ? '#000000' : colors.accent;
  const tooltip = [
    { field: 'panel', type: 'nominal', title: t('CHART_REGION', loc) },
    { field: 'period', type: 'nominal', title: t('CHART_PERIOD', loc) },
    { field: 'valueText', type: 'nominal', title: label },
    { field: 'source', type: 'nominal', title: t('CHART_SOURCE', loc) },
  ];
  const unit = formatUnit(indicator.unit, loc);
  const spec: Json = {
    title: titleBlock(
      t('CHART_MULTIPLES_TITLE', loc, { indicator: label, count: panels.length }) + (periods.length > 1 ? `, ${formatPeriod(periods[0], loc)}–${formatPeriod(periods[periods.length - 1], loc)}` : ''),
      rows, options, loc, unit ? `${t('ABOUT_UNIT', loc)}: ${unit}` : undefined,
    ),
    data: { values: points },
    columns: layout.columns,
    spacing: SPACING,
    facet: {
      field: 'panel', type: 'nominal', sort: order,
      // The latest figure beside the name, where a label at the line's end would cross it.
      header: { title: null, labelExpr: headerExpr(panels, loc, decimals), labelFontSize: fontSizes.label, labelFontWeight: 600, labelLimit: layout.panelWidth, labelAnchor: 'start', labelPadding: 4 },
    },
    spec: {
      width: layout.panelWidth,
      height: layout.panelHeight,
      layer: [
        {
          mark: { type: 'line', color: accent, strokeWidth: 1.75, aria: false },
          encoding: { x, y, detail: { field: 'piece', type: 'nominal' } },
        },
        {
          mark: { type: 'point', filled: true, size: 22, strokeWidth: 1.25, color: accent, stroke: accent },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'value', type: 'quantitative' },
            fill: { condition: { test: 'datum.preliminary', value: '#ffffff' }, value: accent },
            tooltip,
            description: { field: 'aria', type: 'nominal' },
          },
        },
        {
          transform: [{ filter: 'isValid(datum.empty)' }],
          mark: { type: 'text', x: layout.panelWidth / 2, y: layout.panelHeight / 2, align: 'center', baseline: 'middle', fontSize: fontSizes.note, color: colors.muted, aria: false },
          encoding: { text: { field: 'empty' } },
        },
      ],
    },
    // Shared scales; a time axis under every panel, so no row ends in an axis without a panel.
    resolve: { scale: { x: 'shared', y: 'shared' }, axis: { x: 'independent' } },
  };
  return finish(spec, options, loc, describeMultiples(data, options, loc));
}

/** Each panel's header: its name and its latest figure (`Kon Tum  14,2%`), names written as string literals. */
function headerExpr(panels: readonly MultiplesPanel[], loc: Lang, decimals: number): string {
  const cases = panels.flatMap((p) => {
    const last = [...p.rows].reverse().find((o) => o.value !== null);
    return last ? [`datum.value === ${JSON.stringify(p.name)} ? ${JSON.stringify(`${p.name}  ${valueText(last, loc, decimals)}`)}`] : [];
  });
  return cases.length ? `${cases.join(' : ')} : datum.value` : 'datum.value';
}

/** The whole grid in one paragraph: what it shows, how it is ordered, its two ends and the empty panels. */
export function describeMultiples(data: readonly Observation[], options: MultiplesOptions = {}, locale?: Lang): string {
  const loc = toLang(locale);
  const { indicator, panels, rows, periods, sort } = prepare(data, options, loc);
  const decimals = decimalsFor(rows);
  const sentences: string[] = [];
  const span = periods.length > 1 ? t('DESC_MULTIPLES_SPAN', loc, { p0: periodPhrase(periods[0], loc), p1: periodPhrase(periods[periods.length - 1], loc) }) : '';
  const sortText = t(sort === 'latest' ? 'DESC_MULTIPLES_SORT_LATEST' : sort === 'change' ? 'DESC_MULTIPLES_SORT_CHANGE' : 'DESC_MULTIPLES_SORT_NAME', loc);
  sentences.push(t('DESC_MULTIPLES', loc, { indicator: inSentence(indicatorLabel(indicator, loc)), count: panels.length, span, sort: sortText }));
  // The two ends in the latest period drawn: figures of one period only, so they compare.
  const lastPeriod = periods[periods.length - 1];
  const latest = panels
    .map((p) => ({ p, o: p.rows.find((o) => o.period === lastPeriod && o.value !== null) }))
    .filter((e): e is { p: MultiplesPanel; o: Observation } => e.o !== undefined)
    .sort((a, b) => (b.o.value as number) - (a.o.value as number));
  if (latest.length > 1) {
    const top = latest[0];
    const bottom = latest[latest.length - 1];
    sentences.push(t('DESC_MULTIPLES_ENDS', loc, {
      p1: periodPhrase(lastPeriod, loc), top: top.p.name, topValue: valueText(top.o, loc, decimals), bottom: bottom.p.name, bottomValue: valueText(bottom.o, loc, decimals),
    }));
  }
  const empty = panels.filter((p) => !p.rows.some((o) => o.value !== null));
  if (empty.length) sentences.push(t('DESC_MULTIPLES_EMPTY', loc, { count: empty.length, list: empty.map((p) => p.name).join(', ') }));
  const prelim = sortPeriods(rows.filter((o) => o.status === 'preliminary').map((o) => o.period));
  if (prelim.length) sentences.push(t('DESC_PRELIMINARY', loc, { periods: prelim.map((p) => periodPhrase(p, loc)).join(', ') }));
  return joinSentences(sentences);
}
