/**
 * Exporting a batch: every chart of a configuration (or one raw spec) to SVG and PNG files in a
 * folder. A chart that fails does not stop the others; each failure is reported with the chart's id.
 */
import '../../messages/render.js';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lang } from '../../format/index.js';
import { ChisoError, diagnostic, formatDiagnostic, isChisoError } from '../../errors.js';
import { validateConfigWith } from '../config-check.js';
import type { ChisoConfig } from '../config-types.js';
import type { RenderSpec } from '../spec.js';
import { configSchema, configValidator, newConfigAjv, readJsonFile } from './files.js';
import { renderSvg, type TextMode } from './svg.js';
import { scaleForDpi } from '../png-resolution.js';
import { RasterProcess } from './raster.js';
import { writeFileNoFollow } from './sandbox.js';
import { configChartSpec, DataCache } from './recipes.js';
import { bundleFiles, zipBundle } from '../bundle.js';
import type { Observation } from '../../types.js';

export const OutputFormat = { svg: 'svg', png: 'png' } as const;
export type OutputFormat = keyof typeof OutputFormat;
export function isOutputFormat(value: unknown): value is OutputFormat {
  return typeof value === 'string' && Object.hasOwn(OutputFormat, value);
}

export interface ExportOptions {
  /** Folder the files are written to; created if missing. */
  outDir: string;
  /** Default `['svg']`. */
  formats?: OutputFormat[];
  /** Overrides the configuration's `lang`. Default: the configuration's, else `vi`. */
  lang?: Lang;
  /** PNG pixels per SVG unit. Default 2, or `dpi / 96` when `dpi` is given. */
  scale?: number;
  /** PNG resolution written into the file (pHYs). Default `96 × scale`. */
  dpi?: number;
  /** SVG text as text with the font embedded (`fonts`, default) or as glyph outlines. */
  text?: TextMode;
  /** Receives warnings (a query's diagnostics, Vega's warnings), each prefixed by the chart's id. */
  onWarning?: (text: string) => void;
  /** Called after each chart, done or failed. */
  onProgress?: (done: number, total: number, id: string, ok: boolean) => void;
  /**
   * Also write `<id>.zip` per configured chart drawn from data: the rows as CSV, `metadata.json`, a
   * README in Vietnamese and English and a citation (`chiso render --bundle`). Default `false`.
   */
  bundle?: boolean;
  /** Fetch `http(s):` data URLs of specs (`--allow-net`). Default `false`. */
  allowNet?: boolean;
  /** Read config paths (`data.file`, `topology`) outside the config's folder (`--allow-path`). Default `false`. */
  allowPath?: boolean;
}

export interface ExportResult {
  /** Paths written, in chart order. */
  files: string[];
  /** One per chart that failed, with the chart's id. */
  failures: { id: string; error: ChisoError }[];
}

/** A parsed input file: a chiso configuration, or a single Vega-Lite / Vega spec. */
export type RenderInput = { kind: 'config'; config: ChisoConfig; file: string } | { kind: 'spec'; spec: RenderSpec; file: string };

const SPEC_KEYS = ['mark', 'layer', 'facet', 'hconcat', 'vconcat', 'concat', 'repeat', 'marks'];

/** Reads CONFIG.json or SPEC.vl.json; tells them apart by `charts` versus a spec's keys. */
export function readRenderInput(path: string, shownAs = path): RenderInput {
  const value = readJsonFile(path, shownAs);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if ('charts' in o) return { kind: 'config', config: validateConfigWith(value, { schema: configSchema(), validate: configValidator(), file: shownAs }, newConfigAjv), file: path };
    const schema = typeof o.$schema === 'string' ? o.$schema : '';
    if (schema.includes('vega') || SPEC_KEYS.some((k) => k in o)) return { kind: 'spec', spec: value as RenderSpec, file: path };
  }
  throw new ChisoError(diagnostic('RENDER_NOT_A_SPEC', {}, { file: shownAs }));
}

function wrap(e: unknown, id: string): ChisoError {
  if (isChisoError(e)) return e;
  return new ChisoError(diagnostic('RENDER_FAILED', { chart: id, detail: e instanceof Error ? e.message : String(e) }));
}

type WriteOptions = Required<Pick<ExportOptions, 'outDir' | 'formats'>> & Pick<ExportOptions, 'scale' | 'dpi' | 'text'> & {
  lang?: Lang;
  root: string;
  allowNet: boolean;
  file: string;
  raster: RasterProcess;
  onWarning?: (text: string) => void;
};

async function writeChart(id: string, spec: RenderSpec, o: WriteOptions): Promise<string[]> {
  const onWarning = o.onWarning && ((text: string) => o.onWarning?.(`${id}: ${text}`));
  const svg = await renderSvg(spec, { lang: o.lang, idPrefix: `${id}-`, root: o.root, allowNet: o.allowNet, file: o.file, onWarning, text: o.text });
  const written: string[] = [];
  for (const format of o.formats) {
    const out = join(o.outDir, `${id}.${format}`);
    // Drawn in a child process: a native crash fails this chart, not the batch.
    const scale = o.scale ?? (o.dpi ? scaleForDpi(o.dpi) : 2);
    writeFileNoFollow(out, format === 'svg' ? svg : await o.raster.render(svg, scale, o.dpi));
    written.push(out);
  }
  return written;
}

/** Exports every chart of the input; relative data paths resolve against the input file's folder. */
export async function exportCharts(input: RenderInput, options: ExportOptions): Promise<ExportResult> {
  const { outDir, formats = ['svg'], scale, dpi, text, onProgress, onWarning, allowNet = false, allowPath = false } = options;
  mkdirSync(outDir, { recursive: true });
  const root = dirname(resolve(input.file));
  const result: ExportResult = { files: [], failures: [] };
  const raster = new RasterProcess();
  const write = { outDir, formats, scale, dpi, text, root, allowNet, file: input.file, raster, onWarning };
  try {
    if (input.kind === 'spec') {
      const id = basename(input.file).replace(/(\.(vl|vg|vega|vega-lite))?\.json$/i, '');
      try {
        result.files.push(...(await writeChart(id, input.spec, { ...write, lang: options.lang })));
      } catch (e) {
        result.failures.push({ id, error: wrap(e, id) });
      }
      onProgress?.(1, 1, id, result.failures.length === 0);
      return result;
    }
    const { config } = input;
    const lang = options.lang ?? config.lang ?? 'vi';
    const data = new DataCache(config, { root, anyPath: allowPath });
    let done = 0;
    for (const chart of config.charts) {
      const failures = result.failures.length;
      try {
        let rows: readonly Observation[] = [];
        const spec = await configChartSpec(chart, data, lang, (d) => onWarning?.(`${chart.id}: ${formatDiagnostic(d)}`), (r) => (rows = r));
        result.files.push(...(await writeChart(chart.id, spec, { ...write, lang })));
        if (options.bundle && chart.data !== undefined) {
          const query = { id: chart.id, type: chart.type, data: chart.data, query: chart.query, options: chart.options };
          const files = bundleFiles({ rows, spec, query, lang, date: new Date().toISOString().slice(0, 10) });
          const out = join(outDir, `${chart.id}.zip`);
          writeFileNoFollow(out, await zipBundle(files));
          result.files.push(out);
        }
      } catch (e) {
        result.failures.push({ id: chart.id, error: wrap(e, chart.id) });
      }
      onProgress?.(++done, config.charts.length, chart.id, result.failures.length === failures);
    }
    return result;
  } finally {
    raster.close();
  }
}
