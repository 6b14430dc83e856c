/**
 * `chisoBake()`: a Vite plugin that bakes every HTML page Vite serves or builds (see `bakePage`). In
 * development each page is baked when it is requested, so edits to the page or its data show on
 * reload; `vite build` writes each baked page's stylesheet beside it. No Vite types in the signature:
 * the plugin is a plain object Vite accepts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bakePage, bakedStylesheetName, type BakeOptions } from './bake.js';

export type ChisoBakeOptions = Omit<BakeOptions, 'root' | 'page' | 'file' | 'stylesheet' | 'onProgress'> & {
  /** Which pages to bake, by their address (`/reports/index.html`). Default: every page with a chiso element. */
  include?: (page: string) => boolean;
};

interface HtmlContext {
  path: string;
  filename: string;
}

const ELEMENT = /<chiso-(?:chart|map|kpi|table)\b/i;

export function chisoBake(options: ChisoBakeOptions = {}) {
  const { include, ...bake } = options;
  let root = process.cwd();
  let outDir = 'dist';
  /** Stylesheets made, by their address under the site's root (`/reports/chiso-baked.1a2b3c4d.css`). */
  const sheets = new Map<string, string>();
  return {
    name: 'chiso-bake',
    configResolved(config: { root: string; build: { outDir: string } }) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server: { middlewares: { use(fn: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void } }) {
      server.middlewares.use((req, res, next) => {
        const css = sheets.get((req.url ?? '').split('?')[0]);
        if (css === undefined) return next();
        res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
        res.end(css);
      });
    },
    transformIndexHtml: {
      order: 'post' as const,
      async handler(html: string, ctx: HtmlContext): Promise<string> {
        const page = ctx.path.endsWith('/') ? `${ctx.path}index.html` : ctx.path;
        if (!ELEMENT.test(html) || (include && !include(page))) return html;
        // The sheet's name follows its content, so a page baked again never shows a stale font.
        const result = await bakePage(html, { ...bake, root, page, file: ctx.filename });
        const name = bakedStylesheetName(result.css);
        sheets.set(posix.join(posix.dirname(page), name), result.css);
        return result.html.replace(`href="${result.stylesheet}" data-chiso-baked`, `href="${name}" data-chiso-baked`);
      },
    },
    writeBundle() {
      for (const [address, css] of sheets) {
        const file = join(outDir, address);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, css);
      }
    },
  };
}
