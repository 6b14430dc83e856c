import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadObservations, detectCsvFormat, parseCsv } from '../../src/data/index.js';
import { readObservationsFile } from '../../src/node.js';

const root = new URL('../../', import.meta.url);
const path = (name: string) => `data/gso/raw/${name}.csv`;
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(path(name), root)));

/** An independent count straight from the file: data lines after the header, cells, `..` cells. */
function countFile(name: string) {
  const text = new TextDecoder('latin1').decode(bytes(name));
  const lines = text.split('\r\n').filter((l) => l.trim() !== '');
  const header = lines[1].split(';').length - 1; // period columns (the first is the region column)
  const data = lines.slice(2);
  const missing = data.reduce((n, l) => n + l.split(';').slice(1).filter((c) => c === '..').length, 0);
  return { rows: data.length, periodColumns: header, cells: data.length * header, missing };
}

const cases = [
  { name: 'poverty_rate_by_province', indicator: 'poverty_rate', unit: '%', periods: ['2006', '2008', '2010', '2012', '2013', '2014', '2015', '2016'] },
  { name: 'monthly_income_per_capita_by_province', indicator: 'income_per_capita', unit: 'nghìn đồng/người/tháng', periods: ['2010', '2012', '2014', '2016'] },
  { name: 'administrative_units_by_province', indicator: 'admin_units', unit: null, periods: ['2009', '2010', '2011', '2012', '2013', '2014', '2015', '2016'] },
];

describe('GSO PX-Web exports', () => {
  for (const c of cases) {
    it(`${c.name}: every province row x every period column, .. counted as missing`, () => {
      const expected = countFile(c.name);
      const r = loadObservations(bytes(c.name), { file: path(c.name) });
      expect(r.summary.format).toBe('gso');
      expect(r.summary.rowsRead).toBe(expected.rows);
      expect(r.summary.observations).toBe(expected.cells);
      expect(r.summary.missing).toBe(expected.missing);
      expect(r.observations.filter((o) => o.value === null)).toHaveLength(expected.missing);
      expect(r.summary.skipped).toBe(0);
      expect(r.summary.regionsUnmatched).toEqual([]);
      expect(r.summary.indicators).toEqual([c.indicator]);
      expect(r.summary.periods).toEqual(c.periods);
      expect(r.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
      if (c.unit) for (const o of r.observations) expect(o.unit).toBe(c.unit);
      for (const o of r.observations) expect(o.source.startsWith(path(c.name) + '#row=')).toBe(true);
      // The country and the six regions are in, as VN and R1..R6.
      const regions = new Set(r.observations.map((o) => o.region));
      for (const id of ['VN', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6']) expect(regions.has(id)).toBe(true);
      expect(regions.size).toBe(expected.rows);
    });
  }

  it('poverty: figures, preliminary 2016, Hà Tây and HCMC gaps as written', () => {
    const r = loadObservations(bytes('poverty_rate_by_province'), { file: path('poverty_rate_by_province') });
    const get = (region: string, period: string) => r.observations.find((o) => o.region === region && o.period === period);
    expect(get('VN', '2006')).toMatchObject({ value: 15.5, status: 'final', series: null, source: 'data/gso/raw/poverty_rate_by_province.csv#row=4&column=2006' });
    expect(get('VN', '2016')).toMatchObject({ value: 5.8, status: 'preliminary' });
    expect(get('42', '2006')?.value).toBe(31.5); // Ha Tinh
    expect(get('ha-tay', '2006')?.value).toBe(12.4);
    expect(get('ha-tay', '2008')?.value).toBeNull();
    expect(get('79', '2016')?.value).toBeNull(); // Ho Chi Minh city, `..`
    expect(get('49', '2015')?.value).toBe(10.6); // "Quang  Nam" with two spaces
    // The `Pre. 2016` column: 71 cells, of which Hà Tây and TP Hồ Chí Minh have no figure (missing).
    expect(r.observations.filter((o) => o.source.endsWith('column=Pre. 2016'))).toHaveLength(71);
    expect(r.observations.filter((o) => o.status === 'preliminary')).toHaveLength(69);
  });

  it('income: year x source sub-series, 1387.0 read as a decimal', () => {
    const r = loadObservations(bytes('monthly_income_per_capita_by_province'), { file: 'income.csv' });
    const vn2010 = r.observations.filter((o) => o.region === 'VN' && o.period === '2010');
    expect(vn2010).toHaveLength(5);
    const total = vn2010.find((o) => o.series === 'total');
    expect(total?.value).toBe(1387);
    expect(new Set(r.observations.map((o) => o.series)).size).toBe(5);
  });

  it('administrative units: Windows-1252 bytes decoded (Bình Dinh), series per unit type', () => {
    const r = loadObservations(bytes('administrative_units_by_province'), { file: 'admin.csv' });
    expect(r.diagnostics.map((d) => d.code)).toContain('DATA_ENCODING_FALLBACK');
    const binhDinh = r.observations.filter((o) => o.region === '52');
    expect(binhDinh).toHaveLength(56);
    expect(new Set(r.observations.map((o) => o.series)).size).toBe(7);
    const communes2016 = r.observations.find((o) => o.region === '96' && o.period === '2016' && o.series?.includes('commune'));
    expect(communes2016?.value).toBe(82); // Ca Mau, last cell of the file
  });

  it('is detected as gso, and readObservationsFile reads it from disk', () => {
    const text = new TextDecoder().decode(bytes('poverty_rate_by_province'));
    expect(detectCsvFormat(parseCsv(text).rows)).toBe('gso');
    const r = readObservationsFile(new URL(path('poverty_rate_by_province'), root).pathname, { file: path('poverty_rate_by_province') });
    expect(r.summary.observations).toBe(568);
  });
});
