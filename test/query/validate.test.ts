import { describe, expect, it } from 'vitest';
import { ChisoError } from '../../src/errors.js';
import { validateQuery } from '../../src/query/index.js';
import { invalidSpecs } from './specs.js';

function error(spec: unknown): ChisoError {
  try {
    validateQuery(spec);
  } catch (e) {
    if (e instanceof ChisoError) return e;
    throw e;
  }
  throw new Error('expected a ChisoError');
}

describe('validateQuery', () => {
  it('fills in defaults and normalizes order keys', () => {
    const q = validateQuery({
      select: { indicators: ['poverty_rate'], status: 'final' },
      derive: [{ op: 'change' }, { op: 'rank' }, { op: 'share' }, { op: 'gapToTarget', target: 5 }],
      orderby: ['region', { column: 'value', order: 'desc' }],
    });
    expect(q.select.status).toEqual(['final']);
    expect(q.derive).toEqual([
      { op: 'change', base: 'previous', as: 'change' },
      { op: 'rank', as: 'rank' },
      { op: 'share', scale: 100, as: 'share' },
      { op: 'gapToTarget', target: 5, as: 'gap', reachedAs: 'reached' },
    ]);
    expect(q.orderby).toEqual([{ column: 'region', order: 'asc' }, { column: 'value', order: 'desc' }]);
    expect(q.limit).toBeUndefined();
  });

  it('is idempotent and JSON round-trips', () => {
    const spec = {
      select: { regions: { parent2025: '34:19' }, periods: { from: 2010, to: 2016 }, series: [null, 'total'] },
      derive: [{ op: 'reaggregate', weight: { indicator: 'population', series: null } }, { op: 'summarize', by: ['region'], measures: { m: { fn: 'mean' } } }],
      limit: 3,
      columns: ['region', 'm'],
    };
    const once = validateQuery(spec);
    expect(validateQuery(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it('rejects an unknown top-level key, naming it and the valid ones in both languages', () => {
    const e = error({ selct: {} });
    expect(e.code).toBe('QUERY_UNKNOWN_KEY');
    expect(e.diagnostics[0].en).toContain('"selct"');
    expect(e.diagnostics[0].en).toContain('select, derive, orderby, limit, columns');
    expect(e.diagnostics[0].vi).toContain('khoá "selct"');
  });

  it('rejects an unknown derive op, listing the valid ones', () => {
    const e = error({ derive: [{ op: 'average' }] });
    expect(e.code).toBe('QUERY_UNKNOWN_KEYWORD');
    expect(e.diagnostics[0].en).toContain('"average"');
    expect(e.diagnostics[0].en).toContain('derive[0].op');
    expect(e.diagnostics[0].en).toContain('percentChange');
  });

  it.each(invalidSpecs)('rejects %j with %s', (spec, code, value) => {
    const e = error(spec);
    expect(e.code).toBe(code);
    expect(e.diagnostics[0].en).toContain(value);
    expect(e.diagnostics[0].vi).toContain(value);
  });
});
