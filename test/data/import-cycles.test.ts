// The layers import downwards only; a module loop (gso.ts <-> wide.ts once) makes load order matter.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Runtime imports of a module (type-only imports vanish at build time, so they make no loop). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)) {
    if (m[1]) continue;
    out.push(resolve(dirname(file), m[2].replace(/\.js$/, '.ts')));
  }
  return out;
}

/** The import loops among `modules`: strongly connected groups of more than one module (Tarjan). */
function loops(modules: string[]): string[][] {
  const graph = new Map(modules.map((m) => [m, imports(m).filter((d) => d !== m)]));
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w.slice(SRC.length));
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const m of modules) if (!idx.has(m)) visit(m);
  return found;
}

describe('import loops', () => {
  it('src/data has none (gso.ts reads wide tables through wide.ts, never the other way)', () => {
    expect(loops(files(join(SRC, 'data')))).toEqual([]);
    expect(imports(join(SRC, 'data/wide.ts')).some((f) => f.endsWith('gso.ts'))).toBe(false);
  });

  it('src as a whole has none', () => {
    expect(loops(files(SRC))).toEqual([]);
  });
});
