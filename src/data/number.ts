/**
 * Numbers as Vietnamese reports and GSO exports write them.
 *
 * Vietnamese text uses a decimal comma and dot grouping (`3,58`, `3.051`, `2.060.856`); GSO's PX-Web
 * exports use English style (`15.5`, `1387.0`). The same `3.051` is three thousand and fifty-one in a
 * report and three point zero five one in an English table, so the caller says which convention holds
 * (`decimal`), and `auto` applies the rule documented on {@link ParseNumberOptions.decimal}.
 */
import '../messages/data.js';
import { diagnostic, type Diagnostic } from '../errors.js';
import type { InputLocation, Qualifier } from '../types.js';
import type { MessageCode } from '../messages/index.js';

/** Which separator marks decimals. */
export const DecimalStyle = { comma: 'comma', dot: 'dot', auto: 'auto' } as const;
export type DecimalStyle = keyof typeof DecimalStyle;
export function isDecimalStyle(value: unknown): value is DecimalStyle {
  return typeof value === 'string' && Object.hasOwn(DecimalStyle, value);
}

/** Magnitude words and their factors; spelling variants map to one canonical word. */
export const MagnitudeWord = {
  chục: 10,
  trăm: 100,
  nghìn: 1e3,
  vạn: 1e4,
  triệu: 1e6,
  tỷ: 1e9,
} as const;
export type MagnitudeWord = keyof typeof MagnitudeWord;

export interface Magnitude {
  /** Canonical word: `ngàn` reads as `nghìn`, `tỉ` as `tỷ`. */
  word: MagnitudeWord;
  factor: number;
}

export interface ParseNumberOptions {
  /**
   * Decimal separator. Default `auto`:
   * - both `.` and `,` present: the last one is the decimal separator (`1.234,5`, `1,234.5`);
   * - only commas: one comma is a decimal comma (`3,58`); several are grouping (`1,234,567`);
   * - only dots: several are grouping (`2.060.856`); a single dot followed by exactly three digits
   *   after a 1-3 digit integer part that does not start with 0 is grouping, the way Vietnamese
   *   text writes it (`3.051` = 3051), with the warning `NUMBER_DOT_AMBIGUOUS`; any other single dot
   *   is a decimal point (`15.5`, `1387.0`, `0.125`).
   * Loaders of GSO exports pass `dot`; loaders of Vietnamese text or spreadsheets pass `comma`.
   */
  decimal?: DecimalStyle;
  /** Attached to every diagnostic. Default: none. */
  location?: InputLocation;
}

export interface ParsedNumber {
  ok: true;
  /** The figure with its magnitude applied (`60,2 triệu` is 60 200 000); `null` when unquantified. */
  value: number | null;
  /** The figure as written, before the magnitude (`60,2 triệu` is 60.2). */
  written: number | null;
  qualifier: Qualifier | null;
  /** `30/31` is value 30, denominator 31. */
  denominator: number | null;
  magnitude: Magnitude | null;
  /** True when the figure is a percentage (`3,58%`); `value` stays 3.58. */
  percent: boolean;
  /**
   * `%` for percentages; for money, the magnitude and currency as the catalogue writes units
   * (`60,2 triệu đồng/người/năm` gives `triệu đồng/người/năm`); otherwise `null`.
   */
  unit: string | null;
  /** True for `hàng trăm`, `vài nghìn`: an order of magnitude, not a figure. */
  unquantified: boolean;
  /** Words after the figure that are not a unit (`30/31 tổ chức` leaves `tổ chức`); `null` if none. */
  rest: string | null;
  /** Non-fatal findings (`NUMBER_DOT_AMBIGUOUS`, `NUMBER_SLASH_PERCENT`, `NUMBER_UNQUANTIFIED`). */
  warnings: Diagnostic[];
}

export interface NumberFailure {
  ok: false;
  /** An error diagnostic: pass it to `new ChisoError(d)` to throw. */
  diagnostic: Diagnostic;
}

export type NumberResult = ParsedNumber | NumberFailure;

const QUALIFIERS: [string, Qualifier][] = [
  // Longest first: "trên dưới" is "about", not "above".
  ['tren duoi', '~'],
  ['xap xi', '~'],
  ['chua den', '<'],
  ['chua toi', '<'],
  ['khoang', '~'],
  ['chung', '~'],
  ['gan', '~'],
  ['tren', '>'],
  ['hon', '>'],
  ['duoi', '<'],
  ['>', '>'],
  ['<', '<'],
  ['~', '~'],
  ['≈', '~'],
];

const MAGNITUDES: [string, MagnitudeWord][] = [
  ['chuc', 'chục'],
  ['tram', 'trăm'],
  ['nghin', 'nghìn'],
  ['ngan', 'nghìn'],
  ['van', 'vạn'],
  ['trieu', 'triệu'],
  ['ty', 'tỷ'],
  ['ti', 'tỷ'],
];
/** Magnitudes that may follow a written figure; `chục`/`trăm`/`vạn` only appear as "hàng trăm". */
const FIGURE_MAGNITUDES = new Set<MagnitudeWord>(['nghìn', 'triệu', 'tỷ']);

/** Lower case, no diacritics, `đ` as `d`: for matching words, never for output. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Index in `s` after the word `w` (folded) at `at`, if the word is there and ends at a boundary. */
function wordAt(folded: string, at: number, w: string): number {
  if (!folded.startsWith(w, at)) return -1;
  const end = at + w.length;
  const next = folded[end];
  if (next !== undefined && /[a-z0-9]/.test(next) && /[a-z]$/.test(w)) return -1;
  return end;
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && s[i] === ' ') i++;
  return i;
}

type TokenResult = { ok: true; canonical: string } | { ok: false; code: MessageCode };

/**
 * Turns a written number token (digits, `.`, `,`) into a canonical JS numeral string, following the
 * decimal rule. Pushes `NUMBER_DOT_AMBIGUOUS` when auto had to guess.
 */
function canonicalize(token: string, decimal: DecimalStyle, ambiguous: () => void): TokenResult {
  const dots = (token.match(/\./g) ?? []).length;
  const commas = (token.match(/,/g) ?? []).length;
  let decimalSep: '.' | ',' | null = null;
  if (dots && commas) {
    const last = token.lastIndexOf('.') > token.lastIndexOf(',') ? '.' : ',';
    if (decimal === 'comma' && last !== ',') return { ok: false, code: 'NUMBER_SEPARATORS' };
    if (decimal === 'dot' && last !== '.') return { ok: false, code: 'NUMBER_SEPARATORS' };
    decimalSep = last;
  } else if (commas) {
    if (decimal === 'dot') decimalSep = null;
    else if (commas === 1) decimalSep = ',';
    else if (decimal === 'comma') return { ok: false, code: 'NUMBER_SEPARATORS' };
    else decimalSep = null;
  } else if (dots) {
    if (decimal === 'comma') decimalSep = null;
    else if (dots > 1) {
      if (decimal === 'dot') return { ok: false, code: 'NUMBER_SEPARATORS' };
      decimalSep = null;
    } else if (decimal === 'dot') decimalSep = '.';
    else if (/^[1-9]\d{0,2}\.\d{3}$/.test(token)) {
      decimalSep = null;
      ambiguous();
    } else decimalSep = '.';
  }
  const group = decimalSep === ',' ? '.' : decimalSep === '.' ? ',' : dots ? '.' : ',';
  let intPart = token;
  let fracPart = '';
  if (decimalSep) {
    const at = token.lastIndexOf(decimalSep);
    intPart = token.slice(0, at);
    fracPart = token.slice(at + 1);
    if (!/^\d+$/.test(fracPart) || intPart === '') return { ok: false, code: 'NUMBER_INVALID' };
  }
  if (intPart.includes(group)) {
    if (!new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(intPart)) return { ok: false, code: 'NUMBER_GROUPING' };
    intPart = intPart.split(group).join('');
  }
  if (!/^\d+$/.test(intPart)) return { ok: false, code: 'NUMBER_INVALID' };
  const int = intPart.replace(/^0+(?=\d)/, '');
  return { ok: true, canonical: fracPart ? `${int}.${fracPart}` : int };
}

function failure(code: MessageCode, text: string, opts: ParseNumberOptions): NumberFailure {
  return { ok: false, diagnostic: diagnostic(code, { value: text }, opts.location ?? {}) };
}

/**
 * Reads one number phrase: `3,58%`, `trên 98%`, `60,2 triệu đồng/người/năm`, `30/31`, `08`,
 * `3.051`, `1387.0`, `hàng trăm`. The phrase is the whole of `text` (trimmed); words after the figure
 * come back as `unit` (money, `%`) or `rest`. Never throws: a failure carries an error diagnostic.
 */
export function parseNumber(text: string, opts: ParseNumberOptions = {}): NumberResult {
  const decimal = opts.decimal ?? 'auto';
  // Fast path for the plain cells that make up most tables (`12`, `08`, GSO's `15.5`, `3,58`).
  if (/^-?\d+$/.test(text) || (decimal === 'dot' && /^-?\d+\.\d+$/.test(text)) || (decimal !== 'dot' && /^-?\d+,\d+$/.test(text))) {
    const value = Number(text.replace(',', '.'));
    return { ok: true, value, written: value, qualifier: null, denominator: null, magnitude: null, percent: false, unit: null, unquantified: false, rest: null, warnings: [] };
  }
  const loc = opts.location ?? {};
  const s = text.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
  if (s === '') return failure('NUMBER_EMPTY', text, opts);
  const f = fold(s);
  if (f.length !== s.length) return failure('NUMBER_INVALID', text, opts); // defensive: folding kept length
  const warnings: Diagnostic[] = [];
  let i = 0;

  let qualifier: Qualifier | null = null;
  for (const [w, q] of QUALIFIERS) {
    const end = wordAt(f, i, w);
    if (end !== -1) {
      qualifier = q;
      i = skipSpaces(s, end);
      break;
    }
  }

  // "hàng trăm", "vài nghìn": an order of magnitude without a figure.
  const vague = /^(hang|vai|may|nhieu) (chuc|tram|nghin|ngan|van|trieu|ty|ti)(?![a-z])/.exec(f.slice(i));
  if (vague) {
    const word = MAGNITUDES.find(([k]) => k === vague[2])![1];
    const after = skipSpaces(s, i + vague[0].length);
    warnings.push(diagnostic('NUMBER_UNQUANTIFIED', { value: s.slice(i, i + vague[0].length) }, loc, 'warning'));
    return {
      ok: true, value: null, written: null, qualifier, denominator: null,
      magnitude: { word, factor: MagnitudeWord[word] }, percent: false, unit: null, unquantified: true,
      rest: after < s.length ? s.slice(after) : null, warnings,
    };
  }

  let negative = false;
  if (s[i] === '-' || s[i] === '−') {
    negative = true;
    i++;
  } else if (s[i] === '+') i++;
  const numMatch = /^\d[\d.,]*/.exec(s.slice(i));
  if (!numMatch) return failure('NUMBER_INVALID', text, opts);
  let token = numMatch[0];
  i += token.length;
  // A sentence's full stop or comma after a figure ("năm 2021,") is punctuation, not a separator.
  while (/[.,]$/.test(token)) token = token.slice(0, -1);
  let ambiguousSeen = false;
  const onAmbiguous = () => { ambiguousSeen = true; };
  const main = canonicalize(token, decimal, onAmbiguous);
  if (!main.ok) return failure(main.code, text, opts);

  let denominator: number | null = null;
  let percent = false;
  if (s[i] === '/') {
    if (s[i + 1] === '%') {
      // "100/%": a slip of the keyboard for "100%". Keep the figure, say so.
      percent = true;
      i += 2;
      warnings.push(diagnostic('NUMBER_SLASH_PERCENT', { value: s }, loc, 'warning'));
    } else {
      const den = /^\d[\d.,]*/.exec(s.slice(i + 1));
      if (!den) return failure('NUMBER_INVALID', text, opts);
      let denToken = den[0];
      i += 1 + denToken.length;
      if (s[i] === '/') return failure('NUMBER_DATE', text, opts); // 18/5/2021 is a date
      while (/[.,]$/.test(denToken)) denToken = denToken.slice(0, -1);
      const d = canonicalize(denToken, decimal, onAmbiguous);
      if (!d.ok) return failure(d.code, text, opts);
      denominator = Number(d.canonical);
      if (denominator === 0) return failure('NUMBER_ZERO_DENOMINATOR', text, opts);
    }
  }
  if (!percent) {
    const j = skipSpaces(s, i);
    if (s[j] === '%') {
      percent = true;
      i = j + 1;
    }
  }

  let magnitude: Magnitude | null = null;
  if (!percent && denominator === null) {
    const j = skipSpaces(s, i);
    if (j > i) {
      for (const [w, word] of MAGNITUDES) {
        if (!FIGURE_MAGNITUDES.has(word)) continue;
        const end = wordAt(f, j, w);
        if (end !== -1) {
          magnitude = { word, factor: MagnitudeWord[word] };
          i = end;
          break;
        }
      }
    }
  }

  // Whatever follows must be separated by a space (or be punctuation ending the phrase).
  let rest: string | null = null;
  let unit: string | null = percent ? '%' : null;
  const tail = s.slice(i);
  if (tail !== '') {
    if (!/^[ ;:)]/.test(tail)) return failure('NUMBER_INVALID', text, opts);
    const words = tail.replace(/^[ ;:)]+/, '').trim();
    if (words !== '') {
      if (!percent && /^(đồng|dong|vnđ|vnd)(?![\p{L}\d])/iu.test(words)) {
        const money = words.split(/[ ,;]/)[0];
        unit = magnitude ? `${magnitude.word} ${money}` : money;
        const after = words.slice(money.length).trim();
        rest = after === '' ? null : after;
      } else rest = words;
    }
  }

  if (ambiguousSeen) warnings.push(diagnostic('NUMBER_DOT_AMBIGUOUS', { value: s }, loc, 'warning'));
  const sign = negative ? '-' : '';
  const written = Number(sign + main.canonical);
  const value = magnitude ? Number(`${sign}${main.canonical}e${Math.log10(magnitude.factor)}`) : written;
  return { ok: true, value, written, qualifier, denominator, magnitude, percent, unit, unquantified: false, rest, warnings };
}

/**
 * The decimal convention a column of cells follows, judged from all of them: `comma` when some cell
 * can only be a decimal comma (`3,58`) or dot grouping (`2.060.856`) and none contradicts it, `dot`
 * when some cell can only be a decimal point (`15.5`, `1387.0`) or comma grouping, else `auto`.
 */
export function inferDecimalStyle(texts: Iterable<string>): DecimalStyle {
  let comma = 0;
  let dot = 0;
  for (const text of texts) {
    for (const token of text.match(/\d[\d.,]*\d/g) ?? []) {
      const dots = token.split('.').length - 1;
      const commas = token.split(',').length - 1;
      if (dots && commas) {
        if (token.lastIndexOf(',') > token.lastIndexOf('.')) comma++;
        else dot++;
      } else if (commas === 1) {
        if (!/,\d{3}$/.test(token)) comma++;
      } else if (commas > 1) dot++;
      else if (dots === 1) {
        if (!/\.\d{3}$/.test(token)) dot++;
      } else if (dots > 1) comma++;
    }
  }
  if (comma && !dot) return 'comma';
  if (dot && !comma) return 'dot';
  return 'auto';
}

const QUALIFIER_WORDS = new Map<string, Qualifier>(QUALIFIERS);

/** A qualifier cell: `>`, `<`, `~`, or a word (`trên`, `dưới`, `khoảng`, ...); `undefined` if not one. */
export function parseQualifier(text: string): Qualifier | null | undefined {
  const f = fold(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
  if (f === '') return null;
  return QUALIFIER_WORDS.get(f);
}
