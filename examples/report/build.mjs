#!/usr/bin/env node
/**
 * The report author's path, end to end: `chiso render` draws every chart of figures.json to SVG and PNG
 * without a browser, then this script writes the A4 page that numbers them (Hình 1, Hình 2, …) with the
 * title and description each SVG carries and the source note below.
 *
 *   npm run report                              # into examples/report/ (figures/ and index.html)
 *   node examples/report/build.mjs --out DIR    # anywhere else
 *
 * The figures and the page are committed, so the page opens without building; run this again after
 * the data or a recipe changes. It runs chiso's command line from the sources (through tsx), so it
 * needs no build step; with chiso installed, the same figures come from
 * `npx chiso render examples/report/figures.json --out examples/report/figures --format svg,png --allow-path`.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
const config = join(here, 'figures.json');

/** Source notes printed under each figure: what the file is, and what a reader must know about it. */
const NOTES = {
  '01-ty-le-ho-ngheo-theo-vung':
    'Nguồn: Tổng cục Thống kê, tỷ lệ hộ nghèo theo địa phương (bảng PX-Web, cập nhật 21/09/2018). Năm 2016 là số sơ bộ. Đường bị ngắt ở chỗ chuẩn nghèo thay đổi: 2006–2008 theo chuẩn 2006–2010, 2012–2015 theo chuẩn 2011–2015; số liệu năm 2010 và 2016 không rõ theo chuẩn nào, không so sánh với các năm khác.',
  '02-tinh-ty-le-ho-ngheo-cao-nhat-2016':
    'Nguồn: Tổng cục Thống kê, tỷ lệ hộ nghèo theo địa phương (bảng PX-Web, cập nhật 21/09/2018), số sơ bộ năm 2016, chuẩn nghèo không rõ. TP Hồ Chí Minh không có số liệu năm 2016 trong bảng này.',
  '03-thu-nhap-theo-vung':
    'Nguồn: Tổng cục Thống kê, thu nhập bình quân một người một tháng theo giá hiện hành (bảng PX-Web, cập nhật 21/09/2018). Năm 2016 là số sơ bộ.',
  '04-thu-nhap-theo-vung-2016':
    'Nguồn: Tổng cục Thống kê, thu nhập bình quân một người một tháng (bảng PX-Web, cập nhật 21/09/2018), số sơ bộ năm 2016, nghìn đồng/người/tháng, giá hiện hành. Đường đứt: cả nước.',
  '05-khen-thuong-chi-thi-05':
    'Nguồn: bản tin của TTXVN (Đồng Nai, 18/05/2023), Ban Tuyên giáo Huyện ủy Đức Thọ (07/05/2024) và Cổng thông tin điện tử Bắc Kạn (10/09/2019); mỗi số kèm câu trích nguyên văn của bản tin.',
};

const TITLE = 'Nghèo, thu nhập và phong trào học tập và làm theo Bác: hình minh họa';

function args(argv) {
  const i = argv.indexOf('--out');
  return { out: resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : here) };
}

/** Text for HTML: every string from a file or the data is escaped, never markup. */
function esc(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The title and description chiso wrote into the SVG, and its size. */
function svgFacts(svg) {
  const title = /<title>([^<]*)<\/title>/.exec(svg)?.[1] ?? '';
  const desc = /<desc>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  // The description ends with the chart's own source line; the page prints a fuller note instead.
  const description = unescapeXml(desc).replace(/\.?\s*Nguồn:[^]*$/, '').replace(/\.\.$/, '.').trim();
  return { title: unescapeXml(title), description: description && !description.endsWith('.') ? `${description}.` : description, width, height };
}

/**
 * The page's text in Be Vietnam Pro too: @font-face rules pointing at the font package chiso already
 * depends on (relative to the page, so file:// works), falling back to the system's sans-serif.
 */
function fontFaces(out) {
  const dir = relative(out, join(here, '../../node_modules/@expo-google-fonts/be-vietnam-pro')).split('\\').join('/');
  return [
    [400, '400Regular/BeVietnamPro_400Regular.ttf'],
    [600, '600SemiBold/BeVietnamPro_600SemiBold.ttf'],
    [700, '700Bold/BeVietnamPro_700Bold.ttf'],
  ]
    .map(([weight, file]) => `@font-face { font-family: 'Be Vietnam Pro'; font-weight: ${weight}; src: url('${dir}/${file}') format('truetype'); }`)
    .join('\n      ');
}

function page(figures, out) {
  const items = figures
    .map(
      (f, i) => `    <figure class="fig" id="hinh-${i + 1}">
      <figcaption class="fig-title"><span class="fig-number">Hình ${i + 1}.</span> ${esc(f.title)}</figcaption>
      <img src="figures/${esc(f.id)}.svg" width="${f.width}" height="${f.height}" alt="${esc(f.title)}" aria-describedby="mo-ta-${i + 1}" />
      <p class="fig-description" id="mo-ta-${i + 1}">${esc(f.description)}</p>
      <p class="fig-source">${esc(f.note)}</p>
      <p class="fig-files screen-only">Tải về: <a href="figures/${esc(f.id)}.svg" download>SVG</a> · <a href="figures/${esc(f.id)}.png" download>PNG</a></p>
    </figure>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>chiso — ${esc(TITLE)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="./report.css" />
    <style>
      ${fontFaces(out)}
    </style>
  </head>
  <body>
    <!-- Written by examples/report/build.mjs from figures.json: edit those, then run npm run report. -->
    <p class="screen-only toolbar"><a href="../">← Ví dụ / Examples</a> · In trang này (Ctrl+P) ra khổ A4, mỗi hình một trang / Print to A4, one figure per page.</p>
    <main class="sheet">
    <header class="cover">
      <p class="kicker">chiso · Báo cáo mẫu</p>
      <h1>${esc(TITLE)}</h1>
      <p>Các hình dưới đây được xuất bằng <code>chiso render</code> từ tệp cấu hình <code>figures.json</code> (dữ liệu, truy vấn, biểu đồ), không cần trình duyệt: mỗi hình có tệp SVG (chữ tiếng Việt nhúng phông Be Vietnam Pro) và PNG để chèn vào Word hay PDF. Tiêu đề và mô tả của mỗi hình lấy từ chính tệp SVG; ghi chú nguồn in ngay dưới hình.</p>
      <p lang="en">Figures exported by <code>chiso render</code> from <code>figures.json</code> without a browser, as SVG and PNG; each is numbered, titled, described and sourced.</p>
    </header>
${items}
    </main>
  </body>
</html>
`;
}

export async function build(out) {
  const figuresDir = join(out, 'figures');
  mkdirSync(figuresDir, { recursive: true });
  register();
  const { main } = await import('../../src/cli/index.ts');
  const code = await main(['render', config, '--out', figuresDir, '--format', 'svg,png', '--allow-path']);
  if (code !== 0) throw new Error(`chiso render exited with ${code}`);
  const { charts } = JSON.parse(readFileSync(config, 'utf8'));
  const figures = charts.map((c) => {
    const facts = svgFacts(readFileSync(join(figuresDir, `${c.id}.svg`), 'utf8'));
    return { id: c.id, ...facts, note: NOTES[c.id] ?? '' };
  });
  if (resolve(out) !== here) copyFileSync(join(here, 'report.css'), join(out, 'report.css'));
  writeFileSync(join(out, 'index.html'), page(figures, out));
  return { figures, page: join(out, 'index.html') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { out } = args(process.argv.slice(2));
  const { figures, page: written } = await build(out);
  process.stderr.write(`${figures.length} hình, trang: ${relative(process.cwd(), written)} / ${figures.length} figures, page: ${relative(process.cwd(), written)}\n`);
}
