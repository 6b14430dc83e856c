// `npm run data`: writes the tidy observation files under data/observations/ from the raw originals.
//   data/gso/raw/*.csv            -> poverty_rate.csv, income_per_capita.csv, admin_units.csv
//   data/weights/raw/*.csv        -> data/weights/population.csv (the weight for merging rates)
//                                    (poverty figures get their standard from scripts/data/poverty-standards.mjs)
//   data/seeds/observations.csv   -> seeds.csv   (curated by hand from data/seeds/raw/, copied)
//   data/quoted/observations.csv  -> quoted.csv  (curated by hand from data/quoted/raw/, copied)
// The GSO exports are read by chiso's own loader (`loadObservations(bytes, { format: 'gso' })`) from
// the built library in dist/ (`npm run build`, which `npm install` runs), so the files shipped are
// exactly what chiso itself reads from the originals.
// `node scripts/build-data.mjs --check` writes nothing and exits 1 if a file differs from a fresh build.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatCsv, COLUMNS } from './data/csv.mjs';
import { gsoPovertyStandard } from './data/poverty-standards.mjs';

/** Each GSO export, the file it becomes, and the indicator its title must name. */
export const GSO_FILES = [
  { raw: 'data/gso/raw/poverty_rate_by_province.csv', out: 'data/observations/poverty_rate.csv', indicator: 'poverty_rate' },
  { raw: 'data/gso/raw/monthly_income_per_capita_by_province.csv', out: 'data/observations/income_per_capita.csv', indicator: 'income_per_capita' },
  { raw: 'data/gso/raw/administrative_units_by_province.csv', out: 'data/observations/admin_units.csv', indicator: 'admin_units' },
];

/**
 * The bundled weight: GSO's average population by province, read by the same loader; only the total
 * and the years the bundled figures cover (2006-2016) are kept (`data/README.md`, "Weights").
 */
export const WEIGHT_FILES = [
  { raw: 'data/weights/raw/average_population_by_province.csv', out: 'data/weights/population.csv', indicator: 'population', keep: (o) => o.series === 'total' && Number(o.period) >= 2006 && Number(o.period) <= 2016 },
];

/** The curated files, copied byte for byte. */
export const CURATED = [
  { from: 'data/seeds/observations.csv', out: 'data/observations/seeds.csv' },
  { from: 'data/quoted/observations.csv', out: 'data/observations/quoted.csv' },
];

/**
 * Builds every derived file in memory, without writing: `[{ path, text, rows }]`, paths relative to
 * the repository.
 * @param {object} deps
 * @param {(path: string) => Uint8Array} deps.readBytes  reads a file of the repository
 * @param {Function} deps.loadObservations  chiso's loader (`src/data` or its build in `dist/data`)
 */
export function buildData({ readBytes, loadObservations }) {
  const files = [];
  for (const spec of [...GSO_FILES, ...WEIGHT_FILES]) {
    // Bytes, not text: the administrative-units export is Windows-1252 and the loader decodes it.
    // Strict (the default): any error in the export throws, naming file, row and column.
    const { observations } = loadObservations(readBytes(spec.raw), { file: spec.raw, format: 'gso' });
    const wrong = observations.find((o) => o.indicator !== spec.indicator);
    if (wrong) throw new Error(`${spec.raw}: expected indicator ${spec.indicator}, the title reads as ${wrong.indicator}`);
    // The export states no poverty standard: each column's, with the reasons, is in poverty-standards.mjs.
    const kept = spec.keep ? observations.filter(spec.keep) : observations;
    const withStandard = spec.indicator === 'poverty_rate' ? kept.map((o) => ({ ...o, series: gsoPovertyStandard(o.source) })) : kept;
    const rows = withStandard.map((o) => ({ ...o, start: null, end: null, note: null }));
    files.push({ path: spec.out, text: formatCsv(COLUMNS, rows), rows: rows.length });
  }
  for (const c of CURATED) {
    const text = new TextDecoder().decode(readBytes(c.from));
    files.push({ path: c.out, text, rows: text.split('\n').length - 2 });
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = new URL('../', import.meta.url);
  const check = process.argv.includes('--check');
  let lib;
  try {
    lib = await import(new URL('dist/data/index.js', root).href);
  } catch (e) {
    console.error('data: dist/ is missing; run `npm run build` first / chưa có dist/, hãy chạy `npm run build` trước');
    throw e;
  }
  const files = buildData({ readBytes: (p) => readFileSync(new URL(p, root)), loadObservations: lib.loadObservations });
  let stale = 0;
  for (const f of files) {
    const target = new URL(f.path, root);
    let old = null;
    try { old = readFileSync(target, 'utf8'); } catch { /* not written yet */ }
    if (check) {
      if (old !== f.text) { stale++; console.error(`data: ${f.path} differs from a fresh build / khác với bản dựng mới`); }
      continue;
    }
    mkdirSync(new URL('.', target), { recursive: true });
    if (old !== f.text) writeFileSync(target, f.text);
    console.log(`data: ${f.path} ${f.rows} rows${old === f.text ? ' (unchanged)' : ''}`);
  }
  if (stale) process.exit(1);
}
