/**
 * Node-only: a file checked before it is read. Only regular files (a FIFO would hang, `/dev/zero`
 * would grow without bound), no larger than a ceiling (a 700 MB file aborts V8 while decoding), and
 * of the kind the reader expects, told by its first bytes, not by its name.
 */
import '../messages/data.js';
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { ChisoError, diagnostic } from '../errors.js';
import type { MessageCode } from '../messages/index.js';

/** What a whole-file reader accepts, in bytes. */
export const FILE_LIMITS = {
  /** Past this, `chiso load` points to the streaming loader (`loadLargeFile`), which reads in chunks. */
  loadBytes: 100 * 2 ** 20,
  /** A chart's data file or TopoJSON: a chart never needs this much. */
  renderBytes: 50 * 2 ** 20,
} as const;

/** Kinds told by magic bytes; each is a file chiso's text readers must not read as CSV or JSON. */
const MAGIC: { kind: string; bytes: number[]; at?: number }[] = [
  { kind: 'zip (xlsx, docx, ods)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'zip (xlsx, docx, ods)', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'Parquet', bytes: [0x50, 0x41, 0x52, 0x31] },
  { kind: 'Arrow', bytes: [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31] },
  { kind: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
  { kind: 'SQLite', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { kind: 'Excel 97-2003 (xls)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** The binary kind of `bytes` by their first bytes (`zip (xlsx, docx, ods)`, `Parquet`, `Arrow`, `PNG`, ...), or `null` for text and unknown kinds. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const m of MAGIC) if (bytes.length >= m.bytes.length && m.bytes.every((b, i) => bytes[i] === b)) return m.kind;
  return null;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'folder / thư mục';
  if (st.isFIFO()) return 'FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device / thiết bị';
  if (st.isSocket()) return 'socket';
  return 'other / khác';
}

export interface ReadCheckedOptions {
  /** Largest size read, in bytes. Default `FILE_LIMITS.loadBytes`. */
  maxBytes?: number;
  /** Diagnostic for a file over `maxBytes`. Default `DATA_FILE_TOO_LARGE`. */
  tooLarge?: MessageCode;
}

/**
 * Reads a regular file of at most `maxBytes`. Opened without blocking and checked on the open file
 * (not on the name, which could be swapped between a check and the read): a FIFO, a device or a
 * folder is refused before a byte is read.
 */
export function readCheckedFile(path: string, shownAs = path, options: ReadCheckedOptions = {}): Buffer {
  const { maxBytes = FILE_LIMITS.loadBytes, tooLarge = 'DATA_FILE_TOO_LARGE' } = options;
  const loc = { file: shownAs };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ChisoError(diagnostic('DATA_FILE_NOT_FOUND', {}, loc));
    if (code === 'EISDIR') throw new ChisoError(diagnostic('DATA_NOT_A_FILE', { kind: 'folder / thư mục' }, loc));
    throw new ChisoError(diagnostic('DATA_FILE_UNREADABLE', { detail: code ?? (e instanceof Error ? e.message : String(e)) }, loc));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new ChisoError(diagnostic('DATA_NOT_A_FILE', { kind: kindOf(st) }, loc));
    if (st.size > maxBytes) throw new ChisoError(diagnostic(tooLarge, { size: megabytes(st.size), max: megabytes(maxBytes) }, loc));
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function megabytes(n: number): string {
  return (n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0);
}
