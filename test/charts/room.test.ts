// A line or slope chart that follows a selection is given the room its labels need for any province
// (measured once per data): a new province then changes the chart's rows and parameters, never its
// layout, so the drawn view runs once per click instead of twice (a second run to fit a new width).
import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { chart, labelRoom } from '../../src/charts/chart.js';
import { keptRoom } from '../../src/charts/room.js';
import { liveChanges, liveSpec, changesLayout } from '../../src/components/core/live-spec.js';
import type { Observation } from '../../src/types.js';
import { gsoPoverty } from './helpers.js';

// Vega in Node estimates a text's width the same way: 0.8 of the font size a character.
const measure = (text: string, font: string) => 0.8 * text.length * Number(/(\d+)px/.exec(font)?.[1] ?? 11);
const all = gsoPoverty().filter((o) => o.period >= '2006' && o.period <= '2016');
const of = (region: string): Observation[] => all.filter((o) => o.region === region);

/** Draws `from`, then moves the drawn view to `to` as `<chiso-chart>` does; the runs that took and the plot widths. */
async function move(type: 'line' | 'slope', from: string, to: string, room: boolean): Promise<{ runs: number; widths: number[]; shapes: boolean }> {
  // Wide enough that the room is not cut down for the plot (Node's estimate of a text is wider than the page's).
  const options = { fitWidth: 600, measure, ...(room ? { room: labelRoom(type, all, { measure }, 'vi')! } : {}) };
  const a = liveSpec(chart(type, of(from), options, 'vi') as TopLevelSpec);
  const b = liveSpec(chart(type, of(to), options, 'vi') as TopLevelSpec);
  const view = new vega.View(vega.parse(vl.compile(a.spec).spec), { renderer: 'none' });
  await view.runAsync();
  const before = view.width();
  let runs = 0;
  // Each pass of the dataflow (`runAsync`, and the run again a new fitted width asks for) is an `evaluate`.
  const counted = view as unknown as { evaluate: (...args: unknown[]) => Promise<unknown> };
  const evaluate = counted.evaluate.bind(view);
  counted.evaluate = (...args) => (runs++, evaluate(...args));
  const changes = liveChanges(a.texts, b);
  for (const [name, value] of changes.params) view.signal(name, value);
  for (const [name, values] of changes.datasets) view.data(name, values);
  if (changesLayout(changes)) view.resize();
  await view.runAsync();
  const widths = [before, view.width()];
  view.finalize();
  return { runs, widths, shapes: a.shape === b.shape };
}

describe('room beside the plot', () => {
  it('is measured over the provinces, not the country and its regions', () => {
    const room = labelRoom('line', all, { measure }, 'vi')!;
    // "Trung du và miền núi phía Bắc 25,0%" would need some 230 px.
    expect(room.right).toBeGreaterThan(60);
    expect(room.right).toBeLessThan(160);
    expect(labelRoom('bar', all, { measure }, 'vi')).toBeNull();
  });

  for (const type of ['line', 'slope'] as const) {
    it(`keeps a ${type} chart's layout from Hà Nội to Hà Tĩnh: Vega runs once`, async () => {
      const moved = await move(type, '01', '42', true);
      expect(moved.shapes).toBe(true);
      expect(moved.widths[1]).toBe(moved.widths[0]);
      expect(moved.runs).toBe(1);
    });
  }

  it('without it, a name of another length lays the chart out again (a second run)', async () => {
    const moved = await move('line', '01', '77', false);
    expect(moved.widths[1]).not.toBe(moved.widths[0]);
    expect(moved.runs).toBe(2);
  });

  it('leaves the plot at least 40% of a narrow chart', () => {
    expect(keptRoom({ left: 100, right: 100 }, 400)).toEqual({ left: 100, right: 100 });
    const kept = keptRoom({ left: 100, right: 100 }, 222);
    expect(kept.left + kept.right).toBeLessThanOrEqual(270 - 120);
    expect(kept.left).toBe(kept.right);
  });

  it('refuses a room that is not two numbers of pixels, by name', () => {
    expect(() => chart('line', of('42'), { room: { left: 'wide' } as never }, 'vi')).toThrow(/room/);
  });
});
