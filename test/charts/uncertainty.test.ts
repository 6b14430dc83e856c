// Survey estimates with an interval: read with the figure, drawn as a band (an error bar for a lone
// figure), said in the description and kept in the exported CSV.
import { describe, expect, it } from 'vitest';
import { loadObservations } from '../../src/data/index.js';
import { lineChart, describeLine } from '../../src/charts/line.js';
import { EXPORT_COLUMNS, observationsToCSV, withRegionNames } from '../../src/components/core/csv.js';
import { ChisoError } from '../../src/errors.js';
import { render, schemaErrors } from './helpers.js';

const CSV = 'indicator,region,period,value,lower,upper,series\npoverty_rate,42,2012,20.7,19.1,22.3,2011-2015\npoverty_rate,42,2014,16.4,15.0,17.8,2011-2015\npoverty_rate,42,2015,13.3,,,2011-2015\n';

describe('uncertainty', () => {
  const obs = loadObservations(CSV, { file: 'survey.csv' }).observations;

  it('reads lower and upper with the figure, and refuses an interval that does not hold it, naming the row', () => {
    expect(obs[0]).toMatchObject({ value: 20.7, lower: 19.1, upper: 22.3 });
    expect(obs[2].lower).toBeUndefined();
    try {
      loadObservations('indicator,region,period,value,lower,upper\npoverty_rate,42,2012,20.7,21,23\n', { file: 'bad.csv' });
      expect.unreachable();
    } catch (e) {
      const d = (e as ChisoError).diagnostics[0];
      expect(d.code).toBe('DATA_BAD_INTERVAL');
      expect([d.row, d.column]).toEqual([2, 'upper']);
      expect(d.vi).toContain('cận dưới');
      expect(d.en).toContain('lower ≤ value ≤ upper');
    }
  });

  it('draws the interval as a band and bars, renders without warnings, and says it', async () => {
    const spec = lineChart(obs, {});
    expect(schemaErrors(spec)).toEqual([]);
    const marks = (spec as unknown as { layer: { mark: { type: string } }[] }).layer.map((l) => l.mark.type);
    expect(marks).toContain('area');
    const { warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(describeLine(obs, {})).toContain('khoảng tin cậy: Hà Tĩnh năm 2012: 19,1–22,3%');
    expect(describeLine(obs, {}, 'en')).toContain('Estimates, with their intervals');
  });

  it('keeps the interval in the exported CSV', () => {
    const csv = observationsToCSV(withRegionNames(obs, 'vi'), EXPORT_COLUMNS);
    expect(csv).toContain('poverty_rate,42,Hà Tĩnh,2012,20.7,19.1,22.3,');
  });
});
