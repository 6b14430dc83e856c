/**
 * A map fits its projection to its shapes: Vega-Lite names every layer's data in the projection's
 * `fit` (`[data('data_1'), data('data_2'), …]`), so a new period's figures on the shapes (see
 * `applyFeatures`) fit the projection again, and every shape is projected anew, on each step of a
 * player. When the layers named are the boundaries' features split by whether they have a figure
 * (together all of them, as the map recipe draws them), the fit is made on an untouched copy of
 * the boundaries instead: the same shapes, the same projection, refitted only when the size changes.
 *
 * Pure: works on the compiled Vega spec (vega-embed's `patch`), returns it changed or as it was.
 */

interface VgData {
  name: string;
  source?: string;
  values?: unknown;
  format?: { type?: string };
  transform?: { type?: string; expr?: string }[];
}
interface VgProjection {
  fit?: { signal?: string };
}
interface VgSpec {
  data?: VgData[];
  projections?: VgProjection[];
}

/** Suffix of the untouched copy of a boundaries dataset the projection is fitted on. */
export const FIT_COPY = '_chiso_fit';

export function stableFit<S extends object>(spec: S): S {
  const vg = spec as VgSpec;
  if (!vg.data || !vg.projections) return spec;
  const byName = new Map(vg.data.map((d) => [d.name, d]));
  for (const p of vg.projections) {
    const signal = p.fit?.signal;
    if (typeof signal !== 'string') continue;
    const names = [...signal.matchAll(/data\('([^']+)'\)/g)].map((m) => m[1]);
    if (names.length === 0) continue;
    // Each named dataset: its root (a topojson dataset with inline values) and the filters on the way.
    const chains = names.map((name) => {
      const filters: string[] = [];
      let d = byName.get(name);
      let other = false;
      while (d?.source !== undefined) {
        for (const t of d.transform ?? []) {
          if (t.type === 'filter' && typeof t.expr === 'string') filters.push(t.expr);
          else if (t.type !== 'formula') other = true;
        }
        d = byName.get(d.source);
      }
      return { root: d, filters, other };
    });
    const root = chains[0].root;
    if (!root || root.format?.type !== 'topojson' || root.values === undefined || root.transform?.length) continue;
    if (chains.some((c) => c.root !== root || c.other)) continue;
    // Together they must hold every feature: one unfiltered, or `x === null` beside `x !== null`.
    const sole = chains.filter((c) => c.filters.length <= 1).map((c) => c.filters[0] ?? '');
    const all = sole.includes('') || sole.some((f) => f.endsWith(' === null') && sole.includes(f.replace(/ === null$/, ' !== null')));
    if (!all) continue;
    const copy = `${root.name}${FIT_COPY}`;
    if (!byName.has(copy)) {
      const d: VgData = { name: copy, values: root.values, format: root.format };
      vg.data.splice(vg.data.indexOf(root) + 1, 0, d);
      byName.set(copy, d);
    }
    const inner = signal.replace(/^\[|\]$/g, '');
    const rest = inner.split(/,\s*/).filter((part) => !/^data\('[^']+'\)$/.test(part.trim()));
    p.fit = { signal: `[${[`data('${copy}')`, ...rest].join(', ')}]` };
  }
  return spec;
}
