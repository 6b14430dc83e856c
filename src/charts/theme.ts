import type { Config } from 'vega-lite';
import type { Locale } from '../format/locale.js';
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
export function theme(locale: Locale = 'vi'): Config {
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
