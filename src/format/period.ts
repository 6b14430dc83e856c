import type { Status } from '../types.js';
import type { Lang } from './locale.js';
import { message } from '../messages/index.js';


/**
 * A date the way the locale writes it: `07/05/2024` in Vietnamese, `7 May 2024` in English.
 * Accepts a `Date` (read in UTC, so a date means the same day everywhere) or an ISO `YYYY-MM-DD` string.
 */
export function formatDate(date: Date | string, locale: Lang = 'vi'): string {
  let y: number, m: number, d: number;
  if (typeof date === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!match) return date;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    if (Number.isNaN(date.getTime())) return '';
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }
  return message('FORMAT_DATE', { day: d, month: m, year: y }, locale);
}

export interface PeriodFormatOptions {
  /** Mark preliminary figures: `2016 (sơ bộ)` / `2016 (preliminary)`. Default: no mark. */
  status?: Status;
  /** Write the mark short: `2016 (sb)` / `2016 (prel.)`. Default `false`. */
  short?: boolean;
}

/**
 * A period as the reader writes it: a year stays `2016`, a range becomes `2021–2023`, a date
 * `07/05/2024`, a month `tháng 5/2024` / `May 2024`. Anything else is returned as it came.
 */
export function formatPeriod(period: string, locale: Lang = 'vi', opts: PeriodFormatOptions = {}): string {
  let text = period;
  let m: RegExpExecArray | null;
  if (/^\d{4}$/.test(period)) text = period;
  else if ((m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(period))) text = `${m[1]}–${m[2]}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(period)) text = formatDate(period, locale);
  else if ((m = /^(\d{4})-(\d{2})$/.exec(period)))
    text = message('FORMAT_MONTH', { month: m[2], year: m[1] }, locale);
  if (opts.status === 'preliminary') {
    text += ` (${message(opts.short ? 'FORMAT_PRELIMINARY_SHORT' : 'FORMAT_PRELIMINARY', {}, locale)})`;
  }
  return text;
}

/**
 * A period as it stands inside a Vietnamese sentence, with its noun: `năm 2016`, `năm 2021–2023`,
 * `tháng 6/2025`, `ngày 07/05/2024` (a month or a day is not a "năm"). English sentences put their own
 * preposition before the plain period, so `en` gives `formatPeriod`'s text.
 */
export function periodPhrase(period: string, locale: Lang = 'vi', opts: PeriodFormatOptions = {}): string {
  const text = formatPeriod(period, locale, opts);
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return message('FORMAT_PHRASE_DAY', { text }, locale);
  if (/^\d{4}-\d{2}$/.test(period)) return text; // already `tháng 5/2024`
  if (/^\d{4}(\s*[-–]\s*\d{4})?$/.test(period)) return message('FORMAT_PHRASE_YEAR', { text }, locale);
  return text;
}
