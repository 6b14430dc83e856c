import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import {
  formatNumber, formatValue, formatPeriod, formatDate, periodPhrase, vegaNumberLocale, vegaTimeLocale, decimalsOf, toLang,
} from '../../src/format/index.js';
import { isChisoError } from '../../src/errors.js';

describe('formatNumber', () => {
  it('writes Vietnamese numbers with a decimal comma and dot grouping', () => {
    expect(formatNumber(3.58, 'vi')).toBe('3,58');
    expect(formatNumber(3051, 'vi')).toBe('3.051');
    expect(formatNumber(1234567.891, 'vi', { decimals: 1 })).toBe('1.234.567,9');
    expect(formatNumber(-0.5, 'vi')).toBe('-0,5');
    expect(formatNumber(7, 'vi', { decimals: 1 })).toBe('7,0');
  });
  it('writes English numbers the other way round', () => {
    expect(formatNumber(3.58, 'en')).toBe('3.58');
    expect(formatNumber(3051, 'en')).toBe('3,051');
  });
  it('uses magnitude words', () => {
    expect(formatNumber(1_200_000, 'vi', { magnitude: true })).toBe('1,2 triệu');
    expect(formatNumber(60_200_000, 'vi', { magnitude: 1e6 })).toBe('60,2 triệu');
    expect(formatNumber(3_500_000_000, 'vi', { magnitude: true })).toBe('3,5 tỷ');
    expect(formatNumber(45_000, 'vi', { magnitude: true })).toBe('45 nghìn');
    expect(formatNumber(3051, 'vi', { magnitude: 1e6 })).toBe('3.051');
    expect(formatNumber(1_200_000, 'en', { magnitude: true })).toBe('1.2 million');
    expect(formatNumber(2e9, 'en', { magnitude: true })).toBe('2 billion');
  });
  it('signs changes and rounds half away from zero, as Vega draws the figure', () => {
    expect(formatNumber(1.2, 'vi', { signed: true })).toBe('+1,2');
    expect(formatNumber(0, 'vi', { signed: true })).toBe('0');
    expect(formatNumber(-0.001, 'vi', { decimals: 2, signed: true })).toBe('0,00');
    // An exact half rounds away from zero; 1.005 and 2.675 are stored just below the half (1.00499…,
    // 2.67499…), and Vega's axes and legends print them rounded down: the text says what the chart shows.
    expect(formatNumber(0.125, 'en', { decimals: 2 })).toBe('0.13');
    expect(formatNumber(-0.125, 'en', { decimals: 2 })).toBe('-0.13');
    expect(formatNumber(2.5, 'vi', { decimals: 0 })).toBe('3');
    expect(formatNumber(1.005, 'en', { decimals: 2 })).toBe('1.00');
    expect(formatNumber(2.675, 'vi')).toBe('2,67');
  });
  it('finds the decimals the figures were written with', () => {
    expect(decimalsOf([15.5, 13.4, 7])).toBe(1);
    expect(decimalsOf([3.58, 2])).toBe(2);
    expect(decimalsOf([30, 31, null])).toBe(0);
  });
});

describe('formatValue', () => {
  const base = { qualifier: null, denominator: null, unit: '%' } as const;
  it('keeps qualifiers and fractions as written', () => {
    expect(formatValue({ ...base, value: 98, qualifier: '>' }, 'vi')).toBe('>98%');
    expect(formatValue({ ...base, value: 98, qualifier: '>' }, 'vi', { qualifier: 'words' })).toBe('trên 98%');
    expect(formatValue({ ...base, value: 98, qualifier: '>' }, 'en', { qualifier: 'words' })).toBe('over 98%');
    expect(formatValue({ value: 30, denominator: 31, unit: '%', qualifier: null }, 'vi')).toBe('30/31');
    expect(formatValue({ value: 8, denominator: 9, unit: 'tiêu chí', qualifier: null }, 'vi')).toBe('8/9 tiêu chí');
  });
  it('adds the unit from the catalogue in the locale', () => {
    expect(formatValue({ ...base, value: 3.58 }, 'vi')).toBe('3,58%');
    expect(formatValue({ ...base, value: 60.2, unit: 'triệu đồng/người/năm' }, 'vi')).toBe('60,2 triệu đồng/người/năm');
    expect(formatValue({ ...base, value: 60.2, unit: 'triệu đồng/người/năm' }, 'en')).toBe('60.2 million VND per person per year');
    expect(formatValue({ ...base, value: 3051, unit: 'gương' }, 'vi')).toBe('3.051 gương');
    expect(formatValue({ ...base, value: null }, 'vi')).toBe('–');
  });
});

describe('formatPeriod and formatDate', () => {
  it('writes dates day first in Vietnamese', () => {
    expect(formatDate('2024-05-07', 'vi')).toBe('07/05/2024');
    expect(formatDate(new Date(Date.UTC(2024, 4, 7)), 'vi')).toBe('07/05/2024');
    expect(formatDate('2024-05-07', 'en')).toBe('7 May 2024');
  });
  it('writes years, ranges, months and preliminary marks', () => {
    expect(formatPeriod('2016', 'vi')).toBe('2016');
    expect(formatPeriod('2016', 'vi', { status: 'preliminary' })).toBe('2016 (sơ bộ)');
    expect(formatPeriod('2016', 'en', { status: 'preliminary' })).toBe('2016 (preliminary)');
    expect(formatPeriod('2021-2023', 'vi')).toBe('2021–2023');
    expect(formatPeriod('2024-05', 'vi')).toBe('tháng 5/2024');
    expect(formatPeriod('2024-05-07', 'vi')).toBe('07/05/2024');
  });
});

describe('locales', () => {
  it('refuses an unknown locale, naming it', () => {
    expect(toLang(undefined)).toBe('vi');
    try {
      toLang('fr');
      expect.unreachable();
    } catch (e) {
      expect(isChisoError(e) && e.code).toBe('FORMAT_UNKNOWN_LOCALE');
      expect(String((e as Error).message)).toContain('"fr"');
    }
  });

  it('makes vega print 3,58 and 3.051 (and Vietnamese dates)', async () => {
    // vega's typings declare these as void; at run time they return d3 locales (and set vega's default).
    type NumberLocale = { format(spec: string): (n: number) => string };
    type TimeLocale = { utcFormat(spec: string): (d: Date) => string };
    const v = vega as unknown as {
      formatLocale(def: unknown): NumberLocale; timeFormatLocale(def: unknown): TimeLocale; resetDefaultLocale(): void;
    };
    const nf = v.formatLocale(vegaNumberLocale('vi'));
    expect(nf.format(',.2f')(3.58)).toBe('3,58');
    expect(nf.format(',d')(3051)).toBe('3.051');
    const tf = v.timeFormatLocale(vegaTimeLocale('vi'));
    expect(tf.utcFormat('%d/%m/%Y')(new Date(Date.UTC(2024, 4, 7)))).toBe('07/05/2024');
    expect(tf.utcFormat('%B')(new Date(Date.UTC(2024, 4, 7)))).toBe('tháng 5');
    v.resetDefaultLocale();
  });

  it('renders a Vega view whose text reads 3,58 not 3.58', async () => {
    const spec: vega.Spec = {
      width: 100, height: 20,
      marks: [{ type: 'text', encode: { enter: { text: { signal: "format(3.58, ',.2f') + ' ' + format(3051, ',d')" } } } }],
    };
    const view = new vega.View(vega.parse(spec), { renderer: 'none', locale: { number: vegaNumberLocale('vi'), time: vegaTimeLocale('vi') } } as unknown as vega.ViewOptions);
    const svg = await view.toSVG();
    view.finalize();
    expect(svg).toContain('3,58 3.051');
    expect(svg).not.toContain('3.58');
  });
});

describe('periodPhrase', () => {
  it('gives a period its noun inside a Vietnamese sentence, and nothing extra in English', () => {
    expect(periodPhrase('2016', 'vi')).toBe('năm 2016');
    expect(periodPhrase('2021-2023', 'vi')).toBe('năm 2021–2023');
    expect(periodPhrase('2025-06', 'vi')).toBe('tháng 6/2025');
    expect(periodPhrase('2024-05-07', 'vi')).toBe('ngày 07/05/2024');
    expect(periodPhrase('2016', 'vi', { status: 'preliminary' })).toBe('năm 2016 (sơ bộ)');
    expect(periodPhrase('2025-06', 'en')).toBe('June 2025');
    expect(periodPhrase('quý 1', 'vi')).toBe('quý 1');
  });
});
