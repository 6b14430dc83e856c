/**
 * The query layer on 1,000,000 SYNTHETIC observations (seeded PRNG, not real data): filter (one
 * indicator, a range of period start years) + group by region + aggregate (mean, count).
 * Measured in the same run against
 *  - the same operation written by hand in Arquero (the overhead the query layer may add: <= 10%), and
 *  - a plain loop over typed arrays (dictionary-encoded before timing: the floor).
 * The eval-free executor (`executeQuery`, for strict-CSP pages) is timed too, on the same rows as objects.
 */
import * as aq from 'arquero';
import { executeQuery, type QuerySpec } from '../src/query/index.js';
import { runQuery } from '../src/arquero.js';
import { entry, median, record } from './results.js';
import { prng } from '../test/prng.js';

const { op } = aq;

// 63 regions x 20 indicators x 200 years x 4 series = 1,008,000 rows.
const REGIONS = Array.from({ length: 63 }, (_, i) => String(i + 1).padStart(2, '0'));
const INDICATORS = Array.from({ length: 20 }, (_, i) => `ind${String(i).padStart(2, '0')}`);
const YEARS = Array.from({ length: 200 }, (_, i) => 1826 + i);
const SERIES = [null, 'a', 'b', 'c'];

const rnd = prng(20250701);
const n = REGIONS.length * INDICATORS.length * YEARS.length * SERIES.length;
const cols = {
  indicator: new Array<string>(n),
  region: new Array<string>(n),
  period: new Array<string>(n),
  series: new Array<string | null>(n),
  value: new Float64Array(n) as unknown as (number | null)[],
};
const values: (number | null)[] = new Array(n);
const codes = { indicator: new Uint8Array(n), region: new Uint8Array(n), year: new Int16Array(n), value: new Float64Array(n) };
let i = 0;
for (let r = 0; r < REGIONS.length; r++) {
  for (let k = 0; k < INDICATORS.length; k++) {
    for (const year of YEARS) {
      for (const s of SERIES) {
        const v = rnd() < 0.05 ? null : Math.round(rnd() * 10000) / 100;
        cols.indicator[i] = INDICATORS[k];
        cols.region[i] = REGIONS[r];
        cols.period[i] = String(year);
        cols.series[i] = s;
        values[i] = v;
        codes.indicator[i] = k;
        codes.region[i] = r;
        codes.year[i] = year;
        codes.value[i] = v === null ? NaN : v;
        i++;
      }
    }
  }
}
cols.value = values;
const table = aq.table(cols);

const IND = 'ind07';
const FROM = 1950;
const TO = 2000;
const spec: QuerySpec = {
  select: { indicators: [IND], periods: { from: FROM, to: TO } },
  derive: [{ op: 'summarize', by: ['region'], measures: { mean: { fn: 'mean' }, n: { fn: 'count' } } }],
};

const viaQuery = () => runQuery(table, spec);

const byHand = () =>
  table
    .params({ ind: IND, from: FROM, to: TO })
    .filter((d: { indicator: string; period: string }, $: { ind: string; from: number; to: number }) =>
      d.indicator === $.ind && op.parse_int(d.period) >= $.from && op.parse_int(d.period) <= $.to)
    .groupby('region')
    .rollup({ mean: (d: { value: number }) => op.mean(d.value), n: () => op.count() });

const byLoop = () => {
  const k = INDICATORS.indexOf(IND);
  const count = new Float64Array(REGIONS.length);
  const valid = new Float64Array(REGIONS.length);
  const mean = new Float64Array(REGIONS.length);
  const { indicator, region, year, value } = codes;
  for (let j = 0; j < n; j++) {
    if (indicator[j] !== k) continue;
    const y = year[j];
    if (y < FROM || y > TO) continue;
    const r = region[j];
    count[r]++;
    const v = value[j];
    if (v === v) mean[r] += (v - mean[r]) / ++valid[r];
  }
  return { count, mean, valid };
};

// The three must give the same figures before their times mean anything.
const q = viaQuery().objects() as { region: string; mean: number; n: number }[];
const h = byHand().objects() as { region: string; mean: number; n: number }[];
const l = byLoop();
const sort = (rows: { region: string }[]) => [...rows].sort((a, b) => a.region.localeCompare(b.region));
if (JSON.stringify(sort(q)) !== JSON.stringify(sort(h))) throw new Error('query layer and hand-written Arquero disagree');
for (const row of q) {
  const r = REGIONS.indexOf(row.region);
  if (row.n !== l.count[r] || Math.abs(row.mean - l.mean[r]) > 1e-9) throw new Error(`typed loop disagrees for ${row.region}`);
}
const rowsOut = q.length;

console.log(`query.bench: ${n.toLocaleString('en')} synthetic observations (seeded PRNG 20250701, not real data); ` +
  `filter ${IND}, start year ${FROM}-${TO}, group by region, mean + count -> ${rowsOut} rows`);

/**
 * Medians of `runs` rounds; each round times every function once, in turn, so that load from other
 * processes falls on all of them alike rather than on whichever ran during a busy moment.
 */
function interleaved(fns: (() => unknown)[], runs: number, warmup = 3): number[] {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let w = 0; w < warmup; w++) for (const f of fns) f();
  const times = fns.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    // Rotate who goes first, so garbage one leaves behind is not always collected during the next.
    for (let s = 0; s < fns.length; s++) {
      const j = (r + s) % fns.length;
      gc?.();
      const t0 = performance.now();
      fns[j]();
      times[j].push(performance.now() - t0);
    }
  }
  return times.map((ts) => ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)]);
}

// The eval-free executor over the same rows as plain objects (what a portal page would hold).
const objects = table.objects() as Record<string, unknown>[];
const plain = executeQuery(objects, spec);
if (JSON.stringify(sort(plain as { region: string }[])) !== JSON.stringify(sort(q))) throw new Error('eval-free executor disagrees');
const viaPlain = () => executeQuery(objects, spec);

const runs = 61;
const [msQuery, msHand, msLoop, msPlain] = interleaved([viaQuery, byHand, byLoop, viaPlain], runs);

const note = `${n} synthetic rows (seeded PRNG), ${rowsOut} groups, median of ${runs} interleaved rounds`;
record([
  entry('query-1m-vs-arquero', msQuery, 'hand-written arquero', msHand, note),
  entry('query-1m-vs-typed-loop', msQuery, 'typed-array loop', msLoop, note),
  entry('query-1m-eval-free-vs-arquero', msPlain, 'hand-written arquero', msHand, `${n} synthetic rows as objects, executeQuery (no eval), median of ${runs} interleaved rounds`),
]);
