// The derived files under data/observations/: they must be exactly what scripts/build-data.mjs builds
// now from the raw originals with chiso's loader, and agree cell by cell with a second, independent
// reading of the GSO exports (scripts/data/gso.mjs).
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildData, CURATED, GSO_FILES, WEIGHT_FILES } from '../../scripts/build-data.mjs';
import { readRecords } from '../../scripts/data/csv.mjs';
import { decodeGso, readGsoCells } from '../../scripts/data/gso.mjs';
import { loadObservations } from '../../src/data/index.js';
import { getRegion, isIndicatorId, matchRegion, getIndicator } from '../../src/registry/index.js';

const root = new URL('../../', import.meta.url);
const bytes = (p: string) => readFileSync(new URL(p, root));
const text = (p: string) => readFileSync(new URL(p, root), 'utf8');
const built = buildData({ readBytes: bytes, loadObservations });

describe('data/observations/', () => {
  it('holds exactly what `npm run data` builds now (rebuild with `npm run data` after changing a source)', () => {
    expect(built.map((f) => f.path).sort()).toEqual([...GSO_FILES.map((s) => s.out), ...WEIGHT_FILES.map((s) => s.out), ...CURATED.map((c) => c.out)].sort());
    for (const f of built) {
      expect(existsSync(new URL(f.path, root)), f.path).toBe(true);
      expect(text(f.path) === f.text, `${f.path} is stale: run npm run data`).toBe(true);
    }
  });

  it('copies the curated files byte for byte', () => {
    for (const c of CURATED) expect(text(c.out)).toBe(text(c.from));
  });

  for (const spec of GSO_FILES) {
    describe(spec.out, () => {
      const rows = readRecords(text(spec.out));
      const cells = readGsoCells(decodeGso(bytes(spec.raw)), spec.raw);
      const regionRows = new Set(cells.map((c) => c.line)).size;
      const columns = new Set(cells.map((c) => c.column)).size;

      it('has one observation per region row and period column of the export, missing ones included', () => {
        expect(cells.length).toBe(regionRows * columns);
        expect(rows.length).toBe(regionRows * columns);
      });

      it('keeps every `..` as an empty value, never a zero, never dropped', () => {
        const missing = cells.filter((c) => c.value === null).length;
        expect(rows.filter((r) => r.value === '').length).toBe(missing);
      });

      it('agrees cell by cell with an independent reading of the export', () => {
        const bySource = new Map(rows.map((r) => [r.source, r]));
        expect(bySource.size).toBe(rows.length);
        for (const c of cells) {
          const r = bySource.get(`${spec.raw}#row=${c.line}&column=${c.column}`);
          expect(r, `${c.name} ${c.column}`).toBeDefined();
          if (!r) continue;
          expect(r.value === '' ? null : Number(r.value), `${c.name} ${c.column}`).toBe(c.value);
          expect(r.period).toBe(c.period);
          expect(r.status).toBe(c.status);
          const m = matchRegion(c.name);
          expect(m.ok && m.region.id, c.name).toBe(r.region);
        }
      });

      it('uses catalogue ids, units and series, and resolvable regions', () => {
        for (const r of rows) {
          expect(r.indicator).toBe(spec.indicator);
          expect(isIndicatorId(r.indicator)).toBe(true);
          expect(getRegion(r.region), r.region).toBeDefined();
          const ind = getIndicator(r.indicator);
          expect(r.unit).toBe(ind.unit);
          if (r.series !== '') expect(Object.keys(ind.series ?? {})).toContain(r.series);
        }
      });

      it('cites the export, row and column of every figure', () => {
        for (const r of rows) expect(r.source.startsWith(`${spec.raw}#row=`), r.source).toBe(true);
        expect(existsSync(new URL(spec.raw, root))).toBe(true);
      });
    });
  }

  describe('data/weights/population.csv', () => {
    const spec = WEIGHT_FILES[0];
    const rows = readRecords(text(spec.out));
    // The independent reading, cut as the weight file is: the total, 2006-2016.
    const cells = readGsoCells(decodeGso(bytes(spec.raw)), spec.raw).filter((c) => c.sub === 'Total' && Number(c.period) >= 2006 && Number(c.period) <= 2016);

    it('holds the total of every region row for 2006-2016, agreeing cell by cell with an independent reading', () => {
      expect(cells.length).toBe(71 * 11);
      expect(rows.length).toBe(cells.length);
      const bySource = new Map(rows.map((r) => [r.source, r]));
      for (const c of cells) {
        const r = bySource.get(`${spec.raw}#row=${c.line}&column=${c.column}`);
        expect(r, `${c.name} ${c.column}`).toBeDefined();
        if (!r) continue;
        expect(r.value === '' ? null : Number(r.value), `${c.name} ${c.column}`).toBe(c.value);
        expect([r.period, r.status, r.indicator, r.unit, r.series]).toEqual([c.period, c.status, 'population', 'nghìn người', 'total']);
        const m = matchRegion(c.name);
        expect(m.ok && m.region.id, c.name).toBe(r.region);
      }
    });

    it('has a figure for each of the 63 provinces in every year; only Hà Tây after 2007 is missing', () => {
      const missing = rows.filter((r) => r.value === '');
      expect(missing.map((r) => `${r.region} ${r.period}`)).toEqual(['2008', '2009', '2010', '2011', '2012', '2013', '2014', '2015', '2016'].map((y) => `ha-tay ${y}`));
      for (let y = 2008; y <= 2016; y++) {
        const provinces = new Set(rows.filter((r) => r.period === String(y) && r.value !== '' && getRegion(r.region)?.level === 'province').map((r) => r.region));
        expect(provinces.size, String(y)).toBe(63);
      }
      expect(rows.find((r) => r.region === '01' && r.period === '2016')?.value).toBe('7328.4');
    });
  });

  it('marks only the `Pre. 2016` columns preliminary, and every cell with no figure missing', () => {
    for (const spec of GSO_FILES) {
      for (const r of readRecords(text(spec.out))) {
        if (r.value === '') {
          expect(r.status, r.source).toBe('missing');
          continue;
        }
        expect(r.status === 'preliminary', r.source).toBe(r.source.includes('column=Pre. 2016'));
      }
    }
  });

  const bundle = [...GSO_FILES.map((s) => s.out), ...CURATED.map((c) => c.out)].flatMap((p) => readRecords(text(p)));

  it('gives every poverty figure its standard as series, or "unknown"; the 2010 and Pre. 2016 GSO columns are unknown', () => {
    const standards = Object.keys(getIndicator('poverty_rate').series ?? {});
    expect(standards).toEqual(['2006-2010', '2011-2015', '2016-2020', '2021-2025', 'unknown']);
    const poverty = bundle.filter((r) => ['poverty_rate', 'near_poor_rate', 'poor_near_poor_rate'].includes(r.indicator));
    for (const r of poverty) expect(standards, `${r.source} ${r.period}`).toContain(r.series);
    const gso = (column: string) => new Set(poverty.filter((r) => r.source.endsWith(`column=${column}`)).map((r) => r.series));
    expect(gso('2008')).toEqual(new Set(['2006-2010']));
    expect(gso('2010')).toEqual(new Set(['unknown']));
    expect(gso('2014')).toEqual(new Set(['2011-2015']));
    expect(gso('Pre. 2016')).toEqual(new Set(['unknown']));
    // The Quảng Ngãi yearbook states the 2011-2015 standard for its 2010 figure.
    const qn2010 = poverty.find((r) => r.region === '51' && r.period === '2010' && r.value === '23.92');
    expect(qn2010?.series).toBe('2011-2015');
  });

  it('holds no conflicting duplicates: one figure per indicator, region, period and series across every file', () => {
    const seen = new Map<string, Record<string, string>>();
    const conflicts: string[] = [];
    for (const r of bundle) {
      const key = [r.indicator, r.region, r.period, r.series].join('|');
      const first = seen.get(key);
      if (first && first.value !== r.value) conflicts.push(`${key}: ${first.value} (${first.source}) vs ${r.value} (${r.source})`);
      if (!first) seen.set(key, r);
    }
    expect(conflicts).toEqual([]);
  });

  it('reads the real figures: poverty in Vietnam 15.5% (2006) to 5.8% (2016, preliminary); Hà Tây only in 2006', () => {
    const pov = readRecords(text('data/observations/poverty_rate.csv'));
    const vn = pov.filter((r) => r.region === 'VN').map((r) => [r.period, r.value, r.status]);
    expect(vn).toEqual([
      ['2006', '15.5', 'final'], ['2008', '13.4', 'final'], ['2010', '14.2', 'final'], ['2012', '11.1', 'final'],
      ['2013', '9.8', 'final'], ['2014', '8.4', 'final'], ['2015', '7', 'final'], ['2016', '5.8', 'preliminary'],
    ]);
    expect(pov.filter((r) => r.region === 'ha-tay' && r.value !== '').map((r) => [r.period, r.value])).toEqual([['2006', '12.4']]);
    // 63 provinces + Hà Tây + 6 regions + the country.
    expect(new Set(pov.map((r) => r.region)).size).toBe(71);
  });

  it('decodes the Windows-1252 administrative-units export (Bình Định, code 52) and the national commune count', () => {
    const adm = readRecords(text('data/observations/admin_units.csv'));
    expect(adm.filter((r) => r.region === '52').length).toBe(8 * 7);
    const communes = (period: string) => adm.find((r) => r.region === 'VN' && r.series === 'communes' && r.period === period)?.value;
    expect(communes('2009')).toBe('9121');
    expect(communes('2016')).toBe('8978');
  });

  it('reads monthly income in thousand VND: Vietnam 1387 (2010) to 3049 (2016, preliminary)', () => {
    const inc = readRecords(text('data/observations/income_per_capita.csv'));
    const total = inc.filter((r) => r.region === 'VN' && r.series === 'total').map((r) => [r.period, r.value, r.status]);
    expect(total).toEqual([['2010', '1387', 'final'], ['2012', '2000', 'final'], ['2014', '2637', 'final'], ['2016', '3049', 'preliminary']]);
  });
});
