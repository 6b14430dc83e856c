// `npm run docs`: builds the documentation as static pages in docs/site/, in Vietnamese and English.
// Hand-written pages come from docs/{vi,en}/*.md; the indicator catalogue, the elements, the API
// reference and the gallery are generated from the library itself, so they cannot drift from it.
// Ends by checking every internal link and anchor; a broken one fails the build.
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync, copyFileSync, rmSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Marked } from 'marked';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'site');
const langs = ['vi', 'en'];

/** The site's pages in reading order. `generate` pages are built from the library. */
export const pages = [
  { slug: 'index', vi: 'Bắt đầu', en: 'Getting started' },
  { slug: 'data-formats', vi: 'Định dạng dữ liệu', en: 'Data formats' },
  { slug: 'extract', vi: 'Trích số liệu từ báo cáo', en: 'Figures from report text' },
  { slug: 'indicators', vi: 'Danh mục chỉ số', en: 'Indicator catalogue', generate: 'indicators' },
  { slug: 'admin-units', vi: 'Đơn vị hành chính', en: 'Administrative units' },
  { slug: 'elements', vi: 'Các thành phần', en: 'Elements', generate: 'elements' },
  { slug: 'query', vi: 'Truy vấn và cấu hình', en: 'Queries and configuration' },
  { slug: 'scale', vi: 'Quy mô lớn', en: 'Scaling up' },
  { slug: 'deploy', vi: 'Triển khai điểm truy vấn', en: 'Deploying the query endpoint' },
  { slug: 'api', vi: 'Tham chiếu API', en: 'API reference', generate: 'api' },
  { slug: 'theming', vi: 'Giao diện', en: 'Theming' },
  { slug: 'embedding', vi: 'Nhúng và CSP', en: 'Embedding and CSP' },
  { slug: 'portal', vi: 'Trang cổng thông tin nhanh', en: 'Fast portal pages' },
  { slug: 'accessibility', vi: 'Trợ năng', en: 'Accessibility' },
  { slug: 'export', vi: 'Xuất SVG, PNG, CSV', en: 'Export: SVG, PNG, CSV' },
  { slug: 'security', vi: 'Bảo mật', en: 'Security' },
  { slug: 'gallery', vi: 'Bộ sưu tập biểu đồ', en: 'Chart gallery', generate: 'gallery' },
  { slug: 'architecture', vi: 'Kiến trúc (cho người đóng góp)', en: 'Architecture (for contributors)' },
];

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

export function slugify(text) {
  return String(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function markdown() {
  const marked = new Marked();
  marked.use({
    // Pages link each other as .md (readable on a forge); the site serves them as .html.
    walkTokens(token) {
      if (token.type === 'link' && /^(?![a-z]+:)[^#]+\.md(#|$)/i.test(token.href)) token.href = token.href.replace(/\.md(#|$)/, '.html$1');
    },
    renderer: {
      heading({ tokens, depth }) {
        const text = this.parser.parseInline(tokens);
        const id = slugify(text);
        return `<h${depth} id="${id}"><a class="anchor" href="#${id}" aria-hidden="true">#</a>${text}</h${depth}>\n`;
      },
    },
  });
  return marked;
}

// ---- generated pages ----------------------------------------------------------------------------

async function importDist(path) {
  const file = join(root, 'dist', path);
  if (!existsSync(file)) throw new Error(`docs: ${relative(root, file)} is missing; run \`npm run build\` first`);
  return import(pathToFileURL(file).href);
}

const cell = (s) => escapeHtml(s ?? '').replace(/\|/g, '&#124;');

async function generateIndicators(lang) {
  const registry = await importDist('registry/index.js');
  const rows = registry.listIndicators();
  const head =
    lang === 'vi'
      ? '| Mã | Tên | Đơn vị | Loại | Thấp hơn là tốt hơn | Điểm gãy phương pháp |\n|---|---|---|---|---|---|'
      : '| Id | Name | Unit | Kind | Lower is better | Methodology breaks |\n|---|---|---|---|---|---|';
  const yes = lang === 'vi' ? 'có' : 'yes';
  const no = lang === 'vi' ? 'không' : 'no';
  const lines = rows.map((i) => {
    const breaks = (i.breaks ?? []).map((b) => `${b.after}/${b.after + 1}: ${b.label[lang]}`).join('; ');
    const lower = i.lowerIsBetter === null ? '—' : i.lowerIsBetter ? yes : no;
    return `| \`${cell(i.id)}\` | ${cell(i.label[lang])} | ${cell(i.unit)} | ${cell(i.kind)} | ${lower} | ${cell(breaks)} |`;
  });
  const intro = readPart(lang, 'indicators');
  return `${intro}\n\n${head}\n${lines.join('\n')}\n`;
}

async function generateElements(lang) {
  const file = join(root, 'custom-elements.json');
  const intro = readPart(lang, 'elements');
  if (!existsSync(file)) return `${intro}\n\n_custom-elements.json is missing: run \`npm run manifest\`._\n`;
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const parts = [intro];
  for (const mod of manifest.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.customElement || !decl.tagName) continue;
      parts.push(`## \`<${decl.tagName}>\``);
      if (decl.summary) parts.push(escapeHtml(decl.summary));
      if (decl.description) parts.push(escapeHtml(decl.description));
      const table = (title, items, cols) => {
        if (!items?.length) return;
        parts.push(`### ${title}`);
        parts.push(`| ${cols.map((c) => c[0]).join(' | ')} |\n|${cols.map(() => '---').join('|')}|`);
        parts.push(items.map((it) => `| ${cols.map((c) => cell(c[1](it))).join(' | ')} |`).join('\n'));
      };
      const L = lang === 'vi';
      table(L ? 'Thuộc tính HTML' : 'Attributes', decl.attributes, [
        [L ? 'Tên' : 'Name', (a) => a.name],
        [L ? 'Kiểu' : 'Type', (a) => a.type?.text],
        [L ? 'Mặc định' : 'Default', (a) => a.default],
        [L ? 'Mô tả' : 'Description', (a) => a.description],
      ]);
      table(L ? 'Sự kiện' : 'Events', decl.events, [
        [L ? 'Tên' : 'Name', (e) => e.name],
        [L ? 'Mô tả' : 'Description', (e) => e.description],
      ]);
      table('CSS parts', decl.cssParts, [
        [L ? 'Tên' : 'Name', (p) => p.name],
        [L ? 'Mô tả' : 'Description', (p) => p.description],
      ]);
      table(L ? 'Biến CSS' : 'CSS custom properties', decl.cssProperties, [
        [L ? 'Tên' : 'Name', (p) => p.name],
        [L ? 'Mặc định' : 'Default', (p) => p.default],
        [L ? 'Mô tả' : 'Description', (p) => p.description],
      ]);
    }
  }
  return parts.join('\n\n') + '\n';
}

/** The API reference: each public module's declarations, as the compiler emitted them. */
async function generateApi(lang) {
  const intro = readPart(lang, 'api');
  // Every entry of package.json `exports`, as listed (with its names) in api/entries.json.
  const entries = JSON.parse(readFileSync(join(root, 'api', 'entries.json'), 'utf8'));
  const modules = Object.entries(entries).map(([name, e]) => [name, e.source.replace(/^src\//, '').replace(/\.ts$/, '.d.ts')]);
  const parts = [intro];
  const seen = new Set();
  const visit = (file, depth) => {
    const abs = join(root, 'dist', file);
    if (seen.has(abs) || !existsSync(abs) || depth > 3) return;
    seen.add(abs);
    const text = readFileSync(abs, 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '').trim();
    const reexports = [...text.matchAll(/from '(\.[^']+)\.js'/g)].map((m) => join(dirname(file), m[1] + '.d.ts'));
    const own = text
      .split('\n')
      .filter((l) => !/^export \* from|^export \{[^}]*\} from|^import /.test(l))
      .join('\n')
      .trim();
    if (own) parts.push(`### \`${file.replace(/\.d\.ts$/, '')}\`\n\n\`\`\`ts\n${own}\n\`\`\``);
    for (const r of reexports) visit(r, depth + 1);
  };
  for (const [name, file] of modules) {
    parts.push(`## \`${name}\``);
    visit(file, 0);
  }
  return parts.join('\n\n') + '\n';
}

async function generateGallery(lang) {
  const intro = readPart(lang, 'gallery');
  const dir = join(root, 'test', 'output');
  const svgs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.svg') && !f.endsWith('-changed.svg')).sort() : [];
  mkdirSync(join(out, 'gallery'), { recursive: true });
  const items = svgs.map((f) => {
    copyFileSync(join(dir, f), join(out, 'gallery', f));
    const name = f.replace(/\.svg$/, '');
    return `<figure class="gallery-item"><img src="../gallery/${encodeURIComponent(f)}" alt="${escapeHtml(name)}" loading="lazy"><figcaption><code>${escapeHtml(name)}</code></figcaption></figure>`;
  });
  return `${intro}\n\n<div class="gallery">\n${items.join('\n')}\n</div>\n`;
}

const generators = { indicators: generateIndicators, elements: generateElements, api: generateApi, gallery: generateGallery };

/** Hand-written introduction of a generated page: docs/<lang>/<slug>.md, if any. */
function readPart(lang, slug) {
  const file = join(root, 'docs', lang, `${slug}.md`);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

// ---- layout -----------------------------------------------------------------------------------

const css = `
:root { color-scheme: light dark; --fg: #1d2330; --muted: #5b6475; --bg: #fff; --side: #f4f6f9; --accent: #0b5cad; --code: #f1f3f6; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9ef; --muted: #a3abb9; --bg: #14171d; --side: #1b1f27; --accent: #7ab4ff; --code: #222734; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 "Be Vietnam Pro", system-ui, sans-serif; color: var(--fg); background: var(--bg); display: grid; grid-template-columns: 16rem minmax(0, 1fr); min-height: 100vh; }
nav { background: var(--side); padding: 1.5rem 1rem; position: sticky; top: 0; height: 100vh; overflow: auto; }
nav a { display: block; color: var(--fg); text-decoration: none; padding: .25rem .5rem; border-radius: 4px; }
nav a[aria-current="page"] { background: var(--accent); color: var(--bg); }
nav .brand { font-weight: 700; font-size: 1.25rem; margin-bottom: 1rem; }
nav .lang { margin-top: 1.5rem; font-size: .9rem; color: var(--muted); }
main { padding: 2rem 3rem; max-width: 60rem; min-width: 0; overflow-wrap: break-word; }
a { color: var(--accent); }
a:focus-visible, nav a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
code { background: var(--code); padding: .1em .3em; border-radius: 3px; font-size: .92em; overflow-wrap: anywhere; }
pre { background: var(--code); padding: 1rem; overflow: auto; border-radius: 6px; }
pre code { background: none; padding: 0; overflow-wrap: normal; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .92rem; }
th, td { border-bottom: 1px solid color-mix(in srgb, var(--fg) 15%, transparent); padding: .4rem .5rem; text-align: left; vertical-align: top; }
.anchor { opacity: 0; margin-left: -1em; padding-right: .2em; text-decoration: none; }
h1:hover .anchor, h2:hover .anchor, h3:hover .anchor { opacity: .6; }
.gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1.5rem; }
.gallery-item { margin: 0; background: #fff; border-radius: 6px; padding: .5rem; }
.gallery-item img { width: 100%; height: auto; }
.gallery-item figcaption { color: #333; font-size: .85rem; }
/* Phones: one column; a table wider than the screen scrolls inside itself, never the page. */
@media (max-width: 48rem) { body { grid-template-columns: minmax(0, 1fr); } nav { position: static; height: auto; } main { padding: 1rem; } table { display: block; overflow-x: auto; } }
`;

function layout({ lang, page, body, title }) {
  const other = lang === 'vi' ? 'en' : 'vi';
  const nav = pages
    .map((p) => `<a href="${p.slug}.html"${p.slug === page.slug ? ' aria-current="page"' : ''}>${escapeHtml(p[lang])}</a>`)
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · chiso</title>
<link rel="stylesheet" href="../style.css">
</head>
<body>
<nav aria-label="${lang === 'vi' ? 'Mục lục' : 'Contents'}">
<div class="brand">chiso</div>
${nav}
<div class="lang"><a href="../${other}/${page.slug}.html" hreflang="${other}" lang="${other}">${other === 'en' ? 'English' : 'Tiếng Việt'}</a></div>
</nav>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

// ---- link check -------------------------------------------------------------------------------

/** Every href/src inside the site that is not absolute must name a file that exists, and an anchor that exists. */
export function checkLinks(siteDir) {
  const broken = [];
  const htmlFiles = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) htmlFiles.push(p);
    }
  };
  walk(siteDir);
  const ids = new Map();
  const idsOf = (file) => {
    if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
    return ids.get(file);
  };
  for (const file of htmlFiles) {
    const html = readFileSync(file, 'utf8').replace(/<pre[\s\S]*?<\/pre>/g, '');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = m[1].replace(/&amp;/g, '&');
      if (/^(?:[a-z]+:|\/\/)/i.test(link)) continue;
      const [path, anchor] = link.split('#');
      const target = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
      if (!existsSync(target)) {
        broken.push(`${relative(siteDir, file)} -> ${link} (no such file)`);
        continue;
      }
      if (anchor && target.endsWith('.html') && !idsOf(target).has(anchor)) {
        broken.push(`${relative(siteDir, file)} -> ${link} (no such anchor)`);
      }
    }
  }
  return broken;
}

// ---- build ------------------------------------------------------------------------------------

export async function buildDocs({ log = console.log } = {}) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'style.css'), css.trim() + '\n');
  for (const lang of langs) {
    mkdirSync(join(out, lang), { recursive: true });
    for (const page of pages) {
      const md = page.generate ? await generators[page.generate](lang) : readPart(lang, page.slug);
      if (!md.trim()) throw new Error(`docs: docs/${lang}/${page.slug}.md is missing or empty`);
      const body = markdown().parse(md);
      const title = md.match(/^#\s+(.+)$/m)?.[1] ?? page[lang];
      writeFileSync(join(out, lang, `${page.slug}.html`), layout({ lang, page, body, title }));
    }
  }
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>chiso</title><meta http-equiv="refresh" content="0; url=vi/index.html"></head><body><p><a href="vi/index.html">Tiếng Việt</a> · <a href="en/index.html">English</a></p></body></html>\n`,
  );
  const broken = checkLinks(out);
  if (broken.length) {
    throw new Error(`docs: ${broken.length} broken internal link(s):\n  ${broken.join('\n  ')}`);
  }
  log(`docs: ${langs.length * pages.length} pages written to ${relative(root, out)}/ (links checked)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildDocs().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
