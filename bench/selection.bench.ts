/**
 * Selection update latency of five linked views (map, trend, indicator bars, KPI, indicator x period
 * table) on SYNTHETIC observations (not real figures): communes x 20 years x 50 indicators, values
 * from a fixed integer hash of the row number, so Node and DuckDB hold the same table.
 * 100k = 100 communes, 1M = 1,000, 10M = 10,000 communes.
 *
 * An update is one interaction (a commune or five clicked on the map, a period range brushed on the
 * trend, an indicator picked on the bars, the map selection cleared), drawn from a seeded sequence;
 * the views whose filter changed get their rows, as in a dashboard (a view re-queries only when the
 * clauses it follows changed: not the view that published the clause, not the table on a period
 * brush, which follows regions only):
 *  - naive: the query layer's re-query (`runQuery` on Arquero) of each view's spec (`cubeQuerySpec`);
 *  - preagg: each view's cube (`createCube`, built once, before the updates) answers the clauses;
 *  - duckdb: the same specs through the SQL connector (compiled to SQL with bound parameters) on an
 *    in-memory DuckDB table whose start-year column (`period_start`) was filled once at load, stored
 *    compressed (the connector's checkpoint after loading);
 *  - duckdb-text: the same table read without that column (the start year parsed on every row);
 *  - duckdb-uncompressed: the same table in a plain in-memory DuckDB database, stored as DuckDB keeps
 *    in-memory tables unless told otherwise (uncompressed), to show what the connector's compression gives.
 * Each latency is judged against one 16 ms frame. `node scripts/bench.mjs selection`, or with
 * SELECTION_SIZES=100k,1m to leave out 10M.
 */
import { cpus, loadavg } from 'node:os';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { DuckDBInstance } from '@duckdb/node-api';
import { createDuckDBConnector, duckdbDriver, type DuckDBNodeConnector } from '../src/connectors/duckdb-node.js';
import { periodStartSql } from '../src/connectors/observations-table.js';
import { SqlConnector } from '../src/connectors/sql.js';
import { createCube, cubeQuerySpec, type Cube, type CubeClause, type CubeDim, type CubeOptions } from '../src/cube/index.js';
import { defaultRegistry, type QueryRegistry, type Row } from '../src/query/index.js';
import { runQuery } from '../src/arquero.js';
import type { Region } from '../src/registry/index.js';
import { entry, record, type BenchEntry } from './results.js';
import { prng } from '../test/prng.js';

const YEARS = 20;
const INDICATORS = 50;
const FIRST_YEAR = 2005;
const FRAME = 16;

const SIZES: Record<string, number> = { '100k': 100, '1m': 1000, '10m': 10000 };
const only = (process.env.SELECTION_SIZES ?? '100k,1m,10m').split(',');

const communeId = (r: number) => `c${String(r).padStart(5, '0')}`;
const indicatorId = (k: number) => `ind${String(k).padStart(2, '0')}`;

/** Row i: commune i / 1000, year (i / 50) % 20, indicator i % 50; value from an integer hash, 1 in 41 missing. */
function hashValue(i: number): number {
  const h = (i * 7919 + 13) % 1000003;
  return h % 41 === 0 ? NaN : (h % 10000) / 100;
}

interface Data {
  rows: number;
  communes: number;
  columns: Record<string, unknown>;
}

function makeData(communes: number): Data {
  const n = communes * YEARS * INDICATORS;
  const ind = new Uint8Array(n);
  const reg = new Int32Array(n);
  const per = new Uint8Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ind[i] = i % INDICATORS;
    per[i] = Math.floor(i / INDICATORS) % YEARS;
    reg[i] = Math.floor(i / (INDICATORS * YEARS));
    value[i] = hashValue(i);
  }
  const indicators = Array.from({ length: INDICATORS }, (_, k) => indicatorId(k));
  const periods = Array.from({ length: YEARS }, (_, y) => String(FIRST_YEAR + y));
  const regions = Array.from({ length: communes }, (_, r) => communeId(r));
  // The cube takes the codes as they are (what the large-input loader gives).
  const columns = {
    indicator: { codes: ind, dictionary: indicators },
    region: { codes: reg, dictionary: regions },
    period: { codes: per, dictionary: periods },
    value,
  };
  return { rows: n, communes, columns };
}

/** The same rows for Arquero: strings (shared, one per distinct value) and the values. */
function arqueroTable(data: Data): ColumnTable {
  const col = (name: string) => {
    const c = data.columns[name] as { codes: ArrayLike<number>; dictionary: string[] };
    return Array.from(c.codes, (k) => c.dictionary[k]);
  };
  return aq.table({ indicator: col('indicator'), region: col('region'), period: col('period'), value: data.columns.value as Float64Array });
}

/** The query layer checks region ids against the registry: this one knows the synthetic communes too. */
const registry: QueryRegistry = {
  indicator: (id) => defaultRegistry.indicator(id),
  regions: (level) => defaultRegistry.regions(level),
  region: (id) =>
    defaultRegistry.region(id) ??
    (/^c\d{5}$/.test(id)
      ? ({ id, level: 'district', name: id, fullName: id, nameEn: id, parent: null, validFrom: null, validTo: null, successor: null, aliases: [] } as Region)
      : undefined),
};

interface View {
  name: string;
  options: CubeOptions;
}

const map = { name: 'map' };
const trend = { name: 'trend' };
const bars = { name: 'bars' };
const kpi = { name: 'kpi' };
const table = { name: 'table' };

const views: [object, View][] = [
  [map, { name: 'map', options: { groupby: ['region'], measures: { mean: { fn: 'mean' } }, selectionDims: ['indicator', 'period'] } }],
  [trend, { name: 'trend', options: { groupby: ['period'], measures: { mean: { fn: 'mean' }, n: { fn: 'valid' } }, selectionDims: ['indicator', 'region'] } }],
  [bars, { name: 'bars', options: { groupby: ['indicator'], measures: { mean: { fn: 'mean' }, n: { fn: 'count' } }, selectionDims: ['region', 'period'] } }],
  [kpi, { name: 'kpi', options: { measures: { mean: { fn: 'mean' }, lo: { fn: 'min' }, hi: { fn: 'max' }, n: { fn: 'valid' } }, selectionDims: ['indicator', 'region', 'period'] } }],
  [table, { name: 'table', options: { groupby: ['indicator', 'period'], measures: { mean: { fn: 'mean' } }, selectionDims: ['region'] } }],
];

/** Clauses that apply to a view: other sources' clauses on the fields it follows. */
function viewClauses(source: object, view: View, clauses: CubeClause[]): CubeClause[] {
  return clauses.filter((c) => c.source !== source && view.options.selectionDims!.includes(c.field as CubeDim));
}

/** A seeded sequence of interactions; each gives the new clause list and the source that changed it. */
function interactions(communes: number, count: number): { clauses: CubeClause[]; source: object }[] {
  const rnd = prng(20251122);
  let state: { region?: CubeClause; period?: CubeClause; indicator: CubeClause } = {
    indicator: { source: bars, field: 'indicator', values: [indicatorId(7)] },
  };
  const out: { clauses: CubeClause[]; source: object }[] = [];
  for (let i = 0; i < count; i++) {
    const u = rnd();
    let source: object;
    if (u < 0.4) {
      state = { ...state, region: { source: map, field: 'region', values: [communeId(Math.floor(rnd() * communes))] } };
      source = map;
    } else if (u < 0.55) {
      const values = Array.from({ length: 5 }, () => communeId(Math.floor(rnd() * communes)));
      state = { ...state, region: { source: map, field: 'region', values } };
      source = map;
    } else if (u < 0.65) {
      state = { indicator: state.indicator, ...(state.period ? { period: state.period } : {}) };
      source = map;
    } else if (u < 0.9) {
      const from = FIRST_YEAR + Math.floor(rnd() * (YEARS - 3));
      state = { ...state, period: { source: trend, field: 'period', range: [from, from + 2 + Math.floor(rnd() * 6)] } };
      source = trend;
    } else {
      state = { ...state, indicator: { source: bars, field: 'indicator', values: [indicatorId(Math.floor(rnd() * INDICATORS))] } };
      source = bars;
    }
    out.push({ clauses: [state.indicator, ...(state.region ? [state.region] : []), ...(state.period ? [state.period] : [])], source });
  }
  return out;
}

type Answer = (viewSource: object, view: View, clauses: CubeClause[]) => Promise<Row[]> | Row[];

/** What a view's filter is, apart from who published it: a view whose key is unchanged keeps its rows. */
const clausesKey = (clauses: CubeClause[]) => JSON.stringify(clauses.map(({ source: _, ...c }) => c));

/**
 * Latencies of `updates`: per update, every view whose filter changed gets its rows (all of them on
 * the first update). Also gives the mean number of views queried per update.
 */
async function measure(updates: { clauses: CubeClause[]; source: object }[], answer: Answer, warmup: number): Promise<{ p50: number; p95: number; cpu50: number; runs: number; views: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  const last = new Map<object, string>();
  let queried = 0;
  for (let u = 0; u < updates.length; u++) {
    const { clauses } = updates[u];
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let n = 0;
    for (const [s, view] of views) {
      const own = viewClauses(s, view, clauses);
      const key = clausesKey(own);
      if (last.get(s) === key) continue;
      last.set(s, key);
      await answer(s, view, own);
      n++;
    }
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (u >= warmup) {
      times.push(ms);
      cpu.push((c.user + c.system) / 1000);
      queried += n;
    }
  }
  const pick = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];
  return { p50: pick(times, 0.5), p95: pick(times, 0.95), cpu50: pick(cpu, 0.5), runs: times.length, views: queried / times.length };
}

// --- DuckDB: the same table, made by SQL from the same hash, queried through the SQL connector
// (src/connectors: the query spec compiled to SQL with bound parameters).

const DUCK_TABLE = { columns: ['indicator', 'region', 'period', 'value'], periodStart: 'period_start' };

/**
 * The table with its start-year column written with the rows (`period_start`);
 * `duckdb` reads it for period ranges, `duckdb-text` (the same table and connection) reads the start
 * year from the period text on every row, as before the column existed.
 */
async function duckdbConnectors(communes: number): Promise<{ column: DuckDBNodeConnector; text: SqlConnector; plain: SqlConnector; closePlain: () => void }> {
  const column = await createDuckDBConnector({ registry, table: DUCK_TABLE });
  const n = communes * YEARS * INDICATORS;
  // The start year is written with the rows, by the engine's own reading (as the loaders do).
  const create = `CREATE TABLE observations AS SELECT *, ${periodStartSql('duckdb')} AS period_start FROM (SELECT
      'ind' || lpad(CAST(i % ${INDICATORS} AS VARCHAR), 2, '0') AS indicator,
      'c' || lpad(CAST(i // ${INDICATORS * YEARS} AS VARCHAR), 5, '0') AS region,
      CAST(${FIRST_YEAR} + (i // ${INDICATORS}) % ${YEARS} AS VARCHAR) AS period,
      CASE WHEN ((i * 7919 + 13) % 1000003) % 41 = 0 THEN NULL ELSE CAST(((i * 7919 + 13) % 1000003) % 10000 AS DOUBLE) / 100 END AS value
    FROM range(${n}) t(i) ORDER BY i)`;
  await column.connection.run(create);
  await column.checkpoint();
  const text = new SqlConnector({ dialect: 'duckdb', driver: duckdbDriver(column.connection), table: { columns: DUCK_TABLE.columns }, registry, name: 'duckdb-text' });
  // A plain in-memory database, never checkpointed: its tables stay uncompressed.
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(create);
  const plain = new SqlConnector({ dialect: 'duckdb', driver: duckdbDriver(connection), table: DUCK_TABLE, registry, name: 'duckdb-uncompressed' });
  const closePlain = () => {
    connection.closeSync();
    instance.closeSync();
  };
  return { column, text, plain, closePlain };
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/** The three paths must give the same rows (compared by group) before their times mean anything. */
function sameRows(label: string, a: Row[], b: Row[], view: View): void {
  const by = view.options.groupby ?? [];
  const key = (r: Row) => by.map((c) => String(r[c])).join('|');
  const mb = new Map(b.map((r) => [key(r), r]));
  if (a.length !== b.length) throw new Error(`${label} ${view.name}: ${a.length} rows vs ${b.length}`);
  for (const r of a) {
    const s = mb.get(key(r));
    if (!s) throw new Error(`${label} ${view.name}: no group ${key(r)}`);
    for (const m of Object.keys(view.options.measures)) {
      const x = r[m] === undefined ? null : (r[m] as number | null);
      const y = s[m] === undefined ? null : typeof s[m] === 'bigint' ? Number(s[m]) : (s[m] as number | null);
      if (!close(x, y)) throw new Error(`${label} ${view.name} ${key(r)} ${m}: ${x} vs ${y}`);
    }
  }
}

const entries: BenchEntry[] = [];
for (const size of only) {
  const communes = SIZES[size];
  if (!communes) throw new Error(`unknown size ${size}; use ${Object.keys(SIZES).join(', ')}`);
  const t0 = performance.now();
  const data = makeData(communes);
  console.log(`selection.bench ${size}: ${data.rows.toLocaleString('en')} synthetic rows made in ${(performance.now() - t0).toFixed(0)} ms`);

  const buildStart = performance.now();
  const cpuStart = process.cpuUsage();
  const cubes = new Map<object, Cube>(views.map(([s, v]) => [s, createCube(data.columns as never, v.options)]));
  const buildMs = performance.now() - buildStart;
  const buildCpuMs = process.cpuUsage(cpuStart).user / 1000;
  const perView = views.map(([s, v]) => `${v.name} ${cubes.get(s)!.stats.buildMs.toFixed(0)} ms/${cubes.get(s)!.stats.levels.map((l) => l.cells).join('>')} cells`).join(', ');
  const cubeMb = [...cubes.values()].reduce((s, c) => s + c.stats.bytes, 0) / 2 ** 20;
  console.log(`  5 cubes built in ${buildMs.toFixed(0)} ms (${buildCpuMs.toFixed(0)} ms of CPU; ${perView}); ${cubeMb.toFixed(0)} MiB held by the cubes, arrays they share counted in each`);

  // Each path is measured with only its own data alive where it can be: the cubes first, then DuckDB,
  // then the naive path's Arquero table (30M strings at 10M rows, whose garbage collection would
  // otherwise fall on the others). The three must agree before any figure is recorded.
  const naiveRuns = size === '10m' ? 8 : size === '1m' ? 30 : 100;
  const duckRuns = size === '10m' ? 40 : 100;
  const seq = interactions(communes, 203);
  const preagg: Answer = (s, v, clauses) => cubes.get(s)!.answer(clauses);
  const pre = await measure(seq, preagg, 3);

  const { column: connector, text: textConnector, plain: plainConnector, closePlain } = await duckdbConnectors(communes);
  const duck: Answer = (s, v, clauses) => connector.query(cubeQuerySpec(v.options, clauses));
  const dk = await measure(seq.slice(0, duckRuns + 3), duck, 3);
  const duckText: Answer = (s, v, clauses) => textConnector.query(cubeQuerySpec(v.options, clauses));
  const dt = await measure(seq.slice(0, duckRuns + 3), duckText, 3);
  const duckPlain: Answer = (s, v, clauses) => plainConnector.query(cubeQuerySpec(v.options, clauses));
  const du = await measure(seq.slice(0, duckRuns + 3), duckPlain, 3);

  const table = arqueroTable(data);
  const naive: Answer = (s, v, clauses) => runQuery(table, cubeQuerySpec(v.options, clauses), { registry }).objects() as Row[];
  const nv = await measure(seq.slice(0, naiveRuns + 2), naive, 2);

  // Agreement, on the first 8 updates of the sequence.
  for (const { clauses, source } of seq.slice(0, 8)) {
    for (const [s, v] of views) {
      if (s === source) continue;
      const c = viewClauses(s, v, clauses);
      const a = (await preagg(s, v, c)) as Row[];
      sameRows('preagg vs naive', a, (await naive(s, v, c)) as Row[], v);
      sameRows('preagg vs duckdb', a, (await duck(s, v, c)) as Row[], v);
      sameRows('preagg vs duckdb-text', a, (await duckText(s, v, c)) as Row[], v);
      sameRows('preagg vs duckdb-uncompressed', a, (await duckPlain(s, v, c)) as Row[], v);
    }
  }

  const note = (runs: number, extra = '') =>
    `${data.rows} synthetic rows (${communes} communes x ${YEARS} years x ${INDICATORS} indicators, integer-hash values); ${runs} seeded updates, each re-querying the views whose filter changed${extra}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
  for (const [path, r, extra] of [
    ['naive', nv, size === '10m' ? '; fewer updates at 10M: each takes seconds' : ''],
    ['preagg', pre, `; cubes built before (${buildMs.toFixed(0)} ms)`],
    ['duckdb', dk, '; in-memory DuckDB (2 cores, tables stored compressed) through the SQL connector (src/connectors/duckdb-node.ts), one connection, queries in turn; period ranges read the period_start column written at load'],
    ['duckdb-text', dt, '; the same DuckDB table and connection, period ranges reading the start year from the period text on every row (no period_start)'],
    ['duckdb-uncompressed', du, '; the same table and queries in a plain in-memory DuckDB database, stored uncompressed (no COMPRESS attach, no checkpoint)'],
  ] as const) {
    // CPU time of the process per update: what the update costs apart from waiting for a busy machine
    // (for DuckDB it adds up its threads).
    const cpuNote = `; ${r.views.toFixed(2)} views queried per update on average${extra}; median CPU time per update ${r.cpu50.toFixed(2)} ms`;
    console.log(`  ${path}: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, CPU p50 ${r.cpu50.toFixed(2)} ms (${r.runs} updates, ${r.views.toFixed(2)} views each)`);
    entries.push(entry(`selection-${size}-${path}-p50-vs-frame`, r.p50, '16ms frame', FRAME, note(r.runs, cpuNote)));
    entries.push(entry(`selection-${size}-${path}-p95-vs-frame`, r.p95, '16ms frame', FRAME, note(r.runs, cpuNote)));
  }
  if (size === '1m') {
    entries.push(entry('preagg-build-1m-vs-1s', buildMs, '1s', 1000, `the 5 views' cubes from dictionary-coded columns, ${data.rows} synthetic rows, ${buildCpuMs.toFixed(0)} ms of CPU, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; per view: ${perView}; ${cubeMb.toFixed(0)} MiB held by the cubes, arrays they share counted in each`));
  }
  await connector.close();
  closePlain();
}
record(entries);
