import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { charsetModule } from '../../scripts/fonts-charset.js';
import { embedFontFaces, nearestFace } from '../../src/render/font-embed.js';
import { downloadableSvg } from '../../src/render/download-svg.js';
import { CHARSET_FACES } from '../../src/render/fonts/be-vietnam-pro-charset.js';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><g>' +
  '<text font-family="&quot;Be Vietnam Pro&quot;, Arial" font-size="11px">Hà Tĩnh</text>' +
  '<text font-family="&quot;Be Vietnam Pro&quot;, Arial" font-weight="bold" font-size="16px">Tỷ lệ hộ nghèo</text>' +
  '<text font-family="monospace">x</text></g></svg>';

describe('embedding faces in a page SVG', () => {
  it('embeds the faces the text uses, nearest weight, and points their text at them', () => {
    const out = downloadableSvg(SVG, { spec: { title: { text: 'Tỷ lệ hộ nghèo', subtitle: 'Nguồn: GSO' } }, description: 'Mô tả.', lang: 'vi' });
    const faces = [...out.matchAll(/font-weight:(\d+);src:url\(data:font\/woff2;base64,/g)].map((m) => Number(m[1]));
    expect(faces).toEqual([400, 700]);
    expect(out).toMatch(/<text font-family="chiso-[0-9a-f]{8}, &quot;Be Vietnam Pro&quot;, Arial"/);
    expect(out).toContain('<text font-family="monospace">');
    expect(out).toContain('<title>Tỷ lệ hộ nghèo</title><desc>Mô tả. Nguồn: GSO</desc>');
    expect(out).toContain('xml:lang="vi"');
  });

  it('leaves an SVG with no text in the family without faces', () => {
    expect(embedFontFaces('<svg><text font-family="serif">a</text></svg>', CHARSET_FACES, { family: 'Be Vietnam Pro' })).not.toContain('@font-face');
  });

  it('picks the nearest face as CSS does', () => {
    const faces = [400, 500, 600, 700].map((weight) => ({ weight, style: 'normal' })).concat([{ weight: 400, style: 'italic' }]);
    expect(nearestFace(faces, 550).weight).toBe(600);
    expect(nearestFace(faces, 450).weight).toBe(400);
    expect(nearestFace(faces, 900).weight).toBe(700);
    expect(nearestFace(faces, 700, 'italic')).toEqual({ weight: 400, style: 'italic' });
  });

  it('ships the faces `npm run fonts` makes from the font package (regenerate after changing either)', async () => {
    expect(readFileSync('src/render/fonts/be-vietnam-pro-charset.ts', 'utf8')).toBe(await charsetModule());
  });
});
