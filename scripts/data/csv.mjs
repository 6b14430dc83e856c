// RFC 4180 CSV for the curated and derived files under data/: comma separator, `"` quoting,
// LF line ends, UTF-8 without BOM (these files are read by chiso and by git diff, not by Excel).

/** Parse CSV text into rows of strings. Throws on an unterminated quoted field. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { i++; continue; }
    if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += c; i++;
  }
  if (quoted) throw new Error(`CSV: unterminated quoted field in row ${rows.length + 1}`);
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
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
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
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
