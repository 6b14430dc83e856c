export { Lang, isLang, toLang } from './locale.js';
export { formatNumber, decimalsOf, d3Format, separators, magnitudes, type NumberFormatOptions } from './number.js';
export { formatValue, formatInterval, hasInterval, valueFormatter, type ValueLike, type ValueFormatOptions } from './value.js';
export { formatPeriod, formatDate, periodPhrase, type PeriodFormatOptions } from './period.js';
export { formatUnit, withUnit, isTightUnit } from './unit.js';
export { vegaNumberLocale, vegaTimeLocale, type VegaNumberLocale, type VegaTimeLocale } from './vega-locale.js';
export { spokenValue, spokenPeriod, spokenUnit, forEar } from './spoken.js';
