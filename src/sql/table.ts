/**
 * The table a compiled query reads: its name and the columns it may name. Every identifier that
 * reaches SQL text is checked here or by `validateQuery` against this whitelist.
 */
import '../messages/sql.js';
import { fail } from '../errors.js';
import { OBSERVATION_COLUMNS } from '../query/checks.js';
import { isSqlColumnType, SqlColumnType } from './dialect.js';

/** A column beyond the observation columns, e.g. a population column used as a weight. */
export interface ExtraColumn {
  name: string;
  type: SqlColumnType;
}

export interface SqlTableOptions {
  /** Table name, optionally with a schema (`stats.observations`). Default `'observations'`. */
  name?: string;
  /** The observation columns the table has, a subset of the eleven. Default: all of them. */
  columns?: readonly string[];
  /** Further columns the table has, with their types. Default: none. */
  extraColumns?: readonly ExtraColumn[];
  /**
   * An integer column holding each period's start year, as chiso's loaders write it once at load
   * (`period_start`): period ranges then compare integers instead of reading the start year from
   * the text on every row. Declare it only for a table that has it. Default: none (read from `period`).
   */
  periodStart?: string;
}

export interface SqlColumn {
  name: string;
  type: SqlColumnType;
}

/** A checked table: name parts and the typed column list. */
export interface SqlTable {
  name: readonly string[];
  columns: readonly SqlColumn[];
  /** The declared start-year column, read by range filters; `null` when not declared. */
  periodStart: string | null;
}

/** The start-year column chiso's loaders write when the table options do not name one. */
export const PERIOD_START = 'period_start';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A period's start year as the SQL dialects read it (`yearOf`: leading ASCII whitespace, an optional
 * sign, ASCII digits; `null` without digits or past 64 bits), for loaders that write `period_start`
 * with the rows instead of updating it afterwards.
 */
export function periodStartOf(period: unknown): bigint | null {
  if (typeof period !== 'string') return null;
  const m = /^[\t\n\v\f\r ]*([+-]?[0-9]+)/.exec(period);
  if (!m) return null;
  const y = BigInt(m[1]);
  return y < INT64_MIN || y > INT64_MAX ? null : y;
}

/** The start-year column a loader writes: the declared one, else `period_start`; none without `period`. */
export function periodStartColumn(t: SqlTable): string | null {
  if (!t.columns.some((c) => c.name === 'period')) return null;
  if (t.periodStart) return t.periodStart;
  return t.columns.some((c) => c.name === PERIOD_START) ? null : PERIOD_START;
}

const IDENTIFIER = /^(?!__)[A-Za-z_][A-Za-z0-9_]*$/;
const OBSERVATION_TYPES: Record<string, SqlColumnType> = { value: 'double', denominator: 'double' };

/** The type of an observation column. */
export function observationType(column: string): SqlColumnType {
  return OBSERVATION_TYPES[column] ?? 'text';
}

/** Checks table options and returns the table the compiler reads. */
export function sqlTable(options: SqlTableOptions = {}): SqlTable {
  const name = options.name ?? 'observations';
  const parts = typeof name === 'string' ? name.split('.') : [];
  if (parts.length < 1 || parts.length > 2 || !parts.every((p) => IDENTIFIER.test(p))) fail('SQL_BAD_TABLE_NAME', { value: String(name) });
  const allowed = OBSERVATION_COLUMNS.join(', ');
  const columns: SqlColumn[] = [];
  for (const c of options.columns ?? OBSERVATION_COLUMNS) {
    if (!(OBSERVATION_COLUMNS as readonly string[]).includes(c)) {
      fail('SQL_BAD_TABLE_COLUMN', { value: String(c), reason: 'not an observation column', reasonVi: 'không phải cột quan sát', allowed });
    }
    if (columns.some((x) => x.name === c)) fail('SQL_BAD_TABLE_COLUMN', { value: c, reason: 'named twice', reasonVi: 'khai báo hai lần' });
    columns.push({ name: c, type: observationType(c) });
  }
  for (const e of options.extraColumns ?? []) {
    if (typeof e?.name !== 'string' || !IDENTIFIER.test(e.name)) {
      fail('SQL_BAD_TABLE_COLUMN', { value: String(e?.name), reason: 'use ASCII letters, digits and "_"', reasonVi: 'chỉ dùng chữ cái Latinh không dấu, chữ số và "_"' });
    }
    if ((OBSERVATION_COLUMNS as readonly string[]).includes(e.name) || columns.some((x) => x.name === e.name)) {
      fail('SQL_BAD_TABLE_COLUMN', { value: e.name, reason: 'named twice', reasonVi: 'khai báo hai lần' });
    }
    if (!isSqlColumnType(e.type)) fail('SQL_BAD_COLUMN_TYPE', { value: String(e.type), column: e.name, allowed: Object.keys(SqlColumnType).join(', ') });
    columns.push({ name: e.name, type: e.type });
  }
  const ps = options.periodStart;
  if (ps !== undefined) {
    if (typeof ps !== 'string' || !IDENTIFIER.test(ps)) {
      fail('SQL_BAD_TABLE_COLUMN', { value: String(ps), reason: 'use ASCII letters, digits and "_"', reasonVi: 'chỉ dùng chữ cái Latinh không dấu, chữ số và "_"' });
    }
    if (columns.some((x) => x.name === ps) || (OBSERVATION_COLUMNS as readonly string[]).includes(ps)) fail('SQL_BAD_TABLE_COLUMN', { value: ps, reason: 'named twice', reasonVi: 'khai báo hai lần' });
    if (!columns.some((x) => x.name === 'period')) {
      fail('SQL_BAD_TABLE_COLUMN', { value: ps, reason: 'a start-year column needs the period column', reasonVi: 'cột năm bắt đầu cần có cột period' });
    }
  }
  return { name: parts, columns, periodStart: ps ?? null };
}
