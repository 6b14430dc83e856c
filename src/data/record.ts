/**
 * One tidy record (a CSV row, a JSON object, an Arrow row) to one observation. The three tidy
 * formats differ only in how they find a field's cell; the checks are the same.
 */
import '../messages/data.js';
import type { Indicator } from '../registry/index.js';
import { isQualifier, isStatus, type InputLocation, type Observation, type Qualifier, type Status } from '../types.js';
import { sourceOf, type LoadContext } from './context.js';
import type { Field } from './fields.js';
import { parseNumber, parseQualifier, type DecimalStyle } from './number.js';
import { parsePeriod } from './period.js';

/** A field's cell: its raw content and the column it came from. */
export interface Cell {
  raw: unknown;
  column: string;
}

export interface RecordDefaults {
  indicator?: string;
  unit?: string;
  period?: string;
  /** Decimal convention of the value cells that are text. */
  decimal: DecimalStyle;
}

function text(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  if (typeof raw === 'number' || typeof raw === 'bigint' || typeof raw === 'boolean') return String(raw);
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return JSON.stringify(raw);
}

const STATUS_WORDS: Record<string, Status> = {
  final: 'final', 'chính thức': 'final', 'chinh thuc': 'final',
  preliminary: 'preliminary', 'sơ bộ': 'preliminary', 'so bo': 'preliminary', 'pre.': 'preliminary', pre: 'preliminary',
  missing: 'missing', 'thiếu': 'missing', 'thieu': 'missing',
};

/** Makes the observation of one record and hands it to the context; false when it was not made. */
export function readRecord(
  get: (field: Field) => Cell | undefined,
  row: number,
  ctx: LoadContext,
  defaults: RecordDefaults,
): boolean {
  const before = ctx.errorCount;
  const loc = (field: Field): InputLocation => ({ row, column: get(field)?.column ?? field });
  const cellText = (field: Field) => text(get(field)?.raw);

  // Indicator
  const indicatorId = cellText('indicator') ?? defaults.indicator ?? null;
  let indicator: Indicator | null = null;
  if (indicatorId === null) ctx.error('DATA_MISSING_FIELD', { field: 'indicator' }, loc('indicator'));
  else indicator = ctx.indicator(indicatorId, loc('indicator'));

  // Region
  const regionText = cellText('region');
  let region: string | null = null;
  if (regionText === null) ctx.error('DATA_MISSING_FIELD', { field: 'region' }, loc('region'));
  else region = ctx.region(regionText, loc('region'));

  // Period and status
  const periodRaw = get('period')?.raw;
  const periodText = text(periodRaw) ?? defaults.period ?? null;
  let period: string | null = null;
  let status: Status = 'final';
  if (periodText === null) ctx.error('DATA_MISSING_FIELD', { field: 'period' }, loc('period'));
  else {
    const p = parsePeriod(periodText);
    if (!p) ctx.error('DATA_BAD_PERIOD', { value: periodText }, loc('period'));
    else {
      period = p.period;
      status = p.status;
    }
  }
  const statusText = cellText('status');
  if (statusText !== null) {
    const s = isStatus(statusText) ? statusText : STATUS_WORDS[statusText.toLowerCase()];
    if (!s) ctx.error('DATA_BAD_STATUS', { value: statusText }, loc('status'));
    else status = s;
  }

  // Unit (needed before the value: "60,2 triệu" in a `triệu đồng/…` column is 60.2)
  const unitText = cellText('unit') ?? defaults.unit ?? null;
  let unit: string | null = unitText === null ? null : ctx.unit(unitText, loc('unit'));

  // Value
  const valueCell = get('value');
  let value: number | null = null;
  let qualifier: Qualifier | null = null;
  let denominator: number | null = null;
  if (!valueCell) ctx.error('DATA_MISSING_FIELD', { field: 'value' }, loc('value'));
  else if (typeof valueCell.raw === 'number' || typeof valueCell.raw === 'bigint') {
    const n = Number(valueCell.raw);
    if (!Number.isFinite(n)) ctx.error('DATA_NOT_A_NUMBER', { value: String(valueCell.raw), detail: '', detailEn: '' }, loc('value'));
    else value = n;
  } else if (valueCell.raw === null || valueCell.raw === undefined) {
    value = null;
  } else if (typeof valueCell.raw === 'string') {
    const v = ctx.value(valueCell.raw, defaults.decimal, unit ?? indicator?.unit ?? null, loc('value'));
    if (v) {
      value = v.value;
      qualifier = v.qualifier;
      denominator = v.denominator;
      if (v.unit !== null && unit === null) unit = v.unit;
    }
  } else ctx.error('DATA_NOT_A_NUMBER', { value: text(valueCell.raw) ?? '', detail: '', detailEn: '' }, loc('value'));

  const qualifierText = cellText('qualifier');
  if (qualifierText !== null) {
    const q = isQualifier(qualifierText) ? qualifierText : parseQualifier(qualifierText);
    if (q === undefined) ctx.error('DATA_BAD_QUALIFIER', { value: qualifierText }, loc('qualifier'));
    else qualifier = q;
  }
  const denominatorCell = get('denominator');
  const denominatorText = text(denominatorCell?.raw);
  if (denominatorText !== null) {
    const d = typeof denominatorCell?.raw === 'number' ? denominatorCell.raw : (() => {
      const r = parseNumber(denominatorText, { decimal: defaults.decimal });
      return r.ok && r.rest === null && r.value !== null ? r.value : NaN;
    })();
    if (!Number.isFinite(d) || d === 0) ctx.error('DATA_NOT_A_NUMBER', { value: denominatorText, detail: '', detailEn: '' }, loc('denominator'));
    else denominator = d;
  }

  if (unit === null) unit = indicator?.unit ?? null;

  // An interval around the figure (survey estimates): both ends, numbers, around the value.
  const bound = (field: 'lower' | 'upper'): number | null => {
    const c = get(field);
    const raw = text(c?.raw);
    if (raw === null) return null;
    if (typeof c?.raw === 'number') return c.raw;
    const r = parseNumber(raw, { decimal: defaults.decimal });
    if (!r.ok || r.rest !== null || r.value === null) {
      ctx.error('DATA_NOT_A_NUMBER', { value: raw, detail: '', detailEn: '' }, loc(field));
      return null;
    }
    return r.value;
  };
  const lower = bound('lower');
  const upper = bound('upper');
  if ((lower === null) !== (upper === null) || (lower !== null && upper !== null && (lower > upper || (value !== null && (value < lower || value > upper))))) {
    ctx.error('DATA_BAD_INTERVAL', { lower: lower ?? '', upper: upper ?? '', value: value ?? '' }, loc(lower === null ? 'lower' : 'upper'));
  }

  if (ctx.errorCount > before || indicatorId === null || indicator === null || region === null || period === null || unit === null) {
    ctx.counters.skipped++;
    return false;
  }
  const obs: Observation = {
    indicator: indicatorId,
    region,
    period,
    value,
    qualifier,
    denominator,
    unit,
    series: cellText('series'),
    status,
    source: cellText('source') ?? sourceOf(ctx.file, { row }),
    quote: cellText('quote'),
    ...(lower !== null && upper !== null ? { lower, upper } : {}),
  };
  return ctx.emit(obs, { row, column: get('value')?.column ?? 'value' }, indicator);
}
