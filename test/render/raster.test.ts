// PNGs of a batch are drawn in a child process: when resvg aborts on a drawing (a Rust panic, SIGABRT,
// which no try/catch stops), that chart fails with RENDER_RASTER_CRASHED and the next one is drawn.
import { describe, expect, it } from 'vitest';
import { RasterProcess } from '../../src/render/node/raster.js';
import { renderPng } from '../../src/render/node/png.js';

const svg = (shape: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="80" viewBox="0 0 100 80"><rect width="100" height="80" fill="white"/>${shape}</svg>`;
// resvg-js 2.6.2 panics on a half-transparent shape lying more than the canvas's size past its right edge; placed by a
// transform that is not a plain translate, chiso's off-canvas pass leaves it for resvg to meet.
const crashing = svg('<path transform="translate(400,20) rotate(0)" d="M1.58,0A1.58,1.58,0,1,1,-1.58,0A1.58,1.58,0,1,1,1.58,0" fill="#4c78a8" opacity="0.7"/>');
const fine = svg('<path transform="translate(50,40)" d="M5,0A5,5,0,1,1,-5,0A5,5,0,1,1,5,0" fill="#000"/>');

describe('the PNG child process', () => {
  it('a native crash fails that drawing only; the next one gets a new child', async () => {
    const raster = new RasterProcess();
    try {
      const first = await raster.render(fine, 1);
      expect(Buffer.from(first).subarray(1, 4).toString()).toBe('PNG');
      const e = await raster.render(crashing, 1).then(() => null, (x: unknown) => x as { code?: string; message?: string });
      expect(e?.code).toBe('RENDER_RASTER_CRASHED');
      expect(e?.message).toMatch(/SIGABRT/);
      const after = await raster.render(fine, 1);
      expect(Buffer.from(after)).toEqual(Buffer.from(first));
    } finally {
      raster.close();
    }
  });
});

describe('marks wholly off the canvas', () => {
  it('are left out before resvg draws, so the shape that made it abort is drawn in process', async () => {
    // The same shape placed by a plain translate, as Vega writes every mark (Vega-Lite's geo_custom_projection).
    const offCanvas = svg('<g transform="translate(5,5)"><path transform="translate(400,20)" d="M1.58,0A1.58,1.58,0,1,1,-1.58,0A1.58,1.58,0,1,1,1.58,0" fill="#4c78a8" opacity="0.7"/></g>');
    const png = await renderPng(offCanvas, { scale: 1 });
    expect(Buffer.from(png)).toEqual(Buffer.from(await renderPng(svg(''), { scale: 1 })));
  });
});
