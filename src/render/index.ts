/**
 * src/render: what runs anywhere (browser and Node). The node-only exporter (fonts, SVG with embedded
 * glyphs, PNG, config files, batch) is exported from `chiso/node`, never from here, so a page's bundle
 * never pulls in fs, fontkit or resvg.
 */
export { toVegaSpec, isVegaLiteSpec, titleOf, type RenderSpec, type ToVegaOptions, type TopLevelSpec, type VegaSpec } from './spec.js';
export { stabilizeSvg, roundNumber, type StabilizeOptions } from './stabilize.js';
export { decorateSvg, escapeXml, textRuns, type DecorateOptions, type EmbeddedFace, type TextRun } from './document.js';
export { withPngDpi, pngDpi, pngChunks, dpiForScale, scaleForDpi } from './png-resolution.js';
export { countInlineRows, checkInlineRows, DEFAULT_MAX_INLINE_ROWS } from './limits.js';
export type { ChisoConfig, ChartConfig, DataSourceConfig, DataFormat, ChartTypeName, ChartOptionsConfig, VegaLiteFragment } from './config-types.js';
// Ajv compiles the schema with `new Function`: for Node and pages that allow it, not a strict CSP.
export { validateConfig, jsonPath, type ValidateConfigOptions } from './config.js';
