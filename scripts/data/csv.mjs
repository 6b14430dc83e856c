// RFC 4180 CSV for the curated and derived files under data/: comma separator, `"` quoting,
// LF line ends, UTF-8 without BOM (these files are read by chiso and by git diff, not by Excel).
// Read and written with d3-dsv, by the same rule as chiso's reader (src/data/csv.ts `splitCsvRows`):
// `parseRows`, a sentinel row that an unclosed quote would swallow, line numbers counted from cells.
// Text after a closing quote (`"5"0`), which chiso's reader keeps with its field, is never written
// here; read here, it gives its row a field too many, which `readRecords` refuses.
import { csvParseRows, csvFormatValue } from 'd3-dsv';

const END = '\u0000chiso-end\u0000';

/** Parse CSV text into rows of strings. Throws on an unterminated quoted field, naming its line. */
export function parseCsv(text) {
  const last = text.charCodeAt(text.length - 1);
  const rows = csvParseRows(text + (text === '' || last === 10 || last === 13 ? '' : '\n') + END);
  const end = rows.pop();
  if (end.length === 1 && end[0] === END) return rows;
  const breaks = (cells) => cells.reduce((k, c) => k + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  const line = rows.reduce((n, cells) => n + 1 + breaks(cells), 1) + breaks(end.slice(0, -1));
  throw new Error(`CSV: unterminated quoted field in the row on line ${line}, field ${end.length}`);
}

/** Parse CSV text with a header line into objects keyed by the header. */
export function readRecords(text) {
  const [header, ...rows] = parseCsv(text);
  return rows.map((cells, n) => {
    if (cells.length !== header.length) {
      throw new Error(`CSV: row ${n + 2} has ${cells.length} fields, the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((h, k) => [h, cells[k]]));
  });
}

function cell(value) {
  if (value === null || value === undefined) return '';
  const s = String(value);
  // Leading or trailing spaces are quoted too, so no reader trims them away.
  return s !== s.trim() && !/[",\r\n]/.test(s) ? `"${s}"` : csvFormatValue(s);
}

/** Format objects as CSV with the given columns; null and undefined become empty fields. */
export function formatCsv(columns, records) {
  const lines = [columns.join(',')];
  for (const r of records) lines.push(columns.map((c) => cell(r[c])).join(','));
  return lines.join('\n') + '\n';
}

/** The columns of every observations file under data/. */
export const COLUMNS = [
  'indicator', 'region', 'period', 'value', 'qualifier', 'denominator', 'unit', 'series',
  'status', 'source', 'quote', 'start', 'end', 'note',
];
