import { normalizeName, type Region } from '../../registry/index.js';

/** Search keys of a region: every name and alias, diacritics folded and affixes removed. */
function keys(r: Region): string[] {
  return [r.name, r.fullName, r.nameEn, ...r.aliases].map((s) => normalizeName(s)).filter(Boolean);
}

const cache = new WeakMap<Region, string[]>();

/**
 * Regions whose names contain the query, written with or without diacritics: `da nang` finds
 * Đà Nẵng, `hcm` finds TP Hồ Chí Minh. Names starting with the query come first.
 */
export function searchRegions(query: string, regions: readonly Region[], limit = 8): Region[] {
  const needle = normalizeName(query);
  if (!needle) return [];
  const scored: { r: Region; score: number }[] = [];
  for (const r of regions) {
    let k = cache.get(r);
    if (!k) cache.set(r, (k = keys(r)));
    let score = Infinity;
    for (const key of k) {
      if (key === needle) score = Math.min(score, 0);
      else if (key.startsWith(needle)) score = Math.min(score, 1);
      else if (key.includes(' ' + needle)) score = Math.min(score, 2);
      else if (key.includes(needle)) score = Math.min(score, 3);
    }
    if (score < Infinity) scored.push({ r, score });
  }
  scored.sort((a, b) => a.score - b.score || a.r.name.localeCompare(b.r.name, 'vi'));
  return scored.slice(0, limit).map((s) => s.r);
}
