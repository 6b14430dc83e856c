/**
 * The SVG a page's reader downloads, made as `chiso render` makes one: Be Vietnam Pro embedded (the
 * Vietnamese charset, WOFF2), the title and description, the language. Pure; the chart element loads
 * this module (and the faces it carries) only when a reader asks for an SVG.
 */
import { CHARSET_FACES, CHARSET_FAMILY } from './fonts/be-vietnam-pro-charset.js';
import { embedFontFaces } from './font-embed.js';
import { titleOf, type VegaSpec } from './spec.js';
import { withPatternDefs } from '../charts/patterns.js';

export interface DownloadSvgOptions {
  /** The spec drawn, for its title and subtitle. */
  spec?: { title?: unknown } | null;
  /** The chart's description (its text alternative). */
  description?: string;
  lang?: string;
}

export function downloadableSvg(svg: string, { spec, description = '', lang }: DownloadSvgOptions = {}): string {
  const { title, subtitle } = spec ? titleOf(spec as VegaSpec) : { title: '', subtitle: '' };
  const desc = [description, subtitle].filter(Boolean).join(' ');
  return embedFontFaces(withPatternDefs(svg), CHARSET_FACES, { family: CHARSET_FAMILY, title, desc, lang });
}
