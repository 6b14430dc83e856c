/**
 * `validateQuery`: the door of the query layer. It checks a spec written by hand or read from JSON,
 * rejects unknown keys and keywords naming the valid ones, and fills in defaults. The executors only
 * ever see a `NormalizedQuery`.
 */
import { fail, showValue } from '../errors.js';
import { isStatus, Status } from '../types.js';
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

function finite(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) badType(where, 'a finite number', 'một số hữu hạn', value);
  return value;
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
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return string(value, where);
}

function periods(value: unknown, where: string): NonNullable<NormalizedSelection['periods']> {
  if (value === 'latest') return 'latest';
  if (typeof value === 'string') fail('QUERY_UNKNOWN_KEYWORD', { where, value, allowed: 'latest' });
  if (Array.isArray(value)) return list(value, where, period);
  const o = object(value, where, ['from', 'to']);
  const range: { from?: number; to?: number } = {};
  if (o.from !== undefined) range.from = finite(o.from, `${where}.from`);
  if (o.to !== undefined) range.to = finite(o.to, `${where}.to`);
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
      const m = object(o.measures, `${where}.measures`, keysOf(o.measures));
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
  const o = object(spec, 'query', ['select', 'derive', 'orderby', 'limit', 'columns']) as QuerySpec & Obj;
  const q: NormalizedQuery = {
    select: selection(o.select),
    derive: o.derive === undefined ? [] : list(o.derive, 'derive', step),
    orderby: o.orderby === undefined ? [] : list(o.orderby, 'orderby', orderKey),
  };
  if (o.limit !== undefined) {
    const n = finite(o.limit, 'limit');
    if (!Number.isInteger(n) || n < 0) badType('limit', 'a whole number >= 0', 'một số nguyên >= 0', o.limit);
    q.limit = n;
  }
  if (o.columns !== undefined) q.columns = list(o.columns, 'columns', column);
  return q;
}
