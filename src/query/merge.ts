/**
 * The rules of `reaggregate` for one group (a 34-unit, indicator, series, period), shared by both
 * executors: each groups and sums in its own way, then hands the sums here to decide the figure.
 */
import '../messages/query.js';
import { diagnostic, fail, type Diagnostic } from '../errors.js';
import { periodYear } from './period.js';
import { existedAtEndOf, needsWeight, predecessorsOf, type QueryRegistry } from './registry-view.js';
import type { Row } from './spec.js';

/** What an executor gathers for one group; sums run over rows in region-id order. */
export interface MergeGroup {
  /** The 34-unit the group merges into (its measurement units are `units`). */
  unit2025: string;
  indicator: string;
  series: string | null;
  period: string;
  /** Rows in the group. */
  n: number;
  /** Regions with a value, in id order. */
  valued: string[];
  /** Regions with a value and a weight, in id order. */
  weighted: string[];
  /** Sum of values (null when none). */
  sum: number | null;
  /** Sum of value x weight and of weight, over rows with both (null when none). */
  sumProduct: number | null;
  sumWeight: number | null;
  /** Distinct units, statuses' preliminary count, rows with a qualifier, denominators. */
  units: string[];
  preliminary: number;
  qualified: number;
  denominatorSum: number | null;
  denominatorValid: number;
  /** Distinct sources in region order. */
  sources: string[];
  /** The row itself when `n` is 1 (observation columns). */
  single: Row;
}

export interface MergeContext {
  registry: QueryRegistry;
  weighted: boolean;
  /** Observation columns the output carries (those present in the input). */
  columns: readonly string[];
  predecessorCache: Map<string, { id: string; validFrom: string | null; validTo: string | null }[]>;
}

function expectedRegions(ctx: MergeContext, g: MergeGroup): Set<string> {
  let preds = ctx.predecessorCache.get(g.unit2025);
  if (!preds) {
    preds = predecessorsOf(ctx.registry, g.unit2025);
    ctx.predecessorCache.set(g.unit2025, preds);
  }
  const year = periodYear(g.period);
  const expected = new Set<string>();
  // A province that reported a value was there; others are expected if they existed at year end.
  for (const p of preds) {
    if (g.valued.includes(p.id) || (Number.isFinite(year) && existedAtEndOf(p, year))) {
      expected.add(p.id);
    }
  }
  for (const r of g.valued) expected.add(r);
  return expected;
}

/** The output row of a group and, when predecessors are missing, the diagnostic reporting it. */
export function finishMerge(g: MergeGroup, ctx: MergeContext): { row: Row; diagnostic?: Diagnostic } {
  const expected = expectedRegions(ctx, g);
  const pick = (row: Row): Row => {
    const out: Row = {};
    for (const c of ctx.columns) out[c] = row[c] ?? null;
    return out;
  };
  if (g.n === 1 && expected.size <= 1) return { row: pick({ ...g.single, region: g.unit2025 }) };

  let weigh = false;
  if (expected.size >= 2) {
    const facts = ctx.registry.indicator(g.indicator);
    if (!facts) fail('QUERY_UNKNOWN_INDICATOR', { value: g.indicator, where: 'reaggregate' });
    weigh = needsWeight(facts);
    if (weigh && !ctx.weighted) {
      fail('QUERY_REAGGREGATE_NEEDS_WEIGHT', { indicator: g.indicator, kind: facts.kind, unit: g.unit2025, regions: [...expected].join(', ') });
    }
  }
  if (g.units.length > 1) fail('QUERY_REAGGREGATE_UNITS_DIFFER', { unit: g.unit2025, indicator: g.indicator, value: g.units.join(', ') });

  const have = weigh ? g.weighted : g.valued;
  const missing = [...expected].filter((r) => !have.includes(r)).sort();
  let value: number | null = null;
  if (missing.length === 0 && expected.size > 0) {
    value = weigh ? (g.sumWeight ? (g.sumProduct as number) / g.sumWeight : null) : g.sum;
  }
  const row: Row = {
    indicator: g.indicator,
    region: g.unit2025,
    period: g.period,
    series: g.series,
    value,
    qualifier: g.qualified > 0 ? '~' : null,
    denominator: !weigh && value !== null && g.denominatorValid === g.n ? g.denominatorSum : null,
    unit: g.units[0] ?? null,
    status: g.preliminary > 0 ? 'preliminary' : 'final',
    source: g.sources.length ? g.sources.join('; ') : null,
    quote: null,
  };
  if (missing.length === 0) return { row: pick(row) };
  return {
    row: pick(row),
    diagnostic: diagnostic(
      'QUERY_REAGGREGATE_INCOMPLETE',
      { unit: g.unit2025, indicator: g.indicator, period: g.period, series: g.series ?? '', missing: missing.join(', '), weighted: weigh ? 'yes' : '' },
      {},
      'warning',
    ),
  };
}

/** Diagnostics in a stable order, so both executors report alike. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => (a.en < b.en ? -1 : a.en > b.en ? 1 : 0));
}
