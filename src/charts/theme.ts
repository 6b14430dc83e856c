import type { Config } from 'vega-lite';
import type { Lang } from '../format/locale.js';
import { vegaNumberLocale, vegaTimeLocale } from '../format/vega-locale.js';

/** Be Vietnam Pro first (bundled for SVG/PNG export), then fonts every system has with Vietnamese glyphs. */
export const fontFamily = '"Be Vietnam Pro", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * Okabe–Ito colours, ordered so the first few are distinguishable by people with any common colour
 * vision deficiency and stay readable on white (yellow last).
 */
export const categoricalPalette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

/** Colours with a meaning of their own. */
export const colors = {
  text: '#1f2328',
  muted: '#59636e',
  faint: '#8c959f',
  grid: '#e6e8eb',
  domain: '#8c959f',
  /** Bars and lines that are not highlighted. */
  neutral: '#a9b3bd',
  /** The highlighted region, the single series. */
  accent: '#0072B2',
  /** Reference values (the national figure). */
  reference: '#1f2328',
  /** Change for the better / for the worse (blue / vermilion: safe for red–green deficiency). */
  better: '#0072B2',
  worse: '#D55E00',
  /** Missing data on maps: light grey, apart from every colour of the sequential scheme. */
  missing: '#e9ecef',
  missingStroke: '#adb5bd',
  /** Breaks and notes. */
  note: '#6e7781',
  /** The whole a progress bar fills. */
  track: '#edf0f3',
} as const;

/** Sequential scheme for rates and amounts; ColorBrewer, colour-blind safe. */
export const sequentialScheme = 'blues';
/** Sequential scheme where a higher figure is worse (poverty). */
export const sequentialSchemeBad = 'orangered';
/** Diverging scheme for change (blue good side / orange bad side). */
export const divergingScheme = 'blueorange';

/** Space around every drawing, in pixels. */
export const padding = 12;

export const fontSizes = { title: 16, subtitle: 11, axisTitle: 11, label: 11, note: 10, kpi: 40 } as const;

/**
 * chiso's Vega-Lite `config`: one typographic hierarchy (title 16 semibold, labels 11, notes 10),
 * colour-blind-safe palettes, light grid, and the locale's number and time formats so that every d3
 * format in the spec prints `3,58` in Vietnamese.
 */
export function theme(locale: Lang = 'vi'): Config {
  return {
    locale: { number: vegaNumberLocale(locale), time: vegaTimeLocale(locale) },
    font: fontFamily,
    background: '#ffffff',
    padding,
    view: { stroke: null },
    title: {
      anchor: 'start',
      font: fontFamily,
      fontSize: fontSizes.title,
      fontWeight: 600,
      color: colors.text,
      subtitleFont: fontFamily,
      subtitleFontSize: fontSizes.subtitle,
      subtitleColor: colors.muted,
      subtitlePadding: 4,
      offset: 14,
      limit: 0,
    },
    axis: {
      labelFont: fontFamily,
      titleFont: fontFamily,
      labelFontSize: fontSizes.label,
      titleFontSize: fontSizes.axisTitle,
      titleFontWeight: 500,
      labelColor: colors.muted,
      titleColor: colors.muted,
      domainColor: colors.domain,
      tickColor: colors.domain,
      gridColor: colors.grid,
      labelOverlap: true,
      titlePadding: 8,
      // Vega's generated axis summary is English with its own number format; chiso's description says it instead.
      aria: false,
    },
    axisY: { domain: false, ticks: false, labelPadding: 6 },
    axisX: { grid: false },
    axisBand: { grid: false, ticks: false },
    legend: {
      labelFont: fontFamily,
      titleFont: fontFamily,
      labelFontSize: fontSizes.label,
      titleFontSize: fontSizes.axisTitle,
      titleFontWeight: 500,
      labelColor: colors.text,
      titleColor: colors.muted,
      orient: 'bottom',
      direction: 'horizontal',
      symbolType: 'circle',
      labelLimit: 220,
      aria: false,
    },
    header: { labelFont: fontFamily, titleFont: fontFamily },
    text: { font: fontFamily, fontSize: fontSizes.label, color: colors.text },
    line: { strokeWidth: 2, strokeCap: 'round', strokeJoin: 'round' },
    point: { size: 36, filled: true },
    bar: { color: colors.accent },
    rule: { color: colors.reference },
    range: {
      category: categoricalPalette,
      ordinal: { scheme: sequentialScheme },
      ramp: { scheme: sequentialScheme },
      heatmap: { scheme: sequentialScheme },
      diverging: { scheme: divergingScheme },
    },
  };
}

/** The two themes a reader can choose: chiso's colours, or high contrast (the page's contrast switch, forced colours). */
export const Contrast = { default: 'default', high: 'high' } as const;
export type Contrast = keyof typeof Contrast;

/**
 * The high-contrast theme: black text on white, and every mark colour at least 4.5:1 against it, so
 * a mark stays visible even where a screen or a reader's eyes lose colour. Each default colour has
 * its counterpart here; `highContrastSpec` swaps one for the other.
 */
export const highContrastColors: { readonly [K in keyof typeof colors]: string } = {
  text: '#000000',
  muted: '#333333',
  faint: '#4d4d4d',
  grid: '#b8b8b8',
  domain: '#000000',
  neutral: '#6b6b6b',
  accent: '#00508A',
  reference: '#000000',
  better: '#00508A',
  worse: '#A63A00',
  missing: '#ffffff',
  missingStroke: '#000000',
  note: '#333333',
  track: '#ffffff',
};

/** The categorical palette darkened, in the same order (blue, vermilion, green, purple, ochre, violet, black, grey). */
export const highContrastPalette = ['#00508A', '#A63A00', '#006B4C', '#93306E', '#755000', '#5E4FA2', '#000000', '#4D4D4D'];

/** Progress tiers (standard, advanced, model), lightest first; the high-contrast row keeps every tier at 4:1 or more. */
export const tierColors = ['#9ecae1', '#4292c6', '#08519c'];
export const highContrastTierColors = ['#4f83b5', '#2d6a9f', '#0b3a63'];

/**
 * One dash pattern per series, so lines stay apart without colour (forced colours, print in grey).
 * The first is solid; none is the dotted pattern preliminary figures take.
 */
export const seriesDashes: readonly (readonly number[])[] = [[1, 0], [8, 4], [3, 3], [12, 3, 3, 3], [6, 2, 2, 2], [16, 4], [4, 7], [10, 2, 2, 2, 2, 2]];
/** Preliminary pieces of a line in the high-contrast theme: dotted, whatever the series. */
export const preliminaryDash: readonly number[] = [1, 4];
/** One point shape per series, for the same reason. */
export const seriesShapes = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-right', 'triangle-left'] as const;

/** The `config` of the high-contrast theme: chiso's theme with black text, black axes and darker marks. */
export function highContrastTheme(locale: Lang = 'vi'): Config {
  const base = theme(locale);
  const c = highContrastColors;
  return {
    ...base,
    title: { ...base.title, color: c.text, subtitleColor: c.text },
    axis: { ...base.axis, labelColor: c.text, titleColor: c.text, domainColor: c.domain, tickColor: c.domain, gridColor: c.grid },
    legend: { ...base.legend, labelColor: c.text, titleColor: c.text },
    text: { ...base.text, color: c.text },
    line: { ...base.line, strokeWidth: 2.5 },
    point: { ...base.point, opacity: 1 },
    bar: { color: c.accent },
    rule: { color: c.reference },
    range: { ...base.range, category: highContrastPalette },
  };
}

/** Every default colour and its high-contrast counterpart (lower case). */
export const highContrastMap: ReadonlyMap<string, string> = new Map([
  ...(Object.keys(colors) as (keyof typeof colors)[]).map((k) => [colors[k].toLowerCase(), highContrastColors[k]] as const),
  ...categoricalPalette.map((c, i) => [c.toLowerCase(), highContrastPalette[i]] as const),
  ...tierColors.map((c, i) => [c.toLowerCase(), highContrastTierColors[i]] as const),
]);
