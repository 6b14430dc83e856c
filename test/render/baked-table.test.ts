/**
 * The table `chiso bake` writes under a chart says what the element's own table says: the same
 * caption, headings and cells (figures in the chart's decimals with their interval, provisional
 * periods marked, series named), for the rows of the portal example's line chart and its map. The
 * element's table is its Lit template, made to HTML here without a DOM; the baked one is taken from
 * the baked portal page itself.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nothing, type TemplateResult } from 'lit';
import { bakePage, bakedTableHtml } from '../../src/render/node/bake.js';
import { observationTable } from '../../src/components/core/observation-table.js';
import { chartTableColumns } from '../../src/components/core/table-text.js';
import { viewRows } from '../../src/components/core/view-rows.js';
import { readDataFile } from '../../src/data/read-file.js';
import { getRegion } from '../../src/registry/index.js';
import type { Observation } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '../..');

/** A Lit template as HTML, text escaped as Lit binds it; event listeners and `nothing` leave no trace. */
function toHtml(value: unknown): string {
  if (value === nothing || value === null || value === undefined || typeof value === 'function' || typeof value === 'symbol') return '';
  if (Array.isArray(value)) return value.map(toHtml).join('');
  if (typeof value === 'object' && 'strings' in value && 'values' in value) {
    const t = value as TemplateResult;
    return t.strings.reduce((html, s, i) => html + s + (i < t.values.length ? toHtml(t.values[i]) : ''), '');
  }
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const cellsOf = (row: string) => [...row.matchAll(/<(th|td)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => unescape(m[2].trim()));

/** What a table says: its caption, its headings, and each body row's cells; the select buttons of the element's table left out. */
function said(html: string) {
  const caption = unescape(/<caption\b[^>]*>([\s\S]*?)<\/caption>/.exec(html)?.[1].trim() ?? '');
  const head = /<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
  const headings = cellsOf(/<tr>([\s\S]*?)<\/tr>/.exec(head)?.[1] ?? '').filter((h) => !h.includes('visually-hidden'));
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1].replace(/<td>\s*(<button[\s\S]*?<\/button>)?\s*<\/td>\s*$/, '')));
  return { caption, headings, rows };
}

/** The element's table under a chart, as chart.component.ts makes it. */
function liveTable(rows: readonly Observation[], title: string): string {
  return toHtml(
    observationTable({
      rows,
      columns: chartTableColumns(rows),
      lang: 'vi',
      title,
      captionHidden: true,
      rowHeaders: true,
      statusInPeriod: true,
      select: { selected: new Set(), toggle: () => undefined },
    }),
  );
}

describe('the baked table under a chart', () => {
  it('says what the element’s table says, in the baked portal page', async () => {
    const page = readFileSync(join(ROOT, 'examples/portal/index.html'), 'utf8');
    const { html } = await bakePage(page, { root: ROOT, page: '/examples/portal/index.html' });
    const poverty = (await readDataFile(join(ROOT, 'data/observations/poverty_rate.csv'), { file: 'poverty_rate.csv' })).observations;
    const baked = (tag: RegExp) => {
      const element = tag.exec(html)?.[0] ?? '';
      const table = /<details class="chiso-baked-data">[\s\S]*?(<table>[\s\S]*?<\/table>)/.exec(element)?.[1] ?? '';
      const description = unescape(/<figcaption class="chiso-baked-description">([\s\S]*?)<\/figcaption>/.exec(element)?.[1] ?? '');
      return { table, title: description.split('.')[0] };
    };

    // The article's line chart: Hà Tĩnh and the country, with the poverty standards as series and 2016 provisional.
    const line = baked(/<chiso-chart type="line"[\s\S]*?<\/chiso-chart>/);
    const lineRows = viewRows(poverty, { indicator: 'poverty_rate', regions: ['42', 'VN'], followRegions: true }, { regions: null, periods: null });
    expect(lineRows.some((o) => o.status === 'preliminary') && lineRows.some((o) => o.series)).toBe(true);
    const lineSaid = said(line.table);
    expect(lineSaid).toEqual(said(liveTable(lineRows, line.title)));
    expect(lineSaid.headings).toEqual(['Đơn vị', 'Kỳ', 'Phân tổ', 'Giá trị']);
    expect(lineSaid.rows.some((r) => r[1].endsWith('(sơ bộ)'))).toBe(true);
    expect(lineSaid.caption).toMatch(/^Bảng số liệu: .+ \(\d+ dòng\)$/);
    expect(line.table).toBe(bakedTableHtml(lineRows, 'vi', line.title));

    // The map of 2016: one row a province of the 63.
    const map = baked(/<chiso-map[\s\S]*?<\/chiso-map>/);
    const mapSaid = said(map.table);
    expect(mapSaid.rows.length).toBeGreaterThanOrEqual(63);
    const mapRows = viewRows(poverty, { indicator: 'poverty_rate', from: 2016, to: 2016, followRegions: false }, { regions: null, periods: null }).filter((o) => getRegion(o.region)?.level === 'province');
    expect(mapSaid).toEqual(said(liveTable(mapRows, map.title)));
  });
});
