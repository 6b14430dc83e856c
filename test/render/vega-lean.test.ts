/**
 * The lean Vega a baked chart hydrates on: enough for what Vega-Lite's usual charts compile to, and
 * the rest of Vega loaded for a spec that needs more (a projection, a transform it lacks).
 */
import { describe, expect, it } from 'vitest';
import type { Spec } from 'vega';
import { loadVegaRuntime } from '../../src/render/browser.js';
import { registerTransforms } from '../../src/render/vega-lean.js';

const has = (name: string) => Object.keys(registerTransforms()).some((k) => k.toLowerCase() === name);

describe('the lean Vega runtime', () => {
  it('runs a line chart with data transforms alone, and loads the rest of Vega only for a spec that needs it', async () => {
    const line = {
      width: 100,
      height: 50,
      data: [{ name: 't', values: [{ x: 1, y: 2 }, { x: 2, y: 3 }], transform: [{ type: 'filter', expr: 'datum.y > 0' }, { type: 'formula', expr: 'datum.y * 2', as: 'z' }] }],
      scales: [{ name: 'x', type: 'linear', domain: { data: 't', field: 'x' }, range: 'width' }],
      marks: [{ type: 'symbol', from: { data: 't' }, encode: { update: { x: { scale: 'x', field: 'x' } } } }],
    } as unknown as Spec;
    const vega = await loadVegaRuntime(line);
    expect(has('filter')).toBe(true);
    expect(has('geoshape')).toBe(false);
    const view = new vega.View(vega.parse(line), { renderer: 'none' });
    await view.runAsync();
    expect(view.data('t').map((d: { z: number }) => d.z)).toEqual([4, 6]);
    view.finalize();

    const map = { ...line, projections: [{ name: 'p', type: 'mercator' }], data: [{ name: 'g', values: [], transform: [{ type: 'geoshape', projection: 'p' }] }], scales: [], marks: [] } as unknown as Spec;
    await loadVegaRuntime(map);
    expect(has('geoshape')).toBe(true);
  });
});
