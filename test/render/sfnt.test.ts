import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { readAdvanceFont } from '../../src/render/node/sfnt.js';
import { defaultFontSet } from '../../src/render/node/fonts.js';

describe('readAdvanceFont', () => {
  it('gives every code point of each Be Vietnam Pro face the advance fontkit gives it', () => {
    for (const face of defaultFontSet().faces) {
      const bytes = readFileSync(face.file);
      const ours = readAdvanceFont(bytes);
      expect(ours, face.file).toBeDefined();
      const theirs = fontkit.create(bytes) as fontkit.Font;
      expect(ours!.unitsPerEm).toBe(theirs.unitsPerEm);
      // Every mapped character, and characters the font lacks (they measure as .notdef).
      const codePoints = [...theirs.characterSet, 0x4e00, 0x1f600, 0xffff, 0x10ffff, 0];
      expect(theirs.characterSet.length).toBeGreaterThan(300);
      const differ = codePoints.filter((cp) => ours!.glyphForCodePoint(cp).advanceWidth !== theirs.glyphForCodePoint(cp).advanceWidth);
      expect(differ, face.file).toEqual([]);
    }
  });

  it('declines what it does not read: collections, WOFF, truncated files', () => {
    const bytes = readFileSync(defaultFontSet().faces[0].file);
    const ttc = Buffer.concat([Buffer.from('ttcf'), bytes.subarray(4)]);
    expect(readAdvanceFont(ttc)).toBeUndefined();
    expect(readAdvanceFont(Buffer.from('wOFF0000000000000000'))).toBeUndefined();
    expect(readAdvanceFont(bytes.subarray(0, 200))).toBeUndefined();
  });
});
