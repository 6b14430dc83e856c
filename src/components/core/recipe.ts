import type { TopLevelSpec } from 'vega-lite';
import type { Observation } from '../../types.js';
import type { Lang } from '../../messages/index.js';
import { ChisoError, diagnostic } from '../../errors.js';

type Recipe = (type: string, data: readonly Observation[], options: Record<string, unknown>, locale: Lang) => TopLevelSpec;
type Describer = (type: string, data: readonly Observation[], options: Record<string, unknown>, locale: Lang) => string;

// Recipes load with Vega, when the first chart is drawn, not with the page's first script.
let loading: Promise<Record<string, unknown>> | null = null;
function charts(): Promise<Record<string, unknown>> {
  loading ??= import('../../charts/index.js') as unknown as Promise<Record<string, unknown>>;
  return loading;
}

/** The chart layer's recipe for `type`: `chart(type, ...)` where it exists, else the per-type function. */
export async function chartSpec(type: string, data: readonly Observation[], options: Record<string, unknown>, locale: Lang): Promise<TopLevelSpec> {
  const lib = await charts();
  if (typeof lib.chart === 'function') return (lib.chart as Recipe)(type, data, options, locale);
  const fn = lib[`${type}Chart`];
  if (typeof fn !== 'function') throw new ChisoError(diagnostic('COMPONENTS_UNKNOWN_TYPE', { value: type, allowed: 'line, bar' }));
  return (fn as (d: readonly Observation[], o: Record<string, unknown>, l: Lang) => TopLevelSpec)(data, options, locale);
}

/** The chart layer's text description of what the chart shows. */
export async function chartDescription(type: string, data: readonly Observation[], options: Record<string, unknown>, locale: Lang): Promise<string> {
  const lib = await charts();
  if (typeof lib.describe === 'function') return (lib.describe as Describer)(type, data, options, locale);
  const name = `describe${type.charAt(0).toUpperCase()}${type.slice(1)}`;
  const fn = lib[name];
  return typeof fn === 'function' ? (fn as (d: readonly Observation[], o: Record<string, unknown>, l: Lang) => string)(data, options, locale) : '';
}
