/**
 * The portal embed's script (`dist/chiso.embed.js`): it defines each `<chiso-*>` element the page
 * holds, loading that element's code only then, so a page of one chart and its dashboard downloads
 * neither the filter, the player, the table nor the map. Elements added later (by a script, a CMS
 * widget) are found as they join the document. A page with no chiso element when the script runs
 * gets them all (its script builds them, perhaps after `customElements.whenDefined`);
 * `defineElements()` loads and defines them all at once too (for a page that waits for an element's
 * definition before adding the first of its kind, or puts elements only in a shadow root of its own).
 * Bundlers import `chiso/components` instead, which defines every element when imported.
 */
import { ContextRoot } from '@lit/context';

import type { Observation } from '../types.js';

// The few functions a page's own script calls, each loading its module when called: the script
// imports nothing up front, so the elements' code is asked for the moment the script runs.
/** How many Vega views are alive in this page. */
export async function liveViewCount(): Promise<number> {
  return (await import('../render/browser.js')).liveViewCount();
}
/** Starts loading Vega and vega-embed (once per page) and resolves when they are ready. */
export async function loadVega(): Promise<unknown> {
  return (await import('../render/browser.js')).loadVega();
}
/** Vega's expression interpreter (what strict-CSP pages run instead of compiled expressions). */
export async function loadExpressionInterpreter(): Promise<unknown> {
  return (await import('../render/browser.js')).loadExpressionInterpreter();
}
/** Rows as CSV text (the observation's columns unless `columns` is given). */
export async function observationsToCSV(rows: readonly (Observation | Record<string, unknown>)[], columns?: readonly string[]): Promise<string> {
  return (await import('./core/csv.js')).observationsToCSV(rows, columns);
}

type ElementClass = CustomElementConstructor;

/** Each element's code, in the order elements are defined: a dashboard before the views inside it. */
const loaders: Record<string, () => Promise<ElementClass>> = {
  'chiso-dashboard': () => import('./dashboard/dashboard.component.js').then((m) => m.ChisoDashboard),
  'chiso-chart': () => import('./chart/chart.component.js').then((m) => m.ChisoChart),
  'chiso-map': () => import('./map/map.component.js').then((m) => m.ChisoMap),
  'chiso-multiples': () => import('./multiples/multiples.component.js').then((m) => m.ChisoMultiples),
  'chiso-kpi': () => import('./kpi/kpi.component.js').then((m) => m.ChisoKpi),
  'chiso-table': () => import('./table/table.component.js').then((m) => m.ChisoTable),
  'chiso-filter': () => import('./filter/filter.component.js').then((m) => m.ChisoFilter),
  'chiso-source': () => import('./source/source.component.js').then((m) => m.ChisoSource),
  'chiso-player': () => import('./player/player.component.js').then((m) => m.ChisoPlayer),
};
const TAGS = Object.keys(loaders);
const SELECTOR = TAGS.join(',');
const asked = new Set<string>();

/**
 * Loads the code of `tags` (those not asked for yet) and defines them in the order above once all
 * have arrived: a dashboard is defined before the views in it, as when every element came at once.
 */
function load(tags: Iterable<string>): Promise<void> {
  const batch = TAGS.filter((t) => [...tags].includes(t) && !asked.has(t) && !customElements.get(t));
  if (batch.length === 0) return Promise.resolve();
  for (const t of batch) asked.add(t);
  return Promise.all(batch.map((t) => loaders[t]())).then((classes) => {
    batch.forEach((t, i) => customElements.get(t) || customElements.define(t, classes[i]));
  });
}

/** The chiso tags in `root` and below. */
function tagsIn(root: ParentNode & Node): Set<string> {
  const found = new Set<string>();
  if (root instanceof Element && Object.hasOwn(loaders, root.localName)) found.add(root.localName);
  for (const el of root.querySelectorAll(SELECTOR)) found.add(el.localName);
  return found;
}

/** Loads and defines every chiso element not defined yet. */
export function defineElements(): Promise<void> {
  return load(TAGS);
}

if (typeof document !== 'undefined' && typeof customElements !== 'undefined') {
  // A view defined before the dashboard around it (the dashboard's tag first seen later) asks for
  // the coordinator before anyone can answer; the root answers it when the dashboard arrives.
  new ContextRoot().attach(document.documentElement);
  // A page with no chiso element yet builds them with its own script, perhaps once they are defined
  // (`customElements.whenDefined`): it gets every element, as before the elements loaded one by one.
  const present = tagsIn(document);
  void load(present.size ? present : TAGS);
  new MutationObserver((records) => {
    const found = new Set<string>();
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) for (const t of tagsIn(n)) found.add(t);
    if (found.size) void load(found);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
