// The public surface is deliberate: each entry of package.json `exports` exports exactly the names
// committed in api/entries.json. A name added or removed by accident fails here; after a deliberate
// change, `node scripts/api-names.mjs --write` rewrites the lists for review.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without declarations
import { exportedNames, readEntries } from '../../scripts/api-names.mjs';

interface Entry {
  source: string;
  names: string[];
}
const root = join(import.meta.dirname, '../..');
const entries = readEntries() as Record<string, Entry>;
const names = exportedNames as (file: string) => string[];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, string | { types?: string }> };

describe('api/entries.json', () => {
  it('lists every entry of package.json exports, and only those', () => {
    const exported = Object.entries(pkg.exports)
      .filter(([, v]) => typeof v === 'object')
      .map(([k, v]) => [k === '.' ? 'chiso' : `chiso/${k.slice(2)}`, (v as { types: string }).types] as const);
    expect(exported.map(([k]) => k).sort()).toEqual(Object.keys(entries).sort());
    for (const [k, types] of exported) {
      expect(types, k).toBe(`./${entries[k].source.replace(/^src\//, 'dist/').replace(/\.ts$/, '.d.ts')}`);
      expect(existsSync(join(root, entries[k].source)), entries[k].source).toBe(true);
    }
  });

  it.each(Object.entries(entries))('%s exports exactly its committed names', (_, e) => {
    expect(names(e.source)).toEqual(e.names);
  });

  it('keeps the root entry small: about forty names a user needs first', () => {
    expect(entries.chiso.names.length).toBeLessThanOrEqual(45);
    for (const n of ['loadObservations', 'validateQuery', 'executeQuery', 'chart', 'describe', 'formatValue', 'getRegion', 'getIndicator', 'ChisoError', 'Connector']) {
      expect(entries.chiso.names).toContain(n);
    }
    // Arquero has its own entry: the root never loads it (a strict-CSP page may import the root).
    expect(entries.chiso.names).not.toContain('runQuery');
    expect(entries['chiso/arquero'].names).toEqual(['ArqueroConnector', 'ArqueroConnectorOptions', 'runQuery']);
  });

  // The names read from the sources include every value the module really exports.
  it.each(Object.entries(entries).filter(([k]) => !['chiso/components', 'chiso/cli'].includes(k)))('%s: every runtime export is listed', async (_, e) => {
    const mod = (await import(join(root, e.source))) as Record<string, unknown>;
    for (const k of Object.keys(mod)) expect(e.names, k).toContain(k);
  });
});
