// Renders chart recipes to PNG for a person to look at: `npx tsx test/charts/look.ts [outdir]`.
// Not a test; it writes files (default /tmp/chiso-look).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { render, root } from './helpers.js';

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
