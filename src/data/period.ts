/**
 * Periods, the one home: reading them as tables write them (a year `2016`, a range `2021-2023` or
 * `2021–2025`, a month or a day `2024-05`, `2024-05-07`, GSO's preliminary mark `Pre. 2016`, Vietnamese
 * `Sơ bộ 2016`), their start year, the order every executor sorts them in, and their place on a time
 * axis. Writing a period for a reader is `format/period.ts`'s job.
 */
import type { Status } from '../types.js';

export interface ParsedPeriod {
  period: string;
  status: Status;
}

export interface ParsedPeriodHeader extends ParsedPeriod {
  /** What follows the period in a column header: `2010 Total` has series text `Total`. */
  series: string | null;
}

// `prel` before `pre`, so that `Prel. 2016` is not read as `Pre` + `l. 2016`.
const PRELIMINARY = /^(?:preliminary|prel\.?|pre\.?|sơ bộ|so bo|sb)\s*/iu;
const PERIOD = /^(\d{4})(?:\s*[-–]\s*(\d{4})|-(\d{2})(?:-(\d{2}))?)?(?![\d])/;

function periodAt(s: string): { period: string; length: number } | null {
  const m = PERIOD.exec(s);
  if (!m) return null;
  const [all, y, to, month, day] = m;
  if (to !== undefined) {
    if (Number(to) < Number(y)) return null;
    return { period: `${y}-${to}`, length: all.length };
  }
  if (month !== undefined) {
    const mm = Number(month);
    if (mm < 1 || mm > 12) return null;
    if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return null;
    return { period: day !== undefined ? `${y}-${month}-${day}` : `${y}-${month}`, length: all.length };
  }
  return { period: y, length: all.length };
}

/** A period cell; `null` when it is not one. Numbers (`2016` from JSON) are accepted. */
export function parsePeriod(input: string | number): ParsedPeriod | null {
  const h = parsePeriodHeader(String(input));
  return h && h.series === null ? { period: h.period, status: h.status } : null;
}

/**
 * GSO's population tables put the series first (`Total 1995`, `Urban Prel. 2016`): only these words,
 * so that any other text before a year is still not read as a period.
 */
const SERIES_FIRST = /^(total|male|female|urban|rural) (?=(?:pre\.?|prel\.?|preliminary|sơ bộ)?\s*\d)/iu;

/**
 * A column header that starts with a period: `2010`, `Pre. 2016`, `2010 Total`,
 * `Pre. 2016 Salary & wage`, `2016 (sơ bộ)`, or GSO's `Total 2016`, `Male Prel. 2016`. `null` when the
 * header is not a period.
 */
export function parsePeriodHeader(header: string): ParsedPeriodHeader | null {
  const first = SERIES_FIRST.exec(header.normalize('NFC').replace(/\s+/g, ' ').trim());
  if (first) {
    const p = periodHeader(header.normalize('NFC').replace(/\s+/g, ' ').trim().slice(first[0].length));
    return p && p.series === null ? { ...p, series: first[1] } : null;
  }
  return periodHeader(header);
}

function periodHeader(header: string): ParsedPeriodHeader | null {
  // "Năm 2016", "Year 2016": the word adds nothing.
  let s = header.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^(?:năm|nam|year)\s+(?=\d)/iu, '');
  let status: Status = 'final';
  const pre = PRELIMINARY.exec(s);
  if (pre && /\d/.test(s[pre[0].length] ?? '')) {
    status = 'preliminary';
    s = s.slice(pre[0].length);
  }
  const p = periodAt(s);
  if (!p) return null;
  let rest = s.slice(p.length).trim();
  // `2016 (sơ bộ)`, `2016*`, `2016 sơ bộ`
  const mark = /^(?:\(\s*(?:sơ bộ|so bo|prel\.?|preliminary)\s*\)|\*|sơ bộ|so bo)(?=\s|$)/iu.exec(rest);
  if (mark) {
    status = 'preliminary';
    rest = rest.slice(mark[0].length).trim();
  }
  return { period: p.period, status, series: rest === '' ? null : rest };
}

/**
 * A period's start year: `2016`, `2021-2023` (2021) and `2024-05-07` (2024) all start with it.
 * `Number.parseInt` is what Arquero's `op.parse_int` calls, so both executors read periods alike.
 */
export function periodYear(period: unknown): number {
  return Number.parseInt(period as string);
}

/**
 * The order of periods in every executor (page, Arquero, SQL) and every selection: by start year, then
 * by their text (`2016` before `2016-2018`), missing periods first.
 */
export function comparePeriods(a: unknown, b: unknown): number {
  return compareAsc(periodYear(a), periodYear(b)) || compareAsc(a, b);
}

/** Missing, then NaN, then values in ascending order: Arquero's `orderby` comparison. */
export function compareAsc(u: unknown, v: unknown): number {
  const a = u as number;
  const b = v as number;
  if ((a < b || a == null) && b != null) return -1;
  if ((a > b || b == null) && a != null) return 1;
  if (a !== a && b === b) return -1;
  if (b !== b && a === a) return 1;
  return 0;
}

/**
 * A number that orders periods on a time axis: the year, the middle of a range, or the fractional
 * year of a date. `NaN` for a period that is none of these.
 */
export function periodPosition(period: string): number {
  let m: RegExpExecArray | null;
  if (/^\d{4}$/.test(period)) return Number(period);
  if ((m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(period))) return (Number(m[1]) + Number(m[2])) / 2;
  if ((m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(period))) {
    return Number(m[1]) + (Number(m[2]) - 1) / 12 + (m[3] ? (Number(m[3]) - 1) / 365 : 0);
  }
  return Number.NaN;
}

/**
 * Positions on the time axis of a chart that shows `periods`. Where years mix with months or dates
 * (`2022`, `2022-06`), a year's figure is the one reported at its end ("cuối năm 2022"), so it sits in December.
 */
export function timePositions(periods: readonly string[]): (period: string) => number {
  const subYear = periods.some((p) => /^\d{4}-\d{2}/.test(p));
  return (p) => (subYear && /^\d{4}$/.test(p) ? Number(p) + 11.5 / 12 : periodPosition(p));
}

/** The distinct periods in time-axis order; periods off the axis (no position) by their text. */
export function sortPeriods(periods: Iterable<string>): string[] {
  return [...new Set(periods)].sort((a, b) => {
    const pa = periodPosition(a);
    const pb = periodPosition(b);
    if (Number.isNaN(pa) || Number.isNaN(pb)) return a.localeCompare(b);
    return pa - pb;
  });
}
