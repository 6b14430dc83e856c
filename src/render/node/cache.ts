/**
 * chiso's cache on disk, for what a `chiso render` start would otherwise redo every time: V8's
 * compiled code of the big scripts (Vega, Vega-Lite, the CLI), the Vega a Vega-Lite chart shape
 * compiles to, font subsets. Every entry is named by a digest of all it depends on (the input, the
 * versions of chiso, Vega, Vega-Lite, Node) and carries a digest of its own bytes: an entry that is
 * damaged, cut short or made by something else is ignored and made again, never trusted. A folder
 * that cannot be written only means nothing is kept; the output is the same bytes either way.
 *
 * Where: `CHISO_CACHE_DIR` if set; else `node_modules/.cache/chiso` of the project chiso is
 * installed in. `CHISO_CACHE=0` (or `off`, `false`, `no`) turns it off. Like node_modules, the folder
 * must be writable only by its user: V8 runs the code it finds there. Node-only.
 */
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script, constants as vmConstants } from 'node:vm';

/** Bumped when the layout of entries changes: older entries then go unread. */
const FORMAT = 'chiso-cache-1';
const MAGIC = Buffer.from(`${FORMAT}\n`, 'latin1');
const DIGEST_BYTES = 32;

/** The package's root: two levels up from src/render/node and dist/render/node alike. */
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The folder entries live in, or `undefined` when the cache is off. Read from the environment on each call. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const off = env.CHISO_CACHE?.trim().toLowerCase();
  if (off === '0' || off === 'off' || off === 'false' || off === 'no') return undefined;
  if (env.CHISO_CACHE_DIR) return resolve(env.CHISO_CACHE_DIR);
  // Installed: <project>/node_modules/chiso (or node_modules/@scope/chiso); in chiso's own checkout: its node_modules.
  let up = dirname(packageRoot);
  if (basename(up).startsWith('@')) up = dirname(up);
  const modules = basename(up) === 'node_modules' ? up : join(packageRoot, 'node_modules');
  return join(modules, '.cache', 'chiso');
}

/** A hex digest of the parts, each length-prefixed so no two lists of parts give the same input. */
export function cacheKey(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256').update(FORMAT);
  for (const p of parts) {
    const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    h.update(`\n${bytes.length}:`).update(bytes);
  }
  return h.digest('hex');
}

function entryFile(dir: string, kind: string, key: string): string {
  return join(dir, kind, `${key}.bin`);
}

/** The bytes stored under `kind`/`key`, or `undefined`: absent, unreadable, damaged, or the cache is off. */
export function readCache(kind: string, key: string): Buffer | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  const path = entryFile(dir, kind, key);
  let file: Buffer;
  try {
    // A miss is the common case of a first run: asked without an error object made for each.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) return undefined;
    // Code and compiled Vega are run as they are: only entries this user wrote (a shared
    // CHISO_CACHE_DIR could hold another's).
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return undefined;
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  const head = MAGIC.length + DIGEST_BYTES;
  if (file.length < head || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const body = file.subarray(head);
  const sum = createHash('sha256').update(body).digest();
  return sum.equals(file.subarray(MAGIC.length, head)) ? body : undefined;
}

/**
 * Stores `bytes` under `kind`/`key`: written to a file of its own, then renamed into place, so a
 * reader never sees half an entry and two processes writing the same entry do no harm. Failures
 * (a read-only folder, a full disk) are ignored: the next run makes the entry again.
 */
export function writeCache(kind: string, key: string, bytes: Uint8Array): void {
  const dir = cacheDir();
  if (!dir) return;
  const file = entryFile(dir, kind, key);
  // worker_threads asked for only when writing: a warm start writes nothing.
  const temp = `${file}.${process.pid}-${process.getBuiltinModule('node:worker_threads').threadId}-${++written}.tmp`;
  let created = false;
  try {
    const folder = dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(temp, Buffer.concat([MAGIC, createHash('sha256').update(bytes).digest(), bytes]), { flag: 'wx', mode: 0o644 });
    created = true;
    renameSync(temp, file);
  } catch {
    folders.clear();
    if (created) {
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    }
  }
}

/** Folders made by this process (made once, not before every entry); entries written, for unique temporary names. */
const folders = new Set<string>();
let written = 0;

/**
 * V8's flags as a code cache records them: the head of an empty script's code cache (V8's magic
 * number, its version's and the source's hashes, the hash of its flags: what V8 checks before it
 * accepts a cache; the rest differs from process to process). Part of every code cache's key, so
 * processes run with other flags (`chiso render` sets its own), which would refuse each other's code
 * caches, keep theirs apart instead of writing over each other's on every run.
 */
const v8Flags = (): Buffer => new Script('', { filename: 'chiso-v8-flags' }).createCachedData().subarray(0, 16);

/** Code caches to write when the process is done: by then they hold every function the run compiled. */
const pending = new Set<() => void>();
let hooked = false;

/** Writes the code caches still pending (also done on its own when the event loop empties). */
export function flushCodeCaches(): void {
  for (const save of [...pending]) {
    pending.delete(save);
    save();
  }
}

function later(save: () => void): void {
  pending.add(save);
  if (!hooked) {
    hooked = true;
    process.on('beforeExit', flushCodeCaches);
  }
}

/**
 * Compiles `prefix + (the file's text) + suffix`, a function expression around a script chiso ships
 * or depends on, and runs it in this context, returning its value (the function). With V8's code
 * cache from the chiso cache when there is one for exactly these bytes and this Node, V8 skips
 * parsing and compiling what the last run compiled; otherwise it compiles as `runInThisContext`
 * does, and stores the cache when the process is done (the functions the run compiled included).
 * What runs is the same either way. `import()` inside resolves as from `file`.
 */
export function evaluateFile(file: string, prefix: string, suffix: string): unknown {
  const bytes = readFileSync(file);
  const dir = cacheDir();
  const flags = dir ? v8Flags() : undefined;
  const key = flags ? cacheKey('v8-code', process.version, process.arch, flags, file, prefix, bytes, suffix) : '';
  const cachedData = dir ? readCache('v8', key) : undefined;
  const script = new Script(prefix + bytes.toString('utf8') + suffix, {
    filename: file,
    cachedData,
    importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (dir && (!cachedData || script.cachedDataRejected)) {
    later(() => {
      // Flags changed since (by whoever): the entry would be refused under its key.
      if (!flags?.equals(v8Flags())) return;
      try {
        writeCache('v8', key, script.createCachedData());
      } catch {
        // no code cache this time
      }
    });
  }
  return script.runInThisContext();
}
