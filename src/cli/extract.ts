/**
 * `chiso extract FILE|DIR [--json | --format text|json|tidy-json|tidy-csv] [--region CODE] [--period P]
 * [--input auto|text|html] [--min-confidence N] [--unquantified] [--corrections FILE | --no-corrections]
 * [--review out.html]`
 *
 * Reads a report (or every .txt/.html report in a folder, with progress on stderr), extracts its
 * indicator observations and, when `<FILE>.corrections.json` exists next to it, applies the
 * analyst's corrections. `--review` writes a page for checking each figure and saving corrections. `json` keeps provenance (offsets, confidence,
 * reason); `tidy-json` and `tidy-csv` carry only the observation's fields. All three load with
 * `chiso load`.
 */
import '../messages/extract.js';
import '../messages/cli.js';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { diagnostic, fail, formatDiagnostic } from '../errors.js';
import { formatCsv } from '../data/csv-format.js';
import { correctionsTemplate, type ExtractedObservation } from '../extract/index.js';
import { correctionsPathFor, extractFile } from '../extract/read-file.js';
import { OBSERVATION_COLUMNS, type Observation } from '../types.js';
import { parseArgs } from './args.js';
import { reviewPage, type ReviewedReport } from './review.js';
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
  review: 'value',
  help: 'boolean',
} as const;

const HELP = `chiso extract FILE|THƯ_MỤC [tuỳ chọn / options]
  Trích số liệu chỉ số từ báo cáo (văn bản hoặc HTML, hoặc mọi tệp .txt/.html trong thư mục), kèm trích dẫn và vị trí.
  Extracts indicator observations from a report (text or HTML, or every .txt/.html file in a folder), with quotes and offsets.

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
  --review out.html           trang duyệt từng số liệu (chấp nhận/sửa/loại, lưu tệp hiệu chỉnh) / a page to review
                              each figure (accept/correct/reject, save the corrections file); writes out.js, out.css beside it
`;

/** Report files in a folder, in name order: the formats the extractor reads. */
function reportsIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.(?:txt|html?)$/iu.test(f)).sort().map((f) => join(dir, f));
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
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    // A missing file is reported by the reader, with its name.
  }
  const paths = isDir ? reportsIn(path) : [path];
  const explicit = flags.corrections as string | undefined;
  const all: ExtractedObservation[] = [];
  const reviewed: ReviewedReport[] = [];
  const templates: unknown[] = [];
  let index = 0;
  for (const one of paths) {
    index++;
    // The source names the file as the user gave it, relative to where they stand.
    const source = relative(io.cwd, one) || file;
    const result = extractFile(one, {
      file: source,
      format: flags.input as 'auto' | 'text' | 'html' | undefined,
      region: flags.region as string | undefined,
      period: flags.period as string | undefined,
      minConfidence,
      unquantified: flags.unquantified === true,
      corrections: flags['no-corrections'] ? false : explicit && !isDir ? resolve(io.cwd, explicit) : undefined,
      correctionsName: explicit && !isDir ? explicit : relative(io.cwd, correctionsPathFor(one)),
    });
    const { extraction, observations, warnings } = result;
    all.push(...observations);
    reviewed.push({ report: basename(one), correctionsPath: relative(io.cwd, correctionsPathFor(one)) || correctionsPathFor(one), text: extraction.text, observations });
    templates.push(correctionsTemplate(observations, basename(one)));
    for (const w of warnings) io.stderr(formatDiagnostic(w) + '\n');
    if (flags.skipped) {
      for (const s of extraction.skipped) io.stderr(`  [${s.start}-${s.end}] “${s.text.replace(/\s+/g, ' ')}”: ${s.why}\n`);
    }
    const r = extraction.report;
    const correctionsName = result.corrections ? relative(io.cwd, result.corrections) || result.corrections : null;
    const summary = diagnostic('EXTRACT_SUMMARY', {
      count: observations.length,
      region: r.region ?? '?',
      period: r.period ?? '?',
      rejected: result.rejected.length,
      corrections: correctionsName ?? '-',
      skipped: extraction.skipped.length,
    }, { file: source }, 'warning');
    const line = formatDiagnostic(summary).replace(/ \[EXTRACT_SUMMARY\]/g, '');
    // A folder shows its progress: one numbered line per report as it is read.
    io.stderr(isDir ? `[${index}/${paths.length}] ${line}\n` : `${line}\n`);
  }

  switch (output) {
    case 'json':
      io.stdout(JSON.stringify(all, null, 2) + '\n');
      break;
    case 'tidy-json':
      io.stdout(JSON.stringify(all.map(tidy), null, 2) + '\n');
      break;
    case 'tidy-csv':
      io.stdout(formatCsv([OBSERVATION_COLUMNS, ...all.map((o) => OBSERVATION_COLUMNS.map((k) => o[k]))], { lineEnd: '\n', bom: false }));
      break;
    case 'text':
      io.stdout(textTable(all));
      break;
    case 'corrections':
      io.stdout(JSON.stringify(isDir ? templates : templates[0], null, 2) + '\n');
      break;
  }
  if (typeof flags.review === 'string') {
    const out = resolve(io.cwd, flags.review);
    const base = basename(out, extname(out));
    const page = reviewPage(reviewed, base);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, page.html);
    writeFileSync(join(dirname(out), `${base}.js`), page.js);
    writeFileSync(join(dirname(out), `${base}.css`), page.css);
    io.stderr(`review: ${relative(io.cwd, out) || out} (${all.length})\n`);
  }
  return 0;
};
