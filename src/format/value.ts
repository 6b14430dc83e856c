import type { Observation } from '../types.js';
import type { Lang } from './locale.js';
import { decimalsOf, formatNumber, type NumberFormatOptions } from './number.js';
import { withUnit } from './unit.js';

/** What `formatValue` reads from an observation; any object with these fields will do. */
export type ValueLike = Pick<Observation, 'value'> &
  Partial<Pick<Observation, 'qualifier' | 'denominator' | 'unit' | 'status' | 'lower' | 'upper'>>;

export interface ValueFormatOptions extends NumberFormatOptions {
  /** Append the unit (translated). Default `true`. */
  unit?: boolean;
  /**
   * How to write the qualifier: `symbol` gives `>98%`, `words` gives `trên 98%` / `over 98%`.
   * Default `symbol`.
   */
  qualifier?: 'symbol' | 'words';
  /** What to print for a missing value. Default `–`. */
  missing?: string;
  /** Follow an estimate with its interval, in the same decimals: `11,0% (9,8–12,2%)`. Default `false`. */
  interval?: boolean;
}

const qualifierWords: Record<Lang, Record<string, string>> = {
  vi: { '>': 'trên', '<': 'dưới', '~': 'khoảng' },
  en: { '>': 'over', '<': 'under', '~': 'about' },
};

/** Fractions are counted in units such as `tổ chức`; a percent or an empty unit adds nothing to `30/31`. */
function fractionUnit(unit: string | undefined): boolean {
  return !!unit && unit !== '%' && unit !== 'fraction';
}

/** Whether an observation carries an interval (`lower` and `upper`, both numbers). */
export function hasInterval(o: Pick<Observation, 'lower' | 'upper'>): o is { lower: number; upper: number } {
  return typeof o.lower === 'number' && typeof o.upper === 'number';
}

/** `10,2–12,4%`: an estimate's interval in the figure's unit, the unit written once; `''` without one. */
export function formatInterval(o: ValueLike, locale: Lang = 'vi', opts: NumberFormatOptions & { unit?: boolean } = {}): string {
  if (!hasInterval(o)) return '';
  return `${formatValue({ ...o, value: o.lower, qualifier: null }, locale, { ...opts, unit: false })}–${formatValue({ ...o, value: o.upper, qualifier: null }, locale, opts)}`;
}

/**
 * An observation's figure as a reader should see it, qualifier and unit included:
 * `>98%`, `30/31`, `3,58%`, `60,2 triệu đồng/người/năm`; English `3.58%`.
 */
export function formatValue(obs: ValueLike, locale: Lang = 'vi', opts: ValueFormatOptions = {}): string {
  const { unit: showUnit = true, qualifier: qualifierStyle = 'symbol', missing = '–', interval = false, ...numberOpts } = opts;
  if (obs.value === null || obs.value === undefined || !Number.isFinite(obs.value)) return missing;
  let text: string;
  if (obs.denominator !== null && obs.denominator !== undefined) {
    text = `${formatNumber(obs.value, locale, numberOpts)}/${formatNumber(obs.denominator, locale, numberOpts)}`;
    if (showUnit && fractionUnit(obs.unit)) text = withUnit(text, obs.unit, locale);
  } else {
    text = formatNumber(obs.value, locale, numberOpts);
    if (showUnit) text = withUnit(text, obs.unit, locale);
  }
  const q = obs.qualifier;
  if (q) text = qualifierStyle === 'words' ? `${qualifierWords[locale][q]} ${text}` : `${q}${text}`;
  if (interval && hasInterval(obs)) text += ` (${formatInterval(obs, locale, { ...numberOpts, unit: showUnit })})`;
  return text;
}

/**
 * One formatter for a table of observations: each figure gets the decimals its indicator and unit
 * need across all the rows, as the chart of the same rows writes them (`7,0%` beside `6,5%`, not `7%`).
 * Fractions (`30/31`) keep their own digits.
 */
export function valueFormatter(
  rows: readonly (ValueLike & { indicator?: string })[],
  locale: Lang = 'vi',
  opts: ValueFormatOptions = {},
): (obs: ValueLike & { indicator?: string }) => string {
  const key = (o: ValueLike & { indicator?: string }) => `${o.indicator ?? ''}\u0000${o.unit ?? ''}`;
  const values = new Map<string, number[]>();
  for (const o of rows) {
    if (o.value === null || o.value === undefined || (o.denominator !== null && o.denominator !== undefined)) continue;
    const k = key(o);
    let list = values.get(k);
    if (!list) values.set(k, (list = []));
    list.push(o.value);
  }
  const decimals = new Map([...values].map(([k, v]) => [k, decimalsOf(v)]));
  return (o) => formatValue(o, locale, o.denominator !== null && o.denominator !== undefined ? opts : { decimals: decimals.get(key(o)), ...opts });
}
