/**
 * `chiso/query`: the query spec, its validation and budgets, and the eval-free executor. The same
 * spec on Arquero is `chiso/arquero` (kept apart so this entry never loads Arquero).
 */
export {
  SelectLevel,
  isSelectLevel,
  RankDirection,
  isRankDirection,
  SummaryFn,
  isSummaryFn,
  DeriveOp,
  isDeriveOp,
  SortOrder,
  isSortOrder,
} from './spec.js';
export type {
  QuerySpec,
  NormalizedQuery,
  NormalizedStep,
  RowSelection,
  NormalizedSelection,
  RegionSelection,
  PeriodSelection,
  PeriodRange,
  DeriveStep,
  ChangeStep,
  RankStep,
  ShareStep,
  DenominatorRef,
  GapToTargetStep,
  LatestStep,
  ReaggregateStep,
  WeightRef,
  SummarizeStep,
  Measure,
  OrderKey,
  Row,
} from './spec.js';
export { validateQuery } from './validate.js';
export { querySchema } from './schema.js';
export { executeQuery } from './execute.js';
export type { QueryOptions } from './execute.js';
export { QUERY_LIMITS } from './limits.js';
export type { QueryLimit } from './limits.js';
export { defaultRegistry, needsWeight } from './registry-view.js';
export type { QueryRegistry, IndicatorFacts } from './registry-view.js';
