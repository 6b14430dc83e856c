import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { aboutData, aboutEntries } from '../../src/charts/about.js';
import { bundleFiles, zipBundle, BUNDLE_FILES } from '../../src/render/bundle.js';
import { addIndicators } from '../../src/registry/indicators.js';
import type { Observation } from '../../src/types.js';

const obs = (o: Partial<Observation>): Observation => ({
  indicator: 'poverty_rate', region: '42', period: '2014', value: 10, qualifier: null, denominator: null, unit: '%', series: null,
  status: 'final', source: 'data/gso/raw/poverty_rate_by_province.csv#row=5', quote: null, ...o,
});

// Hà Tĩnh, 2014-2016: two poverty standards, one figure preliminary.
const poverty = [
  obs({ period: '2014', value: 16.8, series: '2011-2015' }),
  obs({ period: '2015', value: 13.9, series: '2011-2015' }),
  obs({ period: '2016', value: 12.1, series: '2016-2020', status: 'preliminary' }),
];

describe('aboutData', () => {
  it('names the two standards shown, the agency with its dates, and says they are not comparable', () => {
    const vi = aboutData(poverty, 'poverty_rate', 'vi');
    expect(vi.label).toBe('Tỷ lệ hộ nghèo');
    expect(vi.breaks).toEqual(['Chuẩn nghèo giai đoạn 2011-2015', 'Chuẩn nghèo đa chiều giai đoạn 2016-2020']);
    expect(vi.sources).toEqual(['Tổng cục Thống kê (đến 28/02/2025)']);
    expect(vi.formula).toContain('tổng số hộ');
    expect(vi.direction).toBe('càng thấp càng tốt');
    expect(vi.periodicity).toBe('hằng năm');
    expect(vi.lastUpdated).toBe('2016 (sơ bộ)');
    expect(vi.periods).toEqual({ first: '2014', last: '2016' });
    expect(vi.notes.join(' ')).toMatch(/không so sánh được/);
    expect(vi.notes.join(' ')).toMatch(/1 số liệu sơ bộ/);
    const en = aboutData(poverty, 'poverty_rate', 'en');
    expect(en.breaks).toEqual(['Poverty standard for 2011-2015', 'Multidimensional poverty standard for 2016-2020']);
    expect(en.sources).toEqual(['General Statistics Office (until 28 February 2025)']);
    expect(aboutEntries(en, 'en').map((e) => e.field)).toEqual(['definition', 'unit', 'kind', 'direction', 'formula', 'sources', 'periodicity', 'lastUpdated', 'breaks', 'notes']);
  });

  it('names the agency as it was called after March 2025', () => {
    const a = aboutData([obs({ period: '2024', series: '2021-2025' }), obs({ period: '2025', series: '2021-2025' })], 'poverty_rate', 'vi');
    expect(a.sources).toEqual(['Tổng cục Thống kê (đến 28/02/2025)', 'Cục Thống kê (Bộ Tài chính) (từ 01/03/2025)']);
    expect(a.breaks).toEqual(['Chuẩn nghèo đa chiều giai đoạn 2021-2025']);
  });

  it('describes an indicator from a user catalogue, with the page it came from', () => {
    addIndicators([{ id: 'about_test_clinics', label: { vi: 'Số trạm y tế xã', en: 'Commune health stations' }, unit: 'trạm', lowerIsBetter: false, kind: 'count', breaks: [], description: { vi: 'Trạm y tế xã có bác sĩ.', en: 'Stations with a doctor.' } }]);
    const rows = [2018, 2020, 2022].map((y) => obs({ indicator: 'about_test_clinics', period: String(y), value: y - 2000, unit: 'trạm', source: 'https://soyte.hatinh.gov.vn/bao-cao' }));
    const a = aboutData(rows, 'about_test_clinics', 'en');
    expect(a.label).toBe('Commune health stations');
    expect(a.definition).toBe('Stations with a doctor.');
    expect(a.kind).toBe('count');
    expect(a.direction).toBe('higher is better');
    expect(a.formula).toBeNull();
    expect(a.sources).toEqual(['soyte.hatinh.gov.vn/bao-cao']);
    expect(a.periodicity).toBe('every 2 years');
    expect(a.breaks).toEqual([]);
    expect(a.notes).toEqual([]);
  });

  it('describes figures of an indicator the catalogue does not know from their rows alone', () => {
    const a = aboutData([obs({ indicator: 'not_in_catalogue', unit: 'xã', source: 'https://example.vn/a' })], 'not_in_catalogue', 'vi');
    expect(a).toMatchObject({ label: 'not_in_catalogue', unit: 'xã', kind: null, direction: null, definition: null, breaks: [], sources: ['example.vn/a'], periodicity: 'một kỳ' });
  });
});

describe('bundleFiles', () => {
  it('writes the CSV with a BOM and region names, metadata, a bilingual README and a citation, zipped', async () => {
    const files = bundleFiles({ rows: poverty, spec: { mark: 'line' }, query: { indicator: 'poverty_rate', regions: ['42'] }, lang: 'vi', url: 'https://example.vn/ngheo', date: '2026-12-07' });
    expect(Object.keys(files)).toEqual([...BUNDLE_FILES]);
    expect(files['data.csv'].startsWith('\uFEFFindicator,region,region_name,')).toBe(true);
    expect(files['data.csv']).toContain('42,Hà Tĩnh,2014');
    const meta = JSON.parse(files['metadata.json']);
    expect(meta.about.vi[0].breaks).toHaveLength(2);
    expect(meta.query.regions).toEqual(['42']);
    expect(meta.spec).toEqual({ mark: 'line' });
    expect(files['CITATION.txt']).toContain('Tỷ lệ hộ nghèo, Hà Tĩnh, 2014–2016. Nguồn: Tổng cục Thống kê (đến 28/02/2025). Truy xuất từ https://example.vn/ngheo ngày 07/12/2026, bằng chiso.');
    expect(files['CITATION.txt']).toContain('Retrieved from https://example.vn/ngheo on 7 December 2026, with chiso.');
    expect(files['README.md']).toContain('## Tiếng Việt');
    expect(files['README.md']).toContain('## English');
    const unzipped = unzipSync(await zipBundle(files));
    expect(Object.keys(unzipped).sort()).toEqual([...BUNDLE_FILES].sort());
    // Buffer keeps the BOM (TextDecoder would drop it).
    expect(Buffer.from(unzipped['data.csv']).toString('utf8')).toBe(files['data.csv']);
  });
});
