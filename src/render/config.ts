/**
 * Checks a chiso configuration against its JSON schema (generated from config-types.ts) and then
 * against what the schema cannot say: chart ids unique, each chart's data named under `data`. Every
 * problem names its JSON path (`$.charts[1].optoins`) and, for an unknown key, the keys allowed there.
 *
 * Ajv compiles the schema into a function with `new Function`, so this runs in Node and in pages that
 * allow it, not under a strict CSP; portal pages receive configurations already checked at build time.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { ChisoError, diagnostic, type Diagnostic } from '../errors.js';
import type { ChisoConfig } from './config-types.js';
import { optionKeys } from '../charts/chart.js';

export type { ChisoConfig, ChartConfig, DataSourceConfig, DataFormat, ChartTypeName, ChartOptionsConfig, VegaLiteFragment } from './config-types.js';

/** `/charts/0/options` + `colour` -> `$.charts[0].options.colour`. */
export function jsonPath(pointer: string, key?: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (key !== undefined) parts.push(key);
  return '$' + parts.map((p) => (/^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}

interface Compiled {
  ajv: Ajv;
  root: ValidateFunction;
  branches: Map<string, ValidateFunction>;
}
const compiled = new WeakMap<object, Compiled>();

function compiledFor(schema: object): Compiled {
  let c = compiled.get(schema);
  if (!c) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    c = { ajv, root: ajv.compile(schema), branches: new Map() };
    compiled.set(schema, c);
  }
  return c;
}

type Schema = { $ref?: string; properties?: Record<string, { const?: unknown; enum?: unknown[] }>; definitions?: Record<string, Schema> };

function resolve(schema: Schema, branch: Schema): Schema {
  const m = /^#\/definitions\/(.+)$/.exec(branch.$ref ?? '');
  return m ? (schema.definitions?.[decodeURIComponent(m[1])] ?? branch) : branch;
}

function prefixed(prefix: string, e: ErrorObject): ErrorObject {
  return { ...e, instancePath: prefix + e.instancePath };
}

/**
 * The errors worth showing. Ajv reports every branch of a union (a derive step is one of eight
 * shapes), which buries the one mistake; so for a union that failed, validate again against the
 * branch the value's `op` names and report only that branch's errors.
 */
function explain(c: Compiled, schema: Schema, errors: ErrorObject[], prefix = ''): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf');
  const inside = (e: ErrorObject, p: string) => e.instancePath === p || e.instancePath.startsWith(p + '/');
  // Outermost unions only: a union nested in a union's branch is handled while re-validating it.
  const outer = unions.filter((u) => !unions.some((o) => o !== u && o.instancePath !== u.instancePath && inside(u, o.instancePath)));
  const out: ErrorObject[] = errors.filter((e) => e.keyword !== 'anyOf' && !outer.some((u) => inside(e, u.instancePath))).map((e) => prefixed(prefix, e));
  const done = new Set<string>();
  for (const u of outer) {
    if (done.has(u.instancePath)) continue;
    done.add(u.instancePath);
    const data = u.data as Record<string, unknown> | null;
    const branches = (Array.isArray(u.schema) ? u.schema : []) as Schema[];
    const op = data && typeof data === 'object' && !Array.isArray(data) ? data.op : undefined;
    if (op === undefined) {
      out.push(prefixed(prefix, { ...u, message: 'does not match any allowed form / không khớp dạng nào được phép' }));
      continue;
    }
    const ops: unknown[] = [];
    let match: Schema | undefined;
    let ref = '';
    for (const b of branches) {
      const def = resolve(schema, b);
      const p = def.properties?.op;
      const allowed = p?.enum ?? (p && 'const' in p ? [p.const] : []);
      ops.push(...allowed);
      if (!match && allowed.includes(op)) {
        match = b;
        ref = b.$ref ?? JSON.stringify(b);
      }
    }
    if (!match) {
      out.push({
        ...u,
        instancePath: prefix + u.instancePath + '/op',
        keyword: 'enum',
        params: { allowedValues: ops },
        data: op,
        message: 'must be one of / phải là một trong',
      });
      continue;
    }
    let v = c.branches.get(ref);
    if (!v) {
      v = c.ajv.compile({ definitions: schema.definitions, ...match });
      c.branches.set(ref, v);
    }
    if (!v(data)) out.push(...explain(c, schema, v.errors ?? [], prefix + u.instancePath));
  }
  // Unknown keys first: the most common mistake and the clearest message.
  return out.sort((a, b) => Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties'));
}

function toDiagnostic(e: ErrorObject, file: string | undefined): Diagnostic {
  const loc = file ? { file } : {};
  if (e.keyword === 'additionalProperties') {
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
    return diagnostic(
      'RENDER_CONFIG_UNKNOWN_KEY',
      { key, path: jsonPath(e.instancePath, key), allowed: Object.keys(props).join(', ') || '-', value: key },
      loc,
    );
  }
  if (e.keyword === 'required') {
    const key = (e.params as { missingProperty: string }).missingProperty;
    return diagnostic('RENDER_CONFIG_INVALID', { path: jsonPath(e.instancePath, key), detail: 'required / bắt buộc' }, loc);
  }
  let detail = e.message ?? e.keyword;
  if (e.keyword === 'enum') detail += `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  const value = e.data === undefined ? undefined : JSON.stringify(e.data)?.slice(0, 80);
  return diagnostic('RENDER_CONFIG_INVALID', { path: jsonPath(e.instancePath), detail: value !== undefined ? `${detail} (${value})` : detail, value }, loc);
}

export interface ValidateConfigOptions {
  /** The JSON schema (schema/chiso-config.schema.json). */
  schema: object;
  /** File name shown in errors. */
  file?: string;
}

/** Returns the configuration typed, or throws a ChisoError listing every problem found. */
export function validateConfig(value: unknown, { schema, file }: ValidateConfigOptions): ChisoConfig {
  const c = compiledFor(schema);
  if (!c.root(value)) {
    const diags = explain(c, schema as Schema, c.root.errors ?? []).map((e) => toDiagnostic(e, file));
    throw new ChisoError(diags[0], diags.slice(1));
  }
  const config = value as ChisoConfig;
  const problems: Diagnostic[] = [];
  const loc = file ? { file } : {};
  const ids = new Set<string>();
  const names = Object.keys(config.data);
  config.charts.forEach((chart, i) => {
    if (ids.has(chart.id)) problems.push(diagnostic('RENDER_CONFIG_DUPLICATE_ID', { id: chart.id, value: chart.id }, loc));
    ids.add(chart.id);
    if (!chart.type && !chart.spec) problems.push(diagnostic('RENDER_CONFIG_NO_CHART', { chart: chart.id }, loc));
    if (chart.type && chart.data === undefined)
      problems.push(diagnostic('RENDER_CONFIG_INVALID', { path: jsonPath(`/charts/${i}`, 'data'), detail: 'required with "type" / bắt buộc khi có "type"' }, loc));
    if (chart.type && chart.options) {
      const allowed = optionKeys[chart.type];
      for (const key of Object.keys(chart.options))
        if (!allowed.includes(key))
          problems.push(diagnostic('RENDER_CONFIG_UNKNOWN_KEY', { key, path: jsonPath(`/charts/${i}/options`, key), allowed: allowed.join(', '), value: key }, loc));
    }
    if (chart.data !== undefined && !Object.hasOwn(config.data, chart.data))
      problems.push(diagnostic('RENDER_CONFIG_UNKNOWN_DATA', { chart: chart.id, data: chart.data, known: names.join(', ') || '-', value: chart.data }, loc));
  });
  if (problems.length) throw new ChisoError(problems[0], problems.slice(1));
  return config;
}
