/**
 * Text normalization for names as they really arrive: NFC or not, old or new tone placement,
 * any case, stray spaces and tabs, with or without diacritics.
 */

/** Old-style tone placement (`hoà`, `khoẻ`, `thuỷ`) -> new style (`hòa`, `khỏe`, `thủy`), syllable-final only. */
const TONE_MOVES: [RegExp, (m: string, ...g: string[]) => string][] = [
  [/([oO])([àáảãạ])(?![\p{L}\p{M}])/gu, (_m, o, a) => moveTone(o, a, 'a')],
  [/([oO])([èéẻẽẹ])(?![\p{L}\p{M}])/gu, (_m, o, e) => moveTone(o, e, 'e')],
  [/(?<![qQ])([uU])([ỳýỷỹỵ])(?![\p{L}\p{M}])/gu, (_m, u, y) => moveTone(u, y, 'y')],
];

/** Combining tone marks: grave, acute, hook above, tilde, dot below. */
const TONES = /[\u0300\u0301\u0309\u0303\u0323]/u;

function moveTone(first: string, toned: string, bare: string): string {
  const tone = toned.normalize('NFD').match(TONES)?.[0] ?? '';
  return (first + tone).normalize('NFC') + bare;
}

/**
 * NFC, new-style tone placement, whitespace (tabs, no-break spaces, doubles) collapsed and trimmed.
 * Keeps case and diacritics: `'  Hoà  Bình\t'` -> `'Hòa Bình'`.
 */
export function cleanName(text: string): string {
  let s = String(text).replace(/\uFEFF/g, '').normalize('NFC');
  s = s.replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/gu, ' ').trim();
  for (const [re, fn] of TONE_MOVES) s = s.replace(re, fn as (m: string, ...g: string[]) => string);
  return s;
}

/** Removes every diacritic; `đ`/`Đ` -> `d`/`D`. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * Lower case, punctuation (`-`, `–`, `.`, `,`, `(`, `)`, `'`) turned into single spaces. Keeps U+FFFD,
 * the mark a wrong decoding leaves in place of a letter.
 */
export function flatten(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\P{P}]|[^\P{S}\uFFFD]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
