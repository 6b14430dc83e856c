import { describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { validateConfig, jsonPath } from '../../src/render/config.js';
import { configSchema, configValidator, readJsonFile } from '../../src/render/node/files.js';
import { isChisoError, type ChisoError } from '../../src/errors.js';
import { SCHEMA_FILE, VALIDATOR_FILE, validatorSource } from '../../scripts/config-validator.js';

const schema = configSchema();
const base = { data: { poverty: { file: 'data/observations/poverty_rate.csv' } }, charts: [{ id: 'poverty-map', type: 'map', data: 'poverty' }] };

function refusal(value: unknown, validate?: ReturnType<typeof configValidator>): ChisoError {
  try {
    validateConfig(value, { schema, file: 'chiso.json', validate });
  } catch (e) {
    if (isChisoError(e)) return e;
    throw e;
  }
  throw new Error('expected the configuration to be refused');
}

/** The refusal, which the schema compiled ahead of time (what `chiso render` uses) words the same. */
function error(value: unknown): ChisoError {
  const compiledNow = refusal(value);
  const ahead = refusal(value, configValidator());
  expect(ahead.diagnostics.map((d) => [d.vi, d.en])).toEqual(compiledNow.diagnostics.map((d) => [d.vi, d.en]));
  return compiledNow;
}

describe('configuration schema', () => {
  it('is the one generated from the types (run `npm run schema` after changing config-types.ts)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-schema-'));
    const out = join(dir, 'schema.json');
    execFileSync(
      'node_modules/.bin/ts-json-schema-generator',
      ['-p', 'src/render/config-types.ts', '-t', 'ChisoConfig', '-f', 'tsconfig.json', '--no-type-check', '-o', out],
      { stdio: 'pipe' },
    );
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync('schema/chiso-config.schema.json', 'utf8')));
  }, 60_000);
});

describe('validateConfig', () => {
  it('is compiled ahead of time into schema/chiso-config.validate.cjs (run `npm run schema`), which the exporter uses', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(validatorSource(readFileSync(SCHEMA_FILE, 'utf8')));
    expect(configValidator()).toBeTypeOf('function');
  });

  it('accepts a config with a query', () => {
    const config = validateConfig(
      {
        $schema: '../schema/chiso-config.schema.json',
        lang: 'vi',
        ...base,
        charts: [{ id: 'ha-tinh', type: 'line', data: 'poverty', query: { select: { regions: ['42'], periods: { from: 2006 } }, derive: [{ op: 'rank' }] }, options: { width: 400 } }],
      },
      { schema },
    );
    expect(config.charts[0].id).toBe('ha-tinh');
  });

  it('names an unknown key, its JSON path and the keys allowed there, in both languages', () => {
    const e = error({ ...base, charts: [{ ...base.charts[0], titel: 'x' }] });
    expect(e.code).toBe('RENDER_CONFIG_UNKNOWN_KEY');
    expect(e.text('en')).toContain('Unknown key "titel" at $.charts[0]');
    expect(e.text('en')).toContain('allowed keys: data, id, options, query, spec, title, type');
    expect(e.text('vi')).toContain('Khoá "titel" không được biết tại $.charts[0].titel');
    expect(e.file).toBe('chiso.json');
  });

  it('finds an unknown key inside a derive step, not in the seven steps it is not', () => {
    const e = error({ ...base, charts: [{ ...base.charts[0], query: { derive: [{ op: 'rank', directon: 'asc' }] } }] });
    expect(e.diagnostics).toHaveLength(1);
    expect(e.text('en')).toContain('Unknown key "directon" at $.charts[0].query.derive[0].directon; allowed keys: as, direction, op');
  });

  it('names an unknown derive op with the ops there are', () => {
    const e = error({ ...base, charts: [{ ...base.charts[0], query: { derive: [{ op: 'rnak' }] } }] });
    expect(e.text('en')).toContain('$.charts[0].query.derive[0].op');
    expect(e.text('en')).toContain('"reaggregate"');
  });

  it('refuses a wrong chart type and a wrong language with the allowed values', () => {
    expect(error({ ...base, charts: [{ ...base.charts[0], type: 'pie' }] }).text('en')).toMatch(/\$\.charts\[0\]\.type.*"bar".*\("pie"\)/);
    expect(error({ ...base, lang: 'fr' }).text('en')).toContain('$.lang');
  });

  it('refuses a recipe option the recipe does not take, with its path and the options there are', () => {
    const e = error({ ...base, charts: [{ ...base.charts[0], options: { scheme: 'blues', top: 10 } }] });
    expect(e.code).toBe('RENDER_CONFIG_UNKNOWN_KEY');
    expect(e.text('en')).toContain('Unknown key "top" at $.charts[0].options.top');
    expect(e.text('en')).toContain('topology');
  });

  it('checks what the schema cannot: data names, unique ids, a type or a spec', () => {
    expect(error({ ...base, charts: [{ id: 'a', type: 'bar', data: 'income' }] }).code).toBe('RENDER_CONFIG_UNKNOWN_DATA');
    expect(error({ ...base, charts: [base.charts[0], base.charts[0]] }).code).toBe('RENDER_CONFIG_DUPLICATE_ID');
    expect(error({ ...base, charts: [{ id: 'a' }] }).code).toBe('RENDER_CONFIG_NO_CHART');
    expect(error({ ...base, charts: [{ id: 'a b', type: 'bar', data: 'poverty' }] }).text('en')).toContain('$.charts[0].id');
  });
});

describe('readJsonFile', () => {
  it('names the line of a JSON syntax error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-json-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{\n  "data": {},\n  "charts": [,]\n}\n');
    try {
      readJsonFile(file, 'bad.json');
      expect.unreachable();
    } catch (e) {
      expect(isChisoError(e) && e.code).toBe('RENDER_BAD_JSON');
      expect(isChisoError(e) && e.row).toBe(3);
    }
  });

  it('formats JSON paths', () => {
    expect(jsonPath('/charts/0/options', 'colour')).toBe('$.charts[0].options.colour');
    expect(jsonPath('/data', 'poverty rate')).toBe('$.data["poverty rate"]');
  });
});
