/**
 * The admin units chiso knows: the country, GSO's six socio-economic regions, the 63 provinces valid
 * until 30 June 2025 (with historic Hà Tây), the 34 units from 1 July 2025, and the districts the
 * seed reports name. Built once, at module load, from the embedded tables in admin-data.ts.
 */
import { fail } from '../errors.js';
import { PROVINCE_MAPPING_ROWS, UNITS_2025_ROWS } from './admin-data.js';
import { cleanName, foldDiacritics } from './text.js';
import { isRegionLevel, type Region, type RegionLevel } from './types.js';

/** Last day of the 63 provinces and of the district level. */
export const END_OF_63 = '2025-06-30';
/** First day of the 34 units. */
export const START_OF_34 = '2025-07-01';

/** GSO's six socio-economic regions, in GSO's order, with the spellings GSO's exports use. */
const REGIONS: { id: string; name: string; nameEn: string; aliases: string[] }[] = [
  { id: 'R1', name: 'Đồng bằng sông Hồng', nameEn: 'Red River Delta', aliases: ['ĐBSH', 'Vùng Đồng bằng sông Hồng'] },
  {
    id: 'R2',
    name: 'Trung du và miền núi phía Bắc',
    nameEn: 'Northern midlands and mountain areas',
    aliases: ['Trung du và miền núi Bắc Bộ', 'Vùng Trung du và miền núi phía Bắc', 'Northern Midlands and Mountainous Areas', 'TD&MNPB', 'TDMNPB'],
  },
  {
    id: 'R3',
    name: 'Bắc Trung Bộ và Duyên hải miền Trung',
    nameEn: 'North Central and Central coastal area',
    aliases: [
      'Vùng Bắc Trung Bộ và Duyên hải miền Trung',
      'North Central area and Central coastal area',
      'Northern Central area and Central coastal area',
      'North Central and Central Coastal Areas',
      'BTB & DHMT',
      'BTB và DHMT',
    ],
  },
  { id: 'R4', name: 'Tây Nguyên', nameEn: 'Central Highlands', aliases: ['Vùng Tây Nguyên'] },
  { id: 'R5', name: 'Đông Nam Bộ', nameEn: 'South East', aliases: ['Vùng Đông Nam Bộ', 'Southeast', 'ĐNB'] },
  {
    id: 'R6',
    name: 'Đồng bằng sông Cửu Long',
    nameEn: 'Mekong River Delta',
    aliases: ['ĐBSCL', 'Vùng Đồng bằng sông Cửu Long', 'Mekong Delta'],
  },
];

/**
 * The 63 provinces by GSO region, in the order of GSO's poverty table (each region row followed by
 * its provinces). test/registry/regions.test.ts checks this against data/gso/raw/poverty_rate_by_province.csv.
 */
export const PROVINCES_BY_REGION: Record<string, readonly string[]> = {
  R1: ['01', '26', '27', '22', '30', '31', '33', '34', '35', '36', '37'],
  R2: ['02', '04', '06', '08', '10', '15', '19', '20', '24', '25', '11', '12', '14', '17'],
  R3: ['38', '40', '42', '44', '45', '46', '48', '49', '51', '52', '54', '56', '58', '60'],
  R4: ['62', '64', '66', '67', '68'],
  R5: ['70', '72', '74', '75', '77', '79'],
  R6: ['80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96'],
};

/** Names the data use for a province where they differ from the official one, and other common spellings. */
const PROVINCE_EXTRA: Record<string, { name?: string; nameEn?: string; aliases?: string[] }> = {
  '01': { aliases: ['Hanoi', 'HN'] },
  '46': {
    // Official name from 1 January 2025 was Thành phố Huế; the data of the 63-province era say Thừa Thiên Huế.
    name: 'Thừa Thiên Huế',
    nameEn: 'Thua Thien Hue',
    aliases: ['Tỉnh Thừa Thiên Huế', 'Thừa Thiên - Huế', 'TT Huế', 'TT-Huế', 'Huế'],
  },
  '77': { name: 'Bà Rịa - Vũng Tàu', nameEn: 'Ba Ria - Vung Tau', aliases: ['Bà Rịa Vũng Tàu', 'BRVT'] },
  '79': {
    nameEn: 'Ho Chi Minh City',
    aliases: ['Hồ Chí Minh', 'TP HCM', 'TPHCM', 'HCM', 'HCMC', 'Sài Gòn', 'Saigon'],
  },
  '66': { aliases: ['Đắc Lắc', 'Đắk Lăk', 'Daklak'] },
  '67': { aliases: ['Đắc Nông'] },
};

const UNIT_2025_EXTRA: Record<string, { nameEn?: string; aliases?: string[] }> = {
  '79': { nameEn: 'Ho Chi Minh City', aliases: ['Hồ Chí Minh', 'TP HCM', 'TPHCM', 'HCM', 'HCMC', 'Sài Gòn', 'Saigon'] },
  '01': { aliases: ['Hanoi', 'HN'] },
};

/** Districts and towns the seed reports name (the district level ended on 30 June 2025). */
const DISTRICTS: { id: string; name: string; fullName: string; nameEn: string; parent: string; aliases?: string[] }[] = [
  { id: '42-duc-tho', name: 'Đức Thọ', fullName: 'Huyện Đức Thọ', nameEn: 'Duc Tho district', parent: '42' },
  { id: '42-tx-ky-anh', name: 'Kỳ Anh', fullName: 'Thị xã Kỳ Anh', nameEn: 'Ky Anh town', parent: '42' },
  { id: '42-ky-anh', name: 'Kỳ Anh', fullName: 'Huyện Kỳ Anh', nameEn: 'Ky Anh district', parent: '42' },
  { id: '91-an-minh', name: 'An Minh', fullName: 'Huyện An Minh', nameEn: 'An Minh district', parent: '91' },
  { id: '91-go-quao', name: 'Gò Quao', fullName: 'Huyện Gò Quao', nameEn: 'Go Quao district', parent: '91' },
  { id: '91-giong-rieng', name: 'Giồng Riềng', fullName: 'Huyện Giồng Riềng', nameEn: 'Giong Rieng district', parent: '91' },
];

/**
 * Communes, wards and townships the seed reports name, under their district: `tt-` a township
 * (thị trấn), `p-` a ward (phường), no prefix a commune (xã). They ended with the districts.
 */
const COMMUNES: { id: string; name: string; fullName: string; nameEn: string; parent: string }[] = [
  { id: '42-duc-tho-tt-duc-tho', name: 'Đức Thọ', fullName: 'Thị trấn Đức Thọ', nameEn: 'Duc Tho township', parent: '42-duc-tho' },
  { id: '42-tx-ky-anh-ky-ha', name: 'Kỳ Hà', fullName: 'Xã Kỳ Hà', nameEn: 'Ky Ha commune', parent: '42-tx-ky-anh' },
  { id: '42-tx-ky-anh-p-ky-phuong', name: 'Kỳ Phương', fullName: 'Phường Kỳ Phương', nameEn: 'Ky Phuong ward', parent: '42-tx-ky-anh' },
];

/** `Tỉnh Hà Tĩnh` -> `Hà Tĩnh`, `Thành phố Hà Nội` -> `Hà Nội`. */
function shortName(official: string): string {
  return official.replace(/^(Tỉnh|Thành phố)\s+/u, '');
}

function englishName(name: string): string {
  return foldDiacritics(name);
}

/** Geometry spellings of each old province, as the three bundled TopoJSON files write them. */
export interface GeoNames {
  taliacao63: string;
  taliacao34: string;
  geoboundaries: string;
  iso3166_2: string;
}

/** The levels, listed for error messages. */
export const LEVELS = 'country, region, province, province2025, district, commune';

const regions = new Map<string, Region>();
const geoNames = new Map<string, GeoNames>();

function add(r: Region): void {
  if (regions.has(r.id)) throw new Error(`duplicate region id ${r.id}`);
  regions.set(r.id, Object.freeze({ ...r, aliases: Object.freeze([...r.aliases]) as string[] }));
}

add({
  id: 'VN', level: 'country', name: 'Việt Nam', fullName: 'Cộng hòa xã hội chủ nghĩa Việt Nam', nameEn: 'Viet Nam',
  parent: null, validFrom: null, validTo: null, successor: null,
  aliases: ['Cả nước', 'Toàn quốc', 'WHOLE COUNTRY', 'Vietnam', 'Whole country', 'Toàn quốc'],
});
for (const r of REGIONS) {
  add({ id: r.id, level: 'region', name: r.name, fullName: 'Vùng ' + r.name, nameEn: r.nameEn, parent: 'VN',
    validFrom: null, validTo: null, successor: null, aliases: r.aliases });
}

const economicRegionOf = new Map<string, string>();
for (const [rid, codes] of Object.entries(PROVINCES_BY_REGION)) for (const c of codes) economicRegionOf.set(c, rid);

// The 34 units first, so an old province can name its successor's region.
const newNames = new Map<string, string>();
for (const row of PROVINCE_MAPPING_ROWS) newNames.set(row[2], row[3]);
for (const [, code, name] of UNITS_2025_ROWS) {
  const extra = UNIT_2025_EXTRA[code] ?? {};
  // One tone placement for display (the sources mix `Hoà Bình` and `Khánh Hòa`): the new style.
  const short = cleanName(shortName(name));
  const official = cleanName(newNames.get(code) ?? name);
  add({
    id: '34:' + code, level: 'province2025', name: short, fullName: official,
    nameEn: extra.nameEn ?? englishName(short), parent: 'VN', validFrom: START_OF_34, validTo: null,
    successor: null, aliases: [name, ...(extra.aliases ?? [])],
  });
}

for (const row of PROVINCE_MAPPING_ROWS) {
  const [code, , newCode, , , iso, gb, t63, t34] = row;
  const official = cleanName(row[1]);
  const extra = PROVINCE_EXTRA[code] ?? {};
  const short = cleanName(extra.name ?? shortName(row[1]));
  const parent = economicRegionOf.get(code);
  if (!parent) throw new Error(`province ${code} has no GSO region`);
  add({
    id: code, level: 'province', name: short, fullName: official, nameEn: extra.nameEn ?? englishName(short),
    parent, validFrom: null, validTo: END_OF_63, successor: '34:' + newCode,
    aliases: [...(extra.aliases ?? [])],
  });
  // The CSV writes the tab of geoBoundaries' `Hà Nội<TAB>` as the two characters `\t`.
  geoNames.set(code, { taliacao63: t63, taliacao34: t34, geoboundaries: gb.replace(/\\t/g, '\t'), iso3166_2: iso });
}

add({
  id: 'ha-tay', level: 'province', name: 'Hà Tây', fullName: 'Tỉnh Hà Tây', nameEn: 'Ha Tay', parent: 'R1',
  validFrom: null, validTo: '2008-07-31', successor: '01', aliases: [],
});

for (const d of DISTRICTS) {
  add({ id: d.id, level: 'district', name: d.name, fullName: d.fullName, nameEn: d.nameEn, parent: d.parent,
    validFrom: null, validTo: END_OF_63, successor: regions.get(d.parent)?.successor ?? null, aliases: d.aliases ?? [] });
}
for (const c of COMMUNES) {
  add({ id: c.id, level: 'commune', name: c.name, fullName: c.fullName, nameEn: c.nameEn, parent: c.parent,
    validFrom: null, validTo: END_OF_63, successor: regions.get(c.parent)?.successor ?? null, aliases: [] });
}

/** The region with this id, or `undefined`. */
export function getRegion(id: string): Region | undefined {
  return regions.get(id);
}

/** The region with this id; throws `REGISTRY_UNKNOWN_REGION` (with close ids) when there is none. */
export function requireRegion(id: string): Region {
  const r = regions.get(id);
  if (r) return r;
  return fail('REGISTRY_UNKNOWN_REGION', { value: id, close: closeIds(id, [...regions.keys()]).join(', ') });
}

/** All regions, or those of one level, in registry order (country, regions, 34 units, 63 provinces, districts, communes). */
export function listRegions(level?: RegionLevel): Region[] {
  if (level !== undefined && !isRegionLevel(level)) {
    fail('REGISTRY_UNKNOWN_LEVEL', { value: String(level), allowed: LEVELS });
  }
  const all = [...regions.values()];
  return level ? all.filter((r) => r.level === level) : all;
}

/** The geometry spellings of an old province (`undefined` for other ids). */
export function geoNamesOf(id: string): GeoNames | undefined {
  return geoNames.get(id);
}

/** Every old province code with its geometry spellings. */
export function allGeoNames(): [string, GeoNames][] {
  return [...geoNames.entries()];
}

/** Up to five ids that share a prefix with or contain `id`, for error messages. */
export function closeIds(id: string, ids: string[]): string[] {
  const q = id.toLowerCase();
  const scored = ids
    .map((c) => ({ c, s: c.toLowerCase().includes(q) || q.includes(c.toLowerCase()) ? 1 : similarity(q, c.toLowerCase()) }))
    .filter((x) => x.s >= 0.4)
    .sort((a, b) => b.s - a.s || a.c.localeCompare(b.c));
  return scored.slice(0, 5).map((x) => x.c);
}

/** Share of character bigrams in common (Dice coefficient), 0..1. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return b.startsWith(a) || a.startsWith(b) ? 0.5 : 0;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + b.length - 1);
}
