/**
 * The observation: one figure, tidy and long. Every layer of chiso reads and writes this shape,
 * flat so that it fits an Arquero table, a CSV row and a SQL table alike.
 */

/** `>` for "trên"/"hơn", `<` for "dưới", `~` for "gần"/"khoảng". */
export const Qualifier = { '>': '>', '<': '<', '~': '~' } as const;
export type Qualifier = keyof typeof Qualifier;
export function isQualifier(value: unknown): value is Qualifier {
  return typeof value === 'string' && Object.hasOwn(Qualifier, value);
}

/** GSO marks provisional figures `Pre. 2016` (sơ bộ); a cell with no figure (`..`) is `missing`. */
export const Status = { final: 'final', preliminary: 'preliminary', missing: 'missing' } as const;
export type Status = keyof typeof Status;
export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && Object.hasOwn(Status, value);
}

export interface Observation {
  /** Indicator id from the catalogue, e.g. `poverty_rate`. */
  indicator: string;
  /** Admin-unit id from the registry: `VN`, a region, an old (63) or new (34) province, a district. */
  region: string;
  /** A year (`2016`), a range (`2021-2023`) or a date (`2024-05-07`). */
  period: string;
  /** The figure; `null` where the source says it is missing (GSO `..`). */
  value: number | null;
  /** How the source bounds the figure; `null` where it states it exactly. */
  qualifier: Qualifier | null;
  /** For fractions: "30/31 tổ chức" is value 30, denominator 31. */
  denominator: number | null;
  /** Unit id from the catalogue (`%`, `nghìn đồng/người/tháng`, ...). */
  unit: string;
  /** Sub-series within an indicator: income source, new-rural tier, `collective`/`individual`. */
  series: string | null;
  status: Status;
  /** Where the figure comes from: a file under `data/` (with table/row) or a page address. */
  source: string;
  /** For text sources, the exact phrase the figure was read from. */
  quote: string | null;
  /** The interval the source gives around an estimate (a survey's confidence interval); absent or `null` where it gives none. */
  lower?: number | null;
  upper?: number | null;
}

/**
 * The columns of an observation, in the order chiso writes them everywhere (tidy CSV, tables, SQL).
 * The one list: writers, readers and executors take it from here.
 */
export const OBSERVATION_COLUMNS = [
  'indicator', 'region', 'period', 'value', 'qualifier', 'denominator', 'unit', 'series', 'status', 'source', 'quote',
] as const satisfies readonly (keyof Observation)[];
export type ObservationColumn = (typeof OBSERVATION_COLUMNS)[number];
// A field added to `Observation` and not to the list fails to compile here. The interval (`lower`,
// `upper`) is the exception: optional, kept by the loaders and written by exports that carry it
// (the element's CSV export columns), not by every tidy file and table.
const complete: [Exclude<keyof Observation, ObservationColumn | 'lower' | 'upper'>] extends [never] ? true : never = true;
void complete;

/** Where in an input a problem sits. Rows are 1-based lines of the file as a person sees it. */
export interface InputLocation {
  file?: string;
  row?: number;
  column?: string;
}
