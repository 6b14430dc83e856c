import { describe, expect, it } from 'vitest';
import subsetFont from 'subset-font';
import { subsetTrueType } from '../../src/render/node/hb-subset.js';
import { defaultFontSet } from '../../src/render/node/fonts.js';

const FEATURES = ['kern', 'mark', 'mkmk', 'ccmp', 'locl'];

describe('subsetTrueType', () => {
  it('makes the bytes subset-font makes, for every face and several texts', async () => {
    const texts = ['Tỷ lệ hộ nghèo theo vùng, 2006–2016 (%)', '0123456789,.', 'ĐỒNG BẰNG SÔNG CỬU LONG ₫ € 𝔸', 'a'];
    for (const face of defaultFontSet().faces)
      for (const text of texts) {
        const ours = await subsetTrueType(face.bytes, text, FEATURES);
        const theirs = Buffer.from(await subsetFont(face.bytes, text, { targetFormat: 'truetype', keepFeatures: FEATURES, noHinting: true }));
        expect(ours.length).toBeGreaterThan(500);
        expect(ours.equals(theirs), `${face.file}: ${text}`).toBe(true);
      }
  });

  it('refuses a damaged font with an error, not an empty font', async () => {
    const bytes = Buffer.from(defaultFontSet().faces[0].bytes.subarray(0, 400));
    await expect(subsetTrueType(bytes, 'abc', FEATURES)).rejects.toThrow(/harfbuzz/);
  });
});
