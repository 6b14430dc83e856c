/** Observations and helpers shared by the query tests. */
import { expect } from 'vitest';
import { executeQuery, type QueryOptions, type Row } from '../../src/query/index.js';
import { runQuery } from '../../src/arquero.js';
import type { Observation } from '../../src/types.js';
export { prng } from '../prng.js';

/** A complete observation with defaults for the fields a test does not care about. */
export function obs(o: Partial<Observation> & Pick<Observation, 'indicator' | 'region' | 'period'>): Observation {
  return {
    value: null, qualifier: null, denominator: null, unit: '%', series: null, status: 'final', source: 'test', quote: null,
    ...o,
  };
}

const canonical = (r: Record<string, unknown>) =>
  JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] === undefined ? null : r[k]]));

/** Rows in a stable order that does not depend on the executor. */
export function stable(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return [...rows].map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === undefined ? null : v]))).sort((a, b) => {
    const x = canonical(a);
    const y = canonical(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Runs both executors and asserts they give the same rows (and the same diagnostics). Returns the rows. */
export function agree(rows: readonly Observation[] | readonly Row[], spec: unknown, options: QueryOptions = {}, ordered = false): Row[] {
  const dA: string[] = [];
  const dB: string[] = [];
  const viaArquero = runQuery(rows as Observation[], spec, { ...options, onDiagnostic: (d) => dA.push(d.code + ' ' + d.en) }).objects() as Row[];
  const plain = executeQuery(rows, spec, { ...options, onDiagnostic: (d) => dB.push(d.code + ' ' + d.en) });
  if (ordered) expect(plain).toEqual(viaArquero.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? null]))));
  else expect(stable(plain)).toEqual(stable(viaArquero));
  expect(dB).toEqual(dA);
  return plain;
}

/** Catches a ChisoError's code from both executors (they must fail alike). */
export function failsAlike(rows: readonly Observation[], spec: unknown, options: QueryOptions = {}): string {
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    }
    return 'no error';
  };
  const a = code(() => runQuery(rows, spec, options));
  const b = code(() => executeQuery(rows, spec, options));
  expect(b).toBe(a);
  return a;
}
