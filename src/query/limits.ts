/**
 * The budgets of a query spec. A spec may come from a stranger (a query endpoint, a shared link), so
 * `validateQuery` refuses one that is larger, deeper or further out of range than any view needs,
 * before an executor (the page's, Arquero, DuckDB, PostgreSQL) spends time on it. Every executor
 * validates first, so every executor enforces the same budgets and refuses with the same diagnostic.
 */
export const QUERY_LIMITS = {
  /** Steps in `derive`. A dashboard view uses one to four. */
  deriveSteps: 16,
  /** Values in one list: `select.indicators`, `regions`, `periods`, `series`, a `gapToTarget` target map. Every commune of 2024 fits. */
  listItems: 20_000,
  /** Column names in one list: `orderby`, `columns`, `summarize.by`, `summarize.measures`. */
  columnItems: 64,
  /** Characters in one string (an id, a period, a source name). */
  stringLength: 256,
  /** Levels of objects and lists inside the spec (`derive[0].weight.indicator` is 4). */
  depth: 6,
  /** Largest `limit`: below 2^31, so every engine binds it as a 32-bit integer. */
  limit: 1_000_000_000,
  /** Years (`periods.from`/`to`, a period given as a number) lie in -9999..9999 (a period text may start with a sign). */
  year: 9999,
  /** Largest magnitude of a number in the spec (`scale`, `target`): products with values stay finite on every engine. */
  magnitude: 1e15,
} as const;
export type QueryLimit = keyof typeof QUERY_LIMITS;
