/**
 * Extraction cost: reading indicator observations out of report text against merely finding every
 * number in the same text (NFC plus one regex pass), in the same run. The ratio says what the
 * context work (rules, regions, periods, provenance) costs on top of a scan.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { extractReport, htmlToText } from '../src/extract/index.js';
import { readCorpus, scoreCorpus } from '../test/extract/corpus.js';
import { entry, headCommit, median, record, score } from './results.js';

const dir = new URL('../data/seeds/raw/', import.meta.url);
const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
const one = seeds.join('\n\n');
// A long report: the five seeds twenty times over (about 0.7 MB of text).
const long = Array.from({ length: 20 }, () => one).join('\n\n');

const scan = (t: string) => [...t.normalize('NFC').matchAll(/\d+(?:[.,]\d+)*/g)].length;
const baseline = await median(() => seeds.forEach(scan), 21, 5);
const chiso = await median(() => seeds.forEach((t) => extractReport(t)), 21, 5);
const longBaseline = await median(() => scan(long), 5, 1);
const longChiso = await median(() => extractReport(long), 5, 1);

// The same text as an HTML page: every paragraph a <p>, a script and a style between them.
const html = '<html><head><style>p{margin:0}</style></head><body>' +
  long.split('\n').map((l) => `<p class="c">${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p><script>var x="<p>1</p>";</script>`).join('') + '</body></html>';
const naive = await median(() => html.replace(/<[^>]*>/g, ''), 5, 1);
const strip = await median(() => htmlToText(html), 5, 1);

const n = extractReport(long).observations.length;
const commit = headCommit();
record([
  entry('extract: five seed reports', chiso, 'regex scan for numbers', baseline, `${seeds.length} reports, ${one.length} characters`),
  entry('extract: one long report, 0.7 MB', longChiso, 'regex scan for numbers', longBaseline, `${long.length} characters, ${n} observations`),
  entry('extract: HTML to text, 0.7 MB of text', strip, 'tag-stripping regex', naive, 'the regex keeps script contents and entities; htmlToText drops and decodes them'),
].map((e) => ({ ...e, commit })));

// Linear in text size: the seeds without ";" (clauses then end only at sentences) at 1 MB and 10 MB.
const plain = one.replace(/;/g, ',');
const sized = (n: number) => { let t = ''; while (t.length < n) t += plain + '\n\n'; return t.slice(0, n); };
const mb1 = sized(1_000_000);
const mb10 = sized(10_000_000);
// Best of several runs, the two sizes interleaved: on a shared machine the slowest runs measure the neighbours.
const best = (text: string) => { const t = performance.now(); extractReport(text); return performance.now() - t; };
best(mb1);
let t1 = Infinity;
let t10 = Infinity;
for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) t1 = Math.min(t1, best(mb1));
  t10 = Math.min(t10, best(mb10));
}

// The annotated corpus of real passages: scores on the frozen test split (never tuned on).
// `--speed` leaves them out, for timing runs while the rules change (the test split is scored once, at the end).
if (process.argv.includes('--speed')) {
  record([entry('extract-10mb-vs-1mb', t10, 'the same text at 1 MB', t1, 'seed reports repeated, ";" removed; best of 3 runs at 10 MB and 9 at 1 MB, interleaved; goal ratio <= 12 (linear is 10)')].map((e) => ({ ...e, commit })));
  process.exit(0);
}
const corpus = readCorpus();
const test = scoreCorpus(corpus.filter((p) => p.split === 'test'));
const tune = scoreCorpus(corpus.filter((p) => p.split === 'tune'));
const size = `${corpus.length} passages (${test.passages} test, ${tune.passages} tune), ${test.expected} expected figures in the test split; tune split: precision ${tune.precision.toFixed(3)}, recall ${tune.recall.toFixed(3)}`;
record([
  entry('extract-10mb-vs-1mb', t10, 'the same text at 1 MB', t1, 'seed reports repeated, ";" removed; best of 3 runs at 10 MB and 9 at 1 MB, interleaved; goal ratio <= 12 (linear is 10)'),
  score('extract-test-split-recall', test.recall, 0.9, size),
  score('extract-test-split-precision', test.precision, 0.97, size),
].map((e) => ({ ...e, commit })));
