/**
 * The report as the extractor reads it: its text (HTML stripped, Unicode NFC), the lines that are
 * page furniture, and the sentence and clause around any offset. Every offset an extraction reports
 * is an index into `Report.text`.
 */
import { htmlToText, looksLikeHtml } from './html.js';

/** How the input is written. `auto` looks for markup. */
export const ReportFormat = { auto: 'auto', text: 'text', html: 'html' } as const;
export type ReportFormat = keyof typeof ReportFormat;
export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && Object.hasOwn(ReportFormat, value);
}

export interface Span {
  start: number;
  end: number;
}

export interface Report {
  /** The text offsets refer to: NFC, markup removed for HTML, otherwise exactly the input. */
  text: string;
  format: 'text' | 'html';
  /** Lines that are navigation, counters or widgets rather than the report (`Số lần đọc: 3080`). */
  furniture: Span[];
}

/**
 * Lines a portal page wraps around a report. Matched on a whole trimmed line, so a sentence that
 * merely contains "Online" is never dropped.
 */
const FURNITURE: RegExp[] = [
  /^sign in$/i,
  /^skip (?:ribbon commands|to main content)$/i,
  /^(?:số lần đọc|lượt xem|lượt đọc|thống kê|online|đang truy cập|tổng truy cập|hôm nay|truy cập)\s*:?\s*[\d.,\s]*$/iu,
  /^lượt đánh giá\b/iu,
  /^đánh giá\s*:?$/iu,
  /^•\s*\d*$/u,
  /^(?:tin liên quan|xem thêm|tag\s*:?|file đính kèm|liên kết website|các đơn vị tài trợ website|mã xác thực không đúng\.?|bình luận|chia sẻ|in bài|gửi bài)$/iu,
  /^bản đồ\s/iu,
  /\bkính chào quý khách\b/iu,
  /^trang chủ\b.*\bliên hệ$/iu,
  // A linked headline with its date, in a list of related articles: "Hà Tĩnh: 95% xã đạt chuẩn nông thôn mới (12/01/2024)".
  /^[^.;]{5,200}[\s\u00a0](?:\(\d{1,2}\/\d{1,2}\/\d{4}\)|-[\s\u00a0]+\d{1,2}\/\d{1,2}\/\d{4})$/u,
];

/** The longest line page furniture takes (a navigation bar, a counter, a greeting). */
const FURNITURE_MAX = 300;

export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  return t !== '' && FURNITURE.some((re) => re.test(t));
}

/** Reads a report from its text. Pure: the caller reads the file. */
export function readReport(input: string, format: ReportFormat = 'auto'): Report {
  const html = format === 'html' || (format === 'auto' && looksLikeHtml(input));
  const text = (html ? htmlToText(input) : input.replace(/^\ufeff/, '')).normalize('NFC');
  const furniture: Span[] = [];
  // Furniture lines are short; a long line is never cut out of the text to be tested.
  for (let at = 0; at <= text.length; ) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    if (end - at <= FURNITURE_MAX && isFurnitureLine(text.slice(at, end))) furniture.push({ start: at, end });
    at = end + 1;
  }
  return { text, format: html ? 'html' : 'text', furniture };
}

/** The index of the last span starting at or before `offset` in spans sorted by start, or -1. */
export function lastStartingAtOrBefore(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function inFurniture(report: Report, offset: number): boolean {
  const i = lastStartingAtOrBefore(report.furniture, offset);
  return i >= 0 && offset < report.furniture[i].end;
}

/**
 * Where sentences, clauses and paragraphs of a text start, found in one pass and kept for the last
 * text asked about: an extraction asks for the sentence of every figure, and scanning outwards from
 * each one made long texts without stops cost the square of their length.
 */
interface Segments {
  text: string;
  /** Offsets where a paragraph, sentence or clause starts (after its boundary character), ascending. */
  paragraph: number[];
  sentence: number[];
  clause: number[];
}
let segmentsCache: Segments | null = null;

/** Abbreviations a dot follows without ending the sentence: `TX. Cai Lậy`, `TP. Mỹ Tho`. */
const ABBREVIATION = /(?:^|[\s(])(?:TX|TP|Tp|tp|tx|TT|ThS|TS|PGS|GS)$/u;

/** A dot between digits is a thousands separator or decimal point, not the end of a sentence. */
/** A line break inside a sentence, as copied from a PDF ("... của Việt Nam. Thu\nnhập bình quân"): the next line goes on in lower case. */
function wrapped(text: string, i: number): boolean {
  return text[i] === '\n' && /[\p{L}\d,]/u.test(text[i - 1] ?? '') && /\p{Ll}/u.test(text[i + 1] ?? '');
}

function endsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return !wrapped(text, i);
  if (c === '!' || c === '?') return true;
  if (c !== '.') return false;
  if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) return false;
  return !ABBREVIATION.test(text.slice(Math.max(0, i - 4), i));
}

function segments(text: string): Segments {
  if (segmentsCache && segmentsCache.text === text) return segmentsCache;
  const paragraph = [0];
  const sentence = [0];
  const clause = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && !wrapped(text, i)) paragraph.push(i + 1);
    if (endsSentence(text, i)) {
      sentence.push(i + 1);
      clause.push(i + 1);
    } else if (c === ';') clause.push(i + 1);
  }
  segmentsCache = { text, paragraph, sentence, clause };
  return segmentsCache;
}

/** The segment of `starts` around `offset`; a boundary character belongs to the segment it ends. */
function segmentAt(starts: number[], text: string, offset: number, boundary: (i: number) => boolean): Span {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const start = starts[lo];
  const next = lo + 1 < starts.length ? starts[lo + 1] - 1 : text.length;
  // The next start follows a boundary character; the segment ends before it.
  const end = next < text.length && boundary(next) ? next : Math.min(next, text.length);
  return { start, end };
}

/**
 * The sentence around `offset`: bounded by line breaks and by `.`, `!`, `?` that end a sentence
 * (a dot between digits is a thousands separator and does not).
 */
export function sentenceAt(text: string, offset: number): Span {
  return segmentAt(segments(text).sentence, text, offset, (i) => endsSentence(text, i));
}

/** The clause around `offset`: the sentence cut at `;` (reports list figures separated by `;`). */
export function clauseAt(text: string, offset: number): Span {
  return segmentAt(segments(text).clause, text, offset, (i) => endsSentence(text, i) || text[i] === ';');
}

/** The paragraph around `offset`: bounded by line breaks. */
export function paragraphAt(text: string, offset: number): Span {
  return segmentAt(segments(text).paragraph, text, offset, (i) => text[i] === '\n' && !wrapped(text, i));
}
