/** Public exports of the registry: admin units, name matching, map joins, indicators, units. */
export { RegionLevel, isRegionLevel, IndicatorKind, isIndicatorKind } from './types.js';
export type { Region, RegionMatch, Indicator, LocalText, MethodologyBreak } from './types.js';
export {
  getRegion,
  requireRegion,
  listRegions,
  geoNamesOf,
  END_OF_63,
  START_OF_34,
  LEVELS,
} from './regions.js';
export type { GeoNames } from './regions.js';
export { regionName, indicatorLabel, seriesLabel } from './names.js';
export { successorOf, predecessors } from './crosswalk.js';
export { matchRegion, requireMatch, normalizeName } from './match.js';
export { cleanName, foldDiacritics } from './text.js';
export type { MatchOptions, NormalizeOptions } from './match.js';
export { regionForGeoName, geoNameFor, GeoSource, isGeoSource } from './geo.js';
export { getIndicator, isIndicatorId, listIndicators, unitFor, matchSeries, matchTier, UNKNOWN_SERIES, addIndicators, seriesIsMethod } from './indicators.js';
export { CATALOGUE_FILE, defineIndicator, parseCatalogue } from './catalogue.js';
export type { IndicatorDefinition } from './catalogue.js';
export { listTerritorialEvents, eventAffects, eventsBetween, outsideValidity, periodDays, isAfterEvent } from './events.js';
export type { TerritorialEvent } from './events.js';
export { convertUnit, canConvert, unitLabel, normalizeUnit, listUnits, isUnit } from './units.js';
export type { Unit } from './units.js';
