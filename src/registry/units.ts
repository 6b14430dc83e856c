/**
 * Units of measure as provincial reports and GSO write them, with their labels and the conversions
 * that exist between them (money per person per period; sums of money). Counts of different things
 * (`xã`, `tổ chức`, `người`) never convert into one another.
 */
import { fail } from '../errors.js';
import type { Lang } from '../messages/index.js';
import { closeIds } from './regions.js';
import type { LocalText } from './types.js';

interface UnitDef {
  label: LocalText;
  /** Units of one dimension convert into each other; a count's dimension is the unit itself. */
  dimension: string;
  /** Value of one of this unit in the dimension's base unit, as numerator / denominator (exact for 1/12). */
  factor?: [number, number];
}

const money = (vi: string, en: string, factor: [number, number]): UnitDef => ({ label: { vi, en }, dimension: 'money', factor });
const income = (vi: string, en: string, factor: [number, number]): UnitDef => ({ label: { vi, en }, dimension: 'income', factor });
const count = (vi: string, en: string): UnitDef => ({ label: { vi, en }, dimension: 'count:' + vi });

/** Every unit id chiso knows, keyed by its Vietnamese spelling. */
const UNITS = {
  '%': { label: { vi: '%', en: '%' }, dimension: 'percent', factor: [1, 1] },
  // Income per person: base `nghìn đồng/người/tháng`, GSO's unit for monthly income per capita.
  'nghìn đồng/người/tháng': income('nghìn đồng/người/tháng', 'thousand VND per person per month', [1, 1]),
  'nghìn đồng/người/năm': income('nghìn đồng/người/năm', 'thousand VND per person per year', [1, 12]),
  'triệu đồng/người/tháng': income('triệu đồng/người/tháng', 'million VND per person per month', [1000, 1]),
  'triệu đồng/người/năm': income('triệu đồng/người/năm', 'million VND per person per year', [1000, 12]),
  'đồng/người/tháng': income('đồng/người/tháng', 'VND per person per month', [1, 1000]),
  // Sums of money: base `triệu đồng`.
  'đồng': money('đồng', 'VND', [1, 1_000_000]),
  'nghìn đồng': money('nghìn đồng', 'thousand VND', [1, 1000]),
  'triệu đồng': money('triệu đồng', 'million VND', [1, 1]),
  'tỷ đồng': money('tỷ đồng', 'billion VND', [1000, 1]),
  // Counts.
  'xã': count('xã', 'communes'),
  'huyện': count('huyện', 'districts'),
  'tỉnh': count('tỉnh', 'provinces'),
  'đơn vị': count('đơn vị', 'units'),
  'tổ chức': count('tổ chức', 'organisations'),
  'chi bộ': count('chi bộ', 'party cells'),
  'tiêu chí': count('tiêu chí', 'criteria'),
  'tiêu chí/xã': { label: { vi: 'tiêu chí/xã', en: 'criteria per commune' }, dimension: 'criteria per commune' },
  'mô hình': count('mô hình', 'models'),
  'gương': count('gương', 'exemplars'),
  'tập thể': count('tập thể', 'collectives'),
  'cá nhân': count('cá nhân', 'individuals'),
  'người': count('người', 'people'),
  // GSO's population tables count in thousands; a count of its own, never summed with `người`.
  'nghìn người': count('nghìn người', 'thousand people'),
  'hộ': count('hộ', 'households'),
  'căn nhà': count('căn nhà', 'houses'),
  'đợt': count('đợt', 'rounds'),
  'sáng kiến': count('sáng kiến', 'initiatives'),
  'việc': count('việc', 'tasks'),
} as const satisfies Record<string, UnitDef>;

export type Unit = keyof typeof UNITS;
export function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && Object.hasOwn(UNITS, value);
}

/** Spellings seen in reports and exports, mapped to unit ids. Keys are compared after `unitKey`. */
const UNIT_ALIASES: Record<string, Unit> = {
  'phần trăm': '%',
  'percent': '%',
  'ngàn đồng/người/tháng': 'nghìn đồng/người/tháng',
  'nghìn đ/người/tháng': 'nghìn đồng/người/tháng',
  'thousand vnd': 'nghìn đồng',
  'triệu đồng/người/tháng': 'triệu đồng/người/tháng',
  'tr.đ/người/tháng': 'triệu đồng/người/tháng',
  'triệu/người/tháng': 'triệu đồng/người/tháng',
  'tr.đ/người/năm': 'triệu đồng/người/năm',
  'triệu/người/năm': 'triệu đồng/người/năm',
  'ngàn đồng': 'nghìn đồng',
  'vnd': 'đồng',
  'vnđ': 'đồng',
  'tr.đ': 'triệu đồng',
  'trđ': 'triệu đồng',
  'tỉ đồng': 'tỷ đồng',
  'nhà': 'căn nhà',
  'ngôi nhà': 'căn nhà',
  'nhà kiên cố': 'căn nhà',
  'em': 'người',
};

function unitKey(text: string): string {
  return String(text).normalize('NFC').toLowerCase().replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ').trim();
}

/** The unit id a written unit stands for (`'tỉ đồng'` -> `'tỷ đồng'`, `'triệu đồng/ người/ năm'`), or `undefined`. */
export function normalizeUnit(text: string): Unit | undefined {
  const k = unitKey(text);
  if (isUnit(k)) return k;
  return UNIT_ALIASES[k];
}

/** All unit ids. */
export function listUnits(): Unit[] {
  return Object.keys(UNITS) as Unit[];
}

function requireUnit(unit: string, role: 'from' | 'to' | 'unit'): UnitDef {
  if (isUnit(unit)) return UNITS[unit];
  return fail('REGISTRY_UNKNOWN_UNIT', { value: unit, role, close: closeIds(String(unit), listUnits()).join(', ') });
}

/** The unit's label in one language: `unitLabel('triệu đồng/người/năm', 'en')` -> `'million VND per person per year'`. */
export function unitLabel(unit: string, lang: Lang = 'vi'): string {
  return requireUnit(unit, 'unit').label[lang];
}

/** `true` when `convertUnit(value, from, to)` has an answer. */
export function canConvert(from: string, to: string): boolean {
  if (!isUnit(from) || !isUnit(to)) return false;
  if (from === to) return true;
  const a: UnitDef = UNITS[from];
  const b: UnitDef = UNITS[to];
  return a.dimension === b.dimension && a.factor !== undefined && b.factor !== undefined;
}

/**
 * `value` expressed in `from`, converted to `to`; `null` stays `null`.
 * `convertUnit(60.2, 'triệu đồng/người/năm', 'nghìn đồng/người/tháng')` -> 5016.666...
 * Throws `REGISTRY_UNKNOWN_UNIT` for a unit chiso does not know, `REGISTRY_NO_CONVERSION` across dimensions.
 */
export function convertUnit(value: number, from: string, to: string): number;
export function convertUnit(value: number | null, from: string, to: string): number | null;
export function convertUnit(value: number | null, from: string, to: string): number | null {
  const a = requireUnit(from, 'from');
  const b = requireUnit(to, 'to');
  if (from === to) return value;
  if (a.dimension !== b.dimension || !a.factor || !b.factor) {
    return fail('REGISTRY_NO_CONVERSION', { from, to });
  }
  if (value === null) return null;
  const [an, ad] = a.factor;
  const [bn, bd] = b.factor;
  // One multiplication and one division, so 60,2 tr/năm -> 5016,666… and back gives 60,2 exactly.
  return (value * an * bd) / (ad * bn);
}
