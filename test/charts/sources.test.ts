import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_SOURCES, seedSource } from '../../src/charts/seed-sources.js';
import { chart, shortSource, sourceLine, sourceText } from '../../src/charts/index.js';
import { load, render, root, svgTexts } from './helpers.js';

const readme = readFileSync(root + 'data/seeds/README.md', 'utf8');
/** The README's table: file name -> the rest of its row. */
const rows = new Map(
  [...readme.matchAll(/^\| `raw\/([^`]+)` \|(.*)\|$/gm)].map((m) => [m[1], m[2]]),
);
const seeds = load('data/seeds/observations.csv');

describe('seed report sources', () => {
  it('has one entry per report the README lists, each resting on the README\'s words and date', () => {
    expect(rows.size).toBe(5);
    expect(Object.keys(SEED_SOURCES).sort()).toEqual([...rows.keys()].sort());
    for (const [file, entry] of Object.entries(SEED_SOURCES)) {
      const row = rows.get(file) as string;
      expect(row, file).toContain(entry.stated);
      // The publisher's name (before any parenthesis) is in the row too, in the README's own words
      // or in its `stated` phrase.
      const name = entry.publisher.vi.split(' (')[0];
      expect(row.includes(name) || entry.stated.includes(name.replace(/^Cổng thông tin( điện tử)? /, '')), file).toBe(true);
      if (entry.date) {
        const [y, m, d] = entry.date.split('-');
        const padded = `${d}/${m}`;
        const plain = `${Number(d)}/${Number(m)}`;
        expect(row.includes(padded) || row.includes(plain), file).toBe(true);
        expect(row, file).toContain(y);
      }
      expect(entry.publisher.en.length).toBeGreaterThan(3);
    }
  });

  it('covers every seed file the observations name', () => {
    for (const o of seeds) expect(seedSource(o.source), o.source).toBeDefined();
  });

  it('names outlet and date in the source line and tooltips, never the file name', async () => {
    const duc = seeds.filter((o) => o.region === '42-duc-tho');
    expect(sourceLine(duc, 'vi')).toBe('Nguồn: Ban Tuyên giáo Huyện ủy Đức Thọ, 07/05/2024');
    expect(sourceLine(duc, 'en')).toBe('Source: Duc Tho District Party Committee, Propaganda Board, 7 May 2024');
    expect(sourceText(seeds[0], 'vi')).toBe('Tỉnh đoàn Kiên Giang (nguồn: kiengiang.dcs.vn), kết quả đến cuối năm 2021');
    for (const o of seeds) expect(sourceText(o, 'vi')).not.toMatch(/\.txt/);
    const texts = svgTexts((await render(chart('progress', seeds, {}))).svg).join(' | ');
    expect(texts).not.toMatch(/\d{3}_[0-9a-f]{16}/);
    expect(texts).toContain('Cổng thông tin thị xã Kỳ Anh, báo cáo năm 2022');
    // Page addresses stay shortened as before; GSO files keep their publisher.
    expect(shortSource('https://www.vietnamplus.vn/ty-le-ho-ngheo-ca-nuoc-nam-2022-post123456.vnp', 'vi').name).toBe('vietnamplus.vn/ty-le-ho-ngheo-ca-nuoc-nam…');
    expect(shortSource('data/gso/raw/poverty_rate_by_province.csv#row=5', 'vi')).toEqual({ publisher: 'Tổng cục Thống kê', name: 'poverty_rate_by_province.csv' });
  });
});
