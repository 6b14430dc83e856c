/**
 * Fill patterns for a map's classes in the high-contrast theme: black ink on white, more ink for a
 * higher class (dots, then hatching one way, the other way, then cross-hatching, ever denser), so
 * classes stay apart and in order without colour (forced colours, grey print, colour blindness).
 * The map's scale ranges over `url(#chiso-pattern-k)`; the drawing's SVG carries the definitions
 * (`patternDefsSvg`), the page puts them beside the drawing in the same shadow root.
 */

/** One mark of a pattern's tile, in the tile's units. */
export type PatternMark =
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number };

export interface FillPattern {
  id: string;
  /** The square tile's side, in pixels of the drawing. */
  size: number;
  /** Degrees the tile is turned by (hatching at 45°). */
  angle: number;
  marks: readonly PatternMark[];
}

const PREFIX = 'chiso-pattern-';

function dots(size: number, r: number): PatternMark[] {
  return [{ kind: 'circle', cx: size / 2, cy: size / 2, r }];
}
/** Lines along the tile's vertical axis; turned by the pattern's angle. */
function hatch(size: number, width: number): PatternMark[] {
  return [{ kind: 'line', x1: size / 2, y1: 0, x2: size / 2, y2: size, width }];
}
function cross(size: number, width: number): PatternMark[] {
  return [...hatch(size, width), { kind: 'line', x1: 0, y1: size / 2, x2: size, y2: size / 2, width }];
}

/**
 * The ladder, lightest first: dots, hatching turning from one diagonal through upright to the other,
 * then grids, square and turned, ever denser. A map with fewer classes takes rungs spread over it, so
 * its first and last classes are the lightest and the darkest, and neighbours differ in form and ink.
 */
export const FILL_PATTERNS: readonly FillPattern[] = [
  // Share of the tile inked, about: 6, 13, 24, 30, 37, 44, 51, 61, 72 %.
  { size: 6, angle: 0, marks: dots(6, 0.85) },
  { size: 4, angle: 0, marks: dots(4, 0.8) },
  { size: 5, angle: 45, marks: hatch(5, 1.2) },
  { size: 5, angle: 0, marks: hatch(5, 1.5) },
  { size: 4, angle: -45, marks: hatch(4, 1.5) },
  { size: 6, angle: 0, marks: cross(6, 1.5) },
  { size: 5, angle: 45, marks: cross(5, 1.5) },
  { size: 4, angle: 0, marks: cross(4, 1.5) },
  { size: 3, angle: 45, marks: cross(3, 1.4) },
].map((p, i) => ({ id: `${PREFIX}${i}`, ...p }));

/** The patterns of `count` classes, lightest first; past the ladder's length neighbours may share one. */
export function classPatterns(count: number): FillPattern[] {
  const n = FILL_PATTERNS.length;
  if (count <= 1) return [FILL_PATTERNS[Math.floor(n / 2)]];
  return Array.from({ length: count }, (_, k) => FILL_PATTERNS[Math.round((k * (n - 1)) / (count - 1))]);
}

/** The fill a mark takes to be drawn with a pattern. */
export const patternFill = (p: FillPattern): string => `url(#${p.id})`;

const num = (v: number) => String(Math.round(v * 100) / 100);

/** One pattern as SVG markup (constants only: nothing from data). */
function patternSvg(p: FillPattern): string {
  const marks = p.marks
    .map((m) =>
      m.kind === 'circle'
        ? `<circle cx="${num(m.cx)}" cy="${num(m.cy)}" r="${num(m.r)}" fill="#000000"/>`
        : `<line x1="${num(m.x1)}" y1="${num(m.y1)}" x2="${num(m.x2)}" y2="${num(m.y2)}" stroke="#000000" stroke-width="${num(m.width)}"/>`,
    )
    .join('');
  const turn = p.angle ? ` patternTransform="rotate(${p.angle})"` : '';
  return `<pattern id="${p.id}" patternUnits="userSpaceOnUse" width="${num(p.size)}" height="${num(p.size)}"${turn}><rect width="${num(p.size)}" height="${num(p.size)}" fill="#ffffff"/>${marks}</pattern>`;
}

/** `<defs>` with every pattern of the ladder, for a drawing that uses any of them. */
export function patternDefsSvg(): string {
  return `<defs>${FILL_PATTERNS.map(patternSvg).join('')}</defs>`;
}

/** The pattern ids an SVG refers to. */
export function usesPatterns(svg: string): boolean {
  return svg.includes(`url(#${PREFIX}`);
}

/**
 * An SVG drawn with patterns, given its own definitions right after the root's opening tag, so it
 * draws the same alone, in another program and in resvg. An SVG without patterns is returned as it is.
 */
export function withPatternDefs(svg: string): string {
  if (!usesPatterns(svg) || svg.includes(`id="${PREFIX}0"`)) return svg;
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) return svg;
  const at = open.index + open[0].length;
  return svg.slice(0, at) + patternDefsSvg() + svg.slice(at);
}
