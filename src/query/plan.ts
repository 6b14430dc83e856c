/** Decisions both executors take the same way, from the spec and the registry, before touching rows. */
import '../messages/query.js';
import { fail } from '../errors.js';
import { requireColumns } from './checks.js';
import { message } from '../messages/index.js';
import { needsWeight, type QueryRegistry } from './registry-view.js';
import type { NormalizedSelection, NormalizedStep, RankDirection } from './spec.js';

/** Columns a part of the spec reads, and the place its error names. */
export interface ColumnNeed {
  where: string;
  columns: readonly string[];
}

/** The key of one figure, and its value: what steps that compare periods or keep the latest read. */
const FIGURE = ['indicator', 'region', 'series', 'period', 'value'] as const;

/** The columns each part of `select` reads. */
export function selectionNeeds(sel: NormalizedSelection): ColumnNeed[] {
  const needs: ColumnNeed[] = [];
  if (sel.indicators) needs.push({ where: 'select.indicators', columns: ['indicator'] });
  if (sel.regions) needs.push({ where: 'select.regions', columns: ['region'] });
  if (sel.periods !== undefined) needs.push({ where: 'select.periods', columns: ['period'] });
  if (sel.periods === 'latest') needs.push({ where: 'select.periods', columns: ['indicator', 'region', 'series', 'value'] });
  if (sel.series !== undefined) needs.push({ where: 'select.series', columns: ['series'] });
  if (sel.status) needs.push({ where: 'select.status', columns: ['status'] });
  return needs;
}

/** The columns a derive step reads: the one list every executor checks before running the step. */
export function stepNeeds(step: NormalizedStep, where: string): ColumnNeed[] {
  switch (step.op) {
    case 'change':
    case 'percentChange':
    case 'latest':
      return [{ where, columns: FIGURE }];
    case 'rank':
      return [{ where, columns: ['indicator', 'series', 'period', 'value'] }];
    case 'share':
      return [{ where, columns: step.denominator ? ['region', 'period', 'value'] : ['value', 'denominator'] }];
    case 'gapToTarget':
      return [{ where, columns: ['indicator', 'value'] }];
    case 'reaggregate': {
      const needs: ColumnNeed[] = [{ where: 'reaggregate', columns: ['indicator', 'region', 'period', 'series', 'value'] }];
      if (step.weight && 'column' in step.weight) needs.push({ where: 'reaggregate.weight', columns: [step.weight.column] });
      return needs;
    }
    case 'summarize':
      return [{ where, columns: [...step.by, ...Object.values(step.measures).filter((m) => m.fn !== 'count').map((m) => m.column)] }];
  }
}

/** The new columns a derive step writes. */
export function stepOutputs(step: NormalizedStep): string[] {
  switch (step.op) {
    case 'gapToTarget':
      return [step.as, step.reachedAs];
    case 'summarize':
      return Object.keys(step.measures);
    case 'latest':
    case 'reaggregate':
      return [];
    default:
      return [step.as];
  }
}

/**
 * Throws `QUERY_NAME_COLLISION` when a step writes a column whose name differs from a column of the
 * table only in case (`Value` beside `value`): engines that fold case would read one for the other.
 * `validateQuery` checks the names in the spec; this checks the table's own columns too.
 */
export function checkOutputs(step: NormalizedStep, present: readonly string[], where: string): void {
  for (const name of stepOutputs(step)) {
    const other = present.find((c) => c !== name && c.toLowerCase() === name.toLowerCase());
    if (other !== undefined) fail('QUERY_NAME_COLLISION', { where, value: name, other });
  }
}

/** Throws `QUERY_UNKNOWN_COLUMN` for the first column of `needs` the table lacks. */
export function checkNeeds(needs: readonly ColumnNeed[], present: readonly string[]): void {
  for (const n of needs) requireColumns(n.columns, present, n.where);
}

/**
 * The indicators to rank in descending order (rank 1 = largest). The step's direction wins; otherwise
 * the indicator's `lowerIsBetter` decides, and an indicator without one is an error.
 */
export function rankDirections(indicators: Iterable<string>, direction: RankDirection | undefined, registry: QueryRegistry): Set<string> {
  const desc = new Set<string>();
  for (const id of new Set(indicators)) {
    if (direction !== undefined) {
      if (direction === 'desc') desc.add(id);
      continue;
    }
    const facts = registry.indicator(id);
    if (!facts) fail('QUERY_UNKNOWN_INDICATOR', { value: id, where: 'rank' });
    if (facts.lowerIsBetter === null) fail('QUERY_RANK_NEEDS_DIRECTION', { value: id });
    if (!facts.lowerIsBetter) desc.add(id);
  }
  return desc;
}

/** Indicators where lower is better and where higher is; the others get no `reached` flag. */
export function directionsForGap(indicators: Iterable<string>, registry: QueryRegistry): { lower: Set<string>; higher: Set<string> } {
  const lower = new Set<string>();
  const higher = new Set<string>();
  for (const id of new Set(indicators)) {
    const l = registry.indicator(id)?.lowerIsBetter;
    if (l === true) lower.add(id);
    else if (l === false) higher.add(id);
  }
  return { lower, higher };
}

/** The target for an indicator: the one number, or its entry in the map (`null` when it has none). */
export function targetOf(target: number | Readonly<Record<string, number>>, indicator: unknown): number | null {
  if (typeof target === 'number') return target;
  return typeof indicator === 'string' && Object.hasOwn(target, indicator) ? target[indicator] : null;
}

/** The columns that tell rows apart, used to break ties in `orderby`. */
export function identityColumns(present: readonly string[], summarizeBy: readonly string[]): string[] {
  const ids = ['indicator', 'region', 'series', 'period', ...summarizeBy];
  return [...new Set(ids)].filter((c) => present.includes(c));
}

/** The column every row of an unweighted mean carries, and its text (both languages, in the data). */
export const UNWEIGHTED_NOTE_COLUMN = 'note';
export function unweightedNote(): string {
  return `${message('QUERY_UNWEIGHTED_MEAN', {}, 'vi')} / ${message('QUERY_UNWEIGHTED_MEAN', {}, 'en')}`;
}

/** Whether a summarize step's rows carry the unweighted-mean note: it asked for one, over `value`. */
export function notesUnweighted(step: Extract<NormalizedStep, { op: 'summarize' }>): boolean {
  const named = [...step.by, ...Object.keys(step.measures)];
  return step.unweighted && !named.includes(UNWEIGHTED_NOTE_COLUMN) && Object.values(step.measures).some((m) => m.fn === 'mean' && m.column === 'value');
}

/** What to weight an indicator's mean by, in words (vi, en). */
function weightFor(id: string, unit: string): { vi: string; en: string } {
  if (/poverty|poor/.test(id)) return { vi: 'số hộ của từng địa phương (households), hoặc dân số trung bình có sẵn (population, series total)', en: 'the number of households of each region (households), or the bundled average population (population, series total)' };
  if (/new_rural/.test(id)) return { vi: 'số xã của từng địa phương (admin_units, series communes)', en: 'the number of communes of each region (admin_units, series communes)' };
  if (unit.includes('/người')) return { vi: 'dân số của từng địa phương (population, series total)', en: 'the population of each region (population, series total)' };
  return { vi: 'mẫu số của tỷ lệ ở từng địa phương', en: 'the denominator of the rate in each region' };
}

/**
 * The one rule on means, for every executor: `summarize` with `mean` over `value` across regions (no
 * `region` among `by`) of an indicator a merge must weight (rates, shares, per-capita amounts) is
 * refused, naming the weight to use, unless the step says `unweighted: true`. `indicators`: those the
 * rows hold at that step (`undefined` when the rows have no indicator column).
 */
export function checkMean(step: Extract<NormalizedStep, { op: 'summarize' }>, indicators: Iterable<unknown> | undefined, registry: QueryRegistry): void {
  if (step.unweighted || step.by.includes('region') || indicators === undefined) return;
  const means = Object.entries(step.measures).filter(([, m]) => m.fn === 'mean' && m.column === 'value');
  if (!means.length) return;
  for (const id of new Set(indicators)) {
    const facts = typeof id === 'string' ? registry.indicator(id) : undefined;
    if (!facts || !needsWeight(facts)) continue;
    const w = weightFor(id as string, facts.unit);
    fail('QUERY_MEAN_NEEDS_WEIGHT', { indicator: id as string, kind: facts.kind, measure: means[0][0], weight: w.vi, weightEn: w.en });
  }
}
