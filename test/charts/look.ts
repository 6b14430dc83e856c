// Renders chart recipes to PNG for a person to look at: `npx tsx test/charts/look.ts [outdir]`.
// Not a test; it writes files (default /tmp/chiso-look).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { render, root } from './helpers.js';
import { defaultFontSet } from '../../src/render/node/fonts.js';
import { useFontMetrics } from '../../src/render/node/metrics.js';

// Vega lays text out with Be Vietnam Pro's own advances, as chiso's SVG export and a browser do
// (without this it guesses 0.8 em a character and truncates labels that fit).
useFontMetrics(defaultFontSet());

const fonts = ['400Regular', '500Medium', '600SemiBold', '700Bold'].map(
  (w) => `${root}node_modules/@expo-google-fonts/be-vietnam-pro/${w}/BeVietnamPro_${w}.ttf`,
);

export async function look(name: string, spec: TopLevelSpec, outDir = process.argv[2] ?? '/tmp/chiso-look'): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const { svg, warnings } = await render(spec);
  writeFileSync(`${outDir}/${name}.svg`, svg);
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 1.5 },
    background: '#ffffff',
    font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: 'Be Vietnam Pro' },
  }).render().asPng();
  writeFileSync(`${outDir}/${name}.png`, png);
  return warnings;
}
