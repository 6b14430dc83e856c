/**
 * `chiso` command line: node-only entry (`chiso/cli`). Each command lives in a file of its own and
 * returns its exit code; `main` turns errors into the bilingual message and exit code 1.
 */
import { isChisoError, fail } from '../errors.js';
import { processIO, type CliIO, type Command } from './io.js';

export type { CliIO, Command } from './io.js';

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  load: {
    summary: 'load FILE [--format auto|tidy|wide|gso] [--indicator ID] [--unit UNIT] [--json]   đọc và kiểm tra dữ liệu / read and validate data',
    load: async () => (await import('./load.js')).load,
  },
  render: {
    summary: 'render CONFIG.json|SPEC.vl.json --out DIR [--format svg,png] [--lang vi|en] [--scale N] [--allow-net] [--allow-path]   xuất biểu đồ / export charts',
    load: async () => (await import('./render.js')).render,
  },
  extract: {
    summary: 'extract FILE.txt|FILE.html [--json | --format text|json|tidy-json|tidy-csv] [--region CODE] [--period YEAR] [--no-corrections]   trích số liệu từ báo cáo / extract figures from a report',
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
  ].join('\n');
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 1;
  }
  try {
    const entry = commands[name];
    if (!entry) fail('CLI_UNKNOWN_COMMAND', { command: name, known: Object.keys(commands).join(', ') });
    const command = await entry.load();
    return await command(rest, io);
  } catch (e) {
    if (isChisoError(e)) {
      io.stderr(e.message + '\n');
      return 1;
    }
    throw e;
  }
}
