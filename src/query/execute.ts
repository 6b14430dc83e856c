/**
 * `executeQuery`: the eval-free executor. It runs a query spec over plain row objects with ordinary
 * loops, for pages whose Content-Security-Policy forbids `eval`/`Function` (and so Arquero's verbs).
 * It must give the same rows as `runQuery`; every rule that could differ (ordering of missing values,
 * summation order, running means) follows Arquero's. This module and its imports never load Arquero.
 */
import { formatDiagnostic, type Diagnostic } from '../errors.js';
import type { Observation } from '../types.js';
import { assertUnique, OBSERVATION_COLUMNS, requireColumns } from './checks.js';
import { finishMerge, sortDiagnostics, type MergeContext, type MergeGroup } from './merge.js';
import { compareAsc, comparePeriods, isValid, periodYear } from './period.js';
import { resolveRegions } from './regions.js';
import { defaultRegistry, unit2025, type QueryRegistry } from './registry-view.js';
import { checkMean, checkNeeds, checkOutputs, directionsForGap, identityColumns, notesUnweighted, rankDirections, selectionNeeds, stepNeeds, unweightedNote, UNWEIGHTED_NOTE_COLUMN, targetOf } from './plan.js';
import type { NormalizedQuery, NormalizedSelection, NormalizedStep, Row } from './spec.js';
import { validateQuery } from './validate.js';

/** Options shared by both executors. */
export interface QueryOptions {
  /** Indicator catalogue and admin units. Default: chiso's registry. */
  registry?: QueryRegistry;
  /**
   * Receives warnings, e.g. a 34-unit left without a value by `reaggregate` because a predecessor's
   * figure is missing. Default: written to `console.warn` in both languages, never dropped unseen.
   */
  onDiagnostic?: (d: Diagnostic) => void;
}

type Rows = Row[];

/** The default receiver of warnings. */
export function warn(d: Diagnostic): void {
  console.warn(formatDiagnostic(d));
}
type Cols = string[] | null;

const key = (...parts: unknown[]): string => JSON.stringify(parts.map((p) => p ?? null));

function need(cols: Cols, needed: readonly string[], where: string): void {
  if (cols) requireColumns(needed, cols, where);
}

function unique(rows: Rows, where: string): void {
  assertUnique(
    {
      indicator: rows.map((r) => r.indicator),
      region: rows.map((r) => r.region),
      series: rows.map((r) => r.series),
      period: rows.map((r) => r.period),
    },
    where,
  );
}

function latestRows(rows: Rows): Rows {
  const maxYear = new Map<string, number>();
  for (const r of rows) {
    if (!isValid(r.value)) continue;
    const y = periodYear(r.period);
    if (y !== y) continue;
    const k = key(r.indicator, r.region, r.series);
    const m = maxYear.get(k);
    if (m === undefined || y > m) maxYear.set(k, y);
  }
  const maxPeriod = new Map<string, unknown>();
  for (const r of rows) {
    if (!isValid(r.value)) continue;
    const k = key(r.indicator, r.region, r.series);
    if (periodYear(r.period) !== maxYear.get(k) || !isValid(r.period)) continue;
    const m = maxPeriod.get(k);
    if (m === undefined || (r.period as string) > (m as string)) maxPeriod.set(k, r.period);
  }
  return rows.filter((r) => {
    if (!isValid(r.value)) return false;
    const k = key(r.indicator, r.region, r.series);
    return periodYear(r.period) === maxYear.get(k) && r.period === maxPeriod.get(k);
  });
}

function selectRows(rows: readonly Row[], sel: NormalizedSelection, registry: QueryRegistry, cols: Cols): Rows {
  const ind = sel.indicators ? new Set<unknown>(sel.indicators) : null;
  const reg = sel.regions ? new Set<unknown>(resolveRegions(sel.regions, registry)) : null;
  const per = sel.periods;
  const periodSet = Array.isArray(per) ? new Set<unknown>(per) : null;
  const range = per !== undefined && per !== 'latest' && !Array.isArray(per) ? (per as { from?: number; to?: number }) : null;
  const ser = sel.series === undefined ? undefined : sel.series === null ? null : new Set<unknown>(sel.series);
  const st = sel.status ? new Set<unknown>(sel.status) : null;
  if (cols) checkNeeds(selectionNeeds(sel), cols);
  let out: Rows = [];
  for (const r of rows) {
    if (ind && !ind.has(r.indicator)) continue;
    if (reg && !reg.has(r.region)) continue;
    if (periodSet && !periodSet.has(r.period)) continue;
    if (range) {
      const y = periodYear(r.period);
      if (range.from !== undefined && !(y >= range.from)) continue;
      if (range.to !== undefined && !(y <= range.to)) continue;
    }
    if (ser === null && r.series != null) continue;
    if (ser && !ser.has(r.series)) continue;
    if (st && !st.has(r.status)) continue;
    out.push({ ...r }); // the caller keeps its rows; results are ours to extend
  }
  if (per === 'latest') out = latestRows(out);
  return out;
}

function change(rows: Rows, step: Extract<NormalizedStep, { op: 'change' | 'percentChange' }>, where: string): Rows {
  unique(rows, where);
  const base = new Map<Row, unknown>();
  if (step.base === 'previous') {
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const k = key(r.indicator, r.region, r.series);
      const g = groups.get(k);
      if (g) g.push(r);
      else groups.set(k, [r]);
    }
    for (const g of groups.values()) {
      g.sort((a, b) => comparePeriods(a.period, b.period));
      for (let i = 1; i < g.length; i++) base.set(g[i], g[i - 1].value);
    }
  } else {
    const at = new Map<string, unknown>();
    for (const r of rows) if (r.period === step.base) at.set(key(r.indicator, r.region, r.series), r.value);
    for (const r of rows) base.set(r, at.get(key(r.indicator, r.region, r.series)));
  }
  return rows.map((r) => {
    const v = r.value as number;
    const b = base.get(r) as number;
    let x: number | null = null;
    if (isValid(v) && isValid(b)) {
      if (step.op === 'change') x = v - b;
      else x = b === 0 ? null : ((v - b) / b) * 100;
    }
    return { ...r, [step.as]: x };
  });
}

function rank(rows: Rows, step: Extract<NormalizedStep, { op: 'rank' }>, registry: QueryRegistry): Rows {
  const desc = rankDirections(rows.map((r) => r.indicator as string), step.direction, registry);
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    if (!isValid(r.value)) continue;
    const k = key(r.indicator, r.series, r.period);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const ranks = new Map<Row, number>();
  for (const g of groups.values()) {
    const sign = desc.has(g[0].indicator as string) ? -1 : 1;
    const sorted = [...g].sort((a, b) => compareAsc(sign * (a.value as number), sign * (b.value as number)));
    let current = 1;
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && compareAsc(sign * (sorted[i].value as number), sign * (sorted[i - 1].value as number)) !== 0) current = i + 1;
      ranks.set(sorted[i], current);
    }
  }
  // Ranked rows first, then those without a value, each in input order: the order Arquero leaves,
  // which later aggregates depend on for identical rounding.
  const out: Rows = [];
  for (const r of rows) if (ranks.has(r)) out.push({ ...r, [step.as]: ranks.get(r) as number });
  for (const r of rows) if (!ranks.has(r)) out.push({ ...r, [step.as]: null });
  return out;
}

/** Values of another indicator keyed by region and period, looked up in the input table. */
function lookupIndicator(input: readonly Row[], indicator: string, series: string | null, where: string): Map<string, unknown> {
  const rows = input.filter((r) => r.indicator === indicator && (series === null ? r.series == null : r.series === series));
  unique(rows, where);
  const m = new Map<string, unknown>();
  for (const r of rows) if (r.region != null && r.period != null) m.set(key(r.region, r.period), r.value);
  return m;
}

function share(rows: Rows, step: Extract<NormalizedStep, { op: 'share' }>, input: readonly Row[], where: string): Rows {
  const other = step.denominator ? lookupIndicator(input, step.denominator.indicator, step.denominator.series, where) : null;
  return rows.map((r) => {
    const v = r.value as number;
    const d = (other ? other.get(key(r.region, r.period)) : r.denominator) as number;
    const x = isValid(v) && isValid(d) && d !== 0 ? (v / d) * step.scale : null;
    return { ...r, [step.as]: x };
  });
}

function gapToTarget(rows: Rows, step: Extract<NormalizedStep, { op: 'gapToTarget' }>, registry: QueryRegistry): Rows {
  const { lower, higher } = directionsForGap(rows.map((r) => r.indicator as string), registry);
  return rows.map((r) => {
    const v = r.value as number;
    const t = targetOf(step.target, r.indicator);
    const ok = isValid(v) && t != null;
    const gap = ok ? (t as number) - v : null;
    const reached = ok && lower.has(r.indicator as string) ? v <= (t as number) : ok && higher.has(r.indicator as string) ? v >= (t as number) : null;
    return { ...r, [step.as]: gap, [step.reachedAs]: reached };
  });
}

function reaggregate(
  rows: Rows,
  step: Extract<NormalizedStep, { op: 'reaggregate' }>,
  input: readonly Row[],
  cols: Cols,
  registry: QueryRegistry,
  diagnostics: Diagnostic[],
): { rows: Rows; cols: string[] } {
  const present = cols ?? [...OBSERVATION_COLUMNS];
  const std = OBSERVATION_COLUMNS.filter((c) => present.includes(c));
  const w = step.weight;
  const weights = w && 'indicator' in w ? lookupIndicator(input, w.indicator, w.series, 'reaggregate') : null;
  const weightOf = (r: Row): unknown => (w ? (weights ? weights.get(key(r.region, r.period)) : r[(w as { column: string }).column]) : null);

  const units = new Map<unknown, string | null>();
  const unitOf = (region: unknown): string | null => {
    if (!units.has(region)) units.set(region, typeof region === 'string' ? unit2025(registry, region) : null);
    return units.get(region) ?? null;
  };
  const out: Rows = [];
  const merging: Row[] = [];
  for (const r of rows) {
    if (unitOf(r.region) === null) {
      const o: Row = {};
      for (const c of std) o[c] = r[c] ?? null;
      out.push(o);
    } else merging.push(r);
  }
  unique(merging, 'reaggregate');
  const sorted = merging.map((r, i) => [r, i] as const).sort((a, b) => compareAsc(a[0].region, b[0].region) || a[1] - b[1]).map((x) => x[0]);

  // Groups in order of first appearance (as Arquero numbers them); sums in region order.
  const groups = new Map<string, MergeGroup>();
  const groupKey = (r: Row) => key(unitOf(r.region), r.indicator, r.series, r.period);
  for (const r of merging) {
    const k = groupKey(r);
    if (!groups.has(k)) {
      groups.set(k, {
        unit2025: unitOf(r.region) as string, indicator: r.indicator as string, series: (r.series ?? null) as string | null, period: r.period as string,
        n: 0, valued: [], weighted: [], sum: null, sumProduct: null, sumWeight: null, units: [], preliminary: 0,
        qualified: 0, denominatorSum: null, denominatorValid: 0, sources: [], single: r,
      });
    }
  }
  for (const r of sorted) {
    const g = groups.get(groupKey(r)) as MergeGroup;
    if (g.n === 0) g.single = r;
    g.n++;
    const v = r.value as number;
    const wt = weightOf(r) as number;
    if (isValid(v)) {
      g.valued.push(r.region as string);
      g.sum = (g.sum ?? 0) + +v;
      if (isValid(wt)) {
        g.weighted.push(r.region as string);
        g.sumProduct = (g.sumProduct ?? 0) + v * wt;
        g.sumWeight = (g.sumWeight ?? 0) + +wt;
      }
    }
    if (isValid(r.unit) && !g.units.includes(r.unit as string)) g.units.push(r.unit as string);
    if (r.status === 'preliminary') g.preliminary++;
    if (isValid(r.qualifier)) g.qualified++;
    if (isValid(r.denominator)) {
      g.denominatorValid++;
      g.denominatorSum = (g.denominatorSum ?? 0) + +(r.denominator as number);
    }
    if (isValid(r.source) && !g.sources.includes(r.source as string)) g.sources.push(r.source as string);
  }
  const ctx: MergeContext = { registry, weighted: w !== undefined, columns: std, predecessorCache: new Map() };
  const found: Diagnostic[] = [];
  for (const g of groups.values()) {
    const { row, diagnostic } = finishMerge(g, ctx);
    out.push(row);
    if (diagnostic) found.push(diagnostic);
  }
  diagnostics.push(...sortDiagnostics(found));
  return { rows: out, cols: std };
}

function summarize(rows: Rows, step: Extract<NormalizedStep, { op: 'summarize' }>): Rows {
  type State = { first: Row; n: number; m: Record<string, { valid: number; sum: number; mean: number; min: unknown; max: unknown }> };
  const names = Object.keys(step.measures);
  const groups = new Map<string, State>();
  const fresh = (first: Row): State => {
    const m: State['m'] = {};
    for (const name of names) m[name] = { valid: 0, sum: 0, mean: 0, min: undefined, max: undefined };
    return { first, n: 0, m };
  };
  if (step.by.length === 0) groups.set('', fresh({}));
  for (const r of rows) {
    const k = step.by.length === 0 ? '' : key(...step.by.map((c) => r[c]));
    let s = groups.get(k);
    if (!s) groups.set(k, (s = fresh(r)));
    s.n++;
    for (const name of names) {
      const v = r[step.measures[name].column] as number;
      if (!isValid(v)) continue;
      const a = s.m[name];
      a.valid++;
      a.sum += +v;
      a.mean += (v - a.mean) / a.valid; // Arquero's running mean, for identical rounding
      if (a.min === undefined || v < (a.min as number)) a.min = v;
      if (a.max === undefined || v > (a.max as number)) a.max = v;
    }
  }
  const out: Rows = [];
  for (const s of groups.values()) {
    const o: Row = {};
    for (const c of step.by) o[c] = s.first[c] ?? null;
    for (const name of names) {
      const a = s.m[name];
      const fn = step.measures[name].fn;
      o[name] =
        fn === 'count' ? s.n
        : fn === 'valid' ? a.valid
        : a.valid === 0 ? null
        : fn === 'sum' ? a.sum
        : fn === 'mean' ? a.mean
        : ((fn === 'min' ? a.min : a.max) as number | string);
    }
    out.push(o);
  }
  return out;
}

/**
 * Runs a query spec over an array of row objects without `eval`, `Function` or Arquero.
 * The spec is validated first (`validateQuery`). Returns new row objects; the input is not changed.
 */
export function executeQuery(
  rows: readonly Record<string, unknown>[] | readonly Observation[],
  spec: unknown,
  options: QueryOptions = {},
): Row[] {
  const q: NormalizedQuery = validateQuery(spec);
  const registry = options.registry ?? defaultRegistry;
  const input = rows as unknown as readonly Row[];
  // An empty input is an empty observation table, as `runQuery` sees it.
  let cols: Cols = input.length ? Object.keys(input[0]) : [...OBSERVATION_COLUMNS];
  let out = selectRows(input, q.select, registry, cols);
  let lastBy: string[] = [];
  const diagnostics: Diagnostic[] = [];
  q.derive.forEach((step, i) => {
    const where = `derive[${i}] (${step.op})`;
    if (cols) checkNeeds(stepNeeds(step, where), cols);
    if (cols) checkOutputs(step, cols, where);
    switch (step.op) {
      case 'change':
      case 'percentChange':
        out = change(out, step, where);
        cols = cols && [...cols.filter((c) => c !== step.as), step.as];
        break;
      case 'rank':
        out = rank(out, step, registry);
        cols = cols && [...cols.filter((c) => c !== step.as), step.as];
        break;
      case 'share':
        out = share(out, step, input, where);
        cols = cols && [...cols.filter((c) => c !== step.as), step.as];
        break;
      case 'gapToTarget':
        out = gapToTarget(out, step, registry);
        cols = cols && [...cols.filter((c) => c !== step.as && c !== step.reachedAs), step.as, step.reachedAs];
        break;
      case 'latest':
        out = latestRows(out);
        break;
      case 'reaggregate': {
        const r = reaggregate(out, step, input, cols, registry, diagnostics);
        out = r.rows;
        cols = cols && r.cols;
        break;
      }
      case 'summarize':
        // The rows' indicators, read only when the step is a mean the rule must judge.
        checkMean(step, cols && !cols.includes('indicator') ? undefined : (function* () { for (const r of out) yield r.indicator; })(), registry);
        out = summarize(out, step);
        cols = [...step.by, ...Object.keys(step.measures)];
        if (notesUnweighted(step)) {
          const note = unweightedNote();
          for (const r of out) r[UNWEIGHTED_NOTE_COLUMN] = note;
          cols.push(UNWEIGHTED_NOTE_COLUMN);
        }
        lastBy = step.by;
        break;
    }
  });
  if (q.orderby.length > 0 || q.limit !== undefined) {
    const keys = [...q.orderby];
    need(cols, keys.map((k) => k.column), 'orderby');
    const present = cols ?? (out.length ? Object.keys(out[0]) : []);
    for (const c of identityColumns(present, lastBy)) if (!keys.some((k) => k.column === c)) keys.push({ column: c, order: 'asc' });
    out = out
      .map((r, i) => [r, i] as const)
      .sort((a, b) => {
        for (const k of keys) {
          const u = a[0][k.column];
          const v = b[0][k.column];
          const missing = (isValid(u) ? 0 : 1) - (isValid(v) ? 0 : 1);
          if (missing !== 0) return missing;
          const c = compareAsc(u, v);
          if (c !== 0) return k.order === 'desc' ? -c : c;
        }
        return a[1] - b[1];
      })
      .map((x) => x[0]);
  }
  if (q.limit !== undefined) out = out.slice(0, q.limit);
  if (q.columns) {
    need(cols, q.columns, 'columns');
    const pick = q.columns;
    out = out.map((r) => {
      const o: Row = {};
      for (const c of pick) o[c] = r[c] ?? null;
      return o;
    });
  }
  for (const d of diagnostics) (options.onDiagnostic ?? warn)(d);
  return out;
}
