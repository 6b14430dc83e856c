/**
 * Matching region names as they arrive in real files: with or without diacritics, any case, stray
 * spaces, `Tỉnh`/`TP`/`Thành phố`/`city`/`province` affixes, old or new tone placement, English
 * spellings, GSO's defects. A match is exact or refused: ambiguity is reported, never resolved by guess.
 */
import { fail } from '../errors.js';
import type { InputLocation } from '../types.js';
import { getRegion, LEVELS, listRegions } from './regions.js';
import { cleanName, flatten, foldDiacritics } from './text.js';
import { isRegionLevel, type Region, type RegionLevel, type RegionMatch } from './types.js';

/** What an affix says about the unit: `Tỉnh`, `Thành phố`, `Huyện`, `Thị xã`. */
type AffixKind = 'province' | 'city' | 'district' | 'town' | 'township' | 'ward' | 'commune' | null;

// Whole words need a space after them; abbreviations a dot or a space (`TP.HCM`, `TP HCM`, not `TPHCM`).
const PREFIXES: [RegExp, Exclude<AffixKind, null>][] = [
  [/^(?:(?:thành phố|thanh pho)\s+|(?:t\s?\.\s?p|tp)(?:\.\s*|\s+))/iu, 'city'],
  [/^(?:tỉnh|tinh)\s+/iu, 'province'],
  [/^(?:(?:huyện|huyen)\s+|h\.\s*)/iu, 'district'],
  [/^(?:(?:thị xã|thi xa)\s+|tx(?:\.\s*|\s+))/iu, 'town'],
  [/^(?:(?:thị trấn|thi tran)\s+|tt(?:\.\s*|\s+))/iu, 'township'],
  [/^(?:(?:phường|phuong)\s+|p\.\s*)/iu, 'ward'],
  [/^(?:xã|xa)\s+/iu, 'commune'],
];
const SUFFIXES: [RegExp, Exclude<AffixKind, null>][] = [
  [/\s+city$/iu, 'city'],
  [/\s+province$/iu, 'province'],
  [/\s+district$/iu, 'district'],
  [/\s+town$/iu, 'town'],
  [/\s+township$/iu, 'township'],
  [/\s+ward$/iu, 'ward'],
  [/\s+commune$/iu, 'commune'],
];

function splitAffix(text: string): { core: string; kind: AffixKind } {
  let s = cleanName(text);
  let kind: AffixKind = null;
  for (const [re, k] of PREFIXES) {
    const m = re.exec(s);
    // Keep the prefix when nothing follows it (`TP` alone is not a name).
    if (m && m[0].length < s.length) {
      s = s.slice(m[0].length);
      kind = k;
      break;
    }
  }
  if (kind === null) {
    for (const [re, k] of SUFFIXES) {
      const m = re.exec(s);
      if (m && m.index > 0) {
        s = s.slice(0, m.index);
        kind = k;
        break;
      }
    }
  }
  return { core: s, kind };
}

export interface NormalizeOptions {
  /** Keep diacritics (still NFC, new-style tone placement, lower case). Default `false`: fold them, `đ` -> `d`. */
  diacritics?: boolean;
}

/**
 * The join key of a name: affixes (`Tỉnh`, `TP.`, `Thành phố`, `city`, `province`, `Huyện`, `Thị xã`, `Xã`, ...)
 * removed, punctuation and whitespace collapsed, lower case, diacritics folded unless asked to keep them.
 * `'TP.Hồ Chí Minh'` -> `'ho chi minh'`; `'Thua Thien-Hue'` -> `'thua thien hue'`.
 */
export function normalizeName(text: string, options: NormalizeOptions = {}): string {
  const { core } = splitAffix(text);
  const flat = flatten(core);
  return options.diacritics ? flat : foldDiacritics(flat);
}

export interface MatchOptions {
  /**
   * Levels to consider. Default: `country`, `region`, `province` (the 63) when `asOf` is not given,
   * plus `district` when the text says `huyện`/`thị xã`, `commune` when it says `xã`/`phường`/`thị trấn`;
   * every level valid at `asOf` when it is given.
   */
  levels?: RegionLevel[];
  /**
   * A date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or a `Date`): keep only units in force then. A year or
   * month keeps units in force at any time within it. `2025-07-01` or later selects the 34 units.
   */
  asOf?: string | Date;
}

interface Index {
  exact: Map<string, Set<string>>;
  folded: Map<string, Set<string>>;
}

let index: Index | null = null;

function addKey(map: Map<string, Set<string>>, key: string, id: string): void {
  if (!key) return;
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

function buildIndex(): Index {
  const exact = new Map<string, Set<string>>();
  const folded = new Map<string, Set<string>>();
  for (const r of listRegions()) {
    for (const variant of [r.name, r.fullName, r.nameEn, ...r.aliases]) {
      // The name without its affix, and whole (`TT Huế`, where the "affix" is part of the name).
      for (const flat of new Set([flatten(splitAffix(variant).core), flatten(cleanName(variant))])) {
        addKey(exact, flat, r.id);
        addKey(folded, foldDiacritics(flat), r.id);
        // `TPHCM`, `Hà Tĩnh` written without its space.
        addKey(folded, foldDiacritics(flat).replace(/ /g, ''), r.id);
      }
    }
  }
  return { exact, folded };
}

function isCity(r: Region): boolean {
  // Huế became a centrally-run city on 1 January 2025, before the 63 provinces ended.
  return /^Thành phố /u.test(r.fullName) || r.id === '46';
}

function fitsAffix(r: Region, kind: AffixKind): boolean {
  switch (kind) {
    case null:
      return true;
    case 'city':
      return (r.level === 'province' || r.level === 'province2025') && isCity(r);
    case 'province':
      return r.level === 'province' || r.level === 'province2025';
    case 'district':
      return r.level === 'district' && /^Huyện /u.test(r.fullName);
    case 'town':
      return r.level === 'district' && /^Thị xã /u.test(r.fullName);
    case 'township':
      return r.level === 'commune' && /^Thị trấn /u.test(r.fullName);
    case 'ward':
      return r.level === 'commune' && /^Phường /u.test(r.fullName);
    case 'commune':
      return r.level === 'commune' && /^Xã /u.test(r.fullName);
  }
}

/** Without `asOf`: the country, regions and the 63, plus the level an affix names (`huyện`, `xã`). */
function defaultLevels(hasAsOf: boolean, kind: AffixKind): RegionLevel[] {
  if (hasAsOf) return ['country', 'region', 'province', 'province2025', 'district', 'commune'];
  if (kind === 'district' || kind === 'town') return ['country', 'region', 'province', 'district'];
  if (kind === 'township' || kind === 'ward' || kind === 'commune') return ['country', 'region', 'province', 'commune'];
  return ['country', 'region', 'province'];
}

/** `[first, last]` ISO days covered by an `asOf` value. */
function asOfRange(asOf: string | Date): [string, string] {
  if (asOf instanceof Date) {
    if (Number.isNaN(asOf.getTime())) fail('REGISTRY_BAD_AS_OF', { value: String(asOf) });
    const d = asOf.toISOString().slice(0, 10);
    return [d, d];
  }
  const s = String(asOf).trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return [s, s];
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return [`${s}-01`, `${s}-31`];
  if ((m = /^(\d{4})$/.exec(s))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  return fail('REGISTRY_BAD_AS_OF', { value: s });
}

function validDuring(r: Region, [first, last]: [string, string]): boolean {
  return (r.validFrom === null || r.validFrom <= last) && (r.validTo === null || r.validTo >= first);
}

/**
 * The one region a name means, or why there is none: `unknown` (candidates: units of that name
 * outside the levels or dates asked for) or `ambiguous` (candidates: every unit it could mean).
 */
export function matchRegion(text: string, options: MatchOptions = {}): RegionMatch {
  const { levels, asOf } = options;
  if (levels !== undefined) {
    for (const l of levels) if (!isRegionLevel(l)) fail('REGISTRY_UNKNOWN_LEVEL', { value: String(l), allowed: LEVELS });
  }
  const range = asOf === undefined ? null : asOfRange(asOf);
  const raw = String(text ?? '');
  // A file repeats the same few names on every row: remember answers (frozen, so they can be shared).
  const key = `${raw}\u0000${levels?.join(',') ?? ''}\u0000${range?.join(',') ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const result = Object.freeze(matchUncached(raw, levels, range));
  if (!result.ok) Object.freeze(result.candidates);
  cache.set(key, result);
  return result;
}

const CACHE_LIMIT = 10_000;
const cache = new Map<string, RegionMatch>();

/** Forgets remembered answers (for benchmarks that time matching itself). */
export function clearMatchCache(): void {
  cache.clear();
}

function matchUncached(raw: string, levels: RegionLevel[] | undefined, range: [string, string] | null): RegionMatch {
  const split = splitAffix(raw);
  const excluded = new Map<string, Region>();
  const first = matchCore(split.core, split.kind, levels, range, excluded);
  if (first.ok || first.reason === 'ambiguous' || split.kind === null) return first;
  // What looked like an affix may belong to the name (`TT Huế` is Thừa Thiên Huế, not a township).
  const whole = matchCore(cleanName(raw), null, levels, range, excluded);
  return whole.ok || whole.reason === 'ambiguous' ? whole : { ok: false, reason: 'unknown', candidates: [...excluded.values()] };
}

function matchCore(
  core: string,
  kind: AffixKind,
  levels: RegionLevel[] | undefined,
  range: [string, string] | null,
  excluded: Map<string, Region>,
): RegionMatch {
  const allowedLevels = new Set<RegionLevel>(levels ?? defaultLevels(range !== null, kind));
  const admissible = (r: Region) => allowedLevels.has(r.level) && fitsAffix(r, kind) && (range === null || validDuring(r, range));

  const decide = (ids: Iterable<string>, how: string): RegionMatch | null => {
    const found: Region[] = [];
    for (const id of ids) {
      const r = getRegion(id);
      if (!r) continue;
      if (admissible(r)) found.push(r);
      else excluded.set(r.id, r);
    }
    if (found.length === 1) return { ok: true, region: found[0], how };
    if (found.length > 1) return { ok: false, reason: 'ambiguous', candidates: found };
    return null;
  };

  if (!core) return { ok: false, reason: 'unknown', candidates: [] };
  // An id is unambiguous: only levels and asOf asked for explicitly restrict it.
  const byId = kind === null ? getRegion(core.trim()) : undefined;
  if (byId) {
    const fits = (levels === undefined || levels.includes(byId.level)) && (range === null || validDuring(byId, range));
    if (fits) return { ok: true, region: byId, how: 'id' };
    excluded.set(byId.id, byId);
  }

  index ??= buildIndex();
  const flat = flatten(core);
  const exactIds = index.exact.get(flat);
  if (exactIds) {
    const d = decide(exactIds, 'exact');
    if (d) return d;
  }
  const folded = foldDiacritics(flat);
  const foldedIds = index.folded.get(folded) ?? index.folded.get(folded.replace(/ /g, ''));
  if (foldedIds) {
    const d = decide(foldedIds, 'folded');
    if (d) return d;
  }
  // A character lost to a wrong decoding (U+FFFD, `B\uFFFDnh Dinh`) matches any one letter, if only one unit fits.
  if (folded.includes('\uFFFD')) {
    const pattern = new RegExp('^' + folded.split('\uFFFD').map(escapeRegExp).join('\\p{L}') + '$', 'u');
    const ids = new Set<string>();
    for (const [key, set] of index.folded) if (pattern.test(key)) for (const id of set) ids.add(id);
    const d = decide(ids, 'pattern');
    if (d) return d;
  }
  return { ok: false, reason: 'unknown', candidates: [...excluded.values()] };
}

/**
 * Like `matchRegion`, but returns the region or throws `REGISTRY_NO_MATCH` / `REGISTRY_AMBIGUOUS`,
 * naming `location` (file, row, column of the cell the name came from) when given.
 */
export function requireMatch(text: string, options: MatchOptions = {}, location: InputLocation = {}): Region {
  const m = matchRegion(text, options);
  if (m.ok) return m.region;
  const list = m.candidates.map((r) => `${r.id} ${r.fullName}`).join('; ');
  return fail(m.reason === 'ambiguous' ? 'REGISTRY_AMBIGUOUS' : 'REGISTRY_NO_MATCH', { value: text, candidates: list }, location);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
