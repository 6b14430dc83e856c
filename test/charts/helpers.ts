// Shared checks for chart specs: the Vega-Lite JSON schema, compilation, and a headless Vega render
// whose warnings are collected, plus readers for the real data files under data/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { readObservationsFile } from '../../src/data/read-file.js';
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

/** A data file under data/, read through chiso's own loader (src/data). */
export function load(file: string): Observation[] {
  return readObservationsFile(root + file, { file }).observations;
}

/** GSO's poverty rate by province, 2006-2016 (2016 preliminary), each figure with its poverty standard (`series`). */
export function gsoPoverty(): Observation[] {
  return load('data/observations/poverty_rate.csv');
}

/** GSO's monthly income per capita by province and source, 2010-2016. */
export function gsoIncome(): Observation[] {
  return load('data/gso/raw/monthly_income_per_capita_by_province.csv');
}
