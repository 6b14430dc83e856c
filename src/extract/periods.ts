/**
 * Periods from a report's wording: explicit years (`Năm 2022`, `Tính đến cuối năm 2021`), ranges
 * (`giai đoạn 2021 - 2023`), spans counted back from the report's date (`Trong 3 năm qua`,
 * `sơ kết 3 năm`) and "to date" (`Đến nay`), plus the report's own date (`07/05/2024`,
 * `Cập nhật lúc: 10/09/2019`).
 */
import { clauseAt, lastStartingAtOrBefore, paragraphAt, sentenceAt, type Report, type Span } from './report.js';

/** The index of the first span starting at or after `offset` in spans sorted by start. */
function firstStartingAtOrAfter(spans: readonly Span[], offset: number): number {
  return lastStartingAtOrBefore(spans, offset - 1) + 1;
}

/** How a cue states its period; explicit cues outrank counted and "to date" ones in the same sentence. */
export const PeriodCueKind = { year: 'year', month: 'month', range: 'range', relative: 'relative', current: 'current', toDate: 'toDate' } as const;
export type PeriodCueKind = keyof typeof PeriodCueKind;

export interface PeriodCue extends Span {
  kind: PeriodCueKind;
  text: string;
  /** For `year`/`range`: the period itself; for `relative`: the number of years counted back. */
  year?: number;
  endYear?: number;
  years?: number;
  /** For `month`: the month (and day) the figure stands at; no year means the report's. */
  month?: number;
  day?: number;
  /** True for a cue that dates only the figures after it ("cùng kỳ năm trước là 4,2%"). */
  forward?: boolean;
  /** True for a year a plan names ("dự kiến năm 2023"): it does not date a figure before it. */
  planned?: boolean;
}

export interface ReportDate extends Span {
  /** ISO date `2024-05-07`. */
  date: string;
  year: number;
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(d: number, m: number, y: number): boolean {
  return y >= 1945 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/**
 * The report's own date: a timestamp near the headline (`20:01 07/05/2024`) or a labelled one
 * (`Cập nhật lúc: 10/09/2019`, `Ngày đăng: ...`). Dates of documents the report cites
 * (`Kết luận số 01-KL/TW, ngày 18/5/2021`) are not its date.
 */
export function findReportDate(report: Report): ReportDate | null {
  const text = report.text;
  const labelled = /(?:cập nhật(?: lúc)?|ngày đăng|đăng lúc|ngày cập nhật|thời gian đăng|xuất bản)[\s\u00a0]*:?[\s\u00a0]*(?:\d{1,2}:\d{2}(?::\d{2})?[\s\u00a0]+)?(\d{1,2})\/(\d{1,2})\/(\d{4})/iu;
  // "20:01 07/05/2024", "02/11/2020 - 06:27", "THỨ BA, 30/06/2020 08:52:22".
  const stamped = /(?:^|\n)[\s\u00a0(]*(?:(?:thứ[\s\u00a0]+\S+|chủ[\s\u00a0]+nhật),?[\s\u00a0]*)?(?:\d{1,2}:\d{2}(?::\d{2})?[\s\u00a0]+)?(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[\s\u00a0]*-?[\s\u00a0]*\d{1,2}:\d{2}(?::\d{2})?)?[\s\u00a0)]*(?=\n|$)/iu;
  for (const re of [labelled, stamped]) {
    const m = re.exec(text);
    if (!m) continue;
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(d, mo, y)) continue;
    const start = m.index + m[0].indexOf(m[1]);
    return { start, end: start + `${m[1]}/${m[2]}/${m[3]}`.length, date: `${y}-${pad(mo)}-${pad(d)}`, year: y, text: m[0].trim() };
  }
  return null;
}

const CUE_PATTERNS: { re: RegExp; kind: PeriodCueKind }[] = [
  // Ranges: "giai đoạn 2021 - 2023", "2021-2023"; a term of office ("nhiệm kỳ 2020-2025") is not a period of data.
  { re: /(?<!nhiệm kỳ[\s\u00a0]{1,3})(?<![\d\/])((?:19|20)\d\d)[\s\u00a0]*[-–][\s\u00a0]*((?:19|20)\d\d)(?!\d)/giu, kind: 'range' },
  // "năm 2022", "cuối năm 2021", "Năm 2022", "Riêng năm 2019"; not "vào năm 2025" (a target).
  { re: /(?<!vào[\s\u00a0]{1,3})(?<![\p{L}])năm[\s\u00a0]+((?:19|20)\d\d)(?!\d)/giu, kind: 'year' },
  // "Trong 3 năm qua", "sau 03 năm", "sơ kết 3 năm", "hai năm qua".
  { re: /(?:(?:trong|sau|qua|sơ kết|tổng kết)[\s\u00a0]+(?:hơn[\s\u00a0]+)?(\d{1,2}|một|hai|ba|bốn|năm)[\s\u00a0]+năm|(\d{1,2}|hai|ba|bốn)[\s\u00a0]+năm[\s\u00a0]+qua)(?![\p{L}\d])/giu, kind: 'relative' },
  // "cùng kỳ năm trước là 4,2%", "(năm trước: 3,1%)": the year before the report's; not "so với (cùng kỳ) năm trước", a change's base.
  { re: /(?:cùng[\s\u00a0]+kỳ[\s\u00a0]+)?năm[\s\u00a0]+trước(?![\p{L}])/giu, kind: 'relative' },
  // "Trong năm qua", "năm nay": the report's year.
  { re: /(?:trong[\s\u00a0]+năm[\s\u00a0]+qua|năm[\s\u00a0]+nay|trong[\s\u00a0]+năm(?=[\s\u00a0]+(?:các|những|\d)))/giu, kind: 'current' },
  // "tính đến tháng 11/2022", "đến thời điểm 31/12/2019", "hết tháng 9/2019": as of that month or day.
  { re: /(?:đến|tới|hết|cuối)[\s\u00a0]+(?:hết[\s\u00a0]+)?(?:thời[\s\u00a0]+điểm[\s\u00a0]+)?(?:ngày[\s\u00a0]+)?(?:tháng[\s\u00a0]+)?(?:(\d{1,2})[\/.-])?(\d{1,2})[\/.-]((?:19|20)\d\d)(?!\d)/giu, kind: 'month' },
  // "6 tháng đầu năm 2023", "9 tháng đầu năm": as of the end of that month.
  { re: /(?<![\d\p{L}])(\d{1,2})[\s\u00a0]+tháng[\s\u00a0]+đầu[\s\u00a0]+năm(?:[\s\u00a0]+((?:19|20)\d\d))?(?!\d)/giu, kind: 'month' },
  // "hiện cả nước có": as of the report's date.
  { re: /(?<![\p{L}])hiện(?=[\s\u00a0]+(?:cả|toàn|có|còn))/giu, kind: 'toDate' },
  // "Đến nay", "hiện nay", "tính đến nay": as of the report's date.
  { re: /(?<![\p{L}])(?:tính[\s\u00a0]+)?(?:đến[\s\u00a0]+nay|hiện[\s\u00a0]+nay)(?![\p{L}])/giu, kind: 'toDate' },
];

const WORD_NUMBERS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5 };

/** Every period cue in the text, in order. */
export function findPeriodCues(text: string): PeriodCue[] {
  const cues: PeriodCue[] = [];
  for (const { re, kind } of CUE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const cue: PeriodCue = { start: m.index, end: m.index + m[0].length, kind, text: m[0] };
      if (kind === 'range') {
        cue.year = Number(m[1]);
        cue.endYear = Number(m[2]);
        if (cue.endYear <= cue.year) continue;
        // "Chương trình ... giai đoạn 2021-2025", "chuẩn nghèo ... giai đoạn 2022-2025": a programme's or a standard's span, not a period of data.
        if (/(?:chương[\s\u00a0]+trình|chuẩn(?:[\s\u00a0]+nghèo)?|đề[\s\u00a0]+án|nghị[\s\u00a0]+quyết|bộ[\s\u00a0]+tiêu[\s\u00a0]+chí|MTQG)[^.;:]{0,70}$/iu.test(text.slice(Math.max(0, m.index - 90), m.index))) continue;
      } else if (kind === 'year') {
        // "tăng 160 xã so với cuối năm 2021": the base of a comparison, not the figure's period.
        if (/(?:so[\s\u00a0]+với|so)(?:[\s\u00a0]+(?:cùng[\s\u00a0]+kỳ|cuối|đầu))?[\s\u00a0]*$/iu.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
        cue.year = Number(m[1]);
      } else if (kind === 'month') {
        if (m[3] !== undefined) {
          // A day and month, or a month alone, with its year.
          cue.year = Number(m[3]);
          cue.month = Number(m[2]);
          if (m[1] !== undefined) cue.day = Number(m[1]);
        } else {
          cue.month = Number(m[1]);
          if (m[2] !== undefined) cue.year = Number(m[2]);
        }
        if (!(cue.month! >= 1 && cue.month! <= 12) || (cue.day !== undefined && !(cue.day >= 1 && cue.day <= 31))) continue;
      } else if (kind === 'relative') {
        if (m[1] === undefined && m[2] === undefined) {
          if (/\p{L}$|(?:so|với)[\s\u00a0]*$/u.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
          cue.years = 1;
          cue.forward = true;
        } else {
          const n = (m[1] ?? m[2]).toLowerCase();
          cue.years = WORD_NUMBERS[n] ?? Number(n);
        }
      }
      if (TARGET_BEFORE_CUE.test(text.slice(Math.max(0, m.index - 24), m.index))) cue.planned = true;
      cues.push(cue);
    }
  }
  // A year inside a range is the range's.
  const ranges = cues.filter((c) => c.kind === 'range');
  return cues
    .filter((c) => c.kind === 'range' || !ranges.some((r) => c.start < r.end && c.end > r.start))
    .sort((a, b) => a.start - b.start);
}

export interface PeriodContext {
  report: Report;
  cues: PeriodCue[];
  reportDate: ReportDate | null;
  /** The year counted from (`Trong 3 năm qua`): of `--period`, the report's date, the first year its opening names, or the latest it names. */
  documentYear: number | null;
  /** The period of a figure with no cue of its own: `--period`, else the report's date, else `documentYear`. */
  documentPeriod: string | null;
  documentHow: string;
}

export function periodContext(report: Report, override?: string): PeriodContext {
  const cues = findPeriodCues(report.text);
  const reportDate = findReportDate(report);
  // A range's last year is the one counted from: `--period 2021-2023` makes "năm qua" 2023.
  if (override) return { report, cues, reportDate, documentYear: Number(override.replace(/^\d{4}-(\d{4})$/, '$1').slice(0, 4)), documentPeriod: override, documentHow: `--period ${override}` };
  if (reportDate) return { report, cues, reportDate, documentYear: reportDate.year, documentPeriod: reportDate.date, documentHow: `the report date ${reportDate.text}` };
  // The report's year: the first its opening names, else the latest it speaks of ("Từ đầu năm 2023
  // đến nay"), targets ("đến năm 2030") left out.
  const opening = cues.find((c) => c.kind === 'year' && c.start < 1500);
  const spoken = cues.filter((c) => (c.kind === 'year' || c.kind === 'range') && !/(?:đến|tới|vào|phấn đấu|mục tiêu|tầm nhìn)[\s\u00a0]*$/iu.test(report.text.slice(Math.max(0, c.start - 14), c.start)));
  const latest = spoken.length ? spoken.reduce((a, b) => ((b.endYear ?? b.year!) > (a.endYear ?? a.year!) ? b : a)) : null;
  const from = opening ?? latest;
  if (!from) return { report, cues, reportDate, documentYear: null, documentPeriod: null, documentHow: 'no period in the report' };
  const year = from.endYear ?? from.year!;
  const yearHow = opening ? `opening "${opening.text.trim()}"` : `the latest year the report names, "${from.text.trim()}"`;
  // A dateline without a year ("TTXVN - Ngày 18/5") is a day of that year.
  const dateline = /(?:^|\n)[^\n]{0,40}?(?<![\p{L}])[Nn]gày[\s\u00a0]+(\d{1,2})\/(\d{1,2})(?![\d\/])/u.exec(report.text.slice(0, 1500));
  if (dateline && validDate(Number(dateline[1]), Number(dateline[2]), year)) {
    const start = dateline.index + dateline[0].indexOf(dateline[1]);
    const date = { start, end: start + dateline[1].length + 1 + dateline[2].length, date: `${year}-${pad(Number(dateline[2]))}-${pad(Number(dateline[1]))}`, year, text: dateline[0].trim() };
    return { report, cues, reportDate: date, documentYear: year, documentPeriod: date.date, documentHow: `the report date "${date.text}", year from ${yearHow}` };
  }
  return { report, cues, reportDate, documentYear: year, documentPeriod: String(year), documentHow: `the report's year (${yearHow})` };
}

/** Words before a year that make it a plan's: "dự kiến năm 2023", "phấn đấu đến năm 2025". */
const TARGET_BEFORE_CUE = /(?:dự[\s\u00a0]+kiến|phấn[\s\u00a0]+đấu|mục[\s\u00a0]+tiêu|kế[\s\u00a0]+hoạch|đến|tới|sẽ)[^\d;.]{0,12}$/iu;

/** The words before the later figure of a change: "từ 5,2% xuống còn", "từ 12 lên". */
const CHANGE_END = /từ[\s\u00a0]+[^;]{0,40}?(?:xuống|lên|giảm|tăng)(?:[\s\u00a0]+(?:còn|xuống|lên))?(?:[\s\u00a0]+còn)?[\s\u00a0]*$/iu;

export interface ResolvedPeriod {
  period: string | null;
  how: string;
  /** The cue used, when one was. */
  cue: PeriodCue | null;
}

function resolveCue(cue: PeriodCue, ctx: PeriodContext): string | null {
  const ref = ctx.documentYear;
  switch (cue.kind) {
    case 'year': return String(cue.year);
    case 'month': {
      const year = cue.year ?? ref;
      if (year === null) return null;
      return `${year}-${pad(cue.month!)}${cue.day !== undefined ? `-${pad(cue.day)}` : ''}`;
    }
    case 'range': return `${cue.year}-${cue.endYear}`;
    // "Trong 3 năm qua" in a 2024 report: the three full years before it, 2021-2023.
    case 'relative': return ref === null ? null : cue.years! <= 1 ? String(ref - 1) : `${ref - cue.years!}-${ref - 1}`;
    case 'current': return ref === null ? null : String(ref);
    // "Đến nay": as of the report's date when it has one.
    case 'toDate': return ctx.documentPeriod;
  }
}

// "Sau hơn 10 năm ..., đến nay huyện có 19/19 xã": as of now, the nearer of the two.
const RANK: Record<PeriodCueKind, number> = { range: 0, year: 0, month: 0, relative: 1, current: 2, toDate: 1 };

/**
 * The period of a figure at `span`: the best cue of its clause, else of its sentence (explicit
 * years first, then the nearest), else the last cue earlier in its paragraph, else the report's own
 * period (`ctx.documentPeriod`).
 */
export function resolvePeriod(span: Span, ctx: PeriodContext): ResolvedPeriod {
  const text = ctx.report.text;
  // A year right after the figure is its own: "58,2% năm 2006", "31,17% vào cuối năm 2018", "73,26% (2021)".
  // The counted noun may come between: "289 hộ (năm 2018)", "167 hộ năm 2018".
  const own = /^[\s\u00a0]*(?:(?:hộ|xã|người|huyện)(?![\p{L}])[\s\u00a0]*)?(\(?(?:vào[\s\u00a0]+)?(?:(?:cuối|đầu)[\s\u00a0]+)?(?:năm[\s\u00a0]+)?((?:19|20)\d\d)\)?)(?![\d\/%.,]\d)/iu.exec(text.slice(span.end, span.end + 30));
  // "2,5% (năm 2022 là 3,1%)": a bracket that goes on past its year holds another figure, and the year is that one's.
  if (own && (/năm|\(/iu.test(own[1])) && !(own[1].startsWith('(') && !own[1].endsWith(')'))) {
    const year = Number(own[2]);
    const cue: PeriodCue = { start: span.end, end: span.end + own[0].length, kind: 'year', text: own[1], year };
    return { period: String(year), how: `"${own[1]}" right after the figure`, cue };
  }
  // "so với năm 2022 (3,57%)", "năm 2022 (2.100 hộ, chiếm 1,7%)": figures in a bracket opened right after a year are that year's.
  const backFrom = Math.max(0, span.start - 80);
  const back = text.slice(backFrom, span.start);
  const paren = back.lastIndexOf('(');
  const opened = paren !== -1 && !back.includes(')', paren) ? /(?:năm|cuối[\s\u00a0]+năm)[\s\u00a0]+((?:19|20)\d\d)[\s\u00a0]*$/iu.exec(back.slice(0, paren)) : null;
  if (opened) {
    const year = Number(opened[1]);
    const cue: PeriodCue = { start: backFrom + opened.index, end: backFrom + paren, kind: 'year', text: opened[0], year };
    return { period: String(year), how: `"${opened[0].trim()}" before the bracket the figure is in`, cue };
  }
  const within = (s: Span) => {
    const out: PeriodCue[] = [];
    for (let i = firstStartingAtOrAfter(ctx.cues, s.start); i < ctx.cues.length && ctx.cues[i].start < s.end; i++) {
      const c = ctx.cues[i];
      // A cue after the figure dates it only when it is not a target's ("dự kiến năm 2023 có thêm 2 huyện") nor a forward-only cue.
      if (c.end <= s.end && !(c.start >= span.end && (c.forward || c.planned))) out.push(c);
    }
    return out;
  };
  // A cue before the figure is its own before one after it ("năm 2022 là 5,2%, năm 2023 là 4,1%"); a year right after it was read above.
  const distance = (c: PeriodCue) => (c.end <= span.start ? span.start - c.end : c.start >= span.end ? c.start - span.end + 10_000 : 0);
  const pick = (list: PeriodCue[]) =>
    [...list].sort((a, b) => RANK[a.kind] - RANK[b.kind] || distance(a) - distance(b))[0];
  // Bounded around the figure: a clause of a text without stops can be the whole text.
  const near = (s: Span): Span => ({ start: Math.max(s.start, span.start - 2000), end: Math.min(s.end, span.end + 2000) });
  for (const [scope, s] of [['clause', clauseAt(text, span.start)], ['sentence', sentenceAt(text, span.start)]] as const) {
    const cue = pick(within(near(s)));
    if (cue) {
      // "Trong 3 năm (2021-2023) ... từ 5,2% xuống còn 2,5%": the level a change ends at is of the range's last year.
      if (cue.kind === 'range' && CHANGE_END.test(text.slice(Math.max(s.start, span.start - 60), span.start))) {
        return { period: String(cue.endYear), how: `${scope} "${cue.text.trim()}": the end of a change over it`, cue };
      }
      const period = resolveCue(cue, ctx);
      if (period) return { period, how: `${scope} "${cue.text.trim()}"${cue.kind === 'relative' || cue.kind === 'current' || cue.kind === 'toDate' ? ` relative to ${ctx.documentHow}` : ''}`, cue };
    }
  }
  const para = paragraphAt(text, span.start);
  // The last cue of the paragraph before the figure, found by bisection (a paragraph can be a whole text).
  let last: PeriodCue | undefined;
  for (let i = lastStartingAtOrBefore(ctx.cues, span.start - 1); i >= 0 && ctx.cues[i].start >= para.start; i--) {
    const c = ctx.cues[i];
    if (c.end <= span.start && c.kind !== 'relative') {
      last = c;
      break;
    }
  }
  if (last) {
    const period = resolveCue(last, ctx);
    if (period) return { period, how: `paragraph "${last.text.trim()}"`, cue: last };
  }
  // A headline ("Vận động hơn 74,5 tỷ đồng cho Quỹ ...") is dated by the first year its lead names.
  if (text.slice(0, para.start).trim() === '' && para.end - para.start <= 200) {
    for (let i = firstStartingAtOrAfter(ctx.cues, para.end); i < ctx.cues.length && ctx.cues[i].start < para.end + 800; i++) {
      const c = ctx.cues[i];
      if (c.kind !== 'year' || /(?:đến|tới|vào|phấn đấu|mục tiêu|tầm nhìn)[\s\u00a0]*$/iu.test(text.slice(Math.max(0, c.start - 14), c.start))) continue;
      return { period: String(c.year), how: `a headline, dated by its lead's "${c.text.trim()}"`, cue: c };
    }
  }
  return { period: ctx.documentPeriod, how: `none in its paragraph, so as of ${ctx.documentHow}`, cue: null };
}
