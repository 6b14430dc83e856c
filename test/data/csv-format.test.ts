import { describe, it, expect } from 'vitest';
import { formatCsv, neutralizeCell } from '../../src/data/csv-format.js';
import { parseCsv } from '../../src/data/csv.js';
import { observationsToCSV } from '../../src/components/core/csv.js';
import { prng } from '../prng.js';

/** Every piece a spreadsheet could make of a line, splitting on `sep` and ignoring quotes. */
const pieces = (csv: string, sep: RegExp) => csv.replace(/^\uFEFF/, '').split(/\r?\n/).flatMap((l) => l.split(sep)).map((p) => p.replace(/^"/, ''));

describe('one CSV writer on d3-dsv', () => {
  it('quotes cells holding `;`, tab or line breaks, not only the separator and quotes', () => {
    const csv = formatCsv([['a;b', 'c\td', 'e\nf', 'g,h', 'say "hi"', 'plain']], { bom: false });
    expect(csv).toBe('"a;b","c\td","e\nf","g,h","say ""hi""",plain\r\n');
    expect(parseCsv(csv, { separator: ',' }).rows[0].cells).toEqual(['a;b', 'c\td', 'e\nf', 'g,h', 'say "hi"', 'plain']);
  });

  it('neutralizes a formula character at the start and after `;`, tab, `,` or a line break', () => {
    expect(neutralizeCell('=1+1')).toBe(`'=1+1`);
    expect(neutralizeCell('x;=cmd|"/c calc"!A1')).toBe(`x;'=cmd|"/c calc"!A1`);
    expect(neutralizeCell('x\t+1')).toBe(`x\t'+1`);
    expect(neutralizeCell('x\n@SUM(1)')).toBe(`x\n'@SUM(1)`);
    expect(neutralizeCell('x\r\n-2')).toBe(`x\r\n'-2`);
    expect(neutralizeCell('=a;=b')).toBe(`'=a;'=b`);
    expect(neutralizeCell('Hà Nội; 5%')).toBe('Hà Nội; 5%');
    expect(neutralizeCell('-')).toBe(`'-`);
  });

  it('no piece of an export begins with a formula, however a spreadsheet splits it', () => {
    const hostile = ['Hà Nội;=HYPERLINK("http://example.invalid")', 'a\t@SUM(A1)', 'note\n+cmd', 'x,-1+2', '=1'];
    const csv = observationsToCSV(hostile.map((h) => ({ indicator: 'poverty_rate', region: '01', period: '2020', value: -1.5, qualifier: null, denominator: null, unit: '%', series: null, status: 'final' as const, quote: h, source: h })));
    for (const sep of [/,/, /;/, /\t/]) {
      const formulas = pieces(csv, sep).filter((p) => /^[=+@]/.test(p) || (/^-/.test(p) && p !== '-1.5'));
      expect(formulas, String(sep)).toEqual([]);
    }
    expect(csv).toContain(',-1.5,'); // numbers are numbers, not text
  });

  it('keeps the byte-order mark and CRLF of exports; the CLI writes LF without a mark', () => {
    expect(formatCsv([['a'], ['b']])).toBe('\uFEFFa\r\nb\r\n');
    expect(formatCsv([['a'], ['b']], { bom: false, lineEnd: '\n' })).toBe('a\nb\n');
    expect(formatCsv([['x', null, undefined, Number.NaN, 2]], { bom: false })).toBe('x,,,,2\r\n');
    expect(formatCsv([['a;b', 'c']], { separator: ';', bom: false })).toBe('"a;b";c\r\n');
  });

  it('what the writer writes, the reader reads back cell for cell (random cells of quotes, separators, line breaks)', () => {
    const random = prng(7);
    const pieces = ['a', 'Hà Tĩnh', '"', '""', ',', ';', '\t', '\n', '\r\n', '\r', ' ', '1,5', 'x"y', ''];
    const cell = () => Array.from({ length: Math.floor(random() * 4) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    for (let k = 0; k < 200; k++) {
      const width = 1 + Math.floor(random() * 4);
      const rows = Array.from({ length: 1 + Math.floor(random() * 5) }, () => Array.from({ length: width }, cell));
      // A row of one empty cell is a blank line; the reader keeps it as such.
      for (const separator of [',', ';', '\t'] as const) {
        const text = formatCsv(rows, { separator, neutralize: false });
        expect(parseCsv(text, { separator }).rows.map((r) => r.cells)).toEqual(rows);
      }
    }
  });
});
