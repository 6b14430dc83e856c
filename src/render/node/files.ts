/** Reading the render command's inputs: JSON with its error position, the config schema. */
import '../../messages/data.js';
import '../../messages/render.js';
import { readFileSync, existsSync } from 'node:fs';
import { binaryKind, FILE_LIMITS, readCheckedFile } from '../../data/file-check.js';
import { jsonDepth, jsonErrorDetail, JSON_MAX_DEPTH } from '../../data/json.js';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';
import { CONFIG_AJV_OPTIONS } from '../config-check.js';
import { fail } from '../../errors.js';
import { digest } from './fonts.js';
import { evaluateFile } from './cache.js';

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { row: number; column: number } {
  const before = text.slice(0, offset);
  const row = before.split('\n').length;
  return { row, column: offset - before.lastIndexOf('\n') };
}

/**
 * Offset of the first syntax error in a JSON text (V8's messages give it only sometimes): a plain
 * recursive-descent scan, run only after JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const bad = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') bad();
        str();
        ws();
        if (text[i] !== ':') bad();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else bad();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else bad();
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) bad();
    i += (m as RegExpExecArray)[0].length;
  };
  const str = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) bad();
      i++;
    }
    if (i >= text.length) bad();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return typeof at === 'number' ? at : -1;
  }
}

/** Parses a JSON file; a syntax error names the file, line and column. */
export function readJsonFile(path: string, shownAs = path): unknown {
  if (!existsSync(path)) fail('RENDER_FILE_NOT_FOUND', { path: shownAs });
  const bytes = readCheckedFile(path, shownAs, { maxBytes: FILE_LIMITS.renderBytes, tooLarge: 'RENDER_FILE_TOO_LARGE' });
  const kind = binaryKind(bytes);
  if (kind) fail('DATA_WRONG_KIND', { kind, expected: 'JSON', hint: 'give a .json file', hintVi: 'hãy dùng tệp .json' }, { file: shownAs });
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (jsonDepth(text) > JSON_MAX_DEPTH) fail('DATA_TOO_DEEP', { max: JSON_MAX_DEPTH }, { file: shownAs });
  try {
    return JSON.parse(text);
  } catch (e) {
    // Never the text itself: a file read by mistake may hold secrets.
    const msg = jsonErrorDetail(e);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const offset = jsonErrorOffset(text);
    const where = lc ? { row: Number(lc[1]), column: Number(lc[2]) } : offset >= 0 ? lineColumn(text, offset) : undefined;
    return fail('RENDER_BAD_JSON', { detail: msg }, { file: shownAs, ...(where ? { row: where.row, column: String(where.column) } : {}) });
  }
}

let schemaText: string | undefined;
let schema: object | undefined;
let validator: ValidateFunction | null | undefined;

// Three levels up from src/render/node and from dist/render/node alike.
const schemaFile = (name: string) => fileURLToPath(new URL(`../../../schema/${name}`, import.meta.url));

/** schema/chiso-config.schema.json, generated from src/render/config-types.ts by `npm run schema`. */
export function configSchema(): object {
  schemaText ??= readFileSync(schemaFile('chiso-config.schema.json'), 'utf8');
  schema ??= JSON.parse(schemaText) as object;
  return schema;
}

/**
 * The schema compiled ahead of time (schema/chiso-config.validate.cjs, written by `npm run schema`),
 * or `undefined` when that file is missing or was made from another schema: then the schema is
 * compiled at run time, as before.
 */
export function configValidator(): ValidateFunction | undefined {
  if (validator === undefined) {
    configSchema();
    validator = null;
    try {
      // Evaluated as `require` would, with V8's code cache (its 100 kB are compiled on every start otherwise).
      const file = schemaFile('chiso-config.validate.cjs');
      const factory = evaluateFile(file, '(function (exports, require, module, __filename, __dirname) {', '\n})') as (exports: object, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
      const holder = { exports: {} as unknown };
      factory(holder.exports as object, createRequire(file), holder, file, dirname(file));
      const module = holder.exports as ValidateFunction & { schemaDigest?: string };
      if (module.schemaDigest === digest(schemaText as string, 64)) validator = module;
    } catch {
      // Not generated: compile at run time.
    }
  }
  return validator ?? undefined;
}

/**
 * A new Ajv for configurations, its package loaded on first call: with the precompiled validator a
 * valid configuration never needs it (it costs a `chiso render` start some 50 ms).
 */
export function newConfigAjv(): Ajv {
  const { Ajv: AjvClass } = createRequire(import.meta.url)('ajv') as { Ajv: new (options: typeof CONFIG_AJV_OPTIONS) => Ajv };
  return new AjvClass(CONFIG_AJV_OPTIONS);
}
