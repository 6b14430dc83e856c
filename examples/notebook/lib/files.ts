/**
 * A reader's own file: CSV (any separator, UTF-8 or Windows-1252), an Excel workbook (.xlsx, read
 * with read-excel-file) or an OpenDocument sheet (.ods, read by chiso's own reader, src/data/ods.ts, as
 * `chiso load` reads it), held as a grid of text cells so the page can show it and let the reader say
 * which column is which before chiso reads it into observations.
 */
import { readSheet } from 'read-excel-file/browser';
import { decodeText, parseCsv, loadObservations, type LoadResult } from '../../../src/data/index.js';
import { checkZipSizes, isOdsZip, zipEntryRaw } from '../../../src/data/zip.js';
import { odsGrid } from '../../../src/data/ods.js';
// The cell text and CSV rules `chiso load` uses for a workbook too (src/data/sheet.ts).
import { gridToCsv, sheetCellText } from '../../../src/data/sheet.js';

export interface PickedFile {
  name: string;
  kind: 'csv' | 'xlsx' | 'ods';
  /** The rows as text cells, with the line (CSV) or row (sheet) each starts on. */
  grid: { cells: string[]; line: number }[];
  /** The original bytes (CSV), read as they are when no column mapping is asked for. */
  bytes: Uint8Array | null;
}

/** How to read the grid: the layout, the indicator when the file does not name it, and which column is which. */
export interface Mapping {
  format: 'auto' | 'tidy' | 'wide';
  indicator: string;
  columns: Partial<Record<'indicator' | 'region' | 'period' | 'value' | 'unit', number>>;
}

export const EMPTY_MAPPING: Mapping = { format: 'auto', indicator: '', columns: {} };

const isXlsx = (name: string, bytes: Uint8Array) => /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b); // "PK": a ZIP

/** An .ods sheet's `content.xml`, inflated by the browser itself (`DecompressionStream`, no library). */
async function odsContent(bytes: Uint8Array, name: string): Promise<string> {
  const raw = zipEntryRaw(bytes, 'content.xml');
  if (!raw || (raw.method !== 0 && raw.method !== 8)) throw new Error(`${name}: content.xml not found / không thấy content.xml`);
  if (raw.method === 0) return new TextDecoder().decode(raw.data);
  const stream = new Blob([new Uint8Array(raw.data)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new TextDecoder().decode(await new Response(stream).arrayBuffer());
}

export async function readPicked(name: string, bytes: Uint8Array): Promise<PickedFile> {
  if (isXlsx(name, bytes) || /\.ods$/i.test(name)) {
    // The sizes the workbook declares, checked before anything is inflated: a 1.5 MB zip bomb would fill 1.5 GB.
    checkZipSizes(bytes, name);
    if (isOdsZip(bytes)) return { name, kind: 'ods', grid: odsGrid(await odsContent(bytes, name)), bytes: null };
    const rows = (await readSheet(new Blob([new Uint8Array(bytes)]))) as unknown[][];
    return { name, kind: 'xlsx', grid: rows.map((r, i) => ({ cells: r.map(sheetCellText), line: i + 1 })), bytes: null };
  }
  const { text } = decodeText(bytes, name);
  return { name, kind: 'csv', grid: parseCsv(text, { file: name }).rows, bytes };
}

/** Reads the file into observations, never throwing for bad data: what is rejected comes back in `diagnostics`. */
export function readObservations(file: PickedFile, mapping: Mapping): LoadResult {
  const options = {
    file: file.name,
    strict: false,
    ...(mapping.indicator ? { indicator: mapping.indicator } : {}),
    ...(mapping.format !== 'auto' ? { format: mapping.format } : {}),
  };
  const mapped = Object.entries(mapping.columns).filter(([, i]) => i !== undefined) as [string, number][];
  if (mapped.length === 0) {
    return loadObservations(file.bytes ?? gridToCsv(file.grid), options);
  }
  // The reader's choice of columns: those columns get chiso's field names, the others keep theirs.
  const header = [...file.grid[0].cells];
  for (const [field, i] of mapped) header[i] = field;
  for (let i = 0; i < header.length; i++) if (!mapped.some(([, j]) => j === i)) header[i] = `(${header[i]})`;
  return loadObservations(gridToCsv(file.grid, header), { ...options, format: 'tidy' });
}
