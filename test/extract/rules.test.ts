// The extraction rules speak the catalogue's language: indicator ids, series and units it knows.
import { describe, expect, it } from 'vitest';
import { RULES, extractReport } from '../../src/extract/index.js';
import { getIndicator, isIndicatorId, unitFor } from '../../src/registry/index.js';
import { read } from './fixture.js';

describe('extraction rules', () => {
  it('name only catalogue indicators, each rule id once', () => {
    for (const r of RULES) expect(isIndicatorId(r.indicator), r.id).toBe(true);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('give series the catalogue lists for the indicator, in units it gives them', () => {
    const seeds = ['000_05db81f9f313bbf0', '001_ae49d86c8a92acb4', '002_8f0ff18a4f7cf0ed', '003_9ea99d9bd68773f4', '004_748b5fa953de36ad'];
    for (const s of seeds) {
      for (const o of extractReport(read(`data/seeds/raw/${s}.txt`)).observations) {
        const ind = getIndicator(o.indicator);
        if (o.series !== null) expect(Object.keys(ind.series ?? {}), `${o.indicator} ${o.series}`).toContain(o.series);
        if (o.unit !== '%' && !/đồng/u.test(o.unit)) expect(o.unit, o.quote).toBe(unitFor(o.indicator, o.series));
        else expect([ind.unit, ...(ind.altUnits ?? [])], o.quote).toContain(o.unit);
      }
    }
  });
});
