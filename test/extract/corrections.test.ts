// An analyst's corrections: accepted, edited, rejected and added observations, keyed by quote and offsets.
import { describe, expect, it } from 'vitest';
import { isChisoError } from '../../src/errors.js';
import { applyCorrections, correctionKey, extractReport, parseCorrections } from '../../src/extract/index.js';
import { read } from './fixture.js';

const SOURCE = 'data/seeds/raw/002_8f0ff18a4f7cf0ed.txt';
const text = read(SOURCE);
const extraction = extractReport(text, { file: SOURCE });
const find = (indicator: string, value: number) => extraction.observations.find((o) => o.indicator === indicator && o.value === value)!;

function thrown(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isChisoError(e)) return e;
    throw e;
  }
  throw new Error('expected a ChisoError');
}

describe('applyCorrections', () => {
  const poverty = find('poverty_rate', 3.58);
  const income = find('income_per_capita', 60.2);
  const houses = find('social_support_beneficiaries', 150);
  const missedAt = text.indexOf('hàng trăm sáng kiến');
  const corrections = parseCorrections(JSON.stringify({
    report: '002_8f0ff18a4f7cf0ed.txt',
    corrections: [
      { ...correctionKey(poverty), action: 'accept' },
      { ...correctionKey(income), action: 'edit', set: { period: '2023' }, note: 'Báo cáo tháng 5/2024 nêu số liệu cả năm 2023' },
      { ...correctionKey(houses), action: 'reject', note: 'houses are counted elsewhere' },
      {
        action: 'add',
        observation: { indicator: 'initiatives', region: '42-duc-tho', period: '2021-2023', value: null, unit: 'sáng kiến', quote: 'hàng trăm sáng kiến', start: missedAt, end: missedAt + 'hàng trăm sáng kiến'.length },
        note: 'hàng trăm: unquantified',
      },
      { quote: 'không còn trong báo cáo', start: 1, end: 5, action: 'reject' },
    ],
  }), 'x.corrections.json');
  const result = applyCorrections(extraction.observations, corrections, { text, file: 'x.corrections.json' });

  it('edits fields, keeps the phrase and offsets, and records the change', () => {
    const o = result.observations.find((x) => x.indicator === 'income_per_capita')!;
    expect(o).toMatchObject({ period: '2023', value: 60.2, quote: income.quote, start: income.start, end: income.end, corrected: true, review: 'edited', confidence: 1 });
    expect(o.note).toBe('Báo cáo tháng 5/2024 nêu số liệu cả năm 2023');
    expect(o.reason).toContain('corrected by analyst (x.corrections.json: Báo cáo tháng 5/2024 nêu số liệu cả năm 2023): period "2024-05-07" -> "2023"');
    expect(o.reason.startsWith(income.reason)).toBe(true);
  });

  it('accepts without marking the observation corrected', () => {
    const o = result.observations.find((x) => x.indicator === 'poverty_rate')!;
    expect(o).toMatchObject({ review: 'accepted', confidence: 1, value: 3.58 });
    expect(o.corrected).toBeUndefined();
  });

  it('removes rejected observations and returns them apart', () => {
    expect(result.observations.some((o) => o.start === houses.start)).toBe(false);
    expect(result.rejected.map((o) => o.value)).toEqual([150]);
    expect(result.rejected[0].reason).toContain('rejected by analyst');
  });

  it('adds a missed figure in text order, with the report as its source', () => {
    expect(result.observations).toHaveLength(extraction.observations.length - 1 + 1);
    const added = result.observations.find((o) => o.indicator === 'initiatives')!;
    expect(added).toMatchObject({ value: null, corrected: true, review: 'added', source: SOURCE, qualifier: null, status: 'final' });
    const starts = result.observations.map((o) => o.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('reports a correction that matches nothing, never drops it silently', () => {
    expect(result.warnings.map((w) => [w.code, w.file])).toEqual([['EXTRACT_CORRECTION_UNMATCHED', 'x.corrections.json']]);
    expect(result.warnings[0].en).toContain('corrections[4]');
  });

  it('leaves the extraction it was given unchanged', () => {
    expect(find('income_per_capita', 60.2).period).toBe('2024-05-07');
  });

  it('follows a figure whose quote the extractor now draws wider or narrower, and says so', () => {
    // An older extraction quoted only "3,58%"; the text is the same, so the correction still applies.
    const at = poverty.quote.indexOf('3,58%');
    const old = { quote: '3,58%', start: poverty.start + at, end: poverty.start + at + 5 };
    const r = applyCorrections(extraction.observations, parseCorrections({ corrections: [{ ...old, action: 'edit', set: { period: '2023' } }] }), { text, file: 'c.json' });
    expect(r.observations.find((o) => o.indicator === 'poverty_rate')).toMatchObject({ period: '2023', corrected: true, start: poverty.start });
    expect(r.warnings.map((w) => w.code)).toEqual(['EXTRACT_CORRECTION_REKEYED']);
    // Without the text to check against, it is not applied, and says so.
    const blind = applyCorrections(extraction.observations, parseCorrections({ corrections: [{ ...old, action: 'reject' }] }));
    expect(blind.observations).toHaveLength(extraction.observations.length);
    expect(blind.warnings.map((w) => w.code)).toEqual(['EXTRACT_CORRECTION_UNMATCHED']);
  });

  it('refuses an added quote that is not at its offsets', () => {
    const bad = parseCorrections({ corrections: [{ action: 'add', observation: { indicator: 'initiatives', region: '42', period: '2023', value: 1, unit: 'sáng kiến', quote: 'không có', start: 0, end: 8 } }] });
    expect(thrown(() => applyCorrections([], bad, { text, file: 'c.json' })).code).toBe('EXTRACT_CORRECTION_QUOTE');
  });
});

describe('parseCorrections', () => {
  const key = { quote: 'x', start: 0, end: 1 };
  it('names the file and the path of each mistake, in both languages', () => {
    const e = thrown(() => parseCorrections({ corrections: [{ ...key, action: 'edit', set: { value: 'ba' } }] }, 'r.txt.corrections.json'));
    expect(e.code).toBe('EXTRACT_CORRECTIONS_SHAPE');
    expect(e.file).toBe('r.txt.corrections.json');
    expect(e.message).toContain('corrections[0].set.value');
    expect(e.text('vi')).toContain('cần a number or null');
  });
  it('rejects unknown actions, fields and keys with the bad value', () => {
    expect(thrown(() => parseCorrections({ corrections: [{ ...key, action: 'approve' }] })).message).toContain('"approve"');
    expect(thrown(() => parseCorrections({ corrections: [{ ...key, action: 'edit', set: { quote: 'y' } }] })).code).toBe('EXTRACT_CORRECTION_FIELD');
    expect(thrown(() => parseCorrections({ corrections: [{ ...key, action: 'accept', valeu: 1 }] })).message).toContain('valeu');
    expect(thrown(() => parseCorrections({ correction: [] })).message).toContain('correction');
  });
  it('checks regions, units and qualifiers against the registry and vocabularies', () => {
    expect(thrown(() => parseCorrections({ corrections: [{ ...key, action: 'edit', set: { region: 'Đức Thọ' } }] })).message).toContain('Đức Thọ');
    expect(thrown(() => parseCorrections({ corrections: [{ ...key, action: 'edit', set: { unit: 'kg' } }] })).message).toContain('kg');
    expect(thrown(() => parseCorrections({ corrections: [{ ...key, action: 'edit', set: { qualifier: 'trên' } }] })).message).toContain('trên');
    expect(parseCorrections({ corrections: [{ ...key, action: 'edit', set: { unit: 'nhà', qualifier: null } }] }).corrections[0]).toMatchObject({ set: { unit: 'căn nhà', qualifier: null } });
  });
  it('reports broken JSON with the parser’s message', () => {
    expect(thrown(() => parseCorrections('{ "corrections": [', 'c.json')).code).toBe('EXTRACT_CORRECTIONS_JSON');
  });
});
