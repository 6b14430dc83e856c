import { describe, expect, it } from 'vitest';
import { addIndicators, defineIndicator, getIndicator, parseCatalogue } from '../../src/registry/index.js';
import { isChisoError } from '../../src/errors.js';

function refusal(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (isChisoError(e)) return { code: e.code, vi: e.text('vi'), en: e.text('en'), file: e.diagnostics[0].file };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the open catalogue', () => {
  it('makes a definition an indicator: name in both languages, direction, kind, unit', () => {
    const ind = defineIndicator({ id: 'child_immunisation', unit: '%', name: { vi: 'Tỷ lệ tiêm chủng', en: 'Immunisation' }, kind: 'rate', direction: 'up' });
    expect(ind).toEqual({ id: 'child_immunisation', unit: '%', label: { vi: 'Tỷ lệ tiêm chủng', en: 'Immunisation' }, kind: 'rate', lowerIsBetter: false, breaks: [] });
    expect(defineIndicator({ id: 'x_count', unit: 'hộ' })).toMatchObject({ label: { vi: 'x_count', en: 'x_count' }, kind: 'amount', lowerIsBetter: null });
  });

  it('refuses a bad file, naming it and the field, in both languages', () => {
    const r = refusal(() => parseCatalogue({ indicators: [{ id: 'ok_one', unit: '%' }, { id: 'Bad Id', unit: '%' }] }, 'data/chiso.indicators.json'));
    expect(r.code).toBe('REGISTRY_BAD_DEFINITION');
    expect(r.file).toBe('data/chiso.indicators.json');
    expect(r.vi).toContain('indicators[1].id');
    expect(r.en).toContain('indicators[1].id');
    expect(refusal(() => parseCatalogue({ indicators: [{ id: 'a_b', unit: '%', colour: 'red' }] })).vi).toContain('indicators[0].colour');
    expect(refusal(() => parseCatalogue({ list: [] })).code).toBe('REGISTRY_BAD_DEFINITION');
    expect(refusal(() => parseCatalogue([{ id: 'twice', unit: '%' }, { id: 'twice', unit: '%' }])).vi).toContain('indicators[1].id');
  });

  it('never redefines a built-in indicator; the same definition twice is harmless, another is refused', () => {
    const r = refusal(() => addIndicators([defineIndicator({ id: 'poverty_rate', unit: '%' })]));
    expect(r.code).toBe('REGISTRY_INDICATOR_DEFINED');
    expect(r.en).toContain("chiso's catalogue");
    addIndicators([defineIndicator({ id: 'catalogue_test', unit: '%', kind: 'rate' })]);
    addIndicators([defineIndicator({ id: 'catalogue_test', unit: '%', kind: 'rate' })]);
    expect(getIndicator('catalogue_test').kind).toBe('rate');
    expect(refusal(() => addIndicators([defineIndicator({ id: 'catalogue_test', unit: 'hộ' })])).code).toBe('REGISTRY_INDICATOR_DEFINED');
  });
});
