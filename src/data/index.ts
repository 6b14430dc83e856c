/** src/data: reading numbers and datasets into observations, with validation. Pure: no file system here. */
export { parseNumber, DecimalStyle, isDecimalStyle, MagnitudeWord } from './number.js';
export type { ParseNumberOptions, ParsedNumber, NumberFailure, NumberResult, Magnitude } from './number.js';
