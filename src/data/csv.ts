/**
 * The one CSV reader: d3-dsv's `parseRows` (RFC 4180 quotes, doubled quotes, quoted line breaks, CRLF,
 * LF or CR), which builds no code at run time, so it runs under a strict CSP (its `parse`, which
 * compiles a row function with `Function()`, is never used). Wrapped so that each row knows the line it
 * starts on, an unclosed quote is an error instead of a silently swallowed rest of the file, text after
 * a closing quote stays with its field, and a reader fed chunks (`CsvStream`) cuts them only between rows.
 */
import '../messages/data.js';
import { dsvFormat, type DSV } from 'd3-dsv';
import { ChisoError, diagnostic } from '../errors.js';

export const CsvSeparator = { ',': ',', ';': ';', '\t': '\t' } as const;
export type CsvSeparator = keyof typeof CsvSeparator;
export function isCsvSeparator(value: unknown): value is CsvSeparator {
  return typeof value === 'string' && Object.hasOwn(CsvSeparator, value);
}

export interface CsvRow {
  cells: string[];
  /** 1-based line on which the row starts. */
  line: number;
}

export interface CsvOptions {
  /** Field separator; default: detected from the first lines (`;`, `,` or tab). */
  separator?: CsvSeparator;
  /** File name for error locations. Default: none. */
  file?: string;
}

export interface CsvTable {
  rows: CsvRow[];
  separator: CsvSeparator;
}

/** Strips a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const dsvs = new Map<string, DSV>();
function dsv(separator: string): DSV {
  let d = dsvs.get(separator);
  if (!d) dsvs.set(separator, (d = dsvFormat(separator)));
  return d;
}

// Appended after a line break: the last row is exactly this cell unless a quote left open swallowed it.
const END = '\u0000chiso-end\u0000';

/** Line breaks (CRLF, LF or CR, each one) in a row's cells: only quoted cells hold any. */
function breaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    if (c.indexOf('\n') === -1 && c.indexOf('\r') === -1) continue;
    for (let i = 0; i < c.length; i++) {
      const ch = c.charCodeAt(i);
      if (ch === 10 || (ch === 13 && c.charCodeAt(i + 1) !== 10)) n++;
    }
  }
  return n;
}

function countLF(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * d3-dsv reads the character right after a closing quote as a separator, whatever it is: `"5"0,x`
 * would lose its `0`. Text after a closing quote stays with its field instead (`50`), as spreadsheets
 * read it. Walks d3-dsv's own cells through the text, so it cuts nothing itself.
 */
function keepTextAfterQuotes(input: string, rows: string[][], sep: number): void {
  // Length in the text of a cell as d3-dsv read it: a quoted one has its quotes, inner ones doubled.
  const written = (cell: string, quoted: boolean): number => {
    if (!quoted) return cell.length;
    let n = cell.length + 2;
    for (let q = cell.indexOf('"'); q !== -1; q = cell.indexOf('"', q + 1)) n++;
    return n;
  };
  let pos = 0;
  for (const cells of rows) {
    for (let i = 0; i < cells.length; i++) {
      let quoted = input.charCodeAt(pos) === 34;
      pos += written(cells[i], quoted);
      for (let c = input.charCodeAt(pos); quoted && c !== sep && c !== 10 && c !== 13 && i + 1 < cells.length; c = input.charCodeAt(pos)) {
        // A stray character after the closing quote, then the cell d3-dsv started after it: one field.
        const rest = cells[i + 1];
        quoted = input.charCodeAt(pos + 1) === 34;
        cells.splice(i, 2, cells[i] + input[pos] + rest);
        pos += 1 + written(rest, quoted);
      }
      if (i + 1 < cells.length) pos++;
    }
    // The row's end: CRLF, LF or CR.
    if (input.charCodeAt(pos) === 13) pos++;
    if (input.charCodeAt(pos) === 10) pos++;
  }
}

export interface CsvSplit {
  /** Complete rows, blank lines included (one empty cell), each with its first line. */
  rows: CsvRow[];
  /** The row a quote left open swallowed to the end of the text, or null. */
  open: { line: number; cells: string[]; quoteLine: number; cell: number } | null;
  /** The line after the last complete row. */
  nextLine: number;
}

/** Splits text into rows by d3-dsv's rule, numbering lines from `firstLine`. */
export function splitCsvRows(text: string, separator: string, firstLine = 1): CsvSplit {
  const last = text.charCodeAt(text.length - 1);
  const input = text + (text === '' || last === 10 || last === 13 ? '' : '\n') + END;
  const raw = dsv(separator).parseRows(input);
  const end = raw.pop()!;
  if (input.indexOf('"') !== -1) keepTextAfterQuotes(input, raw, separator.charCodeAt(0));
  const closed = end.length === 1 && end[0] === END;
  const rows: CsvRow[] = new Array(raw.length);
  let line = firstLine;
  if (closed && input.indexOf('\r') === -1 && countLF(input) === raw.length) {
    // One LF a row: no cell holds a line break, so lines need not be counted cell by cell.
    for (let i = 0; i < raw.length; i++) rows[i] = { cells: raw[i], line: line++ };
  } else {
    for (let i = 0; i < raw.length; i++) {
      rows[i] = { cells: raw[i], line };
      line += 1 + breaksIn(raw[i]);
    }
  }
  if (closed) return { rows, open: null, nextLine: line };
  // The quote opened in the last cell; the cell ends with the text added above, which is no data.
  const cells = end.slice(0, -1);
  const quoteLine = line + breaksIn(cells);
  cells.push(end[end.length - 1].slice(0, -END.length).replace(/\r?\n$/, ''));
  return { rows, open: { line, cells, quoteLine, cell: cells.length }, nextLine: line };
}

/**
 * Picks the separator that splits the first lines most consistently: for each candidate, the number
 * of rows split into the same, more than one, number of cells as most rows.
 */
export function detectSeparator(text: string): CsvSeparator {
  const body = stripBom(text);
  const lines = body.split(/\r?\n/, 40);
  const head = body.slice(0, lines.reduce((n, l) => n + l.length + 2, 0));
  let best: CsvSeparator = ',';
  let bestScore = -1;
  for (const sep of Object.keys(CsvSeparator) as CsvSeparator[]) {
    const { rows, open } = splitCsvRows(head, sep);
    const counts = rows.concat(open ? [open] : []).slice(0, 20).map((r) => r.cells.length - 1).filter((n) => n > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    const [mode, times] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    const score = times * 1000 + mode;
    if (score > bestScore) {
      bestScore = score;
      best = sep;
    }
  }
  return best;
}

/** Where an unclosed quote opened, in both languages: file, line, cell (and its column name when known). */
export function unclosedQuote(code: 'DATA_CSV_UNTERMINATED_QUOTE' | 'LOAD_LARGE_UNCLOSED_QUOTE', open: NonNullable<CsvSplit['open']>, file: string | undefined, header?: readonly string[]): ChisoError {
  const column = header?.[open.cell - 1]?.trim() || String(open.cell);
  return new ChisoError(diagnostic(code, { file: file ?? '', row: open.quoteLine }, { file, row: open.quoteLine, column }));
}

/**
 * Splits CSV text into rows of cells. Blank lines come back as rows with one empty cell, so line
 * numbers stay true; callers decide what a blank line means. Throws `DATA_CSV_UNTERMINATED_QUOTE`
 * naming the line and cell where the quote opened.
 */
export function parseCsv(input: string, options: CsvOptions = {}): CsvTable {
  const text = stripBom(input);
  const separator = options.separator ?? detectSeparator(text);
  const { rows, open } = splitCsvRows(text, separator);
  if (open) {
    const header = rows.find((r) => !isBlankRow(r));
    throw unclosedQuote('DATA_CSV_UNTERMINATED_QUOTE', open, options.file, header?.cells);
  }
  return { rows, separator };
}

/** True for a row that holds nothing but empty cells. */
export function isBlankRow(row: CsvRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}
