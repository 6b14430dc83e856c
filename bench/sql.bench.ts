/**
 * `query-10m-duckdb-vs-arquero`: one query spec (filter on two indicators and a range of start years,
 * group by indicator and region, mean and count) on 10,080,000 SYNTHETIC observations (seeded
 * Mulberry32, not real data), run by DuckDB in Node (`@duckdb/node-api`, in memory, through the SQL
 * compiler) and by Arquero in Node (`runQuery`), in the same process. Loading is not timed. The two
 * results are compared before timing.
 *
 * Memory: columns are built once, strings shared from small vocabularies and values in a
 * Float64Array (NaN = missing); DuckDB receives them through its appender.
 */
import * as aq from 'arquero';
import { createDuckDBConnector } from '../src/connectors/duckdb-node.js';
import { type QuerySpec } from '../src/query/index.js';
import { runQuery } from '../src/arquero.js';
import { entry, median, record } from './results.js';
import { prng } from '../test/prng.js';

const scale = Number(process.env.CHISO_BENCH_SQL_SERIES ?? 40);
// 63 regions x 20 indicators x 200 years x 40 series = 10,080,000 rows.
const REGIONS = Array.from({ length: 63 }, (_, i) => String(i + 1).padStart(2, '0'));
const INDICATORS = Array.from({ length: 20 }, (_, i) => `ind${String(i).padStart(2, '0')}`);
const YEARS = Array.from({ length: 200 }, (_, i) => String(1826 + i));
const SERIES = Array.from({ length: scale }, (_, i) => `s${String(i).padStart(2, '0')}`);
const n = REGIONS.length * INDICATORS.length * YEARS.length * SERIES.length;

const rnd = prng(20250701);
const indicator = new Array<string>(n);
const region = new Array<string>(n);
const period = new Array<string>(n);
const series = new Array<string>(n);
const value = new Float64Array(n);
let i = 0;
for (const r of REGIONS) for (const k of INDICATORS) for (const y of YEARS) for (const s of SERIES) {
  indicator[i] = k;
  region[i] = r;
  period[i] = y;
  series[i] = s;
  value[i] = rnd() < 0.05 ? NaN : Math.round(rnd() * 10000) / 100;
  i++;
}
const table = aq.table({ indicator, region, period, series, value });

const columns = ['indicator', 'region', 'period', 'series', 'value'];
const duck = await createDuckDBConnector({ table: { columns } });
const t0 = performance.now();
await duck.load({
  *[Symbol.iterator]() {
    for (let j = 0; j < n; j++) yield { indicator: indicator[j], region: region[j], period: period[j], series: series[j], value: Number.isNaN(value[j]) ? null : value[j] };
  },
});
console.log(`loaded ${n.toLocaleString('en')} rows into DuckDB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const spec: QuerySpec = {
  select: { indicators: ['ind03', 'ind07'], periods: { from: 1950, to: 2000 } },
  derive: [{ op: 'summarize', by: ['indicator', 'region'], measures: { mean: { fn: 'mean' }, n: { fn: 'count' }, valid: { fn: 'valid' } } }],
  orderby: ['indicator', 'region'],
};

// The same answer from both, before timing.
const viaArquero = runQuery(table, spec).objects() as Record<string, number | string>[];
const viaDuck = await duck.query(spec);
if (viaArquero.length !== viaDuck.length || viaArquero.length !== 2 * REGIONS.length) throw new Error(`row counts differ: ${viaArquero.length} vs ${viaDuck.length}`);
viaArquero.forEach((a, j) => {
  const d = viaDuck[j];
  if (a.region !== d.region || a.n !== d.n || a.valid !== d.valid || Math.abs((a.mean as number) - (d.mean as number)) > 1e-9 * Math.abs(a.mean as number)) {
    throw new Error(`results differ at row ${j}: ${JSON.stringify(a)} vs ${JSON.stringify(d)}`);
  }
});

const arqueroMs = await median(() => runQuery(table, spec).numRows(), 5, 1);
const duckMs = await median(() => duck.query(spec), 5, 1);
await duck.close();
record([
  entry('query-10m-duckdb-vs-arquero', duckMs, 'arquero', arqueroMs, `${n.toLocaleString('en')} synthetic rows (seeded); filter 2 of 20 indicators and 51 of 200 years, group by indicator and region (126 groups), mean/count/valid; DuckDB in-memory (stored compressed, as load() leaves it) via @duckdb/node-api and the SQL compiler, Arquero runQuery in the same Node process; loading not timed`),
]);
