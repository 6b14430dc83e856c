import { formatLocale, type FormatLocaleObject } from 'd3-format';
import type { Lang } from './locale.js';

/** Separators per locale: Vietnamese writes `3.051` and `3,58`; English `3,051` and `3.58`. */
export const separators: Record<Lang, { decimal: string; thousands: string }> = {
  vi: { decimal: ',', thousands: '.' },
  en: { decimal: '.', thousands: ',' },
};

/** d3-format locale definition (what `vega.formatLocale` and vega-embed's `formatLocale` take). */
export interface VegaNumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  minus?: string;
  percent?: string;
  nan?: string;
}

/** d3-time-format locale definition (what `vega.timeFormatLocale` and vega-embed's `timeFormatLocale` take). */
export interface VegaTimeLocale {
  dateTime: string;
  date: string;
  time: string;
  periods: [string, string];
  days: [string, string, string, string, string, string, string];
  shortDays: [string, string, string, string, string, string, string];
  months: [string, string, string, string, string, string, string, string, string, string, string, string];
  shortMonths: [string, string, string, string, string, string, string, string, string, string, string, string];
}

/**
 * The number locale for Vega, so `format(x, ',.2f')` inside a spec prints `3,58` and `3.051` in
 * Vietnamese. chiso's theme also embeds it as `config.locale`, so a spec carries its own.
 */
export function vegaNumberLocale(locale: Lang = 'vi'): VegaNumberLocale {
  const s = separators[locale];
  return locale === 'vi'
    ? { decimal: s.decimal, thousands: s.thousands, grouping: [3], currency: ['', '\u00a0₫'], minus: '-' }
    : { decimal: s.decimal, thousands: s.thousands, grouping: [3], currency: ['', '\u00a0VND'], minus: '-' };
}

/** The time locale for Vega: Vietnamese dates `07/05/2024`, month names `tháng 5`. */
export function vegaTimeLocale(locale: Lang = 'vi'): VegaTimeLocale {
  if (locale === 'vi') {
    return {
      dateTime: '%A, %d/%m/%Y, %X',
      date: '%d/%m/%Y',
      time: '%H:%M:%S',
      periods: ['SA', 'CH'],
      days: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
      shortDays: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
      months: ['tháng 1', 'tháng 2', 'tháng 3', 'tháng 4', 'tháng 5', 'tháng 6', 'tháng 7', 'tháng 8', 'tháng 9', 'tháng 10', 'tháng 11', 'tháng 12'],
      shortMonths: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'],
    };
  }
  return {
    dateTime: '%a %e %b %Y, %X',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  };
}

const d3Locales = new Map<Lang, FormatLocaleObject>();
const d3Formats = new Map<string, (n: number) => string>();

/**
 * A d3-format formatter under the locale chiso gives Vega: the very function Vega's `format(x, spec)`,
 * axes and legends run for that spec, so a figure in a text prints as it is drawn.
 */
export function vegaFormat(spec: string, locale: Lang = 'vi'): (n: number) => string {
  const key = `${locale}|${spec}`;
  let f = d3Formats.get(key);
  if (!f) {
    let l = d3Locales.get(locale);
    if (!l) d3Locales.set(locale, (l = formatLocale(vegaNumberLocale(locale))));
    d3Formats.set(key, (f = l.format(spec)));
  }
  return f;
}
