/**
 * src/render: what runs anywhere (browser and Node). The node-only exporter (fonts, SVG with embedded
 * glyphs, PNG, config files, batch) is exported from `chiso/node`, never from here, so a page's bundle
 * never pulls in fs, fontkit or resvg.
 */
export { toVegaSpec, isVegaLiteSpec, titleOf, type ChartSpec, type ToVegaOptions, type TopLevelSpec, type VegaSpec } from './spec.js';
export { stabilizeSvg, roundNumber, type StabilizeOptions } from './stabilize.js';
export { decorateSvg, escapeXml, textRuns, type DecorateOptions, type EmbeddedFace, type TextRun } from './document.js';
export { countInlineRows, checkInlineRows, DEFAULT_MAX_INLINE_ROWS } from './limits.js';
