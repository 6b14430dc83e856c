// The compiler's text: only reads, every value bound, identifiers whitelisted and quoted. ClickHouse
// has no server here, so its SQL and parameter shapes are pinned as golden files
// (test/sql/golden/clickhouse/*.sql; CHISO_UPDATE_GOLDEN=1 rewrites them after a reviewed change).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileIndicatorProbe, compileQuery, SqlDialect, type SqlParam } from '../../src/sql/index.js';
import { realSpecs, syntheticSpecs } from './fixtures.js';
import { EVIL_INDICATOR, EVIL_PERIOD, EVIL_REGION, EVIL_SERIES, hostileRegistry, hostileSpecs } from './hostile.js';

const dialects = Object.keys(SqlDialect) as SqlDialect[];
const CONSTANTS = ["''", "'s'", "'preliminary'", "'final'", "'~'", "'; '", "', '", "'-12-31'", "'0'", "'^[[:space:]]*([+-]?[0-9]+)'"];
const indicators = ['poverty_rate', 'income_per_capita', 'new_rural_communes', 'admin_units', 'households', 'study_participation', 'commendations'];
const table = { extraColumns: [{ name: 'population', type: 'double' as const }] };
const all: [string, unknown][] = [...syntheticSpecs.filter(([n]) => n !== 'unknown column'), ...realSpecs.map(([n, s]): [string, unknown] => [`real: ${n}`, s])];

function statements(spec: unknown, dialect: SqlDialect, registry = undefined as never) {
  const c = compileQuery(spec, { dialect, indicators, table, registry });
  return [c, ...c.checks];
}

/** The placeholders of a statement, in order of first appearance. */
function placeholders(sql: string, dialect: SqlDialect): number[] {
  const re = dialect === 'clickhouse' ? /\{p(\d+):[A-Za-z0-9]+\}/g : /\$(\d+)/g;
  const seen: number[] = [];
  for (const m of sql.matchAll(re)) if (!seen.includes(Number(m[1]))) seen.push(Number(m[1]));
  return seen;
}

describe.each(dialects)('%s', (dialect) => {
  it.each(all)('%s: one read statement, parameters numbered 1..n, values never in the text', (_, spec) => {
    for (const s of statements(spec, dialect)) {
      expect(s.sql).toMatch(/^(WITH|SELECT) /);
      expect(s.sql.replace(/'[^']*'/g, "''")).not.toContain(';');
      expect(s.sql).not.toMatch(/\b(INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|TRUNCATE|GRANT|COPY|ATTACH|INSTALL|LOAD|PRAGMA|CALL)\b/i);
      expect(placeholders(s.sql, dialect)).toEqual(s.params.map((_, i) => i + 1));
      // The only literals are the compiler's own constants; every value from a spec is a parameter.
      for (const lit of s.sql.match(/'[^']*'/g) ?? []) expect(CONSTANTS).toContain(lit);
    }
  });

  it('binds hostile ids as data', () => {
    for (const [, spec] of hostileSpecs) {
      for (const s of statements(spec, dialect, hostileRegistry as never)) {
        for (const evil of [EVIL_REGION, EVIL_INDICATOR, EVIL_SERIES, EVIL_PERIOD]) expect(s.sql).not.toContain(evil);
        expect(s.sql).not.toMatch(/DROP|DELETE|pg_sleep/);
      }
    }
    const c = compileQuery({ select: { regions: [EVIL_REGION], indicators: [EVIL_INDICATOR] } }, { dialect, registry: hostileRegistry });
    expect(c.params).toEqual([EVIL_INDICATOR, EVIL_REGION]);
  });

  it('refuses names outside the whitelist: table, declared columns, spec columns', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { code?: string }).code;
      }
      return 'no error';
    };
    expect(code(() => compileQuery({}, { dialect, table: { name: 'observations; DROP TABLE x' } }))).toBe('SQL_BAD_TABLE_NAME');
    expect(code(() => compileQuery({}, { dialect, table: { name: 'a.b.c' } }))).toBe('SQL_BAD_TABLE_NAME');
    expect(code(() => compileQuery({}, { dialect, table: { columns: ['value', 'x"y'] } }))).toBe('SQL_BAD_TABLE_COLUMN');
    expect(code(() => compileQuery({}, { dialect, table: { extraColumns: [{ name: 'pop"; --', type: 'double' }] } }))).toBe('SQL_BAD_TABLE_COLUMN');
    expect(code(() => compileQuery({}, { dialect, table: { extraColumns: [{ name: 'pop', type: 'money' as never }] } }))).toBe('SQL_BAD_COLUMN_TYPE');
    expect(code(() => compileQuery({ columns: ['population'] }, { dialect }))).toBe('QUERY_UNKNOWN_COLUMN');
    expect(code(() => compileQuery({ columns: ['a"b'] }, { dialect }))).toBe('QUERY_BAD_COLUMN_NAME');
    expect(code(() => compileQuery({ orderby: ['region; DROP TABLE x'] }, { dialect }))).toBe('QUERY_BAD_COLUMN_NAME');
    expect(code(() => compileQuery({ derive: [{ op: 'rank' }] }, { dialect }))).toBe('SQL_INDICATORS_NEEDED');
    expect(code(() => compileQuery({}, { dialect: 'mysql' as never }))).toBe('SQL_UNKNOWN_DIALECT');
    expect(compileQuery({ columns: ['population'] }, { dialect, table }).columns).toEqual(['population']);
  });

  it('schema-qualified table names are quoted part by part', () => {
    const q = dialect === 'clickhouse' ? '`' : '"';
    expect(compileQuery({}, { dialect, table: { name: 'stats.observations' } }).sql).toContain(`FROM ${q}stats${q}.${q}observations${q}`);
  });
});

describe('the start-year column written at load', () => {
  const range = { select: { indicators: ['poverty_rate'], periods: { from: 2010, to: 2016 } } };
  it.each(dialects)('%s: a period range reads it when the table declares it, the text otherwise', (dialect) => {
    const declared = compileQuery(range, { dialect, table: { periodStart: 'period_start' } }).sql;
    const plain = compileQuery(range, { dialect }).sql;
    expect(declared).toMatch(/[`"]period_start[`"] BETWEEN/);
    expect(declared).not.toContain('[[:space:]]');
    expect(plain).not.toContain('period_start');
    expect(plain).toContain('[[:space:]]');
  });

  it('is checked like any declared column, and needs a period column', () => {
    expect(() => compileQuery(range, { dialect: 'duckdb', table: { periodStart: 'x; DROP' } })).toThrow(/SQL_BAD_TABLE_COLUMN/);
    expect(() => compileQuery(range, { dialect: 'duckdb', table: { periodStart: 'value' } })).toThrow(/SQL_BAD_TABLE_COLUMN/);
    expect(() => compileQuery({}, { dialect: 'duckdb', table: { columns: ['indicator', 'value'], periodStart: 'period_start' } })).toThrow(/SQL_BAD_TABLE_COLUMN/);
  });

  it('is created by createTableSql after the declared columns (ClickHouse computes it)', async () => {
    const { createTableSql, fillPeriodStartSql } = await import('../../src/connectors/observations-table.js');
    expect(createTableSql('duckdb')).toMatch(/"quote" VARCHAR, "period_start" BIGINT\)$/);
    expect(createTableSql('postgres', { periodStart: 'start_year' })).toMatch(/"start_year" BIGINT\)$/);
    expect(createTableSql('clickhouse')).toMatch(/`period_start` Nullable\(Int64\) MATERIALIZED toInt64OrNull/);
    expect(createTableSql('duckdb', { columns: ['indicator', 'value'] })).not.toContain('period_start');
    expect(fillPeriodStartSql('duckdb')).toMatch(/^UPDATE "observations" SET "period_start" = CASE/);
    expect(fillPeriodStartSql('clickhouse')).toBeNull();
  });
});

describe('ClickHouse golden SQL', () => {
  const dir = new URL('./golden/clickhouse/', import.meta.url);
  const update = process.env.CHISO_UPDATE_GOLDEN === '1';
  if (update) mkdirSync(dir, { recursive: true });
  // A missing golden file fails: write it with CHISO_UPDATE_GOLDEN=1 and review it.
  const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

  it.each(syntheticSpecs.filter(([n]) => n !== 'unknown column'))('%s', (name, spec) => {
    const texts = statements(spec, 'clickhouse').map((s) => `${s.sql}\n-- params: ${JSON.stringify(s.params satisfies SqlParam[])}`);
    const file = new URL(`${slug(name)}.sql`, dir);
    const text = texts.join('\n\n-- next statement --\n') + '\n';
    if (update) writeFileSync(file, text);
    expect(existsSync(file), `golden file ${file.pathname}`).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });

  it('spells ClickHouse: backquoted names, typed placeholders, lagInFrame, settings', () => {
    const c = compileQuery({ select: { indicators: ['poverty_rate'], periods: { from: 2010 } }, derive: [{ op: 'change' }], limit: 3 }, { dialect: 'clickhouse' });
    expect(c.sql).toContain('`indicator` IN ({p1:String})');
    expect(c.sql).toContain('>= {p2:Float64}');
    expect(c.sql).toContain('lagInFrame(`value`)');
    expect(c.sql).toContain('LIMIT {p3:Int64}');
    expect(c.sql.endsWith(' SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1')).toBe(true);
    expect(c.params).toEqual(['poverty_rate', 2010, 3]);
    const probe = compileIndicatorProbe({ select: { status: 'final' } }, { dialect: 'clickhouse' });
    expect(probe.sql).toBe(
      'WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote` FROM `observations` WHERE `status` IN ({p1:String}))\nSELECT DISTINCT `indicator` FROM `__s0` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1',
    );
    expect(probe.params).toEqual(['final']);
  });
});
