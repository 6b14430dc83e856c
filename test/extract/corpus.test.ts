// The annotated corpus of real report passages (data/extract-corpus): its shape, its frozen split, and
// floors on both splits' scores so that a change that loses figures fails here.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCorpus, scoreCorpus } from './corpus.js';

const corpus = readCorpus();
// CHISO_CORPUS_SPLIT=tune scores the tune split alone: work on the rules never runs the test split.
const tuneOnly = process.env.CHISO_CORPUS_SPLIT === 'tune';
const tune = scoreCorpus(corpus.filter((p, i) => p.split === 'tune' && i < 261));
// The development set: passages added after the first 261, all in the tune split, scored before any rule
// was changed for them.
const dev = scoreCorpus(corpus.filter((p, i) => p.split === 'tune' && i >= 261));
const test = tuneOnly ? null : scoreCorpus(corpus.filter((p) => p.split === 'test'));
for (const [name, s] of [['tune', tune], ['dev', dev], ['test', test]] as const) {
  if (!s) continue;
  console.log(`${name}: ${s.passages} passages, ${s.expected} expected, ${s.extracted} extracted, ${s.correct} correct; precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`);
}

describe('extraction corpus', () => {
  it('holds real passages with their source and annotations', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(261);
    const ids = new Set(corpus.map((p) => p.id));
    expect(ids.size).toBe(corpus.length);
    for (const p of corpus) {
      expect(p.id).toBe('x' + createHash('sha1').update(p.url + '\n' + p.text).digest('hex').slice(0, 10));
      expect(p.url).toMatch(/^https?:\/\//);
      expect(p.text.length).toBeGreaterThan(0);
    }
    const provinces = new Set(corpus.flatMap((p) => [p.context.region ?? '', ...p.expected.map((e) => e.region.split('-')[0])]).filter((r) => /^\d\d$/.test(r)));
    expect(provinces.size).toBeGreaterThanOrEqual(40);
  });

  it('keeps the test split frozen: by id hash for the first 261 passages, exactly its 102 passages since', () => {
    // The first 261 passages took their split from the id hash. Passages added after that join the tune
    // split (a development set that is scored before any rule changes for it), so the held-out test
    // split stays exactly the passages it was: their ids are pinned by this digest.
    corpus.forEach((p, i) => {
      if (i >= 261) {
        expect(p.split).toBe('tune');
        return;
      }
      const h = BigInt('0x' + createHash('sha256').update(p.id).digest('hex'));
      expect(p.split).toBe(h % 5n < 2n ? 'test' : 'tune');
    });
    const testIds = corpus.filter((p) => p.split === 'test').map((p) => p.id).sort();
    expect(testIds.length).toBe(102);
    expect(createHash('sha256').update(testIds.join('\n')).digest('hex')).toBe('da792941de8787f59c615e0d4dd41413585635f1419a7ea0f4ea2f5a3ed94926');
  });

  it('keeps the scores it has reached on both splits', () => {
    // Measured when written: tune 0.94 / 0.92, test 0.87 / 0.93 (precision / recall); after the rules
    // from the tune split's false readings and general cases: tune 0.996 / 0.946, test 0.881 / 0.943.
    // With 63 more passages (220): before their rules tune 0.889 / 0.860, test 0.843 / 0.866; after
    // rules from the new tune passages: tune 0.954 / 0.914, test 0.856 / 0.886.
    // With 41 more passages (261), tune 0.919 / 0.893 before their rules; after the rules that refuse what
    // the words do not settle and bind by place, period and list: tune 0.994 / 0.975. The test split was not
    // scored while those rules were written (CHISO_CORPUS_SPLIT=tune); its floors are the last measured.
    // The development set of 60 passages (lines 262-321): before its rules 0.426 / 0.247 (unseen text), after
    // the refusals it led to 0.818 / 0.333.
    expect(tune.precision).toBeGreaterThanOrEqual(0.98);
    expect(tune.recall).toBeGreaterThanOrEqual(0.96);
    expect(dev.precision).toBeGreaterThanOrEqual(0.8);
    expect(dev.recall).toBeGreaterThanOrEqual(0.3);
    if (test) {
      expect(test.precision).toBeGreaterThanOrEqual(0.85);
      expect(test.recall).toBeGreaterThanOrEqual(0.88);
    }
  });
});
