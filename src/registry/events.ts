/**
 * Territorial events: days on which a province's territory changed, so that its figures before and
 * after describe different places. A line across one is drawn broken and marked; descriptions do not
 * compare across it. Only events the registry can cite are listed.
 */
import type { LocalText } from './types.js';
import { getRegion, START_OF_34 } from './regions.js';
import { predecessors } from './crosswalk.js';

export interface TerritorialEvent {
  id: string;
  /** The first day of the new territory (ISO date). */
  date: string;
  /** Region ids whose territory changed that day (old and new units alike). */
  regions: readonly string[];
  label: LocalText;
  /** The act that made the change. */
  source: string;
}

const t = (vi: string, en: string): LocalText => ({ vi, en });

const EVENTS: readonly TerritorialEvent[] = [
  {
    id: 'split-2004-dak-lak', date: '2004-01-01', regions: ['66', '67'],
    label: t('Tách Đắk Nông khỏi Đắk Lắk (1/1/2004)', 'Đắk Nông split from Đắk Lắk (1 Jan 2004)'),
    source: 'Nghị quyết 22/2003/QH11 (26/11/2003)',
  },
  {
    id: 'split-2004-can-tho', date: '2004-01-01', regions: ['92', '93'],
    label: t('Tách Cần Thơ thành TP Cần Thơ và Hậu Giang (1/1/2004)', 'Cần Thơ split into Cần Thơ city and Hậu Giang (1 Jan 2004)'),
    source: 'Nghị quyết 22/2003/QH11 (26/11/2003)',
  },
  {
    id: 'split-2004-lai-chau', date: '2004-01-01', regions: ['11', '12'],
    label: t('Tách Lai Châu thành Điện Biên và Lai Châu (1/1/2004)', 'Lai Châu split into Điện Biên and Lai Châu (1 Jan 2004)'),
    source: 'Nghị quyết 22/2003/QH11 (26/11/2003)',
  },
  {
    // Mê Linh (Vĩnh Phúc) and four communes of Lương Sơn (Hòa Bình) joined Hà Nội with Hà Tây.
    id: 'merge-2008-ha-noi', date: '2008-08-01', regions: ['01', 'ha-tay', '26', '17'],
    label: t('Hà Tây nhập vào Hà Nội (1/8/2008)', 'Hà Tây merged into Hà Nội (1 Aug 2008)'),
    source: 'Nghị quyết 15/2008/QH12 (29/5/2008)',
  },
  {
    id: 'merge-2025', date: START_OF_34, regions: [],
    label: t('Sắp xếp 63 tỉnh thành 34 đơn vị (1/7/2025)', '63 provinces merged into 34 units (1 Jul 2025)'),
    source: 'Nghị quyết 202/2025/QH15 (12/6/2025)',
  },
];

/** Every territorial event the registry knows, oldest first. */
export function listTerritorialEvents(): readonly TerritorialEvent[] {
  return EVENTS;
}

/**
 * Whether an event changed the territory of a region. The 2025 merger changed every old province
 * whose 34-unit has more than one predecessor, and those units themselves.
 */
export function eventAffects(event: TerritorialEvent, regionId: string): boolean {
  if (event.id !== 'merge-2025') return event.regions.includes(regionId);
  const r = getRegion(regionId);
  if (!r) return false;
  const unit = r.level === 'province2025' ? r.id : r.level === 'province' ? r.successor : null;
  return unit !== null && predecessors(unit).length > 1;
}

/** The first and last day a period covers: `2008` -> 2008-01-01..2008-12-31; `null` when not a period. */
export function periodDays(period: string): [string, string] | null {
  const s = period.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  if ((m = /^(\d{4})-(\d{4})$/.exec(s))) return [`${m[1]}-01-01`, `${m[2]}-12-31`];
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return [`${s}-01`, `${s}-31`];
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return [s, s];
  return null;
}

/**
 * Which side of an event a figure stands on: a figure describes the territory at its period's end
 * (GSO's yearly figures are as of the year's end: its 2008 Hà Nội includes Hà Tây).
 */
export function isAfterEvent(period: string, event: TerritorialEvent): boolean | null {
  const days = periodDays(period);
  return days ? days[1] >= event.date : null;
}

/** The events that changed a region's territory between two periods (exclusive of the first). */
export function eventsBetween(regionId: string, from: string, to: string): TerritorialEvent[] {
  return EVENTS.filter((e) => eventAffects(e, regionId) && isAfterEvent(from, e) === false && isAfterEvent(to, e) === true);
}

/**
 * Whether a figure for `period` lies outside the region's validity: the unit did not exist during any
 * day of the period (Hà Tây in 2014). `false` for unknown regions and periods.
 */
export function outsideValidity(regionId: string, period: string): boolean {
  const r = getRegion(regionId);
  const days = periodDays(period);
  if (!r || !days) return false;
  return (r.validTo !== null && days[0] > r.validTo) || (r.validFrom !== null && days[1] < r.validFrom);
}
