/**
 * The cube's door: options and clauses are checked here, once; the builder and the answerer only see
 * normalized values. Grouping and measures are checked by the query layer itself (as a `summarize`
 * step), so a cube accepts exactly what a query would.
 */
import '../messages/cube.js';
import { fail, showValue } from '../errors.js';
import { message, type MessageCode } from '../messages/index.js';
import { periodYear } from '../data/period.js';
import { validateQuery } from '../query/validate.js';
import { CubeDim, isCubeDim, type CubeClause, type DimValue, type NormalizedCubeOptions } from './spec.js';

type Obj = Record<string, unknown>;

type Expected = Extract<MessageCode, `EXPECT_${string}`>;

function badType(where: string, expected: Expected, value: unknown): never {
  return fail('CUBE_BAD_TYPE', { where, expected: message(expected, {}, 'en'), expectedVi: message(expected, {}, 'vi'), value: showValue(value) });
}

function object(value: unknown, where: string, keys: readonly string[]): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) badType(where, 'EXPECT_OBJECT', value);
  for (const k of Object.keys(value)) if (!keys.includes(k)) fail('CUBE_UNKNOWN_KEY', { where, value: k, allowed: keys.join(', ') });
  return value as Obj;
}

function dim(value: unknown, where: string): CubeDim {
  if (!isCubeDim(value)) fail('CUBE_UNKNOWN_DIMENSION', { where, value: showValue(value).replace(/^"|"$/g, ''), allowed: Object.keys(CubeDim).join(', ') });
  return value;
}

function dimValue(value: unknown, where: string): DimValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Number.isNaN(value))) return value;
  return badType(where, 'EXPECT_DIM_VALUE', value);
}

function rangeEnd(value: unknown, where: string): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && Number.isFinite(periodYear(value))) return value;
  return badType(where, 'EXPECT_RANGE_END', value);
}

/** Checks one clause; `allowed` limits its field to the cube's selection dimensions. */
export function validateClause(value: unknown, where: string, allowed?: readonly CubeDim[]): CubeClause {
  const o = object(value, where, ['source', 'field', 'values', 'range']);
  const field = dim(o.field, `${where}.field`);
  if (allowed && !allowed.includes(field)) fail('CUBE_DIMENSION_NOT_BUILT', { where, value: field, allowed: allowed.join(', ') || '—' });
  const source = o.source === undefined ? {} : { source: o.source as object };
  if (o.range !== undefined) {
    if (o.values !== undefined) fail('CUBE_UNKNOWN_KEY', { where, value: 'values', allowed: 'source, field, range' });
    if (field !== 'period') fail('CUBE_RANGE_NOT_PERIOD', { where, value: field });
    if (!Array.isArray(o.range) || o.range.length !== 2) badType(`${where}.range`, 'EXPECT_PAIR', o.range);
    return { ...source, field, range: [rangeEnd(o.range[0], `${where}.range[0]`), rangeEnd(o.range[1], `${where}.range[1]`)] };
  }
  if (!Array.isArray(o.values)) badType(`${where}.values`, 'EXPECT_LIST', o.values);
  return { ...source, field, values: o.values.map((v, i) => dimValue(v, `${where}.values[${i}]`)) };
}

/** Checks a list of clauses (a selection), each limited to the cube's selection dimensions. */
export function validateClauses(value: unknown, where: string, allowed?: readonly CubeDim[]): CubeClause[] {
  if (!Array.isArray(value)) badType(where, 'EXPECT_CLAUSES', value);
  return value.map((c, i) => validateClause(c, `${where}[${i}]`, allowed));
}

/** Checks cube options and fills in defaults. Throws a `ChisoError` naming the bad key or value. */
export function validateCubeOptions(options: unknown): NormalizedCubeOptions {
  const o = object(options, 'cube', ['groupby', 'measures', 'selectionDims', 'where', 'unweighted']);
  const q = validateQuery({ derive: [{ op: 'summarize', by: o.groupby ?? [], measures: o.measures, ...(o.unweighted !== undefined ? { unweighted: o.unweighted } : {}) }] });
  const step = q.derive[0] as Extract<(typeof q.derive)[number], { op: 'summarize' }>;
  const dimsIn = o.selectionDims ?? [];
  if (!Array.isArray(dimsIn)) badType('cube.selectionDims', 'EXPECT_LIST', dimsIn);
  const selectionDims = [...new Set(dimsIn.map((d, i) => dim(d, `cube.selectionDims[${i}]`)))];
  const where = o.where === undefined ? [] : validateClauses(o.where, 'cube.where');
  return { groupby: step.by, measures: step.measures, selectionDims, where, unweighted: step.unweighted };
}
