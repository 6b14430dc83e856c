/**
 * Print-quality SVG without a browser: Vega lays the chart out with Be Vietnam Pro's real glyph
 * advances, numbers and dates follow the chart's language, and the used glyphs travel inside the
 * file so diacritics survive on a machine without the font. The same spec gives the same bytes.
 */
import '../../messages/render.js';
import type * as Vega from 'vega';
import { deserialize, serialize } from 'node:v8';
import { compileVegaLite, vega } from './vega.js';
import { cacheDir, cacheKey, readCache, writeCache } from './cache.js';
import { fail, type ChisoError } from '../../errors.js';
import { sandboxLoader } from './sandbox.js';
import type { Lang } from '../../format/index.js';
import { vegaNumberLocale, vegaTimeLocale } from '../../format/index.js';
import { toVegaSpecWith, titleOf, type RenderSpec, type VegaSpec } from '../spec-base.js';
import { stabilizeSvg } from '../stabilize.js';
import { withPatternDefs } from '../../charts/patterns.js';
import { decorateSvg, textRuns, type EmbeddedFace } from '../document.js';
import { checkInlineRows, DEFAULT_MAX_INLINE_ROWS } from '../limits.js';
import { charsetBase64, cssWeight, defaultFontSet, digest, faceFor, fullBase64, outsideCharset, subsetBase64, type FontFace, type FontSet } from './fonts.js';
import { useFontMetrics } from './metrics.js';
import { textToOutlines } from './outlines.js';

/** How much of a face an SVG embeds; see `RenderSvgOptions.subset`. */
export const FontSubset = { charset: 'charset', glyphs: 'glyphs', none: 'none' } as const;
export type FontSubset = keyof typeof FontSubset;
export function isFontSubset(value: unknown): value is FontSubset {
  return typeof value === 'string' && Object.hasOwn(FontSubset, value);
}

/** How an SVG carries its text; see `RenderSvgOptions.text`. */
export const TextMode = { fonts: 'fonts', outlines: 'outlines' } as const;
export type TextMode = keyof typeof TextMode;
export function isTextMode(value: unknown): value is TextMode {
  return typeof value === 'string' && Object.hasOwn(TextMode, value);
}

export interface RenderSvgOptions {
  /** Language of numbers and dates (`3,58` in `vi`, `3.58` in `en`). Default: the spec's own `config.locale`, else `vi`. */
  lang?: Lang;
  /** Width of the plotting area in pixels. Default: the spec's own. */
  width?: number;
  /** Family the chart is set and measured in. Default: Be Vietnam Pro, weights 400-700. */
  fonts?: FontSet;
  /**
   * `fonts` (default): text stays text, editable and searchable, with the font embedded (`embedFont`).
   * `outlines`: every text becomes glyph paths, so renderers that ignore `@font-face` (ImageMagick,
   * some Office and print tools) still draw every letter; the title and description keep the words.
   */
  text?: TextMode;
  /** Embed the font in the SVG, so the text looks the same anywhere. Default `true`. */
  embedFont?: boolean;
  /**
   * What of each face used is embedded. `glyphs` (default): only the characters the chart uses, as
   * TrueType (a few kB a face, made per chart and cached per character set). `charset`: every
   * Vietnamese letter, ASCII and common punctuation, plus any other character the chart uses, as WOFF2
   * (about 12 kB of base64 a face, made once per process, the same bytes in every chart, so text edited
   * later keeps its diacritics). `none`: the whole face (about 130 kB each).
   */
  subset?: FontSubset;
  /** Prefix of every id in the SVG. Default: `c` and a digest of the drawing, so two charts inlined in one page never share ids. */
  idPrefix?: string;
  /** Most inline data rows a spec may carry. Default 5000. */
  maxRows?: number;
  /** Decimals kept in coordinates. Default 2. */
  precision?: number;
  /** Where relative `data.url`s are read from: a folder, or an `http(s):` address (then fetched only with `allowNet`). Default: `root`. */
  baseURL?: string;
  /**
   * The folder data files may be read from; `file:` URLs, absolute paths and `..` that leave it are
   * refused, symlinks resolved first. Default: `baseURL` when it is a folder, else the working directory.
   */
  root?: string;
  /** Fetch `http:`/`https:` data URLs. Default `false`: a spec loads nothing from the network. */
  allowNet?: boolean;
  /** File name used in error messages. */
  file?: string;
  /** Receives Vega's warnings. Default: they are dropped. */
  onWarning?: (message: string) => void;
  /** Text appended to the description (`<desc>`), e.g. the source line. */
  desc?: string;
}

/** Names the form parsed specs are kept in: changed whenever that form changes, so older entries go unread. */
const PARSE_FORMAT = 'vega-parse-1';

/**
 * `vega.parse`, through chiso's cache: the dataflow Vega makes of a spec is kept under the spec's own
 * bytes (V8's serialization of it, which tells apart all a spec can hold) and Vega's and Node's
 * versions, so a chart drawn again (a report rebuilt) skips parsing its spec. What is kept is V8's
 * serialization of the parse, read back as the same structure (shared objects shared again); a spec
 * that cannot be serialized is parsed every time.
 */
function parseVega(vg: VegaSpec): Vega.Runtime {
  if (!cacheDir()) return vega.parse(vg);
  let key: string;
  try {
    key = cacheKey(PARSE_FORMAT, vega.version, process.version, serialize(vg));
  } catch {
    return vega.parse(vg);
  }
  const stored = readCache('vega-parse', key);
  if (stored) {
    try {
      return deserialize(stored) as Vega.Runtime;
    } catch {
      // not an entry of this form: parsed again below
    }
  }
  const parsed = vega.parse(vg);
  let bytes: Buffer | undefined;
  try {
    bytes = serialize(parsed);
  } catch {
    // a parse holding what V8 cannot serialize: not kept
  }
  if (bytes) writeCache('vega-parse', key, bytes);
  return parsed;
}

/** The spec as Vega runs it, the language of its numbers (none: the spec's own), and the font set. */
function prepareView(spec: RenderSpec, options: RenderSvgOptions): { vg: VegaSpec; view: Vega.View; fonts: FontSet; lang: Lang | undefined; errors: string[]; loadFailures: ChisoError[] } {
  const { width, maxRows = DEFAULT_MAX_INLINE_ROWS, baseURL, file, onWarning } = options;
  const web = baseURL !== undefined && /^https?:/i.test(baseURL);
  const root = options.root ?? (baseURL !== undefined && !web ? baseURL : process.cwd());
  checkInlineRows(spec, maxRows, file);
  const fonts = options.fonts ?? defaultFontSet();
  useFontMetrics(fonts);
  const vg = toVegaSpecWith(compileVegaLite, spec, { width, font: fonts.family });
  const ownLocale = Boolean((vg.config as { locale?: unknown } | undefined)?.locale);
  const lang = options.lang ?? (ownLocale ? undefined : 'vi');
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    onWarning?.(args.map(String).join(' '));
    return logger;
  };
  // Vega logs errors met while running the dataflow instead of throwing them; collect and raise.
  const errors: string[] = [];
  const loadFailures: ChisoError[] = [];
  logger.error = (...args: readonly unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
    return logger;
  };
  let parsed: Vega.Runtime;
  try {
    parsed = parseVega(vg);
  } catch (e) {
    return fail('RENDER_FAILED', { chart: file ?? (titleOf(vg).title || '-'), detail: e instanceof Error ? e.message : String(e) }, file ? { file } : {});
  }
  const view = new vega.View(parsed, {
    renderer: 'none',
    logger,
    loader: sandboxLoader({ root, net: options.allowNet ?? false, base: web ? baseURL : undefined }, loadFailures),
    ...(lang ? { locale: { number: vegaNumberLocale(lang), time: vegaTimeLocale(lang) } as unknown as Vega.ViewOptions['locale'] } : {}),
  });
  return { vg, view, fonts, lang, errors, loadFailures };
}

/** Stands for the id prefix until the digest is known; cannot occur in Vega's output (`\u0001` is not XML). */
const ID_MARK = '\u0001id-';

export async function renderSvg(spec: RenderSpec, options: RenderSvgOptions = {}): Promise<string> {
  const { embedFont = true, subset = 'glyphs', precision = 2, text = 'fonts' } = options;
  if (!isFontSubset(subset)) fail('RENDER_BAD_SUBSET', { value: String(subset), allowed: Object.keys(FontSubset).join(', ') });
  if (!isTextMode(text)) fail('RENDER_BAD_TEXT', { value: String(text), allowed: Object.keys(TextMode).join(', ') });
  const { vg, view, fonts, lang, errors, loadFailures } = prepareView(spec, options);
  const failed = (detail: string): never =>
    fail('RENDER_FAILED', { chart: options.file ?? (titleOf(vg).title || '-'), detail }, options.file ? { file: options.file } : {});
  let raw: string;
  try {
    raw = await view.toSVG();
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e));
  } finally {
    view.finalize();
  }
  // Vega only warns when data fails to load, and draws an empty chart: that chart fails here.
  if (loadFailures.length) throw loadFailures[0];
  if (errors.length) failed(errors[0]);
  let svg: string;
  if (options.idPrefix !== undefined) svg = stabilizeSvg(raw, { idPrefix: options.idPrefix, precision });
  else {
    // Default prefix: a digest of the drawing itself, so the same chart always gets the same ids
    // and two different charts in one page do not share any.
    const marked = stabilizeSvg(raw, { idPrefix: ID_MARK, precision });
    svg = marked.includes(ID_MARK) ? marked.split(ID_MARK).join(`c${digest(marked, 6)}-`) : marked;
  }

  // A map in high contrast fills its classes with patterns: the file carries their definitions.
  svg = withPatternDefs(svg);

  const { title, subtitle } = titleOf(vg);
  const description = typeof vg.description === 'string' ? vg.description : '';
  const desc = joinSentences([description, subtitle, options.desc]);

  if (text === 'outlines') return decorateSvg(textToOutlines(svg, fonts), { title, desc, lang });
  if (!embedFont) return decorateSvg(svg, { title, desc, lang });
  const { faces, embeddedFamily } = await embeddedFaces(svg, fonts, subset);
  return decorateSvg(svg, { title, desc, lang, faces, family: fonts.family, embeddedFamily });
}

/** `a. b. c`, without doubling the full stop a sentence already ends with. */
function joinSentences(parts: (string | undefined)[]): string {
  return parts
    .map((p) => p?.trim())
    .filter((p): p is string => Boolean(p))
    .reduce((acc, p) => (acc ? `${acc}${/[.!?…]$/.test(acc) ? ' ' : '. '}${p}` : p), '');
}

/** The faces the SVG's text uses, each cut down as `subset` says. */
async function embeddedFaces(svg: string, fonts: FontSet, subset: FontSubset): Promise<{ faces: EmbeddedFace[]; embeddedFamily: string }> {
  const chars = new Map<FontFace, Set<string>>();
  for (const run of textRuns(svg)) {
    if (run.family !== fonts.family) continue;
    const face = faceFor(fonts, cssWeight(run.weight), run.style);
    let set = chars.get(face);
    if (!set) chars.set(face, (set = new Set()));
    for (const ch of run.text) set.add(ch);
  }
  const used = [...chars.entries()].sort((a, b) => fonts.faces.indexOf(a[0]) - fonts.faces.indexOf(b[0]));
  const keyed = used.map(([face, set]) => {
    const text = [...set].sort().join('');
    // What the embedded font holds, which names it: the same content gets the same family name.
    const holds = subset === 'glyphs' ? text : subset === 'charset' ? `charset+${outsideCharset(text)}` : '*';
    return { face, text, holds };
  });
  const faces = await Promise.all(
    keyed.map(async ({ face, text }) => {
      const font = subset === 'glyphs' ? await subsetBase64(face, text) : subset === 'charset' ? await charsetBase64(face, text) : fullBase64(face);
      return { weight: face.weight, style: face.style, format: font.format, src: `data:font/${font.format === 'woff2' ? 'woff2' : 'ttf'};base64,${font.base64}` };
    }),
  );
  const embeddedFamily = `chiso-${digest(keyed.map((k) => `${k.face.weight}${k.face.style}:${k.holds}`).join('\n'))}`;
  return { faces, embeddedFamily };
}
