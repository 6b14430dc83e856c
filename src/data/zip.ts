/**
 * The sizes a zip (an .xlsx workbook) declares, read from its central directory without inflating
 * anything, so a reader can refuse a zip bomb (1.5 MB that inflates to 1.5 GB) before it starts.
 * Pure; runs in the page.
 */
import '../messages/data.js';
import { fail } from '../errors.js';

/** ZIP bytes (`PK\x03\x04`): an .xlsx or .ods workbook, never CSV text. */
export function isZipBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Most bytes a workbook may inflate to, all entries together: far more than any indicator sheet. */
export const ZIP_MAX_UNCOMPRESSED = 200 * 2 ** 20;
/** Most entries a workbook may hold. */
export const ZIP_MAX_ENTRIES = 10_000;

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** The entries of a zip's central directory; `null` when the bytes hold none (not a zip, or cut short). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: the last 22 bytes, before a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    let compressed = view.getUint32(at + 20, true);
    let uncompressed = view.getUint32(at + 24, true);
    // Zip64 keeps the real sizes in an extra field; taken as "too large" rather than parsed.
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) compressed = uncompressed = Number.MAX_SAFE_INTEGER;
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressed, uncompressed, method: view.getUint16(at + 10, true), offset: view.getUint32(at + 42, true) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Refuses a zip whose entries would inflate past `max` bytes together (`DATA_ZIP_TOO_LARGE`), or that has no readable directory. */
export function checkZipSizes(bytes: Uint8Array, file: string, max = ZIP_MAX_UNCOMPRESSED): ZipEntry[] {
  const entries = zipEntries(bytes);
  if (!entries) return fail('DATA_ZIP_UNREADABLE', {}, { file });
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (entries.length > ZIP_MAX_ENTRIES || total > max) {
    fail('DATA_ZIP_TOO_LARGE', { size: Math.round(total / 2 ** 20), max: Math.round(max / 2 ** 20), entries: entries.length }, { file });
  }
  return entries;
}

/**
 * One entry of a ZIP archive as stored, by name: its bytes and method (0 stored, 8 deflated), for the
 * caller to inflate (node:zlib in the CLI, `DecompressionStream` in the page); `undefined` when absent.
 */
export function zipEntryRaw(zip: Uint8Array, name: string): { data: Uint8Array; method: number } | undefined {
  const entry = zipEntries(zip)?.find((e) => e.name === name);
  if (!entry) return undefined;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  return { data: zip.subarray(start, start + entry.compressed), method: entry.method };
}

/**
 * Whether a zip is an OpenDocument spreadsheet (.ods): its `mimetype` entry says so (OpenDocument
 * stores it uncompressed, first in the archive, so no inflating is needed).
 */
export function isOdsZip(zip: Uint8Array): boolean {
  const m = zipEntryRaw(zip, 'mimetype');
  return !!m && m.method === 0 && new TextDecoder().decode(m.data).includes('opendocument.spreadsheet');
}
