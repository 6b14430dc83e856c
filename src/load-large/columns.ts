/** Growable typed columns: numbers into a Float64Array, text into dictionary codes. */
import type { ObservationColumn } from '../types.js';
import type { ColumnType, LargeColumn, TextColumn } from './types.js';

/** The type of each observation column; `period` stays text (`2016`, `2021-2023`). */
const OBSERVATION_TYPES: Readonly<Record<ObservationColumn, ColumnType>> = {
  indicator: 'string', region: 'string', period: 'string', value: 'number', qualifier: 'string', denominator: 'number',
  unit: 'string', series: 'string', status: 'string', source: 'string', quote: 'string',
};

/** Columns whose type is known: the observation's, and the extractor's `start`, `end` and `note`. */
export const KNOWN_TYPES: Readonly<Record<string, ColumnType>> = { ...OBSERVATION_TYPES, start: 'number', end: 'number', note: 'string' };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cell machine-written as a number (dot decimal); the empty cell counts as missing, not text. */
export function isNumberText(text: string): boolean {
  return NUMBER.test(text);
}

export interface ColumnBuilder {
  readonly type: ColumnType;
  /** Appends one cell; returns false when a number column meets text. */
  push(text: string): boolean;
  /** Appends values decoded elsewhere (Arrow, Parquet). */
  pushValue(value: unknown): boolean;
  readonly length: number;
  finish(): LargeColumn;
}

function grow<T extends Float64Array | Int32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

export class NumberBuilder implements ColumnBuilder {
  readonly type = 'number' as const;
  #data: Float64Array;
  length = 0;
  constructor(capacity = 1 << 16) {
    this.#data = new Float64Array(capacity);
  }
  push(text: string): boolean {
    if (text === '') return this.pushValue(null);
    if (!NUMBER.test(text)) return false;
    return this.pushValue(+text);
  }
  pushValue(value: unknown): boolean {
    if (this.length === this.#data.length) this.#data = grow(this.#data, this.length + 1);
    if (value === null || value === undefined) this.#data[this.length++] = NaN;
    else if (typeof value === 'number') this.#data[this.length++] = value;
    else if (typeof value === 'bigint') this.#data[this.length++] = Number(value);
    else return false;
    return true;
  }
  finish(): Float64Array {
    return this.#data.slice(0, this.length);
  }
}

export class TextBuilder implements ColumnBuilder {
  readonly type = 'string' as const;
  #codes: Int32Array;
  #lookup = new Map<string | null, number>();
  #dictionary: (string | null)[] = [];
  length = 0;
  constructor(capacity = 1 << 16) {
    this.#codes = new Int32Array(capacity);
  }
  push(text: string): boolean {
    return this.pushValue(text === '' ? null : text);
  }
  pushValue(value: unknown): boolean {
    const v = value === null || value === undefined ? null : String(value);
    let code = this.#lookup.get(v);
    if (code === undefined) {
      code = this.#dictionary.length;
      this.#dictionary.push(v);
      this.#lookup.set(v, code);
    }
    if (this.length === this.#codes.length) this.#codes = grow(this.#codes, this.length + 1);
    this.#codes[this.length++] = code;
    return true;
  }
  /** Characters held by the dictionary so far. */
  get dictionaryChars(): number {
    let n = 0;
    for (const s of this.#dictionary) n += s === null ? 0 : s.length;
    return n;
  }
  get dictionarySize(): number {
    return this.#dictionary.length;
  }
  finish(): TextColumn {
    return { codes: this.#codes.slice(0, this.length), dictionary: this.#dictionary };
  }
}

export function builderFor(type: ColumnType): ColumnBuilder {
  return type === 'number' ? new NumberBuilder() : new TextBuilder();
}
