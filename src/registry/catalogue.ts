/**
 * The open catalogue: indicators a user defines (by CLI flags, a `chiso.indicators.json` beside the
 * data, or an element property), checked against a small schema, then known to every layer like the
 * built-in ones. A user's definition never replaces a built-in indicator.
 */
import { ChisoError, diagnostic } from '../errors.js';
import { isIndicatorKind, type Indicator, type IndicatorKind, type LocalText } from './types.js';

/** The file chiso looks for beside a data file. */
export const CATALOGUE_FILE = 'chiso.indicators.json';

/** One indicator as a user writes it. */
export interface IndicatorDefinition {
  /** Lower-case id: letters, digits and `_` (`household_electricity`). */
  id: string;
  /** The unit its figures are in (`%`, `hộ`, `nghìn đồng/người/tháng`, or any text). */
  unit: string;
  /** Its name: one text for both languages, or `{ vi, en }`. Default: the id. */
  name?: string | LocalText;
  /** `rate` (a share: means need a weight), `count` or `amount`. Default `amount`. */
  kind?: IndicatorKind;
  /** `down` when lower is better (poverty), `up` when higher is; none when neither. */
  direction?: 'up' | 'down';
  description?: string | LocalText;
}

const ID = /^[a-z][a-z0-9_]{0,63}$/;
const KEYS = ['id', 'unit', 'name', 'kind', 'direction', 'description'];

function bad(file: string, where: string, expected: string, expectedVi: string, value: unknown): never {
  throw new ChisoError(diagnostic('REGISTRY_BAD_DEFINITION', { where, expected, expectedVi, value: JSON.stringify(value) ?? String(value) }, { file, column: where }));
}

function text(value: unknown, file: string, where: string): LocalText | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim()) return { vi: value.trim(), en: value.trim() };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (typeof o.vi === 'string' && o.vi.trim() && typeof o.en === 'string' && o.en.trim() && Object.keys(o).every((k) => k === 'vi' || k === 'en')) {
      return { vi: o.vi.trim(), en: o.en.trim() };
    }
  }
  return bad(file, where, 'a text or { "vi": ..., "en": ... }', 'một chuỗi hoặc { "vi": ..., "en": ... }', value);
}

/** Checks one definition (from flags or a file) and makes it an indicator; `where` names it in errors. */
export function defineIndicator(value: unknown, file = 'chiso.indicators.json', where = 'indicator'): Indicator {
  if (!value || typeof value !== 'object' || Array.isArray(value)) bad(file, where, 'an object', 'một đối tượng', value);
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KEYS.includes(k)) bad(file, `${where}.${k}`, `one of the keys ${KEYS.join(', ')}`, `một trong các khoá ${KEYS.join(', ')}`, k);
  if (typeof o.id !== 'string' || !ID.test(o.id)) bad(file, `${where}.id`, 'an id of lower-case letters, digits and _', 'mã gồm chữ thường, chữ số và _', o.id);
  if (typeof o.unit !== 'string' || !o.unit.trim()) bad(file, `${where}.unit`, 'a unit text', 'một đơn vị tính', o.unit);
  if (o.kind !== undefined && (!isIndicatorKind(o.kind) || o.kind === 'fraction')) bad(file, `${where}.kind`, 'rate, count or amount', 'rate, count hoặc amount', o.kind);
  if (o.direction !== undefined && o.direction !== 'up' && o.direction !== 'down') bad(file, `${where}.direction`, 'up or down', 'up hoặc down', o.direction);
  const id = o.id as string;
  const label = text(o.name, file, `${where}.name`) ?? { vi: id, en: id };
  const description = text(o.description, file, `${where}.description`);
  return {
    id,
    label,
    unit: (o.unit as string).trim(),
    lowerIsBetter: o.direction === undefined ? null : o.direction === 'down',
    kind: (o.kind as IndicatorKind | undefined) ?? 'amount',
    breaks: [],
    ...(description ? { description } : {}),
  };
}

/**
 * Reads a catalogue file's JSON: `{ "indicators": [ ...definitions ] }` or the array itself. Throws a
 * bilingual `ChisoError` naming the file and the bad field.
 */
export function parseCatalogue(json: unknown, file = CATALOGUE_FILE): Indicator[] {
  const list = Array.isArray(json) ? json : json && typeof json === 'object' && Array.isArray((json as Record<string, unknown>).indicators) ? (json as { indicators: unknown[] }).indicators : null;
  if (list === null) bad(file, 'indicators', 'a list of indicators ({ "indicators": [...] })', 'một danh sách chỉ số ({ "indicators": [...] })', json);
  const out = list.map((d, i) => defineIndicator(d, file, `indicators[${i}]`));
  const seen = new Set<string>();
  for (const [i, ind] of out.entries()) {
    if (seen.has(ind.id)) bad(file, `indicators[${i}].id`, 'an id not already in the file', 'mã chưa có trong tệp', ind.id);
    seen.add(ind.id);
  }
  return out;
}
