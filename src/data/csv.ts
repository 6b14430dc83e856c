/**
 * A CSV reader (RFC 4180) that remembers where each row starts, so every later error can name the
 * line a person sees in an editor. Handles quotes, doubled quotes, quoted newlines, CRLF and LF,
 * a UTF-8 BOM, and `,` `;` or tab separators (detected when not given).
 */
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

/**
 * Picks the separator that splits the first lines most consistently: for each candidate, the number
 * of lines where it occurs (outside quotes) the same, non-zero number of times as on most lines.
 */
export function detectSeparator(text: string): CsvSeparator {
  const lines = stripBom(text).split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  let best: CsvSeparator = ',';
  let bestScore = -1;
  for (const sep of Object.keys(CsvSeparator) as CsvSeparator[]) {
    const counts = lines.map((l) => countOutsideQuotes(l, sep)).filter((n) => n > 0);
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

function countOutsideQuotes(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) n++;
  }
  return n;
}

/**
 * Splits CSV text into rows of cells. Blank lines come back as rows with one empty cell, so line
 * numbers stay true; callers decide what a blank line means. Throws `CSV_UNTERMINATED_QUOTE` naming
 * the line where the quote opened.
 */
export function parseCsv(input: string, options: CsvOptions = {}): CsvTable {
  const text = stripBom(input);
  const separator = options.separator ?? detectSeparator(text);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      if (ch === '\r' && text[i + 1] === '\n') {
        cell += '\r\n';
        line++;
        i += 2;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      // A quote opens a field only at its start; elsewhere it is a literal character.
      cell = '';
      quoted = true;
      quoteLine = line;
      i++;
      continue;
    }
    if (ch === separator) {
      cells.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    cell += ch;
    i++;
  }
  if (quoted) {
    throw new ChisoError(diagnostic('DATA_CSV_UNTERMINATED_QUOTE', {}, { file: options.file, row: quoteLine }));
  }
  // A final line break does not start another row.
  if (cell !== '' || cells.length > 0) endRow();
  return { rows, separator };
}

/** True for a row that holds nothing but empty cells. */
export function isBlankRow(row: CsvRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}
