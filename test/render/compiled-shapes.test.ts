// A spec whose shape the page compiled before is not compiled again: its rows, parameter values and
// description go into a copy of the compiled Vega (src/render/compiled-shapes.ts). For every recipe
// of the rendered corpus (test/render/snapshots.ts) and every selection of the in-place cases, that
// copy is the Vega Vega-Lite compiles for the spec, and draws the same SVG. The same holds for the
// Vega compiled ahead of time for the built-in recipes (src/render/holes.ts, src/render/templates/):
// every recipe and variant of scripts/templates-corpus.ts finds its template, filled with its own
// values and with others' it is what Vega-Lite compiles, and a spec of another shape finds none.
import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { liveSpec, liveParts } from '../../src/components/core/live-spec.js';
import { compiledAhead } from '../../src/render/compile-page.js';
import { holesOf, withValues } from '../../src/render/holes.js';
import { corpus as recipeCorpus } from '../../scripts/templates-corpus.js';
import { CompiledShapes, instantiate, fitsTemplate, type LiveParts } from '../../src/render/compiled-shapes.js';
import { isVegaLiteSpec } from '../../src/render/spec.js';
import { snapshots } from './snapshots.js';

const compiled = (spec: TopLevelSpec) => compile(spec).spec as unknown as object;
async function svg(vg: object): Promise<string> {
  const view = new vega.View(vega.parse(vg as vega.Spec), { renderer: 'none' });
  try {
    return (await view.toSVG()).replace(/clip\d+/g, 'clip');
  } finally {
    view.finalize();
  }
}

/** Other live parts for the same shape: fewer rows in each dataset, other values for the parameters, another description. */
function otherParts(live: LiveParts): LiveParts {
  const datasets: Record<string, unknown> = {};
  for (const [name, rows] of Object.entries(live.datasets)) datasets[name] = Array.isArray(rows) && rows.length > 2 ? rows.slice(0, -1) : rows;
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(live.params)) {
    params[name] = typeof value === 'string' ? `${value} (2)` : Array.isArray(value) && value.length > 1 ? value.slice(0, -1) : value;
  }
  return { datasets, params, description: live.description === null ? null : `${live.description} Khác.` };
}

/** `spec` (a split spec: its rows in `datasets`, its values in `params`) holding `parts` instead. */
function withParts(spec: TopLevelSpec, parts: LiveParts): TopLevelSpec {
  const s = structuredClone(spec) as { datasets?: Record<string, unknown>; params?: { name: string; value?: unknown }[]; description?: string | null };
  for (const [name, rows] of Object.entries(parts.datasets)) s.datasets![name] = rows;
  for (const p of s.params ?? []) if (Object.hasOwn(parts.params, p.name)) p.value = parts.params[p.name];
  if (parts.description === null) delete s.description;
  else s.description = parts.description;
  return s as unknown as TopLevelSpec;
}

describe('compiled Vega per spec shape', () => {
  const corpus: { name: string; spec: () => Promise<TopLevelSpec> }[] = snapshots.map((s) => ({
    name: s.name,
    spec: async () => (await s.spec()) as unknown as TopLevelSpec,
  }));

  for (const c of corpus) {
    it(`${c.name}: the template of one spec holding another's rows and values is what Vega-Lite compiles, and draws the same`, async () => {
      const spec = await c.spec();
      if (!isVegaLiteSpec(spec as never)) return;
      const a = liveSpec(spec);
      const parts = otherParts(a);
      const template = compiled(a.spec);
      expect(fitsTemplate(template, a)).toBe(true);
      const fromTemplate = instantiate(template, parts);
      const direct = compiled(withParts(a.spec, parts));
      expect(JSON.stringify(fromTemplate)).toBe(JSON.stringify(direct));
      expect(await svg(fromTemplate)).toBe(await svg(direct));
      // And the template is left as it was for the next spec.
      expect(JSON.stringify(template)).toBe(JSON.stringify(compiled(a.spec)));
    });
  }

  it('compiles a shape once, and a spec of another shape anew', async () => {
    const a = liveSpec(await corpus[0].spec());
    const shapes = new CompiledShapes<object>();
    let compiles = 0;
    const get = (shape: string, parts: LiveParts, spec: TopLevelSpec) => shapes.get(shape, parts, () => (compiles++, compiled(spec)));
    get(a.shape, a, a.spec);
    const parts = otherParts(a);
    const again = get(a.shape, parts, withParts(a.spec, parts));
    expect(compiles).toBe(1);
    expect(JSON.stringify(again)).toBe(JSON.stringify(compiled(withParts(a.spec, parts))));
    get(`${a.shape}|other`, a, a.spec);
    expect(compiles).toBe(2);
  });

  describe('compiled ahead of time', () => {
    const quiet = { level: () => quiet, error: () => quiet, warn: () => quiet, info: () => quiet, debug: () => quiet };
    const vl = (spec: object) => compile(spec as TopLevelSpec, { logger: quiet as never }).spec as unknown as object;
    const recipes = recipeCorpus();
    it('covers every recipe of the corpus', () => {
      expect(new Set(recipes.map((c) => c.name.split(/[ ,]/)[0]))).toEqual(new Set(['line', 'bar', 'slope', 'scatter', 'multiples', 'map', 'progress']));
    });
    for (const c of recipes) {
      it(`${c.name}: its template holding its rows and values, and another's, is what Vega-Lite compiles`, async () => {
        const spec = c.spec();
        const live = liveSpec(spec);
        const parts = liveParts(live);
        const ahead = await compiledAhead(live.spec, parts);
        expect(ahead, 'no template: run npm run templates').toBeDefined();
        expect(JSON.stringify(ahead)).toBe(JSON.stringify(vl(live.spec)));
        // Other rows, values and description, and other words, colours and sizes in the holes.
        const other = otherParts(parts);
        const holes = holesOf(live.spec);
        // Each value another of its kind (sign, whole or not), none made equal to another.
        const values = holes.values.map((v) => (typeof v === 'number' ? v * 3 + (Number.isInteger(v) ? 0 : 0.001) : typeof v === 'string' ? `${v} "2" ư` : Array.isArray(v) ? [...v, v[0]] : v));
        const changed = withParts(withValues(live.spec, holes.paths, values), other);
        expect(holesOf(changed).key).toBe(holes.key);
        const fromTemplate = await compiledAhead(changed, other);
        expect(JSON.stringify(fromTemplate)).toBe(JSON.stringify(vl(changed)));
      });
    }
    it('finds no template for a spec of another shape: Vega-Lite compiles it', async () => {
      const live = liveSpec(recipes[0].spec());
      const spec = structuredClone(live.spec) as { layer?: { mark?: unknown }[] };
      spec.layer![0].mark = { type: 'rule', strokeCap: 'square' };
      expect(await compiledAhead(spec, liveParts(live))).toBeUndefined();
    });
    it('draws what Vega-Lite compiles', async () => {
      const live = liveSpec(recipes.find((c) => c.name.startsWith('line, 4 regions vi 720px'))!.spec());
      const ahead = await compiledAhead(live.spec, liveParts(live));
      expect(await svg(ahead!)).toBe(await svg(vl(live.spec)));
    });
  });
});
