/**
 * Periods as tables write them: a year (`2016`), a range (`2021-2023`, `2021–2025`), a month or a day
 * (`2024-05`, `2024-05-07`), and GSO's preliminary mark (`Pre. 2016`, Vietnamese `Sơ bộ 2016`).
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

const PRELIMINARY = /^(?:pre\.?|prel\.?|preliminary|sơ bộ|so bo|sb)\s*/iu;
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
 * A column header that starts with a period: `2010`, `Pre. 2016`, `2010 Total`,
 * `Pre. 2016 Salary & wage`, `2016 (sơ bộ)`. `null` when the header is not a period.
 */
export function parsePeriodHeader(header: string): ParsedPeriodHeader | null {
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
