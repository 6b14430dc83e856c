import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import * as fontkit from 'fontkit';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../../src/render/node/svg.js';
import { renderPng } from '../../src/render/node/png.js';
import { stabilizeSvg } from '../../src/render/stabilize.js';
import { countInlineRows } from '../../src/render/limits.js';
import { isChisoError } from '../../src/errors.js';

const bars = (values: { name: string; value: number }[], extra: Partial<TopLevelSpec> = {}): TopLevelSpec =>
  ({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Tỷ lệ hộ nghèo', subtitle: 'Nguồn: Tổng cục Thống kê' },
    description: 'Tỷ lệ hộ nghèo của ba đơn vị, <năm 2016> & trước',
    width: 300,
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'value', type: 'quantitative', axis: { format: ',.2f' }, title: 'Tỷ lệ (%)' },
      y: { field: 'name', type: 'nominal', title: null },
    },
    ...extra,
  }) as TopLevelSpec;

const sample = bars([
  { name: 'Hà Tĩnh', value: 3.58 },
  { name: 'Đức Thọ', value: 12.3456 },
  { name: 'Thị xã Kỳ Anh', value: 7.1 },
]);

describe('renderSvg', () => {
  it('is well-formed XML, byte for byte the same on a second run', async () => {
    const a = await renderSvg(sample);
    const b = await renderSvg(sample);
    expect(XMLValidator.validate(a)).toBe(true);
    expect(a).toBe(b);
  });

  it('writes numbers in the chart language', async () => {
    const vi = await renderSvg(sample);
    const en = await renderSvg(sample, { lang: 'en' });
    expect(vi).toMatch(/>2,00</);
    expect(en).toMatch(/>2.00</);
    expect(vi).toContain('xml:lang="vi"');
  });

  it('keeps title, subtitle and description for readers and escapes them', async () => {
    const svg = await renderSvg(sample);
    expect(svg).toContain('<title>Tỷ lệ hộ nghèo</title>');
    expect(svg).toContain('<desc>Tỷ lệ hộ nghèo của ba đơn vị, &lt;năm 2016&gt; &amp; trước. Nguồn: Tổng cục Thống kê</desc>');
    expect(svg).toMatch(/^<svg[^>]* role="graphics-document document" aria-label="Tỷ lệ hộ nghèo"/);
  });

  it('embeds a subset of Be Vietnam Pro that maps the Vietnamese letters used', async () => {
    const svg = await renderSvg(sample);
    const faces = [...svg.matchAll(/font-weight:(\d+);src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\) format\("truetype"\)/g)];
    expect(faces.map((f) => f[1])).toEqual(['400', '700']);
    const regular = fontkit.create(Buffer.from(faces[0][2], 'base64')) as fontkit.Font;
    expect(regular.familyName).toBe('Be Vietnam Pro');
    for (const ch of 'Đức Thọ Kỳ Anh Hà Tĩnh') expect(regular.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    // Only what the chart uses: a few kB, not the 130 kB face.
    expect(regular.hasGlyphForCodePoint('Ữ'.codePointAt(0)!)).toBe(false);
    expect(Buffer.from(faces[0][2], 'base64').length).toBeLessThan(40_000);
    // Text points at the embedded family first, then the real one.
    expect(svg).toMatch(/font-family="chiso-[0-9a-f]{8}, Be Vietnam Pro"/);
  });

  it('can embed the whole Vietnamese alphabet as WOFF2, the same bytes for every chart', async () => {
    const svg = await renderSvg(sample, { subset: 'charset' });
    const faces = [...svg.matchAll(/font-weight:(\d+);src:url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\) format\("woff2"\)/g)];
    expect(faces.map((f) => f[1])).toEqual(['400', '700']);
    const bytes = Buffer.from(faces[0][2], 'base64');
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    const regular = fontkit.create(bytes) as fontkit.Font;
    for (const ch of 'Đức Thọ Kỳ Anh Hà Tĩnh ỮữỠỡẶặ') expect(regular.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    expect(bytes.length).toBeLessThan(16_000);
    // Another chart with other labels embeds the very same face under the very same name.
    const other = await renderSvg(bars([{ name: 'Bắc Kạn', value: 15.8 }]), { subset: 'charset' });
    const family = (s: string) => /@font-face\{font-family:"(chiso-[0-9a-f]{8})"/.exec(s)![1];
    expect(family(other)).toBe(family(svg));
    expect(other).toContain(faces[0][2]);
    // A character beyond the alphabet is added to the subset.
    const euro = await renderSvg(bars([{ name: '€ tỷ lệ', value: 1 }]), { subset: 'charset' });
    const face = /data:font\/woff2;base64,([A-Za-z0-9+/=]+)/.exec(euro)![1];
    expect((fontkit.create(Buffer.from(face, 'base64')) as fontkit.Font).hasGlyphForCodePoint('€'.codePointAt(0)!)).toBe(true);
    const err = await renderSvg(sample, { subset: 'some' as never }).catch((e: unknown) => e);
    expect(isChisoError(err) && err.code).toBe('RENDER_BAD_SUBSET');
  });

  it('can leave the font out', async () => {
    const svg = await renderSvg(sample, { embedFont: false });
    expect(svg).not.toContain('@font-face');
    expect(svg).toContain('font-family="Be Vietnam Pro"');
  });

  it('measures text with the real font: a long label widens the chart by its real width', async () => {
    const short = await renderSvg(bars([{ name: 'Lai', value: 1 }]), { embedFont: false });
    const long = await renderSvg(bars([{ name: 'Thành phố Hồ Chí Minh', value: 1 }]), { embedFont: false });
    const width = (s: string) => Number(/width="([\d.]+)"/.exec(s)![1]);
    // Vega's 0.8 em estimate would make the difference (21 - 3) * 0.8 * 10 = 144 px; the font says about 95.
    const diff = width(long) - width(short);
    expect(diff).toBeGreaterThan(80);
    expect(diff).toBeLessThan(120);
  });

  it('gives ids a prefix, so two charts in one page do not collide', async () => {
    const clipped = bars([{ name: 'Hà Tĩnh', value: 3.58 }], { mark: { type: 'bar', clip: true } } as Partial<TopLevelSpec>);
    const a = await renderSvg(clipped, { idPrefix: 'a-' });
    const b = await renderSvg(clipped, { idPrefix: 'b-' });
    const ids = (s: string) => [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a).length).toBeGreaterThan(0);
    expect(ids(a).every((id) => id.startsWith('a-'))).toBe(true);
    expect(ids(b).every((id) => id.startsWith('b-'))).toBe(true);
    for (const m of a.matchAll(/url\(#([^)]+)\)/g)) expect(ids(a)).toContain(m[1]);
  });

  it('refuses a spec with more inline rows than allowed, in both languages', async () => {
    const many = bars(Array.from({ length: 30 }, (_, i) => ({ name: `r${i}`, value: i })));
    const err = await renderSvg(many, { maxRows: 20 }).catch((e: unknown) => e);
    expect(isChisoError(err)).toBe(true);
    if (!isChisoError(err)) return;
    expect(err.code).toBe('RENDER_TOO_MANY_ROWS');
    expect(err.text('vi')).toContain('30 dòng');
    expect(err.text('en')).toContain('30 data rows');
  });

  it('embeds the italic face for italic text (map annotations)', async () => {
    const svg = await renderSvg({
      $schema: 'https://vega.github.io/schema/vega/v6.json',
      width: 200,
      height: 30,
      marks: [{ type: 'text', encode: { enter: { text: { value: 'Quần đảo Hoàng Sa' }, fontStyle: { value: 'italic' }, x: { value: 10 }, y: { value: 20 } } } }],
    });
    expect(svg).toMatch(/@font-face\{font-family:"chiso-[0-9a-f]{8}";font-style:italic;font-weight:400;src:url\(data:font\/ttf;base64,/);
    expect(svg).not.toContain('font-style:normal');
  });

  it('turns a spec Vega cannot parse into a bilingual error', async () => {
    const err = await renderSvg({ $schema: 'https://vega.github.io/schema/vega/v6.json', marks: [{ type: 'nonsense' }] } as never, { file: 'bad.vg.json' }).catch((e: unknown) => e);
    expect(isChisoError(err) && err.code).toBe('RENDER_FAILED');
    expect(isChisoError(err) && err.file).toBe('bad.vg.json');
  });

  it('renders a Vega spec too', async () => {
    const svg = await renderSvg({
      $schema: 'https://vega.github.io/schema/vega/v6.json',
      width: 100,
      height: 30,
      marks: [{ type: 'text', encode: { enter: { text: { value: 'Hà Tĩnh' }, x: { value: 10 }, y: { value: 20 } } } }],
    });
    expect(svg).toContain('>Hà Tĩnh</text>');
    expect(svg).toContain('@font-face');
  });
});

describe('renderPng', () => {
  it('draws the SVG at the chosen scale', async () => {
    const svg = await renderSvg(sample);
    const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
    const png = await renderPng(svg, { scale: 2 });
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(Math.ceil(width * 2));
  });
});

describe('stabilizeSvg', () => {
  it('renames ids in order, rewrites references and rounds geometry only', () => {
    const svg = '<svg><defs><clipPath id="clip7"><rect width="10.123456"/></clipPath></defs><g clip-path="url(#clip7)" aria-label="x 1.23456"><path d="M1.005,2.33333L-0.0001,3"/></g></svg>';
    expect(stabilizeSvg(svg, { idPrefix: 'p-' })).toBe(
      '<svg><defs><clipPath id="p-clip-1"><rect width="10.12"/></clipPath></defs><g clip-path="url(#p-clip-1)" aria-label="x 1.23456"><path d="M1,2.33L0,3"/></g></svg>',
    );
  });
});

describe('countInlineRows', () => {
  it('counts values in layers and named datasets', () => {
    expect(countInlineRows({ data: { values: [1, 2] }, layer: [{ data: { values: [1] } }], datasets: { a: [1, 2, 3] } })).toBe(6);
  });
});
