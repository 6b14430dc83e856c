/**
 * Dictionary encoding of the columns a cube needs: each dimension becomes one integer code per row and
 * a dictionary of its distinct values; each measured column becomes a Float64Array (NaN where a value
 * is missing, as Arquero's aggregates skip null, undefined and NaN alike).
 */
import '../messages/cube.js';
import { fail } from '../errors.js';
import { comparePeriods, periodYear } from '../data/period.js';
import { isDictionaryColumn, type CubeColumn, type CubeInput, type DimValue } from './spec.js';

export interface EncodedDim {
  name: string;
  /** Per row, the value's code. */
  codes: Int32Array;
  /** Code -> value. For `period`, codes follow period order (start year, then text). */
  dictionary: DimValue[];
  /** Value -> code. */
  lookup: Map<DimValue, number>;
  /** For `period`: the start year of each code (NaN when a period has none). */
  years: Float64Array | null;
}

export interface Encoded {
  rows: number;
  dims: Map<string, EncodedDim>;
  measures: Map<string, Float64Array>;
}

type Get = (i: number) => unknown;

/**
 * Encodings of columns given as columns (not rows), by column object. A column is read once, when a
 * cube first needs it; give new arrays for new data rather than changing these in place.
 */
const encodedColumns = new WeakMap<object, Map<string, EncodedDim>>();

function columnNames(input: CubeInput): string[] {
  if (Array.isArray(input)) return input.length ? Object.keys(input[0] as object) : [];
  return Object.keys(input);
}

function rowCount(input: CubeInput): number {
  if (Array.isArray(input)) return input.length;
  const cols = input as Readonly<Record<string, CubeColumn>>;
  let n = -1;
  for (const [name, c] of Object.entries(cols)) {
    const len = isDictionaryColumn(c) ? c.codes.length : c.length;
    if (n === -1) n = len;
    else if (len !== n) fail('CUBE_COLUMN_LENGTH', { value: name, length: len, expected: n });
  }
  return Math.max(n, 0);
}

function asDim(value: unknown): DimValue {
  return value === undefined ? null : (value as DimValue);
}

/** Distinct values in first-seen order, each with its code. */
function interner(): { dictionary: DimValue[]; lookup: Map<DimValue, number>; code: (value: unknown) => number } {
  const dictionary: DimValue[] = [];
  const lookup = new Map<DimValue, number>();
  const code = (value: unknown): number => {
    const d = asDim(value);
    let c = lookup.get(d);
    if (c === undefined) {
      c = dictionary.length;
      dictionary.push(d);
      lookup.set(d, c);
    }
    return c;
  };
  return { dictionary, lookup, code };
}

function encodePlain(name: string, n: number, get: Get): EncodedDim {
  const codes = new Int32Array(n);
  const { dictionary, lookup, code } = interner();
  let last: unknown = Symbol();
  let lastCode = -1;
  for (let i = 0; i < n; i++) {
    const v = get(i);
    // Sorted or repeated input often repeats the previous value: skip the map then.
    if (v !== last) {
      lastCode = code(v);
      last = v;
    }
    codes[i] = lastCode;
  }
  return { name, codes, dictionary, lookup, years: null };
}

function encodeDictionary(name: string, n: number, col: { codes: ArrayLike<number>; dictionary: readonly DimValue[] }): EncodedDim {
  // The given dictionary may repeat a value (or hold undefined for null): fold to distinct values.
  const { dictionary, lookup, code } = interner();
  const remap = Int32Array.from(col.dictionary, code);
  const codes = new Int32Array(n);
  const size = remap.length;
  const src = col.codes;
  for (let i = 0; i < n; i++) {
    const k = src[i];
    if (!(k >= 0 && k < size) || (k | 0) !== k) fail('CUBE_BAD_CODE', { value: String(k), column: name, row: i + 1, size });
    codes[i] = remap[k];
  }
  return { name, codes, dictionary, lookup, years: null };
}

/** Renumbers the period codes in period order, so a range of start years is a run of codes. */
function orderPeriods(dim: EncodedDim): EncodedDim {
  const order = dim.dictionary.map((_, k) => k).sort((a, b) => comparePeriods(dim.dictionary[a], dim.dictionary[b]));
  const years = Float64Array.from(order, (old) => (dim.dictionary[old] === null ? NaN : periodYear(dim.dictionary[old])));
  if (order.every((old, k) => old === k)) return { ...dim, years };
  const remap = new Int32Array(order.length);
  order.forEach((old, k) => (remap[old] = k));
  const dictionary = order.map((old) => dim.dictionary[old]);
  const codes = dim.codes;
  for (let i = 0; i < codes.length; i++) codes[i] = remap[codes[i]];
  const lookup = new Map<DimValue, number>(dictionary.map((v, k) => [v, k]));
  return { ...dim, dictionary, lookup, codes, years };
}

function encodeMeasure(name: string, n: number, col: CubeColumn | null, get: Get): Float64Array {
  if (col instanceof Float64Array) return col;
  if (col && (col instanceof Float32Array || col instanceof Int32Array || col instanceof Int16Array || col instanceof Uint16Array || col instanceof Uint8Array || col instanceof Int8Array || col instanceof Uint32Array)) {
    return Float64Array.from(col);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = get(i);
    if (typeof v === 'number') out[i] = v;
    else if (v === null || v === undefined) out[i] = NaN;
    else fail('CUBE_NOT_A_NUMBER', { column: name, row: i + 1, value: String(v) });
  }
  return out;
}

function getter(input: CubeInput, name: string): { col: CubeColumn | null; get: Get } {
  if (Array.isArray(input)) {
    const rows = input as readonly Readonly<Record<string, unknown>>[];
    return { col: null, get: (i) => rows[i][name] };
  }
  const col = (input as Readonly<Record<string, CubeColumn>>)[name];
  if (isDictionaryColumn(col)) return { col, get: (i) => col.dictionary[col.codes[i]] };
  return { col, get: (i) => col[i] };
}

/**
 * Encodes the dimension and measure columns named. Throws `CUBE_UNKNOWN_COLUMN` for a column the input
 * lacks (`where` names what needed it), `CUBE_NOT_A_NUMBER` for a measured cell that is not a number.
 */
export function encode(input: CubeInput, dims: readonly string[], measures: readonly string[], needs: (column: string) => string): Encoded {
  const present = columnNames(input);
  const n = rowCount(input);
  for (const c of [...dims, ...measures]) {
    if (n > 0 && !present.includes(c)) fail('CUBE_UNKNOWN_COLUMN', { value: c, where: needs(c), allowed: present.join(', ') });
  }
  const out: Encoded = { rows: n, dims: new Map(), measures: new Map() };
  for (const name of dims) {
    const { col, get } = n > 0 ? getter(input, name) : { col: null, get: () => null };
    // The views of one dashboard share their columns: each column is encoded once, for every cube.
    const cached = col ? encodedColumns.get(col as object)?.get(name) : undefined;
    if (cached && cached.codes.length === n) {
      out.dims.set(name, cached);
      continue;
    }
    let d = col && isDictionaryColumn(col) ? encodeDictionary(name, n, col) : encodePlain(name, n, get);
    if (name === 'period') d = orderPeriods(d);
    if (col) {
      const byName = encodedColumns.get(col as object) ?? new Map<string, EncodedDim>();
      byName.set(name, d);
      encodedColumns.set(col as object, byName);
    }
    out.dims.set(name, d);
  }
  for (const name of measures) {
    const { col, get } = n > 0 ? getter(input, name) : { col: null, get: () => null };
    out.measures.set(name, encodeMeasure(name, n, col, get));
  }
  return out;
}
