// A peer's corpus: 120 specs of Vega-Lite's own example gallery, with the vega-datasets files they
// read (test/render/gallery/README.md says where they come from and under which licences), rendered by
// `chiso render` to SVG and PNG and compared with what Vega-Lite and Vega draw by themselves in Node
// (vega-lite compile, then a vega View's toSVG: what `vl2svg` does). Compared by their marks: the same
// marks in the same order, each with the same geometry (axes and legends are left out: chiso sets text
// in its own font and language, which moves them). One of them, geo_custom_projection, made resvg abort
// the whole process; every PNG must now come out.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/index.js';

const dir = 'test/render/gallery/';
const gallery = JSON.parse(readFileSync(`${dir}gallery.json`, 'utf8')) as { charts: { id: string; spec: vl.TopLevelSpec }[] };

/** Each leaf element inside a mark (not an axis, legend or title), as its mark's class, its tag and the numbers of its geometry. */
function marks(svg: string): { key: string; nums: number[] }[] {
  const out: { key: string; nums: number[] }[] = [];
  const stack: (string | null)[] = [null];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)\b([^>]*?)(\/?)>/g)) {
    const [, close, tag, attrs, self] = m;
    if (tag === 'g') {
      if (close) stack.pop();
      else if (!self) {
        const cls = /\sclass="([^"]*)"/.exec(attrs)?.[1];
        stack.push(cls && /role-mark/.test(cls) ? cls : (stack.at(-1) ?? null));
      }
      continue;
    }
    const cls = stack.at(-1);
    if (close || !cls || !['path', 'line', 'rect', 'circle', 'text', 'image'].includes(tag)) continue;
    const nums: number[] = [];
    for (const a of attrs.matchAll(/\s(d|x|y|x1|x2|y1|y2|width|height|r|transform)="([^"]*)"/g)) {
      for (const n of a[2].matchAll(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi)) nums.push(Number(n[0]));
    }
    out.push({ key: `${cls}|${tag}`, nums });
  }
  return out;
}

async function reference(spec: vl.TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none', loader: vega.loader({ baseURL: dir, mode: 'file' }), logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const out = mkdtempSync(join(tmpdir(), 'chiso-gallery-'));
let code = -1;
// Drawn before chiso runs: chiso gives Vega its own font metrics, process-wide, once it renders.
const references = new Map<string, { key: string; nums: number[] }[]>();
const io: CliIO & { err: string } = { err: '', isTTY: false, cwd: process.cwd(), stdout: () => undefined, stderr: (t) => void (io.err += t) };

describe('Vega-Lite gallery through chiso render', () => {
  beforeAll(async () => {
    for (const c of gallery.charts) references.set(c.id, marks(await reference(c.spec)));
    code = await main(['render', `${dir}gallery.json`, '--out', out, '--format', 'svg,png', '--scale', '1'], io);
  }, 600_000);

  it('renders all 120 charts to SVG and PNG, exit 0', () => {
    expect(gallery.charts).toHaveLength(120);
    expect(io.err).not.toContain('✗');
    expect(code).toBe(0);
  });

  it.each(gallery.charts.map((c) => c.id))('%s: the same marks and geometry as Vega-Lite, and a PNG of the same size', (id) => {
    const svg = readFileSync(join(out, `${id}.svg`), 'utf8');
    const want = references.get(id) ?? [];
    const got = marks(svg);
    expect(want.length).toBeGreaterThan(0);
    expect(got.map((m) => m.key)).toEqual(want.map((m) => m.key));
    // A bootstrapped confidence interval (`extent: "ci"`) is drawn at random by Vega each time: its marks are compared by count and kind only.
    const random = JSON.stringify(gallery.charts.find((c) => c.id === id)?.spec).includes('"extent":"ci"');
    for (let i = 0; i < want.length && !random; i++) {
      expect(got[i].nums.length, `${want[i].key} #${i}`).toBe(want[i].nums.length);
      // chiso keeps two decimals of each coordinate.
      for (let j = 0; j < want[i].nums.length; j++) expect(Math.abs(got[i].nums[j] - want[i].nums[j]), `${want[i].key} #${i}`).toBeLessThan(0.011 + Math.abs(want[i].nums[j]) * 1e-6);
    }
    const png = readFileSync(join(out, `${id}.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const [w, h] = [/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1], /<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]].map(Number);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.ceil(w), Math.ceil(h)]);
  });
});
