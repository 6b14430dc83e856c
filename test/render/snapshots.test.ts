/**
 * Snapshot tests in the manner of Observable Plot: one named test per chart, its SVG committed under
 * test/output/<name>.svg. A mismatch writes <name>-changed.svg beside it and fails; a missing file
 * is written and passes (first run). test/output/index.html lists them all, a gallery to open as is.
 */
import { describe, expect, it, afterAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { renderSvg } from '../../src/render/node/svg.js';
import { escapeXml } from '../../src/render/document.js';
import { snapshots } from './snapshots.js';

const dir = 'test/output';
mkdirSync(dir, { recursive: true });

function gallery(names: string[]): string {
  const items = names
    .map((n) => `<figure><img src="${escapeXml(n)}.svg" alt="${escapeXml(n)}"><figcaption>${escapeXml(n)}</figcaption></figure>`)
    .join('\n');
  return `<!doctype html>
<html lang="vi">
<meta charset="utf-8">
<title>chiso — snapshots</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;background:#f6f6f6}figure{display:inline-block;vertical-align:top;margin:0 1rem 1rem 0;padding:1rem;background:#fff;border:1px solid #ddd}figcaption{margin-top:.5rem;color:#555;font-family:monospace}</style>
<h1>chiso — snapshots</h1>
<p>test/output: one SVG per test in test/render/snapshots.test.ts. A <code>-changed.svg</code> beside one is what the code draws now.</p>
${items}
</html>
`;
}

describe('snapshots', () => {
  afterAll(() => {
    const html = gallery(snapshots.map((s) => s.name));
    const file = `${dir}/index.html`;
    if (!existsSync(file) || readFileSync(file, 'utf8') !== html) writeFileSync(file, html);
  });

  for (const snapshot of snapshots) {
    it(snapshot.name, async () => {
      const svg = await renderSvg(await snapshot.spec(), { idPrefix: `${snapshot.name}-` });
      expect(XMLValidator.validate(svg)).toBe(true);
      const file = `${dir}/${snapshot.name}.svg`;
      const changed = `${dir}/${snapshot.name}-changed.svg`;
      if (!existsSync(file)) {
        writeFileSync(file, svg);
        return;
      }
      const expected = readFileSync(file, 'utf8');
      if (expected === svg) {
        if (existsSync(changed)) unlinkSync(changed);
        return;
      }
      writeFileSync(changed, svg);
      expect.fail(`${file} differs from what is drawn now: see ${changed}`);
    });
  }

  it('every snapshot embeds the font and carries its Vietnamese text', () => {
    for (const { name, text } of snapshots) {
      const svg = readFileSync(`${dir}/${name}.svg`, 'utf8');
      expect(svg, name).toMatch(/@font-face\{font-family:"chiso-[0-9a-f]{8}";font-style:normal;font-weight:400;src:url\(data:font\/ttf;base64,/);
      expect(svg, name).toContain(`>${text}`.slice(1));
      expect(svg.normalize('NFC'), name).toBe(svg);
    }
  });
});
