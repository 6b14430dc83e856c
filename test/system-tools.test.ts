// Every program a test runs by name must be one that `npm test` and `.ci/run` install on a bare machine
// (scripts/system-tools.mjs). A tool called but not listed passes only where someone installed it by
// hand, and fails on the next fresh machine.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_TOOLS, missingTools } from '../scripts/system-tools.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Programs every Debian system has (util-linux is essential) or that the project itself brings.
const ALWAYS_THERE = new Set(['runuser', 'node', 'npm', 'npx']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f === 'screenshots') return [];
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mjs|js)$/.test(f) ? [p] : [];
  });
}

/** The program names test code passes as a string literal to execFile/spawn (sync or not). */
export function calledPrograms(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\b(?:execFileSync|execFile|spawnSync|spawn)\(\s*(?:[^,()]*\?\s*)?'([^']+)'/g)) found.push(m[1]);
  return found;
}

describe('system programs the tests call', () => {
  const listed = new Set(SYSTEM_TOOLS.flatMap((t) => t.commands));

  test('the scanner sees a literal program name, also behind a condition', () => {
    expect(calledPrograms("execFileSync('pdfinfo', [file])")).toEqual(['pdfinfo']);
    expect(calledPrograms("spawnSync(root ? 'runuser' : x, [])")).toEqual(['runuser']);
    expect(calledPrograms('execFileSync(process.execPath, [])')).toEqual([]);
    expect(calledPrograms("execFileSync(\n  'rsvg-convert', ['-o', png])")).toEqual(['rsvg-convert']);
  });

  test('each one is installed by scripts/system-tools.mjs, or is always there', () => {
    const unlisted: string[] = [];
    for (const file of files(join(ROOT, 'test'))) {
      for (const name of calledPrograms(readFileSync(file, 'utf8'))) {
        // A path (node_modules/.bin/…) is the project's own program, not the system's.
        if (!name.includes('/') && !listed.has(name) && !ALWAYS_THERE.has(name)) unlisted.push(`${relative(ROOT, file)}: ${name}`);
      }
    }
    expect(unlisted).toEqual([]);
  });

  test('npm test found them all on this machine before the tests ran', () => {
    expect(missingTools().map((t) => t.name)).toEqual([]);
  });
});
