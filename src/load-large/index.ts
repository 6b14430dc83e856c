/**
 * Public exports of the large-input loader (no Node modules: `loadLargeFile` lives in
 * `./node.js`, for Node only).
 */
export { LargeFormat, isLargeFormat, ColumnType, isColumnType } from './types.js';
export type { LargeTable, LargeColumn, TextColumn, LargeLoadOptions, LoadProgress, MemoryEstimate } from './types.js';
export { loadLarge } from './load.js';
export type { ByteSource } from './load.js';
export { CsvStream } from './csv-stream.js';
export type { CsvStreamOptions } from './csv-stream.js';
export { estimateMemory, columnBytes } from './estimate.js';
export type { DictionaryGuess } from './estimate.js';
export { loadLargeInWorker } from './browser.js';
export type { WorkerLoadOptions, WorkerLoad } from './browser.js';
