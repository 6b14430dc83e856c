import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { csvParse, dsvFormat } from 'd3-dsv';
import { parseCsv, splitCsvRows, type CsvRow } from '../../src/data/csv.js';
import { CsvStream } from '../../src/load-large/csv-stream.js';
import { ChisoError, formatDiagnostic } from '../../src/errors.js';
import { parseCsv as parseScriptCsv, readRecords as readScriptRecords } from '../../scripts/data/csv.mjs';
import { prng } from '../prng.js';

const root = new URL('../../', import.meta.url);

/** Text a reader must get right: quotes holding separators, CRLF, LF and CR, blank lines, doubled quotes. */
const TRICKY = [
  'a,b,c\r\n1,"x,""y""",3\r\n\r\n2,"multi\nline",4\n5,6,7',
  'a,b\n"one\r\ntwo\rthree",x\n\n"",""""\nlast,row\n',
  'a,b\r"cr\ronly",1\r2,3',
  'h\n"\n\n",x\n',
  'x,"",\n,,\n',
];
/** Text after closing quotes: not RFC 4180, but written by hand and by some exports. */
const STRAY = 'region,value\n01,"5"0\n02,"1""2"3,x\r\n"a\nb"c,d';

/** What the whole-text reader returns, rows without blank lines (as the stream emits them). */
function whole(text: string): CsvRow[] {
  return parseCsv(text, { separator: ',' }).rows.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
}

function streamed(text: string, sizes: () => number): CsvRow[] {
  const rows: CsvRow[] = [];
  const s = new CsvStream((cells, line) => rows.push({ cells, line }));
  for (let i = 0; i < text.length; ) {
    const n = sizes();
    s.push(text.slice(i, i + n));
    i += n;
  }
  s.finish();
  return rows;
}

function quoteError(run: () => unknown) {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ChisoError);
    return (e as ChisoError).diagnostics[0];
  }
  throw new Error('expected a ChisoError');
}

describe('one CSV reader on d3-dsv parseRows', () => {
  it('numbers lines from the start of each row, across quoted CRLF, LF and CR line breaks', () => {
    expect(parseCsv(TRICKY[0], { separator: ',' }).rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
    const rows = parseCsv(TRICKY[1], { separator: ',' }).rows;
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['one\r\ntwo\rthree', 'x']],
      [5, ['']],
      [6, ['', '"']],
      [7, ['last', 'row']],
    ]);
    expect(parseCsv(TRICKY[2], { separator: ',' }).rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['cr\ronly', '1']],
      [4, ['2', '3']],
    ]);
  });

  it('keeps text after a closing quote with its field, where d3-dsv alone would take its first character for a separator', () => {
    expect(dsvFormat(',').parseRows('01,"5"0\n')).toEqual([['01', '5', '']]);
    expect(parseCsv(STRAY, { separator: ',' }).rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['region', 'value']],
      [2, ['01', '50']],
      [3, ['02', '1"23', 'x']],
      [4, ['a\nbc', 'd']],
    ]);
  });

  it('names file, line and column where an unclosed quote opened, also when its row starts lines earlier', () => {
    // d3-dsv alone returns the rest of the text as the last cell, without a word.
    expect(dsvFormat(',').parseRows('a,b\n1,"open')).toEqual([['a', 'b'], ['1', 'open']]);
    const d = quoteError(() => parseCsv('region,quote,value\n42,"two\nlines",1\n43,"a\nb","never\n', { file: 'bad.csv', separator: ',' }));
    expect(d).toMatchObject({ code: 'DATA_CSV_UNTERMINATED_QUOTE', file: 'bad.csv', row: 5, column: 'value' });
    expect(formatDiagnostic(d)).toContain('bad.csv, dòng 5, cột "value": Dấu ngoặc kép');
    expect(formatDiagnostic(d)).toContain('bad.csv, row 5, column "value": A quote');
    const late = quoteError(() => parseCsv('a\n"x\n"\n"', { file: 'f.csv', separator: ',' }));
    expect(late).toMatchObject({ row: 4, column: 'a' });
  });

  it('the streaming reader gives the rows and lines of the whole-text reader for any chunk sizes', () => {
    const random = prng(11);
    for (const text of [...TRICKY, STRAY]) {
      const expected = whole(text);
      for (const size of [1, 2, 3, 7, 1000]) expect(streamed(text, () => size)).toEqual(expected);
      for (let k = 0; k < 20; k++) expect(streamed(text, () => 1 + Math.floor(random() * 9))).toEqual(expected);
    }
  });

  it('the streaming reader names the line and column of an unclosed quote, whatever the chunks', () => {
    const text = 'indicator,quote\na,"two\nlines"\nb,"never closed\nc,d\n';
    for (const size of [1, 5, 1000]) {
      const d = quoteError(() => streamed(text, () => size));
      expect(d).toMatchObject({ code: 'LOAD_LARGE_UNCLOSED_QUOTE', row: 4, column: 'quote' });
    }
  });

  it('drops a byte-order mark at the start of the text, even after empty chunks', () => {
    const rows: string[][] = [];
    const s = new CsvStream((cells) => rows.push(cells));
    for (const chunk of ['', '\uFEFFa', ',b\n1,2']) s.push(chunk);
    s.finish();
    expect(rows).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps streaming: each row is emitted as soon as its line is complete', () => {
    let parsed = 0;
    const s = new CsvStream(() => parsed++);
    const rows = Array.from({ length: 1000 }, (_, i) => `r${i},${i}\n`).join('');
    s.push(rows.slice(0, 4));
    expect(parsed).toBe(0); // no line break yet: nothing is complete
    s.push(rows.slice(4, 12));
    expect(parsed).toBe(2);
    s.push(rows.slice(12));
    s.finish();
    expect(parsed).toBe(1000);
  });

  it('the scripts read data/ by the same rule: the same rows for every file and for tricky text', () => {
    const files = ['data/observations', 'data/admin', 'data/seeds']
      .flatMap((dir) => readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.csv')).map((f) => `${dir}/${f}`));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(new URL(f, root), 'utf8').replace(/^\uFEFF/, '');
      expect(parseScriptCsv(text), f).toEqual(parseCsv(text, { separator: ',' }).rows.map((r) => r.cells));
    }
    for (const text of TRICKY) expect(parseScriptCsv(text)).toEqual(parseCsv(text, { separator: ',' }).rows.map((r) => r.cells));
    expect(() => parseScriptCsv('a\n"x\n"\n"')).toThrow(/line 4/);
    // Text after a closing quote never passes unseen in data/: its row has a field too many.
    expect(() => readScriptRecords('region,value\n01,"5"0\n')).toThrow(/row 2 has 3 fields, the header has 2/);
  });

  it('builds no code at run time (strict CSP): Function is never called, while d3-dsv parse would call it', () => {
    const original = globalThis.Function;
    const trap = new Proxy(original, {
      construct() {
        throw new Error('Function() called');
      },
      apply() {
        throw new Error('Function() called');
      },
    });
    globalThis.Function = trap;
    try {
      expect(() => csvParse('a,b\n1,2')).toThrow(/Function\(\) called/);
      expect(parseCsv('a;b\n1;"2;3"').rows).toHaveLength(2);
      expect(streamed('a,b\n1,2\n', () => 3)).toHaveLength(2);
      expect(splitCsvRows('x\ty', '\t').rows[0].cells).toEqual(['x', 'y']);
    } finally {
      globalThis.Function = original;
    }
  });
});
