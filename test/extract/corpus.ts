/**
 * The annotated corpus of real report passages (data/extract-corpus/passages.jsonl) and how an
 * extraction is scored against it. Shared by the corpus test and the extraction benchmark.
 */
import { readFileSync } from 'node:fs';
import { extractReport, type ExtractedObservation } from '../../src/extract/index.js';

export interface ExpectedObservation {
  indicator: string;
  region: string;
  period: string;
  value: number;
  unit: string | null;
  series: string | null;
  qualifier: string | null;
  denominator: number | null;
}

export interface Passage {
  id: string;
  split: 'test' | 'tune';
  url: string;
  accessed: string;
  published: string | null;
  kind: 'body' | 'furniture';
  /** What a reader knows from the page around the passage: the outlet's province, the article's year. */
  context: { region: string | null; period: string | null };
  text: string;
  expected: ExpectedObservation[];
}

const FILE = new URL('../../data/extract-corpus/passages.jsonl', import.meta.url);

export function readCorpus(): Passage[] {
  return readFileSync(FILE, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Passage);
}

/** The report period a passage is read with: the article's year, else its publication date. */
function periodOf(p: Passage): string | undefined {
  if (p.context.period) return p.context.period;
  if (!p.published) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(p.published) ? p.published : p.published.slice(0, 4);
}

export function extractPassage(p: Passage): ExtractedObservation[] {
  return extractReport(p.text, { file: p.id, region: p.context.region ?? undefined, period: periodOf(p) }).observations;
}

/**
 * A reading matches an expected figure when indicator, region and value agree, its period is the
 * same or lies within the expected year (`2021-10` in `2021`), and, where the annotation names a
 * series or a denominator, those agree too.
 */
export function matches(e: ExpectedObservation, o: ExtractedObservation): boolean {
  if (e.indicator !== o.indicator || e.region !== o.region) return false;
  if (o.value === null || Math.abs(e.value - o.value) > 1e-9 * Math.max(1, Math.abs(e.value))) return false;
  if (!(o.period === e.period || (/^\d{4}$/.test(e.period) && o.period.startsWith(e.period + '-')))) return false;
  if (e.series !== null && e.series !== o.series) return false;
  if (e.denominator !== null && e.denominator !== o.denominator) return false;
  return true;
}

export interface CorpusScore {
  passages: number;
  expected: number;
  extracted: number;
  correct: number;
  found: number;
  precision: number;
  recall: number;
  /** Per passage: what was missed and what was read wrongly. */
  misses: { id: string; missed: ExpectedObservation[]; wrong: ExtractedObservation[] }[];
}

export function scoreCorpus(passages: Passage[]): CorpusScore {
  let expected = 0, extracted = 0, correct = 0, found = 0;
  const misses: CorpusScore['misses'] = [];
  for (const p of passages) {
    const got = extractPassage(p);
    const wrong = got.filter((o) => !p.expected.some((e) => matches(e, o)));
    const missed = p.expected.filter((e) => !got.some((o) => matches(e, o)));
    expected += p.expected.length;
    extracted += got.length;
    correct += got.length - wrong.length;
    found += p.expected.length - missed.length;
    if (wrong.length || missed.length) misses.push({ id: p.id, missed, wrong });
  }
  return {
    passages: passages.length, expected, extracted, correct, found,
    precision: extracted ? correct / extracted : 1,
    recall: expected ? found / expected : 1,
    misses,
  };
}
