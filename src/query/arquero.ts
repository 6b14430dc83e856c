/**
 * `runQuery`: compiles a query spec to Arquero verbs (the analyst and Node path). Expressions are fixed
 * strings over the spec's parameters (`$.q_*`, passed with `params`), so no value from a spec or from
 * data ever becomes code; column names in them are validated identifiers.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Diagnostic } from '../errors.js';
import type { Observation } from '../types.js';
import { assertUnique, OBSERVATION_COLUMNS, requireColumns } from './checks.js';
import { warn, type QueryOptions } from './execute.js';
import { finishMerge, sortDiagnostics, type MergeContext, type MergeGroup } from './merge.js';
import { checkMean, checkNeeds, checkOutputs, directionsForGap, identityColumns, notesUnweighted, rankDirections, selectionNeeds, stepNeeds, unweightedNote, UNWEIGHTED_NOTE_COLUMN } from './plan.js';
import { resolveRegions } from './regions.js';
import { defaultRegistry, unit2025, type QueryRegistry } from './registry-view.js';
import type { NormalizedSelection, NormalizedStep, Row } from './spec.js';
import { validateQuery } from './validate.js';

const { op } = aq;
type Params = Record<string, unknown>;

/** `x` is neither missing nor NaN (Arquero's notion of a valid value). */
const valid = (x: string) => `(${x} != null && ${x} === ${x})`;

/** One filter expression for the whole selection, so the table is scanned once. */
function compileSelection(sel: NormalizedSelection, registry: QueryRegistry, params: Params): string[] {
  const terms: string[] = [];
  if (sel.indicators) {
    if (sel.indicators.length <= 4) {
      const eq = sel.indicators.map((id, i) => {
        params[`q_i${i}`] = id;
        return `d.indicator === $.q_i${i}`;
      });
      terms.push(eq.length === 0 ? 'false' : eq.length === 1 ? eq[0] : `(${eq.join(' || ')})`);
    } else {
      params.q_indicators = new Set(sel.indicators);
      terms.push('op.has($.q_indicators, d.indicator)');
    }
  }
  if (sel.regions) {
    params.q_regions = new Set(resolveRegions(sel.regions, registry));
    terms.push('op.has($.q_regions, d.region)');
  }
  const per = sel.periods;
  if (Array.isArray(per)) {
    params.q_periods = new Set(per);
    terms.push('op.has($.q_periods, d.period)');
  } else if (per !== undefined && per !== 'latest') {
    const range = per as { from?: number; to?: number };
    if (range.from !== undefined) {
      params.q_from = range.from;
      terms.push('op.parse_int(d.period) >= $.q_from');
    }
    if (range.to !== undefined) {
      params.q_to = range.to;
      terms.push('op.parse_int(d.period) <= $.q_to');
    }
  }
  if (sel.series === null) terms.push('d.series == null');
  else if (sel.series !== undefined) {
    params.q_series = new Set(sel.series);
    terms.push('op.has($.q_series, d.series)');
  }
  if (sel.status) {
    params.q_status = new Set(sel.status);
    terms.push('op.has($.q_status, d.status)');
  }
  return terms;
}

function latest(t: ColumnTable): ColumnTable {
  return t
    .filter(`d => ${valid('d.value')}`)
    .derive({ __y: 'd => op.parse_int(d.period)' })
    .groupby('indicator', 'region', 'series')
    .filter('d => d.__y === op.max(d.__y)')
    .filter('d => d.period === op.max(d.period)')
    .ungroup()
    .select(aq.not('__y'));
}

function unique(t: ColumnTable, where: string): void {
  assertUnique({ indicator: t.array('indicator'), region: t.array('region'), series: t.array('series'), period: t.array('period') }, where);
}

/** Another indicator's value by region and period, from the input table, as column `name`. */
function indicatorLookup(input: ColumnTable, ref: { indicator: string; series: string | null }, name: string, where: string): ColumnTable {
  const rows = input
    .params({ q_li: ref.indicator, q_ls: ref.series })
    .filter('(d, $) => d.indicator === $.q_li && ($.q_ls === null ? d.series == null : d.series === $.q_ls)');
  assertUnique({ indicator: rows.array('indicator'), region: rows.array('region'), series: rows.array('series'), period: rows.array('period') }, where);
  return rows.select({ region: 'region', period: 'period', value: name });
}

const SERIES_KEY = { __sk: "d => d.series == null ? '' : 's' + d.series" };

function change(t: ColumnTable, step: Extract<NormalizedStep, { op: 'change' | 'percentChange' }>, where: string): ColumnTable {
  unique(t, where);
  const formula = (b: string) =>
    step.op === 'change'
      ? `d => ${valid('d.value')} && ${valid(b)} ? d.value - ${b} : null`
      : `d => ${valid('d.value')} && ${valid(b)} ? (${b} === 0 ? null : (d.value - ${b}) / ${b} * 100) : null`;
  if (step.base === 'previous') {
    return t
      .derive({ __y: 'd => op.parse_int(d.period)' })
      .orderby('__y', 'period')
      .groupby('indicator', 'region', 'series')
      .derive({ __b: 'd => op.lag(d.value)' })
      .derive({ [step.as]: formula('d.__b') })
      .ungroup()
      .unorder()
      .select(aq.not('__y', '__b'));
  }
  const withKey = t.derive(SERIES_KEY);
  const base = withKey
    .params({ q_base: step.base })
    .filter('(d, $) => d.period === $.q_base')
    .select({ indicator: 'indicator', region: 'region', __sk: '__sk', value: '__b' });
  return withKey
    .lookup(base, [['indicator', 'region', '__sk'], ['indicator', 'region', '__sk']], '__b')
    .derive({ [step.as]: formula('d.__b') })
    .select(aq.not('__sk', '__b'));
}

function rank(t: ColumnTable, step: Extract<NormalizedStep, { op: 'rank' }>, registry: QueryRegistry): ColumnTable {
  const desc = rankDirections(t.array('indicator') as Iterable<string>, step.direction, registry);
  const ranked = t
    .params({ q_desc: desc })
    .filter(`d => ${valid('d.value')}`)
    .derive({ __rk: '(d, $) => op.has($.q_desc, d.indicator) ? -d.value : d.value' })
    .groupby('indicator', 'series', 'period')
    .orderby('__rk')
    .derive({ [step.as]: () => op.rank() })
    .ungroup()
    .unorder()
    .select(aq.not('__rk'));
  const missing = t.filter(`d => !${valid('d.value')}`).derive({ [step.as]: () => null });
  return ranked.concat(missing);
}

function share(t: ColumnTable, step: Extract<NormalizedStep, { op: 'share' }>, input: ColumnTable, where: string): ColumnTable {
  const formula = (den: string) => `(d, $) => ${valid('d.value')} && ${valid(den)} && ${den} !== 0 ? d.value / ${den} * $.q_scale : null`;
  const scaled = t.params({ q_scale: step.scale });
  if (!step.denominator) return scaled.derive({ [step.as]: formula('d.denominator') });
  const den = indicatorLookup(input, step.denominator, '__den', where);
  return scaled
    .lookup(den, [['region', 'period'], ['region', 'period']], '__den')
    .derive({ [step.as]: formula('d.__den') })
    .select(aq.not('__den'));
}

function gapToTarget(t: ColumnTable, step: Extract<NormalizedStep, { op: 'gapToTarget' }>, registry: QueryRegistry): ColumnTable {
  const { lower, higher } = directionsForGap(t.array('indicator') as Iterable<string>, registry);
  const targets = typeof step.target === 'number' ? new Map<string, number>() : new Map(Object.entries(step.target));
  const fallback = typeof step.target === 'number' ? step.target : null;
  const ok = `${valid('d.value')} && d.__t != null`;
  return t
    .params({ q_targets: targets, q_target: fallback, q_lower: lower, q_higher: higher })
    .derive({ __t: '(d, $) => op.recode(d.indicator, $.q_targets, $.q_target)' })
    .derive({
      [step.as]: `d => ${ok} ? d.__t - d.value : null`,
      [step.reachedAs]: `(d, $) => ${ok} && op.has($.q_lower, d.indicator) ? d.value <= d.__t : ${ok} && op.has($.q_higher, d.indicator) ? d.value >= d.__t : null`,
    })
    .select(aq.not('__t'));
}

function reaggregate(
  t: ColumnTable,
  step: Extract<NormalizedStep, { op: 'reaggregate' }>,
  input: ColumnTable,
  registry: QueryRegistry,
  diagnostics: Diagnostic[],
): ColumnTable {
  const present = t.columnNames();
  const std = OBSERVATION_COLUMNS.filter((c) => present.includes(c));
  const w = step.weight;

  // The crosswalk from old provinces to 34-units, for the regions the table holds.
  const ids = [...new Set(t.array('region') as unknown[])].filter((r): r is string => typeof r === 'string');
  const units = ids.map((r) => unit2025(registry, r));
  const crosswalk = aq.table({ region: ids.filter((_, i) => units[i] !== null), __unit: units.filter((u) => u !== null) });

  // A weight column beyond the observation columns travels with the rows until it is read.
  const weightColumn = w && 'column' in w && !std.includes(w.column as never) ? [w.column] : [];
  const base = t.select([...std, ...weightColumn]).lookup(crosswalk, 'region', '__unit');
  const rest = base.filter('d => d.__unit == null').select(std);
  let merging = base.filter('d => d.__unit != null');
  unique(merging, 'reaggregate');

  if (w && 'indicator' in w) merging = merging.lookup(indicatorLookup(input, w, '__w', 'reaggregate'), [['region', 'period'], ['region', 'period']], '__w');
  else if (w) merging = merging.derive({ __w: `d => d.${w.column}` });
  else merging = merging.derive({ __w: () => null });

  const ok = `${valid('d.value')} && ${valid('d.__w')}`;
  const ops: Record<string, string> = {
    __n: 'd => op.count()',
    __valued: 'd => op.array_agg(d.__vr)',
    __weighted: 'd => op.array_agg(d.__wr)',
    __sum: 'd => op.sum(d.value)',
    __sp: 'd => op.sum(d.__p)',
    __sw: 'd => op.sum(d.__pw)',
  };
  if (std.includes('unit')) ops.__units = 'd => op.array_agg_distinct(d.unit)';
  if (std.includes('status')) ops.__prelim = "d => op.sum(d.status === 'preliminary' ? 1 : 0)";
  if (std.includes('qualifier')) ops.__qual = 'd => op.valid(d.qualifier)';
  if (std.includes('denominator')) {
    ops.__dsum = 'd => op.sum(d.denominator)';
    ops.__dvalid = 'd => op.valid(d.denominator)';
  }
  if (std.includes('source')) ops.__sources = 'd => op.array_agg_distinct(d.source)';
  for (const c of std) ops[`__s_${c}`] = `d => op.any(d.${c})`;

  const groups = merging
    .derive({
      __vr: `d => ${valid('d.value')} ? d.region : null`,
      __wr: `d => ${ok} ? d.region : null`,
      __p: `d => ${ok} ? d.value * d.__w : null`,
      __pw: `d => ${ok} ? d.__w : null`,
    })
    .orderby('region')
    .groupby('__unit', 'indicator', 'series', 'period')
    .rollup(ops)
    .objects() as Record<string, unknown>[];

  const orNull = <T>(x: unknown): T | null => (x === undefined ? null : (x as T));
  const ctx: MergeContext = { registry, weighted: w !== undefined, columns: std, predecessorCache: new Map() };
  const rows: Row[] = [];
  const found: Diagnostic[] = [];
  for (const o of groups) {
    const single: Row = {};
    for (const c of std) single[c] = orNull(o[`__s_${c}`]);
    const g: MergeGroup = {
      unit2025: o.__unit as string,
      indicator: o.indicator as string,
      series: orNull(o.series),
      period: o.period as string,
      n: o.__n as number,
      valued: o.__valued as string[],
      weighted: o.__weighted as string[],
      sum: orNull(o.__sum),
      sumProduct: orNull(o.__sp),
      sumWeight: orNull(o.__sw),
      units: (o.__units as string[] | undefined) ?? [],
      preliminary: (o.__prelim as number | undefined) ?? 0,
      qualified: (o.__qual as number | undefined) ?? 0,
      denominatorSum: orNull(o.__dsum),
      denominatorValid: (o.__dvalid as number | undefined) ?? 0,
      sources: (o.__sources as string[] | undefined) ?? [],
      single,
    };
    const { row, diagnostic } = finishMerge(g, ctx);
    rows.push(row);
    if (diagnostic) found.push(diagnostic);
  }
  diagnostics.push(...sortDiagnostics(found));
  const merged = aq.table(Object.fromEntries(std.map((c) => [c, rows.map((r) => r[c])])));
  return rest.concat(merged);
}

function summarize(t: ColumnTable, step: Extract<NormalizedStep, { op: 'summarize' }>): ColumnTable {
  const ops: Record<string, string> = {};
  const fix: Record<string, string> = {};
  for (const [name, m] of Object.entries(step.measures)) {
    ops[name] = m.fn === 'count' ? 'd => op.count()' : `d => op.${m.fn}(d.${m.column})`;
    // Aggregates over no values are `undefined` in Arquero; the query layer says `null`.
    if (m.fn !== 'count' && m.fn !== 'valid') fix[name] = `d => ${valid(`d.${name}`)} ? d.${name} : null`;
  }
  const out = (step.by.length ? t.groupby(...step.by) : t).rollup(ops);
  return Object.keys(fix).length ? out.derive(fix) : out;
}

/** An Arquero table of observations; an empty array still has the observation columns. */
function toTable(table: ColumnTable | readonly Observation[]): ColumnTable {
  // Groups or an order on the caller's table would change what the verbs below mean.
  if (!Array.isArray(table)) return (table as ColumnTable).ungroup().unorder();
  if (table.length === 0) return aq.table(Object.fromEntries(OBSERVATION_COLUMNS.map((c) => [c, [] as unknown[]])));
  return aq.from(table as Observation[]);
}

/**
 * Runs a query spec on an Arquero table (or an array of observations) with Arquero verbs.
 * The spec is validated first (`validateQuery`). Gives the same rows as `executeQuery`.
 */
export function runQuery(table: ColumnTable | readonly Observation[], spec: unknown, options: QueryOptions = {}): ColumnTable {
  const q = validateQuery(spec);
  const registry = options.registry ?? defaultRegistry;
  const input = toTable(table);
  const cols = () => t.columnNames();
  let t = input;

  const params: Params = {};
  const terms = compileSelection(q.select, registry, params);
  const sel = q.select;
  checkNeeds(selectionNeeds(sel), cols());
  if (terms.length) t = t.params(params).filter(`(d, $) => ${terms.join(' && ')}`);
  if (sel.periods === 'latest') t = latest(t);

  let lastBy: string[] = [];
  const diagnostics: Diagnostic[] = [];
  q.derive.forEach((step, i) => {
    const where = `derive[${i}] (${step.op})`;
    checkNeeds(stepNeeds(step, where), cols());
    checkOutputs(step, cols(), where);
    switch (step.op) {
      case 'change':
      case 'percentChange':
        t = change(t, step, where);
        break;
      case 'rank':
        t = rank(t, step, registry);
        break;
      case 'share':
        t = share(t, step, input, where);
        break;
      case 'gapToTarget':
        t = gapToTarget(t, step, registry);
        break;
      case 'latest':
        t = latest(t);
        break;
      case 'reaggregate':
        t = reaggregate(t, step, input, registry, diagnostics);
        break;
      case 'summarize':
        // The column is read only when the step is a mean the rule must judge.
        const table = t;
        checkMean(step, cols().includes('indicator') ? { [Symbol.iterator]: () => table.array('indicator')[Symbol.iterator]() } : undefined, registry);
        t = summarize(t, step);
        if (notesUnweighted(step)) t = t.derive({ [UNWEIGHTED_NOTE_COLUMN]: aq.escape(() => unweightedNote()) });
        lastBy = step.by;
        break;
    }
  });

  if (q.orderby.length > 0 || q.limit !== undefined) {
    const keys = [...q.orderby];
    requireColumns(keys.map((k) => k.column), cols(), 'orderby');
    for (const c of identityColumns(cols(), lastBy)) if (!keys.some((k) => k.column === c)) keys.push({ column: c, order: 'asc' });
    // Missing values last in either direction: a flag column per key sorts ahead of the key itself.
    const flags = Object.fromEntries(keys.map((k, j) => [`__m${j}`, `d => ${valid(`d.${k.column}`)} ? 0 : 1`]));
    const order = keys.flatMap((k, j) => [`__m${j}`, k.order === 'desc' ? aq.desc(k.column) : k.column]);
    t = t.derive(flags).orderby(...order).select(aq.not(...Object.keys(flags)));
  }
  if (q.limit !== undefined) t = t.slice(0, q.limit);
  if (q.columns) {
    requireColumns(q.columns, cols(), 'columns');
    t = t.select(q.columns);
  }
  for (const d of diagnostics) (options.onDiagnostic ?? warn)(d);
  return t;
}
