import type { TopLevelSpec } from 'vega-lite';
import type { Observation } from '../../types.js';
import type { Lang } from '../../messages/index.js';
import type { ChartType } from '../../charts/types.js';

type Charts = typeof import('../../charts/index.js');

// Recipes load with Vega, when the first chart is drawn, not with the page's first script.
let loading: Promise<Charts> | null = null;
function charts(): Promise<Charts> {
  // The recipes' chunk imports the chunks it shares with the KPI, the about panel and Vega (d3-scale):
  // asked for at the same moment, they arrive in one round trip instead of two.
  loading ??= Promise.all([import('../../charts/index.js'), import('../../charts/kpi.js'), import('../../charts/about.js'), import('d3-scale')]).then(([m]) => m);
  return loading;
}

/** Starts loading the recipes (once per page), e.g. as soon as a chart comes into view. */
export function preloadRecipes(): Promise<unknown> {
  return charts();
}

/** The chart layer's recipe: `chart(type, observations, options, locale)` (option keys checked there). */
export async function chartSpec(type: ChartType, data: readonly Observation[], options: Record<string, unknown>, locale: Lang): Promise<TopLevelSpec> {
  const { chart } = await charts();
  return chart(type, data, options as never, locale);
}

/** The room beside the plot a line or slope chart needs for any one region of `data` (`null` for other types). */
export async function chartRoom(type: ChartType, data: readonly Observation[], options: Record<string, unknown>, locale: Lang): Promise<{ left: number; right: number } | null> {
  const { labelRoom } = await charts();
  return labelRoom(type, data, options as never, locale);
}

/** The chart layer's text description of what the chart shows. */
export async function chartDescription(type: ChartType, data: readonly Observation[], options: Record<string, unknown>, locale: Lang): Promise<string> {
  const { describe } = await charts();
  return describe(type, data, options as never, locale);
}

/** The multiples' panels in order, each with its region and description (what the panel grid reads out). */
export async function multiplesPanelsOf(data: readonly Observation[], options: Record<string, unknown>, locale: Lang): Promise<{ region: string; name: string; description: string }[]> {
  const { multiplesPanels } = await charts();
  const { fitWidth: _w, measure: _m, ...rest } = options;
  return multiplesPanels(data, rest as never, locale).map((p) => ({ region: p.region, name: p.name, description: p.description }));
}
