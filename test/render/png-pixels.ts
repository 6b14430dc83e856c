// Decodes the PNGs the renderers under test write (8- or 16-bit grey, RGB or RGBA, not interlaced) to
// RGBA pixels composited over white, and compares two of them.
import { inflateSync } from 'node:zlib';
import { pngChunks } from '../../src/render/png-resolution.js';

export interface Pixels {
  width: number;
  height: number;
  /** RGB over white, 3 bytes a pixel. */
  rgb: Uint8Array;
}

export function decodePng(png: Uint8Array): Pixels {
  const chunks = pngChunks(png);
  const ihdr = new DataView(chunks[0].data.buffer, chunks[0].data.byteOffset, 13);
  const width = ihdr.getUint32(0);
  const height = ihdr.getUint32(4);
  const depth = chunks[0].data[8];
  const colour = chunks[0].data[9];
  if (chunks[0].data[12] !== 0) throw new Error('interlaced PNG');
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colour];
  if (!channels || (depth !== 8 && depth !== 16)) throw new Error(`PNG colour type ${colour}, depth ${depth}`);
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const bpp = (channels * depth) / 8;
  const stride = width * bpp;
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? data[y * stride + x - bpp] : 0;
      const b = y > 0 ? data[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? data[(y - 1) * stride + x - bpp] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      data[y * stride + x] = v & 0xff;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  const sample = (i: number) => (depth === 16 ? data[i * 2] : data[i]);
  for (let p = 0; p < width * height; p++) {
    const s = p * channels;
    const grey = channels < 3;
    const alpha = channels === 4 ? sample(s + 3) / 255 : channels === 2 ? sample(s + 1) / 255 : 1;
    for (let k = 0; k < 3; k++) {
      const v = sample(s + (grey ? 0 : k));
      rgb[p * 3 + k] = Math.round(v * alpha + 255 * (1 - alpha));
    }
  }
  return { width, height, rgb };
}

/**
 * How two drawings differ: the share of pixels whose channels differ by more than `threshold`
 * (antialiasing differs between renderers; a missing letter or a shifted label does not hide in it).
 */
export function pixelDifference(a: Pixels, b: Pixels, threshold = 64): { share: number; differing: number } {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`sizes differ: ${a.width}x${a.height} and ${b.width}x${b.height}`);
  let differing = 0;
  for (let p = 0; p < a.width * a.height; p++) {
    const i = p * 3;
    const d = Math.max(Math.abs(a.rgb[i] - b.rgb[i]), Math.abs(a.rgb[i + 1] - b.rgb[i + 1]), Math.abs(a.rgb[i + 2] - b.rgb[i + 2]));
    if (d > threshold) differing++;
  }
  return { share: differing / (a.width * a.height), differing };
}

/** Share of pixels that are not white: the ink a drawing puts on the page. */
export function ink(a: Pixels): number {
  let n = 0;
  for (let p = 0; p < a.width * a.height; p++) if (a.rgb[p * 3] < 200 || a.rgb[p * 3 + 1] < 200 || a.rgb[p * 3 + 2] < 200) n++;
  return n / (a.width * a.height);
}
