// Fills `start` and `end` of each row of a curated observations file from its `quote`:
// the quote must occur in the source text; where it occurs more than once, the row's current
// `start` picks the occurrence (so a curator can point at the right one) and is otherwise an error.
// Usage: node scripts/data/locate-quotes.mjs data/seeds/observations.csv [data/quoted/observations.csv]
import { readFileSync, writeFileSync } from 'node:fs';
import { readRecords, formatCsv, COLUMNS } from './csv.mjs';

/** The text a row's quote is taken from: a file path under the repository, or for page addresses `quotedFile`. */
export function locate(records, textOf) {
  return records.map((r, n) => {
    const text = textOf(r);
    const hits = [];
    for (let i = text.indexOf(r.quote); i !== -1; i = text.indexOf(r.quote, i + 1)) hits.push(i);
    if (r.quote === '' || hits.length === 0) {
      throw new Error(`row ${n + 2}: quote ${JSON.stringify(r.quote)} not found in the source text of ${r.source}`);
    }
    let start = hits[0];
    if (hits.length > 1) {
      const wanted = Number(r.start);
      if (r.start === '' || !hits.includes(wanted)) {
        throw new Error(`row ${n + 2}: quote ${JSON.stringify(r.quote)} occurs at ${hits.join(', ')}: set start to one of them`);
      }
      start = wanted;
    }
    return { ...r, start: String(start), end: String(start + r.quote.length) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const records = readRecords(readFileSync(file, 'utf8'));
    const textOf = (r) => readFileSync(r.source.startsWith('data/') ? r.source : 'data/quoted/raw/quoted_statistics.md', 'utf8');
    writeFileSync(file, formatCsv(COLUMNS, locate(records, textOf)));
    console.log(`${file}: ${records.length} rows located`);
  }
}
