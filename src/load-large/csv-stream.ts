/**
 * The CSV reader (`splitCsvRows`, d3-dsv's rule) fed text in chunks of any size: quoted fields may hold
 * separators, line breaks and doubled quotes, and may be cut anywhere by a chunk boundary. Each chunk is
 * cut after its last line break; complete rows go to `onRecord` with the line they start on, and a row a
 * quote keeps open waits for the next chunk.
 */
import '../messages/cube.js';
import { splitCsvRows, unclosedQuote, type CsvSplit } from '../data/csv.js';

export interface CsvStreamOptions {
  /** Field separator (one character). Default `','`. */
  delimiter?: string;
  /** Name in messages. Default `'input'`. */
  file?: string;
}

export class CsvStream {
  readonly #onRecord: (cells: string[], line: number) => void;
  readonly #sep: string;
  readonly #file: string;
  #rest = '';
  #line = 1;
  #started = false;
  /** The rest starts a row whose quote is still open: text without a quote cannot close it. */
  #open = false;
  #header: string[] | undefined;

  constructor(onRecord: (cells: string[], line: number) => void, { delimiter = ',', file = 'input' }: CsvStreamOptions = {}) {
    this.#onRecord = onRecord;
    this.#sep = delimiter.charAt(0);
    this.#file = file;
  }

  /** Adds text; every record completed by it is emitted. */
  push(text: string): void {
    if (!this.#started && text !== '') {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.#open && text.indexOf('"') === -1) {
      this.#rest += text;
      return;
    }
    const s = this.#rest + text;
    // A CR at the very end may be the first half of a CRLF.
    const cut = Math.max(s.lastIndexOf('\n'), s.length > 1 ? s.lastIndexOf('\r', s.length - 2) : -1) + 1;
    if (cut === 0) {
      this.#rest = s;
      return;
    }
    const head = s.slice(0, cut);
    const first = this.#line;
    const split = this.#emit(head);
    this.#open = split.open !== null;
    // The open row starts after the line breaks of the complete rows before it.
    this.#rest = split.open ? head.slice(afterBreaks(head, split.nextLine - first)) + s.slice(cut) : s.slice(cut);
  }

  /** Emits the last record (a file need not end with a line break). */
  finish(): void {
    const split = this.#emit(this.#rest);
    this.#rest = '';
    if (split.open) throw unclosedQuote('LOAD_LARGE_UNCLOSED_QUOTE', split.open, this.#file, this.#header);
  }

  #emit(text: string): CsvSplit {
    const first = this.#line;
    const split = splitCsvRows(text, this.#sep, first);
    for (const { cells, line } of split.rows) {
      // A blank line is no record.
      if (cells.length === 1 && cells[0] === '') continue;
      this.#header ??= cells;
      this.#onRecord(cells, line);
    }
    this.#line = split.nextLine;
    return split;
  }
}

/** The offset just after the `n`-th line break (CRLF, LF or CR) of `text`. */
function afterBreaks(text: string, n: number): number {
  let pos = 0;
  for (let k = 0; k < n; k++) {
    while (pos < text.length) {
      const ch = text.charCodeAt(pos++);
      if (ch === 10) break;
      if (ch === 13) {
        if (text.charCodeAt(pos) === 10) pos++;
        break;
      }
    }
  }
  return pos;
}
