import type { Observation } from '../../types.js';
import { periodYear } from '../../data/period.js';
import type { QuerySpec } from '../../query/spec.js';
import type { ClientFilter } from './selection.js';
import { ChisoError, diagnostic } from '../../errors.js';

/** What a view asks of its dashboard's observations, from its attributes. */
export interface ViewQuery {
  indicator?: string;
  /** The view's own regions; a selection made elsewhere replaces them when `followRegions`. */
  regions?: string[];
  /** Start years, both ends included. */
  from?: number;
  to?: number;
  /** A sub-series; `null` keeps observations without one; absent keeps all. */
  series?: string | null;
  /**
   * Take the region selection of other views in place of the view's own regions (line, KPI, table
   * that follow it) rather than as a highlight (map, bar) or not at all.
   */
  followRegions?: boolean;
}


/**
 * The query spec of a view: its own choices narrowed by the filter other views made. Pure and
 * JSON-serializable, so the page runs it on the eval-free executor and Node on Arquero alike.
 */
export function viewQuerySpec(q: ViewQuery, filter: ClientFilter): QuerySpec {
  const select: NonNullable<QuerySpec['select']> = {};
  if (q.indicator) select.indicators = [q.indicator];
  const regions = q.followRegions && filter.regions ? filter.regions : q.regions;
  if (regions && regions.length) select.regions = regions;
  let from = q.from;
  let to = q.to;
  if (filter.periods) {
    from = Math.max(from ?? -Infinity, periodYear(filter.periods[0]));
    to = Math.min(to ?? Infinity, periodYear(filter.periods[1]));
  }
  if (from !== undefined || to !== undefined) {
    select.periods = {
      ...(from !== undefined && Number.isFinite(from) ? { from } : {}),
      ...(to !== undefined && Number.isFinite(to) ? { to } : {}),
    };
  }
  if (q.series !== undefined) select.series = q.series === null ? null : [q.series];
  return { select };
}

/** `"42, 34:42"` -> `['42', '34:42']`. */
export function parseList(value: string | null | undefined): string[] | undefined {
  if (!value) return undefined;
  const list = value.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

/** `"2010-2016"` or `"2016"` -> start years. */
export function parseYears(value: string | null | undefined): { from?: number; to?: number } {
  if (!value) return {};
  const m = /^\s*(\d{4})?\s*(?:[-–:]\s*(\d{4})?)?\s*$/.exec(value);
  if (!m) return {};
  const from = m[1] ? Number(m[1]) : undefined;
  const to = m[2] ? Number(m[2]) : value.includes('-') || value.includes(':') || value.includes('–') ? undefined : from;
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/** Which selections made in other views a view follows. */
export interface Follow {
  region: boolean;
  period: boolean;
}

const FOLLOW_WORDS = ['region', 'period', 'all', 'none'] as const;

/**
 * What a view follows, from its `follow` attribute (`region`, `period`, `region, period`, `all`,
 * `none`), else its older `filter-by` (the same words), else by default every selection whose field
 * the author did not fix: a view with its own `region` keeps its regions unless it says
 * `follow="region"`; one with its own `period` keeps its periods unless it says `follow="period"`.
 */
export function parseFollow(follow: string | null | undefined, filterBy: string | null | undefined, fixed: { region: boolean; period: boolean }): Follow {
  const given = follow ?? filterBy;
  if (given === null || given === undefined) return { region: !fixed.region, period: !fixed.period };
  const words = given.split(/[,\s]+/).filter(Boolean);
  const bad = words.find((w) => !(FOLLOW_WORDS as readonly string[]).includes(w));
  if (bad !== undefined || words.length === 0) {
    throw new ChisoError(diagnostic('COMPONENTS_BAD_FOLLOW', { value: given, allowed: FOLLOW_WORDS.join(', ') }));
  }
  const all = words.includes('all');
  return { region: all || words.includes('region'), period: all || words.includes('period') };
}

/** The part of the other views' filter a view follows. */
export function followed(filter: ClientFilter, follow: Follow): ClientFilter {
  return { regions: follow.region ? filter.regions : null, periods: follow.period ? filter.periods : null };
}
