// chiso's glyph metrics are plugged into Vega process-wide. Text in another family must still be
// measured, truncated to its limit, without asking chiso's hook again and again (it overflowed the stack).
import { vega } from '../../src/render/node/vega.js';
import * as vl from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/node/svg.js';

const labelled = (font: string) =>
  ({
    data: { values: [{ name: 'Thành phố Hồ Chí Minh và các tỉnh lân cận phía nam', v: 1 }] },
    mark: 'bar',
    encoding: { y: { field: 'name', type: 'nominal', axis: { labelFont: font, labelLimit: 60 } }, x: { field: 'v', type: 'quantitative' } },
  }) as vl.TopLevelSpec;

describe('text metrics for other families', () => {
  it('a label in another font, with a limit, is truncated after chiso has rendered', async () => {
    await renderSvg(labelled('Be Vietnam Pro'));
    const svg = await renderSvg(labelled('serif'));
    expect(svg).toMatch(/>Thành[^<]*…</);
    // Vega on its own, in the same process.
    const view = new vega.View(vega.parse(vl.compile(labelled('sans-serif')).spec), { renderer: 'none' });
    const plain = await view.toSVG();
    view.finalize();
    expect(plain).toMatch(/>Thành[^<]*…</);
  });
});
