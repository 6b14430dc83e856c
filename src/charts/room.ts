/**
 * The room a chart keeps beside its plot for the labels of any region it may be asked to show, so
 * that a chart following a selection keeps one layout: Vega's `fit-x` sizes the plot from what sticks
 * out of it (axis labels, names at line ends), and a new region with a longer name or wider axis labels
 * would otherwise size it anew and run the whole view twice for one click.
 */
import type { Json } from './common.js';
import { quantile } from 'd3-array';
import { AXIS_ROOM } from './fit.js';
import { fail } from '../errors.js';
import type { Observation } from '../types.js';
import { getRegion } from '../registry/index.js';

/** Pixels kept left and right of the plot. */
export interface LabelRoom {
  left: number;
  right: number;
}

/** The name of the layer holding the room (nothing to see, nothing to read). */
export const ROOM_LAYER = 'chiso_room';

/**
 * An invisible layer holding `room` (as `keptRoom` leaves it) beside the plot (nothing without it). It is there either way, and
 * the room is in its rows, so giving or changing the room never changes the spec's shape.
 */
export function roomLayer(room: LabelRoom | undefined): Json {
  const values = room && (room.left > 0 || room.right > 0) ? [{ x: -room.left, right: false }, { x: room.right, right: true }] : [];
  return {
    name: ROOM_LAYER,
    data: { values },
    transform: [{ calculate: 'datum.right ? width + datum.x : datum.x', as: 'roomX' }],
    mark: { type: 'rule', opacity: 0, aria: false },
    encoding: { x: { field: 'roomX', type: 'quantitative', scale: null } },
  };
}

/**
 * `room` as far as the plot keeps most of the drawing: at least 40% of the width the recipe lays out
 * for (`plotWidth` and the axis room `fitSpec` leaves), and 120 px. On a phone, the room of the longest
 * labels would squeeze the plot to a sliver: it is cut down, and a region whose labels need more takes
 * its own room (Vega lays the chart out again for it).
 */
export function keptRoom(room: LabelRoom, plotWidth: number): LabelRoom {
  const left = Math.max(0, room.left);
  const right = Math.max(0, room.right);
  const inner = plotWidth + AXIS_ROOM;
  const available = Math.max(0, inner - Math.max(120, 0.4 * inner));
  if (left + right <= available) return { left, right };
  const k = available / (left + right);
  return { left: Math.floor(left * k), right: Math.floor(right * k) };
}

/** The `p`-quantile of `widths` (0 when there are none): the room most regions' labels fit in. */
export function roomFor(widths: number[], p: number): number {
  const q = quantile(widths, p);
  return q === undefined ? 0 : Math.ceil(q);
}

/** Whether `value` is a room option: two finite numbers of pixels. */
export function isLabelRoom(value: unknown): value is LabelRoom {
  const r = value as LabelRoom | null;
  return !!r && typeof r === 'object' && Number.isFinite(r.left) && Number.isFinite(r.right);
}

/** The `room` option checked: absent, or two finite numbers; anything else is refused by name. */
export function roomOption(value: unknown): LabelRoom | undefined {
  if (value === undefined) return undefined;
  if (isLabelRoom(value)) return value;
  return fail('CHART_UNKNOWN_OPTION', { option: 'room', value: JSON.stringify(value) ?? String(value), allowed: '{ left: px, right: px }' });
}

/**
 * The rows of the regions of the most common level in `data` (the provinces, in a province table
 * with the country and its regions beside them): what a map or a table selects one by one. A longer
 * name of another level (a region of several provinces) shown alone takes its own room.
 */
export function mostCommonLevel(data: readonly Observation[]): Observation[] {
  const level = (id: string) => getRegion(id)?.level ?? 'other';
  const regions = new Map<string, string>();
  for (const o of data) if (!regions.has(o.region)) regions.set(o.region, level(o.region));
  const count = new Map<string, number>();
  for (const l of regions.values()) count.set(l, (count.get(l) ?? 0) + 1);
  const top = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  return data.filter((o) => regions.get(o.region) === top);
}
