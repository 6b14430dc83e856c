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
];

export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  return t !== '' && FURNITURE.some((re) => re.test(t));
}

/** Reads a report from its text. Pure: the caller reads the file. */
export function readReport(input: string, format: ReportFormat = 'auto'): Report {
  const html = format === 'html' || (format === 'auto' && looksLikeHtml(input));
  const text = (html ? htmlToText(input) : input.replace(/^\ufeff/, '')).normalize('NFC');
  const furniture: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (isFurnitureLine(line)) furniture.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  return { text, format: html ? 'html' : 'text', furniture };
}

export function inFurniture(report: Report, offset: number): boolean {
  return report.furniture.some((s) => offset >= s.start && offset < s.end);
}

/**
 * The sentence around `offset`: bounded by line breaks and by `.`, `!`, `?` that end a sentence
 * (a dot between digits is a thousands separator and does not).
 */
export function sentenceAt(text: string, offset: number): Span {
  let start = offset;
  while (start > 0) {
    const c = text[start - 1];
    if (c === '\n' || c === '!' || c === '?') break;
    if (c === '.' && !(/\d/.test(text[start - 2] ?? '') && /\d/.test(text[start] ?? ''))) break;
    start--;
  }
  let end = offset;
  while (end < text.length) {
    const c = text[end];
    if (c === '\n' || c === '!' || c === '?') break;
    if (c === '.' && !(/\d/.test(text[end - 1] ?? '') && /\d/.test(text[end + 1] ?? ''))) break;
    end++;
  }
  return { start, end };
}

/** The clause around `offset`: the sentence cut at `;` (reports list figures separated by `;`). */
export function clauseAt(text: string, offset: number): Span {
  const s = sentenceAt(text, offset);
  const before = text.lastIndexOf(';', offset - 1);
  const after = text.indexOf(';', offset);
  return {
    start: before >= s.start ? before + 1 : s.start,
    end: after !== -1 && after < s.end ? after : s.end,
  };
}

/** The paragraph around `offset`: bounded by line breaks. */
export function paragraphAt(text: string, offset: number): Span {
  const before = text.lastIndexOf('\n', offset - 1);
  const after = text.indexOf('\n', offset);
  return { start: before + 1, end: after === -1 ? text.length : after };
}
