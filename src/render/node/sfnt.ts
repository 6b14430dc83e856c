/**
 * Glyph advances straight from a TrueType/OpenType file's `cmap`, `hhea`, `hmtx` and `head` tables:
 * all that text measurement needs, without loading fontkit (about a tenth of a second of a CLI
 * start). It answers exactly as fontkit's `glyphForCodePoint(cp).advanceWidth` does, and declines
 * (returns `undefined`) any font it does not read the same way: collections, WOFF, variable fonts,
 * cmap formats other than 0, 4, 6 and 12, fonts without a Unicode cmap.
 */

/** Unicode subtables, in the order fontkit prefers them (platform, encoding). */
const UNICODE_SUBTABLES: [number, number][] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/** What text measurement reads of a font; the same shape as fontkit's. */
export interface AdvanceFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

type GlyphLookup = (codePoint: number) => number;

function cmapLookup(view: DataView, at: number): GlyphLookup | undefined {
  const format = view.getUint16(at);
  if (format === 0) return (cp) => (cp >= 0 && cp < 256 ? view.getUint8(at + 6 + cp) : 0);
  if (format === 6) {
    const first = view.getUint16(at + 6);
    const count = view.getUint16(at + 8);
    return (cp) => (cp >= first && cp - first < count ? view.getUint16(at + 10 + 2 * (cp - first)) : 0);
  }
  if (format === 4) {
    const segCount = view.getUint16(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + 2 * segCount + 2;
    const deltas = starts + 2 * segCount;
    const rangeOffsets = deltas + 2 * segCount;
    const glyphIds = rangeOffsets + 2 * segCount;
    const end = at + view.getUint16(at + 2);
    return (cp) => {
      let min = 0;
      let max = segCount - 1;
      while (min <= max) {
        const mid = (min + max) >> 1;
        if (cp < view.getUint16(starts + 2 * mid)) max = mid - 1;
        else if (cp > view.getUint16(ends + 2 * mid)) min = mid + 1;
        else {
          const rangeOffset = view.getUint16(rangeOffsets + 2 * mid);
          const delta = view.getInt16(deltas + 2 * mid);
          if (rangeOffset === 0) return (cp + delta) & 0xffff;
          const index = rangeOffset / 2 + (cp - view.getUint16(starts + 2 * mid)) - (segCount - mid);
          const p = glyphIds + 2 * index;
          const gid = index >= 0 && p + 2 <= end ? view.getUint16(p) : 0;
          return gid === 0 ? 0 : (gid + delta) & 0xffff;
        }
      }
      return 0;
    };
  }
  if (format === 12) {
    const groups = view.getUint32(at + 12);
    return (cp) => {
      let min = 0;
      let max = groups - 1;
      while (min <= max) {
        const mid = (min + max) >> 1;
        const g = at + 16 + 12 * mid;
        if (cp < view.getUint32(g)) max = mid - 1;
        else if (cp > view.getUint32(g + 4)) min = mid + 1;
        else return view.getUint32(g + 8) + (cp - view.getUint32(g));
      }
      return 0;
    };
  }
  return undefined;
}

/** A TrueType or OpenType file: not WOFF, not a collection. */
export function isSfnt(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const version = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  // 0x00010000 and 'true' are TrueType outlines, 'OTTO' CFF.
  return version === 0x00010000 || version === 0x74727565 || version === 0x4f54544f;
}

/** The font's advances, or `undefined` when it is not a plain static TrueType/OpenType font read here. */
export function readAdvanceFont(bytes: Uint8Array): AdvanceFont | undefined {
  try {
    if (!isSfnt(bytes)) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const tables = new Map<string, number>();
    const count = view.getUint16(4);
    for (let i = 0; i < count; i++) {
      const r = 12 + 16 * i;
      tables.set(String.fromCharCode(bytes[r], bytes[r + 1], bytes[r + 2], bytes[r + 3]), view.getUint32(r + 8));
    }
    // Variable fonts adjust advances per instance (HVAR, gvar): leave them to fontkit.
    if (tables.has('fvar')) return undefined;
    const head = tables.get('head');
    const hhea = tables.get('hhea');
    const hmtx = tables.get('hmtx');
    const cmap = tables.get('cmap');
    if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) return undefined;
    const unitsPerEm = view.getUint16(head + 18);
    const metrics = view.getUint16(hhea + 34);
    let lookup: GlyphLookup | undefined;
    const subtables = view.getUint16(cmap + 2);
    for (const [platform, encoding] of UNICODE_SUBTABLES) {
      for (let i = 0; i < subtables && !lookup; i++) {
        const r = cmap + 4 + 8 * i;
        if (view.getUint16(r) === platform && view.getUint16(r + 2) === encoding) {
          lookup = cmapLookup(view, cmap + view.getUint32(r + 4));
          // A Unicode subtable in a format not read here: fontkit would use it, so decline.
          if (!lookup) return undefined;
        }
      }
      if (lookup) break;
    }
    if (!lookup || metrics === 0) return undefined;
    const find = lookup;
    // Glyphs past the last full metric share its advance (monospaced tails).
    const advance = (gid: number) => view.getUint16(hmtx + 4 * Math.min(gid, metrics - 1));
    return { unitsPerEm, glyphForCodePoint: (cp) => ({ advanceWidth: advance(find(cp)) }) };
  } catch {
    // A table pointing past the end of the file: fontkit reports it better.
    return undefined;
  }
}
