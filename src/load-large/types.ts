/**
 * Large inputs (CSV, Arrow, Parquet of millions of rows) loaded into typed columns: numbers as
 * Float64Array (NaN where missing), text as dictionary codes (one Int32 per row, each distinct string
 * once). The result feeds a cube (`createCube`) directly and crosses a worker boundary as transferables.
 */
import type { DictionaryColumn } from '../cube/spec.js';

export const LargeFormat = { csv: 'csv', arrow: 'arrow', parquet: 'parquet' } as const;
export type LargeFormat = keyof typeof LargeFormat;
export function isLargeFormat(value: unknown): value is LargeFormat {
  return typeof value === 'string' && Object.hasOwn(LargeFormat, value);
}

export const ColumnType = { number: 'number', string: 'string' } as const;
export type ColumnType = keyof typeof ColumnType;
export function isColumnType(value: unknown): value is ColumnType {
  return typeof value === 'string' && Object.hasOwn(ColumnType, value);
}

/** Text as dictionary codes; `null` in the dictionary for an empty cell. */
export interface TextColumn extends DictionaryColumn {
  codes: Int32Array;
  dictionary: (string | null)[];
}

export type LargeColumn = Float64Array | TextColumn;

export interface LargeTable {
  /** Rows loaded (the header not counted). */
  rows: number;
  /** Columns by name, in the file's order. */
  columns: Record<string, LargeColumn>;
  types: Record<string, ColumnType>;
  /** Bytes held: typed arrays plus the dictionaries' strings (2 bytes a character, 40 a string). */
  bytes: number;
}

/** What the memory of a table of `rows` rows with these column types will be, before it is loaded. */
export interface MemoryEstimate {
  rows: number;
  bytes: number;
}

export interface LoadProgress {
  /** Bytes read from the source so far. */
  bytesRead: number;
  /** Size of the source; `null` when it is not known (a stream without length). */
  totalBytes: number | null;
  /** Rows decoded so far. */
  rows: number;
  /** 0 to 1, never decreasing; 1 exactly once, last. */
  fraction: number;
  /** Memory the whole table will take, projected from what has been read; `null` before any row. */
  estimate: MemoryEstimate | null;
}

export interface LargeLoadOptions {
  /** Default `'csv'`. */
  format?: LargeFormat;
  /** Name of the input in messages (file name or address). Default `'input'`. */
  file?: string;
  /** Size of the source in bytes, for progress. Default: unknown (`fraction` follows rows only at the end). */
  totalBytes?: number;
  /**
   * Column types. Default: `value`, `denominator`, `start` and `end` are numbers, the other observation
   * columns text, and any other column a number when every non-empty cell of the first chunk is one.
   */
  types?: Readonly<Record<string, ColumnType>>;
  /** CSV field separator. Default `','`. */
  delimiter?: string;
  /** Called after each chunk, and once at the end with `fraction: 1`. Default: none. */
  onProgress?: (progress: LoadProgress) => void;
}
