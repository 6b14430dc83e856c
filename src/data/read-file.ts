/**
 * Node-only: reads a data file from disk and loads it. Lives apart from the pure loaders so that
 * src/data stays free of the file system in the browser build; exported from `chiso/node`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { ChisoError, diagnostic } from '../errors.js';
import { addIndicators, CATALOGUE_FILE, parseCatalogue } from '../registry/index.js';
import { isArrowBytes, loadObservations, type LoadOptions, type LoadResult } from './load.js';
import { gridToCsv, isZipBytes, readWorkbookGrid } from './sheet.js';
import { odsGrid } from './ods.js';

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

/**
 * The user's indicators in `chiso.indicators.json` beside a data file, added to the catalogue (the
 * open catalogue); nothing when there is no such file. A bad file throws, naming it and the field.
 */
export function readCatalogueBeside(path: string, shownAs = path): void {
  const catalogue = join(dirname(path), CATALOGUE_FILE);
  if (!existsSync(catalogue)) return;
  const shown = join(dirname(shownAs), CATALOGUE_FILE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(catalogue, 'utf8'));
  } catch (e) {
    throw new ChisoError(diagnostic('DATA_BAD_CATALOGUE', { detail: e instanceof Error ? e.message : String(e) }, { file: shown }));
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
  let head: Uint8Array;
  try {
    head = new Uint8Array(readFileSync(path)).subarray(0, 4);
  } catch {
    return readObservationsFile(path, options); // names the missing or unreadable file
  }
  if (!isZipBytes(head)) return readObservationsFile(path, options);
  let csv: string;
  try {
    const bytes = new Uint8Array(readFileSync(path));
    // An OpenDocument sheet names its type in its first entry; anything else zipped is read as .xlsx.
    const content = zipEntry(bytes, 'mimetype') && new TextDecoder().decode(zipEntry(bytes, 'mimetype')).includes('opendocument.spreadsheet') ? zipEntry(bytes, 'content.xml') : undefined;
    csv = gridToCsv(content ? odsGrid(new TextDecoder().decode(content)) : await readWorkbookGrid(bytes));
  } catch (e) {
    throw new ChisoError(diagnostic('DATA_BAD_WORKBOOK', { detail: e instanceof Error ? e.message : String(e) }, { file }));
  }
  return loadObservations(csv, { ...options, file, format: options.format === 'auto' || options.format === undefined ? 'csv' : options.format });
}

/** One entry of a ZIP archive (stored or deflated), by name; `undefined` when absent. */
export function zipEntry(zip: Uint8Array, name: string): Uint8Array | undefined {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  let at = view.getUint32(end + 16, true);
  const count = view.getUint16(end + 10, true);
  for (let n = 0; n < count && view.getUint32(at, true) === 0x02014b50; n++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const entry = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (entry === name) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : method === 8 ? new Uint8Array(inflateRawSync(data)) : undefined;
    }
    at += 46 + nameLength + extra + comment;
  }
  return undefined;
}
