/**
 * Tidy records that arrive as objects: JSON (an array of observations, or `{ observations: [...] }`)
 * and Arrow tables. Their "row" in diagnostics is the record's 1-based position.
 */
import { fromArrow } from 'arquero';
import type { LoadContext } from './context.js';
import { fieldOf, type Field } from './fields.js';
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
      else if (!f || keyOf.get(f) !== k) unknownKeys.set(k, (unknownKeys.get(k) ?? 0) + (r[k] === null || r[k] === undefined || r[k] === '' ? 0 : 1));
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
  try {
    data = JSON.parse(text);
  } catch (e) {
    ctx.error('DATA_BAD_JSON', { detail: e instanceof Error ? e.message : String(e) }, {});
    return;
  }
  const records = Array.isArray(data) ? data : isPlainObject(data) && Array.isArray(data.observations) ? data.observations : null;
  if (!records) {
    ctx.error('DATA_JSON_SHAPE', {}, {});
    return;
  }
  readRecords(records, ctx, options);
}

/** Apache Arrow IPC bytes (file or stream format), read with Arquero. */
export function readArrow(bytes: Uint8Array, ctx: LoadContext, options: RecordsOptions): void {
  let records: Record<string, unknown>[];
  try {
    records = fromArrow(bytes).objects() as Record<string, unknown>[];
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
