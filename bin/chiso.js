#!/usr/bin/env node
// The CLI runs from the compiled library; `npm install` builds it (the `prepare` script).
// dist/cli/bundle.cjs (scripts/cli-bundle.mjs) is the same modules in one script, evaluated with V8's
// code cache kept in chiso's cache folder: a start compiles one file once instead of loading some
// 130 modules. When it is missing or older than the files it was made from, dist/ is loaded as is.
// Built-in modules as CommonJS gives them: imported, each would get an ES module facade made first.
const { existsSync, readFileSync, statSync } = process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
const { fileURLToPath } = process.getBuiltinModule('node:url');
const { setFlagsFromString } = process.getBuiltinModule('node:v8');

// WebAssembly by V8's baseline compiler only. The font subsetter (harfbuzz's 680 kB of wasm) is
// otherwise compiled a second time by the optimizing compiler on a background thread: ~300 ms of
// CPU in a command that cuts a few subsets in ~40 ms of baseline code (a hundred: 0.08 s against
// 0.55 s). Set before anything is compiled, so every code cache this command writes and reads
// records the same flags (cache.ts keys them by the flags).
setFlagsFromString('--liftoff-only');

const dist = new URL('../dist/', import.meta.url);
const entry = new URL('cli/start.js', dist);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('chiso: chưa biên dịch, hãy chạy `npm run build` / not built yet, run `npm run build`\n');
  process.exit(2);
}

/** The bundle's loader (cache.ts): its CommonJS build beside the bundle, or the ES module when that is missing. */
async function bundleLoader(folder) {
  const boot = `${folder}cli/boot.cjs`;
  return existsSync(boot) ? createRequire(boot)(boot) : await import(new URL('render/node/cache.js', dist).href);
}

/** The loader that evaluated the bundle, whose code cache it writes when the command is done. */
let loader;

/**
 * The bundle's exports (`main`, `flushCodeCaches`), if the bundle is there and made from the files now in dist/: none of them of
 * another size or newer than the bundle (as make judges it; npm gives every file of a package the
 * same time, so an installed package always passes).
 */
async function bundled() {
  const folder = fileURLToPath(dist);
  const bundle = `${folder}cli/bundle.cjs`;
  try {
    const made = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(`${folder}cli/bundle.inputs.json`, 'utf8'));
    // Paths joined as text: the inputs are relative paths with `/` (a URL made and read back per file costs more than its stat).
    for (const [file, size] of inputs) {
      const s = statSync(folder + file);
      if (s.size !== size || s.mtimeMs > made) return undefined;
    }
  } catch {
    return undefined;
  }
  loader = await bundleLoader(folder);
  const { evaluateFile } = loader;
  // The file is the function expression itself: `(function (exports, require, module, __filename, __dirname, __chisoDist) {…})`.
  const factory = evaluateFile(bundle, '', '');
  const module = { exports: {} };
  factory(module.exports, createRequire(fileURLToPath(entry)), module, bundle, fileURLToPath(new URL('cli/', dist)), dist.href);
  return module.exports;
}

const cli = (process.env.CHISO_BUNDLE === '0' ? undefined : await bundled()) ?? (await import(entry.href));
const code = await cli.main(process.argv.slice(2));
// The command is done: its code caches are written now and the process ends here, once what it
// printed is out, instead of idling until V8's garbage collector has finished the tasks it set
// itself (a fifth of a one-chart render's CPU). The command awaited all its own work (files are
// written synchronously); the cache of the bundle's own compile is written by the loader that made it.
cli.flushCodeCaches();
loader?.flushCodeCaches();
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
process.exit(code);
