import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { toArrowIPC, from } from 'arquero';
import { loadObservations, parseCsv, detectSeparator, type LoadOptions } from '../../src/data/index.js';
import { readObservationsFile } from '../../src/node.js';
import { ChisoError } from '../../src/errors.js';
import type { Observation } from '../../src/types.js';
import { gsoPovertyStandard } from '../../scripts/data/poverty-standards.mjs';

const root = new URL('../../', import.meta.url);
const bytes = (p: string) => new Uint8Array(readFileSync(new URL(p, root)));
const POVERTY = 'data/gso/raw/poverty_rate_by_province.csv';

/** Loads and expects a ChisoError; returns its diagnostics. */
function errorsOf(input: string | Uint8Array, options: LoadOptions = {}) {
  try {
    loadObservations(input, { file: 'bad.csv', ...options });
  } catch (e) {
    expect(e).toBeInstanceOf(ChisoError);
    return (e as ChisoError).diagnostics;
  }
  throw new Error('expected a ChisoError');
}

describe('CSV reader', () => {
  it('handles quotes, doubled quotes, quoted newlines, CRLF and LF, BOM, and keeps line numbers', () => {
    const text = '\uFEFFa;b;c\r\n1;"x;""y""";3\r\n\r\n2;"multi\nline";4\n5;6;7';
    const { rows, separator } = parseCsv(text);
    expect(separator).toBe(';');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
    expect(rows[1].cells).toEqual(['1', 'x;"y"', '3']);
    expect(rows[3].cells).toEqual(['2', 'multi\nline', '4']);
    expect(rows[4].cells).toEqual(['5', '6', '7']);
  });
  it('detects comma, semicolon and tab separators', () => {
    expect(detectSeparator('a,b,c\n1,"2,5",3')).toBe(',');
    expect(detectSeparator('a;b;c\n1;2,5;3')).toBe(';');
    expect(detectSeparator('a\tb\tc\n1\t2,5\t3')).toBe('\t');
    // GSO: a quoted title with commas inside, then `;`
    expect(detectSeparator(new TextDecoder().decode(bytes(POVERTY)))).toBe(';');
  });
  it('names the line of an unterminated quote', () => {
    const d = errorsOf('indicator,region,period,value\npoverty_rate,42,2016,"5\n');
    expect(d[0]).toMatchObject({ code: 'DATA_CSV_UNTERMINATED_QUOTE', file: 'bad.csv', row: 2 });
  });
});

describe('tidy', () => {
  it('round trip: the tidy file chiso writes from the GSO export loads to the same observations', () => {
    const gso = loadObservations(bytes(POVERTY), { file: POVERTY });
    const tidy = readObservationsFile(new URL('data/observations/poverty_rate.csv', root).pathname, { file: 'data/observations/poverty_rate.csv' });
    expect(tidy.summary.format).toBe('tidy');
    // The build adds each GSO column's poverty standard, which the export does not state.
    expect(tidy.observations).toEqual(gso.observations.map((o) => ({ ...o, series: gsoPovertyStandard(o.source) })));
    expect(tidy.summary.missing).toBe(gso.summary.missing);
    // Its provenance columns (start, end, note) are known: no warning about chiso's own file.
    expect(tidy.diagnostics.filter((d) => d.code === 'DATA_COLUMN_IGNORED')).toEqual([]);
    expect(tidy.diagnostics).toEqual([]);
  });

  it('round trip: seed observations written as CSV (semicolons, CRLF, quoted quotes and commas) load back equal', () => {
    const first = readObservationsFile(new URL('data/observations/seeds.csv', root).pathname).observations;
    const fields = ['indicator', 'region', 'period', 'value', 'qualifier', 'denominator', 'unit', 'series', 'status', 'source', 'quote'] as const;
    const cell = (v: unknown) => {
      const t = v === null ? '' : String(v);
      return /[;"\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
    };
    const csv = '\uFEFF' + [fields.join(';'), ...first.map((o) => fields.map((f) => cell(o[f])).join(';'))].join('\r\n') + '\r\n';
    const again = loadObservations(csv, { file: 'again.csv', decimal: 'dot' });
    expect(again.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(again.observations).toEqual(first);
  });

  it('the curated seed figures load with their quotes, qualifiers and fractions', () => {
    const r = readObservationsFile(new URL('data/observations/seeds.csv', root).pathname, { file: 'data/observations/seeds.csv' });
    const lines = new TextDecoder().decode(bytes('data/observations/seeds.csv')).trim().split('\n');
    expect(r.summary.rowsRead).toBe(lines.length - 1);
    expect(r.summary.observations).toBe(lines.length - 1);
    const study = r.observations.find((o) => o.indicator === 'study_participation');
    expect(study).toMatchObject({ region: '91', value: 98, qualifier: '>', unit: '%', quote: 'trên 98% đảng viên tham gia học tập' });
    const reg = r.observations.find((o) => o.indicator === 'party_org_registration');
    expect(reg).toMatchObject({ value: 30, denominator: 31 });
    // Notes and offsets are provenance columns chiso writes itself: neither warned about nor counted
    // as figures not loaded (they were never figures).
    expect(r.diagnostics.filter((d) => d.code === 'DATA_COLUMN_IGNORED')).toEqual([]);
    expect(r.summary.skipped).toBe(0);
    // A column chiso does not know is still reported, its cells counted.
    const other = loadObservations(lines.slice(0, 2).map((l, i) => (i === 0 ? l + ',remarks' : l + ',x')).join('\n'), { file: 'other.csv' });
    expect(other.diagnostics.filter((d) => d.code === 'DATA_COLUMN_IGNORED').map((d) => d.column)).toEqual(['remarks']);
    expect(other.summary.skipped).toBe(1);
  });

  it('reads Vietnamese headers, names with prefixes, decimal commas, qualifiers and fractions written in the value', () => {
    const csv = [
      'Chỉ tiêu;Tỉnh;Năm;Giá trị;Nguồn',
      'poverty_rate;Tỉnh Hà Tĩnh;2023;3,58%;báo cáo',
      'study_participation;Kien  Giang;2021;trên 98%;',
      'party_org_registration;thị xã Kỳ Anh;2022;30/31;',
      'poverty_rate;1;Sơ bộ 2016;1,3;',
      'poverty_rate;TP.Ho Chi Minh;2015;..;',
    ].join('\r\n');
    const r = loadObservations(csv, { file: 'vi.csv' });
    expect(r.summary.format).toBe('tidy');
    const [a, b, c, d, e] = r.observations;
    expect(a).toMatchObject({ indicator: 'poverty_rate', region: '42', period: '2023', value: 3.58, unit: '%', source: 'báo cáo' });
    expect(b).toMatchObject({ region: '91', value: 98, qualifier: '>', source: 'vi.csv#row=3' });
    expect(c).toMatchObject({ region: '42-tx-ky-anh', value: 30, denominator: 31, unit: 'tổ chức' });
    expect(d).toMatchObject({ region: '01', period: '2016', status: 'preliminary', value: 1.3 });
    expect(e).toMatchObject({ region: '79', value: null });
    expect(r.summary.missing).toBe(1);
    expect(r.diagnostics.map((x) => x.code)).toContain('DATA_REGION_CODE_PADDED');
  });

  it('a money figure with its own unit converts to the indicator unit; a unit that cannot convert is an error', () => {
    const r = loadObservations('indicator,region,period,value\nsocial_support,42-duc-tho,2021-2023,"trên 5,3 tỷ đồng"\nincome_per_capita,42-duc-tho,2023,"60,2 triệu đồng/người/năm"\n', { file: 'money.csv' });
    expect(r.observations[0]).toMatchObject({ value: 5300, unit: 'triệu đồng', qualifier: '>' });
    expect(r.observations[1].unit).toBe('nghìn đồng/người/tháng');
    expect(r.observations[1].value).toBeCloseTo(60_200 / 12, 6);
    const d = errorsOf('indicator,region,period,value\nnew_rural_communes,42,2020,50%\n');
    expect(d[0]).toMatchObject({ code: 'DATA_UNIT_CONFLICT', row: 2, column: 'value', value: '50%' });
  });

  it('takes the indicator, unit and period from the options when the table has no such column', () => {
    const r = loadObservations('region,value\n42,3.5\n91,2.7\n', { indicator: 'poverty_rate', period: '2020' });
    expect(r.observations.map((o) => [o.region, o.period, o.value, o.unit])).toEqual([['42', '2020', 3.5, '%'], ['91', '2020', 2.7, '%']]);
  });
});

describe('wide', () => {
  it('one column per period, indicator and unit from the options', () => {
    const csv = 'Tỉnh,2019,2020,2021 (sơ bộ)\nHà Tĩnh,"5,1","4,2","3,6"\nKiên Giang,"2,9",..,"2,0"\n';
    const r = loadObservations(csv, { file: 'wide.csv', indicator: 'poverty_rate' });
    expect(r.summary).toMatchObject({ format: 'wide', rowsRead: 2, observations: 6, missing: 1, skipped: 0, periods: ['2019', '2020', '2021'] });
    expect(r.observations[2]).toMatchObject({ region: '42', period: '2021', value: 3.6, status: 'preliminary', source: 'wide.csv#row=2&column=2021 (sơ bộ)' });
  });
  it('a GSO export read as wide (its title skipped) gives what the GSO reader gives', () => {
    const gso = loadObservations(bytes(POVERTY), { file: POVERTY });
    const wide = loadObservations(bytes(POVERTY), { file: POVERTY, format: 'wide', indicator: 'poverty_rate' });
    expect(wide.summary.format).toBe('wide');
    expect(wide.observations).toEqual(gso.observations);
    // `csv` detects the layout like `auto`, for callers that only know the file type.
    expect(loadObservations(bytes(POVERTY), { file: POVERTY, format: 'csv' }).summary.format).toBe('gso');
  });
  it('needs an indicator', () => {
    const d = errorsOf('Tỉnh,2019\nHà Tĩnh,5\n', { format: 'wide' });
    expect(d[0].code).toBe('DATA_MISSING_INDICATOR');
  });
  it('income as GSO writes it in a wide sheet converts nothing but keeps the unit given', () => {
    const r = loadObservations('region,2022\n01,"6,2"\n', { indicator: 'income_per_capita', unit: 'triệu đồng/người/tháng' });
    expect(r.observations[0]).toMatchObject({ value: 6.2, unit: 'triệu đồng/người/tháng' });
    expect(r.diagnostics.filter((d) => d.code === 'DATA_UNIT_MISMATCH')).toEqual([]);
  });
});

describe('json and arrow', () => {
  const obs = loadObservations(bytes(POVERTY), { file: POVERTY }).observations;

  it('json: an array, or { observations }, round trips', () => {
    const arr = loadObservations(JSON.stringify(obs), { file: 'p.json' });
    expect(arr.summary.format).toBe('json');
    expect(arr.observations).toEqual(obs);
    const wrapped = loadObservations(JSON.stringify({ observations: obs.slice(0, 3) }), { file: 'p.json' });
    expect(wrapped.observations).toEqual(obs.slice(0, 3));
  });

  it('json: a record that is not an object, a value that is text', () => {
    const d = errorsOf(JSON.stringify([{ indicator: 'poverty_rate', region: '42', period: 2016, value: 'nhiều' }, 5]), { file: 'x.json' });
    expect(d.map((x) => [x.code, x.row, x.column])).toEqual([['DATA_NOT_A_NUMBER', 1, 'value'], ['DATA_NOT_AN_OBJECT', 2, undefined]]);
    expect(errorsOf('{"observations": 3}')[0].code).toBe('DATA_JSON_SHAPE');
    expect(errorsOf('[{"indicator":')[0].code).toBe('DATA_BAD_JSON');
  });

  it('arrow: IPC bytes written by arquero load to the same observations', () => {
    const table = from(obs as unknown as Record<string, unknown>[]);
    for (const format of ['file', 'stream'] as const) {
      const ipc = toArrowIPC(table, { format });
      const r = loadObservations(ipc, { file: `p.${format}.arrow` });
      expect(r.summary.format).toBe('arrow');
      expect(r.observations).toEqual(obs);
    }
  });
});

describe('validation errors name code, file, row, column and value', () => {
  const head = 'indicator,region,period,value\n';
  it('empty file', () => {
    expect(errorsOf('')[0]).toMatchObject({ code: 'DATA_EMPTY', file: 'bad.csv' });
    expect(errorsOf(new Uint8Array())[0].code).toBe('DATA_EMPTY');
    expect(errorsOf('\r\n \r\n')[0].code).toBe('DATA_EMPTY');
  });
  it('missing required columns, naming them and what was found', () => {
    const d = errorsOf('indicator,place,when,value\npoverty_rate,42,2016,5\n', { format: 'tidy' });
    expect(d[0]).toMatchObject({ code: 'DATA_MISSING_COLUMNS', row: 1 });
    expect(d[0].en).toContain('region, period');
    expect(d[0].en).toContain('"place"');
    expect(d[0].vi).toContain('Thiếu cột bắt buộc');
  });
  it('a non-number where a number belongs', () => {
    const d = errorsOf(head + 'poverty_rate,42,2016,5\npoverty_rate,42,2017,năm phẩy hai\n');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'DATA_NOT_A_NUMBER', file: 'bad.csv', row: 3, column: 'value', value: 'năm phẩy hai' });
  });
  it('an unknown region, with the closest names', () => {
    const d = errorsOf(head + 'poverty_rate,Ha Tnh,2016,5\n');
    expect(d[0]).toMatchObject({ code: 'DATA_UNKNOWN_REGION', row: 2, column: 'region', value: 'Ha Tnh' });
    expect(d[0].vi).toContain('Hà Tĩnh (42)');
  });
  it('an ambiguous region', () => {
    const d = errorsOf(head + 'poverty_rate,Kỳ Anh,2016,5\n');
    expect(d[0]).toMatchObject({ code: 'DATA_AMBIGUOUS_REGION', row: 2, column: 'region' });
    expect(d[0].en).toContain('42-tx-ky-anh');
    expect(d[0].en).toContain('42-ky-anh');
  });
  it('duplicate observations report both rows', () => {
    const d = errorsOf(head + 'poverty_rate,42,2016,5\npoverty_rate,91,2016,3\npoverty_rate,Hà Tĩnh,2016,6\n');
    expect(d[0]).toMatchObject({ code: 'DATA_DUPLICATE', row: 4 });
    expect(d[0].en).toContain('already at row 2');
    expect(d[0].vi).toContain('đã có ở dòng 2');
  });
  it('a percentage over 100', () => {
    const d = errorsOf(head + 'poverty_rate,42,2016,101\n');
    expect(d[0]).toMatchObject({ code: 'DATA_PERCENT_OVER_100', row: 2, column: 'value', value: '101' });
  });
  it('an unknown indicator, once, listing the known ones', () => {
    const d = errorsOf(head + 'poverty,42,2016,5\npoverty,91,2016,5\n');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'DATA_UNKNOWN_INDICATOR', row: 2, column: 'indicator', value: 'poverty' });
    expect(d[0].en).toContain('poverty_rate');
  });
  it('an unknown format keyword', () => {
    const d = errorsOf(head, { format: 'xlsx' as never });
    expect(d[0]).toMatchObject({ code: 'DATA_UNKNOWN_FORMAT', value: 'xlsx' });
    expect(d[0].en).toContain('auto, csv, tidy, wide, gso, json, arrow');
  });
  it('a bad period and an unrecognized layout', () => {
    expect(errorsOf(head + 'poverty_rate,42,năm ngoái,5\n')[0]).toMatchObject({ code: 'DATA_BAD_PERIOD', row: 2, column: 'period' });
    expect(errorsOf('a,b\n1,2\n')[0].code).toBe('DATA_UNKNOWN_LAYOUT');
  });
  it('collects every error before throwing, up to the cap', () => {
    const bad = head + 'poverty_rate,42,2016,x\npoverty_rate,Nowhere,2016,5\npoverty_rate,42,2017,200\n';
    expect(errorsOf(bad).map((d) => d.code)).toEqual(['DATA_NOT_A_NUMBER', 'DATA_UNKNOWN_REGION', 'DATA_PERCENT_OVER_100']);
    expect(errorsOf(bad, { maxErrors: 1 }).map((d) => d.code)).toEqual(['DATA_NOT_A_NUMBER', 'DATA_MORE_ERRORS']);
  });
  it('strict: false returns the errors and counts what they cost', () => {
    const bad = head + 'poverty_rate,42,2016,x\npoverty_rate,Nowhere,2016,5\npoverty_rate,42,2017,4\n';
    const r = loadObservations(bad, { file: 'bad.csv', strict: false });
    expect(r.observations.map((o: Observation) => o.period)).toEqual(['2017']);
    expect(r.summary).toMatchObject({ rowsRead: 3, observations: 1, skipped: 2, regionsUnmatched: ['Nowhere'] });
    expect(r.diagnostics.filter((d) => d.level === 'error')).toHaveLength(2);
  });
  it('the GSO export with a region the registry cannot know fails naming its row', () => {
    const text = new TextDecoder().decode(bytes(POVERTY)).replace('"Ha Giang"', '"Atlantis"');
    const d = errorsOf(text, { file: POVERTY });
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'DATA_UNKNOWN_REGION', file: POVERTY, row: 19, column: 'Cities, provincies', value: 'Atlantis' });
  });
});

describe('periods', () => {
  it('years, ranges, months, days, preliminary marks and the word "năm"', async () => {
    const { parsePeriod, parsePeriodHeader } = await import('../../src/data/index.js');
    expect(parsePeriod('2016')).toEqual({ period: '2016', status: 'final' });
    expect(parsePeriod(2016)).toEqual({ period: '2016', status: 'final' });
    expect(parsePeriod('2021 – 2025')).toEqual({ period: '2021-2025', status: 'final' });
    expect(parsePeriod('2024-05-07')).toEqual({ period: '2024-05-07', status: 'final' });
    expect(parsePeriod('Pre. 2016')).toEqual({ period: '2016', status: 'preliminary' });
    expect(parsePeriod('Sơ bộ 2016')).toEqual({ period: '2016', status: 'preliminary' });
    expect(parsePeriod('2016 (sơ bộ)')).toEqual({ period: '2016', status: 'preliminary' });
    expect(parsePeriod('Năm 2016')).toEqual({ period: '2016', status: 'final' });
    expect(parsePeriod('2025-2021')).toBeNull();
    expect(parsePeriod('2024-13')).toBeNull();
    expect(parsePeriod('năm ngoái')).toBeNull();
    expect(parsePeriodHeader('Pre. 2016 Salary & wage')).toEqual({ period: '2016', status: 'preliminary', series: 'Salary & wage' });
    expect(parsePeriod('Prel. 2016')).toEqual({ period: '2016', status: 'preliminary' });
    // GSO's population table: the series first, and only GSO's words for it.
    expect(parsePeriodHeader('Total 2006')).toEqual({ period: '2006', status: 'final', series: 'Total' });
    expect(parsePeriodHeader('Urban Prel. 2016')).toEqual({ period: '2016', status: 'preliminary', series: 'Urban' });
    expect(parsePeriodHeader('Ghi chú 2016')).toBeNull();
    expect(parsePeriodHeader('Total 2016 Male')).toBeNull();
  });
});
