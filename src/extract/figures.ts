/**
 * Finds the figures in a report's text: where each number phrase starts and ends, what kind of
 * number it is (a figure, or a date, a year, a document number), and its reading through the
 * project's number parser (`parseNumber`, decimal comma as Vietnamese text writes it).
 */
import '../messages/data.js';
import { parseNumber, type ParsedNumber } from '../data/number.js';
import type { Diagnostic } from '../errors.js';
import type { Qualifier } from '../types.js';

/**
 * What a number in running text is. Only `figure` can become an observation; the others are named
 * so a reason can say why a number was passed over.
 */
export const NumberRole = {
  figure: 'figure',
  date: 'date',
  time: 'time',
  year: 'year',
  reference: 'reference',
  range: 'range',
  vague: 'vague',
  unreadable: 'unreadable',
} as const;
export type NumberRole = keyof typeof NumberRole;

export interface Figure {
  /** Offsets of the whole phrase in the report text: qualifier word through unit. */
  start: number;
  end: number;
  /** Offsets of the digits themselves. */
  numStart: number;
  numEnd: number;
  /** The phrase as written. */
  text: string;
  role: NumberRole;
  /** The parser's reading for `figure`s. */
  parsed: ParsedNumber | null;
  value: number | null;
  qualifier: Qualifier | null;
  denominator: number | null;
  percent: boolean;
  /** `%`, or a money unit such as `triệu đồng/người/năm`; `null` for a bare count. */
  unit: string | null;
  /** Parser warnings (`NUMBER_SLASH_PERCENT` for `100/%`). */
  warnings: Diagnostic[];
}

const QUALIFIER_BEFORE = /(?:^|[\s(“"])(trên dưới|xấp xỉ|chưa đến|chưa tới|khoảng|chừng|gần|trên|hơn|dưới)[\s\u00a0]+$/iu;
const REFERENCE_BEFORE = /(?:(?:^|[\s(])(?<!tổng[\s\u00a0])số|chỉ thị|kết luận|nghị quyết|quyết định|quy định|kế hoạch|thông báo|công văn|hướng dẫn|\bKL|\bCT|\bNQ|\bQĐ|\bKH|trung ương|khóa|khoá|lần thứ|thứ|điều|khoản|mục|chương|phụ lục|\bTW|\bTU)[\s\u00a0]*$/iu;
const YEAR_BEFORE = /(?:năm|chủ đề|chuyên đề|giai đoạn|nhiệm kỳ|đến|từ|tháng[\s\u00a0]+\d{1,2}\/|[-–])[\s\u00a0]*$/iu;

/** Money and scale words that may follow a figure, with the per-person tails income figures carry. */
const MONEY_AFTER = /^[\s\u00a0]*(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)[\s\u00a0]*)?(?:đồng|VNĐ|VND)(?:\/(?:người|hộ|khẩu)(?:\/(?:năm|tháng))?|\/(?:năm|tháng))?/iu;
const SCALE_AFTER = /^[\s\u00a0]*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?![\p{L}])/iu;

/** The written numbers of `text` in order (the vague amounts are `scanUnquantified`'s). */
function* numbersOf(text: string): Generator<Figure> {
  // Digits may follow a letter with no space ("xây dựng150"): the source's typo, still a figure.
  const re = /(?<![\d.,\/])\d+(?:[.,]\d+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const numStart = m.index;
    let numEnd = numStart + m[0].length;
    const before = text.slice(Math.max(0, numStart - 40), numStart);
    const after = text.slice(numEnd, numEnd + 80);
    const base = { numStart, numEnd, parsed: null, value: null, qualifier: null, denominator: null, percent: false, unit: null, warnings: [] };
    const other = (role: NumberRole, end: number): Figure => {
      re.lastIndex = end;
      return { ...base, start: numStart, end, text: text.slice(numStart, end), role };
    };

    // Dates and times first: 18/5/2021, 07/05/2024, 20:01, 15:08:44, tháng 7/2018, Ngày 18/5.
    const date = /^\/\d{1,2}\/\d{2,4}(?!\d)/.exec(after);
    if (date && /^\d{1,2}$/.test(m[0])) { yield other('date', numEnd + date[0].length); continue; }
    const time = /^:\d{2}(?::\d{2})?/.exec(after);
    if (time && /^\d{1,2}$/.test(m[0])) { yield other('time', numEnd + time[0].length); continue; }
    const monthYear = /^\/\d{4}(?!\d)/.exec(after);
    if (monthYear && /(?:tháng|ngày)[\s\u00a0]*$/iu.test(before)) { yield other('date', numEnd + monthYear[0].length); continue; }
    const dayMonth = /^\/\d{1,2}(?![\d\/])/.exec(after);
    if (dayMonth && /ngày[\s\u00a0]*$/iu.test(before)) { yield other('date', numEnd + dayMonth[0].length); continue; }

    // Document numbers: 05-CT/TW, 01-KL/TW, 109-QĐ/TW, 27/CT-TTg, "Kết luận 21", "KL01", "khóa XII".
    const docNo = /^[\s\u00a0]?-[\s\u00a0]?[A-ZĐ]{2,}|^\/[A-ZĐ]{2,}/u.exec(after);
    if (docNo) { yield other('reference', numEnd + docNo[0].length); continue; }
    // The longest reference word and its spaces fit in the last 16 characters.
    if (REFERENCE_BEFORE.test(before.slice(-16)) || /[A-ZĐ]$/u.test(before)) { yield other('reference', numEnd); continue; }

    // Ranges ("1-2 mô hình") and "1 số" (= một số, "some") state no figure.
    const range = /^[\s\u00a0]*[-–][\s\u00a0]*\d+/.exec(after);
    if (range && !/^(?:19|20)\d\d$/.test(m[0])) { yield other('range', numEnd + range[0].length); continue; }
    if (/^[\s\u00a0]+số(?![\p{L}])/iu.test(after) && m[0] === '1') { yield other('vague', numEnd); continue; }

    // Years: a four-digit 19xx/20xx without a unit after it.
    if (/^(?:19|20)\d\d$/.test(m[0]) && !/^[\s\u00a0]*(?:\/|%|nghìn|ngàn|triệu|tỷ|tỉ|đồng)/iu.test(after)) {
      if (YEAR_BEFORE.test(before) || !/^[\s\u00a0]+\p{Ll}/u.test(after) || /^[\s\u00a0]*[-–]/.test(after)) {
        const span = /^[\s\u00a0]*[-–][\s\u00a0]*(?:19|20)\d\d(?!\d)/.exec(after);
        yield other('year', numEnd + (span ? span[0].length : 0));
        continue;
      }
    }

    // The figure phrase: optional qualifier, the number, `/denominator`, `/%` or `%`, magnitude, money.
    let end = numEnd;
    const frac = /^[\s\u00a0]*\/[\s\u00a0]*(?:%|\d+(?:[.,]\d+)*)/.exec(after);
    if (frac) end += frac[0].length;
    const pct = /^[\s\u00a0]*%/.exec(text.slice(end, end + 4));
    if (pct && !text.slice(numEnd, end).includes('%')) end += pct[0].length;
    if (!text.slice(numEnd, end).includes('%') && !frac) {
      const money = MONEY_AFTER.exec(text.slice(end, end + 60)) ?? SCALE_AFTER.exec(text.slice(end, end + 20));
      if (money) end += money[0].length;
    }
    const q = QUALIFIER_BEFORE.exec(before);
    const start = q ? numStart - (q[0].length - q[0].indexOf(q[1])) : numStart;
    const phrase = text.slice(start, end);
    // "4.6 triệu đồng", "8.43%": a dot before one or two digits is a decimal point (a thousands group has three).
    const dotDecimal = /^\d{1,3}\.\d{1,2}$/.test(text.slice(numStart, numEnd));
    const result = parseNumber(phrase, { decimal: dotDecimal ? 'dot' : 'comma' });
    re.lastIndex = end;
    if (!result.ok || result.unquantified) {
      yield { ...base, start, end, text: phrase, role: 'unreadable', warnings: result.ok ? result.warnings : [result.diagnostic] };
      continue;
    }
    yield {
      start, end, numStart, numEnd, text: phrase, role: 'figure', parsed: result,
      // Money keeps the magnitude in its unit (`60,2` `triệu đồng/người/năm`), as reports and the catalogue write it.
      value: result.magnitude && result.unit?.startsWith(result.magnitude.word) ? result.written : result.value,
      qualifier: result.qualifier, denominator: result.denominator, percent: result.percent,
      unit: result.unit, warnings: result.warnings,
    };
  }
}

/**
 * Every number in `text`, in order, one at a time: a long report's figures need not all be held at
 * once (the extractor reads each and lets it go).
 */
export function* iterateFigures(text: string): Generator<Figure> {
  // Both sources are in text order: merge them rather than sort the whole.
  const vague = scanUnquantified(text);
  let j = 0;
  for (const f of numbersOf(text)) {
    while (j < vague.length && vague[j].start < f.start) yield vague[j++];
    yield f;
  }
  while (j < vague.length) yield vague[j++];
}

/**
 * Every number in `text`, in order. A phrase is handed to `parseNumber` whole (`trên 5,3 tỷ đồng`),
 * so the reading of qualifiers, magnitudes and units lives in one place.
 */
export function scanFigures(text: string): Figure[] {
  return [...iterateFigures(text)];
}

/**
 * `hàng trăm`, `vài nghìn`: an order of magnitude where a figure would be. Returned with role
 * `vague` and `value` null, so an extraction can pass them over or, when asked, keep them unquantified.
 */
function scanUnquantified(text: string): Figure[] {
  const out: Figure[] = [];
  const re = /(?<![\p{L}])(?:hàng|vài|mấy|nhiều)[\s\u00a0]+(?:chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ)(?![\p{L}])/giu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const result = parseNumber(m[0], { decimal: 'comma' });
    if (!result.ok || !result.unquantified) continue;
    const end = m.index + m[0].length;
    out.push({
      start: m.index, end, numStart: m.index, numEnd: end, text: m[0], role: 'vague', parsed: result,
      value: null, qualifier: result.qualifier, denominator: null, percent: false, unit: null, warnings: result.warnings,
    });
  }
  return out;
}
