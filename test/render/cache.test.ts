// chiso's cache on disk (src/render/node/cache.ts): entries come back as written or not at all; a
// damaged entry, a folder that cannot be written and the cache turned off all give the same bytes
// as a warm cache. The Vega of a chart shape set aside and filled again is Vega-Lite's own compile,
// over Vega-Lite's example gallery and the cases its merging of equal data makes delicate. The
// spawned CLI (its one-script bundle, with V8's code cache) writes the same files warm, cold, off
// and over a damaged cache.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { cacheDir, cacheKey, readCache, writeCache } from '../../src/render/node/cache.js';
import { compileVegaLite } from '../../src/render/node/vega.js';
import { renderSvg } from '../../src/render/node/svg.js';
import { clearSubsetCache } from '../../src/render/node/fonts.js';
import { cachedObservations } from '../../src/render/node/observations.js';
import { readDataFile } from '../../src/data/read-file.js';
import { snapshots } from './snapshots.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'chiso-cache-test-'));
let n = 0;
const freshDir = () => join(scratch, `cache-${n++}`);
const saved = { dir: process.env.CHISO_CACHE_DIR, off: process.env.CHISO_CACHE };

function useCache(dir: string | 'off'): void {
  delete process.env.CHISO_CACHE;
  delete process.env.CHISO_CACHE_DIR;
  if (dir === 'off') process.env.CHISO_CACHE = '0';
  else process.env.CHISO_CACHE_DIR = dir;
}

afterEach(() => {
  for (const [name, value] of [['CHISO_CACHE_DIR', saved.dir], ['CHISO_CACHE', saved.off]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every entry file under a cache folder. */
function entries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => f.endsWith('.bin') && statSync(f).isFile());
}

/** Damages every entry: one byte of its content flipped. */
function damage(dir: string): void {
  for (const f of entries(dir)) {
    const bytes = readFileSync(f);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(f, bytes);
  }
}

describe('the cache folder', () => {
  it('gives back what was written, under its key only', () => {
    useCache(freshDir());
    const key = cacheKey('test', 'a');
    writeCache('test', key, Buffer.from('nội dung'));
    expect(readCache('test', key)?.toString('utf8')).toBe('nội dung');
    expect(readCache('test', cacheKey('test', 'b'))).toBeUndefined();
    expect(readCache('other', key)).toBeUndefined();
  });

  it('keys never collide by moving a boundary between parts', () => {
    expect(cacheKey('ab', 'c')).not.toBe(cacheKey('a', 'bc'));
    expect(cacheKey('a', Buffer.from('b'))).toBe(cacheKey('a', 'b'));
  });

  it('ignores an entry damaged, cut short or not its own', () => {
    const dir = freshDir();
    useCache(dir);
    const key = cacheKey('test', 'x');
    writeCache('test', key, Buffer.from('0123456789'));
    const [file] = entries(dir);
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 3] ^= 1;
    for (const bad of [flipped, good.subarray(0, good.length - 1), good.subarray(0, 10), Buffer.from('0123456789'), Buffer.alloc(0)]) {
      writeFileSync(file, bad);
      expect(readCache('test', key)).toBeUndefined();
    }
    writeFileSync(file, good);
    expect(readCache('test', key)?.toString()).toBe('0123456789');
  });

  // Changing an entry's owner needs root: where the tests run as root, an entry made another user's is refused.
  it.skipIf(process.getuid?.() !== 0)('ignores an entry another user wrote', () => {
    const dir = freshDir();
    useCache(dir);
    const key = cacheKey('test', 'owner');
    writeCache('test', key, Buffer.from('x'));
    expect(readCache('test', key)?.toString()).toBe('x');
    const [file] = entries(dir);
    chownSync(file, 65534, 65534);
    expect(readCache('test', key)).toBeUndefined();
  });

  it('does nothing when turned off, and says so', () => {
    for (const value of ['0', 'off', 'false', 'no', 'OFF']) {
      expect(cacheDir({ CHISO_CACHE: value, CHISO_CACHE_DIR: '/tmp/x' })).toBeUndefined();
    }
    expect(cacheDir({ CHISO_CACHE_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(cacheDir({})).toBe(join(root, 'node_modules/.cache/chiso'));
    const dir = freshDir();
    process.env.CHISO_CACHE_DIR = dir;
    process.env.CHISO_CACHE = 'off';
    writeCache('test', cacheKey('x'), Buffer.from('x'));
    expect(existsSync(dir)).toBe(false);
  });

  it('a folder that cannot be written keeps nothing and throws nothing', () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a folder');
    useCache(join(file, 'cache'));
    expect(() => writeCache('test', cacheKey('x'), Buffer.from('x'))).not.toThrow();
    expect(readCache('test', cacheKey('x'))).toBeUndefined();
  });
});

const gallery = JSON.parse(readFileSync(join(root, 'test/render/gallery/gallery.json'), 'utf8')) as { charts: { id: string; spec: TopLevelSpec }[] };

/** Specs whose inline data Vega-Lite merges, shares or looks up: where setting data aside could go wrong. */
function delicate(): { id: string; spec: TopLevelSpec }[] {
  const rows = [
    { a: 'x', b: 1 },
    { a: 'y', b: 2 },
  ];
  const same = [
    { b: 1, a: 'x' },
    { b: 2, a: 'y' },
  ];
  const layer = (values: unknown) => ({ data: { values }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } } });
  return [
    // Equal data in two objects (keys in another order): Vega-Lite merges the two sources into one.
    { id: 'equal-data-two-objects', spec: { layer: [layer(rows), layer(same)] } as unknown as TopLevelSpec },
    // The same object twice.
    { id: 'same-data-object-twice', spec: { layer: [layer(rows), layer(rows)] } as unknown as TopLevelSpec },
    // Different data in each layer, and data shared by the parent.
    { id: 'different-data', spec: { data: { values: [{ a: 'z', b: 3 }] }, layer: [layer(rows), { mark: 'point', encoding: { x: { field: 'a', type: 'nominal' } } }] } as unknown as TopLevelSpec },
    // Named datasets and a lookup into inline data.
    {
      id: 'datasets-and-lookup',
      spec: {
        datasets: { first: rows, second: [{ a: 'x', c: 'một' }] },
        data: { name: 'first' },
        transform: [{ lookup: 'a', from: { data: { values: [{ a: 'x', c: 'hai' }] }, key: 'a', fields: ['c'] } }],
        mark: 'bar',
        encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' }, color: { field: 'c', type: 'nominal' } },
      } as unknown as TopLevelSpec,
    },
    // Primitive values and an empty dataset.
    { id: 'primitives', spec: { data: { values: [1, 2, 3] }, mark: 'tick', encoding: { x: { field: 'data', type: 'quantitative' } } } as unknown as TopLevelSpec },
    { id: 'empty', spec: { data: { values: [] }, mark: 'point' } as unknown as TopLevelSpec },
  ];
}

describe('compiled chart shapes', () => {
  const specs = [...gallery.charts, ...delicate()];

  it(`give Vega-Lite's own Vega, made and read back (${specs.length} specs: the gallery and the delicate cases)`, () => {
    useCache('off');
    const direct = specs.map(({ spec }) => JSON.stringify(compileVegaLite(spec).spec));
    const cold = freshDir();
    useCache(cold);
    const made = specs.map(({ spec }) => JSON.stringify(compileVegaLite(spec).spec));
    // A copy of the folder: nothing of it in this process's memory, every shape read from disk.
    const warm = freshDir();
    cpSync(cold, warm, { recursive: true });
    useCache(warm);
    const read = specs.map(({ spec }) => JSON.stringify(compileVegaLite(spec).spec));
    specs.forEach(({ id }, i) => {
      expect(made[i], id).toBe(direct[i]);
      expect(read[i], id).toBe(direct[i]);
    });
    // Every shape was kept; two specs share one: equal data in two objects, and one object twice.
    expect(entries(join(cold, 'vega-lite')).length).toBe(specs.length - 1);
  });

  it('the data of a shape is the data of the chart, not of the chart that made the shape', () => {
    useCache(freshDir());
    const spec = (b: number) => ({ data: { values: [{ a: 'x', b }] }, mark: 'bar', encoding: { y: { field: 'b', type: 'quantitative' } } }) as unknown as TopLevelSpec;
    compileVegaLite(spec(1));
    const second = compileVegaLite(spec(2)).spec as { data: { values?: unknown }[] };
    expect(second.data.some((d) => JSON.stringify(d.values) === '[{"a":"x","b":2}]')).toBe(true);
  });
});

describe('observations of a data file', () => {
  it('are what the loader gives, off, cold and warm, and a changed file is read again', async () => {
    const file = join(scratch, 'poverty.csv');
    cpSync(join(root, 'data/observations/poverty_rate.csv'), file);
    const fresh = (await readDataFile(file, { file: 'poverty.csv' })).observations;
    expect(fresh.length).toBeGreaterThan(500);
    const dir = freshDir();
    for (const mode of ['off', dir, dir] as const) {
      useCache(mode);
      expect(await cachedObservations(file, { file: 'poverty.csv' })).toStrictEqual(fresh);
    }
    expect(entries(join(dir, 'observations'))).toHaveLength(1);
    // Other options (another name, which diagnostics and sources without their own give) are another entry.
    expect(await cachedObservations(file, { file: 'other.csv', strict: false })).toStrictEqual((await readDataFile(file, { file: 'other.csv', strict: false })).observations);
    expect(entries(join(dir, 'observations'))).toHaveLength(2);
    // One figure changed: the next read has it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('poverty_rate,VN,2006,15.5,', 'poverty_rate,VN,2006,15.7,'));
    const changed = await cachedObservations(file, { file: 'poverty.csv' });
    expect(changed.find((o) => o.region === 'VN' && o.period === '2006')?.value).toBe(15.7);
    expect(changed).toStrictEqual((await readDataFile(file, { file: 'poverty.csv' })).observations);
    // A damaged entry is read past: the file is loaded again.
    damage(dir);
    expect(await cachedObservations(file, { file: 'poverty.csv' })).toStrictEqual(changed);
  });
});

describe('renderSvg with and without the cache', () => {
  // Vega-Lite's output holds what JSON does not keep (properties set to undefined, signal wrappers);
  // a kept shape is its JSON. Drawn, the two must not differ by a byte.
  it(`draws Vega-Lite's gallery the same with the cache off, cold and warm (${gallery.charts.length} specs)`, async () => {
    const base = join(root, 'test/render/gallery/');
    const draw = (spec: TopLevelSpec, id: string) => renderSvg(spec, { baseURL: base, idPrefix: `${id}-` }).catch((e: unknown) => `failed: ${e instanceof Error ? e.message : String(e)}`);
    useCache('off');
    const off: string[] = [];
    for (const { id, spec } of gallery.charts) off.push(await draw(spec, id));
    // Drawn twice: a chart drawn from random samples (bootstrap confidence intervals) is never the same twice, cache or not.
    const random = new Set<number>();
    for (const [i, { id, spec }] of gallery.charts.entries()) if ((await draw(spec, id)) !== off[i]) random.add(i);
    expect(random.size).toBeLessThan(5);
    const dir = freshDir();
    useCache(dir);
    for (const [i, { id, spec }] of gallery.charts.entries()) {
      const svg = await draw(spec, id);
      if (!random.has(i)) expect(svg, id).toBe(off[i]);
    }
    const warm = freshDir();
    cpSync(dir, warm, { recursive: true });
    useCache(warm);
    let drawn = 0;
    for (const [i, { id, spec }] of gallery.charts.entries()) {
      const svg = await draw(spec, id);
      if (random.has(i)) continue;
      expect(svg, id).toBe(off[i]);
      if (svg.startsWith('<svg')) drawn++;
    }
    expect(drawn).toBeGreaterThan(100);
  }, 600_000);

  const charts = snapshots.filter((s) => ['poverty-map-63-2016', 'ha-tinh-poverty-trend', 'income-ranking-2016', 'poverty-ranking-2016-en'].includes(s.name));

  it.each(charts.map((c) => [c.name, c] as const))('%s: the same bytes off, cold, warm, over damaged entries and in a folder that cannot be written', async (_name, chart) => {
    const spec = await chart.spec();
    const draw = async (dir: string | 'off') => {
      useCache(dir);
      clearSubsetCache();
      return renderSvg(spec, { idPrefix: 'c-' });
    };
    const off = await draw('off');
    const cold = freshDir();
    expect(await draw(cold)).toBe(off);
    expect(entries(join(cold, 'vega-lite')).length).toBe(1);
    expect(entries(join(cold, 'fonts')).length).toBeGreaterThan(0);
    const warm = freshDir();
    cpSync(cold, warm, { recursive: true });
    expect(await draw(warm)).toBe(off);
    damage(warm);
    expect(await draw(warm)).toBe(off);
    const file = join(scratch, `not-a-folder-${n++}`);
    writeFileSync(file, '');
    expect(await draw(join(file, 'cache'))).toBe(off);
  });
});

describe('the spawned CLI with its bundle', () => {
  const bundle = join(root, 'dist/cli/bundle.cjs');
  /** The bundle is there and made from the files now in dist/ (`npm run build` or `npm run build:cli`). */
  const current = (() => {
    try {
      const inputs = JSON.parse(readFileSync(join(root, 'dist/cli/bundle.inputs.json'), 'utf8')) as [string, number][];
      const made = statSync(bundle).mtimeMs;
      return inputs.every(([f, size]) => {
        const s = statSync(join(root, 'dist', f));
        return s.size === size && s.mtimeMs <= made;
      });
    } catch {
      return false;
    }
  })();
  const config = join(root, 'test/render/fixtures/charts.json');
  let outputs: string;

  beforeAll(() => {
    outputs = mkdtempSync(join(scratch, 'out-'));
  });

  function render(name: string, env: Record<string, string>): Map<string, string> {
    const out = join(outputs, name);
    const base = { ...process.env };
    delete base.CHISO_CACHE;
    delete base.CHISO_CACHE_DIR;
    const r = spawnSync(process.execPath, ['bin/chiso.js', 'render', config, '--out', out, '--allow-path'], { cwd: root, encoding: 'utf8', env: { ...base, ...env } });
    expect(r.status, r.stderr).toBe(0);
    return new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
  }

  it.skipIf(!current)('writes the same files warm, cold, off, over damaged entries and without a writable folder (skipped unless the bundle is built: npm run build:cli)', () => {
    const off = render('off', { CHISO_CACHE: '0' });
    expect(off.size).toBeGreaterThan(1);
    const dir = freshDir();
    expect(render('cold', { CHISO_CACHE_DIR: dir })).toEqual(off);
    // V8's code cache of the bundle, of Vega, of Vega-Lite (compiled shapes were made) and of the configuration's validator.
    expect(entries(join(dir, 'v8')).length).toBe(4);
    // The data file's observations, and Vega's parse of each chart.
    expect(entries(join(dir, 'observations')).length).toBeGreaterThan(0);
    expect(entries(join(dir, 'vega-parse')).length).toBe(off.size);
    // The code caches of the cold run (which set V8 flags of its own and subset fonts) are accepted by
    // the next run, which then writes none again.
    const written = new Map(entries(join(dir, 'v8')).map((f) => [f, statSync(f).mtimeMs]));
    expect(render('warm', { CHISO_CACHE_DIR: dir })).toEqual(off);
    expect(new Map(entries(join(dir, 'v8')).map((f) => [f, statSync(f).mtimeMs]))).toEqual(written);
    damage(dir);
    expect(render('damaged', { CHISO_CACHE_DIR: dir })).toEqual(off);
    const file = join(scratch, 'cli-not-a-folder');
    writeFileSync(file, '');
    expect(render('unwritable', { CHISO_CACHE_DIR: join(file, 'cache') })).toEqual(off);
    // Module by module from dist/, as when the bundle is missing: the same files; no code cache of a bundle.
    const modules = freshDir();
    expect(render('modules', { CHISO_CACHE_DIR: modules, CHISO_BUNDLE: '0' })).toEqual(off);
    expect(entries(join(modules, 'v8')).length).toBe(3);
  }, 300_000);
});
