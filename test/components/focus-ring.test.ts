// Every focus ring the elements' CSS draws is at least 2 px wide and at least 3:1 against the
// backgrounds it can sit on (WCAG 2.4.13 / 1.4.11), with the default colours of the light and the dark
// scheme; read from the component sources, so a new outline is checked as soon as it is written.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/charts/contrast.js';
import { ROOT } from '../browser/harness.js';

const dir = join(ROOT, 'src/components');
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
const base = readFileSync(join(dir, 'core/styles.ts'), 'utf8');

/** The default of each `--_name: var(--chiso-…, #hex)` in the light block and in the dark one. */
function defaults(css: string): Record<string, string> {
  return Object.fromEntries([...css.matchAll(/(--_[a-z]+):\s*var\(--chiso-[a-z-]+,\s*(#[0-9a-f]{6})\)/gi)].map((m) => [m[1], m[2]]));
}
const darkStart = base.indexOf('@media (prefers-color-scheme: dark)');
const schemes = { light: defaults(base.slice(0, darkStart)), dark: defaults(base.slice(darkStart, base.indexOf('}', base.indexOf('}', darkStart) + 1))) };

const outlines = files.flatMap((f) =>
  [...readFileSync(f, 'utf8').matchAll(/outline:\s*(\d+(?:\.\d+)?)px\s+solid\s+([^;]+);/g)].map((m) => ({ file: f.slice(ROOT.length), width: Number(m[1]), colour: m[2].trim() })),
);

describe('focus rings', () => {
  it('are found in the component styles', () => {
    expect(outlines.length).toBeGreaterThanOrEqual(2);
    expect(schemes.light['--_focus']).toMatch(/^#/);
    expect(schemes.dark['--_focus']).toMatch(/^#/);
  });
  for (const o of outlines) {
    it(`${o.file}: ${o.width}px ${o.colour} is at least 2 px and 3:1 in both schemes`, () => {
      expect(o.width).toBeGreaterThanOrEqual(2);
      // System colours (forced colours) are the reader's own choice.
      if (!o.colour.startsWith('var(')) return expect(['Highlight', 'CanvasText', 'LinkText']).toContain(o.colour);
      const name = /var\((--_[a-z]+)\)/.exec(o.colour)![1];
      for (const [scheme, colours] of Object.entries(schemes)) {
        for (const bg of ['--_bg', '--_surface']) {
          const ratio = contrastRatio(colours[name], colours[bg]);
          expect(ratio, `${scheme}: ${name} ${colours[name]} on ${bg} ${colours[bg]}`).toBeGreaterThanOrEqual(3);
        }
      }
    });
  }
});
