/**
 * The documentation: the site builds in both languages with no broken internal link, and every
 * snippet of the getting-started guide runs — Node code in Node, commands through the CLI, the embed
 * in Chromium under the strict CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser } from 'playwright-core';
import { ROOT, STRICT_CSP, launchBrowser, newPage, scrollThrough, startStaticServer, waitForCharts, type TestServer } from '../browser/harness.js';

interface Snippet {
  lang: string;
  code: string;
  file: string;
}

function snippets(file: string): Snippet[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)].map((m) => ({ lang: m[1], code: m[2], file }));
}

const guides = ['docs/vi/index.md', 'docs/en/index.md'];
// The two commands of the README's first screen: CI runs them itself on a fresh clone.
const OWN_COMMANDS = [/^npm install && npm run demo\b/, /^npm install && npm test\b/];

beforeAll(() => {
  for (const f of ['dist/index.js', 'dist/node.js', 'dist/cli/index.js', 'dist/chiso.embed.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
});

describe('the documentation site', () => {
  it('builds every page in Vietnamese and English with no broken internal link', async () => {
    const { buildDocs, pages } = (await import(join(ROOT, 'scripts/docs.mjs'))) as {
      buildDocs: (o?: { log?: (m: string) => void }) => Promise<void>;
      pages: { slug: string }[];
    };
    await buildDocs({ log: () => {} }); // throws on a broken link or a missing page
    for (const lang of ['vi', 'en']) {
      for (const p of pages) expect(existsSync(join(ROOT, 'docs/site', lang, `${p.slug}.html`)), `${lang}/${p.slug}`).toBe(true);
    }
    const catalogue = readFileSync(join(ROOT, 'docs/site/vi/indicators.html'), 'utf8');
    expect(catalogue).toContain('poverty_rate');
    expect(catalogue).toContain('Tỷ lệ hộ nghèo');
    const elements = readFileSync(join(ROOT, 'docs/site/en/elements.html'), 'utf8');
    for (const tag of ['chiso-dashboard', 'chiso-chart', 'chiso-map', 'chiso-kpi', 'chiso-table', 'chiso-filter', 'chiso-source']) {
      expect(elements).toContain(`&lt;${tag}&gt;`);
    }
    const gallery = readFileSync(join(ROOT, 'docs/site/vi/gallery.html'), 'utf8');
    const svgs = readdirSync(join(ROOT, 'test/output')).filter((f) => f.endsWith('.svg') && !f.endsWith('-changed.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    for (const f of svgs) expect(gallery).toContain(encodeURIComponent(f));
  });

  it('checks links for real: a page linking to a missing file fails the check', async () => {
    const { checkLinks } = (await import(join(ROOT, 'scripts/docs.mjs'))) as { checkLinks: (dir: string) => string[] };
    const dir = mkdtempSync(join(tmpdir(), 'chiso-docs-'));
    writeFileSync(join(dir, 'a.html'), '<a href="b.html">b</a> <a href="a.html#nope">x</a> <a href="https://example.org/">ok</a>');
    expect(checkLinks(dir)).toEqual(['a.html -> b.html (no such file)', 'a.html -> a.html#nope (no such anchor)']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the custom elements manifest', () => {
  it('is current: made again from the components, it equals the committed custom-elements.json', () => {
    // The analyzer writes under the working directory; a folder of its own there, removed after.
    const out = join('node_modules', '.cache', `chiso-cem-${process.pid}`);
    try {
      // A config of its own so that the analyzer leaves package.json's `customElements` as it is.
      const pkg = readFileSync(join(ROOT, 'package.json'), 'utf8');
      mkdirSync(join(ROOT, out), { recursive: true });
      writeFileSync(join(ROOT, out, 'cem.config.mjs'), 'export default { packagejson: false };\n');
      execFileSync(process.execPath, [join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--config', join(out, 'cem.config.mjs'), '--litelement', '--globs', 'src/components/**/*.ts', '--outdir', out], { cwd: ROOT, stdio: 'pipe' });
      // The analyzer lists modules in the order it happens to read them; `npm run manifest` sorts them by path.
      type Manifest = { modules: { path: string }[] };
      const sorted = (m: Manifest) => ({ ...m, modules: [...m.modules].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) });
      const made = sorted(JSON.parse(readFileSync(join(ROOT, out, 'custom-elements.json'), 'utf8')) as Manifest);
      const committed = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as Manifest;
      expect(made, 'run `npm run manifest` and commit custom-elements.json').toEqual(committed);
      expect(readFileSync(join(ROOT, 'package.json'), 'utf8')).toBe(pkg);
    } finally {
      rmSync(join(ROOT, out), { recursive: true, force: true });
    }
  });
});

describe('every getting-started snippet runs', () => {
  const all = guides.flatMap(snippets);

  it('has the snippets it promises', () => {
    for (const g of guides) {
      const langs = snippets(g).map((s) => s.lang);
      expect(langs, g).toEqual(['sh', 'html', 'js', 'sh']);
    }
  });

  for (const s of all.filter((x) => x.lang === 'js')) {
    it(`Node code in ${s.file}`, () => {
      // Inside the package, so `chiso` resolves to this package through its own exports.
      const dir = join(ROOT, 'test/docs/.snippets');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `snippet-${s.file.replace(/\W/g, '_')}.mjs`);
      writeFileSync(file, s.code);
      const out = execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8' });
      // "12 quan sát; 38968 ký tự SVG": Hà Tĩnh and the country, 2010-2016.
      expect(out).toMatch(/^12 (quan sát|observations); \d{4,} (ký tự SVG|characters of SVG)\n$/);
    });
  }

  for (const s of all.filter((x) => x.lang === 'sh')) {
    for (const line of s.code.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean)) {
      if (OWN_COMMANDS.some((r) => r.test(line))) continue;
      it(`command \`${line}\` (${s.file})`, () => {
        expect(line).toMatch(/^npx chiso /);
        const out = mkdtempSync(join(tmpdir(), 'chiso-snippet-'));
        const args = line
          .replace(/^npx chiso /, '')
          .split(/\s+/)
          .map((a) => (a === '/tmp/chiso-figures' ? out : a));
        execFileSync(process.execPath, [join(ROOT, 'bin/chiso.js'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
        if (args[0] === 'render') expect(readdirSync(out).filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(0);
        rmSync(out, { recursive: true, force: true });
      });
    }
  }

  describe('the five-line embed, in Chromium under the strict CSP', () => {
    let server: TestServer;
    let browser: Browser;
    beforeAll(async () => {
      server = await startStaticServer((path) => (path.startsWith('/test/docs/.snippets/') ? { 'content-security-policy': STRICT_CSP } : {}));
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const s of all.filter((x) => x.lang === 'html')) {
      it(`embed in ${s.file}`, async () => {
        const dir = join(ROOT, 'test/docs/.snippets');
        mkdirSync(dir, { recursive: true });
        const name = `embed-${s.file.replace(/\W/g, '_')}.html`;
        writeFileSync(join(dir, name), `<!doctype html><meta charset="utf-8"><title>snippet</title>\n${s.code}`);
        const { page, errors } = await newPage(browser);
        await page.goto(`${server.url}/test/docs/.snippets/${name}`);
        await scrollThrough(page);
        await waitForCharts(page);
        const result = await page.evaluate(() => ({
          states: [...document.querySelectorAll('chiso-chart, chiso-map')].map((c) => (c as unknown as { state: string }).state),
          rows: [...document.querySelectorAll('chiso-chart, chiso-map')].map((c) => (c as unknown as { shown: unknown[] }).shown.length),
          violations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
        }));
        expect(result.violations).toEqual([]);
        expect(errors).toEqual([]);
        expect(result.states).toEqual(['ready', 'ready']);
        expect(Math.min(...result.rows)).toBeGreaterThan(0);
        await page.context().close();
      });
    }
  });
});
