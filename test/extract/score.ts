/**
 * Scores one split of the extraction corpus and lists, per passage, the figures missed and the
 * readings that match no annotation. Work on the rules looks at the tune split only:
 *   npx tsx test/extract/score.ts --split tune [--quiet] [--from N]
 * The test split is scored by the benchmark (aggregate only); this script refuses to list it.
 */
import { readCorpus, scoreCorpus } from './corpus.js';

const args = process.argv.slice(2);
const at = args.indexOf('--split');
const split = at >= 0 ? args[at + 1] : 'tune';
if (split !== 'tune') {
  console.error(`--split ${split}: only the tune split is listed; the test split is scored in aggregate by bench/extract.bench.ts`);
  process.exit(2);
}
const quiet = args.includes('--quiet');
// --from N scores only the tune passages from line N of the corpus on (a development set added later).
const fromAt = args.indexOf('--from');
const from = fromAt >= 0 ? Number(args[fromAt + 1]) : 0;
const passages = readCorpus().filter((p, i) => p.split === 'tune' && i >= from);
const s = scoreCorpus(passages);
if (!quiet) {
  const text = new Map(passages.map((p) => [p.id, p]));
  const fmt = (o: { indicator: string | null; region: string | null; period: string | null; value: number | null; series?: string | null; denominator?: number | null }) =>
    `${o.indicator} ${o.region} ${o.period} ${o.value}${o.series ? ' series=' + o.series : ''}${o.denominator != null ? ' /' + o.denominator : ''}`;
  for (const m of s.misses) {
    const p = text.get(m.id)!;
    console.log(`\n## ${m.id}  ctx=${p.context.region ?? '-'}/${p.context.period ?? p.published ?? '-'}  ${p.url}`);
    console.log(p.text);
    for (const e of m.missed) console.log(`  MISSED ${fmt(e)}`);
    for (const o of m.wrong) console.log(`  WRONG  ${fmt(o)}${'quote' in o ? '  «' + String((o as { quote?: string }).quote ?? '').slice(0, 120) + '»' : ''}`);
  }
}
console.log(`\ntune: ${s.passages} passages, ${s.expected} expected, ${s.extracted} extracted, ${s.correct} correct; precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`);
