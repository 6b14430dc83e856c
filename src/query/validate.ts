/**
 * `validateQuery`: the door of the query layer. It checks a spec written by hand or read from JSON,
 * rejects unknown keys and keywords naming the valid ones, and fills in defaults. The executors only
 * ever see a `NormalizedQuery`.
 */
import '../messages/query.js';
import { fail, showValue } from '../errors.js';
import { isStatus, Status } from '../types.js';
import { OBSERVATION_COLUMNS } from './checks.js';
import { QUERY_LIMITS, type QueryLimit } from './limits.js';
import {
  DeriveOp,
  isDeriveOp,
  isRankDirection,
  isSelectLevel,
  isSortOrder,
  isSummaryFn,
  RankDirection,
  SelectLevel,
  SortOrder,
  SummaryFn,
  type Measure,
  type NormalizedQuery,
  type NormalizedStep,
  type OrderKey,
  type QuerySpec,
  type RegionSelection,
  type NormalizedSelection,
} from './spec.js';

type Obj = Record<string, unknown>;

// Identifiers only, so a name can sit in an Arquero expression; `__` is kept for internal columns.
const COLUMN_NAME = /^(?!__)[A-Za-z_][A-Za-z0-9_]*$/;

function badType(where: string, expected: string, expectedVi: string, value: unknown): never {
  return fail('QUERY_BAD_TYPE', { where, expected, expectedVi, value: showValue(value) });
}

function object(value: unknown, where: string, keys: readonly string[]): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    badType(where, 'an object', 'một đối tượng', value);
  }
  for (const k of Object.keys(value)) {
    if (!keys.includes(k)) fail('QUERY_UNKNOWN_KEY', { where, value: k, allowed: keys.join(', ') });
  }
  return value as Obj;
}

/** Every key of an object whose keys are free (maps), so `object` only checks the type. */
function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null ? Object.keys(value) : [];
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') badType(where, 'a non-empty string', 'một chuỗi không rỗng', value);
  return value;
}

function number(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) badType(where, 'a finite number', 'một số hữu hạn', value);
  return value;
}

function finite(value: unknown, where: string): number {
  return within(number(value, where), where, -QUERY_LIMITS.magnitude, QUERY_LIMITS.magnitude, 'magnitude');
}

function within(value: number, where: string, min: number, max: number, limit: QueryLimit): number {
  if (!(value >= min && value <= max)) fail('QUERY_OUT_OF_RANGE', { where, min, max, limit, value: showValue(value) });
  return value;
}

const year = (value: unknown, where: string): number => within(number(value, where), where, -QUERY_LIMITS.year, QUERY_LIMITS.year, 'year');

function atMost(count: number, where: string, limit: 'deriveSteps' | 'listItems' | 'columnItems'): void {
  if (count > QUERY_LIMITS[limit]) fail('QUERY_TOO_MANY', { where, count, max: QUERY_LIMITS[limit], limit });
}

// A NUL (refused by PostgreSQL text) or half a surrogate pair (not text in any engine).
const BAD_CHARACTER = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function text(s: string, where: string): void {
  if (s.length > QUERY_LIMITS.stringLength) fail('QUERY_TOO_LONG', { where, count: s.length, max: QUERY_LIMITS.stringLength });
  const bad = BAD_CHARACTER.exec(s);
  if (bad) fail('QUERY_BAD_CHARACTER', { where, value: `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` });
}

/**
 * The budgets that hold for the whole spec before any part is read: nesting depth, list lengths and
 * every string (keys included). Iterative, so a value nested 50,000 deep is refused, not a stack overflow.
 */
function budgets(spec: unknown): void {
  const stack: [unknown, string, number][] = [[spec, 'query', 1]];
  while (stack.length) {
    const [value, where, depth] = stack.pop() as [unknown, string, number];
    if (typeof value === 'string') text(value, where);
    if (typeof value !== 'object' || value === null) continue;
    if (depth > QUERY_LIMITS.depth) fail('QUERY_TOO_DEEP', { where, max: QUERY_LIMITS.depth });
    if (Array.isArray(value)) {
      atMost(value.length, where, 'listItems');
      value.forEach((v, i) => stack.push([v, `${where}[${i}]`, depth + 1]));
      continue;
    }
    const keys = Object.keys(value);
    atMost(keys.length, where, 'listItems');
    for (const k of keys) {
      text(k, `${where}.${k.slice(0, 40)}`);
      stack.push([(value as Obj)[k], `${where}.${k}`, depth + 1]);
    }
  }
}

/**
 * Refuses a name that differs from another column only in case: engines that fold case (DuckDB)
 * would read one for the other, while the executors and PostgreSQL keep them apart.
 */
function distinctNames(q: NormalizedQuery): void {
  const seen = new Map<string, string>(OBSERVATION_COLUMNS.map((c) => [c, c]));
  const name = (n: string, where: string) => {
    const other = seen.get(n.toLowerCase());
    if (other !== undefined && other !== n) fail('QUERY_NAME_COLLISION', { where, value: n, other });
    seen.set(n.toLowerCase(), n);
  };
  q.derive.forEach((s, i) => {
    const where = `derive[${i}]`;
    if ('as' in s) name(s.as, `${where}.as`);
    if (s.op === 'gapToTarget') {
      name(s.reachedAs, `${where}.reachedAs`);
      if (s.reachedAs === s.as) fail('QUERY_NAME_COLLISION', { where: `${where}.reachedAs`, value: s.reachedAs, other: s.as });
    }
    if (s.op === 'reaggregate' && s.weight && 'column' in s.weight) name(s.weight.column, `${where}.weight.column`);
    if (s.op === 'summarize') {
      s.by.forEach((c, j) => name(c, `${where}.by[${j}]`));
      for (const [m, measure] of Object.entries(s.measures)) {
        name(m, `${where}.measures.${m}`);
        name(measure.column, `${where}.measures.${m}.column`);
      }
    }
  });
  q.orderby.forEach((k, i) => name(k.column, `orderby[${i}]`));
  q.columns?.forEach((c, i) => name(c, `columns[${i}]`));
}

function column(value: unknown, where: string): string {
  const s = string(value, where);
  if (!COLUMN_NAME.test(s)) fail('QUERY_BAD_COLUMN_NAME', { where, value: s });
  return s;
}

function list<T>(value: unknown, where: string, item: (v: unknown, where: string) => T): T[] {
  if (!Array.isArray(value)) badType(where, 'a list', 'một danh sách', value);
  return value.map((v, i) => item(v, `${where}[${i}]`));
}

function keyword<T extends string>(value: unknown, where: string, vocabulary: Record<T, T>, guard: (v: unknown) => v is T): T {
  if (!guard(value)) fail('QUERY_UNKNOWN_KEYWORD', { where, value: showValue(value).replace(/^"|"$/g, ''), allowed: Object.keys(vocabulary).join(', ') });
  return value;
}

function regions(value: unknown, where: string): RegionSelection {
  if (Array.isArray(value)) return list(value, where, string);
  if (typeof value === 'object' && value !== null) {
    if ('level' in value) {
      const o = object(value, where, ['level']);
      return { level: keyword(o.level, `${where}.level`, SelectLevel, isSelectLevel) };
    }
    if ('parent2025' in value) {
      const o = object(value, where, ['parent2025']);
      return { parent2025: string(o.parent2025, `${where}.parent2025`) };
    }
    object(value, where, ['level', 'parent2025']);
    fail('QUERY_MISSING_KEY', { where, value: 'level | parent2025' });
  }
  return badType(where, 'a list of region ids, { level } or { parent2025 }', 'danh sách mã đơn vị, { level } hoặc { parent2025 }', value);
}

/** A period as written in observations: a string; a whole year may be given as a number (`2010`). */
function period(value: unknown, where: string): string {
  if (typeof value === 'number' && Number.isInteger(value)) return String(year(value, where));
  return string(value, where);
}

function periods(value: unknown, where: string): NonNullable<NormalizedSelection['periods']> {
  if (value === 'latest') return 'latest';
  if (typeof value === 'string') fail('QUERY_UNKNOWN_KEYWORD', { where, value, allowed: 'latest' });
  if (Array.isArray(value)) return list(value, where, period);
  const o = object(value, where, ['from', 'to']);
  const range: { from?: number; to?: number } = {};
  if (o.from !== undefined) range.from = year(o.from, `${where}.from`);
  if (o.to !== undefined) range.to = year(o.to, `${where}.to`);
  return range;
}

function series(value: unknown, where: string): (string | null)[] | null {
  if (value === null) return null;
  return list(value, where, (v, w) => (v === null ? null : string(v, w)));
}

function selection(value: unknown): NormalizedSelection {
  if (value === undefined) return {};
  const o = object(value, 'select', ['indicators', 'regions', 'periods', 'series', 'status']);
  const s: NormalizedSelection = {};
  if (o.indicators !== undefined) s.indicators = list(o.indicators, 'select.indicators', string);
  if (o.regions !== undefined) s.regions = regions(o.regions, 'select.regions');
  if (o.periods !== undefined) s.periods = periods(o.periods, 'select.periods');
  if (o.series !== undefined) s.series = series(o.series, 'select.series');
  if (o.status !== undefined) {
    const statuses = typeof o.status === 'string' ? [o.status] : o.status;
    s.status = list(statuses, 'select.status', (v, w) => keyword(v, w, Status, isStatus));
  }
  return s;
}

function seriesRef(value: unknown, where: string): string | null {
  return value === undefined || value === null ? null : string(value, where);
}

function step(value: unknown, where: string): NormalizedStep {
  const op = keyword(object(value, where, keysOf(value)).op, `${where}.op`, DeriveOp, isDeriveOp);
  switch (op) {
    case 'change':
    case 'percentChange': {
      const o = object(value, where, ['op', 'base', 'as']);
      return {
        op,
        base: o.base === undefined ? 'previous' : period(o.base, `${where}.base`),
        as: o.as === undefined ? op : column(o.as, `${where}.as`),
      };
    }
    case 'rank': {
      const o = object(value, where, ['op', 'direction', 'as']);
      const s: NormalizedStep = { op, as: o.as === undefined ? 'rank' : column(o.as, `${where}.as`) };
      if (o.direction !== undefined) s.direction = keyword(o.direction, `${where}.direction`, RankDirection, isRankDirection);
      return s;
    }
    case 'share': {
      const o = object(value, where, ['op', 'denominator', 'scale', 'as']);
      const s: NormalizedStep = {
        op,
        scale: o.scale === undefined ? 100 : finite(o.scale, `${where}.scale`),
        as: o.as === undefined ? 'share' : column(o.as, `${where}.as`),
      };
      if (o.denominator !== undefined) {
        const d = object(o.denominator, `${where}.denominator`, ['indicator', 'series']);
        s.denominator = { indicator: string(d.indicator, `${where}.denominator.indicator`), series: seriesRef(d.series, `${where}.denominator.series`) };
      }
      return s;
    }
    case 'gapToTarget': {
      const o = object(value, where, ['op', 'target', 'as', 'reachedAs']);
      if (o.target === undefined) fail('QUERY_MISSING_KEY', { where, value: 'target' });
      let target: number | Record<string, number>;
      if (typeof o.target === 'number') target = finite(o.target, `${where}.target`);
      else {
        const t = object(o.target, `${where}.target`, keysOf(o.target));
        target = {};
        for (const [k, v] of Object.entries(t)) target[k] = finite(v, `${where}.target.${k}`);
      }
      return {
        op,
        target,
        as: o.as === undefined ? 'gap' : column(o.as, `${where}.as`),
        reachedAs: o.reachedAs === undefined ? 'reached' : column(o.reachedAs, `${where}.reachedAs`),
      };
    }
    case 'latest':
      object(value, where, ['op']);
      return { op };
    case 'reaggregate': {
      const o = object(value, where, ['op', 'weight']);
      if (o.weight === undefined) return { op };
      const w = o.weight as Obj;
      if (typeof w === 'object' && w !== null && 'column' in w) {
        const c = object(w, `${where}.weight`, ['column']);
        return { op, weight: { column: column(c.column, `${where}.weight.column`) } };
      }
      const i = object(w, `${where}.weight`, ['indicator', 'series']);
      return { op, weight: { indicator: string(i.indicator, `${where}.weight.indicator`), series: seriesRef(i.series, `${where}.weight.series`) } };
    }
    case 'summarize': {
      const o = object(value, where, ['op', 'by', 'measures', 'unweighted']);
      if (o.unweighted !== undefined && typeof o.unweighted !== 'boolean') badType(`${where}.unweighted`, 'true or false', 'true hoặc false', o.unweighted);
      const by = o.by === undefined ? [] : list(o.by, `${where}.by`, column);
      atMost(by.length, `${where}.by`, 'columnItems');
      const m = object(o.measures, `${where}.measures`, keysOf(o.measures));
      atMost(Object.keys(m).length, `${where}.measures`, 'columnItems');
      const measures: Record<string, Required<Measure>> = {};
      for (const [name, spec] of Object.entries(m)) {
        const w = `${where}.measures.${name}`;
        column(name, w);
        if (by.includes(name)) fail('QUERY_UNKNOWN_KEY', { where: `${where}.measures`, value: name, allowed: 'names other than the "by" columns' });
        const ms = object(spec, w, ['fn', 'column']);
        measures[name] = {
          fn: keyword(ms.fn, `${w}.fn`, SummaryFn, isSummaryFn),
          column: ms.column === undefined ? 'value' : column(ms.column, `${w}.column`),
        };
      }
      if (Object.keys(measures).length === 0) fail('QUERY_MISSING_KEY', { where: `${where}.measures`, value: 'measure' });
      return { op, by, measures, unweighted: o.unweighted === true };
    }
  }
}

function orderKey(value: unknown, where: string): Required<OrderKey> {
  if (typeof value === 'string') return { column: column(value, where), order: 'asc' };
  const o = object(value, where, ['column', 'order']);
  return {
    column: column(o.column, `${where}.column`),
    order: o.order === undefined ? 'asc' : keyword(o.order, `${where}.order`, SortOrder, isSortOrder),
  };
}

/**
 * Checks a query spec (from code or JSON) and returns it normalized: defaults filled in, order keys as
 * objects. Throws a `ChisoError` naming the bad key or value and the valid ones.
 */
export function validateQuery(spec: unknown): NormalizedQuery {
  budgets(spec);
  const o = object(spec, 'query', ['select', 'derive', 'orderby', 'limit', 'columns']) as QuerySpec & Obj;
  if (Array.isArray(o.derive)) atMost(o.derive.length, 'derive', 'deriveSteps');
  if (Array.isArray(o.orderby)) atMost(o.orderby.length, 'orderby', 'columnItems');
  if (Array.isArray(o.columns)) atMost(o.columns.length, 'columns', 'columnItems');
  const q: NormalizedQuery = {
    select: selection(o.select),
    derive: o.derive === undefined ? [] : list(o.derive, 'derive', step),
    orderby: o.orderby === undefined ? [] : list(o.orderby, 'orderby', orderKey),
  };
  if (o.limit !== undefined) {
    const n = number(o.limit, 'limit');
    if (!Number.isInteger(n) || n < 0) badType('limit', 'a whole number >= 0', 'một số nguyên >= 0', o.limit);
    q.limit = within(n, 'limit', 0, QUERY_LIMITS.limit, 'limit');
  }
  if (o.columns !== undefined) q.columns = list(o.columns, 'columns', column);
  distinctNames(q);
  return q;
}
