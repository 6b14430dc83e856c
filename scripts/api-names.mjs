/**
 * The names each public entry exports, read from the TypeScript sources: `export { a, type B } from`,
 * `export type { C } from`, `export * from` (followed), and `export const|function|class|interface|
 * type|enum` declarations. api/entries.json holds the committed lists; test/api/entries.test.ts checks
 * them, and `node scripts/api-names.mjs --write` rewrites them after a deliberate change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRIES_FILE = join(root, 'api', 'entries.json');

const strip = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** The exported names of a source module (path relative to the repository), sorted. */
export function exportedNames(file, seen = new Set()) {
  const abs = join(root, file);
  if (seen.has(abs)) return [];
  seen.add(abs);
  const text = strip(readFileSync(abs, 'utf8'));
  const names = new Set();
  const resolve = (spec) => relative(root, join(dirname(abs), spec.replace(/\.js$/, '.ts')));
  for (const m of text.matchAll(/^export\s+\*\s+from\s+'([^']+)'/gm)) for (const n of exportedNames(resolve(m[1]), seen)) names.add(n);
  for (const m of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) {
      const words = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/);
      const name = words[words.length - 1].trim();
      if (name) names.add(name);
    }
  }
  for (const m of text.matchAll(/^export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:const|let|function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  return [...names].sort();
}

/** The committed entries: name -> { source, names }. */
export function readEntries() {
  return JSON.parse(readFileSync(ENTRIES_FILE, 'utf8'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const entries = readEntries();
  for (const e of Object.values(entries)) e.names = exportedNames(e.source);
  if (process.argv.includes('--write')) writeFileSync(ENTRIES_FILE, JSON.stringify(entries, null, 2) + '\n');
  for (const [k, e] of Object.entries(entries)) console.log(`${k}: ${e.names.length} names`);
}
