/** `chiso/node`: exports that need Node (file system, native rendering). A plain list. */
export { readObservationsFile } from './data/read-file.js';
export { renderSvg, FontSubset, isFontSubset, TextMode, isTextMode, type RenderSvgOptions } from './render/node/svg.js';
export { textToOutlines } from './render/node/outlines.js';
export { renderPng, type RenderPngOptions } from './render/node/png.js';
export { defaultFontSet, loadFontSet, DEFAULT_FONT_FAMILY, type FontSet, type FontFace } from './render/node/fonts.js';
export { exportCharts, readRenderInput, OutputFormat, isOutputFormat, type ExportOptions, type ExportResult, type RenderInput } from './render/node/batch.js';
export { configSchema, readJsonFile } from './render/node/files.js';
export { validateConfig, jsonPath, type ChisoConfig, type ChartConfig, type DataSourceConfig } from './render/config.js';
export { extractFile, correctionsPathFor, type ExtractFileOptions, type FileExtraction } from './extract/read-file.js';
export { createDuckDBConnector, DuckDBNodeConnector, loadIntoDuckDB, duckdbDriver, type DuckDBConnectorOptions } from './connectors/duckdb-node.js';
export { loadLargeFile } from './load-large/node.js';
export { queryListener, QUERY_LISTENER_DEFAULTS, type QueryListenerOptions } from './connectors/listener.js';
export { district2024Region, listDistricts2024, getDistrict2024, type District2024, type DistrictType2024 } from './registry/districts-2024.js';
export { bakePage, bakedStylesheetName, BAKED_TAGS, DEFAULT_BAKE_WIDTH, type BakeOptions, type BakeResult, type BakedTag } from './render/node/bake.js';
export { chisoBake, type ChisoBakeOptions } from './render/node/vite-bake.js';
