/**
 * `chiso load FILE [--format auto|csv|tidy|wide|gso|json|arrow] [--indicator ID] [--unit UNIT]
 * [--name "…" --kind rate|count|amount --direction up|down] [--period P] [--json] [--lenient] [--help]`:
 * reads and validates a data file (CSV, GSO export, JSON, Arrow, .xlsx). An id the catalogue does not
 * know is defined by `--unit` and the naming flags, or by a `chiso.indicators.json` beside the file. Prints the observations as a
 * JSON array (`--json`) or a summary in Vietnamese and English. Warnings go to stderr; any error
 * prints every diagnostic (file, row, column, both languages) and exits 1. `--lenient` reports errors
 * as the summary's skipped figures instead of failing.
 */
import '../messages/data.js';
import '../messages/cli.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FILE_LIMITS } from '../data/file-check.js';
import { formatDiagnostic, isChisoError, fail, type Diagnostic } from '../errors.js';
import { message } from '../messages/index.js';
import type { LoadResult } from '../data/load.js';
import { readDataFile } from '../data/read-file.js';
import { district2024Region } from '../registry/districts-2024.js';
import { addIndicators, defineIndicator, isIndicatorId } from '../registry/index.js';
import type { DataFormat } from '../data/load.js';
import type { Command, CliIO } from './io.js';
import { parseArgs } from './args.js';

const FLAGS = {
  format: 'value',
  indicator: 'value',
  unit: 'value',
  period: 'value',
  name: 'value',
  kind: 'value',
  direction: 'value',
  json: 'boolean',
  lenient: 'boolean',
  stream: 'boolean',
  help: 'boolean',
} as const;

/**
 * A file read in chunks (`--stream`, or any file past what is read at once): rows, columns and
 * memory, with progress on stderr. Columns only: the figures are not checked as observations.
 */
async function streamed(path: string, file: string, io: CliIO): Promise<number> {
  const { loadLargeFile } = await import('../load-large/node.js');
  let shown = -1;
  const table = await loadLargeFile(path, {
    onProgress: (p) => {
      const pct = Math.floor(p.fraction * 100);
      if (pct >= shown + 10 || p.fraction === 1) io.stderr(`${file}: ${(shown = pct)}%\n`);
    },
  });
  const types = Object.entries(table.types).map(([name, type]) => `${name}: ${type}`).join(', ');
  const params = { file, rows: table.rows, columns: Object.keys(table.columns).length, types, memory: (table.bytes / 2 ** 20).toFixed(1) };
  io.stdout(`${message('LOAD_STREAMED', params, 'vi')}\n${message('LOAD_STREAMED', params, 'en')}\n`);
  return 0;
}

/** Warnings printed before the rest are summed up in one line; all stay in the result. */
const MAX_PRINTED_WARNINGS = 20;

/** Errors are all printed (the loader caps them); warnings up to a limit, then a count. */
function printDiagnostics(io: CliIO, diagnostics: Diagnostic[]): void {
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.level === 'warning' && ++warnings > MAX_PRINTED_WARNINGS) continue;
    io.stderr(formatDiagnostic(d) + '\n');
  }
  const more = warnings - MAX_PRINTED_WARNINGS;
  if (more > 0) io.stderr(`${message('LOAD_MORE_WARNINGS', { count: more }, 'vi')}\n${message('LOAD_MORE_WARNINGS', { count: more }, 'en')}\n`);
}

export function summaryText(result: LoadResult): string {
  const s = result.summary;
  const count = (level: Diagnostic['level']) => result.diagnostics.filter((d) => d.level === level).length;
  const params = {
    file: s.file,
    format: s.format,
    rowsRead: s.rowsRead,
    observations: s.observations,
    missing: s.missing,
    skipped: s.skipped,
    indicators: s.indicators.join(', '),
    regionsMatched: s.regionsMatched,
    unmatchedCount: s.regionsUnmatched.length,
    unmatched: s.regionsUnmatched.join(', '),
    periods: s.periods.join(', '),
    final: result.observations.filter((o) => o.status === 'final').length,
    preliminary: result.observations.filter((o) => o.status === 'preliminary').length,
    missingStatus: result.observations.filter((o) => o.status === 'missing').length,
    warnings: count('warning'),
    errors: count('error'),
  };
  return `${message('LOAD_SUMMARY', params, 'vi')}\n\n${message('LOAD_SUMMARY', params, 'en')}\n`;
}

/** One observation per line, so a large file stays readable and diffable. */
export function observationsJson(result: LoadResult): string {
  if (result.observations.length === 0) return '[]\n';
  return `[\n${result.observations.map((o) => '  ' + JSON.stringify(o)).join(',\n')}\n]\n`;
}

export const load: Command = async (args, io) => {
  const { positional, flags } = parseArgs(args, FLAGS);
  if (flags.help) {
    io.stdout(`${message('LOAD_USAGE', {}, 'vi')}\n\n${message('LOAD_USAGE', {}, 'en')}\n`);
    return 0;
  }
  const file = positional[0];
  if (!file) fail('CLI_MISSING_FILE', { command: 'load' });
  const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);
  let result: LoadResult;
  try {
    // A user's own indicator, defined by flags: the id is not in the catalogue and the flags say what it is.
    const id = str(flags.indicator);
    const defining = flags.name !== undefined || flags.kind !== undefined || flags.direction !== undefined;
    if (id !== undefined && (defining || (!isIndicatorId(id) && flags.unit !== undefined))) {
      const def = { id, unit: str(flags.unit), name: str(flags.name), kind: str(flags.kind), direction: str(flags.direction) };
      addIndicators([defineIndicator(Object.fromEntries(Object.entries(def).filter(([, v]) => v !== undefined)), file, '--indicator')]);
    }
    if (flags.stream === true) return await streamed(resolve(io.cwd, file), file, io);
    result = await readDataFile(resolve(io.cwd, file), {
      file,
      format: (str(flags.format) ?? 'auto') as DataFormat,
      indicator: str(flags.indicator),
      unit: str(flags.unit),
      period: str(flags.period),
      strict: flags.lenient !== true,
      // Districts of 2024 the registry does not list, as `chiso extract` writes them (`42-can-loc`).
      regions: district2024Region,
    });
  } catch (e) {
    if (!isChisoError(e)) throw e;
    // Past what is read at once, a summary comes from the streaming loader (not for --json: the rows
    // of a file that large are not printed).
    const large = e.diagnostics.find((d) => d.code === 'DATA_FILE_TOO_LARGE');
    if (large && flags.json !== true) {
      const params = { file, size: Math.round(statSync(resolve(io.cwd, file)).size / 2 ** 20), max: Math.round(FILE_LIMITS.loadBytes / 2 ** 20) };
      io.stderr(`${message('LOAD_STREAMING', params, 'vi')}\n${message('LOAD_STREAMING', params, 'en')}\n`);
      return await streamed(resolve(io.cwd, file), file, io);
    }
    printDiagnostics(io, e.diagnostics);
    const errors = e.diagnostics.filter((d) => d.level === 'error' && d.code !== 'DATA_MORE_ERRORS').length;
    if (errors > 1) io.stderr(`${message('LOAD_FAILED', { file, count: errors }, 'vi')}\n${message('LOAD_FAILED', { file, count: errors }, 'en')}\n`);
    return 1;
  }
  printDiagnostics(io, result.diagnostics);
  io.stdout(flags.json ? observationsJson(result) : summaryText(result));
  return 0;
};
