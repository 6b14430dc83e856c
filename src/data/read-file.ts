/**
 * Node-only: reads a data file from disk and loads it. Lives apart from the pure loaders so that
 * src/data stays free of the file system in the browser build; exported from `chiso/node`.
 */
import '../messages/data.js';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { ChisoError, diagnostic } from '../errors.js';
import { addIndicators, CATALOGUE_FILE, parseCatalogue } from '../registry/index.js';
import { isArrowBytes, loadObservations, type LoadOptions, type LoadResult } from './load.js';
import { binaryKind, readCheckedFile } from './file-check.js';
import { checkZipSizes, isZipBytes, zipEntryRaw } from './zip.js';
import { jsonSyntaxError } from './json.js';

/** Extensions that mean Arrow IPC, for files whose magic bytes say nothing (empty, truncated). */
const ARROW_EXTENSIONS = /\.(arrow|feather|ipc|arrows)$/i;

/**
 * Reads `path` and loads it with `loadObservations`. `options.file` defaults to `path` as given, so
 * diagnostics and sources name the file the way the caller wrote it. Arrow is chosen by magic bytes
 * or extension when the format is `auto`.
 */
export function readObservationsFile(path: string, options: LoadOptions = {}): LoadResult {
  // A regular file of a size read at once (past it: the streaming loader), checked on the open file.
  return observationsFromBytes(new Uint8Array(readCheckedFile(path, options.file ?? path)), path, options);
}

/** `readObservationsFile` on the bytes of `path`, already read. */
function observationsFromBytes(bytes: Uint8Array, path: string, options: LoadOptions): LoadResult {
  const file = options.file ?? path;
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

/**
 * The user's indicators in `chiso.indicators.json` beside a data file, added to the catalogue (the
 * open catalogue); nothing when there is no such file. A bad file throws, naming it and the field.
 */
export function readCatalogueBeside(path: string, shownAs = path): void {
  const catalogue = join(dirname(path), CATALOGUE_FILE);
  if (!existsSync(catalogue)) return;
  const shown = join(dirname(shownAs), CATALOGUE_FILE);
  let json: unknown;
  let text = '';
  try {
    text = readCheckedFile(catalogue, shown).toString('utf8');
    json = JSON.parse(text);
  } catch (e) {
    if (e instanceof ChisoError) throw e;
    const where = jsonSyntaxError(e, text);
    throw new ChisoError(diagnostic('DATA_BAD_CATALOGUE', { detail: where.en, detailVi: where.vi }, { file: shown }));
  }
  addIndicators(parseCatalogue(json, shown), shown);
}

/**
 * Node-only, for the CLI and the exporter: a data file in any format chiso reads, workbooks (.xlsx)
 * included, with the catalogue file beside it. Workbooks are read by the page's reader (src/data/sheet.ts).
 */
export async function readDataFile(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const file = options.file ?? path;
  readCatalogueBeside(path, file);
  // A regular file of a size read at once, checked on the open file (see file-check.ts).
  return loadDataBytes(new Uint8Array(readCheckedFile(path, file)), path, options);
}

/** `readDataFile` on the bytes of `path`, already read, and the catalogue beside it already added. */
export async function loadDataBytes(bytes: Uint8Array, path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const file = options.file ?? path;
  if (!isZipBytes(bytes)) return observationsFromBytes(bytes, path, options);
  // The sizes the workbook declares, checked before anything is inflated (a zip bomb).
  checkZipSizes(bytes, file);
  let csv: string;
  try {
    // An OpenDocument sheet names its type in its first entry; anything else zipped is read as .xlsx.
    // The workbook readers load only for a workbook: a CSV export need not pay for them at start-up.
    const [{ gridToCsv, readWorkbookGrid }, { odsGrid }] = await Promise.all([import('./sheet.js'), import('./ods.js')]);
    const mimetype = zipEntry(bytes, 'mimetype');
    const content = mimetype && new TextDecoder().decode(mimetype).includes('opendocument.spreadsheet') ? zipEntry(bytes, 'content.xml') : undefined;
    csv = gridToCsv(content ? odsGrid(new TextDecoder().decode(content)) : await readWorkbookGrid(bytes));
  } catch (e) {
    throw new ChisoError(diagnostic('DATA_BAD_WORKBOOK', { detail: e instanceof Error ? e.message : String(e) }, { file }));
  }
  return loadObservations(csv, { ...options, file, format: options.format === 'auto' || options.format === undefined ? 'csv' : options.format });
}

/** zlib's raw inflate, loaded on the first deflated entry: reading a CSV does not pay for zlib at start-up. */
const inflate = (data: Uint8Array): Buffer => process.getBuiltinModule('node:zlib').inflateRawSync(data);

/** One entry of a ZIP archive (stored or deflated), by name; `undefined` when absent. */
export function zipEntry(zip: Uint8Array, name: string): Uint8Array | undefined {
  const raw = zipEntryRaw(zip, name);
  if (!raw) return undefined;
  return raw.method === 0 ? raw.data : raw.method === 8 ? new Uint8Array(inflate(raw.data)) : undefined;
}
