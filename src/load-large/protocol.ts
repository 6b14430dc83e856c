/** Messages between a page and the loading worker. */
import type { Diagnostic } from '../errors.js';
import { isDictionaryColumn } from '../cube/spec.js';
import type { LargeLoadOptions, LargeTable, LoadProgress } from './types.js';

/** What the worker is asked: a file the page holds (a `Blob`/`File`) or an address to fetch. */
export interface LoadRequest {
  source: Blob | string;
  options: Omit<LargeLoadOptions, 'onProgress'>;
}

export type LoadReply =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'done'; table: LargeTable }
  | { type: 'error'; diagnostics: Diagnostic[] | null; message: string };

/** The buffers of a table's typed arrays: moved to the page, not copied. */
export function transferables(table: LargeTable): ArrayBuffer[] {
  return Object.values(table.columns).map((c) => (isDictionaryColumn(c) ? c.codes.buffer : c.buffer) as ArrayBuffer);
}
