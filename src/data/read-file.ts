/**
 * Node-only: reads a data file from disk and loads it. Lives apart from the pure loaders so that
 * src/data stays free of the file system in the browser build; exported from `chiso/node`.
 */
import { ChisoError, diagnostic } from '../errors.js';
import { isArrowBytes, loadObservations, type LoadOptions, type LoadResult } from './load.js';
import { binaryKind, readCheckedFile } from './file-check.js';

/** Extensions that mean Arrow IPC, for files whose magic bytes say nothing (empty, truncated). */
const ARROW_EXTENSIONS = /\.(arrow|feather|ipc|arrows)$/i;

/**
 * Reads `path` and loads it with `loadObservations`. `options.file` defaults to `path` as given, so
 * diagnostics and sources name the file the way the caller wrote it. Arrow is chosen by magic bytes
 * or extension when the format is `auto`.
 */
export function readObservationsFile(path: string, options: LoadOptions = {}): LoadResult {
  const file = options.file ?? path;
  // A regular file of a size read at once (past it: the streaming loader), checked on the open file.
  const bytes = new Uint8Array(readCheckedFile(path, file));
  const arrow = isArrowBytes(bytes) || ARROW_EXTENSIONS.test(path);
  const kind = arrow ? null : binaryKind(bytes);
  if (kind) {
    const hint = WRONG_KIND_HINTS[kind] ?? WRONG_KIND_HINTS.other;
    throw new ChisoError(diagnostic('DATA_WRONG_KIND', { kind, expected: 'CSV, JSON or Arrow', hint: hint.en, hintVi: hint.vi }, { file }));
  }
  const format = (options.format ?? 'auto') === 'auto' && arrow ? 'arrow' : options.format;
  return loadObservations(bytes, { ...options, file, format });
}

/** What to do with a file of another kind, said in both languages. */
const WRONG_KIND_HINTS: Record<string, { en: string; vi: string }> = {
  'zip (xlsx, docx, ods)': { en: 'save the sheet as CSV (UTF-8), or open it in the notebook page, which reads .xlsx', vi: 'lưu trang tính thành CSV (UTF-8), hoặc mở bằng trang notebook (đọc được .xlsx)' },
  Parquet: { en: 'read it with the streaming loader (loadLargeFile from "chiso/node") or DuckDB', vi: 'đọc bằng trình đọc theo luồng (loadLargeFile trong "chiso/node") hoặc DuckDB' },
  other: { en: 'chiso reads CSV, JSON and Arrow files', vi: 'chiso đọc tệp CSV, JSON và Arrow' },
};
