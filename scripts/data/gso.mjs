// A small, independent reader of the three GSO PX-Web exports under data/gso/raw/. chiso's own loader
// (src/data, `format: 'gso'`) is what builds data/observations/; this reader exists so the tests can
// check the loader's result against a second reading of the same bytes, cell by cell.
//
// Layout: line 1 title, line 2 blank, line 3 header, then one row per region; `;` separator; `"`-quoted
// names; `.` decimals; `..` missing. Header cells are a year (`2006`), `Pre. 2016` (preliminary), or a
// year and a sub-series (`2010 Total`, `Pre. 2016 Salary & wage`, `2009 Communes`).

/** Decodes GSO bytes: UTF-8 (BOM stripped) when valid, else Windows-1252 (the administrative-units file). */
export function decodeGso(bytes) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function splitRow(line) {
  return line.split(';').map((c) => (c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1) : c));
}

/** `2010 Total` -> { period: '2010', status: 'final', sub: 'Total' }; `Pre. 2016` -> preliminary. */
export function parseHeader(cell) {
  // `2010 Total`, `Pre. 2016`; the population table puts the series first: `Total 2006`, `Total Prel. 2016`.
  const m = /^(?:(Total|Male|Female|Urban|Rural) )?(Pre\. |Prel\. )?(\d{4})(?: (.+))?$/.exec(cell);
  if (!m || (m[1] && m[4])) throw new Error(`GSO header cell not understood: ${JSON.stringify(cell)}`);
  return { period: m[3], status: m[2] ? 'preliminary' : 'final', sub: m[1] ?? m[4] ?? null };
}

/**
 * Every cell of a GSO export as { name, line, column, period, status, sub, value }, in file order.
 * `value` is null for `..`; any other non-number is an error naming line and column.
 */
export function readGsoCells(text, file) {
  const lines = text.split(/\r?\n/);
  const header = splitRow(lines[2]);
  const columns = header.slice(1).map(parseHeader);
  const cells = [];
  for (let i = 3; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const row = splitRow(lines[i]);
    if (row.length !== header.length) throw new Error(`${file}:${i + 1}: ${row.length} cells, header has ${header.length}`);
    row.slice(1).forEach((raw, k) => {
      let value = null;
      if (raw !== '..') {
        if (!/^-?\d+(\.\d+)?$/.test(raw)) throw new Error(`${file}:${i + 1}, column ${header[k + 1]}: not a number: ${JSON.stringify(raw)}`);
        value = Number(raw);
      }
      // A cell with no figure is `missing`, whatever its column says.
      cells.push({ name: row[0], line: i + 1, column: header[k + 1], ...columns[k], ...(value === null ? { status: 'missing' } : {}), value });
    });
  }
  return cells;
}
