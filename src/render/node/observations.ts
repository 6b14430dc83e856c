/**
 * A data file's observations through chiso's cache (cache.ts): a `chiso render` or `chiso bake` that
 * reads a file it has read before, unchanged, takes its observations from the cache instead of
 * parsing and checking every row again (a 570-row CSV: ~20 ms of a one-chart render's start). A file
 * that fails to load is read, and fails, every time; options with a `regions` lookup (a function,
 * which no key can name) are never cached.
 *
 * An entry is named by all the result depends on: the file's bytes, where it is and how it is named,
 * the load options, the indicators users' catalogues have added (the catalogue beside the file is
 * added before the key is made), the Node version (entries are V8's serialization) and the code that
 * loads (the size and time of each file of chiso's data, registry and format modules, which any
 * build or edit changes). Node-only.
 */
import { readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { Observation } from '../../types.js';
import type { LoadOptions } from '../../data/load.js';
import { loadDataBytes, readCatalogueBeside } from '../../data/read-file.js';
import { readCheckedFile } from '../../data/file-check.js';
import { userIndicators } from '../../registry/indicators.js';
import { cacheDir, cacheKey, readCache, writeCache } from './cache.js';

/** Changed whenever what is kept changes, so older entries go unread. */
const FORMAT = 'observations-1';

let code: string | undefined;

/** The loading code's identity: each file of the modules that turn bytes into observations, by size and time. */
function loaderCode(): string {
  if (code === undefined) {
    const parts: string[] = [];
    for (const folder of ['data', 'registry', 'format']) {
      const dir = fileURLToPath(new URL(`../../${folder}/`, import.meta.url));
      for (const name of readdirSync(dir).sort()) {
        if (!/\.[jt]s$/.test(name)) continue;
        const s = statSync(dir + name);
        parts.push(`${folder}/${name} ${s.size} ${s.mtimeMs}`);
      }
    }
    code = parts.join('\n');
  }
  return code;
}

/**
 * The observations of the data file at `path` (`options.file`: the name diagnostics and sources give
 * it), as `readDataFile` loads them, kept in chiso's cache.
 */
export async function cachedObservations(path: string, options: LoadOptions & { file: string }): Promise<Observation[]> {
  readCatalogueBeside(path, options.file);
  const bytes = new Uint8Array(readCheckedFile(path, options.file));
  if (!cacheDir() || options.regions) return (await loadDataBytes(bytes, path, options)).observations;
  const key = cacheKey(FORMAT, process.version, loaderCode(), path, JSON.stringify(options), JSON.stringify(userIndicators()), createHash('sha256').update(bytes).digest('hex'));
  const stored = readCache('observations', key);
  if (stored) {
    try {
      const kept = deserialize(stored) as unknown;
      if (Array.isArray(kept)) return kept as Observation[];
    } catch {
      // not an entry of this form: loaded again below
    }
  }
  const { observations } = await loadDataBytes(bytes, path, options);
  writeCache('observations', key, serialize(observations));
  return observations;
}
