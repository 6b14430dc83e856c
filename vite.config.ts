/**
 * Two uses of one config:
 * - `vite` (dev server, `npm run demo`): serves the repository, examples at /examples/, with the
 *   library's TypeScript sources compiled on the fly.
 * - `vite build` (`npm run build:embed`): the portal bundle, `dist/chiso.embed.js`, one ES module that
 *   defines every `<chiso-*>` element. Vega, Vega-Lite and vega-embed go to chunks beside it, loaded
 *   only when the first chart is drawn; the data layer goes to a chunk loaded with the data.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
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
    minify: true,
    reportCompressedSize: false,
    lib: {
      entry: fileURLToPath(new URL('./src/components/index.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'chiso.embed.js',
    },
    rollupOptions: {
      output: {
        chunkFileNames: 'chiso.embed.[name]-[hash].js',
        assetFileNames: 'chiso.embed.[name]-[hash][extname]',
      },
    },
  },
});
