/**
 * OpenDocument spreadsheets (.ods): the first table of `content.xml` as a grid of text cells, the same
 * grid an .xlsx becomes (src/data/sheet.ts), so both reach the loader as CSV with the sheet's row
 * numbers. Pure: the caller unzips (node:zlib in the CLI). Numbers come from `office:value` (a decimal
 * point, whatever the sheet displays), dates from `office:date-value`.
 */
import type { GridRow } from './sheet.js';

/** Repeats past this are a sheet's filler (LibreOffice writes 1,048,576 empty rows): never expanded. */
const MAX_REPEAT = 10_000;

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : undefined;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name.toLowerCase()],
  );
}

/** A cell's text: its typed value where it has one, else its paragraphs (`text:s` spaces kept). */
function cellText(open: string, body: string): string {
  const type = attr(open, 'office:value-type');
  if (type === 'float' || type === 'percentage' || type === 'currency') return attr(open, 'office:value') ?? '';
  if (type === 'date') return (attr(open, 'office:date-value') ?? '').slice(0, 10);
  if (type === 'boolean') return attr(open, 'office:boolean-value') ?? '';
  const paragraphs = [...body.matchAll(/<text:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g)].map((m) =>
    decodeXml((m[1] ?? '').replace(/<text:s\b[^>]*?text:c="(\d+)"[^>]*\/>/g, (_, n: string) => ' '.repeat(Number(n))).replace(/<text:s\b[^>]*\/>/g, ' ').replace(/<text:tab\b[^>]*\/>/g, '\t').replace(/<[^>]+>/g, '')),
  );
  return paragraphs.join('\n');
}

/** The first table of an .ods `content.xml` as grid rows (1-based sheet rows; empty trailing cells dropped). */
export function odsGrid(contentXml: string): GridRow[] {
  const table = /<table:table\b[\s\S]*?<\/table:table>/.exec(contentXml)?.[0] ?? '';
  const out: GridRow[] = [];
  let line = 1;
  for (const rm of table.matchAll(/<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const repeatRows = Number(attr(rm[1], 'table:number-rows-repeated') ?? 1);
    const cells: string[] = [];
    for (const cm of (rm[2] ?? '').matchAll(/<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
      const repeat = Number(attr(cm[1], 'table:number-columns-repeated') ?? 1);
      const text = cellText(cm[1], cm[2] ?? '');
      for (let k = 0; k < Math.min(repeat, text === '' ? MAX_REPEAT : repeat); k++) cells.push(text);
    }
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.length) {
      for (let k = 0; k < Math.min(repeatRows, MAX_REPEAT); k++) out.push({ cells: [...cells], line: line + k });
    }
    line += repeatRows;
  }
  return out;
}
