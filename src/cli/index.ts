/**
 * `chiso` command line: node-only entry (`chiso/cli`). Each command lives in a file of its own and
 * returns its exit code; `main` turns errors into the bilingual message and exit code 1.
 */
import '../messages/cli.js';
import { readFileSync } from 'node:fs';
import { isChisoError, fail, formatDiagnostic } from '../errors.js';
import { processIO, type CliIO, type Command } from './io.js';

export type { CliIO, Command } from './io.js';

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  load: {
    summary:
      'load FILE [--format auto|csv|tidy|wide|gso|json|arrow] [--indicator ID] [--unit UNIT] [--period P] [--json] [--lenient]\n' +
      '      đọc và kiểm tra dữ liệu / read and validate data',
    load: async () => (await import('./load.js')).load,
  },
  render: {
    summary:
      'render CONFIG.json|SPEC.vl.json --out DIR [--format svg,png] [--lang vi|en] [--for screen|print] [--text fonts|outlines] [--dpi N | --scale N] [--allow-net] [--allow-path]\n' +
      '      xuất biểu đồ / export charts',
    load: async () => (await import('./render.js')).render,
  },
  bake: {
    summary:
      'bake PAGE.html --out DIR [--root DIR] [--width N] [--lang vi|en]\n' +
      '      vẽ sẵn biểu đồ vào trang, đọc được khi không có JavaScript / bake charts into a page, readable without JavaScript',
    load: async () => (await import('./bake.js')).bake,
  },
  extract: {
    summary:
      'extract FILE.txt|FILE.html [--json | --format text|json|tidy-json|tidy-csv|corrections] [--region CODE] [--period YEAR] [--no-corrections]\n' +
      '      trích số liệu từ báo cáo / extract figures from a report',
    load: async () => (await import('./extract.js')).extract,
  },
};

export function usage(): string {
  return [
    'chiso — chỉ số: dữ liệu chỉ số Việt Nam thành biểu đồ / Vietnamese indicator data to charts',
    '',
    'Lệnh / Commands:',
    ...Object.values(commands).map((c) => `  chiso ${c.summary}`),
    '',
    'Mỗi lệnh có --help riêng: chiso render --help / Each command has its own --help: chiso render --help',
    'chiso --version: phiên bản / the version',
    '',
  ].join('\n');
}

/** The package's version, from its package.json (two levels up from src/cli and dist/cli alike). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`chiso ${version()}\n`);
    return 0;
  }
  try {
    const entry = commands[name];
    if (!entry) fail('CLI_UNKNOWN_COMMAND', { command: name, known: Object.keys(commands).join(', ') });
    const command = await entry.load();
    return await command(rest, io);
  } catch (e) {
    if (isChisoError(e)) {
      // Every problem at once (a configuration with three mistakes needs one run, not three).
      io.stderr(e.diagnostics.map((d) => formatDiagnostic(d)).join('\n') + '\n');
      return 1;
    }
    throw e;
  }
}
