/**
 * The Vega compiled ahead of time for a spec of chiso's built-in recipes (holes.ts, templates/):
 * a chunk of its own, loaded with Vega when a chart is drawn in the page, never with a baked one.
 * Each template is a module of its own, loaded when a spec of its key is drawn.
 */
import { holesOf, keyDigest, fill } from './holes.js';
import { instantiate, fitsTemplate, type LiveParts } from './compiled-shapes.js';
import { templates } from './templates/index.js';

/** The Vega that Vega-Lite compiles for `spec` (whose live parts are `parts`), or `undefined` when its key has no template. */
export async function compiledAhead(spec: object, parts: LiveParts): Promise<object | undefined> {
  const holes = holesOf(spec);
  const load = templates[keyDigest(holes.key)];
  if (!load) return undefined;
  const template = (await load()).default;
  const filled = fill<object>(template, holes.values);
  if (!filled || !fitsTemplate(filled, parts)) return undefined;
  return instantiate(filled, parts);
}
