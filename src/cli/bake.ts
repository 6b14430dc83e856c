/**
 * `chiso bake PAGE.html --out DIR [--root DIR] [--width N] [--lang vi|en]`: the page with every chiso
 * element drawn into it (SVG, description, data table), and the stylesheet it links to, written to
 * DIR. Progress goes to stderr, one line per element (redrawn in place on a terminal).
 */
import '../messages/render.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fail } from '../errors.js';
import { message } from '../messages/index.js';
import { isLang, type Lang } from '../format/index.js';
import { bakePage } from '../render/node/bake.js';
import { parseArgs } from './args.js';
import { progress } from './render.js';
import type { Command } from './io.js';

const FLAGS = { out: 'value', root: 'value', width: 'value', lang: 'value', help: 'boolean' } as const;

export const bake: Command = async (args, io) => {
  const { positional, flags } = parseArgs(args, FLAGS);
  if (flags.help) {
    io.stdout(`${message('BAKE_USAGE', {}, 'vi')}\n\n${message('BAKE_USAGE', {}, 'en')}\n`);
    return 0;
  }
  if (positional.length !== 1) fail('BAKE_NEEDS_INPUT');
  if (typeof flags.out !== 'string') fail('RENDER_NEEDS_OUT');
  let lang: Lang | undefined;
  if (flags.lang !== undefined) {
    if (!isLang(flags.lang)) fail('RENDER_BAD_LANG', { value: String(flags.lang) });
    lang = flags.lang;
  }
  const width = flags.width === undefined ? undefined : Number(flags.width);
  if (width !== undefined && !(width >= 120 && width <= 4000)) fail('BAKE_BAD_NUMBER', { attr: '--width', value: String(flags.width) });
  const path = resolve(io.cwd, positional[0]);
  const root = resolve(io.cwd, typeof flags.root === 'string' ? flags.root : '.');
  let html: string;
  try {
    html = readFileSync(path, 'utf8');
  } catch {
    fail('RENDER_FILE_NOT_FOUND', { path: positional[0] });
  }
  const page = '/' + relative(root, path).split('\\').join('/');
  const bar = progress(io);
  const result = await bakePage(html, {
    root,
    page,
    file: positional[0],
    width,
    lang,
    onProgress: (done, total, tag, line) => bar.update(done, total, `<${tag}> ${positional[0]}:${line}`, true),
  }).finally(() => bar.end());
  const outDir = resolve(io.cwd, flags.out);
  mkdirSync(outDir, { recursive: true });
  const outPage = join(outDir, basename(path));
  writeFileSync(outPage, result.html);
  writeFileSync(join(outDir, result.stylesheet), result.css);
  const file = relative(io.cwd, outPage);
  io.stderr(`${message('BAKE_WROTE', { count: result.elements, file }, 'vi')} / ${message('BAKE_WROTE', { count: result.elements, file }, 'en')}\n`);
  io.stdout(`${file}\n${relative(io.cwd, join(outDir, result.stylesheet))}\n`);
  return 0;
};
