// The eval-free executor is what a portal page under a strict Content-Security-Policy runs: neither it
// nor anything it imports may call eval/Function or load Arquero (whose verbs compile with Function).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The executor module and every project module it imports, followed transitively. */
function closure(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else seen.set(`package:${spec}`, '');
    }
  };
  visit(entry);
  return seen;
}

describe('eval-free executor', () => {
  const modules = closure(resolve(root, 'src/query/execute.ts'));

  it('reaches the shared query modules (the scan is real)', () => {
    const names = [...modules.keys()].map((f) => f.replace(root + '/', ''));
    expect(names).toContain('src/query/execute.ts');
    expect(names).toContain('src/query/merge.ts');
    expect(names).toContain('src/query/validate.ts');
  });

  it('never imports arquero, directly or through its imports', () => {
    const packages = [...modules.keys()].filter((k) => k.startsWith('package:'));
    expect(packages.filter((p) => p.includes('arquero'))).toEqual([]);
    for (const [file, text] of modules) expect(text, file).not.toMatch(/['"]arquero['"]/);
  });

  it('never calls Function( or eval(', () => {
    for (const [file, text] of modules) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\bFunction\s*\(/);
      expect(code, file).not.toMatch(/\beval\s*\(/);
    }
  });

  it('runs with Function and eval taken away', async () => {
    const saved = { Function: globalThis.Function, eval: globalThis.eval };
    const trap = () => {
      throw new Error('eval is forbidden here');
    };
    const { executeQuery } = await import('../../src/query/execute.js');
    const rows = [
      { indicator: 'poverty_rate', region: '42', period: '2010', value: 20, series: null },
      { indicator: 'poverty_rate', region: '42', period: '2012', value: 15, series: null },
    ];
    try {
      (globalThis as Record<string, unknown>).eval = trap;
      (globalThis as Record<string, unknown>).Function = trap;
      const out = executeQuery(rows, { derive: [{ op: 'change' }, { op: 'rank' }, { op: 'summarize', by: ['region'], measures: { m: { fn: 'mean', column: 'change' } } }] });
      expect(out).toEqual([{ region: '42', m: -5 }]);
    } finally {
      globalThis.Function = saved.Function;
      globalThis.eval = saved.eval;
    }
  });
});

describe('entries a strict-CSP page may import', () => {
  // chiso/query holds the spec and the eval-free executor; Arquero has its own entry, chiso/arquero.
  it.each(['src/query/index.ts', 'src/components/core/view-query.ts'])('%s never imports arquero', (entry) => {
    const modules = closure(resolve(root, entry));
    expect(modules.size).toBeGreaterThan(3);
    expect([...modules.keys()].filter((k) => k.includes('arquero'))).toEqual([]);
  });

  it('the Arquero entry does (so the test above can fail)', () => {
    expect([...closure(resolve(root, 'src/arquero.ts')).keys()]).toContain('package:arquero');
  });
});
