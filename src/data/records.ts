/**
 * Tidy records that arrive as objects: JSON (an array of observations, or `{ observations: [...] }`)
 * and Arrow tables. Their "row" in diagnostics is the record's 1-based position.
 */
import '../messages/data.js';
import { jsonDepth, jsonErrorDetail, JSON_MAX_DEPTH } from './json.js';
import type { LoadContext } from './context.js';
import { fieldOf, isProvenanceColumn, type Field } from './fields.js';
import { inferDecimalStyle, type DecimalStyle } from './number.js';
import { readRecord } from './record.js';
import { requiredFields } from './tidy.js';

export interface RecordsOptions {
  indicator?: string;
  unit?: string;
  period?: string;
  decimal?: DecimalStyle;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readRecords(records: unknown[], ctx: LoadContext, options: RecordsOptions): void {
  if (records.length === 0) {
    ctx.error('DATA_EMPTY', {}, {});
    return;
  }
  // Which key names each field, over all records (JSON objects need not share keys).
  const keyOf = new Map<Field, string>();
  const unknownKeys = new Map<string, number>();
  for (const r of records) {
    if (!isPlainObject(r)) continue;
    for (const k of Object.keys(r)) {
      const f = fieldOf(k);
      if (f && !keyOf.has(f)) keyOf.set(f, k);
      else if ((!f && !isProvenanceColumn(k)) || (f && keyOf.get(f) !== k)) unknownKeys.set(k, (unknownKeys.get(k) ?? 0) + (r[k] === null || r[k] === undefined || r[k] === '' ? 0 : 1));
    }
  }
  const missing = requiredFields(options).filter((f) => !keyOf.has(f));
  if (missing.length) {
    ctx.error('DATA_MISSING_COLUMNS', { missing: missing.join(', '), found: [...keyOf.values(), ...unknownKeys.keys()].map((h) => `"${h}"`).join(', ') }, {});
    return;
  }
  for (const [k, n] of unknownKeys) {
    ctx.counters.skipped += n;
    ctx.warn('DATA_COLUMN_IGNORED', { column: k, count: n }, { column: k });
  }
  const valueKey = keyOf.get('value')!;
  const decimal = options.decimal ?? inferDecimalStyle(records.map((r) => (isPlainObject(r) && typeof r[valueKey] === 'string' ? (r[valueKey] as string) : '')));
  records.forEach((r, i) => {
    ctx.counters.rowsRead++;
    if (!isPlainObject(r)) {
      ctx.error('DATA_NOT_AN_OBJECT', { value: JSON.stringify(r) ?? String(r) }, { row: i + 1 });
      ctx.counters.skipped++;
      return;
    }
    readRecord(
      (f) => {
        const k = keyOf.get(f);
        return k === undefined || !Object.hasOwn(r, k) ? (f === 'value' && k !== undefined ? { raw: null, column: k } : undefined) : { raw: r[k], column: k };
      },
      i + 1,
      ctx,
      { indicator: options.indicator, unit: options.unit, period: options.period, decimal },
    );
  });
}

/** JSON text: an array of observations or `{ observations: [...] }`. */
export function readJson(text: string, ctx: LoadContext, options: RecordsOptions): void {
  let data: unknown;
  if (jsonDepth(text) > JSON_MAX_DEPTH) {
    ctx.error('DATA_TOO_DEEP', { max: JSON_MAX_DEPTH }, {});
    return;
  }
  try {
    data = JSON.parse(text);
  } catch (e) {
    ctx.error('DATA_BAD_JSON', { detail: jsonErrorDetail(e) }, {});
    return;
  }
  const records = Array.isArray(data) ? data : isPlainObject(data) && Array.isArray(data.observations) ? data.observations : null;
  if (!records) {
    ctx.error('DATA_JSON_SHAPE', {}, {});
    return;
  }
  readRecords(records, ctx, options);
}

/** Arrow IPC bytes to plain records. */
export type ArrowReader = (bytes: Uint8Array) => Record<string, unknown>[];

type Arquero = { fromArrow(bytes: Uint8Array): { objects(): object[] } };
const readerOf = (aq: Arquero): ArrowReader => (bytes) => aq.fromArrow(bytes).objects() as Record<string, unknown>[];

// Arquero reads Arrow; it is imported when Arrow bytes are to be read, so a page that loads CSV or
// JSON (a portal's dashboard) never downloads it.
let reader: ArrowReader | null = null;
let loading: Promise<ArrowReader> | null = null;

/**
 * Loads the Arrow reader (once). `loadObservations` reads Arrow bytes synchronously once it is
 * loaded; in Node it loads on first use by itself, in a browser await this first.
 */
export function loadArrowReader(): Promise<ArrowReader> {
  loading ??= import('arquero').then((aq) => (reader ??= readerOf(aq as unknown as Arquero)));
  return loading;
}

/** Node can load a module synchronously; a browser cannot (there `loadArrowReader()` comes first). */
function nodeReader(): ArrowReader | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.('node:module') as { createRequire?: (from: string) => (id: string) => unknown } | undefined;
  if (!mod?.createRequire) return null;
  try {
    return readerOf(mod.createRequire(import.meta.url)('arquero') as Arquero);
  } catch {
    return null;
  }
}

/** Apache Arrow IPC bytes (file or stream format), read with Arquero. */
export function readArrow(bytes: Uint8Array, ctx: LoadContext, options: RecordsOptions): void {
  reader ??= nodeReader();
  if (!reader) {
    ctx.error('DATA_BAD_ARROW', { detail: 'await loadArrowReader() before loadObservations() / gọi loadArrowReader() trước' }, {});
    return;
  }
  let records: Record<string, unknown>[];
  try {
    records = reader(bytes);
  } catch (e) {
    ctx.error('DATA_BAD_ARROW', { detail: e instanceof Error ? e.message : String(e) }, {});
    return;
  }
  readRecords(records.map(plain), ctx, options);
}

/** Arrow hands back BigInt for 64-bit integers; a figure is a plain number. */
function plain(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}
