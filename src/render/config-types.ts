/**
 * The chiso configuration file: data files, the queries over them and the charts drawn from the
 * results. `chiso render CONFIG.json` exports every chart; the web components take the same object.
 * These types are the schema: `npm run schema` generates schema/chiso-config.schema.json from them,
 * so a comment here is what an editor shows beside a key.
 */
import type { QuerySpec } from '../query/spec.js';

/** How a data file is laid out (as `chiso load --format`). */
export type DataFormat = 'auto' | 'tidy' | 'wide' | 'gso' | 'json' | 'arrow';

/** One data source: a file of observations. */
export interface DataSourceConfig {
  /** Path of the file, relative to the configuration file's folder. E.g. `data/observations/poverty_rate.csv`. */
  file: string;
  /** Layout of the file. Default `auto`: told from the header. */
  format?: DataFormat;
  /** Indicator id for files that do not name it (GSO exports, wide tables). */
  indicator?: string;
  /** Unit for files that do not name it. Default: the indicator's unit. */
  unit?: string;
}

/** The chart recipes chiso knows. */
export type ChartTypeName = 'line' | 'bar' | 'kpi' | 'map' | 'scatter' | 'slope' | 'progress' | 'multiples';

/**
 * Options handed to the chart recipe; which keys a recipe takes is documented with the recipe, and a
 * key it does not take is refused. For `map`, `topology` is the path of a TopoJSON file, relative to
 * the configuration; default: the bundled 63-province map (data/geo/vn63_provinces_odv.topojson.json).
 * For `multiples`, `panels` is `34` (the 34 units), a GSO region id (`R1` … `R6`) or a list of region ids,
 * `sort` is `latest`, `change` or `name`: the whole grid is one SVG.
 */
export interface ChartOptionsConfig {
  [key: string]: unknown;
}

/** A fragment (with `type`) or a whole spec (without) of Vega-Lite. */
export interface VegaLiteFragment {
  [key: string]: unknown;
}

/** One chart: a recipe applied to a query's result, or a Vega-Lite spec of its own. */
export interface ChartConfig {
  /**
   * Names the chart and its output files (`<id>.svg`): letters, digits, `-` and `_`.
   * @pattern ^[A-Za-z0-9][A-Za-z0-9_-]*$
   */
  id: string;
  /** The recipe. Without it, `spec` must be a whole Vega-Lite spec. */
  type?: ChartTypeName;
  /** Name of a source under `data`. Required with `type`. */
  data?: string;
  /** What to take from the data before drawing. Default: every observation. */
  query?: QuerySpec;
  /** Recipe options (title, width, indicator...). */
  options?: ChartOptionsConfig;
  /** Title; overrides the recipe's. */
  title?: string;
  /** With `type`: Vega-Lite merged into the recipe's spec last. Without: the whole spec; the query result, if `data` is named, becomes its inline data. */
  spec?: VegaLiteFragment;
}

/** The configuration file. */
export interface ChisoConfig {
  /** Where an editor finds the schema: `node_modules/chiso/schema/chiso-config.schema.json`. */
  $schema?: string;
  /** Language of the charts' text, numbers and dates. Default `vi`. */
  lang?: 'vi' | 'en';
  /** Data sources by name. */
  data: { [name: string]: DataSourceConfig };
  /** The charts, in the order they are drawn. */
  charts: ChartConfig[];
}
