import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Every module a file pulls in statically, followed through relative imports. */
function imports(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const text = readFileSync(entry, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)]
    .filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0]))
    .map((m) => m[1]);
  seen.set(entry, specifiers);
  for (const s of specifiers) if (s.startsWith('.')) imports(resolve(dirname(entry), s.replace(/\.js$/, '.ts')), seen);
  return seen;
}

describe('src/render boundary', () => {
  it('the browser-safe index reaches no file system, font parser, subsetter or resvg', () => {
    const graph = imports(resolve('src/render/index.ts'));
    const bad = [...graph].flatMap(([file, specs]) =>
      specs.filter((s) => /^node:|^fs$|^path$|fontkit|subset-font|@resvg|\/node\//.test(s)).map((s) => `${file} -> ${s}`),
    );
    expect(bad).toEqual([]);
    expect(graph.size).toBeGreaterThan(3);
  });
});
