import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseNumber, type ParsedNumber } from '../../src/data/index.js';

const seed = (name: string) => readFileSync(new URL(`../../data/seeds/raw/${name}`, import.meta.url), 'utf8').normalize('NFC');

function ok(text: string, opts?: Parameters<typeof parseNumber>[1]): ParsedNumber {
  const r = parseNumber(text, opts);
  if (!r.ok) throw new Error(`expected a number from "${text}", got ${r.diagnostic.code}`);
  return r;
}

// Each phrase as the seed report writes it; the test checks the phrase is really in the file.
const seeds: { file: string; phrase: string; expect: Partial<ParsedNumber>; warnings?: string[] }[] = [
  { file: '000_05db81f9f313bbf0.txt', phrase: 'trên 98%', expect: { value: 98, qualifier: '>', percent: true, unit: '%' } },
  { file: '002_8f0ff18a4f7cf0ed.txt', phrase: '3,58%', expect: { value: 3.58, qualifier: null, percent: true } },
  { file: '002_8f0ff18a4f7cf0ed.txt', phrase: '60,2 triệu đồng/người/năm', expect: { value: 60_200_000, written: 60.2, magnitude: { word: 'triệu', factor: 1e6 }, unit: 'triệu đồng/người/năm' } },
  { file: '002_8f0ff18a4f7cf0ed.txt', phrase: '08 xã', expect: { value: 8, rest: 'xã' } },
  { file: '002_8f0ff18a4f7cf0ed.txt', phrase: '8/9 tiêu chí', expect: { value: 8, denominator: 9, rest: 'tiêu chí' } },
  { file: '002_8f0ff18a4f7cf0ed.txt', phrase: '3.051', expect: { value: 3051 }, warnings: ['NUMBER_DOT_AMBIGUOUS'] },
  { file: '002_8f0ff18a4f7cf0ed.txt', phrase: 'trên 5,3 tỷ đồng', expect: { value: 5_300_000_000, written: 5.3, qualifier: '>', unit: 'tỷ đồng' } },
  { file: '002_8f0ff18a4f7cf0ed.txt', phrase: 'trên 15 tỷ đồng', expect: { value: 15e9, qualifier: '>', unit: 'tỷ đồng' } },
  { file: '002_8f0ff18a4f7cf0ed.txt', phrase: 'gần 600 triệu đồng', expect: { value: 600e6, qualifier: '~', unit: 'triệu đồng' } },
  { file: '002_8f0ff18a4f7cf0ed.txt', phrase: '13 tập thể', expect: { value: 13, rest: 'tập thể' } },
  { file: '002_8f0ff18a4f7cf0ed.txt', phrase: '21 cá nhân', expect: { value: 21, rest: 'cá nhân' } },
  { file: '002_8f0ff18a4f7cf0ed.txt', phrase: 'hàng trăm sáng kiến', expect: { value: null, unquantified: true, magnitude: { word: 'trăm', factor: 100 }, rest: 'sáng kiến' }, warnings: ['NUMBER_UNQUANTIFIED'] },
  { file: '003_9ea99d9bd68773f4.txt', phrase: '30/31 tổ chức', expect: { value: 30, denominator: 31 } },
  { file: '003_9ea99d9bd68773f4.txt', phrase: '100/% Chi bộ', expect: { value: 100, percent: true, unit: '%' }, warnings: ['NUMBER_SLASH_PERCENT'] },
  { file: '003_9ea99d9bd68773f4.txt', phrase: '2.060.856', expect: { value: 2_060_856 } },
  { file: '004_748b5fa953de36ad.txt', phrase: 'hơn 1 năm', expect: { value: 1, qualifier: '>', rest: 'năm' } },
];

describe('parseNumber on the seed phrases', () => {
  for (const s of seeds) {
    it(`${s.file}: "${s.phrase}"`, () => {
      expect(seed(s.file)).toContain(s.phrase);
      const r = ok(s.phrase);
      expect(r).toMatchObject(s.expect);
      expect(r.warnings.map((w) => w.code)).toEqual(s.warnings ?? []);
      for (const w of r.warnings) expect(w.level).toBe('warning');
    });
  }
});

describe('parseNumber conventions', () => {
  it('reads GSO dot decimals when told, and in auto when not three digits', () => {
    expect(ok('15.5').value).toBe(15.5);
    expect(ok('1387.0').value).toBe(1387);
    expect(ok('0.125').value).toBe(0.125);
    expect(ok('3.051', { decimal: 'dot' }).value).toBe(3.051);
    expect(ok('3.051', { decimal: 'dot' }).warnings).toEqual([]);
    expect(ok('1,387.5', { decimal: 'dot' }).value).toBe(1387.5);
  });
  it('reads the Vietnamese decimal comma and dot grouping', () => {
    expect(ok('3,58', { decimal: 'comma' }).value).toBe(3.58);
    expect(ok('1.234.567,89').value).toBe(1234567.89);
  });
  it('reads magnitude words in their spelling variants', () => {
    expect(ok('2 ngàn').value).toBe(2000);
    expect(ok('1,5 tỉ').magnitude).toEqual({ word: 'tỷ', factor: 1e9 });
    expect(ok('1,5 tỉ').value).toBe(1.5e9);
    expect(ok('60,2 nghìn đồng').unit).toBe('nghìn đồng');
  });
  it('reads every qualifier', () => {
    const q = (t: string) => ok(t).qualifier;
    expect(q('trên 5')).toBe('>');
    expect(q('hơn 5')).toBe('>');
    expect(q('dưới 5')).toBe('<');
    expect(q('chưa đến 5')).toBe('<');
    expect(q('gần 5')).toBe('~');
    expect(q('khoảng 5')).toBe('~');
    expect(q('xấp xỉ 5')).toBe('~');
    expect(q('trên dưới 5')).toBe('~');
    expect(q('Trên 98%')).toBe('>');
    // Decomposed diacritics (NFD) as some editors save them.
    expect(q('trên 98%'.normalize('NFD'))).toBe('>');
  });
  it('keeps 100% and leading zeros', () => {
    expect(ok('100%')).toMatchObject({ value: 100, percent: true });
    expect(ok('08').value).toBe(8);
    expect(ok('-3,5').value).toBe(-3.5);
    expect(ok('+2,1').value).toBe(2.1);
  });
});

describe('parseNumber failures', () => {
  const fails = (t: string, code: string, opts?: Parameters<typeof parseNumber>[1]) => {
    const r = parseNumber(t, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostic.code).toBe(code);
      expect(r.diagnostic.level).toBe('error');
      expect(r.diagnostic.vi).toContain(t.trim());
      expect(r.diagnostic.en).toContain(t.trim());
    }
  };
  it('rejects words, dates and malformed separators with a code', () => {
    fails('', 'NUMBER_EMPTY');
    fails('abc', 'NUMBER_INVALID');
    fails('18/5/2021', 'NUMBER_DATE');
    fails('12abc', 'NUMBER_INVALID');
    fails('1.23.4', 'NUMBER_GROUPING');
    fails('1,234.5', 'NUMBER_SEPARATORS', { decimal: 'comma' });
    fails('1,2,3', 'NUMBER_SEPARATORS', { decimal: 'comma' });
    fails('5/0', 'NUMBER_ZERO_DENOMINATOR');
    fails('15.5', 'NUMBER_GROUPING', { decimal: 'comma' });
  });
  it('attaches the location it is given', () => {
    const r = parseNumber('x', { location: { file: 'a.csv', row: 4, column: '2010' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostic).toMatchObject({ file: 'a.csv', row: 4, column: '2010', value: 'x' });
  });
});
