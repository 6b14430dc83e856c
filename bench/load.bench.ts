/**
 * Loading cost: chiso's validated load against Arquero's plain CSV parse of the same text, in the
 * same run. The validated load does more (names to registry ids, number conventions, duplicates),
 * so the ratio says what validation costs, not which is faster.
 */
import { readFileSync } from 'node:fs';
import { fromCSV } from 'arquero';
import { loadObservations } from '../src/data/index.js';
import { entry, median, record } from './results.js';

// A tidy file of 100 000 rows built from the real poverty export: every row's figure, with names
// (not codes) for regions so that matching is exercised, repeated over synthetic periods.
const gso = loadObservations(new Uint8Array(readFileSync(new URL('../data/gso/raw/poverty_rate_by_province.csv', import.meta.url))), { file: 'poverty.csv' });
const lines = ['indicator,region,period,value'];
const names = ['Hà Tĩnh', 'Kien  Giang', 'TP.Ho Chi Minh', 'Thua Thien-Hue', 'Ha Noi'];
for (let i = 0; lines.length <= 100_000; i++) {
  const o = gso.observations[i % gso.observations.length];
  const region = i % 7 === 0 ? names[i % names.length] : o.region;
  lines.push(`poverty_rate,${region},${1000 + Math.floor(i / 7)}-${String((i % 7) + 1).padStart(2, '0')},${o.value ?? '..'}`);
}
const text = lines.join('\n');

const arquero = await median(() => fromCSV(text), 5, 1);
const chiso = await median(() => loadObservations(text, { file: 'bench.csv', strict: false }), 5, 1);
const gsoBytes = new Uint8Array(readFileSync(new URL('../data/gso/raw/administrative_units_by_province.csv', import.meta.url)));
const gsoArquero = await median(() => fromCSV(new TextDecoder('latin1').decode(gsoBytes).split('\r\n').slice(2).join('\n'), { delimiter: ';' }), 15, 10);
const gsoChiso = await median(() => loadObservations(gsoBytes, { file: 'admin.csv' }), 15, 10);

record([
  entry('data: load tidy CSV, 100k rows', chiso, 'arquero fromCSV', arquero, '100 000 rows; 1 in 7 regions by name; periods YYYY-MM'),
  entry('data: load GSO export (admin units)', gsoChiso, 'arquero fromCSV', gsoArquero, '70 rows x 56 columns, Windows-1252, 3920 observations'),
]);
