// The curated seed figures (data/seeds/observations.csv) and how an extraction is scored against them.
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/data/csv.js';
import { normalizeUnit } from '../../src/registry/index.js';
import type { ExtractedObservation } from '../../src/extract/index.js';

export const root = new URL('../../', import.meta.url);
export const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

export interface Expected {
  indicator: string;
  region: string;
  period: string;
  value: number;
  qualifier: string | null;
  denominator: number | null;
  unit: string;
  series: string | null;
  source: string;
  quote: string;
  start: number;
  end: number;
}

export function expectedObservations(): Expected[] {
  const [header, ...rows] = parseCsv(read('data/seeds/observations.csv'), { separator: ',' }).rows.map((r) => r.cells);
  return rows
    .filter((cells) => cells.some((c) => c !== ''))
    .map((cells) => {
      const r = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
      return {
        indicator: r.indicator,
        region: r.region,
        period: r.period,
        value: Number(r.value),
        qualifier: r.qualifier || null,
        denominator: r.denominator === '' ? null : Number(r.denominator),
        unit: r.unit,
        series: r.series || null,
        source: r.source,
        quote: r.quote,
        start: Number(r.start),
        end: Number(r.end),
      };
    });
}

/**
 * Where the extractor and a fixture row knowingly differ, with why. A figure that differs from its row
 * in this field only, by exactly these values, counts as found; the tests print each one in use.
 */
export interface Disagreement {
  source: string;
  quote: string;
  field: 'region';
  fixture: string;
  extracted: string;
  why: string;
}

export const DISAGREEMENTS: Disagreement[] = [];

function regionAgrees(e: Expected, o: ExtractedObservation, used?: Set<Disagreement>): boolean {
  if (o.region === e.region) return true;
  const d = DISAGREEMENTS.find((x) => x.source === e.source && x.quote === e.quote && x.fixture === e.region && x.extracted === o.region);
  if (d) used?.add(d);
  return d !== undefined;
}

/** Same figure: every field the fixture states, units compared as registry ids, quotes overlapping in the text. */
export function sameFigure(e: Expected, o: ExtractedObservation, used?: Set<Disagreement>): boolean {
  return (
    o.indicator === e.indicator &&
    regionAgrees(e, o, used) &&
    o.period === e.period &&
    o.value === e.value &&
    o.qualifier === e.qualifier &&
    o.denominator === e.denominator &&
    o.unit === (normalizeUnit(e.unit) ?? e.unit) &&
    o.series === e.series &&
    o.start < e.end &&
    e.start < o.end
  );
}

export interface Score {
  seed: string;
  expected: number;
  extracted: number;
  truePositives: number;
  precision: number;
  recall: number;
  missed: Expected[];
  extra: ExtractedObservation[];
}

export function score(seed: string, expected: Expected[], extracted: ExtractedObservation[]): Score {
  const found = expected.filter((e) => extracted.some((o) => sameFigure(e, o)));
  const right = extracted.filter((o) => expected.some((e) => sameFigure(e, o)));
  return {
    seed,
    expected: expected.length,
    extracted: extracted.length,
    truePositives: right.length,
    precision: extracted.length ? right.length / extracted.length : 1,
    recall: expected.length ? found.length / expected.length : 1,
    missed: expected.filter((e) => !found.includes(e)),
    extra: extracted.filter((o) => !right.includes(o)),
  };
}
