// Every system program a test calls, with the Debian package that brings it. `npm test` (and `.ci/run`)
// checks them all before anything runs and, as root, installs the missing ones in one apt-get call, so a
// bare Debian machine passes with nothing installed by hand. Add a row here when a test calls a new tool.
import { existsSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));

function postgresBin() {
  if (process.env.CHISO_PG_BIN) return process.env.CHISO_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const v = readdirSync(root).filter((d) => existsSync(join(root, d, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))[0];
  return v ? join(root, v, 'bin') : null;
}

export function findChromium() {
  return [process.env.CHISO_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean).find((p) => existsSync(p)) ?? null;
}

/**
 * What the tests call: `commands` are the programs test code runs by name (test/system-tools.test.ts
 * checks that every one is listed); `skip` names the variable that skips its tests on purpose.
 */
export const SYSTEM_TOOLS = [
  { name: 'chromium', pkg: 'chromium', commands: [], found: () => findChromium() !== null, usedBy: 'browser tests (playwright-core)' },
  { name: 'PostgreSQL', pkg: 'postgresql', commands: ['initdb', 'pg_ctl'], found: () => postgresBin() !== null, usedBy: 'test/sql (a throwaway server)', skip: 'CHISO_SKIP_POSTGRES' },
  { name: 'rsvg-convert', pkg: 'librsvg2-bin', commands: ['rsvg-convert'], found() { return this.commands.every(onPath); }, usedBy: 'test/render/outlines.test.ts (SVG in librsvg)' },
  { name: 'Inkscape', pkg: 'inkscape', commands: ['inkscape'], found() { return this.commands.every(onPath); }, usedBy: 'test/render/outlines.test.ts (SVG in Inkscape)' },
  { name: 'mkfifo', pkg: 'coreutils', commands: ['mkfifo'], found() { return this.commands.every(onPath); }, usedBy: 'test/data/cli-load.test.ts (a FIFO refused)' },
  { name: 'pdfinfo, pdftoppm, pdftotext', pkg: 'poppler-utils', commands: ['pdfinfo', 'pdftoppm', 'pdftotext'], found() { return this.commands.every(onPath); }, usedBy: 'test/examples/report.test.ts, test/examples/print.test.ts' },
];

export function missingTools() {
  return SYSTEM_TOOLS.filter((t) => !t.found() && !(t.skip && process.env[t.skip] === '1'));
}

/** Installs what is missing (as root), or says how to; returns true when every tool is here. */
export function ensureSystemTools({ log = (m) => process.stderr.write(m + '\n') } = {}) {
  let missing = missingTools();
  if (!missing.length) return true;
  const pkgs = [...new Set(missing.map((t) => t.pkg))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    log(`chiso: installing Debian packages the tests call: ${pkgs.join(' ')} (apt-get)…`);
    try {
      execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs.join(' ')}`, { stdio: 'inherit' });
    } catch {
      log('chiso: apt-get failed / apt-get lỗi');
    }
    missing = missingTools();
    if (!missing.length) return true;
  }
  const names = [...new Set(missing.map((t) => t.pkg))].join(' ');
  log(
    [
      `chiso: thiếu chương trình mà kiểm thử cần: ${missing.map((t) => `${t.name} (${t.usedBy})`).join('; ')}.`,
      `       Cài bằng:  sudo apt-get update && sudo apt-get install -y ${names}`,
      `chiso: the tests call programs that are not installed: ${missing.map((t) => `${t.name} (${t.usedBy})`).join('; ')}.`,
      `       Install them:  sudo apt-get update && sudo apt-get install -y ${names}`,
      ...missing.filter((t) => t.skip).map((t) => `       (or set ${t.skip}=1 to skip the tests of ${t.name} on purpose)`),
    ].join('\n'),
  );
  return false;
}

// `node scripts/system-tools.mjs`: the same check, for .ci/run.
if (import.meta.url === `file://${process.argv[1]}`) process.exit(ensureSystemTools() ? 0 : 1);
