import { describe, expect, it } from 'vitest';
import { hasMessage, isMessageCode, message, type MessageCode } from '../../src/messages/index.js';
import { diagnostic, fail, type ChisoError } from '../../src/errors.js';
import { validateClause } from '../../src/cube/validate.js';
// The charts' catalogue registers itself with the code that raises its messages (the chart recipes).
import '../../src/charts/chart.js';

describe('message codes: a typed union', () => {
  it('refuses at compile time a code no catalogue defines', () => {
    // Each line below fails to compile without its directive: the typecheck (tsc, which covers test/) checks that.
    // @ts-expect-error not a message code
    expect(message('NO_SUCH_CODE')).toBe('NO_SUCH_CODE');
    // @ts-expect-error not a message code
    expect(() => fail('CHART_NO_DATA_TYPO')).toThrow();
    // @ts-expect-error not a message code
    expect(diagnostic('QUERY_UNKNOWN_COLUM', {}).code).toBe('QUERY_UNKNOWN_COLUM');
    const code: MessageCode = 'REGION_COUNTRY';
    expect(message(code, {}, 'en')).toBe('Whole country');
  });

  it('tells a code that arrives as data from one that does not exist', () => {
    expect(isMessageCode('CHART_NO_DATA')).toBe(true);
    expect(isMessageCode('NO_SUCH_CODE')).toBe(false);
    expect(isMessageCode(42)).toBe(false);
    expect(hasMessage('LOCATION_ROW')).toBe(true);
    expect(message('LOCATION_ROW', { row: 5 }, 'vi')).toBe('dòng 5');
  });

  it('knows a catalogue as soon as a module raising its codes is loaded', async () => {
    expect(isMessageCode('EXTRACT_BAD_FORMAT')).toBe(false);
    await import('../../src/extract/extract.js');
    expect(isMessageCode('EXTRACT_BAD_FORMAT')).toBe(true);
    expect(message('EXTRACT_BAD_FORMAT', { value: 'x' }, 'en')).not.toBe('EXTRACT_BAD_FORMAT');
  });

  it('words what a value must be from the catalogue, in both languages', () => {
    let error: ChisoError | undefined;
    try {
      validateClause({ field: 'period', range: [2016] }, 'where[0]');
    } catch (e) {
      error = e as ChisoError;
    }
    expect(error?.code).toBe('CUBE_BAD_TYPE');
    expect(error?.text('vi')).toContain(`phải là ${message('EXPECT_PAIR', {}, 'vi')}`);
    expect(error?.text('en')).toContain('must be a pair [from, to], got [2016]');
  });
});
