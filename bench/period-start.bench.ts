/**
 * `period-brush-10m-*`: the views of a linked dashboard re-queried on DuckDB after a brush on periods,
 * reading the start year from the `period_start` column written once at load, against the same table
 * and connection reading it from the period text on every row. 10,000,000 SYNTHETIC observations
 * (10,000 communes x 20 years x 50 indicators, integer-hash values, the selection benchmark's table).
 * Both ways give the same rows before timing. `npx tsx bench/period-start.bench.ts` (PERIOD_ROWS to
 * change the size).
 */
import { cpus, loadavg } from 'node:os';
import { createDuckDBConnector, duckdbDriver } from '../src/connectors/duckdb-node.js';
import { periodStartSql } from '../src/connectors/observations-table.js';
import { SqlConnector } from '../src/connectors/sql.js';
import { cubeQuerySpec, type CubeClause, type CubeOptions } from '../src/cube/index.js';
import { defaultRegistry, type QueryRegistry, type Row } from '../src/query/index.js';
import type { Region } from '../src/registry/index.js';
import { entry, median, record, type BenchEntry } from './results.js';

const registry: QueryRegistry = {
  indicator: (id) => defaultRegistry.indicator(id),
  regions: (level) => defaultRegistry.regions(level),
  region: (id) =>
    defaultRegistry.region(id) ??
    (/^c\d{5}$/.test(id) ? ({ id, level: 'district', name: id, fullName: id, nameEn: id, parent: null, validFrom: null, validTo: null, successor: null, aliases: [] } as Region) : undefined),
};

const n = Number(process.env.PERIOD_ROWS ?? 10_000_000);
const TABLE = { columns: ['indicator', 'region', 'period', 'value'], periodStart: 'period_start' };
const column = await createDuckDBConnector({ registry, table: TABLE });
const t0 = performance.now();
await column.connection.run(`CREATE TABLE observations AS SELECT
    'ind' || lpad(CAST(i % 50 AS VARCHAR), 2, '0') AS indicator,
    'c' || lpad(CAST(i // 1000 AS VARCHAR), 5, '0') AS region,
    CAST(2005 + (i // 50) % 20 AS VARCHAR) AS period,
    CASE WHEN ((i * 7919 + 13) % 1000003) % 41 = 0 THEN NULL ELSE CAST(((i * 7919 + 13) % 1000003) % 10000 AS DOUBLE) / 100 END AS value
  FROM range(${n}) t(i) ORDER BY i`);
const t1 = performance.now();
// The start year written with the rows, by the engine's own reading (a column updated afterwards
// scans slower in memory: its values stay in update chains).
await column.connection.run(`CREATE TABLE with_start AS SELECT *, ${periodStartSql('duckdb')} AS period_start FROM observations`);
await column.connection.run('DROP TABLE observations');
await column.connection.run('ALTER TABLE with_start RENAME TO observations');
const fillMs = performance.now() - t1;
// Stored compressed, as the connector's load() leaves a table.
await column.checkpoint();
console.log(`${n.toLocaleString('en')} rows in ${((t1 - t0) / 1000).toFixed(1)} s; period_start written in ${fillMs.toFixed(0)} ms`);
const text = new SqlConnector({ dialect: 'duckdb', driver: duckdbDriver(column.connection), table: { columns: TABLE.columns }, registry, name: 'duckdb-text' });

// After a brush on 2010-2014 with indicator 7 picked: the views that follow periods.
const views: [string, CubeOptions][] = [
  ['map', { groupby: ['region'], measures: { mean: { fn: 'mean' } }, selectionDims: ['indicator', 'period'] }],
  ['bars', { groupby: ['indicator'], measures: { mean: { fn: 'mean' }, n: { fn: 'count' } }, selectionDims: ['region', 'period'] }],
  ['kpi', { measures: { mean: { fn: 'mean' }, lo: { fn: 'min' }, hi: { fn: 'max' }, n: { fn: 'valid' } }, selectionDims: ['indicator', 'region', 'period'] }],
];
const clauses: CubeClause[] = [{ field: 'indicator', values: ['ind07'] }, { field: 'period', range: [2010, 2014] }];
const specs = views.map(([name, v]) => [name, cubeQuerySpec(v, clauses.filter((c) => v.selectionDims!.includes(c.field)))] as const);

/** Same groups, same counts, means within 1e-9 (DuckDB sums in parallel, in no fixed order). */
function same(a: Row[], b: Row[]): boolean {
  const group = (r: Row) => String(r.region ?? r.indicator ?? '');
  const mb = new Map(b.map((r) => [group(r), r]));
  return a.length === b.length && a.every((r) => {
    const s = mb.get(group(r));
    return s !== undefined && Object.keys(r).every((k) => (typeof r[k] === 'number' && typeof s[k] === 'number' ? Math.abs((r[k] as number) - (s[k] as number)) <= 1e-9 * Math.max(1, Math.abs(s[k] as number)) : r[k] === s[k]));
  });
}
for (const [name, spec] of specs) if (!same(await column.query(spec), await text.query(spec))) throw new Error(`${name}: the two ways differ`);

const entries: BenchEntry[] = [];
const size = n >= 1e7 ? '10m' : `${Math.round(n / 1e6)}m`;
const note = (extra: string) => `${n} synthetic rows (10,000 communes x 20 years x 50 indicators); in-memory DuckDB (stored compressed) through the SQL connector, median of 7 after 2; ${extra}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
for (const [name, spec] of specs) {
  const withColumn = await median(() => column.query(spec), 7, 2);
  const withText = await median(() => text.query(spec), 7, 2);
  console.log(`${name}: period_start ${withColumn.toFixed(1)} ms, period text ${withText.toFixed(1)} ms`);
  entries.push(entry(`period-brush-${size}-${name}-column-vs-text`, withColumn, 'start year read from the text', withText, note(`the ${name} view after a brush on 2010-2014${name === 'bars' ? ' (the brush alone narrows it)' : ' and one indicator'}`)));
}
entries.push(entry(`period-start-fill-${size}-vs-1s`, fillMs, '1s', 1000, note('writing period_start once (the table copied with the engine\'s own start-year reading)')));
record(entries);
await column.close();
