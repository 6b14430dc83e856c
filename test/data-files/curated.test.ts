// The curated figures: every row of data/seeds/observations.csv and data/quoted/observations.csv is
// checked against the raw text it cites, character for character.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, parseCsv, readRecords } from '../../scripts/data/csv.mjs';
import { parsePeriod } from '../../src/data/period.js';
import { canConvert, getIndicator, getRegion, isIndicatorId, unitFor } from '../../src/registry/index.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const SEEDS = 'data/seeds/observations.csv';
const QUOTED = 'data/quoted/observations.csv';
const QUOTED_RAW = 'data/quoted/raw/quoted_statistics.md';
const seeds = readRecords(read(SEEDS));
const quoted = readRecords(read(QUOTED));

/** Numbers written in a quote, read both the Vietnamese way (`3.051`, `60,2`) and the English way (`5,248`, `42.4`). */
function numbersIn(quote: string): number[] {
  const out: number[] = [];
  for (const m of quote.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const s = m[0];
    out.push(Number(s.replaceAll('.', '').replace(',', '.')));
    out.push(Number(s.replaceAll(',', '')));
    out.push(Number(s.replace(',', '.')));
  }
  return out;
}

function commonChecks(name: string, rows: Record<string, string>[]) {
  describe(name, () => {
    it('has exactly the shared columns, in order', () => {
      const header = parseCsv(read(name))[0];
      expect(header).toEqual([...COLUMNS]);
    });

    it('gives every row a source, a quote, a unit and a number', () => {
      for (const r of rows) {
        expect(r.source, JSON.stringify(r)).not.toBe('');
        expect(r.quote, JSON.stringify(r)).not.toBe('');
        expect(r.unit, JSON.stringify(r)).not.toBe('');
        expect(Number.isFinite(Number(r.value)) && r.value !== '', JSON.stringify(r)).toBe(true);
        if (r.denominator !== '') expect(Number(r.denominator)).toBeGreaterThanOrEqual(Number(r.value));
      }
    });

    it('uses only the closed vocabularies for qualifier and status', () => {
      for (const r of rows) {
        expect(['', '>', '<', '~']).toContain(r.qualifier);
        expect(['final', 'preliminary']).toContain(r.status);
      }
    });

    it('writes periods chiso reads back unchanged', () => {
      for (const r of rows) expect(parsePeriod(r.period)?.period, r.quote).toBe(r.period);
    });

    it('names regions the registry knows', () => {
      for (const r of rows) expect(getRegion(r.region), `${r.region} (${r.quote})`).toBeDefined();
    });

    it('uses indicator ids, series and tiers from the catalogue', () => {
      for (const r of rows) {
        expect(isIndicatorId(r.indicator), r.indicator).toBe(true);
        if (r.series === '') continue;
        const ind = getIndicator(r.indicator);
        const known = [...Object.keys(ind.series ?? {}), ...(ind.tiers ?? []).map((t) => t.id)];
        expect(known, `${r.indicator} / ${r.series}`).toContain(r.series);
      }
    });

    it("writes each figure in its series' unit, or one that converts to it", () => {
      for (const r of rows) {
        const unit = unitFor(r.indicator, r.series || null);
        expect(r.unit === unit || canConvert(r.unit, unit), `${r.indicator}/${r.series}: ${r.unit} vs ${unit}`).toBe(true);
      }
    });

    it('reads each value (and denominator) from the figure its quote writes', () => {
      for (const r of rows) {
        const written = numbersIn(r.quote);
        expect(written, `${r.value} in ${r.quote}`).toContain(Number(r.value));
        if (r.denominator !== '') expect(written, `${r.denominator} in ${r.quote}`).toContain(Number(r.denominator));
      }
    });

    it('states each figure once per source', () => {
      const keys = rows.map((r) => [r.indicator, r.region, r.period, r.series, r.source].join('|'));
      expect(new Set(keys).size).toBe(keys.length);
    });
  });
}

commonChecks(SEEDS, seeds);
commonChecks(QUOTED, quoted);

describe('seed quotes', () => {
  it('cite a seed file under data/seeds/raw/', () => {
    const files = readdirSync(new URL('data/seeds/raw/', root)).filter((f) => f.endsWith('.txt'));
    for (const r of seeds) expect(files.map((f) => `data/seeds/raw/${f}`)).toContain(r.source);
  });

  it('are the exact text of the seed at [start, end)', () => {
    for (const r of seeds) {
      const text = read(r.source);
      expect(text.includes(r.quote), r.quote).toBe(true);
      expect(text.slice(Number(r.start), Number(r.end))).toBe(r.quote);
    }
  });

  it('cover every seed file', () => {
    const files = readdirSync(new URL('data/seeds/raw/', root)).filter((f) => f.endsWith('.txt'));
    for (const f of files) expect(seeds.some((r) => r.source === `data/seeds/raw/${f}`), f).toBe(true);
  });

  it('hold the figures the reports are known for', () => {
    const find = (indicator: string, region: string, series = '') =>
      seeds.filter((r) => r.indicator === indicator && r.region === region && r.series === series).map((r) => [r.period, Number(r.value), r.qualifier, r.denominator]);
    expect(find('study_participation', '91')).toEqual([['2021', 98, '>', '']]);
    expect(find('commendations', '75', 'collective')).toEqual([['2021-2023', 22, '', '']]);
    expect(find('commendations', '75', 'individual')).toEqual([['2021-2023', 35, '', '']]);
    expect(find('poverty_rate', '42-duc-tho', 'unknown')).toEqual([['2024-05-07', 3.58, '', '']]);
    expect(find('income_per_capita', '42-duc-tho')).toEqual([['2024-05-07', 60.2, '', '']]);
    expect(find('civilized_urban_criteria', '42-duc-tho-tt-duc-tho')).toEqual([['2024-05-07', 8, '', '9']]);
    expect(find('exemplary_models', '42-duc-tho', 'total')).toEqual([['2021-2023', 3051, '', '']]);
    expect(find('party_org_registration', '42-tx-ky-anh')).toEqual([['2022', 30, '', '31']]);
    expect(find('self_review_sessions', '42-tx-ky-anh')).toEqual([['2022', 100, '', '']]);
    expect(find('commendations', '06', 'collective')).toEqual([['2019', 11, '', '']]);
    expect(find('commendations', '06', 'individual')).toEqual([['2019', 22, '', '']]);
  });

  it("keep the source's typo '100/%' as written, with a note", () => {
    const r = seeds.find((x) => x.indicator === 'self_review_sessions');
    expect(r?.quote.startsWith('100/%')).toBe(true);
    expect(r?.note).toContain('100/%');
  });
});

describe('quoted figures', () => {
  const raw = read(QUOTED_RAW);
  // A bullet item of the markdown: from a line starting `- ` to the next one (or a heading).
  const items: { start: number; end: number; text: string }[] = [];
  for (const m of raw.matchAll(/^- [\s\S]*?(?=^- |^#|(?![\s\S]))/gm)) items.push({ start: m.index, end: m.index + m[0].length, text: m[0] });

  it('are the exact text of quoted_statistics.md at [start, end)', () => {
    for (const r of quoted) expect(raw.slice(Number(r.start), Number(r.end))).toBe(r.quote);
  });

  it('cite the page address given in the same item of the file', () => {
    for (const r of quoted) {
      expect(r.source).toMatch(/^https?:\/\//);
      const item = items.find((i) => Number(r.start) >= i.start && Number(r.end) <= i.end);
      expect(item, r.quote).toBeDefined();
      expect(item?.text.includes(r.source), `${r.source} for ${r.quote}`).toBe(true);
    }
  });

  it('cover the national new-rural series 2018-2025 with its tiers', () => {
    const vn = quoted.filter((r) => r.indicator === 'new_rural_communes' && r.region === 'VN');
    expect(vn.filter((r) => r.series === 'standard').map((r) => r.period)).toEqual(
      ['2018', '2020-05', '2021-04', '2022-06', '2022-11', '2022', '2023-06-30', '2025-06']);
    expect(vn.filter((r) => r.series === 'model').map((r) => Number(r.value))).toEqual([83, 176, 743]);
    expect(vn.find((r) => r.period === '2021-04')?.denominator).toBe('8267');
  });

  it('use one unit per indicator and source kind as written', () => {
    for (const r of quoted.filter((x) => x.indicator === 'income_per_capita')) {
      expect(['triệu đồng/người/tháng', 'nghìn đồng/người/tháng']).toContain(r.unit);
    }
  });
});
