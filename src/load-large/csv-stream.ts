/**
 * A CSV reader fed text in chunks of any size (RFC 4180: quoted fields may hold separators, line
 * breaks and doubled quotes, and may be cut anywhere by a chunk boundary). Complete records go to
 * `onRecord` with the line they start on; an incomplete one waits for the next chunk.
 */
import { fail } from '../errors.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface CsvStreamOptions {
  /** Field separator (one character). Default `','`. */
  delimiter?: string;
  /** Name in messages. Default `'input'`. */
  file?: string;
}

export class CsvStream {
  readonly #onRecord: (cells: string[], line: number) => void;
  readonly #sep: number;
  readonly #file: string;
  #rest = '';
  #line = 1;
  #started = false;

  constructor(onRecord: (cells: string[], line: number) => void, { delimiter = ',', file = 'input' }: CsvStreamOptions = {}) {
    this.#onRecord = onRecord;
    this.#sep = delimiter.charCodeAt(0);
    this.#file = file;
  }

  /** Adds text; every record completed by it is emitted. */
  push(text: string): void {
    if (!this.#started) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.#rest = this.#parse(this.#rest + text, false);
  }

  /** Emits the last record (a file need not end with a line break). */
  finish(): void {
    const left = this.#parse(this.#rest, true);
    if (left !== '') fail('LOAD_LARGE_UNCLOSED_QUOTE', { file: this.#file, row: this.#line }, { file: this.#file, row: this.#line });
    this.#rest = '';
  }

  /** Parses whole records from `s`; returns the unfinished tail. */
  #parse(s: string, final: boolean): string {
    const n = s.length;
    const sep = this.#sep;
    let pos = 0;
    while (pos < n) {
      const start = pos;
      const cells: string[] = [];
      let newlines = 0;
      let complete = false;
      for (;;) {
        if (pos < n && s.charCodeAt(pos) === QUOTE) {
          // Quoted field: up to the quote that is not doubled.
          let j = pos + 1;
          let text = '';
          let from = j;
          let closed = false;
          for (;;) {
            const q = s.indexOf('"', j);
            if (q === -1) break;
            if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) {
              text += s.slice(from, q + 1);
              j = from = q + 2;
              continue;
            }
            if (q + 1 === n && !final) break; // the next chunk may start with the second quote
            text += s.slice(from, q);
            pos = q + 1;
            closed = true;
            break;
          }
          if (!closed) return s.slice(start);
          for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) newlines++;
          cells.push(text);
        } else {
          let j = pos;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === sep || c === LF || c === CR) break;
            j++;
          }
          cells.push(s.slice(pos, j));
          pos = j;
        }
        if (pos >= n) {
          if (!final) return s.slice(start);
          complete = true;
          break;
        }
        const c = s.charCodeAt(pos);
        if (c === sep) {
          pos++;
          if (pos >= n && final) {
            cells.push('');
            complete = true;
            break;
          }
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= n && !final) return s.slice(start);
          pos += s.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else if (c === LF) pos++;
        else {
          // Text right after a closing quote: keep it with the field, as most readers do.
          cells[cells.length - 1] += s.slice(pos, (pos = this.#fieldEnd(s, pos)));
          continue;
        }
        complete = true;
        newlines++;
        break;
      }
      if (!complete) return s.slice(start);
      const line = this.#line;
      this.#line += newlines;
      // A blank line is no record.
      if (!(cells.length === 1 && cells[0] === '')) this.#onRecord(cells, line);
    }
    return '';
  }

  #fieldEnd(s: string, pos: number): number {
    while (pos < s.length) {
      const c = s.charCodeAt(pos);
      if (c === this.#sep || c === LF || c === CR) break;
      pos++;
    }
    return pos;
  }
}
