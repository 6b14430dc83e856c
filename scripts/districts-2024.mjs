// Writes src/registry/districts-2024-data.ts from data/admin/districts_2024.csv, so that the extractor
// recognises the district-level units of 2024 in a browser without reading files, and `chiso load`
// accepts their ids. test/extract/districts.test.ts checks the two stay equal. Usage: node scripts/districts-2024.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const text = readFileSync(new URL('../data/admin/districts_2024.csv', import.meta.url), 'utf8');
const lines = text.split(/\r?\n/).filter((l) => l !== '');
for (const l of lines) if (l.includes('"')) throw new Error(`districts_2024.csv: quoted cell, extend the parser`);
const rows = lines.slice(1).map((l) => l.split(','));
const out = `// The 696 district-level units of 1 January 2025 (data/admin/districts_2024.csv; GSO's administrative
// catalogue, see data/admin/README.md). Rewrite with \`node scripts/districts-2024.mjs\`.
// Read through src/registry/districts-2024.ts.

/** One line per unit: province code, district code, type, name as GSO writes them, separated by \`|\`. */
export const DISTRICTS_2024 = ${JSON.stringify(rows.map((r) => [r[0], r[2], r[3], r[4]].join('|')).join('\n'))};
`;
writeFileSync(new URL('../src/registry/districts-2024-data.ts', import.meta.url), out);
console.log(`${rows.length} units`);
