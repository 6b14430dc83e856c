/**
 * Figures and periods written for the ear: what a screen reader reads out. A reader's voice says
 * `12,3%` as "twelve comma three" and drops the sign, `2016–2020` as one number, `>98` as "greater
 * than"; these forms say "12,3 phần trăm", "2016 đến 2020", "trên 98". The written forms stay on the
 * page; the spoken ones go where only a screen reader reads (descriptions' and points' accessible text).
 */
import type { Lang } from './locale.js';
import { formatNumber, type NumberFormatOptions } from './number.js';
import { formatUnit } from './unit.js';
import { periodPhrase } from './period.js';
import type { ValueLike } from './value.js';

const WORDS: Record<Lang, { percent: string; permille: string; per: string; of: string; to: string; minus: string; points: [RegExp, string]; q: Record<string, string> }> = {
  vi: { percent: 'phần trăm', permille: 'phần nghìn', per: 'mỗi', of: 'trên', to: 'đến', minus: 'âm', points: [/điểm %/g, 'điểm phần trăm'], q: { '>': 'trên', '<': 'dưới', '~': 'khoảng' } },
  en: { percent: 'per cent', permille: 'per mille', per: 'per', of: 'of', to: 'to', minus: 'minus', points: [/(\d) pp\b/g, '$1 percentage points'], q: { '>': 'over', '<': 'under', '~': 'about' } },
};

/** A unit as said aloud: `%` "phần trăm", `nghìn đồng/người/tháng` "nghìn đồng mỗi người mỗi tháng". */
export function spokenUnit(unit: string | null | undefined, locale: Lang = 'vi'): string {
  if (!unit) return '';
  const w = WORDS[locale];
  if (unit === '%') return w.percent;
  if (unit === '‰') return w.permille;
  return formatUnit(unit, locale).split('/').map((s) => s.trim()).filter(Boolean).join(` ${w.per} `);
}

/** A figure as said aloud: `trên 98 phần trăm`, `30 trên 31 tổ chức`, `60,2 triệu đồng mỗi người mỗi năm`. */
export function spokenValue(o: ValueLike, locale: Lang = 'vi', opts: NumberFormatOptions & { missing?: string } = {}): string {
  const { missing = '–', ...numberOpts } = opts;
  if (o.value === null || o.value === undefined || !Number.isFinite(o.value)) return missing;
  const w = WORDS[locale];
  const n = formatNumber(o.value, locale, numberOpts);
  const hasDenominator = o.denominator !== null && o.denominator !== undefined;
  const unit = hasDenominator && (!o.unit || o.unit === '%' || o.unit === 'fraction') ? '' : spokenUnit(o.unit, locale);
  let text = hasDenominator ? `${n} ${w.of} ${formatNumber(o.denominator as number, locale, numberOpts)}` : n;
  if (unit) text += ` ${unit}`;
  if (o.qualifier) text = `${w.q[o.qualifier] ?? o.qualifier} ${text}`;
  return text;
}

/** A period as said aloud, with its noun: `năm 2016`, `năm 2016 đến 2020`, `tháng 5 năm 2024`. */
export function spokenPeriod(period: string, locale: Lang = 'vi'): string {
  return forEar(periodPhrase(period, locale), locale);
}

/**
 * A written text (a chart's description) with its figures made speakable: `12,3%` -> `12,3 phần
 * trăm`, `>98` -> `trên 98`, `2016–2020` and `2006-2010` -> `2016 đến 2020`, `30/31` -> `30 trên 31`,
 * `đồng/người/tháng` -> `đồng mỗi người mỗi tháng`, `−2,3 điểm %` -> `âm 2,3 điểm phần trăm`, `a → b` ->
 * `a đến b`. Only the forms chiso's own formatters write.
 */
export function forEar(text: string, locale: Lang = 'vi'): string {
  // A chart says its description again on every update of its element: the same text is rewritten once.
  const key = `${locale}\u0000${text}`;
  const known = spoken.get(key);
  if (known !== undefined) return known;
  const said = sayAloud(text, locale);
  if (spoken.size >= 64) spoken.delete(spoken.keys().next().value as string);
  spoken.set(key, said);
  return said;
}

/** The last texts said aloud, oldest first. */
const spoken = new Map<string, string>();

function sayAloud(text: string, locale: Lang): string {
  const w = WORDS[locale];
  return text
    // Vietnamese months and days as said: `tháng 5 năm 2024`, `ngày 7 tháng 5 năm 2024`.
    .replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (_, d: string, m: string, y: string) => (locale === 'vi' ? `${Number(d)} tháng ${Number(m)} năm ${y}` : `${d}/${m}/${y}`))
    .replace(/tháng (\d{1,2})\/(\d{4})\b/g, 'tháng $1 năm $2')
    .replace(w.points[0], w.points[1])
    .replace(/(^|[\s(])([><~])\s?(?=\d)/g, (_, pre: string, q: string) => `${pre}${w.q[q]} `)
    .replace(/(^|[\s(])\u2212(?=\d)/g, `$1${w.minus} `)
    .replace(/\s*→\s*/g, ` ${w.to} `)
    // Year ranges as GSO writes them (`2006-2010`), not a subtraction.
    .replace(/\b(\d{4})-(\d{4})\b/g, `$1 ${w.to} $2`)
    .replace(/(\d)\s?%/g, `$1 ${w.percent}`)
    .replace(/(\d)\s?‰/g, `$1 ${w.permille}`)
    .replace(/(\d)\s*–\s*(\d)/g, `$1 ${w.to} $2`)
    // Fractions only: not a month (`5/2024`) nor a date (`07/05/2024`).
    .replace(/(?<![\d/])(\d+)\/(?!(?:19|20)\d\d(?![\d/]))(\d+)(?![\d/])/g, `$1 ${w.of} $2`)
    .replace(/(\p{L})\/(?=\p{L})/gu, `$1 ${w.per} `)
    .replace(/ {2,}/g, ' ');
}
