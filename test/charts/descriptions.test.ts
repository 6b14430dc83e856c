import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { chart, describe, joinSentences, type ChartOptions, type ChartType } from '../../src/charts/index.js';
import { isChisoError } from '../../src/errors.js';
import type { Observation } from '../../src/types.js';
import { gsoIncome, gsoPoverty, load, root } from './helpers.js';

const poverty = gsoPoverty();
const income = gsoIncome();
const seeds = load('data/seeds/observations.csv');
const quoted = load('data/quoted/observations.csv');
const vn63 = JSON.parse(readFileSync(root + 'data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as Topology;

type Case = { [T in ChartType]: [T, readonly Observation[], ChartOptions[T]] }[ChartType];

/** Every recipe over the real files: each indicator of the curated files, and the GSO tables several ways. */
function cases(): Case[] {
  const out: Case[] = [
    ['line', poverty.filter((o) => ['42', '06', 'VN'].includes(o.region)), {}],
    ['line', poverty.filter((o) => /^(VN|R\d)$/.test(o.region)), { highlight: 'R2' }],
    ['line', poverty, { highlight: ['42', 'VN'] }],
    ['line', income.filter((o) => o.region === '42'), {}],
    ['bar', poverty, { highlight: '42' }],
    ['bar', poverty, { highlight: ['42', '79'], period: '2006' }],
    ['bar', income, { period: '2016', highlight: '42' }],
    ['kpi', poverty, { region: '42' }],
    ['kpi', poverty, { region: '42', period: '2015' }],
    ['map', poverty, { topology: vn63 }],
    ['map', poverty, { topology: vn63, period: '2006' }],
    ['map', income, { topology: vn63 }],
    ['scatter', [...income, ...poverty], { x: 'income_per_capita', y: 'poverty_rate' }],
    ['slope', poverty, { periods: ['2012', '2015'] }],
    ['slope', poverty.filter((o) => /^R\d$/.test(o.region)), { periods: ['2010', '2016'] }],
    ['progress', seeds, {}],
    ['progress', quoted, { indicator: 'new_rural_communes' }],
  ];
  for (const data of [seeds, quoted]) {
    for (const indicator of new Set(data.map((o) => o.indicator))) {
      const regions = [...new Set(data.filter((o) => o.indicator === indicator).map((o) => o.region))];
      out.push(['line', data, { indicator }], ['bar', data, { indicator }], ['progress', data, { indicator }]);
      for (const region of regions) out.push(['kpi', data, { indicator, region }]);
    }
  }
  return out;
}

group('descriptions', () => {
  it('join sentences with exactly one full stop', () => {
    expect(joinSentences(['Một.', 'hai', ' ba. ', '', undefined, 'bốn…'])).toBe('Một. Hai. Ba. Bốn…');
    expect(joinSentences(['Một...', 'Hai?'])).toBe('Một… Hai?');
  });

  it('never write ".." nor a year noun before a month or a day, over every recipe and the real data (vi, en)', () => {
    let described = 0;
    for (const [type, data, options] of cases()) {
      for (const locale of ['vi', 'en'] as const) {
        let text: string;
        try {
          text = describe(type, data, options as never, locale);
        } catch (e) {
          // Recipes that cannot draw this indicator say so with their own error; nothing to describe.
          if (isChisoError(e) && e.code === 'CHART_NO_DATA') continue;
          throw e;
        }
        described++;
        const where = `${type} ${JSON.stringify({ ...options, topology: undefined })} ${locale}: ${text}`;
        expect(text, where).not.toMatch(/\.\s*\./);
        expect(text, where).toMatch(/[.…]$/);
        expect(text, where).not.toMatch(/năm (tháng|ngày|\d{2}\/\d{2})/);
        expect(text, where).not.toMatch(/\s{2}/);
        // Each sentence starts with a capital letter (or a figure).
        for (const s of text.split(/(?<=\.) /)) expect(s, where).toMatch(/^[\p{Lu}\d>~<]/u);
        // The spec carries the same text.
        expect((chart(type, data, options as never, locale) as { description?: string }).description, where).toBe(text);
      }
    }
    expect(described).toBeGreaterThan(60);
  });

  it('say "lên" for a rise and "còn" for a fall, with the month as a month', () => {
    const text = describe('line', quoted, { indicator: 'new_rural_share', regions: ['VN'] });
    expect(text).toContain('tăng từ 63,40% tháng 4/2021 lên 79,30% tháng 6/2025');
    expect(text).not.toContain('năm tháng');
    expect(describe('line', poverty.filter((o) => o.region === '42'), {})).toContain('giảm từ 20,7% năm 2012 còn 13,3% năm 2015');
  });
});
