/**
 * `chiso extract FILE [--json | --format text|json|tidy-json|tidy-csv] [--region CODE] [--period P]
 * [--input auto|text|html] [--min-confidence N] [--unquantified] [--corrections FILE | --no-corrections]`
 *
 * Reads a report, extracts its indicator observations and, when `<FILE>.corrections.json` exists
 * next to it, applies the analyst's corrections. `json` keeps provenance (offsets, confidence,
 * reason); `tidy-json` and `tidy-csv` carry only the observation's fields. All three load with
 * `chiso load`.
 */
import { basename, relative, resolve } from 'node:path';
import { diagnostic, fail, formatDiagnostic } from '../errors.js';
import { correctionsTemplate, type ExtractedObservation } from '../extract/index.js';
import { correctionsPathFor, extractFile } from '../extract/read-file.js';
import { OBSERVATION_COLUMNS, type Observation } from '../types.js';
import { parseArgs } from './args.js';
import type { Command } from './io.js';

export const ExtractOutput = { text: 'text', json: 'json', 'tidy-json': 'tidy-json', 'tidy-csv': 'tidy-csv', corrections: 'corrections' } as const;
export type ExtractOutput = keyof typeof ExtractOutput;
export function isExtractOutput(value: unknown): value is ExtractOutput {
  return typeof value === 'string' && Object.hasOwn(ExtractOutput, value);
}

const FLAGS = {
  json: 'boolean',
  format: 'value',
  input: 'value',
  region: 'value',
  period: 'value',
  'min-confidence': 'value',
  corrections: 'value',
  'no-corrections': 'boolean',
  unquantified: 'boolean',
  skipped: 'boolean',
  help: 'boolean',
} as const;

const HELP = `chiso extract FILE [tuỳ chọn / options]
  Trích số liệu chỉ số từ báo cáo (văn bản hoặc HTML), kèm trích dẫn và vị trí.
  Extracts indicator observations from a report (text or HTML), with quotes and offsets.

  --json                      = --format json
  --format text|json|tidy-json|tidy-csv|corrections
                              text: danh sách dễ đọc / a readable list (default)
                              json: quan sát kèm vị trí, độ tin cậy, lý do / observations with offsets, confidence, reason
                              tidy-json, tidy-csv: chỉ các trường quan sát / observation fields only (for chiso load)
                              corrections: tệp hiệu chỉnh mẫu, mọi số liệu "accept" / a corrections file to start from
  --input auto|text|html      định dạng báo cáo / report format (default auto)
  --region CODE               địa bàn của báo cáo / the report's own region (registry id: 42, 42-duc-tho)
  --period YEAR               kỳ của báo cáo / the report's own period (2022, 2021-2023, 2024-05-07)
  --min-confidence N          bỏ số liệu có độ tin cậy dưới N / drop observations below N (0..1)
  --unquantified              giữ "hàng trăm ..." với giá trị rỗng / keep "hàng trăm ..." with an empty value
  --skipped                   liệt kê các con số không trích và lý do (stderr) / list the numbers passed over and why (stderr)
  --corrections FILE          tệp hiệu chỉnh / corrections file (default FILE.corrections.json when it exists)
  --no-corrections            không áp dụng hiệu chỉnh / apply no corrections
`;

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused with `'`. */
function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function tidy(o: ExtractedObservation): Observation {
  const out = {} as Record<string, unknown>;
  for (const k of OBSERVATION_COLUMNS) out[k] = o[k];
  return out as unknown as Observation;
}

function textTable(observations: ExtractedObservation[]): string {
  const lines = observations.map((o) => {
    const q = o.qualifier ?? '';
    const v = o.denominator !== null ? `${o.value}/${o.denominator}` : String(o.value);
    return [
      `${o.indicator}${o.series ? `[${o.series}]` : ''}  ${o.region}  ${o.period}  ${q}${v} ${o.unit}  (${o.confidence.toFixed(2)}${o.corrected ? ', đã sửa / corrected' : ''})`,
      `    “${o.quote.replace(/\s+/g, ' ')}” [${o.start}-${o.end}]`,
      `    ${o.reason}`,
    ].join('\n');
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export const extract: Command = async (args, io) => {
  const { positional, flags } = parseArgs(args, FLAGS);
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positional.length !== 1) fail('CLI_MISSING_FILE', { command: 'extract' });
  const file = positional[0];
  const path = resolve(io.cwd, file);
  const output = flags.json ? 'json' : (flags.format as string | undefined) ?? 'text';
  if (!isExtractOutput(output)) fail('EXTRACT_BAD_OUTPUT', { value: output, allowed: Object.keys(ExtractOutput).join(', ') });
  let minConfidence: number | undefined;
  if (flags['min-confidence'] !== undefined) {
    minConfidence = Number(flags['min-confidence']);
    if (!Number.isFinite(minConfidence)) fail('EXTRACT_BAD_CONFIDENCE', { value: String(flags['min-confidence']) });
  }
  // The source names the file as the user gave it, relative to where they stand.
  const source = relative(io.cwd, path) || file;
  const explicit = flags.corrections as string | undefined;
  const result = extractFile(path, {
    file: source,
    format: flags.input as 'auto' | 'text' | 'html' | undefined,
    region: flags.region as string | undefined,
    period: flags.period as string | undefined,
    minConfidence,
    unquantified: flags.unquantified === true,
    corrections: flags['no-corrections'] ? false : explicit ? resolve(io.cwd, explicit) : undefined,
    correctionsName: explicit ?? relative(io.cwd, correctionsPathFor(path)),
  });
  const { extraction, observations, warnings } = result;
  const rejected = result.rejected.length;
  const correctionsName = result.corrections ? relative(io.cwd, result.corrections) || result.corrections : null;

  switch (output) {
    case 'json':
      io.stdout(JSON.stringify(observations, null, 2) + '\n');
      break;
    case 'tidy-json':
      io.stdout(JSON.stringify(observations.map(tidy), null, 2) + '\n');
      break;
    case 'tidy-csv':
      io.stdout([OBSERVATION_COLUMNS.join(','), ...observations.map((o) => OBSERVATION_COLUMNS.map((k) => csvCell(o[k])).join(','))].join('\n') + '\n');
      break;
    case 'text':
      io.stdout(textTable(observations));
      break;
    case 'corrections':
      io.stdout(JSON.stringify(correctionsTemplate(observations, basename(path)), null, 2) + '\n');
      break;
  }
  for (const w of warnings) io.stderr(formatDiagnostic(w) + '\n');
  if (flags.skipped) {
    for (const s of extraction.skipped) io.stderr(`  [${s.start}-${s.end}] “${s.text.replace(/\s+/g, ' ')}”: ${s.why}\n`);
  }
  const r = extraction.report;
  const summary = diagnostic('EXTRACT_SUMMARY', {
    count: observations.length,
    region: r.region ?? '?',
    period: r.period ?? '?',
    rejected,
    corrections: correctionsName ?? '-',
    skipped: extraction.skipped.length,
  }, { file: source }, 'warning');
  io.stderr(`${formatDiagnostic(summary).replace(/ \[EXTRACT_SUMMARY\]/g, '')}\n`);
  return 0;
};
