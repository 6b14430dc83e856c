/**
 * A notebook's table output: any rows (an Arquero table or an array of objects), with a summary of
 * each column (kind, missing values, range or distinct values, a small histogram), sortable headers,
 * pages, and an inspector: click a cell, or move through the cells with the arrow keys, to read its
 * full value, type, row and column.
 */
import { el } from './dom.js';
import { formatNumber } from '../../../src/format/number.js';

export interface TableOptions {
  /** Caption above the table. Default: none. */
  caption?: string;
  /** Columns shown, in order. Default: every column of the rows, in order of first appearance. */
  columns?: string[];
  /** Rows per page. Default 12. */
  pageSize?: number;
}

export type Cell = string | number | boolean | null | undefined | Date | object;
type Rows = Record<string, Cell>[];

export interface ColumnSummary {
  column: string;
  kind: 'number' | 'text' | 'empty';
  valid: number;
  missing: number;
  distinct: number;
  min?: number;
  max?: number;
  mean?: number;
  /** Ten bins between min and max (numbers only). */
  bins?: number[];
  /** Most frequent value and its count (text only). */
  top?: [string, number];
}

function toRows(input: unknown): Rows {
  if (Array.isArray(input)) return input as Rows;
  if (input && typeof input === 'object' && typeof (input as { objects?: unknown }).objects === 'function') {
    return (input as { objects(): Rows }).objects();
  }
  throw new TypeError('table(): expected an Arquero table or an array of objects');
}

function columnsOf(rows: Rows): string[] {
  const seen = new Set<string>();
  for (const r of rows.slice(0, 200)) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

const isMissing = (v: Cell): boolean => v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));

/** Summary of one column, as a notebook's data profile shows it. */
export function summarize(rows: Rows, column: string): ColumnSummary {
  const values = rows.map((r) => r[column]);
  const present = values.filter((v) => !isMissing(v));
  const missing = values.length - present.length;
  const distinct = new Set(present.map((v) => (typeof v === 'object' ? JSON.stringify(v) : v))).size;
  if (present.length === 0) return { column, kind: 'empty', valid: 0, missing, distinct: 0 };
  if (present.every((v) => typeof v === 'number')) {
    const nums = present as number[];
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const n of nums) {
      if (n < min) min = n;
      if (n > max) max = n;
      sum += n;
    }
    const bins = new Array<number>(10).fill(0);
    for (const n of nums) bins[max === min ? 0 : Math.min(9, Math.floor(((n - min) / (max - min)) * 10))]++;
    return { column, kind: 'number', valid: nums.length, missing, distinct, min, max, mean: sum / nums.length, bins };
  }
  const counts = new Map<string, number>();
  for (const v of present) {
    const k = typeof v === 'object' ? JSON.stringify(v) : String(v);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return { column, kind: 'text', valid: present.length, missing, distinct, top };
}

/**
 * Numbers as chiso's charts write them for a Vietnamese reader: thousands grouped, decimal comma
 * (`1.387`, `2.004,0464`). Years and codes read as written (`2016`, not `2.016`): `plain`.
 */
function number(v: number, plain = false): string {
  if (Number.isNaN(v)) return 'NaN';
  return formatNumber(v, 'vi', { maxDecimals: 4, grouping: !plain });
}

/** A column of years or codes: named so, or whole numbers that all look like years. */
export function plainColumn(rows: Rows, column: string): boolean {
  if (/^(period|year|năm|nam|region|code|mã|ma|id|.*_id|.*_code)$/i.test(column)) return true;
  const nums = rows.map((r) => r[column]).filter((v): v is number => typeof v === 'number');
  return nums.length > 0 && nums.every((n) => Number.isInteger(n) && n >= 1800 && n <= 2200);
}

function display(v: Cell, plain = false): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'number') return number(v, plain);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function typeName(v: Cell): string {
  if (v === null) return 'null';
  if (v instanceof Date) return 'Date';
  return typeof v;
}

function summaryCell(s: ColumnSummary, plain = false): HTMLElement {
  const td = el('td', { 'data-column': s.column });
  if (s.kind === 'number') {
    td.append(
      el('div', { class: 'kind' }, 'số / number'),
      el('div', {}, `${number(s.min!, plain)} – ${number(s.max!, plain)}`),
      el('div', {}, `TB / mean ${number(s.mean!, plain)}`),
    );
    const peak = Math.max(...s.bins!);
    const bars = el('div', { class: 'bars', 'aria-hidden': 'true' });
    for (const b of s.bins!) {
      const bar = el('span');
      bar.style.height = `${peak ? Math.max(1, Math.round((b / peak) * 18)) : 1}px`;
      bars.append(bar);
    }
    td.append(bars);
  } else if (s.kind === 'text') {
    td.append(el('div', { class: 'kind' }, 'chữ / text'), el('div', {}, `${s.distinct} khác nhau / distinct`));
    if (s.top) td.append(el('div', { class: 'top', title: s.top[0] }, `${s.top[0].slice(0, 24)}${s.top[0].length > 24 ? '…' : ''} ×${s.top[1]}`));
  } else td.append(el('div', { class: 'kind' }, 'trống / empty'));
  td.append(el('div', { class: s.missing ? 'missing has' : 'missing' }, `thiếu / missing ${s.missing}`));
  return td;
}

/** Draws the table; returns the element and what it holds (for the page's record). */
/** The table's element, carrying its rows so a page script or a test can read them. */
export interface TableOutputElement extends HTMLElement {
  data: Record<string, Cell>[];
}

export function renderTable(input: unknown, options: TableOptions = {}): { element: TableOutputElement; rows: number; columns: string[] } {
  const all = toRows(input);
  const columns = options.columns ?? columnsOf(all);
  const pageSize = options.pageSize ?? 12;
  let order = all.map((_, i) => i);
  let sort: { column: string; descending: boolean } | null = null;
  let page = 0;
  let active = { row: 0, col: 0 };

  const wrap = el('div', { class: 'table-output', 'data-rows': all.length, 'data-columns': columns.join(',') }) as unknown as TableOutputElement;
  wrap.data = all;
  const tableEl = el('table', { class: 'data' });
  if (options.caption) tableEl.append(el('caption', {}, options.caption));
  const thead = el('thead');
  const tbody = el('tbody');
  const inspector = el('output', { class: 'inspector', 'aria-live': 'polite' }, 'Chọn một ô để xem giá trị / Select a cell to inspect it');
  const position = el('span', { class: 'position' });
  const prev = el('button', { type: 'button' }, '‹ Trước / Previous');
  const next = el('button', { type: 'button' }, 'Sau / Next ›');
  const scroller = el('div', { class: 'scroll' }, tableEl);
  tableEl.append(thead, tbody);
  wrap.append(el('p', { class: 'shape' }, `${all.length} hàng × ${columns.length} cột / ${all.length} rows × ${columns.length} columns`), scroller, el('div', { class: 'pager' }, prev, position, next), inspector);

  const headerRow = el('tr');
  const headerButtons = columns.map((c) => {
    const b = el('button', { type: 'button', class: 'sort' }, c);
    b.addEventListener('click', () => {
      sort = sort?.column === c ? { column: c, descending: !sort.descending } : { column: c, descending: false };
      const dir = sort.descending ? -1 : 1;
      order = all
        .map((_, i) => i)
        .sort((a, b) => {
          const x = all[a][c];
          const y = all[b][c];
          if (isMissing(x) || isMissing(y)) return isMissing(x) === isMissing(y) ? a - b : isMissing(x) ? 1 : -1;
          return (x! < y! ? -1 : x! > y! ? 1 : a - b) * dir;
        });
      page = 0;
      draw();
    });
    const th = el('th', { scope: 'col' }, b);
    headerRow.append(th);
    return { b, th };
  });
  const plain = new Set(columns.filter((c) => plainColumn(all, c)));
  const summaryRow = el('tr', { class: 'profile' });
  for (const c of columns) summaryRow.append(summaryCell(summarize(all, c), plain.has(c)));
  thead.append(headerRow, summaryRow);

  function inspect(row: number, col: number): void {
    const index = order[page * pageSize + row];
    const column = columns[col];
    const value = all[index]?.[column];
    inspector.replaceChildren(
      el('strong', {}, `Hàng ${index + 1}, cột ${column} / row ${index + 1}, column ${column}: `),
      el('code', {}, typeof value === 'string' ? JSON.stringify(value) : display(value, plain.has(column))),
      ` (${typeName(value)})`,
    );
  }

  function focusCell(row: number, col: number, move = true): void {
    const rowsShown = tbody.rows.length;
    if (!rowsShown) return;
    row = Math.max(0, Math.min(rowsShown - 1, row));
    col = Math.max(0, Math.min(columns.length - 1, col));
    const old = tbody.rows[active.row]?.cells[active.col];
    if (old) old.tabIndex = -1;
    active = { row, col };
    const td = tbody.rows[row].cells[col];
    td.tabIndex = 0;
    if (move) td.focus();
    inspect(row, col);
  }

  function draw(): void {
    for (const { b, th } of headerButtons) {
      const c = b.textContent;
      th.setAttribute('aria-sort', sort?.column === c ? (sort.descending ? 'descending' : 'ascending') : 'none');
    }
    const pages = Math.max(1, Math.ceil(all.length / pageSize));
    page = Math.min(page, pages - 1);
    const start = page * pageSize;
    const shown = order.slice(start, start + pageSize);
    tbody.replaceChildren(
      ...shown.map((i, r) =>
        el(
          'tr',
          {},
          ...columns.map((c, k) => {
            const v = all[i][c];
            const td = el('td', { tabindex: r === 0 && k === 0 ? 0 : -1, class: typeof v === 'number' ? 'num' : isMissing(v) ? 'nil' : null }, display(v, plain.has(c)));
            td.addEventListener('click', () => focusCell(r, k, false));
            return td;
          }),
        ),
      ),
    );
    active = { row: 0, col: 0 };
    position.textContent = all.length ? `${start + 1}–${start + shown.length} / ${all.length}` : '0';
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  tbody.addEventListener('keydown', (e) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      focusCell(active.row + m[0], active.col + m[1]);
    } else if (e.key === 'Home') focusCell(active.row, 0);
    else if (e.key === 'End') focusCell(active.row, columns.length - 1);
  });
  tbody.addEventListener('focusin', (e) => {
    const td = e.target as HTMLTableCellElement;
    if (td.tagName === 'TD') {
      const row = (td.parentElement as HTMLTableRowElement).sectionRowIndex;
      if (row !== active.row || td.cellIndex !== active.col) focusCell(row, td.cellIndex, false);
      else inspect(row, td.cellIndex);
    }
  });
  prev.addEventListener('click', () => {
    page--;
    draw();
  });
  next.addEventListener('click', () => {
    page++;
    draw();
  });
  draw();
  return { element: wrap, rows: all.length, columns };
}
