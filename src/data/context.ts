/**
 * What one load accumulates: diagnostics, counters, caches, and the observations made so far.
 * Every format reader feeds observations through `emit`, so the checks that do not depend on the
 * format (indicator, region, duplicates, percentages over 100) live here once.
 */
import '../messages/data.js';
import { diagnostic, type Diagnostic } from '../errors.js';
import type { MessageCode, MessageParams } from '../messages/index.js';
import { canConvert, convertUnit, getIndicator, isIndicatorId, listIndicators, listRegions, matchRegion, getRegion, normalizeUnit } from '../registry/index.js';
import type { Indicator, Region, RegionMatch } from '../registry/index.js';
import { outsideValidity } from '../registry/events.js';
import type { InputLocation, Observation, Qualifier } from '../types.js';
import { parseNumber, type DecimalStyle } from './number.js';

export interface LoadCounters {
  rowsRead: number;
  missing: number;
  skipped: number;
}

/** Cell texts that mean "no figure": GSO writes `..`; spreadsheets leave a dash or nothing. */
const MISSING = new Set(['', '..', '...', '-', '–', '—']);
export function isMissingText(text: string): boolean {
  return MISSING.has(text.trim());
}

/** `data.csv#row=5&column=2010`: the file and the place in it, readable and splittable. */
export function sourceOf(file: string, loc: InputLocation): string {
  const parts: string[] = [];
  if (loc.row !== undefined) parts.push(`row=${loc.row}`);
  if (loc.column !== undefined) parts.push(`column=${loc.column}`);
  return parts.length ? `${file}#${parts.join('&')}` : file;
}

export interface CellValue {
  value: number | null;
  qualifier: Qualifier | null;
  denominator: number | null;
  percent: boolean;
  /** The unit the cell itself wrote (`%`, `tỷ đồng`), after conversion to the unit asked for; else `null`. */
  unit: string | null;
}

/** A sub-national id in the registry's style: province code, then the unit's name (`42-can-loc`, `82-tx-cai-lay`). */
const SUBNATIONAL_ID = /^(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The district an unknown sub-national id lies in (`42-can-loc-son-loc` in `42-can-loc`), when one is known. */
function closeSubnational(id: string, lookup: (id: string) => Region | undefined): Region | undefined {
  const parts = id.split('-');
  for (let n = parts.length - 1; n >= 2; n--) {
    const r = getRegion(parts.slice(0, n).join('-')) ?? lookup(parts.slice(0, n).join('-'));
    if (r && r.level === 'district') return r;
  }
  return undefined;
}

export class LoadContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly observations: Observation[] = [];
  readonly counters: LoadCounters = { rowsRead: 0, missing: 0, skipped: 0 };
  readonly regionsUnmatched = new Set<string>();
  private readonly regionCache = new Map<string, string | null>();
  private readonly indicatorCache = new Map<string, Indicator | null>();
  private readonly seen = new Map<string, InputLocation>();
  private readonly unknownIndicators = new Set<string>();
  private errors = 0;
  private readonly unitWarned = new Set<string>();

  constructor(readonly file: string, private readonly subnational?: (id: string) => Region | undefined) {}

  at(loc: InputLocation): InputLocation {
    return { file: this.file, ...loc };
  }

  error(code: MessageCode, params: MessageParams, loc: InputLocation): void {
    this.diagnostics.push(diagnostic(code, params, this.at(loc), 'error'));
    this.errors++;
  }

  warn(code: MessageCode, params: MessageParams, loc: InputLocation): void {
    this.diagnostics.push(diagnostic(code, params, this.at(loc), 'warning'));
  }

  /** Keeps diagnostics made elsewhere (number parsing), placing them in this file. */
  add(d: Diagnostic): void {
    this.diagnostics.push({ ...d, file: d.file ?? this.file });
    if (d.level === 'error') this.errors++;
  }

  /** Errors so far; a counter, since readers ask after every record. */
  get errorCount(): number {
    return this.errors;
  }

  /** The catalogue entry, or `null` after recording `DATA_UNKNOWN_INDICATOR`. */
  indicator(id: string, loc: InputLocation): Indicator | null {
    if (!this.indicatorCache.has(id)) {
      this.indicatorCache.set(id, isIndicatorId(id) ? getIndicator(id) : null);
    }
    const found = this.indicatorCache.get(id) ?? null;
    if (!found && !this.unknownIndicators.has(id)) {
      // Once per id: a wide file would otherwise repeat it on every row.
      this.unknownIndicators.add(id);
      this.error('DATA_UNKNOWN_INDICATOR', { value: id, known: listIndicators().map((i) => i.id).join(', ') }, loc);
    }
    return found;
  }

  /**
   * The registry id for a region cell: an id as is (`42`, `34:42`, `VN`), a code Excel stripped of its
   * leading zero (`1` -> `01`, with a warning), or a name. `null` after recording the error.
   */
  region(text: string, loc: InputLocation): string | null {
    const key = text.trim();
    if (!this.regionCache.has(key)) this.regionCache.set(key, this.resolveRegion(key, loc));
    const id = this.regionCache.get(key) ?? null;
    if (id === null) {
      this.regionsUnmatched.add(key);
      this.reportRegion(key, loc);
    }
    return id;
  }

  private resolveRegion(key: string, loc: InputLocation): string | null {
    if (key === '') return null;
    if (getRegion(key)) return key;
    // A district of 2024 the registry does not list (`42-can-loc`, from `chiso extract`): kept under its province.
    if (SUBNATIONAL_ID.test(key) && this.subnational?.(key)) return key;
    if (/^\d$/.test(key) && getRegion('0' + key)) {
      this.warn('DATA_REGION_CODE_PADDED', { value: key, id: '0' + key }, loc);
      return '0' + key;
    }
    const m = this.match(key);
    return m.ok ? m.region.id : null;
  }

  /**
   * The registry's match over the country, regions and the 63 provinces; a bare district name
   * (`Đức Thọ`) is tried again with districts allowed, so that it matches, or is reported ambiguous
   * (`Kỳ Anh`: the town or the district), rather than unknown.
   */
  private match(key: string): RegionMatch {
    const m = matchRegion(key);
    if (m.ok || m.reason === 'ambiguous' || !m.candidates.some((r) => r.level === 'district')) return m;
    return matchRegion(key, { levels: ['country', 'region', 'province', 'district'] });
  }

  private reportRegion(key: string, loc: InputLocation): void {
    if (key === '') {
      this.error('DATA_EMPTY_REGION', {}, loc);
      return;
    }
    const m = this.match(key);
    if (!m.ok && m.reason === 'ambiguous') {
      this.error('DATA_AMBIGUOUS_REGION', { value: key, candidates: describe(m.candidates) }, loc);
      return;
    }
    const sub = SUBNATIONAL_ID.exec(key);
    const province = sub ? getRegion(sub[1]) : undefined;
    if (sub && province?.level === 'province') {
      // An id in the extractor's style whose unit is not a district of 2024: say what is known, and what is close.
      const district = this.subnational ? closeSubnational(key, this.subnational) : undefined;
      this.error('DATA_UNKNOWN_SUBREGION', {
        value: key, province: province.name, id: province.id,
        district: district?.fullName ?? '', districtId: district?.id ?? '', listed: this.subnational ? 'yes' : '',
      }, loc);
      return;
    }
    const candidates = !m.ok && m.candidates.length ? m.candidates : closestRegions(key);
    this.error('DATA_UNKNOWN_REGION', { value: key, candidates: describe(candidates) }, loc);
  }

  /**
   * Reads a value cell: a number as written (qualifier, fraction, percent sign, magnitude word and
   * money unit allowed), or a missing marker. `unit` is the unit the figure must end up in (the
   * column's, the options', or the indicator's): a cell that names its own unit (`5,3 tỷ đồng`) is
   * converted to it, or is an error when it cannot be. `undefined` after recording the error.
   */
  value(text: string, decimal: DecimalStyle, unit: string | null, loc: InputLocation): CellValue | undefined {
    if (isMissingText(text)) return { value: null, qualifier: null, denominator: null, percent: false, unit: null };
    const r = parseNumber(text, { decimal, location: this.at(loc) });
    if (!r.ok) {
      this.error('DATA_NOT_A_NUMBER', { value: text.trim(), detail: r.diagnostic.vi, detailEn: r.diagnostic.en }, loc);
      return undefined;
    }
    for (const w of r.warnings) this.add(w);
    if (r.rest !== null) {
      this.error('DATA_NOT_A_NUMBER', { value: text.trim(), detail: '', detailEn: '' }, loc);
      return undefined;
    }
    let value = r.value;
    let cellUnit: string | null = null;
    if (r.percent) cellUnit = '%';
    else if (r.unit !== null) {
      cellUnit = normalizeUnit(r.unit) ?? r.unit;
      value = r.written;
    } else if (r.magnitude && unit && unit.startsWith(r.magnitude.word + ' ')) {
      // "60,2 triệu" in a column whose unit is already "triệu đồng/…" is 60.2 of that unit.
      value = r.written;
    }
    if (cellUnit !== null && unit !== null && cellUnit !== unit) {
      if (!canConvert(cellUnit, unit)) {
        this.error('DATA_UNIT_CONFLICT', { value: text.trim(), cellUnit, unit }, loc);
        return undefined;
      }
      value = convertUnit(value, cellUnit, unit);
      cellUnit = unit;
    }
    return { value, qualifier: r.qualifier, denominator: r.denominator, percent: r.percent, unit: cellUnit };
  }

  /** The catalogue's unit id for a written unit, or the text as written (with a warning) if unknown. */
  unit(text: string, loc: InputLocation): string {
    const u = normalizeUnit(text);
    if (u) return u;
    this.warn('DATA_UNKNOWN_UNIT', { value: text }, loc);
    return text.trim();
  }

  /** Final checks on one observation, then keeps it. Returns false (and counts it skipped) on error. */
  emit(obs: Observation, loc: InputLocation, indicator: Indicator | null): boolean {
    let ok = true;
    // A cell with no figure is missing, whatever its column says (`Pre. 2016` with `..`).
    if (obs.value === null) obs.status = 'missing';
    if (obs.value !== null && outsideValidity(obs.region, obs.period)) {
      const r = getRegion(obs.region);
      this.warn('DATA_REGION_NOT_VALID', {
        region: r?.name ?? obs.region, id: obs.region, period: obs.period,
        validFrom: r?.validFrom ?? '', validTo: r?.validTo ?? '', successor: r?.successor ?? '',
      }, loc);
    }
    if (obs.unit === '%' && obs.value !== null && obs.value > 100) {
      this.error('DATA_PERCENT_OVER_100', { value: String(obs.value) }, loc);
      ok = false;
    }
    const unitKey = `${obs.indicator}\u0000${obs.unit}`;
    // A series may be counted in its own unit (commendations: `tập thể` and `cá nhân`).
    const expected = indicator ? (obs.series && indicator.seriesUnits?.[obs.series]) || indicator.unit : '';
    if (indicator && obs.unit !== expected && obs.unit !== indicator.unit && !(indicator.altUnits ?? []).includes(obs.unit) && !this.unitWarned.has(unitKey)) {
      // Once per indicator and unit: the first place it occurs.
      this.unitWarned.add(unitKey);
      this.warn('DATA_UNIT_MISMATCH', { value: obs.unit, indicator: indicator.id, expected }, loc);
    }
    const key = `${obs.indicator}\u0000${obs.region}\u0000${obs.period}\u0000${obs.series ?? ''}`;
    const first = this.seen.get(key);
    if (first) {
      this.error('DATA_DUPLICATE', {
        indicator: obs.indicator, region: obs.region, period: obs.period, series: obs.series ?? '',
        firstRow: first.row, firstColumn: first.column,
      }, loc);
      ok = false;
    }
    if (!ok) {
      this.counters.skipped++;
      return false;
    }
    this.seen.set(key, loc);
    if (obs.value === null) this.counters.missing++;
    this.observations.push(obs);
    return true;
  }
}

function describe(regions: Region[]): string {
  return regions.slice(0, 5).map((r) => `${r.name} (${r.id})`).join(', ');
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Up to five regions whose names share the most letter pairs with `text` (Dice coefficient). */
export function closestRegions(text: string): Region[] {
  const q = bigrams(fold(text));
  const qn = [...q.values()].reduce((a, b) => a + b, 0);
  if (qn === 0) return [];
  const score = (name: string) => {
    const g = bigrams(fold(name));
    let common = 0;
    let n = 0;
    for (const [k, c] of g) {
      n += c;
      common += Math.min(c, q.get(k) ?? 0);
    }
    return n + qn === 0 ? 0 : (2 * common) / (n + qn);
  };
  return listRegions()
    .map((r) => ({ r, s: Math.max(score(r.name), score(r.nameEn), ...r.aliases.map(score)) }))
    .filter((x) => x.s > 0.3)
    .sort((a, b) => b.s - a.s)
    .slice(0, 5)
    .map((x) => x.r);
}
