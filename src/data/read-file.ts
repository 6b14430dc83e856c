/**
 * Node-only: reads a data file from disk and loads it. Lives apart from the pure loaders so that
 * src/data stays free of the file system in the browser build; exported from `chiso/node`.
 */
import { readFileSync } from 'node:fs';
import { ChisoError, diagnostic } from '../errors.js';
import { isArrowBytes, loadObservations, type LoadOptions, type LoadResult } from './load.js';

/** Extensions that mean Arrow IPC, for files whose magic bytes say nothing (empty, truncated). */
const ARROW_EXTENSIONS = /\.(arrow|feather|ipc|arrows)$/i;

/**
 * Reads `path` and loads it with `loadObservations`. `options.file` defaults to `path` as given, so
 * diagnostics and sources name the file the way the caller wrote it. Arrow is chosen by magic bytes
 * or extension when the format is `auto`.
 */
export function readObservationsFile(path: string, options: LoadOptions = {}): LoadResult {
  const file = options.file ?? path;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ChisoError(diagnostic('DATA_FILE_NOT_FOUND', {}, { file }));
    throw new ChisoError(diagnostic('DATA_FILE_UNREADABLE', { detail: e instanceof Error ? e.message : String(e) }, { file }));
  }
  const format = (options.format ?? 'auto') === 'auto' && (isArrowBytes(bytes) || ARROW_EXTENSIONS.test(path)) ? 'arrow' : options.format;
  return loadObservations(bytes, { ...options, file, format });
}
