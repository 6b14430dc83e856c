/**
 * Fonts for export without a browser: the real glyph advances for Vega's text layout, and subsets
 * to embed in the SVG. Node-only (reads font files; fontkit and the wasm subsetter load when first
 * needed, so a command that embeds no font and draws no outline never pays for them).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { nearestFace } from '../font-embed.js';
import { isSfnt, readAdvanceFont } from './sfnt.js';
import { subsetTrueType, subsetterVersion } from './hb-subset.js';
import { cacheKey, readCache, writeCache } from './cache.js';

const require = createRequire(import.meta.url);

/** What chiso reads of fontkit's module: its parser (loaded on demand, synchronously, from its CommonJS build). */
interface Fontkit {
  create(bytes: Buffer): object;
}
let fontkitModule: Fontkit | undefined;
function fontkit(): Fontkit {
  return (fontkitModule ??= require('fontkit') as Fontkit);
}

/** The file parsed by fontkit, for shaping and glyph outlines; parsed once per face. */
const shaping = new WeakMap<FontFace, object>();
export function fontkitFont(face: FontFace): object {
  let font = shaping.get(face);
  if (!font) shaping.set(face, (font = 'layout' in face.font ? face.font : fontkit().create(face.bytes)));
  return font;
}

type SubsetFont = typeof import('subset-font').default;
let subsetFontModule: Promise<SubsetFont> | undefined;
const subsetFont: SubsetFont = (font, text, options) => {
  subsetFontModule ??= import('subset-font').then((m) => m.default);
  return subsetFontModule.then((subset) => subset(font, text, options));
};

/** The family chiso's charts are set in. */
export const DEFAULT_FONT_FAMILY = 'Be Vietnam Pro';

/** What chiso reads of a parsed font (fontkit's `Font`), so its types stay out of chiso's public ones. */
export interface ParsedFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

/** One face of a family: its weight, the file it came from, and the parsed font. */
export interface FontFace {
  family: string;
  /** CSS weight, 100-900. */
  weight: number;
  /** CSS font-style of the face. */
  style: 'normal' | 'italic';
  file: string;
  bytes: Buffer;
  font: ParsedFont;
  /** Advance widths in font units, per code point: text measurement is a hot path. */
  advances: Map<number, number>;
  /** Widths in font units of whole strings: Vega measures the same labels again and again. */
  widths: Map<string, number>;
}

/** The faces of one family that text is measured with and embedded from. */
export interface FontSet {
  family: string;
  faces: FontFace[];
}

const BE_VIETNAM_PRO_FILES: { weight: number; style: FontFace['style']; file: string }[] = [
  { weight: 400, style: 'normal', file: '400Regular/BeVietnamPro_400Regular.ttf' },
  { weight: 500, style: 'normal', file: '500Medium/BeVietnamPro_500Medium.ttf' },
  { weight: 600, style: 'normal', file: '600SemiBold/BeVietnamPro_600SemiBold.ttf' },
  { weight: 700, style: 'normal', file: '700Bold/BeVietnamPro_700Bold.ttf' },
  // Map annotations (Quần đảo Hoàng Sa) and notes are set in italic.
  { weight: 400, style: 'italic', file: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf' },
];

/** Loads a family from TrueType files, one per weight and style. */
export function loadFontSet(family: string, files: { weight: number; style?: FontFace['style']; file: string }[]): FontSet {
  const faces = files.map(({ weight, style = 'normal', file }) => {
    const bytes = readFileSync(file);
    // Advances read from the tables directly; fontkit only for the fonts that reader declines.
    const font = readAdvanceFont(bytes) ?? fontkit().create(bytes);
    if (!('glyphForCodePoint' in font)) throw new Error(`${file}: a font collection, not a single font`);
    return { family, weight, style, file, bytes, font: font as ParsedFont, advances: new Map<number, number>(), widths: new Map<string, number>() };
  });
  faces.sort((a, b) => (a.style === b.style ? a.weight - b.weight : a.style === 'normal' ? -1 : 1));
  return { family, faces };
}

let beVietnamPro: FontSet | undefined;

/** Be Vietnam Pro regular, medium, semibold and bold, from @expo-google-fonts/be-vietnam-pro (OFL). */
export function defaultFontSet(): FontSet {
  if (!beVietnamPro) {
    const dir = require.resolve('@expo-google-fonts/be-vietnam-pro/package.json').replace(/package\.json$/, '');
    beVietnamPro = loadFontSet(
      DEFAULT_FONT_FAMILY,
      BE_VIETNAM_PRO_FILES.map((f) => ({ ...f, file: dir + f.file })),
    );
  }
  return beVietnamPro;
}

/** The file paths of a set, for renderers that load fonts themselves (resvg). */
export function fontFiles(set: FontSet): string[] {
  return set.faces.map((f) => f.file);
}

export { cssWeight } from '../font-embed.js';

/** The face CSS would pick for a weight and style: the nearest weight, ties going heavier above 500. */
export function faceFor(set: FontSet, weight: number, style: unknown = 'normal'): FontFace {
  return nearestFace(set.faces, weight, style);
}

/** The first family named in a CSS font-family list, unquoted. */
export function firstFamily(fontFamily: unknown): string {
  if (typeof fontFamily !== 'string') return '';
  const first = fontFamily.split(',')[0] ?? '';
  return first.trim().replace(/^["']|["']$/g, '');
}

/**
 * Width in pixels of `text` set in `face` at `size`: the sum of the glyph advances (kerning left
 * out, so a measured width is never short of the drawn one by more than a hair).
 */
export function measureText(face: FontFace, text: string, size: number): number {
  const known = face.widths.get(text);
  if (known !== undefined) return (known * size) / face.font.unitsPerEm;
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    let adv = face.advances.get(cp);
    if (adv === undefined) {
      adv = face.font.glyphForCodePoint(cp).advanceWidth;
      face.advances.set(cp, adv);
    }
    units += adv;
  }
  if (face.widths.size > 20_000) face.widths.clear();
  face.widths.set(text, units);
  return (units * size) / face.font.unitsPerEm;
}

/** A font ready for a `data:` URL. */
export interface EncodedFont {
  format: 'truetype' | 'woff2';
  base64: string;
}

/**
 * Every letter of Vietnamese (each vowel with each tone, in both cases, and đ), printable ASCII and
 * the punctuation charts use. Embedded as WOFF2 it weighs about 9 kB a face, about what a TrueType
 * subset of one chart's glyphs weighs, and it is made once per process instead of once per chart.
 */
export const VIETNAMESE_CHARSET: string = (() => {
  let chars = '';
  for (let i = 0x20; i < 0x7f; i++) chars += String.fromCharCode(i);
  for (const vowel of 'aăâeêioôơuưy')
    for (const tone of ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']) {
      const c = (vowel + tone).normalize('NFC');
      chars += c + c.toUpperCase();
    }
  chars += 'đĐ–—…·‘’“”₫°×−≤≥';
  return [...new Set(chars)].join('');
})();
const inCharset = new Set(VIETNAMESE_CHARSET);

const subsetCache = new Map<string, Promise<EncodedFont>>();

/** A digest of each face's bytes, made once: what names its subsets in the cache on disk. */
const faceDigests = new WeakMap<Uint8Array, string>();
function bytesDigest(bytes: Uint8Array): string {
  let d = faceDigests.get(bytes);
  if (d === undefined) faceDigests.set(bytes, (d = createHash('sha256').update(bytes).digest('hex')));
  return d;
}

/**
 * A subset from this process's memory, else from chiso's cache on disk (named by the face's bytes,
 * what is kept and the subsetter's versions: a start that finds it loads no subsetter), else made.
 */
function cached(face: FontFace, what: string, format: EncodedFont['format'], make: () => Promise<Uint8Array>): Promise<EncodedFont> {
  const memoryKey = `${face.file}\u0000${what}`;
  let hit = subsetCache.get(memoryKey);
  if (!hit) {
    if (subsetCache.size > 500) subsetCache.clear();
    const diskKey = cacheKey('font-subset', subsetterVersion(), bytesDigest(face.bytes), format, JSON.stringify(SUBSET_OPTIONS), what);
    const stored = readCache('fonts', diskKey);
    hit = stored
      ? Promise.resolve({ format, base64: stored.toString('base64') })
      : make().then((bytes) => {
          writeCache('fonts', diskKey, bytes);
          return { format, base64: Buffer.from(bytes).toString('base64') };
        });
    subsetCache.set(memoryKey, hit);
  }
  return hit;
}

// Kerning and mark positioning kept so the diacritics sit where the designer put them.
const SUBSET_OPTIONS = { keepFeatures: ['kern', 'mark', 'mkmk', 'ccmp', 'locl'], noHinting: true };

/**
 * The face cut down to the characters given, as TrueType. The same face and characters give the
 * same bytes, cached, so a batch of charts with the same labels subsets once.
 */
export function subsetBase64(face: FontFace, chars: string): Promise<EncodedFont> {
  // TrueType in, TrueType out: harfbuzz directly; other inputs through subset-font's converters.
  return cached(face, `glyphs\u0000${chars}`, 'truetype', async () =>
    isSfnt(face.bytes) ? await subsetTrueType(face.bytes, chars, SUBSET_OPTIONS.keepFeatures) : await subsetFont(face.bytes, chars, { targetFormat: 'truetype', ...SUBSET_OPTIONS }),
  );
}

/**
 * The face cut down to VIETNAMESE_CHARSET plus whatever other characters are given, as WOFF2: one
 * encoding per face for nearly every chart.
 */
export function charsetBase64(face: FontFace, chars: string): Promise<EncodedFont> {
  const extra = [...new Set(chars)].filter((c) => !inCharset.has(c)).sort().join('');
  return cached(face, `charset\u0000${extra}`, 'woff2', () => subsetFont(face.bytes, VIETNAMESE_CHARSET + extra, { targetFormat: 'woff2', ...SUBSET_OPTIONS }));
}

/** Forgets every subset made so far (memory; a benchmark of the uncached path). */
export function clearSubsetCache(): void {
  subsetCache.clear();
}

/** The characters beyond VIETNAMESE_CHARSET, which `charsetBase64` adds to its subset. */
export function outsideCharset(chars: string): string {
  return [...new Set(chars)].filter((c) => !inCharset.has(c)).sort().join('');
}

/** The whole face as base64, for when subsetting is turned off. */
export function fullBase64(face: FontFace): EncodedFont {
  return { format: 'truetype', base64: Buffer.from(face.bytes).toString('base64') };
}

/** A short stable digest, for names that must differ when content differs. */
export function digest(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
