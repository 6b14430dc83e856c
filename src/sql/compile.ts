/**
 * `compileQuery`: the query spec as one SQL read (WITH ... SELECT) for DuckDB, PostgreSQL or
 * ClickHouse, with the same meaning as `runQuery` and `executeQuery`.
 *
 * Every value from a spec (indicator and region ids, periods, targets, scales, limits) and every
 * fact from the registry (levels, the 63 -> 34 crosswalk, directions, kinds) is a bound parameter.
 * Identifiers are checked against the table's declared columns and quoted. The compiler writes no
 * statement other than a SELECT, so no spec can change data.
 *
 * Errors the executors raise while reading rows (duplicate observations, a rank without direction,
 * a rate merged without weight) become checks: small SELECTs, all in one statement run before the
 * query, whose rows `verify` turns into the same `ChisoError`s and warnings. Each expression is
 * written once in each statement, so the SQL grows linearly with the spec.
 */
import '../messages/query.js';
import '../messages/sql.js';
import { fail, type Diagnostic } from '../errors.js';
import { finishMerge, sortDiagnostics, type MergeContext, type MergeGroup } from '../query/merge.js';
import { OBSERVATION_COLUMNS, requireColumns } from '../query/checks.js';
import { checkMean, checkNeeds, checkOutputs, directionsForGap, identityColumns, notesUnweighted, rankDirections, selectionNeeds, stepNeeds, unweightedNote, UNWEIGHTED_NOTE_COLUMN } from '../query/plan.js';
import { resolveRegions } from '../query/regions.js';
import { defaultRegistry, needsWeight, unit2025, type QueryRegistry } from '../query/registry-view.js';
import type { NormalizedQuery, NormalizedSelection, NormalizedStep } from '../query/spec.js';
import { validateQuery } from '../query/validate.js';
import { isSqlDialect, SqlDialect, type SqlColumnType } from './dialect.js';
import { SqlBuilder, type SqlStatement, type Stage } from './builder.js';
import { sqlTable, type SqlColumn, type SqlTable, type SqlTableOptions } from './table.js';

export interface SqlCompileOptions {
  /** The engine's dialect. */
  dialect: SqlDialect;
  /** The table read. Default: `observations` with the eleven observation columns. */
  table?: SqlTableOptions;
  /** Indicator catalogue and admin units. Default: chiso's registry. */
  registry?: QueryRegistry;
  /**
   * The indicators the selected rows may hold, whose facts (direction, kind) are inlined. Default:
   * `select.indicators`. Needed only by `rank` without direction, `gapToTarget` and `reaggregate`;
   * `runSqlQuery` finds them with a first small query when the spec does not name them.
   */
  indicators?: readonly string[];
}

/** The checks' statement, run before the query; `verify` throws the executors' error or adds warnings. */
export interface SqlCheck extends SqlStatement {
  /** What is checked, in order: `duplicate`, `rank` or `reaggregate` for each part. */
  kinds: CheckKind[];
  verify(rows: readonly Record<string, unknown>[], diagnostics: Diagnostic[]): void;
}

type CheckKind = 'duplicate' | 'rank' | 'reaggregate';

/** One part of the checks' statement: a SELECT over the expressions before it, and what its rows mean. */
interface CheckPart {
  kind: CheckKind;
  body: string;
  /** The body's output columns, read back by name. */
  columns: string[];
  /** How many expressions existed when it was made: the statement needs those only. */
  depth: number;
  verify(rows: readonly Record<string, unknown>[], diagnostics: Diagnostic[]): void;
}

export interface CompiledQuery extends SqlStatement {
  dialect: SqlDialect;
  /** Output columns, in order. */
  columns: string[];
  /** Run before the query: one statement, or none when nothing needs checking. */
  checks: SqlCheck[];
}

type Step<K extends NormalizedStep['op']> = Extract<NormalizedStep, { op: K }>;

interface Context {
  b: SqlBuilder;
  table: SqlTable;
  registry: QueryRegistry;
  indicators: readonly string[] | undefined;
  checks: CheckPart[];
  /**
   * The last stage whose rows (and their indicator, region, series, period) later steps keep, and
   * whether its rows were checked for duplicates: steps that only add columns need no check of their own.
   */
  rows: { stage: Stage; checked: boolean } | null;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Whether the spec needs indicator facts from the registry. */
export function needsIndicatorFacts(q: NormalizedQuery): boolean {
  return q.derive.some((s) => (s.op === 'rank' && s.direction === undefined) || s.op === 'gapToTarget' || s.op === 'reaggregate');
}

function names(cols: readonly SqlColumn[]): string[] {
  return cols.map((c) => c.name);
}

function typeOf(stage: Stage, column: string): SqlColumnType {
  return stage.cols.find((c) => c.name === column)?.type ?? 'text';
}

/** A select list that keeps the stage's columns, replacing or appending derived ones. */
function derived(ctx: Context, stage: Stage, alias: string, outputs: { name: string; expr: string; type: SqlColumnType }[]): { list: string; cols: SqlColumn[] } {
  const { b } = ctx;
  const cols: SqlColumn[] = [];
  const parts: string[] = [];
  for (const c of stage.cols) {
    const o = outputs.find((x) => x.name === c.name);
    cols.push(o ? { name: c.name, type: o.type } : c);
    parts.push(o ? `${o.expr} AS ${b.q(c.name)}` : `${alias}${b.q(c.name)}`);
  }
  for (const o of outputs) {
    if (stage.cols.some((c) => c.name === o.name)) continue;
    cols.push({ name: o.name, type: o.type });
    parts.push(`${o.expr} AS ${b.q(o.name)}`);
  }
  return { list: parts.join(', '), cols };
}

function list(ctx: Context, cols: readonly SqlColumn[], alias = ''): string {
  return cols.map((c) => `${alias}${ctx.b.q(c.name)}`).join(', ');
}

/** A text key for a series that tells `null` from every text, for equi-joins. */
function seriesKey(e: string): string {
  return `CASE WHEN ${e} IS NULL THEN '' ELSE 's' || ${e} END`;
}

/** Series equal to a reference (`null`: no series). */
function seriesIs(ctx: Context, e: string, series: string | null): string {
  return series === null ? `${e} IS NULL` : `${e} = ${ctx.b.bind(series, 'text')}`;
}

function sourceName(ctx: Context): string {
  return ctx.table.name.map((p) => ctx.b.q(p)).join('.');
}

function selectionTerms(ctx: Context, sel: NormalizedSelection): string[] {
  const { b } = ctx;
  const terms: string[] = [];
  const present = names(ctx.table.columns);
  const regions = sel.regions ? resolveRegions(sel.regions, ctx.registry) : undefined;
  checkNeeds(selectionNeeds(sel), present);
  if (sel.indicators) terms.push(b.inList(b.q('indicator'), sel.indicators));
  if (regions) terms.push(b.inList(b.q('region'), regions));
  const per = sel.periods;
  if (Array.isArray(per)) terms.push(b.inList(b.q('period'), per));
  else if (per !== undefined && per !== 'latest') {
    const range = per as { from?: number; to?: number };
    // The start year written once at load, where the table has it; else read from the text (one
    // BETWEEN reads it once per row: the pattern match is the costly part).
    const y = ctx.table.periodStart ? b.q(ctx.table.periodStart) : b.d.yearOf(b.q('period'));
    if (range.from !== undefined && range.to !== undefined) terms.push(`${y} BETWEEN ${b.bind(range.from, 'double')} AND ${b.bind(range.to, 'double')}`);
    else if (range.from !== undefined) terms.push(`${y} >= ${b.bind(range.from, 'double')}`);
    else if (range.to !== undefined) terms.push(`${y} <= ${b.bind(range.to, 'double')}`);
  }
  if (sel.series === null) terms.push(`${b.q('series')} IS NULL`);
  else if (sel.series !== undefined) {
    const named = sel.series.filter((s): s is string => s !== null);
    const any = b.inList(b.q('series'), named);
    terms.push(sel.series.includes(null) ? `(${any} OR ${b.q('series')} IS NULL)` : any);
  }
  if (sel.status) terms.push(b.inList(b.q('status'), sel.status));
  return terms;
}

function source(ctx: Context, sel: NormalizedSelection): Stage {
  const terms = selectionTerms(ctx, sel);
  const cols = [...ctx.table.columns];
  const where = terms.length ? ` WHERE ${terms.join(' AND ')}` : '';
  return ctx.b.cte('s', `SELECT ${list(ctx, cols)} FROM ${sourceName(ctx)}${where}`, cols);
}

/**
 * Per indicator, region and series: the rows of the latest start year with a value, then the latest
 * period text. Its result is materialized: window steps inlined into each other cost the optimizer
 * exponential time in their number.
 */
function latest(ctx: Context, stage: Stage): Stage {
  const { b } = ctx;
  const part = `PARTITION BY ${b.q('indicator')}, ${b.q('region')}, ${b.q('series')}`;
  const cols = list(ctx, stage.cols);
  const a = b.cte('latest', `SELECT ${cols}, ${b.d.yearOf(b.q('period'))} AS ${b.q('__y')} FROM ${b.q(stage.name)} WHERE ${b.q('value')} IS NOT NULL`, stage.cols);
  const c = b.cte(
    'latest',
    `SELECT ${cols} FROM (SELECT ${cols}, ${b.q('__y')}, max(${b.q('__y')}) OVER (${part}) AS ${b.q('__my')} FROM ${b.q(a.name)}) x WHERE ${b.q('__y')} = ${b.q('__my')}`,
    stage.cols,
  );
  return b.cte(
    'latest',
    `SELECT ${cols} FROM (SELECT ${cols}, max(${b.d.binary(b.q('period'))}) OVER (${part}) AS ${b.q('__mp')} FROM ${b.q(c.name)}) x WHERE ${b.d.binary(b.q('period'))} = ${b.q('__mp')}`,
    stage.cols,
    true,
  );
}

/**
 * A check that fails with `QUERY_DUPLICATE_OBSERVATION` when two rows share indicator, region,
 * series and period. A lookup of one indicator and series (`fixed`) groups by region and period only.
 */
function uniqueCheck(ctx: Context, stage: Stage, where: string, fixed?: { indicator: string; series: string | null }): void {
  const { b } = ctx;
  const q = b.q.bind(b);
  const keys = fixed ? ['region', 'period'] : ['indicator', 'region', 'series', 'period'];
  const list = keys.map(q).join(', ');
  ctx.checks.push({
    kind: 'duplicate',
    depth: b.depth,
    body: `SELECT ${list} FROM ${q(stage.name)} GROUP BY ${list} HAVING count(*) > 1 LIMIT 1`,
    columns: keys,
    verify(rows) {
      const r = rows[0];
      if (!r) return;
      const indicator = fixed ? fixed.indicator : text(r.indicator);
      const series = fixed ? text(fixed.series) : text(r.series);
      fail('QUERY_DUPLICATE_OBSERVATION', { indicator, region: text(r.region), series, period: text(r.period), where });
    },
  });
}

/**
 * Checks the rows a step compares once per set of rows: steps that only add columns keep every
 * row and its key, so the first comparing step after a filter or a merge checks for all that follow.
 */
function uniqueRows(ctx: Context, stage: Stage, where: string): void {
  if (ctx.rows?.checked) return;
  uniqueCheck(ctx, ctx.rows?.stage ?? stage, where);
  ctx.rows = { stage: ctx.rows?.stage ?? stage, checked: true };
}

/** The steps after which rows stay the same rows, unless their outputs replace a key column. */
const KEEPS_ROWS = new Set(['change', 'percentChange', 'rank', 'share', 'gapToTarget']);
const KEY = ['indicator', 'region', 'series', 'period'];

function keepsRows(step: NormalizedStep): boolean {
  if (!KEEPS_ROWS.has(step.op)) return false;
  const outputs = [(step as { as?: string }).as, (step as { reachedAs?: string }).reachedAs];
  return !outputs.some((o) => o !== undefined && KEY.includes(o));
}

const valid = (e: string) => `${e} IS NOT NULL`;

function change(ctx: Context, stage: Stage, step: Step<'change' | 'percentChange'>, where: string): Stage {
  const { b } = ctx;
  uniqueRows(ctx, stage, where);
  const formula = (v: string, base: string) =>
    step.op === 'change'
      ? `CASE WHEN ${valid(v)} AND ${valid(base)} THEN ${v} - ${base} END`
      : `CASE WHEN ${valid(v)} AND ${valid(base)} THEN CASE WHEN ${base} = 0 THEN NULL ELSE (${v} - ${base}) / ${base} * 100 END END`;
  if (step.base === 'previous') {
    const window = `PARTITION BY ${b.q('indicator')}, ${b.q('region')}, ${b.q('series')} ORDER BY ${b.d.yearOf(b.q('period'))} ASC NULLS FIRST, ${b.d.binary(b.q('period'))} ASC NULLS FIRST`;
    const a = b.cte('change', `SELECT ${list(ctx, stage.cols)}, ${b.d.lag(b.q('value'), window)} AS ${b.q('__b')} FROM ${b.q(stage.name)}`, stage.cols);
    const out = derived(ctx, stage, '', [{ name: step.as, expr: formula(b.q('value'), b.q('__b')), type: 'double' }]);
    return b.cte('change', `SELECT ${out.list} FROM ${b.q(a.name)}`, out.cols);
  }
  const base = `SELECT ${b.q('indicator')}, ${b.q('region')}, ${seriesKey(b.q('series'))} AS ${b.q('__sk')}, ${b.q('value')} AS ${b.q('__b')} FROM ${b.q(stage.name)} WHERE ${b.q('period')} = ${b.bind(step.base, 'text')}`;
  const out = derived(ctx, stage, 'a.', [{ name: step.as, expr: formula(`a.${b.q('value')}`, `k.${b.q('__b')}`), type: 'double' }]);
  return b.cte(
    'change',
    `SELECT ${out.list} FROM ${b.q(stage.name)} a LEFT JOIN (${base}) k ON a.${b.q('indicator')} = k.${b.q('indicator')} AND a.${b.q('region')} = k.${b.q('region')} AND ${seriesKey(`a.${b.q('series')}`)} = k.${b.q('__sk')}`,
    out.cols,
  );
}

function indicatorsFor(ctx: Context): readonly string[] {
  if (!ctx.indicators) fail('SQL_INDICATORS_NEEDED', {});
  return ctx.indicators;
}

function rank(ctx: Context, stage: Stage, step: Step<'rank'>): Stage {
  const { b } = ctx;
  const v = b.q('value');
  let key: string;
  if (step.direction === 'asc') key = v;
  else if (step.direction === 'desc') key = `-${v}`;
  else {
    const candidates = indicatorsFor(ctx);
    const known = candidates.filter((id) => ctx.registry.indicator(id)?.lowerIsBetter != null);
    const desc = known.filter((id) => ctx.registry.indicator(id)?.lowerIsBetter === false);
    key = desc.length ? `CASE WHEN ${b.inList(b.q('indicator'), desc)} THEN -${v} ELSE ${v} END` : v;
    if (known.length < candidates.length) {
      // Some indicator has no direction: the executors' error, if such an indicator is present here.
      const registry = ctx.registry;
      ctx.checks.push({
        kind: 'rank',
        depth: b.depth,
        body: `SELECT DISTINCT ${b.q('indicator')} FROM ${b.q(stage.name)}`,
        columns: ['indicator'],
        verify(rows) {
          rankDirections(rows.map((r) => r.indicator as string).sort(), undefined, registry);
        },
      });
    }
  }
  const window = `PARTITION BY ${b.q('indicator')}, ${b.q('series')}, ${b.q('period')}, (${v} IS NULL) ORDER BY ${key}`;
  const expr = `CASE WHEN ${valid(v)} THEN CAST(rank() OVER (${window}) AS ${b.d.type('integer')}) END`;
  const out = derived(ctx, stage, '', [{ name: step.as, expr, type: 'integer' }]);
  return b.cte('rank', `SELECT ${out.list} FROM ${b.q(stage.name)}`, out.cols);
}

/** Another indicator's value by region and period, from the whole table, as a subquery with `region`, `period`, `name`. */
function indicatorLookup(ctx: Context, ref: { indicator: string; series: string | null }, name: string, where: string): string {
  const { b } = ctx;
  const sql = `SELECT ${b.q('region')}, ${b.q('period')}, ${b.q('value')} AS ${b.q(name)} FROM ${sourceName(ctx)} WHERE ${b.q('indicator')} = ${b.bind(ref.indicator, 'text')} AND ${seriesIs(ctx, b.q('series'), ref.series)}`;
  const lookup = b.cte('lookup', sql, [{ name: 'region', type: 'text' }, { name: 'period', type: 'text' }, { name, type: 'double' }]);
  uniqueCheck(ctx, lookup, where, ref);
  return lookup.name;
}

function share(ctx: Context, stage: Stage, step: Step<'share'>, where: string): Stage {
  const { b } = ctx;
  const scale = b.bind(step.scale, 'double');
  const formula = (v: string, den: string) => `CASE WHEN ${valid(v)} AND ${valid(den)} AND ${den} <> 0 THEN ${v} / ${den} * ${scale} END`;
  if (!step.denominator) {
    const out = derived(ctx, stage, '', [{ name: step.as, expr: formula(b.q('value'), b.q('denominator')), type: 'double' }]);
    return b.cte('share', `SELECT ${out.list} FROM ${b.q(stage.name)}`, out.cols);
  }
  const lookup = indicatorLookup(ctx, step.denominator, '__den', where);
  const out = derived(ctx, stage, 'a.', [{ name: step.as, expr: formula(`a.${b.q('value')}`, `k.${b.q('__den')}`), type: 'double' }]);
  return b.cte(
    'share',
    `SELECT ${out.list} FROM ${b.q(stage.name)} a LEFT JOIN ${b.q(lookup)} k ON a.${b.q('region')} = k.${b.q('region')} AND a.${b.q('period')} = k.${b.q('period')}`,
    out.cols,
  );
}

function gapToTarget(ctx: Context, stage: Stage, step: Step<'gapToTarget'>): Stage {
  const { b } = ctx;
  const { lower, higher } = directionsForGap(indicatorsFor(ctx), ctx.registry);
  let target: string;
  if (typeof step.target === 'number') target = b.bind(step.target, 'double');
  else {
    const entries = Object.entries(step.target);
    target = entries.length
      ? `CASE ${entries.map(([id, t]) => `WHEN ${b.q('indicator')} = ${b.bind(id, 'text')} THEN ${b.bind(t, 'double')}`).join(' ')} ELSE NULL END`
      : `CAST(NULL AS ${b.d.type('double')})`;
  }
  const a = b.cte('gap', `SELECT ${list(ctx, stage.cols)}, ${target} AS ${b.q('__t')} FROM ${b.q(stage.name)}`, stage.cols);
  const v = b.q('value');
  const t = b.q('__t');
  const ok = `${valid(v)} AND ${valid(t)}`;
  const reached = `CAST(CASE WHEN ${ok} AND ${b.inList(b.q('indicator'), [...lower])} THEN ${v} <= ${t} WHEN ${ok} AND ${b.inList(b.q('indicator'), [...higher])} THEN ${v} >= ${t} END AS ${b.d.type('boolean')})`;
  const out = derived(ctx, stage, '', [
    { name: step.as, expr: `CASE WHEN ${ok} THEN ${t} - ${v} END`, type: 'double' },
    { name: step.reachedAs, expr: reached, type: 'boolean' },
  ]);
  return b.cte('gap', `SELECT ${out.list} FROM ${b.q(a.name)}`, out.cols);
}

function reaggregate(ctx: Context, stage: Stage, step: Step<'reaggregate'>): Stage {
  const { b, registry } = ctx;
  const q = b.q.bind(b);
  const std = stage.cols.filter((c) => (OBSERVATION_COLUMNS as readonly string[]).includes(c.name));
  std.sort((x, y) => OBSERVATION_COLUMNS.indexOf(x.name as never) - OBSERVATION_COLUMNS.indexOf(y.name as never));
  const has = (c: string) => std.some((x) => x.name === c);
  const w = step.weight;
  const candidates = indicatorsFor(ctx);
  const known = candidates.filter((id) => registry.indicator(id) !== undefined);
  const weighed = known.filter((id) => needsWeight(registry.indicator(id)!));

  // The crosswalk of old provinces to 34-units, with their validity, from the registry.
  const rows = registry
    .regions('province')
    .map((r) => ({ r, unit: unit2025(registry, r.id) }))
    .filter((x): x is { r: (typeof x)['r']; unit: string } => x.unit !== null);
  const tx = b.d.type('text');
  const nullText = `CAST(NULL AS ${tx})`;
  const xsql = rows.length
    ? rows
        .map(({ r, unit }, i) => {
          const vf = r.validFrom === null ? nullText : b.bind(r.validFrom, 'text');
          const vt = r.validTo === null ? nullText : b.bind(r.validTo, 'text');
          const cols = [b.bind(r.id, 'text'), b.bind(unit, 'text'), vf, vt];
          return i === 0 ? `SELECT ${cols[0]} AS ${q('region')}, ${cols[1]} AS ${q('__unit')}, ${cols[2]} AS ${q('__vf')}, ${cols[3]} AS ${q('__vt')}` : `SELECT ${cols.join(', ')}`;
        })
        .join(' UNION ALL ')
    : `SELECT ${nullText} AS ${q('region')}, ${nullText} AS ${q('__unit')}, ${nullText} AS ${q('__vf')}, ${nullText} AS ${q('__vt')} WHERE 1 = 0`;
  const x = b.cte('xwalk', xsql, []);

  const rest = b.cte('rest', `SELECT ${list(ctx, std, 'a.')} FROM ${q(stage.name)} a LEFT JOIN ${q(x.name)} x ON a.${q('region')} = x.${q('region')} WHERE x.${q('__unit')} IS NULL`, std);
  const lookup = w && 'indicator' in w ? indicatorLookup(ctx, w, '__w', 'reaggregate') : null;
  const weightExpr = !w ? `CAST(NULL AS ${b.d.type('double')})` : lookup ? `k.${q('__w')}` : `CAST(a.${q((w as { column: string }).column)} AS ${b.d.type('double')})`;
  const part = (c: string) => `PARTITION BY x.${q('__unit')}, a.${q('indicator')}, ${seriesKey(`a.${q('series')}`)}, a.${q('period')}, a.${q(c)}`;
  const firsts = [
    has('source') ? `, CASE WHEN a.${q('region')} = min(a.${q('region')}) OVER (${part('source')}) THEN 1 ELSE 0 END AS ${q('__fs')}` : '',
    has('unit') ? `, CASE WHEN a.${q('region')} = min(a.${q('region')}) OVER (${part('unit')}) THEN 1 ELSE 0 END AS ${q('__fu')}` : '',
  ].join('');
  const m = b.cte(
    'merge',
    `SELECT ${list(ctx, std, 'a.')}, x.${q('__unit')}, ${seriesKey(`a.${q('series')}`)} AS ${q('__sk')}, ${weightExpr} AS ${q('__w')}${firsts} FROM ${q(stage.name)} a JOIN ${q(x.name)} x ON a.${q('region')} = x.${q('region')}${lookup ? ` LEFT JOIN ${q(lookup)} k ON k.${q('region')} = a.${q('region')} AND k.${q('period')} = a.${q('period')}` : ''}`,
    std,
  );
  uniqueCheck(ctx, m, 'reaggregate');

  const v = q('value');
  const ok = `${valid(v)} AND ${valid(q('__w'))}`;
  const dbl = b.d.type('double');
  const int = b.d.type('integer');
  const regionOrder = b.d.binary(q('region'));
  const aggs = [
    `CAST(count(*) AS ${int}) AS ${q('__n')}`,
    `CAST(sum(${v}) AS ${dbl}) AS ${q('__sum')}`,
    `CAST(sum(CASE WHEN ${ok} THEN ${v} * ${q('__w')} END) AS ${dbl}) AS ${q('__sp')}`,
    `CAST(sum(CASE WHEN ${ok} THEN ${q('__w')} END) AS ${dbl}) AS ${q('__sw')}`,
    // The regions with a value, and with a value and a weight: what query/merge.ts decides from.
    `${b.d.orderedConcat(`CASE WHEN ${valid(v)} THEN ${q('region')} END`, regionOrder, ', ')} AS ${q('__rv')}`,
    `${b.d.orderedConcat(`CASE WHEN ${ok} THEN ${q('region')} END`, regionOrder, ', ')} AS ${q('__rw')}`,
    has('unit') ? `CAST(count(DISTINCT ${q('unit')}) AS ${int}) AS ${q('__nu')}, min(${q('unit')}) AS ${q('__u1')}, ${b.d.orderedConcat(`CASE WHEN ${q('__fu')} = 1 THEN ${q('unit')} END`, regionOrder, ', ')} AS ${q('__ul')}` : `0 AS ${q('__nu')}`,
    has('status') ? `CAST(sum(CASE WHEN ${q('status')} = 'preliminary' THEN 1 ELSE 0 END) AS ${int}) AS ${q('__pre')}` : '',
    has('qualifier') ? `CAST(count(${q('qualifier')}) AS ${int}) AS ${q('__q')}` : '',
    has('denominator') ? `CAST(sum(${q('denominator')}) AS ${dbl}) AS ${q('__ds')}, CAST(count(${q('denominator')}) AS ${int}) AS ${q('__dv')}` : '',
    has('source') ? `${b.d.orderedConcat(`CASE WHEN ${q('__fs')} = 1 THEN ${q('source')} END`, regionOrder, '; ')} AS ${q('__src')}` : '',
    ...std.map((c) => `min(${q(c.name)}) AS ${q(`__s_${c.name}`)}`),
  ].filter(Boolean);
  const keys = [q('__unit'), q('indicator'), q('series'), q('period'), q('__sk')].join(', ');
  const g = b.cte('groups', `SELECT ${keys}, ${aggs.join(', ')} FROM ${q(m.name)} GROUP BY ${keys}`, []);

  // The predecessors each group expects: those with a value, and those that existed at the end of its year.
  const year = b.d.yearOf(`g.${q('period')}`);
  const end = `${b.d.padYear(year)} || '-12-31'`;
  const existed = `${year} IS NOT NULL AND (x.${q('__vf')} IS NULL OR ${b.d.binary(`x.${q('__vf')}`)} <= ${end}) AND (x.${q('__vt')} IS NULL OR ${b.d.binary(`x.${q('__vt')}`)} >= ${end})`;
  const e = b.cte(
    'expect',
    `SELECT g.${q('__unit')}, g.${q('indicator')}, g.${q('__sk')}, g.${q('period')}, x.${q('region')} AS ${q('__pr')}, ` +
      `CASE WHEN m.${v} IS NOT NULL THEN 1 ELSE 0 END AS ${q('__valued')}, CASE WHEN m.${v} IS NOT NULL AND m.${q('__w')} IS NOT NULL THEN 1 ELSE 0 END AS ${q('__weighted')} ` +
      `FROM ${q(g.name)} g JOIN ${q(x.name)} x ON x.${q('__unit')} = g.${q('__unit')} ` +
      `LEFT JOIN ${q(m.name)} m ON m.${q('region')} = x.${q('region')} AND m.${q('indicator')} = g.${q('indicator')} AND m.${q('__sk')} = g.${q('__sk')} AND m.${q('period')} = g.${q('period')} ` +
      `WHERE m.${v} IS NOT NULL OR (${existed})`,
    [],
  );
  const ekeys = [q('__unit'), q('indicator'), q('__sk'), q('period')].join(', ');
  const es = b.cte(
    'expected',
    `SELECT ${ekeys}, CAST(count(*) AS ${int}) AS ${q('__ne')}, CAST(sum(1 - ${q('__valued')}) AS ${int}) AS ${q('__mv')}, CAST(sum(1 - ${q('__weighted')}) AS ${int}) AS ${q('__mw')} ` +
      `FROM ${q(e.name)} GROUP BY ${ekeys}`,
    [],
  );
  const ne = `coalesce(s.${q('__ne')}, 0)`;
  const weigh = `CASE WHEN ${ne} >= 2 AND ${b.inList(`g.${q('indicator')}`, weighed)} THEN 1 ELSE 0 END`;
  const f = b.cte(
    'flags',
    `SELECT g.*, ${ne} AS ${q('__ne2')}, s.${q('__mv')}, s.${q('__mw')}, ` +
      `CASE WHEN g.${q('__n')} = 1 AND ${ne} <= 1 THEN 1 ELSE 0 END AS ${q('__pass')}, ${weigh} AS ${q('__weigh')}, ` +
      `CASE WHEN ${ne} >= 2 AND NOT (${b.inList(`g.${q('indicator')}`, known)}) THEN 1 ELSE 0 END AS ${q('__unknown')} ` +
      `FROM ${q(g.name)} g LEFT JOIN ${q(es.name)} s ON s.${q('__unit')} = g.${q('__unit')} AND s.${q('indicator')} = g.${q('indicator')} AND s.${q('__sk')} = g.${q('__sk')} AND s.${q('period')} = g.${q('period')}`,
    [],
  );
  const miss = `CASE WHEN ${q('__weigh')} = 1 THEN coalesce(${q('__mw')}, 0) ELSE coalesce(${q('__mv')}, 0) END`;
  const value = `CASE WHEN ${q('__pass')} = 1 THEN ${q('__s_value')} WHEN ${miss} = 0 AND ${q('__ne2')} > 0 THEN CASE WHEN ${q('__weigh')} = 1 THEN CASE WHEN ${q('__sw')} <> 0 THEN ${q('__sp')} / ${q('__sw')} END ELSE ${q('__sum')} END END`;
  const vcte = b.cte('value', `SELECT *, ${value} AS ${q('__v')} FROM ${q(f.name)}`, []);

  const pass = (c: string, otherwise: string) => `CASE WHEN ${q('__pass')} = 1 THEN ${q(`__s_${c}`)} ELSE ${otherwise} END`;
  const outExpr: Record<string, string> = {
    indicator: q('indicator'),
    region: q('__unit'),
    period: q('period'),
    series: q('series'),
    value: q('__v'),
    qualifier: has('qualifier') ? pass('qualifier', `CASE WHEN ${q('__q')} > 0 THEN '~' END`) : '',
    denominator: has('denominator') ? pass('denominator', `CASE WHEN ${q('__weigh')} = 0 AND ${q('__v')} IS NOT NULL AND ${q('__dv')} = ${q('__n')} THEN ${q('__ds')} END`) : '',
    unit: pass('unit', q('__u1')),
    status: has('status') ? pass('status', `CASE WHEN ${q('__pre')} > 0 THEN 'preliminary' ELSE 'final' END`) : '',
    source: has('source') ? pass('source', q('__src')) : '',
    quote: pass('quote', nullText),
  };
  const merged = b.cte('merged', `SELECT ${std.map((c) => `${outExpr[c.name]} AS ${q(c.name)}`).join(', ')} FROM ${q(vcte.name)}`, std);

  // Refusals and warnings: the groups that may have one, read before the query runs and decided by
  // query/merge.ts as the executors decide them (the SQL above only computes the merged figures).
  const ctxMerge: MergeContext = { registry, weighted: w !== undefined, columns: std.map((c) => c.name), predecessorCache: new Map() };
  ctx.checks.push({
    kind: 'reaggregate',
    depth: b.depth,
    columns: ['unit', 'indicator', 'series', 'period', 'n', 'valued', 'weighted', 'units'],
    body:
      `SELECT ${q('__unit')} AS ${q('unit')}, ${q('indicator')}, ${q('series')}, ${q('period')}, ${q('__n')} AS ${q('n')}, ` +
      `${q('__rv')} AS ${q('valued')}, ${q('__rw')} AS ${q('weighted')}, ${has('unit') ? q('__ul') : nullText} AS ${q('units')} FROM ${q(f.name)} ` +
      `WHERE ${q('__pass')} = 0 AND (${q('__unknown')} = 1 OR ${q('__weigh')} = 1 OR ${q('__nu')} > 1 OR ${miss} > 0)`,
    verify(found, diagnostics) {
      const ids = (v: unknown): string[] => (text(v) === '' ? [] : text(v).split(', '));
      const groups = found
        .map((r): MergeGroup => ({
          unit2025: text(r.unit), indicator: text(r.indicator), series: r.series === null ? null : text(r.series), period: text(r.period),
          n: Number(r.n), valued: ids(r.valued), weighted: ids(r.weighted), units: ids(r.units),
          sum: null, sumProduct: null, sumWeight: null, preliminary: 0, qualified: 0, denominatorSum: null, denominatorValid: 0, sources: [], single: {},
        }))
        .sort((a, c) => {
          const ka = JSON.stringify([a.unit2025, a.indicator, a.series ?? '', a.period]);
          const kc = JSON.stringify([c.unit2025, c.indicator, c.series ?? '', c.period]);
          return ka < kc ? -1 : ka > kc ? 1 : 0;
        });
      const warnings: Diagnostic[] = [];
      for (const g of groups) {
        const { diagnostic } = finishMerge(g, ctxMerge);
        if (diagnostic) warnings.push(diagnostic);
      }
      diagnostics.push(...sortDiagnostics(warnings));
    },
  });
  // Materialized, as `latest` is: a merge feeding a merge would be planned again inside each.
  return b.cte('reagg', `SELECT ${list(ctx, std)} FROM ${q(rest.name)} UNION ALL SELECT ${list(ctx, std)} FROM ${q(merged.name)}`, std, true);
}

function summarize(ctx: Context, stage: Stage, step: Step<'summarize'>): Stage {
  const { b } = ctx;
  const q = b.q.bind(b);
  const cols: SqlColumn[] = step.by.map((c) => ({ name: c, type: typeOf(stage, c) }));
  const parts = step.by.map((c) => q(c));
  const dbl = b.d.type('double');
  const int = b.d.type('integer');
  for (const [name, m] of Object.entries(step.measures)) {
    const t = typeOf(stage, m.column);
    const c = q(m.column);
    const num = t === 'boolean' ? `CAST(${c} AS ${int})` : c;
    let expr: string;
    let type: SqlColumnType = t;
    switch (m.fn) {
      case 'count': expr = `CAST(count(*) AS ${int})`; type = 'integer'; break;
      case 'valid': expr = `CAST(count(${c}) AS ${int})`; type = 'integer'; break;
      case 'sum': expr = `CAST(sum(${num}) AS ${dbl})`; type = 'double'; break;
      case 'mean': expr = `CAST(avg(${num}) AS ${dbl})`; type = 'double'; break;
      default:
        if (t === 'boolean' && b.d.name !== 'clickhouse') expr = `${m.fn === 'min' ? 'bool_and' : 'bool_or'}(${c})`;
        else expr = `${m.fn}(${t === 'text' ? b.d.binary(c) : c})`;
    }
    parts.push(`${expr} AS ${q(name)}`);
    cols.push({ name, type });
  }
  if (notesUnweighted(step)) {
    parts.push(`${b.bind(unweightedNote(), 'text')} AS ${q(UNWEIGHTED_NOTE_COLUMN)}`);
    cols.push({ name: UNWEIGHTED_NOTE_COLUMN, type: 'text' });
  }
  const group = step.by.length ? ` GROUP BY ${step.by.map((c) => q(c)).join(', ')}` : '';
  return b.cte('summary', `SELECT ${parts.join(', ')} FROM ${q(stage.name)}${group}`, cols);
}

function context(options: SqlCompileOptions, q: NormalizedQuery): Context {
  if (!isSqlDialect(options.dialect)) fail('SQL_UNKNOWN_DIALECT', { value: String(options.dialect), allowed: Object.keys(SqlDialect).join(', ') });
  return {
    b: new SqlBuilder(options.dialect),
    table: sqlTable(options.table),
    registry: options.registry ?? defaultRegistry,
    indicators: options.indicators ?? q.select.indicators,
    checks: [],
    rows: null,
  };
}

/**
 * The statement listing the distinct indicators a spec's selection keeps (periods other than
 * `'latest'` applied), for compiling with their facts when the spec does not name them.
 */
export function compileIndicatorProbe(spec: unknown, options: SqlCompileOptions): SqlStatement {
  const q = validateQuery(spec);
  const ctx = context(options, q);
  const s = source(ctx, q.select);
  return ctx.b.render(`SELECT DISTINCT ${ctx.b.q('indicator')} FROM ${ctx.b.q(s.name)}`);
}

/** Compiles a query spec (validated first) to one SELECT and its checks. */
export function compileQuery(spec: unknown, options: SqlCompileOptions): CompiledQuery {
  const q = validateQuery(spec);
  const ctx = context(options, q);
  const { b } = ctx;
  let stage = source(ctx, q.select);
  if (q.select.periods === 'latest') stage = latest(ctx, stage);
  let lastBy: string[] = [];
  q.derive.forEach((step, i) => {
    const where = `derive[${i}] (${step.op})`;
    checkNeeds(stepNeeds(step, where), names(stage.cols));
    checkOutputs(step, names(stage.cols), where);
    ctx.rows ??= { stage, checked: false };
    switch (step.op) {
      case 'change':
      case 'percentChange':
        stage = change(ctx, stage, step, where);
        break;
      case 'rank':
        stage = rank(ctx, stage, step);
        break;
      case 'share':
        stage = share(ctx, stage, step, where);
        break;
      case 'gapToTarget':
        stage = gapToTarget(ctx, stage, step);
        break;
      case 'latest':
        stage = latest(ctx, stage);
        break;
      case 'reaggregate':
        stage = reaggregate(ctx, stage, step);
        break;
      case 'summarize':
        // The selection's indicators stand for the rows' (SQL has not read them yet); none given and a mean to check: ask for them.
        if (names(stage.cols).includes('indicator') && !step.unweighted && !step.by.includes('region') && Object.values(step.measures).some((m) => m.fn === 'mean' && m.column === 'value')) {
          checkMean(step, indicatorsFor(ctx), ctx.registry);
        }
        stage = summarize(ctx, stage, step);
        lastBy = step.by;
        break;
    }
    if (!keepsRows(step)) ctx.rows = null;
  });

  const present = names(stage.cols);
  let order = '';
  let limit = '';
  if (q.orderby.length > 0 || q.limit !== undefined) {
    const keys = [...q.orderby];
    requireColumns(keys.map((k) => k.column), present, 'orderby');
    for (const c of identityColumns(present, lastBy)) if (!keys.some((k) => k.column === c)) keys.push({ column: c, order: 'asc' });
    if (keys.length) {
      order = ` ORDER BY ${keys
        .map((k) => {
          const c = b.q(k.column);
          return `${typeOf(stage, k.column) === 'text' ? b.d.binary(c) : c} ${k.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`;
        })
        .join(', ')}`;
    }
  }
  if (q.limit !== undefined) limit = ` LIMIT ${b.bind(q.limit, 'integer')}`;
  let out = stage.cols;
  if (q.columns) {
    requireColumns(q.columns, present, 'columns');
    out = q.columns.map((c) => ({ name: c, type: typeOf(stage, c) }));
  }
  const body = `SELECT ${list(ctx, out)} FROM ${b.q(stage.name)}${order}${limit}`;
  const checks = ctx.checks.length ? [checkStatement(ctx)] : [];
  return { dialect: options.dialect, ...b.render(body), columns: names(out), checks };
}

/**
 * Every check as one statement: the expressions written once, then one SELECT per check, its
 * columns as text `c0, c1, ...` beside the check's number `__check`, joined by UNION ALL.
 */
function checkStatement(ctx: Context): SqlCheck {
  const { b } = ctx;
  const q = b.q.bind(b);
  const tx = b.d.type('text');
  const width = Math.max(...ctx.checks.map((c) => c.columns.length));
  const selects = ctx.checks.map((c, k) => {
    const cols = Array.from({ length: width }, (_, i) => `CAST(${i < c.columns.length ? `x.${q(c.columns[i])}` : 'NULL'} AS ${tx}) AS ${q(`c${i}`)}`);
    return `SELECT ${k} AS ${q('__check')}, ${cols.join(', ')} FROM (${c.body}) x`;
  });
  const parts = ctx.checks;
  return {
    kinds: parts.map((c) => c.kind),
    ...b.render(selects.join(' UNION ALL '), Math.max(...parts.map((c) => c.depth))),
    verify(rows, diagnostics) {
      parts.forEach((c, k) => {
        const mine = rows.filter((r) => Number(r.__check) === k).map((r) => Object.fromEntries(c.columns.map((name, i) => [name, r[`c${i}`] ?? null])));
        c.verify(mine, diagnostics);
      });
    },
  };
}
