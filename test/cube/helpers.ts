/** Shared by the cube tests: seeded synthetic tables and the comparison with the query layer. */
import { expect } from 'vitest';
import { executeQuery, type QueryOptions, type Row } from '../../src/query/index.js';
import { runQuery } from '../../src/arquero.js';
import type { Observation } from '../../src/types.js';
import { cubeQuerySpec, type Cube, type CubeClause, type CubeOptions } from '../../src/cube/index.js';
export { prng } from '../prng.js';

const EXACT = new Set(['count', 'valid', 'min', 'max']);

/**
 * Asserts the cube's rows are the query layer's: same groups in the same order, same keys, counts,
 * valid counts, minima and maxima bit for bit, and null in the same places. Sums and means agree to
 * 1e-12 relative: the cube adds partial sums (and divides sum by count for a mean) where Arquero adds
 * row by row (and keeps a running mean), so the last bits may differ. With `exact`, sums must be
 * identical too (integer-valued data, where the order of additions cannot matter).
 */
export function expectSameRows(actual: Row[], expected: Row[], options: CubeOptions, exact = false): void {
  expect(actual.length).toBe(expected.length);
  const fns = Object.fromEntries(Object.entries(options.measures).map(([k, m]) => [k, m.fn]));
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    expect(Object.keys(a)).toEqual(Object.keys(e));
    for (const k of Object.keys(e)) {
      const fn = fns[k];
      const x = a[k];
      const y = e[k] === undefined ? null : e[k];
      if (fn === undefined || EXACT.has(fn) || y === null || x === null || (exact && fn === 'sum')) {
        expect(x, `row ${i} column ${k}`).toBe(y);
      } else {
        expect(typeof x).toBe('number');
        const rel = Math.abs((x as number) - (y as number)) / Math.max(1, Math.abs(y as number));
        expect(rel, `row ${i} column ${k}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-12);
      }
    }
  }
}

/** The naive re-query through the query layer (Arquero), and the eval-free executor agreeing with it. */
export function naive(table: readonly Row[], options: CubeOptions, clauses: CubeClause[], exclude?: object, q: QueryOptions = {}): Row[] {
  const spec = cubeQuerySpec(options, clauses, exclude);
  const viaArquero = runQuery(table as unknown as Observation[], spec, q).objects() as Row[];
  return viaArquero;
}

export function naiveEvalFree(table: readonly Row[], options: CubeOptions, clauses: CubeClause[], exclude?: object): Row[] {
  return executeQuery(table as Row[], cubeQuerySpec(options, clauses, exclude)) as Row[];
}

export function check(cube: Cube, table: readonly Row[], options: CubeOptions, clauses: CubeClause[], exclude?: object, exact = false): Row[] {
  const got = cube.answer(clauses, exclude === undefined ? {} : { exclude });
  expectSameRows(got, naive(table, options, clauses, exclude), options, exact);
  return got;
}
