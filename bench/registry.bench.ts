// Matching region names: the registry's matcher against a plain lookup of trimmed, lower-cased
// names (which cannot handle the exports' defects), over every region row of the three GSO exports.
import { readFileSync } from 'node:fs';
import { getRegion, listRegions, matchRegion } from '../src/registry/index.js';
import { clearMatchCache } from '../src/registry/match.js';
import { entry, median, record } from './results.js';

const files = ['poverty_rate_by_province.csv', 'monthly_income_per_capita_by_province.csv', 'administrative_units_by_province.csv'];
const names = files.flatMap((f) =>
  new TextDecoder('latin1')
    .decode(readFileSync(new URL(`../data/gso/raw/${f}`, import.meta.url)))
    .split(/\r?\n/)
    .slice(3)
    .filter((l) => l !== '')
    .map((l) => l.split(';')[0].replace(/^"|"$/g, '')),
);
const REPEAT = 50;

const plain = new Map<string, string>();
for (const r of listRegions()) for (const n of [r.name, r.nameEn, r.fullName]) plain.set(n.trim().toLowerCase(), r.id);

let found = 0;
const matcherMs = await median(() => {
  found = 0;
  for (let k = 0; k < REPEAT; k++) for (const n of names) if (matchRegion(n).ok) found++;
});
let cold = 0;
const coldMs = await median(() => {
  cold = 0;
  for (let k = 0; k < REPEAT; k++) {
    clearMatchCache();
    for (const n of names) if (matchRegion(n).ok) cold++;
  }
});
let plainFound = 0;
const plainMs = await median(() => {
  plainFound = 0;
  for (let k = 0; k < REPEAT; k++) for (const n of names) if (getRegion(plain.get(n.trim().toLowerCase()) ?? '')) plainFound++;
});

record([
  entry('registry: matchRegion, GSO region rows (remembered)', matcherMs, 'plain lower-case Map lookup', plainMs,
    `${names.length} names x ${REPEAT}; matcher found ${found / REPEAT}, plain lookup ${plainFound / REPEAT}`),
  entry('registry: matchRegion, GSO region rows (first time)', coldMs, 'plain lower-case Map lookup', plainMs,
    `${names.length} names x ${REPEAT}, answers forgotten before each pass; found ${cold / REPEAT}`),
]);
