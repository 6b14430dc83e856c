/**
 * Baking a page: every `<chiso-chart>`, `<chiso-map>`, `<chiso-kpi>` and `<chiso-table>` gets, inside
 * its own tag, what it shows — the chart as SVG drawn by the Node renderer, its generated description,
 * its source and its data table — so that a reader without JavaScript (blocked, failing, a CMS that
 * strips scripts, a printer, a search engine) sees every figure. The element adopts that content when
 * its script arrives and loads Vega only when the reader wants more (see `hydrate`).
 *
 * Light DOM, not declarative shadow DOM: CMS rich-text editors (TinyMCE, CKEditor) strip
 * `<template shadowrootmode>`, `innerHTML` does not parse it, and light DOM is indexed and printed as
 * plain HTML. The element shows it through a `<slot>`.
 *
 * The page is scanned, not parsed and reserialized: every byte outside the elements baked stays as it
 * was, and baking a baked page gives the same page.
 */
import '../../messages/render.js';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Observation } from '../../types.js';
import type { Lang } from '../../format/index.js';
import { formatPeriod, formatUnit, formatValue } from '../../format/index.js';
import { ChisoError, diagnostic, isChisoError } from '../../errors.js';
import { langOf, message } from '../../messages/index.js';
import { cachedObservations } from './observations.js';
import { parseFollow, parseList, parseYears, type ViewQuery } from '../../components/core/view-query.js';
import { viewRows } from '../../components/core/view-rows.js';
import { chart as recipe, describe, type ChartOptions } from '../../charts/index.js';
import { kpiFacts, kpiChange } from '../../charts/kpi.js';
import { isChartType, type ChartType } from '../../charts/types.js';
import { sourceLine } from '../../charts/common.js';
import { getRegion } from '../../registry/index.js';
import { seriesIsMethod } from '../../registry/indicators.js';
import { indicatorLabel, regionName, seriesLabel } from '../../registry/names.js';
import { chartTableText } from '../../components/core/table-text.js';
import { rowsFor34, isUnits } from '../../registry/crosswalk.js';
import { parseTopology, simplifyForMap, type MapShapeOptions } from '../../charts/geometry.js';
import { mapShapeOptions } from '../../charts/map.js';
import { shapeKey, type BakedBoundaries } from '../../components/chart/baked-map.js';
import { escapeXml } from '../document.js';
import { BAKED_CSS } from '../baked-css.js';
import { toVegaSpecWith, type RenderSpec } from '../spec-base.js';
import { hideUnlabelledMarks } from '../aria-marks.js';
import { compileVegaLite } from './vega.js';
import { renderSvg } from './svg.js';
import { textRuns } from '../document.js';
import { cssWeight, defaultFontSet, digest, faceFor, subsetBase64, type FontFace } from './fonts.js';

/** The tags a page can bake. */
export const BAKED_TAGS = ['chiso-chart', 'chiso-map', 'chiso-kpi', 'chiso-table'] as const;
export type BakedTag = (typeof BAKED_TAGS)[number];

/** Width charts are laid out for, in CSS pixels, when the page says nothing: they shrink to a phone's width. */
export const DEFAULT_BAKE_WIDTH = 640;
/** A chart's compiled Vega spec larger than this (a map's boundaries) is not embedded: that chart hydrates through the data and the recipe. */
export const MAX_EMBEDDED_SPEC = 120_000;

export interface BakeOptions {
  /** The site's root folder: `src="/data/x.csv"` is read from `root/data/x.csv`. Default: the working directory. */
  root?: string;
  /** The page's own address under `root` (`/examples/portal/index.html`), against which relative `src`s resolve. Default `/index.html`. */
  page?: string;
  /** File name in error messages. Default: `page`. */
  file?: string;
  /** Width charts are drawn for. Default 640 (`DEFAULT_BAKE_WIDTH`); an element's `bake-width` attribute wins. */
  width?: number;
  /** Language of every element. Default: the dashboard's `lang`, else the page's `<html lang>`, else `vi`. */
  lang?: Lang;
  /** Address of the stylesheet written beside the page (`css` of the result), linked from `<head>`. Default `chiso-baked.css`. */
  stylesheet?: string;
  /** Called after each element. */
  onProgress?: (done: number, total: number, tag: string, line: number) => void;
}

export interface BakeResult {
  /** The page with every element baked. */
  html: string;
  /** The stylesheet the page links to (`stylesheet`): the baked content's look and the chart font, subset to the page's text. */
  css: string;
  /** Its address, as linked. */
  stylesheet: string;
  /** How many elements were baked. */
  elements: number;
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** Offsets of `<` and of the character after `>`. */
  start: number;
  end: number;
  line: number;
}

/** The embed's script: `chiso.embed.js`, wherever it is served from. */
const EMBED_SRC = /(^|\/)chiso\.embed[^/]*\.js([?#]|$)/;

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'template']);

/** `&amp;` and friends in an attribute value. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (whole, e: string) => {
    const k = e.toLowerCase();
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
    if (named[k]) return named[k];
    const cp = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

const ATTR = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;

/** The start tag at `at` (which holds `<`), or null when it is not one. */
function readTag(html: string, at: number, line: number): Tag | null {
  const m = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(at, at + 64));
  if (!m) return null;
  const attrs = new Map<string, string>();
  let i = at + m[0].length;
  for (;;) {
    ATTR.lastIndex = i;
    const a = ATTR.exec(html);
    if (!a || a.index !== i || a[0].length === 0) break;
    const name = a[1].toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    i = ATTR.lastIndex;
  }
  while (i < html.length && html[i] !== '>') i++;
  return { name: m[1].toLowerCase(), attrs, start: at, end: i + 1, line };
}

interface Found {
  tag: Tag;
  /** Offset after the start tag and offset of the end tag. */
  inner: [number, number];
  dashboard: Tag | undefined;
}

/** Every element to bake, with its enclosing dashboard; comments and raw-text elements are skipped. */
function scan(html: string): { found: Found[]; htmlLang: string | undefined; embeds: Tag[] } {
  const found: Found[] = [];
  const embeds: Tag[] = [];
  const dashboards: Tag[] = [];
  let htmlLang: string | undefined;
  let line = 1;
  let last = 0;
  const lineAt = (i: number) => {
    for (; last < i; last++) if (html.charCodeAt(last) === 10) line++;
    return line;
  };
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const e = html.indexOf('-->', i + 4);
      i = e === -1 ? html.length : e + 3;
      continue;
    }
    if (html[i + 1] === '/') {
      const m = /^<\/([a-zA-Z][^\s>]*)\s*>/.exec(html.slice(i, i + 64));
      const name = m?.[1].toLowerCase();
      if (name === 'chiso-dashboard') dashboards.pop();
      i += m ? m[0].length : 2;
      continue;
    }
    const tag = readTag(html, i, lineAt(i));
    if (!tag) {
      i++;
      continue;
    }
    i = tag.end;
    if (tag.name === 'html' && htmlLang === undefined) htmlLang = tag.attrs.get('lang');
    if (tag.name === 'script' && EMBED_SRC.test(tag.attrs.get('src') ?? '') && !tag.attrs.has('fetchpriority')) embeds.push(tag);
    if (tag.name === 'chiso-dashboard') dashboards.push(tag);
    else if ((BAKED_TAGS as readonly string[]).includes(tag.name)) {
      const close = new RegExp(`</${tag.name}\\s*>`, 'ig');
      close.lastIndex = tag.end;
      const c = close.exec(html);
      if (!c) throw bakeError(tag, undefined, new Error(`no </${tag.name}>`));
      found.push({ tag, inner: [tag.end, c.index], dashboard: dashboards[dashboards.length - 1] });
      i = c.index;
    } else if (RAW_TEXT.has(tag.name) && !html.slice(tag.start, tag.end).endsWith('/>')) {
      const close = new RegExp(`</${tag.name}\\s*>`, 'ig');
      close.lastIndex = tag.end;
      const c = close.exec(html);
      i = c ? c.index : html.length;
    }
  }
  return { found, htmlLang, embeds };
}

function bakeError(tag: Tag, file: string | undefined, e: unknown): ChisoError {
  const d = isChisoError(e) ? e.diagnostics[0] : undefined;
  const en = d ? d.en : e instanceof Error ? e.message : String(e);
  const vi = d ? d.vi : en;
  return new ChisoError(diagnostic('BAKE_ELEMENT_FAILED', { tag: tag.name, line: tag.line, detail: en, detailVi: vi }, { ...(file ? { file } : {}), row: tag.line }));
}

/** Reads the observations of a dashboard's `src` (space-separated addresses), each file once per bake. */
class PageData {
  readonly #files = new Map<string, Promise<readonly Observation[]>>();
  constructor(
    readonly root: string,
    readonly page: string,
  ) {}

  path(src: string): string {
    const bare = src.split(/[?#]/)[0];
    if (/^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith('//')) throw new ChisoError(diagnostic('BAKE_SRC_NOT_LOCAL', { src, root: this.root }));
    const path = bare.startsWith('/') ? join(this.root, decodeURIComponent(bare)) : resolve(this.root, '.' + dirname(this.page), decodeURIComponent(bare));
    const rel = relative(this.root, path);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new ChisoError(diagnostic('BAKE_SRC_NOT_LOCAL', { src, root: this.root }));
    return path;
  }

  async observations(src: string): Promise<readonly Observation[]> {
    const all: Observation[] = [];
    for (const one of src.split(/\s+/).filter(Boolean)) {
      const path = this.path(one);
      let obs = this.#files.get(path);
      if (!obs) this.#files.set(path, (obs = cachedObservations(path, { file: one.split('/').pop() ?? one })));
      for (const o of await obs) all.push(o);
    }
    return all;
  }
}

const topologyFile = fileURLToPath(new URL('../../../data/geo/vn63_provinces_odv.topojson.json', import.meta.url));
const bakedTopologies = new Map<number, unknown>();
/**
 * The bundled boundaries simplified for the size the map is baked at (half a pixel on a map about
 * 1.6 times as tall as wide): what the reader sees, at a fraction of the bytes. The live map, when it
 * hydrates, draws the embed's finer boundaries in the same box.
 */
function bakedTopology(width: number): unknown {
  let t = bakedTopologies.get(width);
  if (t === undefined) bakedTopologies.set(width, (t = simplifyForMap(parseTopology(readFileSync(topologyFile, 'utf8'), 'vn63_provinces_odv.topojson.json'), 0.5, Math.round(width * 1.6))));
  return t;
}

function jsonAttr(tag: Tag, name: string): unknown {
  const text = tag.attrs.get(name);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ChisoError(diagnostic('BAKE_BAD_JSON', { attr: name, detail: e instanceof Error ? e.message : String(e) }));
  }
}

function numberAttr(tag: Tag, name: string): number | undefined {
  const text = tag.attrs.get(name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new ChisoError(diagnostic('BAKE_BAD_NUMBER', { attr: name, value: text }));
  return n;
}

/** The view's question from its attributes, as `ChisoViewElement.viewQuery` asks it with no selection made. */
function viewQueryOf(tag: Tag, filtersRegions: boolean): ViewQuery {
  const a = tag.attrs;
  const region = a.get('region');
  const period = a.get('period');
  const follow = parseFollow(a.get('follow'), a.get('filter-by'), { region: !!parseList(region), period: Object.keys(parseYears(period)).length > 0 });
  return {
    indicator: a.get('indicator'),
    regions: parseList(region),
    ...parseYears(period),
    ...(a.has('series') ? { series: a.get('series') } : {}),
    followRegions: filtersRegions && follow.region,
  };
}

function esc(text: string): string {
  return escapeXml(text);
}

/** Text for JSON inside `<script type="application/json">`: nothing in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The data table under a chart, as the element's own table says it (`chartTableText`): plain HTML, text escaped. */
export function bakedTableHtml(rows: readonly Observation[], lang: Lang, title: string): string {
  const table = chartTableText(rows, title, lang);
  const head = table.headings.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = table.cells.map(([first, ...rest]) => `<tr><th scope="row">${esc(first)}</th>${rest.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<table><caption>${esc(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

interface Baked {
  inner: string;
  svg: string;
}

async function bakeChart(tag: Tag, obs: readonly Observation[], lang: Lang, width: number): Promise<Baked> {
  const a = tag.attrs;
  const type = tag.name === 'chiso-map' ? 'map' : (a.get('type') ?? 'line');
  if (!isChartType(type) || type === 'kpi') {
    throw new ChisoError(diagnostic('COMPONENTS_UNKNOWN_TYPE', { value: type, allowed: 'line, bar, map, scatter, slope, progress' }));
  }
  const filtersRegions = !(type === 'bar' || type === 'map' || type === 'scatter');
  let rows = viewRows(obs, viewQueryOf(tag, filtersRegions), { regions: null, periods: null });
  const units = isUnits(a.get('units')) ? (a.get('units') as '63' | '34') : '63';
  if (type === 'map') rows = units === '34' ? rowsFor34(rows) : rows.filter((o) => getRegion(o.region)?.level === 'province');
  if (rows.length === 0) {
    const text = message('COMPONENTS_EMPTY', { label: indicatorLabel(a.get('indicator'), lang) }, lang);
    return { inner: `<div class="chiso-baked" data-chiso-baked><p class="chiso-baked-status">${esc(text)}</p></div>`, svg: '' };
  }
  const options: Record<string, unknown> = {
    ...(a.get('indicator') ? { indicator: a.get('indicator') } : {}),
    ...(a.get('chart-title') ? { title: a.get('chart-title') } : {}),
    ...(a.has('height') ? { height: numberAttr(tag, 'height') } : {}),
    ...(a.has('annotations') ? { annotations: jsonAttr(tag, 'annotations') } : {}),
    fitWidth: numberAttr(tag, 'bake-width') ?? width,
    ...(a.has('spec') ? { spec: jsonAttr(tag, 'spec') } : {}),
    ...(type === 'map' ? { units, topology: bakedTopology(numberAttr(tag, 'bake-width') ?? width) } : {}),
  };
  const spec = recipe(type as ChartType, rows, options as never as ChartOptions[ChartType], lang);
  const description = typeof (spec as { description?: unknown }).description === 'string' ? (spec as { description: string }).description : describe(type as ChartType, rows, options as never, lang);
  const fonts = defaultFontSet();
  const drawn = await renderSvg(spec as RenderSpec, { lang, embedFont: false, fonts, precision: type === 'map' ? 1 : 2 });
  let svg = drawn.replace(/ font-family="&quot;Be Vietnam Pro&quot;/g, ` font-family="${BAKED_FAMILY}, &quot;Be Vietnam Pro&quot;`);
  // An image with a name: the figure's caption says the rest.
  svg = svg.replace(/ role="graphics-document document"/, ' role="img" focusable="false"');
  if (!filtersRegions) svg = markRegions(svg, rows, lang);
  let vega = hideUnlabelledMarks(toVegaSpecWith(compileVegaLite, spec as RenderSpec, { font: fonts.family }) as never) as unknown;
  // A map's spec goes without its boundaries (the embed has them, finer, beside its script): only the
  // figures on each shape are baked, and hydration puts them on the shapes it loads.
  let geoJson = '';
  if (type === 'map') {
    const split = withoutBoundaries(vega as BakedVega, mapShapeOptions({ ...(typeof options.height === 'number' ? { height: options.height } : {}) }, units));
    if (split) {
      vega = split.spec;
      geoJson = scriptJson(split.boundaries);
    }
  }
  const vegaJson = scriptJson(vega).replace(/\\"Be Vietnam Pro\\"/g, `${BAKED_FAMILY}, \\"Be Vietnam Pro\\"`);
  const live = vegaJson.length + geoJson.length <= MAX_EMBEDDED_SPEC;
  const source = sourceLine(rows, lang);
  // Titled as the element titles its table: the description's first sentence.
  const table = bakedTableHtml(rows, lang, description.split('.')[0] ?? '');
  const inner =
    `<div class="chiso-baked" data-chiso-baked data-chiso-width="${esc(String(options.fitWidth))}">` +
    `<figure class="chiso-baked-figure"><div class="chiso-baked-chart">${svg}</div>` +
    `<figcaption class="chiso-baked-description">${esc(description)}</figcaption>` +
    (source ? `<p class="chiso-baked-source">${esc(source)}</p>` : '') +
    `<details class="chiso-baked-data"><summary>${esc(message('COMPONENTS_SHOW_TABLE', {}, lang))}</summary><div class="chiso-baked-table">${table}</div></details></figure>` +
    (live ? `<script type="application/json" class="chiso-baked-vega">${vegaJson}</script>` : '') +
    (live && geoJson ? `<script type="application/json" class="chiso-baked-geo">${geoJson}</script>` : '') +
    `</div>`;
  return { inner, svg: drawn };
}

type BakedVega = { data?: { name?: string; values?: unknown; format?: { type?: string; feature?: string } }[] };

/**
 * A map's compiled spec without the topology it holds inline: its dataset is left empty, to be filled
 * when the map hydrates (`withBoundaries`), and the figures on each shape go beside it, by region and
 * part. Null when the spec holds no boundaries.
 */
function withoutBoundaries(vega: BakedVega, shapes: MapShapeOptions): { spec: BakedVega; boundaries: BakedBoundaries } | null {
  const at = (vega.data ?? []).findIndex((d) => d.format?.type === 'topojson' && d.values && typeof d.values === 'object' && !Array.isArray(d.values));
  if (at < 0) return null;
  const entry = vega.data![at];
  const topology = entry.values as { objects: Record<string, { geometries?: { properties?: Record<string, unknown> }[] }> };
  const object = entry.format?.feature ?? Object.keys(topology.objects)[0];
  const figures: Record<string, Record<string, unknown>> = {};
  for (const g of topology.objects[object]?.geometries ?? []) {
    const p = g.properties ?? {};
    figures[shapeKey(p)] = p;
  }
  const { values: _, ...empty } = entry;
  void _;
  const data = [...vega.data!];
  data[at] = empty;
  return { spec: { ...vega, data }, boundaries: { dataset: entry.name ?? '', shapes, figures } };
}

async function bakeKpi(tag: Tag, obs: readonly Observation[], lang: Lang): Promise<Baked> {
  const rows = viewRows(obs, viewQueryOf(tag, true), { regions: null, periods: null });
  const first = rows[0];
  const method = first ? seriesIsMethod(first.indicator) : false;
  const same = (o: Observation) => first && o.indicator === first.indicator && o.region === first.region && (method || o.series === first.series);
  const facts = first && rows.some((o) => same(o) && o.value !== null) ? kpiFacts(rows, { indicator: first.indicator, region: first.region, series: method ? undefined : first.series, maxRows: Number.POSITIVE_INFINITY }) : undefined;
  const o = facts?.current;
  if (!o) {
    const text = message('COMPONENTS_EMPTY', { label: indicatorLabel(tag.attrs.get('indicator'), lang) }, lang);
    return { inner: `<div class="chiso-baked" data-chiso-baked><p class="chiso-baked-status">${esc(text)}</p></div>`, svg: '' };
  }
  const label = tag.attrs.get('label') ?? (method ? undefined : seriesLabel(o.indicator, o.series, lang)) ?? indicatorLabel(o.indicator, lang);
  const preliminary = o.status === 'preliminary' ? ` (${message('COMPONENTS_PRELIMINARY', {}, lang)})` : '';
  const change = kpiChange(facts, lang);
  const unit = o.unit && o.unit !== '%' ? ` <span class="unit">${esc(formatUnit(o.unit, lang))}</span>` : '';
  const inner =
    `<div class="chiso-baked chiso-baked-kpi" data-chiso-baked role="group" aria-label="${esc(label)}">` +
    `<p class="label">${esc(label)}</p><p class="value">${esc(formatValue(o, lang, { unit: o.unit === '%' }))}${unit}</p>` +
    `<p class="meta">${esc(regionName(o.region, lang))} · ${esc(formatPeriod(o.period, lang))}${esc(preliminary)}</p>` +
    (change ? `<p class="change" data-tone="${esc(change.tone)}">${esc(change.text)}</p>` : '') +
    (o.quote ? `<p class="quote">“${esc(o.quote)}”</p>` : '') +
    `</div>`;
  return { inner, svg: '' };
}

async function bakeTable(tag: Tag, obs: readonly Observation[], lang: Lang): Promise<Baked> {
  const rows = viewRows(obs, viewQueryOf(tag, true), { regions: null, periods: null });
  const caption = indicatorLabel(tag.attrs.get('indicator') ?? rows[0]?.indicator, lang);
  const source = sourceLine(rows, lang);
  return {
    inner: `<div class="chiso-baked" data-chiso-baked><div class="chiso-baked-table">${bakedTableHtml(rows, lang, caption)}</div>${source ? `<p class="chiso-baked-source">${esc(source)}</p>` : ''}</div>`,
    svg: '',
  };
}

/**
 * Each mark of a map or bar chart gets its region's id (`data-region`), found from the name its label
 * starts with, so a click on the baked picture selects that region before Vega is there.
 */
function markRegions(svg: string, rows: readonly Observation[], lang: Lang): string {
  const names = [...new Set(rows.map((o) => o.region))].map((id) => ({ id, name: regionName(id, lang) })).sort((a, b) => b.name.length - a.name.length);
  return svg.replace(/<path aria-label="([^"]*)" role="graphics-symbol"/g, (whole, label: string) => {
    const text = decodeEntities(label);
    const hit = names.find((n) => text === n.name || (text.startsWith(n.name) && /^[,:;]/.test(text.slice(n.name.length))));
    return hit ? `${whole} data-region="${esc(hit.id)}"` : whole;
  });
}

/** `<tag ...>` with a `baked` attribute (added once). */
function markedStart(html: string, tag: Tag): string {
  const text = html.slice(tag.start, tag.end);
  if (tag.attrs.has('baked')) return text;
  return text.replace(/\s*\/?>$/, (end) => ` baked${end.trimStart()}`);
}


/**
 * Bakes every chiso element of `html`. Throws a ChisoError naming the file, the line and the element
 * for the first element that cannot be drawn (a bad attribute, data missing).
 */
export async function bakePage(html: string, options: BakeOptions = {}): Promise<BakeResult> {
  const root = realpathSync(resolve(options.root ?? process.cwd()));
  const page = options.page ?? '/index.html';
  const file = options.file ?? page;
  const stylesheet = options.stylesheet ?? 'chiso-baked.css';
  const width = options.width ?? DEFAULT_BAKE_WIDTH;
  const { found, htmlLang, embeds } = scan(html);
  const data = new PageData(root, page);
  const edits: { start: number; end: number; text: string }[] = [];
  const svgs: string[] = [];
  const dashboards = new Set<Tag>();
  let done = 0;
  for (const f of found) {
    let baked: Baked;
    try {
      const src = f.dashboard?.attrs.get('src');
      if (!src) throw new ChisoError(diagnostic('BAKE_NO_DATA', {}));
      // The nearest `lang` tag, read as the element reads it in the page (langOf).
      const lang = options.lang ?? langOf(f.tag.attrs.get('lang') ?? f.dashboard?.attrs.get('lang') ?? htmlLang);
      const obs = await data.observations(src);
      baked = f.tag.name === 'chiso-kpi' ? await bakeKpi(f.tag, obs, lang) : f.tag.name === 'chiso-table' ? await bakeTable(f.tag, obs, lang) : await bakeChart(f.tag, obs, lang, width);
    } catch (e) {
      throw bakeError(f.tag, file, e);
    }
    edits.push({ start: f.tag.start, end: f.inner[1], text: markedStart(html, f.tag) + baked.inner });
    if (f.dashboard) dashboards.add(f.dashboard);
    if (baked.svg) svgs.push(baked.svg);
    options.onProgress?.(++done, found.length, f.tag.name, f.tag.line);
  }
  // The dashboard is marked too: it keeps the space its switch takes, and waits to load its data.
  for (const d of dashboards) edits.push({ start: d.start, end: d.end, text: markedStart(html, d) });
  // A baked page needs the embed's script only for interaction: fetched at low priority, it does not
  // take a slow link's bandwidth from the page and its stylesheet before the first paint.
  if (found.length) for (const e of embeds) edits.push({ start: e.start, end: e.end, text: html.slice(e.start, e.end).replace(/\s*>$/, ' fetchpriority="low">') });
  edits.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(html.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(html.slice(at));
  let out = parts.join('');
  const css = BAKED_CSS + (await fontCss(svgs));
  out = linkStylesheet(out, stylesheet);
  return { html: out, css, stylesheet, elements: found.length };
}

/** The stylesheet's `<link>` in `<head>`: added before `</head>` once; its address updated when baked again. */
function linkStylesheet(html: string, href: string): string {
  const link = `<link rel="stylesheet" href="${esc(href)}" data-chiso-baked>`;
  const existing = /<link\b[^>]*\sdata-chiso-baked\b[^>]*>/i.exec(html);
  if (existing) return html.slice(0, existing.index) + link + html.slice(existing.index + existing[0].length);
  const head = /<\/head\s*>/i.exec(html);
  if (head) return `${html.slice(0, head.index)}${link}\n${html.slice(head.index)}`;
  return link + '\n' + html;
}

/**
 * The family the baked stylesheet declares the subset font under, asked for first by the charts' text
 * (baked and live): a name of its own, so the page's own text never meets a font cut down to the
 * charts' characters.
 */
export const BAKED_FAMILY = 'chiso-baked';

/** The chart font, cut down to the characters the page's charts use, under `BAKED_FAMILY`. */
async function fontCss(svgs: string[]): Promise<string> {
  if (!svgs.length) return '';
  const fonts = defaultFontSet();
  // A face that sets only a few characters (an axis title's "%", "sơ bộ" in italics) is left to the
  // browser's nearest face: each face costs a reader about a kilobyte and a half before the first paint.
  const chars = new Map<FontFace, Set<string>>();
  for (const run of textRuns(svgs.join(''))) {
    if (run.family !== fonts.family) continue;
    const face = faceFor(fonts, cssWeight(run.weight), run.style);
    let set = chars.get(face);
    if (!set) chars.set(face, (set = new Set()));
    for (const ch of run.text) set.add(ch);
  }
  const used = [...chars].filter(([, set]) => set.size >= MIN_FACE_CHARS).sort((a, b) => fonts.faces.indexOf(a[0]) - fonts.faces.indexOf(b[0]));
  const faces = await Promise.all(used.map(async ([face, set]) => ({ face, font: await subsetBase64(face, [...set].sort().join('')) })));
  return faces.map(({ face, font }) => `@font-face{font-family:"${BAKED_FAMILY}";font-style:${face.style};font-weight:${face.weight};font-display:block;src:url(data:font/ttf;base64,${font.base64}) format("truetype")}\n`).join('');
}

/** Fewest distinct characters a face must set to be embedded (see `fontCss`). */
const MIN_FACE_CHARS = 8;

/** The name a baked page's stylesheet gets when its content should decide it (long cache lifetimes). */
export function bakedStylesheetName(css: string): string {
  return `chiso-baked.${digest(css, 8)}.css`;
}
