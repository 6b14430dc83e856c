/**
 * Node: a large file streamed from disk in 1 MiB chunks on the calling thread (each chunk is read
 * asynchronously, so the process keeps serving other work between chunks).
 */
import '../messages/cube.js';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fail } from '../errors.js';
import { loadLarge } from './load.js';
import type { LargeFormat, LargeLoadOptions, LargeTable } from './types.js';

const BY_EXTENSION: Record<string, LargeFormat> = { '.csv': 'csv', '.txt': 'csv', '.arrow': 'arrow', '.feather': 'arrow', '.ipc': 'arrow', '.parquet': 'parquet' };

/** The format a file name says (`.csv`, `.arrow`/`.feather`/`.ipc`, `.parquet`); `csv` otherwise. */
export function formatOf(path: string): LargeFormat {
  return BY_EXTENSION[extname(path).toLowerCase()] ?? 'csv';
}

/** Loads a file; the format defaults to its extension's, the size (for progress) is the file's. */
export async function loadLargeFile(path: string, options: LargeLoadOptions = {}): Promise<LargeTable> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    return fail('LOAD_LARGE_READ_FAILED', { file: path, detail: e instanceof Error ? e.message : String(e) }, { file: path });
  }
  return loadLarge(createReadStream(path, { highWaterMark: 1 << 20 }), { file: path, format: formatOf(path), totalBytes: size, ...options });
}
