/**
 * Embedding font faces in an SVG string, with no font tooling: the faces arrive ready (a `data:` URL's
 * base64), this picks the ones the text uses and declares them. The page's SVG download uses it with
 * the Vietnamese-charset faces shipped in a lazy chunk, so a downloaded SVG keeps its letters on a
 * machine without the font, as one from `chiso render` does.
 */
import { decorateSvg, textRuns, type EmbeddedFace } from './document.js';

/** A face ready to embed. */
export interface FontFile {
  weight: number;
  style: 'normal' | 'italic';
  format: 'truetype' | 'woff2';
  base64: string;
}

/** CSS weight from what Vega writes in `font-weight`: `bold`, `normal`, `600`. */
export function cssWeight(weight: unknown): number {
  if (weight === undefined || weight === null || weight === '' || weight === 'normal') return 400;
  if (weight === 'bold' || weight === 'bolder') return 700;
  if (weight === 'lighter') return 300;
  const n = Number(weight);
  return Number.isFinite(n) ? n : 400;
}

/** The face CSS would pick for a weight and style: the nearest weight, ties going heavier above 500. */
export function nearestFace<F extends { weight: number; style: string }>(faces: readonly F[], weight: number, style: unknown = 'normal'): F {
  const wanted = style === 'italic' || style === 'oblique' ? 'italic' : 'normal';
  const pool = faces.some((f) => f.style === wanted) ? faces.filter((f) => f.style === wanted) : faces;
  let best = pool[0];
  for (const face of pool) {
    const d = Math.abs(face.weight - weight);
    const bd = Math.abs(best.weight - weight);
    if (d < bd || (d === bd && weight > 500 && face.weight > best.weight)) best = face;
  }
  return best;
}

/** A short stable name from text (FNV-1a), where Node's crypto is not at hand. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export interface EmbedFontOptions {
  /** The family the faces stand for (`Be Vietnam Pro`): text set in it is pointed at them. */
  family: string;
  /** Accessible name of the chart. */
  title?: string;
  /** Longer text for `<desc>`. */
  desc?: string;
  /** Language of the chart's text. */
  lang?: string;
}

/**
 * The SVG with the faces its text uses (of `files`, the nearest weight and style) declared as
 * `@font-face` data URLs, text in `family` pointed at them first, and the title, description and
 * language a reader and a screen reader need. Text in other families is left as it is.
 */
export function embedFontFaces(svg: string, files: readonly FontFile[], options: EmbedFontOptions): string {
  const { family, title, desc, lang } = options;
  const used = new Set<FontFile>();
  if (files.length) for (const run of textRuns(svg)) if (run.family === family) used.add(nearestFace(files, cssWeight(run.weight), run.style));
  const chosen = files.filter((f) => used.has(f));
  const faces: EmbeddedFace[] = chosen.map((f) => ({
    weight: f.weight,
    style: f.style,
    format: f.format,
    src: `data:font/${f.format === 'woff2' ? 'woff2' : 'ttf'};base64,${f.base64}`,
  }));
  const embeddedFamily = `chiso-${shortHash(chosen.map((f) => `${f.weight}${f.style}:${f.base64.length}:${f.base64.slice(-32)}`).join('\n'))}`;
  return decorateSvg(svg, { title, desc, lang, ...(faces.length ? { faces, family, embeddedFamily } : {}) });
}
