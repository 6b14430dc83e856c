import type { Lang } from './locale.js';
import { vegaFormat } from './vega-locale.js';

export { separators } from './vega-locale.js';

/** Words for large magnitudes, largest first. */
export const magnitudes: Record<Lang, { factor: number; word: string }[]> = {
  vi: [
    { factor: 1e9, word: 'tỷ' },
    { factor: 1e6, word: 'triệu' },
    { factor: 1e3, word: 'nghìn' },
  ],
  en: [
    { factor: 1e9, word: 'billion' },
    { factor: 1e6, word: 'million' },
    { factor: 1e3, word: 'thousand' },
  ],
};

export interface NumberFormatOptions {
  /** Exactly this many decimals (`3,50`). Default: up to `maxDecimals`, trailing zeros dropped. */
  decimals?: number;
  /** Upper bound on decimals when `decimals` is not given. Default 2. */
  maxDecimals?: number;
  /**
   * Write large numbers with a magnitude word (`1,2 triệu`). `true` uses the largest word that fits
   * from thousands up; a number such as `1e6` uses words from that factor up. Default `false`.
   */
  magnitude?: boolean | number;
  /** Prefix positive numbers with `+` (for changes). Default `false`. */
  signed?: boolean;
  /** Group thousands (`3.051`). Default `true`. */
  grouping?: boolean;
}

/**
 * A number the way a reader of `locale` writes it: `formatNumber(3.58, 'vi')` is `3,58`,
 * `formatNumber(3051, 'vi')` is `3.051`, `formatNumber(1.2e6, 'vi', { magnitude: true })` is `1,2 triệu`.
 * Printed by the d3-format locale Vega's axes, legends and `format()` use (`vegaFormat`), so a figure
 * in a description, a tooltip or a label reads exactly as Vega draws it: 2.675 is `2,67` in both
 * (the nearest double is 2.67499…), never `2,68` in one and `2,67` in the other.
 */
export function formatNumber(value: number, locale: Lang = 'vi', opts: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '–' : value > 0 ? '∞' : '-∞';
  const { maxDecimals = 2, signed = false, grouping = true } = opts;
  let x = value;
  let word = '';
  if (opts.magnitude) {
    const from = typeof opts.magnitude === 'number' ? opts.magnitude : 1e3;
    const m = magnitudes[locale].find((m) => m.factor >= from && Math.abs(value) >= m.factor);
    if (m) {
      x = value / m.factor;
      word = ' ' + m.word;
    }
  }
  const decimals = opts.decimals ?? (word && maxDecimals === 2 ? 1 : maxDecimals);
  // `~` drops trailing zeros when the decimals are a bound, not a demand. d3 writes no sign on a zero.
  const out = vegaFormat(`${grouping ? ',' : ''}.${decimals}${opts.decimals === undefined ? '~' : ''}f`, locale)(x);
  return (signed && x > 0 && /[1-9]/.test(out) ? '+' : '') + out + word;
}

/** How many decimals a set of figures needs to be shown as written (capped). */
export function decimalsOf(values: Iterable<number | null | undefined>, max = 2): number {
  let d = 0;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    for (let k = d; k < max; k++) {
      if (Math.abs(Math.round(v * 10 ** k) - v * 10 ** k) < 1e-9 * 10 ** k) break;
      d = k + 1;
    }
  }
  return d;
}

/** The d3 format string that prints like `formatNumber(v, locale, { decimals })` under chiso's locale. */
export function d3Format(decimals: number, grouping = true): string {
  return `${grouping ? ',' : ''}.${decimals}f`;
}
