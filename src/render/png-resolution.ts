/**
 * A PNG's physical resolution (its pHYs chunk): without it, Word and print tools place a 2x image at
 * twice its size. Pure byte work on a PNG, so the page's export and the Node renderer write it alike.
 */

const CSS_DPI = 96;
const INCH_M = 0.0254;

let table: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Dots per inch of a PNG drawn at `scale` pixels per CSS pixel, so it prints at the chart's CSS size. */
export function dpiForScale(scale: number): number {
  return scale * CSS_DPI;
}

/** Pixels per CSS pixel for a resolution: 300 dpi is 3.125. */
export function scaleForDpi(dpi: number): number {
  return dpi / CSS_DPI;
}

/** The PNG's chunks in order: type and data. */
export function pngChunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** The resolution a PNG declares, in dots per inch, or `null` when it has no pHYs in metres. */
export function pngDpi(png: Uint8Array): { x: number; y: number } | null {
  const phys = pngChunks(png).find((c) => c.type === 'pHYs');
  if (!phys || phys.data.length !== 9 || phys.data[8] !== 1) return null;
  const view = new DataView(phys.data.buffer, phys.data.byteOffset, 9);
  return { x: view.getUint32(0) * INCH_M, y: view.getUint32(4) * INCH_M };
}

/** The PNG with a pHYs chunk saying `dpi` (replacing any it had), placed right after IHDR. */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array<ArrayBuffer> {
  const ppm = Math.round(dpi / INCH_M);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // pHYs
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  const source = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at + 12 <= png.length; ) {
    const end = at + 12 + source.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type !== 'pHYs') parts.push(png.subarray(at, end));
    if (type === 'IHDR') parts.push(chunk);
    at = end;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The bytes of a `data:image/png;base64,` URL (what Vega's `toImageURL` gives in a page). */
export function pngFromDataUrl(url: string): Uint8Array {
  const text = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
