/**
 * `chiso render CONFIG.json|SPEC.vl.json --out DIR [--format svg,png] [--lang vi|en] [--scale N | --dpi N]
 * [--text fonts|outlines] [--for screen|print] [--bundle] [--allow-net] [--allow-path]`: one file per chart and format
 * (and with `--bundle` a ZIP per chart: rows, metadata, README, citation),
 * without a browser. Files are read only inside the input's folder (`--allow-path` lifts it for the
 * config's own paths), data URLs are fetched only with `--allow-net`; a chart that fails leaves the
 * others, and the batch ends with a summary of what failed. Progress goes to stderr: one line redrawn in
 * place on a terminal, one line per chart otherwise (logs, CI).
 */
import '../messages/render.js';
import { resolve, relative } from 'node:path';
import { fail, isChisoError } from '../errors.js';
import { message } from '../messages/index.js';
import { isLang, type Lang } from '../format/index.js';
import { exportCharts, isOutputFormat, OutputFormat, readRenderInput } from '../render/node/batch.js';
import { isTextMode, TextMode } from '../render/node/svg.js';
import { parseArgs } from './args.js';
import type { CliIO, Command } from './io.js';

const BAR = 24;

/** Draws progress on stderr; `end()` finishes the line on a terminal. */
export function progress(io: CliIO): { update: (done: number, total: number, id: string, ok: boolean) => void; end: () => void } {
  let drawn = false;
  return {
    update(done, total, id, ok) {
      const mark = ok ? '✓' : '✗';
      if (io.isTTY) {
        const filled = Math.round((done / total) * BAR);
        io.stderr(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${done}/${total} ${mark} ${id}`);
        drawn = true;
      } else {
        io.stderr(`[${done}/${total}] ${mark} ${id}\n`);
      }
    },
    end() {
      if (drawn) io.stderr('\n');
    },
  };
}

/** What the files are for: `print` sets text as outlines and PNGs at 300 dpi unless told otherwise. */
export const RenderPurpose = { screen: 'screen', print: 'print' } as const;
export type RenderPurpose = keyof typeof RenderPurpose;
function isRenderPurpose(value: unknown): value is RenderPurpose {
  return typeof value === 'string' && Object.hasOwn(RenderPurpose, value);
}

const FLAGS = { out: 'value', format: 'value', lang: 'value', scale: 'value', dpi: 'value', text: 'value', for: 'value', help: 'boolean', bundle: 'boolean', 'allow-net': 'boolean', 'allow-path': 'boolean' } as const;

export const render: Command = async (args, io) => {
  const { positional, flags } = parseArgs(args, FLAGS);
  if (flags.help) {
    io.stdout(`${message('RENDER_USAGE', {}, 'vi')}\n\n${message('RENDER_USAGE', {}, 'en')}\n`);
    return 0;
  }
  if (positional.length !== 1) fail('RENDER_NEEDS_INPUT');
  if (typeof flags.out !== 'string') fail('RENDER_NEEDS_OUT');
  const formats = String(flags.format ?? 'svg')
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  for (const f of formats) if (!isOutputFormat(f)) fail('RENDER_BAD_FORMAT', { value: f, allowed: Object.keys(OutputFormat).join(', ') });
  let lang: Lang | undefined;
  if (flags.lang !== undefined) {
    if (!isLang(flags.lang)) fail('RENDER_BAD_LANG', { value: String(flags.lang) });
    lang = flags.lang;
  }
  const purpose = flags.for ?? 'screen';
  if (!isRenderPurpose(purpose)) fail('RENDER_BAD_PURPOSE', { value: String(purpose), allowed: Object.keys(RenderPurpose).join(', ') });
  const text = flags.text ?? (purpose === 'print' ? 'outlines' : 'fonts');
  if (!isTextMode(text)) fail('RENDER_BAD_TEXT', { value: String(text), allowed: Object.keys(TextMode).join(', ') });
  if (flags.scale !== undefined && flags.dpi !== undefined) fail('RENDER_SCALE_AND_DPI');
  let dpi: number | undefined;
  if (flags.dpi !== undefined || (purpose === 'print' && flags.scale === undefined)) {
    dpi = flags.dpi === undefined ? 300 : Number(flags.dpi);
    if (!(dpi >= 72 && dpi <= 1200)) fail('RENDER_BAD_DPI', { value: String(flags.dpi) });
  }
  const scale = flags.scale === undefined ? undefined : Number(flags.scale);
  if (scale !== undefined && !(scale > 0 && scale <= 10)) fail('RENDER_BAD_SCALE', { value: String(flags.scale) });

  const path = resolve(io.cwd, positional[0]);
  const input = readRenderInput(path, positional[0]);
  const outDir = resolve(io.cwd, flags.out);
  const bar = progress(io);
  // Printed after the bar, so they do not break a line being redrawn.
  const warnings: string[] = [];
  const result = await exportCharts(input, {
    outDir,
    formats: formats as OutputFormat[],
    lang,
    scale,
    allowNet: flags['allow-net'] === true,
    allowPath: flags['allow-path'] === true,
    dpi,
    text,
    bundle: flags.bundle === true,
    onProgress: (done, total, id, ok) => bar.update(done, total, id, ok),
    onWarning: (text) => warnings.push(text),
  }).catch((e: unknown) => {
    bar.end();
    throw e;
  });
  bar.end();
  for (const w of warnings) io.stderr(`! ${w}\n`);
  for (const f of result.failures) {
    io.stderr(`✗ ${f.id}: ${isChisoError(f.error) ? f.error.message : String(f.error)}\n`);
  }
  if (result.failures.length) {
    const total = input.kind === 'config' ? input.config.charts.length : 1;
    const params = { failed: result.failures.length, total, ids: result.failures.map((f) => f.id).join(', ') };
    io.stderr(`${message('RENDER_BATCH_SUMMARY', params, 'vi')} / ${message('RENDER_BATCH_SUMMARY', params, 'en')}\n`);
  }
  const dir = relative(io.cwd, outDir) || '.';
  io.stderr(`${message('RENDER_WROTE', { count: result.files.length, dir }, 'vi')} / ${message('RENDER_WROTE', { count: result.files.length, dir }, 'en')}\n`);
  for (const file of result.files) io.stdout(relative(io.cwd, file) + '\n');
  return result.failures.length ? 1 : 0;
};
