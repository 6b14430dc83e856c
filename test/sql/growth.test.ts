// The compiler's SQL grows linearly with the spec: for random specs within QUERY_LIMITS (up to every
// derive step allowed), the text of the query and of its checks stays under a fixed bound per step
// and per listed value. Sizes only; the times are printed for the record, never asserted.
import { describe, expect, it } from 'vitest';
import { compileQuery, SqlDialect } from '../../src/sql/index.js';
import { QUERY_LIMITS } from '../../src/query/limits.js';
import { randomSpecs } from '../query/random-specs.js';

const dialects = Object.keys(SqlDialect) as SqlDialect[];
const indicators = ['poverty_rate', 'income_per_capita', 'new_rural_communes', 'admin_units', 'households'];
const table = { extraColumns: [{ name: 'population', type: 'double' as const }] };

/** Characters of every statement a spec compiles to. */
function sqlSize(spec: unknown, dialect: SqlDialect): number {
  const c = compileQuery(spec, { dialect, indicators, table });
  return [c, ...c.checks].reduce((n, s) => n + s.sql.length, 0);
}

/**
 * The stated bound: a base for the source and the output, a fixed amount per step (a reaggregate,
 * the largest step, writes the 63 -> 34 crosswalk and about twelve expressions: under 24,000
 * characters), and a placeholder per listed value.
 */
const sizeBound = (spec: { derive?: unknown[] }, values: number) => 4_000 + 24_000 * (spec.derive?.length ?? 0) + 40 * values;

const listed = (spec: unknown): number => JSON.stringify(spec).split(',').length;

describe.each(dialects)('%s', (dialect) => {
  it('random specs up to every derive step allowed stay within the bound', () => {
    const specs = randomSpecs(7, 150, { maxSteps: QUERY_LIMITS.deriveSteps, maxList: 40 });
    let largest = 0;
    let compiled = 0;
    const started = performance.now();
    for (const spec of specs) {
      let size: number;
      try {
        size = sqlSize(spec, dialect);
      } catch (e) {
        // A spec that the executors refuse too (a step after summarize reading a dropped column).
        expect((e as { code?: string }).code).toMatch(/^QUERY_/);
        continue;
      }
      compiled++;
      expect(size, JSON.stringify(spec)).toBeLessThanOrEqual(sizeBound(spec as { derive?: unknown[] }, listed(spec)));
      largest = Math.max(largest, size);
    }
    expect(compiled).toBeGreaterThan(100);
    console.info(`${dialect}: ${compiled} random specs compiled in ${(performance.now() - started).toFixed(0)} ms, largest SQL ${largest} characters`);
  });

  it('grows linearly: each more change step adds the same amount', () => {
    const sizes = [1, 2, 4, 8, 16].map((n) => sqlSize({ derive: Array.from({ length: n }, (_, i) => ({ op: 'change', as: `c${i}` })) }, dialect));
    const perStep = (sizes[4] - sizes[3]) / 8;
    // Each step's text is the same size but for the columns it adds to every later select list.
    expect(perStep).toBeLessThan(3 * (sizes[1] - sizes[0]));
    expect(sizes[4]).toBeLessThan(16 * 2_500);
    const started = performance.now();
    const c = compileQuery({ derive: Array.from({ length: QUERY_LIMITS.deriveSteps }, () => ({ op: 'change' })) }, { dialect });
    console.info(`${dialect}: 16 change steps: ${c.sql.length + c.checks.reduce((n, s) => n + s.sql.length, 0)} characters in ${(performance.now() - started).toFixed(1)} ms, ${c.checks.length} check statement(s)`);
    expect(c.checks).toHaveLength(1);
  });
});
