/**
 * `loadObservations`: text or bytes in, validated observations out. Pure (no file system): the
 * node-only `readObservationsFile` reads the bytes and calls this.
 */
import '../messages/data.js';
import { ChisoError, diagnostic, type Diagnostic } from '../errors.js';
import type { Observation } from '../types.js';
import type { Region } from '../registry/index.js';
import { LoadContext } from './context.js';
import { isBlankRow, parseCsv, stripBom, type CsvRow } from './csv.js';
import { decodeText } from './decode.js';
import { fieldColumns } from './fields.js';
import { readGso } from './gso.js';
import { isDecimalStyle, type DecimalStyle } from './number.js';
import { readArrow, readJson } from './records.js';
import { readTidy, requiredFields } from './tidy.js';
import { gsoTitle, looksWide, readWide } from './wide.js';

/**
 * Input layouts chiso reads. `auto` detects any of them; `csv` says the input is CSV text and
 * detects which of tidy, wide and GSO it is (for callers that know the file type, not the layout).
 */
export const DataFormat = { auto: 'auto', csv: 'csv', tidy: 'tidy', wide: 'wide', gso: 'gso', json: 'json', arrow: 'arrow' } as const;
export type DataFormat = keyof typeof DataFormat;
export function isDataFormat(value: unknown): value is DataFormat {
  return typeof value === 'string' && Object.hasOwn(DataFormat, value);
}

export interface LoadOptions {
  /** Name of the input, used in every diagnostic and in each observation's `source`. Default `input`. */
  file?: string;
  /** Layout of the input. Default `auto`: Arrow by its magic bytes, JSON by `[`/`{`, GSO by its title line, then tidy or wide by the header. */
  format?: DataFormat;
  /** Indicator id for inputs that do not name one (wide tables; tidy tables without an indicator column). Default: none. */
  indicator?: string;
  /** Unit for every figure, instead of the indicator's catalogue unit. Default: the catalogue's. */
  unit?: string;
  /** Period for tidy inputs without a period column. Default: none. */
  period?: string;
  /** Decimal convention of text figures. Default: `dot` for GSO exports, else inferred from each value column. */
  decimal?: DecimalStyle;
  /**
   * Default `true`: any error throws one `ChisoError` carrying every error found (up to `maxErrors`),
   * after the whole input has been read. `false`: errors come back in `diagnostics` and the figures
   * they concern are left out and counted in `summary.skipped`. Warnings never throw.
   */
  strict?: boolean;
  /** Most errors a thrown `ChisoError` carries; the rest are counted in a last diagnostic. Default 100. */
  maxErrors?: number;
  /**
   * Region ids the registry does not list that the input may use, looked up here: `district2024Region`
   * (from `chiso/node`) gives the district-level units of 2024 (`42-can-loc`), as `chiso extract`
   * writes them. `chiso load` passes it. Default: registry ids and names only.
   */
  regions?: (id: string) => Region | undefined;
}

export interface LoadSummary {
  file: string;
  /** The format read (never `auto`). */
  format: Exclude<DataFormat, 'auto' | 'csv'>;
  /** Data rows (records) read, without titles, headers and blank lines. */
  rowsRead: number;
  /** Observations made, missing ones included. */
  observations: number;
  /** Observations whose value is missing (`..`, empty). */
  missing: number;
  /** Cells or records that did not become observations; each has a diagnostic. */
  skipped: number;
  indicators: string[];
  /** Distinct regions the observations cover. */
  regionsMatched: number;
  /** Region texts the registry did not match (each also an error). */
  regionsUnmatched: string[];
  periods: string[];
}

export interface LoadResult {
  observations: Observation[];
  diagnostics: Diagnostic[];
  summary: LoadSummary;
}

const ARROW_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"

/** True for Arrow IPC bytes: the file magic `ARROW1`, or a stream's 0xFFFFFFFF continuation marker. */
export function isArrowBytes(bytes: Uint8Array): boolean {
  if (bytes.length >= 6 && ARROW_MAGIC.every((b, i) => bytes[i] === b)) return true;
  return bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff;
}

/** Which of tidy, wide and GSO a CSV is. `null` when none fits. */
export function detectCsvFormat(rows: CsvRow[], options: Pick<LoadOptions, 'indicator' | 'period'> = {}): 'tidy' | 'wide' | 'gso' | null {
  if (gsoTitle(rows)) return 'gso';
  const header = rows.find((r) => !isBlankRow(r));
  if (!header) return null;
  const headers = header.cells.map((h) => h.trim());
  const cols = fieldColumns(headers);
  if (requiredFields(options).every((f) => cols[f] !== undefined)) return 'tidy';
  if (looksWide(headers)) return 'wide';
  if (cols.value !== undefined || cols.period !== undefined) return 'tidy'; // let tidy name what is missing
  return null;
}

/**
 * Reads observations from text or bytes in any format chiso knows, validating every figure.
 * Throws `ChisoError` for an unknown format keyword, and (when `strict`, the default) for any error in
 * the data, carrying all of them; returns warnings in `diagnostics`.
 */
export function loadObservations(input: string | Uint8Array, options: LoadOptions = {}): LoadResult {
  const file = options.file ?? 'input';
  const requested = options.format ?? 'auto';
  if (!isDataFormat(requested)) {
    throw new ChisoError(diagnostic('DATA_UNKNOWN_FORMAT', { value: String(requested), allowed: Object.keys(DataFormat).join(', ') }, { file }));
  }
  if (options.decimal !== undefined && !isDecimalStyle(options.decimal)) {
    throw new ChisoError(diagnostic('DATA_UNKNOWN_DECIMAL', { value: String(options.decimal), allowed: 'comma, dot, auto' }, { file }));
  }
  const ctx = new LoadContext(file, options.regions);
  let format: Exclude<DataFormat, 'auto' | 'csv'> = requested === 'auto' || requested === 'csv' ? 'tidy' : requested;

  const bytes = typeof input === 'string' ? null : input;
  if (bytes && (requested === 'arrow' || (requested === 'auto' && isArrowBytes(bytes)))) {
    format = 'arrow';
    readArrow(bytes, ctx, options);
    return finish(ctx, format, options);
  }
  let text: string;
  if (bytes) {
    const d = decodeText(bytes, file);
    text = d.text;
    for (const w of d.warnings) ctx.add(w);
  } else text = input as string;
  text = stripBom(text);

  if (requested === 'arrow') {
    ctx.error('DATA_ARROW_NEEDS_BYTES', {}, {});
    return finish(ctx, format, options);
  }
  if (text.trim() === '') {
    ctx.error('DATA_EMPTY', {}, {});
    return finish(ctx, format, options);
  }
  if (requested === 'json' || (requested === 'auto' && /^\s*[[{]/.test(text))) {
    format = 'json';
    readJson(text, ctx, options);
    return finish(ctx, format, options);
  }
  let rows: CsvRow[];
  try {
    rows = parseCsv(text, { file, separator: requested === 'gso' ? ';' : undefined }).rows;
  } catch (e) {
    if (e instanceof ChisoError) {
      for (const d of e.diagnostics) ctx.add(d);
      return finish(ctx, format, options);
    }
    throw e;
  }
  if (requested === 'auto' || requested === 'csv') {
    const detected = detectCsvFormat(rows, options);
    if (!detected) {
      const header = rows.find((r) => !isBlankRow(r))!;
      ctx.error('DATA_UNKNOWN_LAYOUT', { found: header.cells.map((h) => `"${h.trim()}"`).join(', ') }, { row: header.line });
      return finish(ctx, format, options);
    }
    format = detected;
  }
  if (format === 'gso') readGso(rows, ctx, options);
  else if (format === 'wide') readWide(rows, ctx, options);
  else readTidy(rows, ctx, options);
  return finish(ctx, format, options);
}

function finish(ctx: LoadContext, format: Exclude<DataFormat, 'auto' | 'csv'>, options: LoadOptions): LoadResult {
  // A header with nothing under it is not "0 figures": say so.
  if (ctx.counters.rowsRead === 0 && ctx.errorCount === 0) ctx.error('DATA_NO_ROWS', {}, {});
  const errors = ctx.diagnostics.filter((d) => d.level === 'error');
  if (errors.length && (options.strict ?? true)) {
    const cap = Math.max(1, options.maxErrors ?? 100);
    const shown = errors.slice(0, cap);
    if (errors.length > cap) shown.push(diagnostic('DATA_MORE_ERRORS', { count: errors.length - cap }, { file: ctx.file }));
    throw new ChisoError(shown[0], shown.slice(1));
  }
  const obs = ctx.observations;
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    observations: obs,
    diagnostics: ctx.diagnostics,
    summary: {
      file: ctx.file,
      format,
      rowsRead: ctx.counters.rowsRead,
      observations: obs.length,
      missing: ctx.counters.missing,
      skipped: ctx.counters.skipped,
      indicators: uniq(obs.map((o) => o.indicator)),
      regionsMatched: uniq(obs.map((o) => o.region)).length,
      regionsUnmatched: [...ctx.regionsUnmatched],
      periods: uniq(obs.map((o) => o.period)).sort(),
    },
  };
}
