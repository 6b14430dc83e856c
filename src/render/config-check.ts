/**
 * Checks a chiso configuration against its JSON schema (generated from config-types.ts) and then
 * against what the schema cannot say: chart ids unique, each chart's data named under `data`. Every
 * problem names its JSON path (`$.charts[1].optoins`) and, for an unknown key, the keys allowed there.
 *
 * Ajv compiles the schema into a function with `new Function`, so this runs in Node and in pages that
 * allow it, not under a strict CSP; portal pages receive configurations already checked at build time.
 * Ajv itself is handed in (config.ts imports it; the CLI loads it only when a configuration needs it:
 * with the precompiled validator, a valid configuration never does).
 */
import '../messages/render.js';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
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

/** How the schema is compiled, here and ahead of time (scripts/config-validator.ts): every error, with the values that failed. */
export const CONFIG_AJV_OPTIONS = { allErrors: true, verbose: true, strict: false } as const;

interface Compiled {
  /** Made when first needed: a precompiled root validator needs none until a union fails. */
  ajv: () => Ajv;
  root: ValidateFunction;
  branches: Map<string, ValidateFunction>;
}
const compiled = new WeakMap<object, Compiled>();

/** Makes an Ajv instance with CONFIG_AJV_OPTIONS. */
export type NewAjv = () => Ajv;

function compiledFor(schema: object, newAjv: NewAjv, precompiled?: ValidateFunction): Compiled {
  let c = compiled.get(schema);
  if (!c || (precompiled && c.root !== precompiled)) {
    let ajv: Ajv | undefined;
    const instance = () => (ajv ??= newAjv());
    c = { ajv: instance, root: precompiled ?? instance().compile(schema), branches: new Map() };
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
      out.push(prefixed(prefix, { ...u, keyword: 'anyOf' }));
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
      });
      continue;
    }
    let v = c.branches.get(ref);
    if (!v) {
      v = c.ajv().compile({ definitions: schema.definitions, ...match });
      c.branches.set(ref, v);
    }
    if (!v(data)) out.push(...explain(c, schema, v.errors ?? [], prefix + u.instancePath));
  }
  // Unknown keys first: the most common mistake and the clearest message.
  return out.sort((a, b) => Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties'));
}

/** What a validator keyword means, in both languages: Ajv's own messages are English only. */
function ajvDetail(e: ErrorObject): { vi: string; en: string } {
  const p = e.params as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => JSON.stringify(x)).join(', ') : JSON.stringify(v));
  const typeVi: Record<string, string> = { string: 'chuỗi', number: 'số', integer: 'số nguyên', boolean: 'true/false', object: 'đối tượng', array: 'mảng', null: 'null' };
  switch (e.keyword) {
    case 'enum':
      return { vi: `phải là một trong: ${list(p.allowedValues)}`, en: `must be one of: ${list(p.allowedValues)}` };
    case 'const':
      return { vi: `phải là ${list(p.allowedValue)}`, en: `must be ${list(p.allowedValue)}` };
    case 'type': {
      const types = String(p.type).split(',');
      return { vi: `phải là ${types.map((t) => typeVi[t] ?? t).join(' hoặc ')}`, en: `must be ${types.join(' or ')}` };
    }
    case 'anyOf':
    case 'oneOf':
      return { vi: 'không khớp dạng nào được phép', en: 'does not match any allowed form' };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const vi = { minimum: '>=', exclusiveMinimum: '>', maximum: '<=', exclusiveMaximum: '<' }[e.keyword];
      return { vi: `phải ${vi} ${String(p.limit)}`, en: `must be ${vi} ${String(p.limit)}` };
    }
    case 'minItems':
      return { vi: `cần ít nhất ${String(p.limit)} phần tử`, en: `must have at least ${String(p.limit)} items` };
    case 'maxItems':
      return { vi: `có nhiều nhất ${String(p.limit)} phần tử`, en: `must have at most ${String(p.limit)} items` };
    case 'minLength':
      return { vi: `cần ít nhất ${String(p.limit)} ký tự`, en: `must have at least ${String(p.limit)} characters` };
    case 'maxLength':
      return { vi: `có nhiều nhất ${String(p.limit)} ký tự`, en: `must have at most ${String(p.limit)} characters` };
    case 'pattern':
      return { vi: `phải khớp mẫu ${String(p.pattern)}`, en: `must match the pattern ${String(p.pattern)}` };
    default:
      // A keyword the schema does not use today: name it rather than show Ajv's English in the Vietnamese line.
      return { vi: `không hợp lệ (${e.keyword})`, en: e.message ?? `invalid (${e.keyword})` };
  }
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
    return diagnostic('RENDER_CONFIG_INVALID', { path: jsonPath(e.instancePath, key), detailVi: 'bắt buộc', detailEn: 'required' }, loc);
  }
  const { vi, en } = ajvDetail(e);
  const value = e.data === undefined ? undefined : JSON.stringify(e.data)?.slice(0, 80);
  const shown = value !== undefined ? ` (${value})` : '';
  return diagnostic('RENDER_CONFIG_INVALID', { path: jsonPath(e.instancePath), detailVi: vi + shown, detailEn: en + shown, value }, loc);
}

export interface ValidateConfigOptions {
  /** The JSON schema (schema/chiso-config.schema.json). */
  schema: object;
  /** File name shown in errors. */
  file?: string;
  /** `schema` already compiled (schema/chiso-config.validate.cjs), so it is not compiled again. */
  validate?: ValidateFunction;
}

/**
 * What the schema cannot say: ids unique, a type or a spec, data named under `data`, option keys of
 * the chart's type. Runs on a configuration the schema rejected too (skipping what is not the right
 * shape), so one run reports every problem.
 */
function crossChecks(value: unknown, loc: { file?: string }): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value) || !Array.isArray(value.charts)) return problems;
  const data = isObject(value.data) ? value.data : {};
  const names = Object.keys(data);
  const ids = new Set<string>();
  value.charts.forEach((chart: unknown, i) => {
    if (!isObject(chart) || typeof chart.id !== 'string') return;
    const id = chart.id;
    if (ids.has(id)) problems.push(diagnostic('RENDER_CONFIG_DUPLICATE_ID', { id, value: id }, loc));
    ids.add(id);
    const type = typeof chart.type === 'string' && Object.hasOwn(optionKeys, chart.type) ? (chart.type as keyof typeof optionKeys) : undefined;
    if (!chart.type && !chart.spec) problems.push(diagnostic('RENDER_CONFIG_NO_CHART', { chart: id }, loc));
    if (chart.type && chart.data === undefined)
      problems.push(diagnostic('RENDER_CONFIG_INVALID', { path: jsonPath(`/charts/${i}`, 'data'), detailVi: 'bắt buộc khi có "type"', detailEn: 'required with "type"' }, loc));
    if (type && isObject(chart.options)) {
      const allowed = optionKeys[type];
      for (const key of Object.keys(chart.options))
        if (!allowed.includes(key))
          problems.push(diagnostic('RENDER_CONFIG_UNKNOWN_KEY', { key, path: jsonPath(`/charts/${i}/options`, key), allowed: allowed.join(', '), value: key }, loc));
    }
    if (typeof chart.data === 'string' && !Object.hasOwn(data, chart.data))
      problems.push(diagnostic('RENDER_CONFIG_UNKNOWN_DATA', { chart: id, data: chart.data, known: names.join(', ') || '-', value: chart.data }, loc));
  });
  return problems;
}

/** `validateConfig` (config.ts) with the Ajv it compiles with, when it must, handed in. */
export function validateConfigWith(value: unknown, { schema, file, validate }: ValidateConfigOptions, newAjv: NewAjv): ChisoConfig {
  const c = compiledFor(schema, newAjv, validate);
  const loc = file ? { file } : {};
  const problems = c.root(value) ? [] : explain(c, schema as Schema, c.root.errors ?? []).map((e) => toDiagnostic(e, file));
  const seen = new Set(problems.map((d) => d.en));
  for (const d of crossChecks(value, loc)) if (!seen.has(d.en)) problems.push(d);
  if (problems.length) throw new ChisoError(problems[0], problems.slice(1));
  return value as ChisoConfig;
}
