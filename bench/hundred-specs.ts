/**
 * The 100 chart specs the export benchmarks draw, from the real data: a poverty trend per province
 * (63 line charts) and rankings of provinces (37 bar charts).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Observation } from '../src/types.js';
import { readObservationsFile } from '../src/data/read-file.js';
import { executeQuery, type QuerySpec } from '../src/query/index.js';
import { barChart, lineChart } from '../src/charts/index.js';
import { listRegions } from '../src/registry/index.js';

export function hundredSpecs(): TopLevelSpec[] {
  const poverty = readObservationsFile('data/observations/poverty_rate.csv').observations;
  const income = readObservationsFile('data/observations/income_per_capita.csv').observations;
  const q = (obs: Observation[], spec: QuerySpec) => executeQuery(obs as unknown as Record<string, unknown>[], spec) as unknown as Observation[];

  const specs: TopLevelSpec[] = [];
  const provinces = listRegions('province').map((r) => r.id).filter((id) => poverty.some((o) => o.region === id));
  for (const id of provinces.slice(0, 63)) specs.push(lineChart(q(poverty, { select: { regions: [id, 'VN'] } }), {}, 'vi'));
  const periods = [...new Set(poverty.map((o) => o.period))];
  const incomePeriods = [...new Set(income.map((o) => o.period))];
  const series = [...new Set(income.map((o) => o.series).filter((s): s is string => s !== null))];
  outer: for (let n = 10; ; n += 5) {
    for (const p of periods) {
      if (specs.length >= 100) break outer;
      specs.push(barChart(q(poverty, { select: { regions: { level: 'province' }, periods: [p] }, orderby: [{ column: 'value', order: 'desc' }], limit: n }), {}, 'vi'));
    }
    for (const p of incomePeriods)
      for (const s of series) {
        if (specs.length >= 100) break outer;
        specs.push(barChart(q(income, { select: { regions: { level: 'province' }, periods: [p], series: [s] }, orderby: [{ column: 'value', order: 'desc' }], limit: n }), {}, 'vi'));
      }
  }
  if (specs.length !== 100) throw new Error(`expected 100 specs, built ${specs.length}`);
  return specs;
}
