// Writes src/registry/admin-data.ts from data/admin/*.csv, so that the registry runs in a browser
// without reading files. test/registry/admin-data.test.ts checks the two stay equal.
// Usage: node scripts/registry-admin-data.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCsv } from './data/csv.mjs';

function rows(path) {
  const text = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '');
  return parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
}

const mapping = rows('data/admin/province_mapping_63_to_34.csv');
const units = rows('data/admin/915_CTK-CSCL.csv');
const out = `// Tables from data/admin (dvhcvn 20250701, MIT; see data/admin/README.md), embedded verbatim.
// Rewrite with \`node scripts/registry-admin-data.mjs\`; test/registry/admin-data.test.ts checks them.

/** Header of data/admin/province_mapping_63_to_34.csv. */
export const PROVINCE_MAPPING_HEADER = ${JSON.stringify(mapping[0])} as const;

/** Rows of data/admin/province_mapping_63_to_34.csv, one per old province, cells as written. */
export const PROVINCE_MAPPING_ROWS: readonly (readonly string[])[] = [
${mapping.slice(1).map((r) => '  ' + JSON.stringify(r) + ',').join('\n')}
];

/** Header of data/admin/915_CTK-CSCL.csv. */
export const UNITS_2025_HEADER = ${JSON.stringify(units[0])} as const;

/** Rows of data/admin/915_CTK-CSCL.csv: order, code, name of the 34 units from 1 July 2025. */
export const UNITS_2025_ROWS: readonly (readonly string[])[] = [
${units.slice(1).map((r) => '  ' + JSON.stringify(r) + ',').join('\n')}
];
`;
writeFileSync(new URL('../src/registry/admin-data.ts', import.meta.url), out);
console.log(`admin-data.ts: ${mapping.length - 1} provinces, ${units.length - 1} units`);
