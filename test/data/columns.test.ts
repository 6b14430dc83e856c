import { describe, expect, it } from 'vitest';
import { OBSERVATION_COLUMNS, type Observation } from '../../src/types.js';
import { OBSERVATION_COLUMNS as queryColumns } from '../../src/query/checks.js';
import { OBSERVATION_COLUMNS as csvColumns, observationsToCSV } from '../../src/components/core/csv.js';
import { KNOWN_TYPES } from '../../src/load-large/columns.js';

describe('observation columns: one list', () => {
  it('names every field of an observation, in the order chiso writes them', () => {
    // The literal is typed as an Observation, so the compiler holds it to exactly the interface's fields.
    const o: Observation = {
      indicator: 'poverty_rate', region: 'VN', period: '2016', value: 1, qualifier: null, denominator: null,
      unit: '%', series: null, status: 'final', source: 's', quote: null,
    };
    expect([...OBSERVATION_COLUMNS].sort()).toEqual(Object.keys(o).sort());
    expect(OBSERVATION_COLUMNS.slice(0, 4)).toEqual(['indicator', 'region', 'period', 'value']);
  });

  it('is the same list in the query checks, the CSV writer and the large loader', () => {
    expect(queryColumns).toBe(OBSERVATION_COLUMNS);
    expect(csvColumns).toBe(OBSERVATION_COLUMNS);
    for (const c of OBSERVATION_COLUMNS) expect(KNOWN_TYPES[c]).toMatch(/^(string|number)$/);
    expect(observationsToCSV([]).replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(OBSERVATION_COLUMNS.join(','));
  });
});
