// The map's projection is fitted on an untouched copy of its boundaries, so new figures on the
// shapes (a player's step) do not fit and project the map anew; other fits are left as they are.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { mapChart } from '../../src/charts/map.js';
import { liveSpec } from '../../src/components/core/live-spec.js';
import { stableFit, FIT_COPY } from '../../src/render/stable-fit.js';
import { gsoPoverty, root } from '../charts/helpers.js';

const vn63 = JSON.parse(readFileSync(root + 'data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as unknown;

describe('stableFit', () => {
  it("fits a map's projection on a copy of its boundaries, the labels' points kept", () => {
    const spec = liveSpec(mapChart(gsoPoverty().filter((o) => o.period === '2014'), { topology: vn63 as never }) as never).spec;
    const vg = compile(spec as never).spec as unknown as { data: { name: string; values?: unknown; format?: unknown }[]; projections: { fit: { signal: string } }[] };
    const before = vg.projections[0].fit.signal;
    // The recipe fits on the boundaries and the archipelagos' names (not on the layers' filtered data).
    expect(before).toBe("[data('chiso_units'), {type: 'MultiPoint', coordinates: [[111.95, 17.45], [114.2, 12.35]]}]");
    stableFit(vg);
    const fit = vg.projections[0].fit.signal;
    expect(fit).toBe(before.replace("data('chiso_units')", `data('chiso_units${FIT_COPY}')`));
    const original = vg.data.find((d) => d.name === 'chiso_units');
    const copy = vg.data.find((d) => d.name === `chiso_units${FIT_COPY}`);
    expect(copy?.values).toBe(original?.values);
    expect(copy?.format).toEqual(original?.format);
  });

  it('leaves a fit on data it cannot prove whole as it is', () => {
    const vg = {
      data: [
        { name: 'geo', values: {}, format: { type: 'topojson' } },
        { name: 'some', source: 'geo', transform: [{ type: 'filter', expr: 'datum.v > 3' }] },
      ],
      projections: [{ fit: { signal: "[data('some')]" } }],
    };
    expect(stableFit(structuredClone(vg))).toEqual(vg);
  });
});
