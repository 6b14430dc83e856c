// The registry must know every indicator, region, unit and series the bundled observations use.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canConvert, getIndicator, getRegion, isIndicatorId, isUnit, unitFor } from '../../src/registry/index.js';
import { csvRecords, root } from './files.js';

const dir = 'data/observations';
const files = existsSync(root + dir) ? readdirSync(root + dir).filter((f) => f.endsWith('.csv')) : [];

describe.skipIf(files.length === 0)('bundled observations use the registry\'s ids', () => {
  for (const f of files) {
    it(`${dir}/${f}`, () => {
      const rows = csvRecords(`${dir}/${f}`);
      expect(rows.length).toBeGreaterThan(0);
      for (const [i, o] of rows.entries()) {
        const where = `${f} row ${i + 2}: ${o.indicator} ${o.region} ${o.series} ${o.unit}`;
        expect(isIndicatorId(o.indicator), where).toBe(true);
        expect(getRegion(o.region), where).toBeDefined();
        expect(isUnit(o.unit), where).toBe(true);
        const ind = getIndicator(o.indicator);
        if (o.series) expect(Object.keys(ind.series ?? {}), where).toContain(o.series);
        // The unit is the series' own, or converts to the indicator's.
        const own = unitFor(o.indicator, o.series || null);
        expect(o.unit === own || canConvert(o.unit, own), where).toBe(true);
        if (ind.kind === 'fraction') expect(o.denominator === '' || Number(o.denominator) >= Number(o.value), where).toBe(true);
      }
    });
  }
});
