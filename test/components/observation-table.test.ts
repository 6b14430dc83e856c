// The data table under every chart writes an estimate with its interval, in Node (no DOM needed).
import { describe, expect, it } from 'vitest';
import { cellText, cellValue } from '../../src/components/core/observation-table.js';
import { valueFormatter } from '../../src/format/index.js';
import type { Observation } from '../../src/types.js';

const obs = (value: number | null, lower?: number | null, upper?: number | null): Observation =>
  ({ indicator: 'poverty_rate', region: '42', period: '2016', value, qualifier: null, denominator: null, unit: '%', series: null, status: 'final', source: 's.csv', quote: null, lower, upper }) as Observation;

describe('value cells', () => {
  it('write the interval after the figure, in the reader language, the unit once', () => {
    const o = obs(11, 9.8, 12.2);
    const vi = cellValue(o, 'vi');
    const en = cellValue(o, 'en');
    expect(vi).toMatch(/^11\s?% \(9,8–12,2\s?%\)$/);
    expect(en).toMatch(/^11\s?% \(9\.8–12\.2\s?%\)$/);
    // Through the table's own formatter, as the table under a chart calls it: the ends in the decimals of
    // the figures (12,5 beside 11 gives 11,0; 10 gives 10,0).
    const rows = [o, obs(12.5), obs(11, 10, 12)];
    const format = valueFormatter(rows, 'vi', { interval: true });
    expect(cellText(o, 'value', 'vi', format)).toMatch(/^11,0\s?% \(9,8–12,2\s?%\)$/);
    expect(cellText(rows[2], 'value', 'vi', format)).toMatch(/^11,0\s?% \(10,0–12,0\s?%\)$/);
    // Without asking for it, a formatter writes the figure alone (tooltips, KPIs).
    expect(cellText(o, 'value', 'vi', valueFormatter(rows, 'vi'))).toMatch(/^11,0\s?%$/);
  });

  it('write no interval when an end is missing, and a dash for a missing figure', () => {
    expect(cellValue(obs(11), 'vi')).not.toContain('(');
    expect(cellValue(obs(11, 9.8, null), 'vi')).not.toContain('(');
    expect(cellValue(obs(null, 9.8, 12.2), 'vi')).toBe('–');
  });
});
