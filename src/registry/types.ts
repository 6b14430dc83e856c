/**
 * Shapes of the registry: admin units (regions) and the indicator catalogue. Every layer of chiso
 * refers to regions and indicators by the ids these types describe.
 */

/** Levels of admin units the registry knows. */
export const RegionLevel = {
  country: 'country',
  region: 'region',
  province: 'province',
  province2025: 'province2025',
  district: 'district',
  /** Communes, wards and townships (xã, phường, thị trấn) named in the seeds, before 1 July 2025. */
  commune: 'commune',
} as const;
export type RegionLevel = keyof typeof RegionLevel;
export function isRegionLevel(value: unknown): value is RegionLevel {
  return typeof value === 'string' && Object.hasOwn(RegionLevel, value);
}

export interface Region {
  /** `VN`, `R1`..`R6`, a 2-digit GSO code (`42`), `ha-tay`, `34:NN`, `<province>-<slug>` for districts, `<district id>-<slug>` for communes. */
  id: string;
  level: RegionLevel;
  /** Short Vietnamese name: `Hà Tĩnh`. */
  name: string;
  /** Official Vietnamese name: `Tỉnh Hà Tĩnh`. */
  fullName: string;
  /** English name without diacritics: `Ha Tinh`. */
  nameEn: string;
  /** The unit this one belongs to: a region for a province, a province for a district, a district for a commune; `null` for `VN`. */
  parent: string | null;
  /** First day the unit existed as such (ISO date), `null` when older than the registry's horizon. */
  validFrom: string | null;
  /** Last day the unit existed (ISO date), `null` while it exists. */
  validTo: string | null;
  /** The unit that took over its territory when it ended. */
  successor: string | null;
  /** Other spellings the unit is known by (matching also folds case, diacritics and affixes). */
  aliases: string[];
}

export type RegionMatch =
  | { ok: true; region: Region; how: string }
  | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: Region[] };

export interface LocalText {
  vi: string;
  en: string;
}

/** How an indicator's figure is expressed. */
export const IndicatorKind = { rate: 'rate', count: 'count', amount: 'amount', fraction: 'fraction' } as const;
export type IndicatorKind = keyof typeof IndicatorKind;
export function isIndicatorKind(value: unknown): value is IndicatorKind {
  return typeof value === 'string' && Object.hasOwn(IndicatorKind, value);
}

/** A change of methodology after the year `after`: figures either side are not comparable. */
export interface MethodologyBreak {
  after: number;
  label: LocalText;
}

export interface Indicator {
  id: string;
  label: LocalText;
  /** Unit id from the unit catalogue (`%`, `nghìn đồng/người/tháng`, `xã`, ...). */
  unit: string;
  /** `true` when a smaller figure is better (poverty), `false` when larger is, `null` when neither. */
  lowerIsBetter: boolean | null;
  kind: IndicatorKind;
  breaks: MethodologyBreak[];
  /** Levels of achievement that split the figure (new-rural: standard, advanced, model). */
  tiers?: { id: string; label: LocalText }[];
  /** Sub-series ids and their labels (income by source, commendations collective/individual). */
  series?: Record<string, LocalText>;
  /**
   * `true` when the series are methods (poverty standards), not parts: a change of series breaks a
   * region's line instead of drawing another line, and `unknown` (UNKNOWN_SERIES) is a method no figure
   * may be compared under. Default: parts.
   */
  seriesIsMethod?: boolean;
  description?: LocalText;
  /** How the figure is computed, or its denominator (`poor households / all households × 100`). */
  formula?: LocalText;
  /** Other units the figure may arrive in, convertible to `unit` with `convertUnit`. */
  altUnits?: string[];
  /** Series whose figures are counted in another unit than `unit` (`individual` -> `cá nhân`). */
  seriesUnits?: Record<string, string>;
  /** Other spellings of series ids, as sources write them (GSO's `Salary & wage` -> `salary_wage`). */
  seriesAliases?: Record<string, string>;
}
