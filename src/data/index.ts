/** src/data: reading numbers and datasets into observations, with validation. Pure: no file system here. */
export { parseNumber, inferDecimalStyle, parseQualifier, DecimalStyle, isDecimalStyle, MagnitudeWord } from './number.js';
export type { ParseNumberOptions, ParsedNumber, NumberFailure, NumberResult, Magnitude } from './number.js';
export { parsePeriod, parsePeriodHeader, periodPosition } from './period.js';
export type { ParsedPeriod, ParsedPeriodHeader } from './period.js';
export { parseCsv, detectSeparator, stripBom, CsvSeparator, isCsvSeparator } from './csv.js';
export type { CsvRow, CsvTable, CsvOptions } from './csv.js';
export { decodeText } from './decode.js';
export type { DecodedText } from './decode.js';
export { Field, isField, fieldOf } from './fields.js';
export { indicatorFromTitle, gsoSeriesId } from './gso.js';
export { sourceOf, isMissingText } from './context.js';
export { loadObservations, detectCsvFormat, isArrowBytes, DataFormat, isDataFormat } from './load.js';
export { loadArrowReader, type ArrowReader } from './records.js';
export type { LoadOptions, LoadResult, LoadSummary } from './load.js';
