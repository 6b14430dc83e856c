// Shared checks for chart specs: the Vega-Lite JSON schema, compilation, and a headless Vega render
// whose warnings are collected, plus readers for the real data files under data/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { matchRegion } from '../../src/registry/match.js';
import type { Observation } from '../../src/types.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));

const schema = JSON.parse(readFileSync(root + 'node_modules/vega-lite/build/vega-lite-schema.json', 'utf8'));
// The schema is draft-07 with union types and keywords Ajv's strict mode rejects.
// Its formats: any string is a URI here, a hex colour is checked.
const ajv = new Ajv({
  allErrors: true, strict: false, allowUnionTypes: true,
  formats: { uri: true, 'uri-reference': true, 'color-hex': /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i },
});
const validator = ajv.compile(schema);

/** Schema errors of a spec, as short strings (empty when valid). */
export function schemaErrors(spec: unknown): string[] {
  if (validator(spec)) return [];
  return (validator.errors ?? []).slice(0, 10).map((e: { instancePath: string; message?: string; params: unknown }) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

export interface Rendered {
  svg: string;
  warnings: string[];
  vega: vega.Spec;
}

/** Compiles with vega-lite and renders with vega (no DOM), collecting every warning and error. */
export async function render(spec: TopLevelSpec): Promise<Rendered> {
  const warnings: string[] = [];
  const logger = {
    level(): number { return vega.Warn; },
    warn: (...args: unknown[]) => { warnings.push(args.map(String).join(' ')); return logger; },
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => { warnings.push('ERROR ' + args.map(String).join(' ')); return logger; },
  };
  const compiled = vl.compile(spec, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  view.logger(logger as never);
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings, vega: compiled };
}

/** Text content of the SVG's `<text>` elements (entities decoded). */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1].replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim(),
  );
}

/**
 * GSO's poverty export (data/gso/raw/poverty_rate_by_province.csv) as observations: a small reader
 * for the tests, so the charts are checked on the real figures.
 */
export function gsoPoverty(): Observation[] {
  const file = 'data/gso/raw/poverty_rate_by_province.csv';
  const text = readFileSync(root + file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const header = lines[2].split(';').map((h) => h.replace(/"/g, ''));
  const out: Observation[] = [];
  for (let i = 3; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const cells = lines[i].split(';');
    const name = cells[0].replace(/"/g, '').trim();
    const m = matchRegion(name);
    if (!m.ok) throw new Error(`unmatched region ${name}`);
    for (let c = 1; c < header.length; c++) {
      const pre = header[c].startsWith('Pre. ');
      const period = header[c].replace('Pre. ', '');
      const raw = cells[c].trim();
      out.push({
        indicator: 'poverty_rate', region: m.region.id, period,
        value: raw === '..' ? null : Number(raw), qualifier: null, denominator: null, unit: '%', series: null,
        status: pre ? 'preliminary' : 'final', source: `${file}#row=${i + 1}`, quote: null,
      });
    }
  }
  return out;
}
