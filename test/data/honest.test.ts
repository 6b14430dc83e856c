// What a careful reader is owed by the loader: missing cells marked missing, a header with no rows
// refused, and a unit used outside its validity warned about with row and column.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadObservations } from '../../src/data/index.js';
import { ChisoError } from '../../src/errors.js';

const root = new URL('../../', import.meta.url);
const POVERTY = 'data/gso/raw/poverty_rate_by_province.csv';

describe('honest loading', () => {
  it('marks every missing cell `missing`, not final (Hà Tây after 2006, TP Hồ Chí Minh 2016)', () => {
    const { observations } = loadObservations(new Uint8Array(readFileSync(new URL(POVERTY, root))), { file: POVERTY });
    const missing = observations.filter((o) => o.value === null);
    expect(missing.length).toBe(8);
    for (const o of missing) expect(o.status).toBe('missing');
    expect(observations.filter((o) => o.value !== null).every((o) => o.status !== 'missing')).toBe(true);
    const tidy = loadObservations('indicator,region,period,value\npoverty_rate,42,2016,..\n', { file: 't.csv' }).observations;
    expect(tidy[0].status).toBe('missing');
  });

  it('refuses a file with a header and no data rows, in both languages', () => {
    for (const text of ['indicator,region,period,value\n', 'Tỉnh;2014;2015\n']) {
      try {
        loadObservations(text, { file: 'empty.csv', indicator: 'poverty_rate' });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ChisoError);
        const err = e as ChisoError;
        expect(err.code).toBe('DATA_NO_ROWS');
        expect(err.text('vi')).toContain('không có dòng số liệu');
        expect(err.text('en')).toContain('no data rows');
      }
    }
  });

  it('warns about Hà Tây in 2014-2016, naming row and column, in both languages', () => {
    const text = 'Tỉnh;2006;2014;2016\nHà Tây;12,1;5,0;4,2\nHà Tĩnh;31,5;16,4;11,0\n';
    const { observations, diagnostics } = loadObservations(text, { file: 'user.csv', indicator: 'poverty_rate' });
    expect(observations).toHaveLength(6);
    const warnings = diagnostics.filter((d) => d.code === 'DATA_REGION_NOT_VALID');
    expect(warnings.map((w) => [w.row, w.column, w.level])).toEqual([[2, '2014', 'warning'], [2, '2016', 'warning']]);
    expect(warnings[0].vi).toContain('Hà Tây');
    expect(warnings[0].vi).toContain('2008-07-31');
    expect(warnings[0].en).toContain('did not exist in 2014');
  });
});
