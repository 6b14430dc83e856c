/**
 * The `chiso` command as one script: dist/cli/bundle.cjs, every chiso module the commands run and
 * the small pure-JS packages they import, made from tsc's output in dist/. bin/chiso.js evaluates
 * it with V8's code cache (src/render/node/cache.ts): one file compiled once, where loading dist/ as
 * ES modules reads, links and compiles some 130 files on every start. Packages that are large or
 * loaded only for some inputs (Vega, Vega-Lite, Ajv, fontkit, subset-font, resvg, Arquero, the
 * Excel, Parquet and Arrow readers) stay outside, loaded from node_modules as before.
 *
 * Each module's `import.meta.url` becomes its own file's address in dist/ (the files are still
 * there), so every path a module finds from its own place (the schema, the map, fonts, the raster
 * child) is the same as when dist/ is loaded module by module.
 */
import { build } from 'esbuild';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Loaded from node_modules at run time: large, native, wasm, or only for some inputs. */
// Vega's own packages, which the lean runtime (src/render/vega-lean.ts) imports one by one. Not
// vega-statistics: the scatter recipe's trend line takes one small function from it, which bundled
// costs nothing, where loading the package as ES modules (it and d3-array) costs every start ~10 ms.
const VEGA_PACKAGES = ['vega-util', 'vega-dataflow', 'vega-transforms', 'vega-view-transforms', 'vega-encode', 'vega-view', 'vega-parser'];
export const EXTERNAL = ['vega', ...VEGA_PACKAGES, 'vega-lite', 'ajv', 'fontkit', 'subset-font', '@resvg/resvg-js', 'arquero', 'read-excel-file', 'hyparquet', '@uwdata/flechette', 'fflate', 'apache-arrow', 'harfbuzzjs'];

const metaUrl = {
  name: 'chiso-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!args.path.startsWith(dist) || !text.includes('import.meta.url')) return undefined;
      const own = JSON.stringify(relative(dist, args.path).split('\\').join('/'));
      return { contents: text.replaceAll('import.meta.url', `(__chisoDist + ${own})`), loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: [`${dist}cli/start.js`],
  outfile: `${dist}cli/bundle.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: EXTERNAL,
  plugins: [metaUrl],
  legalComments: 'none',
  // The file is one function expression, evaluated as it is by bin/chiso.js (no copy of 1.5 MB of
  // text to wrap it on every start).
  banner: { js: '(function (exports, require, module, __filename, __dirname, __chisoDist) {' },
  footer: { js: '})' },
  logLevel: 'warning',
  metafile: true,
});

// The loader of the bundle (cache.ts: evaluateFile, flushCodeCaches) as a CommonJS script of its own,
// made from the same dist/render/node/cache.js: bin/chiso.js requires it, where importing the ES
// module makes Node's module loader build an ES facade of every built-in module it imports.
await build({
  entryPoints: [`${dist}render/node/cache.js`],
  outfile: `${dist}cli/boot.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [metaUrl],
  legalComments: 'none',
  // dist/ as a file: URL, as the bundle's wrapper gets it (`import.meta.url` becomes `__chisoDist + path`).
  banner: { js: 'const __chisoDist = require("node:url").pathToFileURL(require("node:path").join(__dirname, "..") + "/").href;' },
  logLevel: 'warning',
});

// What the bundle was made from, with sizes: bin/chiso.js loads dist/ module by module instead when
// any of them has another size or is newer than the bundle (tsc run again without this script).
const root = process.cwd();
const inputs = Object.keys(result.metafile.inputs).map((file) => {
  const path = resolve(root, file);
  const s = statSync(path);
  return [relative(dist, path).split('\\').join('/'), s.size];
});
writeFileSync(`${dist}cli/bundle.inputs.json`, JSON.stringify(inputs));
