/**
 * Plugs real glyph advances into Vega's text layout. Vega measures text to place labels, drop
 * overlapping ones and size the chart; without a canvas it guesses 0.8 em per character, which
 * overlaps Vietnamese labels and wastes room. The hook is process-wide (Vega keeps one
 * `textMetrics`), answers for the families registered here and leaves others to Vega's estimate.
 */
import { vega } from './vega.js';
import { cssWeight, faceFor, firstFamily, measureText, type FontSet } from './fonts.js';

interface TextItem {
  font?: string;
  fontSize?: number | string;
  fontWeight?: string | number;
  fontStyle?: string;
  limit?: number;
}
type WidthFn = (item: TextItem, text: unknown) => number;
interface TextMetrics {
  width: WidthFn;
  estimateWidth: WidthFn;
}

const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
const families = new Map<string, FontSet>();
let installed = false;

function lineText(text: unknown): string {
  return text == null ? '' : String(text).trim();
}

/** `item.font` strings seen, to the set that answers for them (or none). */
const byFont = new Map<string, FontSet | null>();

function setFor(font: string | undefined): FontSet | null {
  const key = font ?? '';
  let set = byFont.get(key);
  if (set === undefined) {
    set = families.get(firstFamily(font).toLowerCase()) ?? null;
    byFont.set(key, set);
  }
  return set;
}

const width: WidthFn = (item, text) => {
  const set = setFor(item.font);
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  if (size <= 0) return 0;
  // Other families: Vega's own guess, 0.8 em a character, on the text as asked. Not through
  // `metrics.estimateWidth`: for a label with a limit it truncates by asking `metrics.width` (this
  // function) again, without end.
  const w = set ? measureText(faceFor(set, cssWeight(item.fontWeight), item.fontStyle), lineText(text), size) : Math.floor(0.8 * lineText(text).length * size);
  // Vega truncates to `limit` by asking for widths of prefixes; capping at the limit answers those
  // questions exactly and bounds a truncated label by its limit.
  return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
};

/** Measures text in `set`'s family with its glyphs from now on, in this process. */
export function useFontMetrics(set: FontSet): void {
  if (families.get(set.family.toLowerCase()) !== set) {
    families.set(set.family.toLowerCase(), set);
    byFont.clear();
  }
  if (!installed) {
    metrics.width = width;
    installed = true;
  }
}
