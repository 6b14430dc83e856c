/**
 * Two uses of one config:
 * - `vite` (dev server, `npm run demo`): serves the repository, examples at /examples/, with the
 *   library's TypeScript sources compiled on the fly.
 * - `vite build` (`npm run build:embed`): the portal bundle, `dist/chiso.embed.js`, one ES module that
 *   defines every `<chiso-*>` element. Vega, Vega-Lite and vega-embed go to chunks beside it, loaded
 *   only when the first chart is drawn; the data layer goes to a chunk loaded with the data.
 */
import { defineConfig } from 'vite';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { parseTopology, simplifyForMap } from './src/charts/geometry.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/** dist/ also holds tsc's output, so it is not emptied; remove only the embed's old chunks. */
const cleanEmbed = {
  name: 'chiso-clean-embed',
  apply: 'build' as const,
  buildStart() {
    const dist = fileURLToPath(new URL('./dist/', import.meta.url));
    try {
      for (const f of readdirSync(dist)) if (f.startsWith('chiso.embed.')) rmSync(dist + f);
    } catch {
      // no dist/ yet
    }
  },
};

/**
 * The map's default boundaries and their licence, beside the embed (fetched when a map is drawn). The
 * boundaries are simplified to what a map up to 2,000 px tall can show (a quarter pixel there): 68 KB
 * gzipped instead of 219 KB, for readers on slow connections. A page that needs every point gives the
 * full file in the map's `geo` attribute.
 */
const GEO_FILE = 'chiso.embed.vn63.topojson.json';
const EMBED_GEO_PX = 2000;
const embedGeo = {
  name: 'chiso-embed-geo',
  apply: 'build' as const,
  generateBundle(this: { emitFile(f: { type: 'asset'; fileName: string; source: string | Uint8Array }): string }) {
    const geo = (f: string) => readFileSync(fileURLToPath(new URL(`./data/geo/${f}`, import.meta.url)));
    const topology = parseTopology(geo('vn63_provinces_odv.topojson.json').toString('utf8'), 'vn63_provinces_odv.topojson.json');
    const simplified = simplifyForMap(topology, 0.25, EMBED_GEO_PX);
    this.emitFile({ type: 'asset', fileName: GEO_FILE, source: JSON.stringify(simplified) });
    this.emitFile({ type: 'asset', fileName: 'chiso.embed.vn63.LICENSE.txt', source: geo('LICENSE-TaliaCao-Vietnam-Shape-Map.txt') });
  },
};

/**
 * The portal example is what a provincial portal serves: the built embed under a strict
 * Content-Security-Policy. The dev server sends its page as a plain file with that header, without
 * Vite's client script, so `npm run demo` shows the page exactly as a portal would, baked as a server
 * would bake it per request (`bakePage` from the built `chiso/node`; `chiso-baked.css` beside it).
 * `?bake=0` serves the page as written, drawn in the browser only.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
type BakeModule = { bakePage(html: string, o: { root: string; page: string }): Promise<{ html: string; css: string }> };
let baked: { from: string; result: Promise<{ html: string; css: string }> } | null = null;
/** The portal page baked, again only when the page changed. */
function bakedPortal(raw: string): Promise<{ html: string; css: string }> {
  if (baked?.from !== raw) {
    const node = pathToFileURL(`${root}dist/node.js`).href;
    const result = (import(/* @vite-ignore */ node) as Promise<BakeModule>).then((m) => m.bakePage(raw, { root, page: '/examples/portal/index.html' }));
    baked = { from: raw, result };
    result.catch(() => (baked = null));
  }
  return baked.result;
}
const portalCsp = {
  name: 'chiso-portal-csp',
  apply: 'serve' as const,
  configureServer(server: { middlewares: { use(fn: (req: { url?: string }, res: import('node:http').ServerResponse, next: () => void) => void): void } }) {
    server.middlewares.use((req, res, next) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      const css = path === '/examples/portal/chiso-baked.css';
      if (!css && path !== '/examples/portal/' && path !== '/examples/portal/index.html') return next();
      const raw = readFileSync(fileURLToPath(new URL('./examples/portal/index.html', import.meta.url)), 'utf8');
      const headers = { 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store' };
      if (!css && url.searchParams.get('bake') === '0') {
        res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
        res.end(raw);
        return;
      }
      bakedPortal(raw).then(
        (r) => {
          res.writeHead(200, { ...headers, 'content-type': css ? 'text/css; charset=utf-8' : 'text/html; charset=utf-8' });
          res.end(css ? r.css : r.html);
        },
        (e: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(e instanceof Error ? e.message : String(e));
        },
      );
    });
  },
};

/**
 * Interactive bytes (bench portal-interactive-bytes-vs-vega-embed): the lean Vega a line or bar chart
 * hydrates with carries neither geography nor colour ramps it never draws.
 * - vega-functions imports d3-geo for three expression functions only a map can call: it gets
 *   src/render/geo-deferred.ts instead, and a map's projection loads d3-geo with the rest of Vega.
 * - vega-scale imports d3-scale-chromatic, a single file that keeps every ramp, for its categorical
 *   schemes: it gets those arrays as literals (the ramps stay in vega-scale's own palettes).
 * - Vega-Lite imports four vega-util helpers from `vega`: it gets vega-util, so compiling a chart in
 *   the page does not bring the whole of Vega.
 */
const CATEGORICAL = '\0chiso-categorical-schemes';
const leanVegaDeps = {
  name: 'chiso-lean-vega-deps',
  apply: 'build' as const,
  enforce: 'pre' as const,
  resolveId(this: { resolve(id: string, importer?: string, o?: { skipSelf?: boolean }): Promise<unknown> }, id: string, importer?: string) {
    if (!importer) return null;
    // Vega-Lite takes four helpers of vega-util through the whole of Vega, whose registrations would
    // come with them: it gets them from vega-util.
    if (id === 'vega' && /[\\/]vega-lite[\\/]/.test(importer)) return this.resolve('vega-util', importer, { skipSelf: true });
    if (id === 'd3-geo' && /[\\/]vega-functions[\\/]/.test(importer)) return fileURLToPath(new URL('./src/render/geo-deferred.ts', import.meta.url));
    if (id === 'd3-scale-chromatic') return CATEGORICAL;
    return null;
  },
  async load(id: string) {
    if (id !== CATEGORICAL) return null;
    // By name: the package ships no types, and this runs in Node when the config is loaded.
    const pkg = 'd3-scale-chromatic';
    const m = (await import(/* @vite-ignore */ pkg)) as Record<string, unknown>;
    const arrays = Object.entries(m).filter(([, v]) => Array.isArray(v) && typeof v[0] === 'string');
    return arrays.map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};`).join('\n');
  },
};

/**
 * A lazy chunk's own imports, asked for with it: `import("./a.js")` becomes
 * `Promise.all([import("./a.js"), import("./b.js"), ...]).then((m) => m[0])` for the chunks a.js imports
 * statically and the importer has not loaded, so they arrive in the same round trip as a.js instead
 * of one after it (what a modulepreload would do; the embed is built in library mode, which has none).
 * The source map's columns after each insertion move with it.
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The first number of a source-map segment, and where it ends. */
function vlqFirst(seg: string): { value: number; end: number } {
  let shift = 0;
  let acc = 0;
  let i = 0;
  for (;;) {
    const d = B64.indexOf(seg[i++]);
    acc += (d & 31) << shift;
    shift += 5;
    if (!(d & 32)) break;
  }
  return { value: acc & 1 ? -(acc >>> 1) : acc >>> 1, end: i };
}
function vlqEncode(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let d = v & 31;
    v >>>= 5;
    if (v) d |= 32;
    out += B64[d];
  } while (v);
  return out;
}
/** Moves every mapping at or after `column` of generated `line` right by `by`. */
function shiftMappings(lines: string[], line: number, column: number, by: number): void {
  const segs = (lines[line] ?? '').split(',');
  let abs = 0;
  for (let i = 0; i < segs.length; i++) {
    if (!segs[i]) continue;
    const { value, end } = vlqFirst(segs[i]);
    abs += value;
    if (abs >= column) {
      segs[i] = vlqEncode(value + by) + segs[i].slice(end);
      break;
    }
  }
  lines[line] = segs.join(',');
}
type OutChunk = { type: 'chunk'; fileName: string; code: string; imports: string[]; dynamicImports: string[] };
type OutAsset = { type: 'asset'; fileName: string; source: string | Uint8Array };
const preloadLazyImports = {
  name: 'chiso-preload-lazy-imports',
  apply: 'build' as const,
  generateBundle(_: unknown, bundle: Record<string, OutChunk | OutAsset>) {
    const chunks = new Map(Object.values(bundle).filter((c): c is OutChunk => c.type === 'chunk').map((c) => [c.fileName, c]));
    const closure = (f: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(f)) return seen;
      seen.add(f);
      for (const i of chunks.get(f)?.imports ?? []) closure(i, seen);
      return seen;
    };
    for (const chunk of chunks.values()) {
      const loaded = closure(chunk.fileName);
      const map = bundle[`${chunk.fileName}.map`];
      const json = map?.type === 'asset' ? (JSON.parse(String(typeof map.source === 'string' ? map.source : new TextDecoder().decode(map.source))) as { mappings: string }) : null;
      const lines = json?.mappings.split(';') ?? [];
      let code = chunk.code;
      const targets = new Set(chunk.dynamicImports);
      // The chunk's own calls only, found once: an import inserted for one target is not expanded
      // again as another's (which would repeat its list inside the first).
      const calls = [...chunk.code.matchAll(/import\(`\.\/([^`]+)`\)/g)].filter((m) => targets.has(m[1]));
      // Right to left, so each insertion's position holds.
      for (const m of calls.reverse()) {
        const target = m[1];
        const extra = [...closure(target)].filter((f) => f !== target && !loaded.has(f));
        if (extra.length === 0) continue;
        const call = m[0];
        const at = m.index;
        const before = 'Promise.all([';
        const after = `${extra.map((f) => `,import(\`./${f}\`)`).join('')}]).then(m=>m[0])`;
        const lineStart = code.lastIndexOf('\n', at) + 1;
        const line = code.slice(0, at).split('\n').length - 1;
        const end = at + call.length;
        code = code.slice(0, at) + before + call + after + code.slice(end);
        shiftMappings(lines, line, end - lineStart, after.length);
        shiftMappings(lines, line, at - lineStart, before.length);
      }
      if (code === chunk.code) continue;
      chunk.code = code;
      if (json && map?.type === 'asset') {
        json.mappings = lines.join(';');
        map.source = JSON.stringify(json);
      }
    }
  },
};

/**
 * The modules every element needs, for the embed's `elements` chunk: not those the elements load
 * lazily (the view cube, a baked map's boundaries), nor a catalogue of messages only other layers show, nor what waits for a reader to ask (downloads, the keyboard walk).
 */
const ELEMENTS = new RegExp(
  String.raw`^(?!.*node_modules).*[\\/]src[\\/](` +
    [
      String.raw`components[\\/](core|chart|dashboard)[\\/](?!view-cube|baked-map|csv\.|save\.|walk\.|download\.)`,
      String.raw`render[\\/](browser|stable-fit|aria-marks|compiled-shapes)\.`,
      String.raw`format[\\/]`,
      String.raw`charts[\\/](types|fit|measure)\.`,
      String.raw`data[\\/](period|json)\.`,
      String.raw`(types|errors)\.`,
      String.raw`registry[\\/](names|indicators|admin-data|regions|units|crosswalk|text|types|catalogue)\.`,
      String.raw`messages[\\/](index|components|registry|labels|common)\.`,
    ].join('|') +
    String.raw`)` +
    // @lit/context's root stays in the entry, which loads nothing before it runs.
    String.raw`|node_modules[\\/](lit|lit-html|lit-element|@lit[\\/](reactive-element|task)|d3-format|d3-dsv)[\\/]|node_modules[\\/]@lit[\\/]context[\\/](?!.*(context-root|context-request-event))`,
);

export default defineConfig(({ command }) => ({
  root,
  plugins: [leanVegaDeps, cleanEmbed, embedGeo, portalCsp, preloadLazyImports],
  define: command === 'build' ? { __CHISO_EMBED_GEO__: JSON.stringify(`./${GEO_FILE}`) } : {},
  appType: 'mpa',
  server: {
    host: '127.0.0.1',
    fs: { allow: [root] },
  },
  build: {
    outDir: 'dist',
    // tsc writes the library into dist/ too; keep its files.
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    // `CHISO_EMBED_MINIFY=0` keeps the names, for reading a profile (scripts/trace-selection.ts).
    minify: process.env.CHISO_EMBED_MINIFY !== '0',
    reportCompressedSize: false,
    lib: {
      entry: fileURLToPath(new URL('./src/components/embed.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'chiso.embed.js',
    },
    rollupOptions: {
      output: {
        chunkFileNames: 'chiso.embed.[name]-[hash].js',
        // A portal file, not a library for bundlers: minify whitespace too (lib mode keeps it by default).
        minify: process.env.CHISO_EMBED_MINIFY !== '0',
        assetFileNames: 'chiso.embed.[name]-[hash][extname]',
        // First paint: every module the entry imports statically, in one chunk beside it (rolldown
        // otherwise splits what the entry shares with lazy chunks into a dozen small files, fetched
        // two round trips deep before any element is defined).
        // First paint (bench chart-first-paint-vs-vega-embed): the small libraries Vega, its interpreter
        // and the recipes share go to one chunk, which the recipes ask for at once (src/components/core/
        // recipe.ts imports d3-scale beside them), not to three more files found a round trip later.
        codeSplitting: {
          groups: [
            { name: 'd3-scale', test: /node_modules[\\/](d3-(array|color|interpolate|time|time-format|scale)|internmap|vega-util|vega-statistics|vega-event-selector|topojson-client)[\\/]|rolldown[\\/]runtime/, includeDependenciesRecursively: false },
            // Vega-Lite's compiler, named for what it is (a chart drawn in the page loads it; a baked one never).
            { name: 'vega-lite', test: /node_modules[\\/]vega-lite[\\/]/, includeDependenciesRecursively: false },
            // What every element stands on (Lit, the view base, the coordinator, the chart element the
            // map and multiples extend, the registry's names, messages, formats) in one file, asked for
            // with the first element's own (chiso-preload-lazy-imports), not a dozen small files.
            { name: 'elements', test: ELEMENTS, includeDependenciesRecursively: false },
          ],
        },
      },
      // The entry may export more than its own module: rolldown then merges the modules the entry
      // shares with lazy chunks into the entry instead of a dozen small files imported before any element is defined.
      preserveEntrySignatures: 'allow-extension',
    },
  },
}));
