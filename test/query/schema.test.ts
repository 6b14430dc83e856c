// The JSON Schema of the query spec accepts what validateQuery accepts and rejects what it rejects,
// over the specs the other tests use.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { querySchema, validateQuery } from '../../src/query/index.js';
import { invalidSpecs, syntheticSpecs } from './specs.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const check = ajv.compile(querySchema);

describe('querySchema', () => {
  it.each(syntheticSpecs)('accepts %s, as validateQuery does', (_, spec) => {
    validateQuery(spec);
    expect(check(spec), JSON.stringify(check.errors)).toBe(true);
  });

  it('accepts the normalized form of every spec', () => {
    for (const [, spec] of syntheticSpecs) expect(check(JSON.parse(JSON.stringify(validateQuery(spec))))).toBe(true);
  });

  it.each(invalidSpecs)('rejects %j, as validateQuery does (%s)', (spec) => {
    expect(() => validateQuery(spec)).toThrow();
    expect(check(spec)).toBe(false);
  });
});
