// Reading the bundled files under data/ for the registry's tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** A file under data/ as text: UTF-8 when it is valid UTF-8, else Latin-1 (GSO's administrative-units export is). */
export function readData(path: string): string {
  const bytes = readFileSync(root + path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** The same file decoded as UTF-8 no matter what, as a careless reader would (invalid bytes become U+FFFD). */
export function readDataLossy(path: string): string {
  return new TextDecoder('utf-8').decode(readFileSync(root + path)).replace(/^\uFEFF/, '');
}

/** Rows of a comma-separated file without quoted cells (the two files in data/admin). */
export function commaRows(path: string): string[][] {
  return readData(path)
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

/** The first cell of every data row of a GSO PX-Web export (title, blank line and header skipped), unquoted. */
export function gsoRowNames(text: string): string[] {
  const lines = text.split(/\r\n|\n/).filter((l) => l !== '');
  return lines.slice(2).map((l) => {
    const first = l.split(';')[0];
    return first.startsWith('"') && first.endsWith('"') ? first.slice(1, -1) : first;
  });
}

export const GSO_FILES = [
  'data/gso/raw/poverty_rate_by_province.csv',
  'data/gso/raw/monthly_income_per_capita_by_province.csv',
  'data/gso/raw/administrative_units_by_province.csv',
] as const;

export interface TopoFile {
  objects: Record<string, { geometries: { properties: Record<string, string | number> }[] }>;
}

export function readTopo(path: string): TopoFile {
  return JSON.parse(readData(path)) as TopoFile;
}

/** Rows of a comma-separated file with RFC 4180 quoting, as objects keyed by the header. */
export function csvRecords(path: string): Record<string, string>[] {
  const text = readData(path);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  const [header, ...body] = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
