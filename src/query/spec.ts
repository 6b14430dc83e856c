/**
 * The query spec: a declarative, JSON-serializable description of what a view needs from a table of
 * observations. It holds no functions, so the same spec runs on Arquero, on the eval-free executor
 * and, later, as SQL.
 *
 * Stages, in order: `select` (filter rows) -> `derive` (steps, in order) -> `orderby` -> `limit` ->
 * `columns`.
 */
import '../messages/query.js';
import type { Status } from '../types.js';

/** Region levels a selection can name (the registry's levels). */
export const SelectLevel = {
  country: 'country',
  region: 'region',
  province: 'province',
  province2025: 'province2025',
  district: 'district',
} as const;
export type SelectLevel = keyof typeof SelectLevel;
export function isSelectLevel(value: unknown): value is SelectLevel {
  return typeof value === 'string' && Object.hasOwn(SelectLevel, value);
}

/**
 * Which regions to keep: a list of region ids, every region of a level, or the old provinces that
 * merged into one of the 34 units of 1 July 2025.
 */
export type RegionSelection = readonly string[] | { level: SelectLevel } | { parent2025: string };

/** A range of periods by their start year (`2021-2023` starts in 2021), both ends included. */
export interface PeriodRange {
  /** First start year kept. Default: no lower bound. */
  from?: number;
  /** Last start year kept. Default: no upper bound. */
  to?: number;
}

/**
 * Which periods to keep: a list of period strings (a whole year may be written as a number, `2010`),
 * a range of start years, or `'latest'`: for each indicator, region and series, the latest period
 * whose value is not missing.
 */
export type PeriodSelection = readonly (string | number)[] | PeriodRange | 'latest';

export interface RowSelection {
  /** Indicator ids to keep. Default: every indicator. */
  indicators?: readonly string[];
  /** Regions to keep. Default: every region. */
  regions?: RegionSelection;
  /** Periods to keep. Default: every period. */
  periods?: PeriodSelection;
  /**
   * Sub-series to keep; a list may hold `null` for observations without a series. `null` keeps only
   * observations without a series. Default (absent): every series.
   */
  series?: readonly (string | null)[] | null;
  /** Statuses to keep (`final`, `preliminary`), one or a list. Default: both. */
  status?: Status | readonly Status[];
}

/** A selection after `validateQuery`: periods as strings, statuses as a list. */
export interface NormalizedSelection extends RowSelection {
  periods?: readonly string[] | PeriodRange | 'latest';
  status?: readonly Status[];
}

/** Rank order: `asc` gives rank 1 to the smallest value, `desc` to the largest. */
export const RankDirection = { asc: 'asc', desc: 'desc' } as const;
export type RankDirection = keyof typeof RankDirection;
export function isRankDirection(value: unknown): value is RankDirection {
  return typeof value === 'string' && Object.hasOwn(RankDirection, value);
}

/** Change of `value` against a base period, per indicator, region and series. */
export interface ChangeStep {
  op: 'change' | 'percentChange';
  /**
   * `'previous'`: the period just before, in start-year order; or a period (`'2010'`, or `2010`): the
   * same base for every row. Default `'previous'`. A missing base value gives `null`.
   */
  base?: string | number;
  /** Output column. Default `'change'` / `'percentChange'`. `percentChange` is in percent. */
  as?: string;
}

/** Rank of each region within indicator, series and period. Ties share a rank (1, 2, 2, 4). */
export interface RankStep {
  op: 'rank';
  /** Default: from the indicator's `lowerIsBetter` (true -> `asc`); required when that is `null`. */
  direction?: RankDirection;
  /** Output column. Default `'rank'`. Missing values get no rank (`null`). */
  as?: string;
}

/** The other indicator whose value is the denominator, joined on region and period. */
export interface DenominatorRef {
  indicator: string;
  /** Its series; default `null` (observations without a series). */
  series?: string | null;
}

/** `value / denominator * scale`. */
export interface ShareStep {
  op: 'share';
  /**
   * Default: the observation's own `denominator` column. Otherwise another indicator, looked up in the
   * input table (before `select`) on region and period, e.g. `{ indicator: 'admin_units', series: 'communes' }`.
   */
  denominator?: DenominatorRef;
  /** Multiplier. Default `100` (percent). */
  scale?: number;
  /** Output column. Default `'share'`. A missing or zero denominator gives `null`. */
  as?: string;
}

/** Distance to a target: `gap = target - value`, and whether the target is reached. */
export interface GapToTargetStep {
  op: 'gapToTarget';
  /** One target for every row, or a target per indicator id (rows of other indicators get `null`). */
  target: number | Readonly<Record<string, number>>;
  /** Output column of the gap. Default `'gap'`. */
  as?: string;
  /**
   * Output column of the reached flag: `value <= target` when lower is better, `value >= target`
   * otherwise; `null` where the indicator has no direction. Default `'reached'`.
   */
  reachedAs?: string;
}

/** Keeps, per indicator, region and series, the row of the latest period with a value. */
export interface LatestStep {
  op: 'latest';
}

/** Weights for merging rates: another indicator (joined on region and period) or a column. */
export type WeightRef = { indicator: string; series?: string | null } | { column: string };

/**
 * Merges old provinces (63, and Hà Tây before 2008) into the 34 units of 1 July 2025, per indicator,
 * series and period.
 * - Counts and amounts are summed.
 * - Rates, fractions and amounts per something (`nghìn đồng/người/tháng`: a sum would be meaningless)
 *   need `weight` and become the weighted mean `sum(value * weight) / sum(weight)`; without it the
 *   query fails with `QUERY_REAGGREGATE_NEEDS_WEIGHT` rather than averaging naively.
 * - A unit with a single predecessor that year (Hà Tĩnh 42 -> 34:42) keeps its figure unchanged.
 * - A unit whose predecessors (those that existed at the end of the period's start year) do not all
 *   have a value (and a weight, when weighted) gets `value: null` and a `QUERY_REAGGREGATE_INCOMPLETE`
 *   warning; it is never summed from part of its territory.
 * Rows of other regions (country, regions, districts, 34-units) pass through. Output columns: the
 * observation columns present in the input; merged rows get status `preliminary` if any part was,
 * qualifier `~` if any part had one, the distinct sources joined by `; `, and no quote.
 */
export interface ReaggregateStep {
  op: 'reaggregate';
  /**
   * Weights for means: another indicator looked up in the input table (before `select`) on region and
   * period, e.g. households; or a column of the rows (`denominator`). Default: none.
   */
  weight?: WeightRef;
}

/** Aggregate functions of `summarize`. `count` counts rows; `valid` counts non-missing values. */
export const SummaryFn = { count: 'count', valid: 'valid', sum: 'sum', mean: 'mean', min: 'min', max: 'max' } as const;
export type SummaryFn = keyof typeof SummaryFn;
export function isSummaryFn(value: unknown): value is SummaryFn {
  return typeof value === 'string' && Object.hasOwn(SummaryFn, value);
}

export interface Measure {
  fn: SummaryFn;
  /** Column aggregated. Default `'value'`; ignored by `count`. */
  column?: string;
}

/** Groups rows and aggregates them; the output holds the `by` columns and one column per measure. */
export interface SummarizeStep {
  op: 'summarize';
  /** Grouping columns. Default `[]` (one row for the whole table). */
  by?: readonly string[];
  /** Output column name -> measure. At least one. */
  measures: Readonly<Record<string, Measure>>;
  /**
   * A `mean` of `value` across regions of a rate or share (any indicator a merge must weight) is refused
   * with `QUERY_MEAN_NEEDS_WEIGHT`: it is not the rate of the whole (a mean of provincial poverty rates is
   * not the national rate). `true` computes it anyway, and every output row carries
   * `note: "trung bình không gia quyền / unweighted mean"`. Default `false`.
   */
  unweighted?: boolean;
}

export type DeriveStep =
  | ChangeStep
  | RankStep
  | ShareStep
  | GapToTargetStep
  | LatestStep
  | ReaggregateStep
  | SummarizeStep;

export const DeriveOp = {
  change: 'change',
  percentChange: 'percentChange',
  rank: 'rank',
  share: 'share',
  gapToTarget: 'gapToTarget',
  latest: 'latest',
  reaggregate: 'reaggregate',
  summarize: 'summarize',
} as const;
export type DeriveOp = keyof typeof DeriveOp;
export function isDeriveOp(value: unknown): value is DeriveOp {
  return typeof value === 'string' && Object.hasOwn(DeriveOp, value);
}

export const SortOrder = { asc: 'asc', desc: 'desc' } as const;
export type SortOrder = keyof typeof SortOrder;
export function isSortOrder(value: unknown): value is SortOrder {
  return typeof value === 'string' && Object.hasOwn(SortOrder, value);
}

/** A sort key. Missing values sort last, ascending or descending, so a top-N never starts with gaps. */
export interface OrderKey {
  column: string;
  /** Default `'asc'`. */
  order?: SortOrder;
}

export interface QuerySpec {
  /** Row filters. Default: every row. */
  select?: RowSelection;
  /** Steps applied in order after `select`. Default `[]`. */
  derive?: readonly DeriveStep[];
  /**
   * Sort keys; a string is an ascending column. Ties are broken by the identity columns
   * (indicator, region, series, period, then the `summarize` keys) so results are deterministic.
   */
  orderby?: readonly (string | OrderKey)[];
  /** Keep at most this many rows (after `orderby`). Default: all. */
  limit?: number;
  /** Output columns, in order. Default: all. */
  columns?: readonly string[];
}

/** A spec after `validateQuery`: defaults filled in, order keys as objects. Still a `QuerySpec`. */
export interface NormalizedQuery extends QuerySpec {
  select: NormalizedSelection;
  derive: NormalizedStep[];
  orderby: Required<OrderKey>[];
  limit?: number;
  columns?: string[];
}

export type NormalizedStep =
  | { op: 'change' | 'percentChange'; base: string; as: string }
  | { op: 'rank'; direction?: RankDirection; as: string }
  | { op: 'share'; denominator?: { indicator: string; series: string | null }; scale: number; as: string }
  | { op: 'gapToTarget'; target: number | Readonly<Record<string, number>>; as: string; reachedAs: string }
  | { op: 'latest' }
  | { op: 'reaggregate'; weight?: { indicator: string; series: string | null } | { column: string } }
  | { op: 'summarize'; by: string[]; measures: Record<string, Required<Measure>>; unweighted: boolean };

/** One output row. */
export type Row = Record<string, string | number | boolean | null>;
