// data/press is built from the corpus's hand-checked annotations by scripts/press-series.ts: the
// committed files are what the corpus gives, and each row's phrase is in its passage and names its figure.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { coverage, isPressRegion, pressRows, previousRows, quoteFor, toCsv } from '../../scripts/press-series.js';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

describe('the press series', () => {
  it('finds the shortest phrase that states a figure and names its indicator', () => {
    const text = 'Cuối năm 2023, toàn tỉnh còn 9.604 hộ nghèo, chiếm tỷ lệ 3,14%; hộ cận nghèo là 6.943 hộ, chiếm tỷ lệ 2,27%.';
    expect(quoteFor(text, 3.14, 'poverty_rate')).toBe('toàn tỉnh còn 9.604 hộ nghèo, chiếm tỷ lệ 3,14%');
    expect(quoteFor(text, 2.27, 'near_poor_rate')).toBe('hộ cận nghèo là 6.943 hộ, chiếm tỷ lệ 2,27%');
    expect(quoteFor('+ Tỷ lệ hộ nghèo: 5,0%; tổng số hộ nghèo: 12.855 hộ.', 5, 'poverty_rate')).toBe('+ Tỷ lệ hộ nghèo: 5,0%');
    expect(quoteFor(text, 9.99, 'poverty_rate')).toBeNull();
  });

  it('keeps provinces, the 34 units, the regions and the country, not districts', () => {
    expect(['42', '34:79', 'R3', 'VN'].every(isPressRegion)).toBe(true);
    expect(['42-can-loc', '82-cai-be', '?'].some(isPressRegion)).toBe(false);
  });

  it('is what the corpus gives (run `npx tsx scripts/press-series.ts` after annotating)', () => {
    const passages = read('data/extract-corpus/passages.jsonl').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const csv = read('data/press/poverty_2021_2025.csv');
    const rows = pressRows(passages, previousRows(csv));
    expect(toCsv(rows)).toBe(csv);
    expect(read('data/press/README.md')).toContain(coverage(rows));
    // Every phrase is in its page's passage text, with its figure written the Vietnamese way.
    const text = new Map<string, string>(passages.map((p: { url: string; text: string }) => [p.url, '']));
    for (const p of passages as { url: string; text: string }[]) text.set(p.url, text.get(p.url) + '\n' + p.text.replace(/\s+/g, ' '));
    for (const r of rows) {
      expect(text.get(r.source), r.quote).toContain(r.quote);
      expect(r.quote, `${r.region} ${r.period} ${r.indicator}`).toContain(String(r.value).replace('.', ','));
    }
  });
});
