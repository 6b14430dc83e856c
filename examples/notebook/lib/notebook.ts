/// <reference types="vite/client" />
/**
 * A small notebook for chiso's analyst pages. A page is a module of cells:
 *
 *   cell({ title, prose }, async () => { ...code...; return output; });
 *
 * Each cell shows its prose, its own source text (the function's, as the dev server serves it) and,
 * under it, what the function returns: an Arquero table or an array of rows (a table with column
 * summaries), a Vega-Lite spec (a chart), a DOM node, a string, or several of these with `many()`.
 * Cells run in order; an error stays in its cell (in Vietnamese and English) and the next cell runs.
 * Vite's hot reload re-runs the page module, so editing a cell redraws the page.
 *
 * Every text from data is set with `textContent`: nothing here builds markup from strings.
 */
import type { TopLevelSpec } from 'vega-lite';
import { isChisoError } from '../../../src/errors.js';
import { embedChart, type EmbeddedChart } from '../../../src/render/browser.js';
import { renderTable, type TableOptions } from './table-view.js';
import { el } from './dom.js';
import { cellBodies, dedent, pageModuleText } from './source.js';
import type { Observation } from '../../../src/types.js';
import '../../../src/components/table/table.js';
import '../../../src/components/dashboard/dashboard.js';

/** What a cell says about itself. */
export interface CellMeta {
  /** Heading of the cell. */
  title: string;
  /** What the cell does and why, in Vietnamese; blank lines separate paragraphs. Default: none. */
  prose?: string;
  /** The same in English, shown smaller under it. Default: none. */
  en?: string;
}

export type CellFn = () => unknown;

/** Outputs a cell can return, besides tables, specs, nodes and strings. */
export type Output =
  | { kind: 'many'; items: unknown[] }
  | { kind: 'table'; rows: unknown; options: TableOptions }
  | { kind: 'observations'; rows: readonly Observation[]; caption?: string; columns?: string[] }
  | { kind: 'chart'; spec: TopLevelSpec; caption?: string }
  | { kind: 'note'; text: string; en?: string; tone: 'info' | 'refusal' };

const OUTPUT = Symbol('chiso-notebook-output');
type Tagged = Output & { [OUTPUT]: true };
const tag = (o: Output): Tagged => ({ ...o, [OUTPUT]: true });
const isTagged = (v: unknown): v is Tagged => typeof v === 'object' && v !== null && OUTPUT in v;

/** Several outputs under one cell, in order. */
export function many(...items: unknown[]): Output {
  return tag({ kind: 'many', items });
}
/** A table with a caption and options (`maxRows`, `columns`). */
export function table(rows: unknown, options: TableOptions = {}): Output {
  return tag({ kind: 'table', rows, options });
}
/**
 * Observations in chiso's own `<chiso-table>` (inside a `<chiso-dashboard>` holding them): sortable,
 * paged, with a profile of each column, as a portal reader would see them.
 */
export function observations(rows: readonly Observation[], options: { caption?: string; columns?: string[] } = {}): Output {
  return tag({ kind: 'observations', rows, ...options });
}
/** A chart with an optional caption under it. */
export function chart(spec: TopLevelSpec, caption?: string): Output {
  return tag({ kind: 'chart', spec, caption });
}
/** A short text under the output, in Vietnamese and English. */
export function note(text: string, en?: string): Output {
  return tag({ kind: 'note', text, en, tone: 'info' });
}
/**
 * An error the cell expected (a refusal by chiso, shown as the result, not as a failure of the cell):
 * every message of a ChisoError in both languages.
 */
export function refusal(error: unknown): Output {
  const { vi, en } = errorTexts(error);
  return tag({ kind: 'note', text: vi, en, tone: 'refusal' });
}

/** What the page and its tests can read about each cell once it has run. */
export interface CellRecord {
  title: string;
  state: 'waiting' | 'running' | 'done' | 'error';
  outputs: OutputRecord[];
  error?: { vi: string; en: string };
}
export type OutputRecord =
  | { kind: 'table'; rows: number; columns: string[] }
  | { kind: 'chart'; rows: number; regions: string[]; names: string[] }
  | { kind: 'note'; tone: 'info' | 'refusal'; text: string }
  | { kind: 'node' }
  | { kind: 'text'; text: string };

declare global {
  interface Window {
    /** The notebook's cells and what they showed; `done` once every cell has run. */
    chisoNotebook?: { cells: CellRecord[]; done: boolean };
  }
}

/** Both languages of an error: every diagnostic of a ChisoError, else the error's own message. */
export function errorTexts(error: unknown): { vi: string; en: string } {
  if (isChisoError(error)) return { vi: error.text('vi'), en: error.text('en') };
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { vi: `Ô này gặp lỗi: ${detail}`, en: `This cell failed: ${detail}` };
}

interface Cell {
  meta: CellMeta;
  fn: CellFn;
  record: CellRecord;
  section: HTMLElement;
  output: HTMLElement;
}

const cells: Cell[] = [];
const charts: EmbeddedChart[] = [];
let scheduled = false;

/** The function's body from its compiled text: the fallback when the module's own text is not served. */
export function sourceOf(fn: CellFn): string {
  const text = fn.toString();
  const open = text.indexOf('{');
  const close = text.lastIndexOf('}');
  return open >= 0 && close > open && /=>\s*$/.test(text.slice(0, open)) ? dedent(text.slice(open + 1, close)) : text;
}

function container(): HTMLElement {
  const root = document.querySelector<HTMLElement>('#notebook');
  if (!root) throw new Error('the page needs an element with id="notebook"');
  return root;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function paragraphs(text: string, lang: string, className: string): HTMLElement[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => el('p', { class: className, lang }, p.replace(/\s+/g, ' ').trim()));
}

/** Adds a cell to the page; cells run in the order they are declared, after the module has loaded. */
export function cell(meta: CellMeta, fn: CellFn): void {
  const index = cells.length + 1;
  const id = `cell-${index}-${slug(meta.title)}`;
  const record: CellRecord = { title: meta.title, state: 'waiting', outputs: [] };
  const output = el('div', { class: 'output', 'aria-live': 'polite' });
  // Focusable: a keyboard user scrolls a long line of code sideways (WCAG 2.1.1, axe's scrollable-region-focusable).
  const code = el('pre', { class: 'code', tabindex: '0', 'aria-label': 'Mã / Code' }, el('code', { class: 'language-js' }, sourceOf(fn)));
  const section = el(
    'section',
    { class: 'cell', id, 'data-state': 'waiting', 'aria-labelledby': `${id}-h` },
    el('h2', { id: `${id}-h` }, el('span', { class: 'num', 'aria-hidden': 'true' }, `[${index}] `), meta.title),
    ...(meta.prose ? paragraphs(meta.prose, 'vi', 'prose') : []),
    ...(meta.en ? paragraphs(meta.en, 'en', 'prose en') : []),
    el('details', { class: 'source', open: '' }, el('summary', {}, 'Mã / Code'), code),
    output,
  );
  container().append(section);
  cells.push({ meta, fn, record, section, output });
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(() => void runAll());
  }
}

async function runAll(): Promise<void> {
  window.chisoNotebook = { cells: cells.map((c) => c.record), done: false };
  const text = await pageModuleText();
  const bodies = text ? cellBodies(text) : [];
  if (bodies.length === cells.length) cells.forEach((c, i) => (c.section.querySelector('pre.code code')!.textContent = bodies[i]));
  for (const c of cells) {
    c.record.state = 'running';
    c.section.dataset.state = 'running';
    c.output.replaceChildren(el('p', { class: 'status', role: 'status' }, 'Đang chạy… / Running…'));
    try {
      const value = await c.fn();
      c.output.replaceChildren();
      await show(value, c.output, c.record);
      c.record.state = 'done';
    } catch (e) {
      const texts = errorTexts(e);
      c.record.state = 'error';
      c.record.error = texts;
      c.output.replaceChildren(errorBox(texts));
      // Still visible to whoever reads the console, with its stack.
      console.warn(e);
    }
    c.section.dataset.state = c.record.state;
  }
  window.chisoNotebook.done = true;
  document.body.dataset.notebook = 'done';
}

function errorBox({ vi, en }: { vi: string; en: string }): HTMLElement {
  return el('div', { class: 'error', role: 'alert' }, el('p', { lang: 'vi' }, vi), el('p', { lang: 'en' }, en));
}

function isSpec(v: object): v is TopLevelSpec {
  return ['mark', 'layer', 'vconcat', 'hconcat', 'concat', 'facet', 'repeat'].some((k) => k in v);
}

function isArqueroTable(v: object): v is { objects(): object[]; columnNames(): string[] } {
  return typeof (v as { objects?: unknown }).objects === 'function' && typeof (v as { columnNames?: unknown }).columnNames === 'function';
}

/** Regions in a chart's inline data (rows with `region`, or map features whose properties have one). */
function chartRegions(spec: TopLevelSpec): { rows: number; regions: string[]; names: string[] } {
  const found = new Set<string>();
  const names = new Set<string>();
  let rows = 0;
  const visit = (s: unknown): void => {
    if (!s || typeof s !== 'object') return;
    const o = s as Record<string, unknown>;
    const data = o.data as { values?: unknown } | undefined;
    const values: unknown[] = [];
    for (const set of [data?.values, ...Object.values((o.datasets as Record<string, unknown>) ?? {})]) {
      if (Array.isArray(set)) values.push(...set);
      // A map carries its figures in the properties of its inline topology's geometries.
      const topo = set as { type?: string; objects?: Record<string, { geometries?: { properties?: { id?: unknown; name?: unknown } }[] }> } | undefined;
      if (topo?.type === 'Topology') {
        for (const obj of Object.values(topo.objects ?? {})) for (const g of obj.geometries ?? []) values.push({ region: g.properties?.id, name: g.properties?.name });
      }
    }
    for (const d of values) {
      if (!d || typeof d !== 'object') continue;
      const r = (d as { region?: unknown }).region ?? (d as { properties?: { region?: unknown } }).properties?.region;
      const n = (d as { name?: unknown }).name ?? (d as { properties?: { name?: unknown } }).properties?.name;
      if (typeof r === 'string') found.add(r);
      if (typeof n === 'string') names.add(n);
      if (typeof r === 'string' || typeof n === 'string') rows++;
    }
    for (const k of ['layer', 'vconcat', 'hconcat', 'concat']) if (Array.isArray(o[k])) (o[k] as unknown[]).forEach(visit);
    if (o.spec) visit(o.spec);
  };
  visit(spec);
  return { rows, regions: [...found].sort(), names: [...names].sort() };
}

async function showChart(spec: TopLevelSpec, caption: string | undefined, into: HTMLElement, record: CellRecord, drawn: EmbeddedChart[]): Promise<void> {
  const box = el('div', { class: 'chart' });
  const description = (spec as { description?: unknown }).description;
  const figure = el('figure', { class: 'figure' }, box);
  if (typeof description === 'string' && description) figure.append(el('figcaption', { class: 'description' }, description));
  if (caption) figure.append(el('figcaption', { class: 'caption' }, caption));
  into.append(figure);
  drawn.push(await embedChart(box, spec, { locale: 'vi' }));
  const { rows, regions, names } = chartRegions(spec);
  figure.dataset.rows = String(rows);
  record.outputs.push({ kind: 'chart', rows, regions, names });
}

async function show(value: unknown, into: HTMLElement, record: CellRecord, drawn: EmbeddedChart[] = charts): Promise<void> {
  if (value === undefined || value === null) return;
  if (typeof value === 'string' || typeof value === 'number') {
    into.append(el('p', { class: 'text' }, String(value)));
    record.outputs.push({ kind: 'text', text: String(value) });
    return;
  }
  if (value instanceof Node) {
    into.append(value);
    record.outputs.push({ kind: 'node' });
    return;
  }
  if (isTagged(value)) {
    switch (value.kind) {
      case 'many':
        for (const item of value.items) await show(item, into, record, drawn);
        return;
      case 'table': {
        const t = renderTable(value.rows, value.options);
        into.append(t.element);
        record.outputs.push({ kind: 'table', rows: t.rows, columns: t.columns });
        return;
      }
      case 'chart':
        return showChart(value.spec, value.caption, into, record, drawn);
      case 'observations': {
        const dashboard = document.createElement('chiso-dashboard');
        dashboard.setAttribute('lang', 'vi');
        dashboard.data = value.rows;
        const t = document.createElement('chiso-table');
        t.setAttribute('page-size', '12');
        if (value.caption) t.setAttribute('caption', value.caption);
        if (value.columns) t.setAttribute('columns', value.columns.join(', '));
        t.setAttribute('filter-by', 'none');
        dashboard.append(t);
        into.append(dashboard);
        record.outputs.push({ kind: 'table', rows: value.rows.length, columns: value.columns ?? [] });
        return;
      }
      case 'note': {
        const box = el('div', { class: `note ${value.tone}`, role: value.tone === 'refusal' ? 'note' : null }, el('p', { lang: 'vi' }, value.text));
        if (value.en) box.append(el('p', { lang: 'en' }, value.en));
        into.append(box);
        record.outputs.push({ kind: 'note', tone: value.tone, text: value.text });
        return;
      }
    }
  }
  if (typeof value === 'object' && (Array.isArray(value) || isArqueroTable(value))) {
    return show(table(value), into, record, drawn);
  }
  if (typeof value === 'object' && isSpec(value)) return showChart(value, undefined, into, record, drawn);
  into.append(el('pre', { class: 'json', tabindex: '0', 'aria-label': 'JSON' }, JSON.stringify(value, null, 2)));
  record.outputs.push({ kind: 'text', text: 'json' });
}

/** An output that redraws itself: `fn` runs now and again each time `subscribe`'s callback is called. */
export interface LiveOutput extends HTMLElement {
  /** What the latest run showed, for the page and its tests. */
  record?: CellRecord;
}

/**
 * A view inside a cell that follows the page's state (a file the reader dropped, a column they picked):
 * `fn` returns any output a cell may return; an error shows in the view, in both languages.
 */
export function live(subscribe: (rerun: () => void) => void, fn: () => unknown): LiveOutput {
  const view: LiveOutput = el('div', { class: 'live', 'aria-live': 'polite' });
  const drawn: EmbeddedChart[] = [];
  let run = 0;
  const rerun = async () => {
    const mine = ++run;
    const record: CellRecord = { title: '', state: 'running', outputs: [] };
    view.dataset.state = 'running';
    try {
      const value = await fn();
      if (mine !== run) return;
      for (const c of drawn.splice(0)) c.finalize();
      view.replaceChildren();
      await show(value, view, record, drawn);
      record.state = 'done';
    } catch (e) {
      if (mine !== run) return;
      record.state = 'error';
      record.error = errorTexts(e);
      view.replaceChildren(errorBox(record.error));
    }
    view.record = record;
    view.dataset.state = record.state;
    view.dataset.run = String(mine);
  };
  subscribe(() => void rerun());
  void rerun();
  return view;
}

// A re-run (hot reload) starts from a clean page: finalize every Vega view of the previous run.
if (import.meta.hot) {
  import.meta.hot.dispose(() => {
    for (const c of charts.splice(0)) c.finalize();
  });
}
