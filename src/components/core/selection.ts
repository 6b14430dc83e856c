import { comparePeriods, periodYear } from '../../data/period.js';

/**
 * A selection shared by the views of one dashboard, after Mosaic: it holds clauses, each tagged with
 * the client that published it, so a view can ask for the filter made by everyone but itself.
 */

/**
 * What a clause constrains: a set of regions, or a closed range of periods (compared as strings). A
 * period clause with `step` is a period player's one period, shown inside the ranges chosen beside it
 * (a brush, the filter).
 */
export type Clause =
  | { source: object; field: 'region'; values: string[] }
  | { source: object; field: 'period'; range: [string, string]; step?: boolean };

/** The filter a client receives: `null` where no other view constrains that field. */
export interface ClientFilter {
  regions: string[] | null;
  periods: [string, string] | null;
}

export class Selection extends EventTarget {
  #clauses: Clause[] = [];

  get clauses(): readonly Clause[] {
    return this.#clauses;
  }

  /**
   * Replaces the clause of the same source and field (a view holds one clause per field). A range of
   * periods (a brush, the filter's years) is the dashboard's one chosen range, whoever chose it before,
   * as `selectRegions` is for regions: the filter, the line chart's year lists and the page address
   * all name it. A range that leaves a player's period outside it takes the place of that period: the
   * views show the range's latest period and the player steps inside the range.
   */
  update(clause: Clause): void {
    const range = clause.field === 'period' && !clause.step;
    this.#clauses = this.#clauses.filter((c) => !(c.field === clause.field && (range ? c.field === 'period' && !c.step : c.source === clause.source)));
    const empty = clause.field === 'region' && clause.values.length === 0;
    if (!empty) this.#clauses.push(clause);
    if (range) this.#clauses = this.#clauses.filter((c) => !(c.field === 'period' && c.step && !within(c.range[0], clause.range)));
    this.dispatchEvent(new Event('change'));
  }

  /** Clears the chosen range of periods, whoever chose it; a player's period stays. */
  clearRange(): void {
    const before = this.#clauses.length;
    this.#clauses = this.#clauses.filter((c) => !(c.field === 'period' && !c.step));
    if (this.#clauses.length !== before) this.dispatchEvent(new Event('change'));
  }

  /**
   * Makes `values` the region selection of the whole dashboard, published by `source`: the region
   * clauses of other views go, so what every view filters by is what the filter names and the page
   * address carries (several sources' clauses would intersect, and two picks with nothing in common
   * would leave nothing). An empty list clears it.
   */
  selectRegions(source: object, values: readonly string[]): void {
    this.#clauses = this.#clauses.filter((c) => c.field !== 'region');
    if (values.length) this.#clauses.push({ source, field: 'region', values: [...new Set(values)] });
    this.dispatchEvent(new Event('change'));
  }

  /**
   * Makes `period` the one period every view following periods shows, published by `source` (a
   * period player): it replaces any other player's period and stays beside the ranges chosen in other
   * views (a brush), which the player steps inside; a range that does not hold `period` goes, so the
   * two never intersect into nothing. `null` clears the period and leaves the ranges.
   */
  selectPeriod(source: object, period: string | null): void {
    this.#clauses = this.#clauses.filter((c) => c.field !== 'period' || (!c.step && (period === null || within(period, c.range))));
    if (period !== null) this.#clauses.push({ source, field: 'period', range: [period, period], step: true });
    this.dispatchEvent(new Event('change'));
  }

  /**
   * The whole period selection at once, as a link carries it: `range` chosen (a brush's years) and
   * `period` a player's step inside it; every other period clause goes. Either may be `null`.
   */
  selectPeriods(source: object, range: [string, string] | null, period: string | null): void {
    this.#clauses = this.#clauses.filter((c) => c.field !== 'period');
    if (range) this.#clauses.push({ source, field: 'period', range });
    if (period !== null && (!range || within(period, range))) this.#clauses.push({ source, field: 'period', range: [period, period], step: true });
    this.dispatchEvent(new Event('change'));
  }

  /**
   * What a click on a mark does, published by `source`: selects `region` everywhere, or clears the
   * selection when it was the only one selected; `add` toggles it in a selection of several. Built on
   * what the reader sees selected (the filter, the highlight, the page address), whoever picked it.
   */
  toggleRegion(source: object, region: string, add: boolean): void {
    const current = this.selectedRegions();
    let values: string[];
    if (add) values = current.includes(region) ? current.filter((r) => r !== region) : [...current, region];
    else values = current.length === 1 && current[0] === region ? [] : [region];
    this.selectRegions(source, values);
  }

  /** Drops every clause of `source` (all of them when `field` is not given). */
  remove(source: object, field?: Clause['field']): void {
    const before = this.#clauses.length;
    this.#clauses = this.#clauses.filter((c) => !(c.source === source && (field === undefined || c.field === field)));
    if (this.#clauses.length !== before) this.dispatchEvent(new Event('change'));
  }

  clear(): void {
    if (this.#clauses.length === 0) return;
    this.#clauses = [];
    this.dispatchEvent(new Event('change'));
  }

  /** The filter made by every clause except those of `exclude`: a view never filters itself. */
  filterFor(exclude?: object): ClientFilter {
    let regions: string[] | null = null;
    let periods: [string, string] | null = null;
    for (const c of this.#clauses) {
      if (c.source === exclude) continue;
      if (c.field === 'region') regions = regions ? regions.filter((r) => c.values.includes(r)) : [...c.values];
      else periods = periods ? [max(periods[0], c.range[0]), min(periods[1], c.range[1])] : c.range;
    }
    return { regions, periods };
  }

  /** Regions selected by anyone, the view itself included: what a view highlights. */
  selectedRegions(): string[] {
    const out = new Set<string>();
    for (const c of this.#clauses) if (c.field === 'region') for (const v of c.values) out.add(v);
    return [...out];
  }

  /** The periods every view following periods shows: the chosen ranges and a player's period, intersected. */
  periodRange(): [string, string] | null {
    return this.filterFor(undefined).periods;
  }

  /** The range of periods chosen (a brush, the filter), without a player's period: what a player steps through. */
  chosenRange(exclude?: object): [string, string] | null {
    let periods: [string, string] | null = null;
    for (const c of this.#clauses) {
      if (c.field !== 'period' || c.step || c.source === exclude) continue;
      periods = periods ? [max(periods[0], c.range[0]), min(periods[1], c.range[1])] : c.range;
    }
    return periods;
  }

  /** A period player's period, or `null`. */
  steppedPeriod(): string | null {
    for (const c of this.#clauses) if (c.field === 'period' && c.step) return c.range[0];
    return null;
  }
}

/** Whether `period` starts in the years of `range`, both ends included: as views filter by a range. */
export function within(period: string, range: readonly [string, string]): boolean {
  const y = periodYear(period);
  return y >= periodYear(range[0]) && y <= periodYear(range[1]);
}

const max = (a: string, b: string) => (comparePeriods(a, b) >= 0 ? a : b);
const min = (a: string, b: string) => (comparePeriods(a, b) <= 0 ? a : b);
