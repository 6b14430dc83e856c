/**
 * From a configured chart to a Vega-Lite spec: its data source read once per batch, its query run,
 * its recipe applied. The one place the exporter meets the loaders, the query layer and the recipes.
 */
import { resolve } from 'node:path';
import type { Observation } from '../../types.js';
import type { Locale } from '../../format/index.js';
import { fail } from '../../errors.js';
import { readObservationsFile } from '../../data/read-file.js';
import { executeQuery } from '../../query/index.js';
import { barChart, lineChart } from '../../charts/index.js';
import type { Diagnostic } from '../../errors.js';
import type { ChartConfig, ChartTypeName, ChisoConfig } from '../config-types.js';
import type { ChartSpec } from '../spec.js';

type Recipe = (data: readonly Observation[], options: Record<string, unknown>, locale: Locale) => ChartSpec;
const recipes: Partial<Record<ChartTypeName, Recipe>> = { line: lineChart as Recipe, bar: barChart as Recipe };

/** Reads each data source at most once. Paths are relative to `baseDir` (the config file's folder). */
export class DataCache {
  private readonly loaded = new Map<string, Observation[]>();
  constructor(
    private readonly config: ChisoConfig,
    private readonly baseDir: string,
  ) {}

  observations(name: string): Observation[] {
    let obs = this.loaded.get(name);
    if (!obs) {
      const source = this.config.data[name];
      const { file, ...options } = source;
      obs = readObservationsFile(resolve(this.baseDir, file), { ...options, file }).observations;
      this.loaded.set(name, obs);
    }
    return obs;
  }
}

/** The Vega-Lite spec of one configured chart. Query warnings go to `onDiagnostic`. */
export async function chartSpec(chart: ChartConfig, data: DataCache, lang: Locale, onDiagnostic?: (d: Diagnostic) => void): Promise<ChartSpec> {
  const observations = chart.data !== undefined ? data.observations(chart.data) : [];
  const rows = chart.query ? executeQuery(observations as unknown as Record<string, unknown>[], chart.query, { onDiagnostic }) : observations;
  if (!chart.type) {
    const spec = { ...(chart.spec as Record<string, unknown>) };
    if (chart.data !== undefined) spec.data = { values: rows };
    if (chart.title !== undefined) spec.title = chart.title;
    return spec as unknown as ChartSpec;
  }
  const recipe = recipes[chart.type];
  if (!recipe) return fail('RENDER_NEEDS_CHARTS', { chart: chart.id, type: chart.type });
  const options: Record<string, unknown> = { ...chart.options };
  if (chart.title !== undefined) options.title = chart.title;
  if (chart.spec !== undefined) options.spec = chart.spec;
  return recipe(rows as unknown as Observation[], options, lang);
}
