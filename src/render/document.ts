/**
 * Finishing touches on Vega's SVG string: what a screen reader and a report reader need (role,
 * aria-label, <title>, <desc>, language) and the embedded font faces. Pure string work; every
 * string that came from data is escaped before it goes into markup.
 */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 does not allow at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const cp = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(cp) ? String.fromCodePoint(cp) : whole;
  });
}

/** One run of text in the SVG: its first font family, its weight as written, and the characters. */
export interface TextRun {
  family: string;
  weight: string | undefined;
  style: string | undefined;
  text: string;
}

const TEXT = /<text\b((?:[^"'>]|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/text>/g;

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs);
  return m ? unescapeXml(m[1]) : undefined;
}

/** Every <text> element's family, weight and content (tspans flattened). */
export function textRuns(svg: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const m of svg.matchAll(TEXT)) {
    const family = (attr(m[1], 'font-family') ?? '').split(',')[0].trim().replace(/^["']|["']$/g, '');
    runs.push({ family, weight: attr(m[1], 'font-weight'), style: attr(m[1], 'font-style'), text: unescapeXml(m[2].replace(/<[^>]*>/g, '')) });
  }
  return runs;
}

/** A font face to embed: `src` is a `data:` URL. */
export interface EmbeddedFace {
  weight: number;
  style: 'normal' | 'italic';
  format: 'truetype' | 'woff2';
  src: string;
}

export interface DecorateOptions {
  /** Accessible name of the chart: its title. */
  title?: string;
  /** Longer text: description, subtitle, source line. */
  desc?: string;
  /** Language of the chart's text, `vi` or `en`. */
  lang?: string;
  /** Faces to embed, and the family name they are declared under. */
  faces?: EmbeddedFace[];
  /** The family the faces stand for; text set in it is pointed at the embedded name first. */
  family?: string;
  /** Name the embedded faces are declared under (unique per character set, so inlined charts do not clash). */
  embeddedFamily?: string;
}

/** Adds role, aria-label, language, <title>, <desc> and an @font-face style to the root <svg>. */
export function decorateSvg(svg: string, options: DecorateOptions): string {
  const { title = '', desc = '', lang, faces = [], family, embeddedFamily } = options;
  const open = /^<svg\b((?:[^"'>]|"[^"]*"|'[^']*')*)>/.exec(svg);
  if (!open) return svg;
  let attrs = open[1];
  attrs += ' role="graphics-document document"';
  if (title || desc) attrs += ` aria-label="${escapeXml(title || desc)}"`;
  if (lang) attrs += ` xml:lang="${escapeXml(lang)}" lang="${escapeXml(lang)}"`;
  let head = '';
  if (title) head += `<title>${escapeXml(title)}</title>`;
  if (desc) head += `<desc>${escapeXml(desc)}</desc>`;
  let body = svg.slice(open[0].length);
  if (faces.length && family && embeddedFamily) {
    const css = faces
      .map((f) => `@font-face{font-family:"${embeddedFamily}";font-style:${f.style};font-weight:${f.weight};src:url(${f.src}) format("${f.format}")}`)
      .join('');
    head += `<defs><style>${css}</style></defs>`;
    body = body.replace(/ font-family="([^"]*)"/g, (whole, value: string) => {
      const first = unescapeXml(value).split(',')[0].trim().replace(/^["']|["']$/g, '');
      return first === family ? ` font-family="${embeddedFamily}, ${value}"` : whole;
    });
  }
  return `<svg${attrs}>${head}${body}`;
}
