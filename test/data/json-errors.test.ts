// A JSON file that does not parse is told where, in the reader's language: the engine's own message
// is English (and quotes the text), so the Vietnamese line of a config or catalogue error says it itself.
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/data/json.js';
import { diagnostic } from '../../src/errors.js';

const errorOf = (text: string) => {
  try {
    JSON.parse(text);
  } catch (e) {
    return jsonSyntaxError(e, text);
  }
  throw new Error('parsed');
};

describe('jsonSyntaxError', () => {
  it('says where in both languages, with no English in the Vietnamese line', () => {
    // Line and column where the engine gives a position; the character where it gives only that.
    expect(jsonSyntaxError(new SyntaxError("Expected ',' or '}' after property value in JSON at position 19"), '{\n  "src": "a.csv"\n  "lang": "vi"\n}')).toEqual({
      en: 'not valid JSON (line 3, column 1)',
      vi: 'không phải JSON hợp lệ (dòng 3, cột 1)',
    });
    const where = errorOf('{\n  "src": "a.csv",\n  "lang": vi\n}');
    expect(where.vi).toMatch(/^không phải JSON hợp lệ/);
    const d = diagnostic('COMPONENTS_BAD_CONFIG', { detail: where.en, detailVi: where.vi }, { file: 'dash.json' });
    expect(d.vi).not.toMatch(/Unexpected|token|JSON at|is not valid/);
    expect(d.en).toContain('not valid JSON');
  });

  it('says a text cut short ends too early, and never quotes the text', () => {
    const where = errorOf('{"src": "secret-token-123"');
    expect(where.vi).toContain('kết thúc quá sớm');
    expect(JSON.stringify(where)).not.toContain('secret');
  });
});
