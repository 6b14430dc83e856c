/**
 * Memory of a loaded table: 8 bytes a row for a number column, 4 for a text column's codes, and each
 * distinct string once (about 2 bytes a character and 40 bytes of string object in a JavaScript engine).
 */
import { isDictionaryColumn } from '../cube/spec.js';
import type { ColumnType, LargeColumn, MemoryEstimate } from './types.js';

const STRING_OVERHEAD = 40;

/** Bytes of one distinct string. */
export function stringBytes(chars: number): number {
  return STRING_OVERHEAD + 2 * chars;
}

export interface DictionaryGuess {
  /** Distinct strings expected. */
  size: number;
  /** Their characters in all. */
  chars: number;
}

/**
 * The memory `rows` rows of these column types will take. `dictionaries` (by column) adds the expected
 * distinct strings; without it a text column counts its codes only.
 */
export function estimateMemory(types: Readonly<Record<string, ColumnType>>, rows: number, dictionaries: Readonly<Record<string, DictionaryGuess>> = {}): MemoryEstimate {
  let bytes = 0;
  for (const [name, type] of Object.entries(types)) {
    if (type === 'number') bytes += 8 * rows;
    else {
      bytes += 4 * rows;
      const d = dictionaries[name];
      if (d) bytes += d.size * STRING_OVERHEAD + 2 * d.chars;
    }
  }
  return { rows, bytes };
}

/** Bytes a loaded column holds, counted the same way. */
export function columnBytes(column: LargeColumn): number {
  if (!isDictionaryColumn(column)) return column.byteLength;
  let b = column.codes.byteLength;
  for (const s of column.dictionary) if (s !== null) b += stringBytes(s.length);
  return b;
}
