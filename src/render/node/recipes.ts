/**
 * From a configured chart to a Vega-Lite spec: its data source read once per batch, its query run,
 * its recipe applied. The one place the exporter meets the loaders, the query layer and the recipes.
 */
import { fileURLToPath } from 'node:url';
import { readJsonFile } from './files.js';
import { pathInside, type FileAccess } from './sandbox.js';
import type { Observation } from '../../types.js';
import type { Lang } from '../../format/index.js';
import { cachedObservations } from './observations.js';
import { executeQuery } from '../../query/index.js';
import { chart as recipe, type ChartOptions } from '../../charts/index.js';
import { sourceLine } from '../../charts/common.js';
import { wrap } from '../../charts/line.js';
import type { Diagnostic } from '../../errors.js';
import type { ChartConfig, ChisoConfig } from '../config-types.js';
import type { RenderSpec } from '../spec.js';


/** The map chiso draws by default: 63 provinces with Hoàng Sa and Trường Sa (data/geo, CC BY-SA 4.0). */
export const DEFAULT_TOPOLOGY = fileURLToPath(new URL('../../../data/geo/vn63_provinces_odv.topojson.json', import.meta.url));

/**
 * Reads each data source at most once. Paths are relative to the config file's folder (`access.root`)
 * and stay inside it unless `access.anyPath` (`--allow-path`).
 */
export class DataCache {
  private readonly loaded = new Map<string, Promise<Observation[]>>();
  private readonly topologies = new Map<string, unknown>();
  constructor(
    private readonly config: ChisoConfig,
    private readonly access: FileAccess,
  ) {}

  /** A TopoJSON file, relative to the configuration; the bundled 63-province map by default. */
  topology(path: string | undefined): unknown {
    const file = path === undefined ? DEFAULT_TOPOLOGY : pathInside(path, this.access);
    let t = this.topologies.get(file);
    if (t === undefined) this.topologies.set(file, (t = readJsonFile(file, path ?? file)));
    return t;
  }

  /** A data source's observations (workbooks and the catalogue file beside the data included). */
  observations(name: string): Promise<Observation[]> {
    let obs = this.loaded.get(name);
    if (!obs) {
      const source = this.config.data[name];
      const { file, ...options } = source;
      obs = cachedObservations(pathInside(file, this.access), { ...options, file });
      this.loaded.set(name, obs);
    }
    return obs;
  }
}

/** A Vega-Lite title with the source line as its subtitle, unless the spec already has a subtitle. */
function withSubtitle(title: unknown, sources: string | string[]): unknown {
  if (title && typeof title === 'object' && !Array.isArray(title)) {
    const t = title as Record<string, unknown>;
    return t.subtitle === undefined ? { ...t, subtitle: sources } : t;
  }
  return { text: title ?? '', subtitle: sources, anchor: 'start' };
}

/** The Vega-Lite spec of one configured chart. Query warnings go to `onDiagnostic`; `onRows` gets the rows drawn (the ZIP bundle's). */
export async function configChartSpec(
  chart: ChartConfig,
  data: DataCache,
  lang: Lang,
  onDiagnostic?: (d: Diagnostic) => void,
  onRows?: (rows: readonly Observation[]) => void,
): Promise<RenderSpec> {
  const observations = chart.data !== undefined ? await data.observations(chart.data) : [];
  const rows = chart.query ? executeQuery(observations as unknown as Record<string, unknown>[], chart.query, { onDiagnostic }) : observations;
  onRows?.(rows as unknown as Observation[]);
  if (!chart.type) {
    const spec = { ...(chart.spec as Record<string, unknown>) };
    if (chart.data !== undefined) spec.data = { values: rows };
    if (chart.title !== undefined) spec.title = chart.title;
    // A hand-written spec drawn from data still says where the figures come from, under its title.
    const sources = chart.data !== undefined ? sourceLine(rows as unknown as Observation[], lang) : undefined;
    // Wrapped to the chart's width (about 6 px a character at the subtitle's size): a long source line
    // would otherwise widen the whole figure past the width its author gave it.
    const width = typeof spec.width === 'number' ? spec.width : 400;
    if (sources) spec.title = withSubtitle(spec.title, wrap(sources, Math.max(30, Math.floor(width / 6))));
    return spec as unknown as RenderSpec;
  }
  const options: Record<string, unknown> = { ...chart.options };
  if (chart.title !== undefined) options.title = chart.title;
  if (chart.spec !== undefined) options.spec = chart.spec;
  // A map's boundaries come from a file named in the configuration (or the bundled one), not inline.
  if (chart.type === 'map' && (options.topology === undefined || typeof options.topology === 'string')) {
    options.topology = data.topology(options.topology as string | undefined);
  }
  return recipe(chart.type, rows as unknown as Observation[], options as unknown as ChartOptions[typeof chart.type], lang);
}
