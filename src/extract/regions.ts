/**
 * Regions from a report's wording: named mentions (`Tỉnh ủy Kiên Giang`, `huyện Đức Thọ`,
 * `thị xã Kỳ Anh`) resolved through the admin-unit registry, the report's own region (from its
 * headline and opening), and unnamed mentions (`toàn tỉnh`, `toàn huyện`, `Huyện ủy`) that refer to it.
 */
import { getRegion, listRegions, matchRegion, type Region } from '../registry/index.js';
import { ID_PREFIX_OF_TYPE, idSlug, listDistricts2024, type District2024 } from '../registry/districts-2024.js';
import { clauseAt, inFurniture, lastStartingAtOrBefore, paragraphAt, sentenceAt, type Report, type Span } from './report.js';

/** The kind of unit a mention's prefix names. */
type MentionLevel = 'country' | 'region' | 'province' | 'district' | 'town' | 'city' | 'commune';

export interface RegionMention extends Span {
  text: string;
  /** The registry's unit, when the name resolves. */
  region: Region | null;
  level: MentionLevel;
  /** True for `toàn tỉnh`, `Huyện ủy` and the like: the report's own unit at that level. */
  unnamed: boolean;
  /** True when `region` is the unit the named place lies in, the place itself not being in the registry. */
  within?: boolean;
  /** An area the registry has no unit for and never will (`vùng Tây Bắc` of the older scheme): its figures are not read. */
  outside?: boolean;
  /** For a commune written with its district in brackets (`xã Trà Bui (Bắc Trà My)`): that district. */
  district?: string;
}

const PREFIX: [RegExp, MentionLevel, string][] = [
  [/^(?:tỉnh ủy|tỉnh uỷ|tỉnh đoàn|đảng bộ tỉnh|ubnd tỉnh|hđnd tỉnh|tỉnh)$/iu, 'province', 'tỉnh'],
  [/^(?:huyện ủy|huyện uỷ|huyện đoàn|đảng bộ huyện|ubnd huyện|huyện)$/iu, 'district', 'huyện'],
  [/^(?:thị ủy|thị uỷ|thị đoàn|đảng bộ thị xã|ubnd thị xã|thị xã|tx\.?)$/iu, 'town', 'thị xã'],
  [/^(?:thành ủy|thành uỷ|thành phố|tp\.?)$/iu, 'city', 'thành phố'],
  [/^thị trấn$/iu, 'commune', 'thị trấn'],
  [/^xã$/iu, 'commune', 'xã'],
  [/^phường$/iu, 'commune', 'phường'],
];

// Case is spelled out rather than flagged: under /iu, \p{Lu} would match lower case too.
const NAMED = /(?<![\p{L}])([Tt]ỉnh (?:ủy|uỷ)|[Tt]ỉnh đoàn|[Tt]ỉnh|[Hh]uyện (?:ủy|uỷ)|[Hh]uyện đoàn|[Hh]uyện|[Tt]hị (?:ủy|uỷ)|[Tt]hị đoàn|[Tt]hị xã|TX\.?|[Tt]hành (?:ủy|uỷ)|[Tt]hành phố|TP\.?|Tp\.|[Tt]hị trấn)(?:[ \u00a0]+|(?<=\.))(\p{Lu}(?!\p{Lu})\p{Ll}*(?:(?:[ \u00a0]+|[ \u00a0]*-[ \u00a0]*)\p{Lu}\p{Ll}*){0,3})/gu;
// The word before is checked where it is used: a look-behind at every position of a long report costs more than the scan.
const UNNAMED = /(?:toàn[ \u00a0]+(tỉnh|huyện|thị xã|thành phố)|(tỉnh|huyện|thị|thành)[ \u00a0]+(?:ủy|uỷ)|(tỉnh|huyện)[ \u00a0]+(?:ta|nhà)|(?:của|ở|tại)[ \u00a0]+(tỉnh|huyện)(?=[ \u00a0]+(?:là|đạt|có|còn|chỉ|với)(?![\p{L}])|[ \u00a0]*[,.;]))(?![\p{L}])/giu;

/** The five cities run by the centre: "Thành phố Cần Thơ" is the province-level city itself. */
const CENTRAL_CITIES = new Set(['01', '31', '48', '79', '92']);

function levelOf(prefix: string): [MentionLevel, string] {
  for (const [re, level, word] of PREFIX) if (re.test(prefix)) return [level, word];
  return ['province', 'tỉnh'];
}

/**
 * Resolves `words` (capitalised, up to four) under a prefix, dropping words from the end until the
 * registry knows the name: `huyện Đức Thọ Hà` tries `Đức Thọ Hà`, then `Đức Thọ`.
 */
function resolveName(level: MentionLevel, word: string, words: string): { region: Region | null; name: string; fallback: boolean } {
  // "Bà Rịa - Vũng Tàu", "Phan Rang-Tháp Chàm": a hyphen joins the parts of one name.
  const parts = words.replace(/[ \u00a0]*-[ \u00a0]*/g, '\u2010').split(/[ \u00a0]+/).map((w) => w.replace(/\u2010/g, ' - '));
  for (let n = parts.length; n >= 1; n--) {
    const name = parts.slice(0, n).join(' ');
    const m = matchRegion(`${word} ${name}`);
    if (m.ok) return { region: m.region, name, fallback: false };
    if (level === 'commune' && word === 'thị trấn') {
      // A township the registry does not list lies in the district of its name (`thị trấn Đức Thọ`).
      const d = matchRegion(`huyện ${name}`);
      if (d.ok) return { region: d.region, name, fallback: true };
    }
    if (level === 'city') {
      const p = matchRegion(name);
      // "Thành phố Sơn La" is the provincial capital, not the province, when the province is not itself a city.
      if (p.ok && p.region.level === 'province' && !CENTRAL_CITIES.has(p.region.id) && (districtIndex().get(name.toLowerCase()) ?? []).some((d) => d.province === p.region.id && d.type === 'Thành phố')) {
        return { region: null, name, fallback: false };
      }
      if (p.ok && p.region.level === 'province') return { region: p.region, name, fallback: false };
    }
  }
  // Unknown: keep the whole name ("Tân Phú Đông"), less a province written after it ("Can Lộc Hà Tĩnh").
  let keep = parts.length;
  if (keep > 2) {
    const tail = matchRegion(parts.slice(keep - 2).join(' '));
    if (tail.ok && tail.region.level === 'province') keep -= 2;
  }
  return { region: null, name: parts.slice(0, keep).join(' ').replace(/ - /g, (m, i, all: string) => (words.includes(' - ') ? ' - ' : '-')), fallback: false };
}

/** Common Vietnamese family names: after a title, three or more capitalised words starting with one are a person. */
const SURNAMES = new Set(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lâm', 'Mai', 'Trịnh', 'Đoàn', 'Lương', 'Cao', 'Hà', 'Tạ', 'Chu', 'Thái', 'Lưu', 'Quách', 'Vương', 'Triệu', 'Đào', 'Kiều', 'Tô', 'Văn', 'La', 'Lò', 'Hứa', 'Nông', 'Ma', 'Lục']);

function looksLikePerson(words: string, before: string): boolean {
  const parts = words.split(/[ \u00a0]+/);
  const titled = /(?:UBND|HĐND|MTTQ|chủ tịch|bí thư|phó|đồng chí|ông|bà)[\s\u00a0]*$/iu.test(before);
  return titled && parts.length >= 3 && SURNAMES.has(parts[0]);
}

/** Every region mention in the text, page furniture left out, in order. */
export function findRegionMentions(report: Report): RegionMention[] {
  const text = report.text;
  const out: RegionMention[] = [];
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(text); m; m = NAMED.exec(text)) {
    if (inFurniture(report, m.index)) continue;
    const [level, word] = levelOf(m[1]);
    const { region, name, fallback } = resolveName(level, word, m[2]);
    if (!region && (/(?:ủy|uỷ|đoàn)$/iu.test(m[1]) || looksLikePerson(m[2], text.slice(Math.max(0, m.index - 30), m.index)))) {
      // "Bí thư Tỉnh ủy Nguyễn Văn Du", "Chủ tịch UBND huyện Trần Văn A": an organ and a person, so
      // the unit is the report's own; the words after it are not a place.
      const end = m.index + m[1].length;
      out.push({ start: m.index, end, text: m[1], region: null, level, unnamed: true });
      NAMED.lastIndex = end;
      continue;
    }
    const end = m.index + m[1].length + (m[0].length - m[1].length - m[2].length) + name.length;
    out.push({ start: m.index, end, text: text.slice(m.index, end), region, level, unnamed: false, ...(fallback ? { within: true } : {}) });
    NAMED.lastIndex = end;
  }
  UNNAMED.lastIndex = 0;
  for (let m = UNNAMED.exec(text); m; m = UNNAMED.exec(text)) {
    if (m.index > 0 && /\p{L}/u.test(text[m.index - 1])) continue;
    if (inFurniture(report, m.index)) continue;
    if (covered(out, m.index)) continue;
    const w = (m[1] ?? m[2] ?? m[3] ?? m[4]).toLowerCase();
    const level: MentionLevel = w === 'tỉnh' ? 'province' : w === 'huyện' ? 'district' : w === 'thành' || w === 'thành phố' ? 'city' : 'town';
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], region: null, level, unnamed: true });
  }
  out.sort((a, b) => a.start - b.start);
  const bare = findBareMentions(report, out);
  return bare.length ? [...out, ...bare].sort((a, b) => a.start - b.start) : out;
}

/** True when `offset` lies inside one of `sorted` (sorted by start, not overlapping). */
function covered(sorted: RegionMention[], offset: number): boolean {
  const i = lastStartingAtOrBefore(sorted, offset);
  return i >= 0 && offset < sorted[i].end;
}

/** Spellings of one name with the old and the new tone placement (`Hòa Bình`, `Hoà Bình`). */
function toneVariants(name: string): string[] {
  const swap: [string, string][] = [['òa', 'oà'], ['óa', 'oá'], ['ỏa', 'oả'], ['õa', 'oã'], ['ọa', 'oạ'], ['òe', 'oè'], ['óe', 'oé'], ['ùy', 'uỳ'], ['úy', 'uý'], ['ủy', 'uỷ'], ['ũy', 'uỹ'], ['ụy', 'uỵ']];
  const out = new Set([name]);
  for (const [a, b] of swap) for (const n of [...out]) { out.add(n.replace(a, b)); out.add(n.replace(b, a)); }
  return [...out];
}

/** Spellings of one name with the typographic apostrophe and dash pages use (`M’Đrắk`, `Bà Rịa – Vũng Tàu`). */
function punctuationVariants(name: string): string[] {
  const out = new Set([name, name.replace(/'/g, '’')]);
  for (const n of [...out]) if (/-/.test(n)) for (const d of [' – ', '–', ' - ', '-']) out.add(n.replace(/[ \u00a0]*-[ \u00a0]*/g, d));
  return [...out];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One alternation of many names as a prefix tree (`B(?:ắc (?:Ninh|Giang)|ình Dương)`): the regex
 * engine then follows one branch per character instead of trying every name at every position.
 * Longer names come first within a branch, so the longest name wins as with a sorted alternation.
 */
export function trieSource(words: string[], fold: (c: string) => string = (c) => c): string {
  interface Node { end: boolean; next: Map<string, Node> }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      const k = fold(ch);
      let m = n.next.get(k);
      if (!m) n.next.set(k, (m = { end: false, next: new Map() }));
      n = m;
    }
    n.end = true;
  }
  const source = (n: Node): string => {
    const branches = [...n.next.entries()].map(([ch, m]) => escape(ch) + source(m));
    if (!branches.length) return '';
    const alt = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    // A name that ends here may also go on: try the longer one first.
    return n.end ? `(?:${alt})?` : alt;
  };
  return source(root);
}

/**
 * Names that stand alone for the country, a socio-economic region or a province: `cả nước`,
 * `toàn quốc`, `Đồng bằng sông Cửu Long`, `Tây Nguyên`, `Lai Châu` without `tỉnh` before it.
 */
let bareNames: { re: RegExp; byName: Map<string, Region> } | null = null;
function bareNameIndex(): { re: RegExp; byName: Map<string, Region> } {
  if (bareNames) return bareNames;
  const byName = new Map<string, Region>();
  const add = (name: string, r: Region) => { for (const p of punctuationVariants(name)) for (const v of toneVariants(p)) byName.set(v.toLowerCase(), r); };
  for (const r of listRegions('region')) {
    add(r.name, r);
    for (const a of r.aliases) if (/\p{Ll}/u.test(a) && !/^vùng /iu.test(a)) add(a, r);
  }
  const r3 = getRegion('R3');
  if (r3) add('Bắc Trung Bộ', r3);
  // "tư tưởng Hồ Chí Minh" is a person's thought: the city is only ever "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh".
  for (const r of listRegions('province')) if (r.validTo !== null && r.id !== 'ha-tay' && r.id !== '79') add(r.name, r);
  const names = trieSource([...byName.keys()]);
  // Regions are matched in any case ("vùng trung du và miền núi phía Bắc"); provinces with a capital.
  // "Việt Nam" is the country after "đầu người", "của", "tại", "ở" (not in "Mặt trận Tổ quốc Việt Nam").
  const S = '[ \\u00a0]+';
  const re = new RegExp(
    `(?<![\\p{L}])(?:(cả${S}nước|toàn${S}quốc|(?<=(?:người|của|tại|ở)${S})Việt${S}Nam)|(${names})|(TP\\.?[ \\u00a0]*HCM|TPHCM|TP\\.?[ \\u00a0]*Hồ${S}Chí${S}Minh))(?![\\p{L}])`,
    'giu',
  );
  bareNames = { re, byName };
  return bareNames;
}

/** Words before `cả nước` that make it a comparison (`cao nhất cả nước`, `tốp đầu cả nước`), not the subject. */
const COMPARED = /(?:nhất|đầu|cuối|thứ[ \u00a0]+\S+|so[ \u00a0]+với|so|với|mức[ \u00a0]+(?:trung|bình)[^,;.]{0,20}|vùng[^,;.]{0,12})[ \u00a0,]*$/iu;

/** Words after `cả nước` that give it a figure of its own: "của cả nước là 4,7", "cả nước đạt 17". */
const STATES_FIGURE = /^[ \u00a0]*(?:là|đạt|ở[ \u00a0]+mức)[ \u00a0]+(?:khoảng[ \u00a0]+|gần[ \u00a0]+|hơn[ \u00a0]+|trên[ \u00a0]+)?\d/iu;

/**
 * Areas outside the registry's six socio-economic regions (the older eight-region scheme): a figure
 * next to them is theirs, so it must not fall back to another region named before.
 */
const OTHER_AREA = /(?<![\p{L}])[Vv]ùng[ \u00a0]+(?:Tây[ \u00a0]+Bắc(?:[ \u00a0]+Bộ)?|Đông[ \u00a0]+Bắc(?:[ \u00a0]+Bộ)?|[Dd]uyên[ \u00a0]+hải[ \u00a0]+Nam[ \u00a0]+Trung[ \u00a0]+Bộ)(?![\p{L}])/gu;

function findBareMentions(report: Report, named: RegionMention[]): RegionMention[] {
  const text = report.text;
  const { re, byName } = bareNameIndex();
  const out: RegionMention[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (inFurniture(report, m.index) || covered(named, m.index)) continue;
    const end = m.index + m[0].length;
    if (m[3]) {
      out.push({ start: m.index, end, text: m[0], region: getRegion('79')!, level: 'province', unnamed: false });
      continue;
    }
    if (m[1]) {
      // "cao nhất cả nước (4,6%)" compares; "mức trung bình chung của cả nước là 4,7" states the country's own figure.
      const compared = COMPARED.exec(text.slice(Math.max(0, m.index - 30), m.index));
      // "mức bình quân cả nước (2,93%)": an average's figure in brackets is the country's too.
      // "so với cả nước (2,93%)" too; not "cao nhất cả nước (39,4%)", whose figure is the subject's.
      const own = STATES_FIGURE.test(text.slice(end, end + 24)) || (compared !== null && !/nhất|thứ/iu.test(compared[0]) && /^[ \u00a0]*\([ \u00a0]*\d/u.test(text.slice(end, end + 6)));
      if (compared && !own) continue;
      const vn = getRegion('VN')!;
      out.push({ start: m.index, end, text: m[0], region: vn, level: 'country', unnamed: false });
      continue;
    }
    const r = byName.get(m[2].toLowerCase());
    if (!r) continue;
    if (r.level === 'province' && !/^\p{Lu}/u.test(m[2])) continue;
    // "huyện Châu Thành" is a district whose name a province shares; "người Hà Tĩnh" stays a province.
    if (/(?:huyện|xã|thị trấn|phường|quận)[ \u00a0]+$/iu.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ start: m.index, end, text: m[0], region: r, level: r.level === 'region' ? 'region' : 'province', unnamed: false });
  }
  OTHER_AREA.lastIndex = 0;
  for (let m = OTHER_AREA.exec(text); m; m = OTHER_AREA.exec(text)) {
    if (inFurniture(report, m.index) || covered(named, m.index)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], region: null, level: 'region', unnamed: false, outside: true });
  }
  return out;
}

/** `Cai Lậy` -> `cai-lay`: the registry's way of writing a name into an id. */
export const slugOf = idSlug;

/** The id prefix of a unit the registry does not list, by the word that named it. */
const PLACE_PREFIX: Partial<Record<MentionLevel, string>> = { town: 'tx-', city: 'tp-' };

export interface RegionContext {
  mentions: RegionMention[];
  /** The report's own region, or `null` when neither the text nor `--region` names one. */
  region: Region | null;
  how: string;
}

/** How far into the text the headline and opening reach. */
const OPENING = 1500;

/**
 * The report's own region: among the named mentions of its opening, the one the whole report names
 * most often, a district before its own province (a district's report names its province in passing,
 * `con người Hà Tĩnh`). `override` (the `--region` option) wins.
 */
export function regionContext(report: Report, override?: string): RegionContext {
  const mentions = findRegionMentions(report);
  if (override) {
    const r = getRegion(override) ?? null;
    return withDistricts(report, { mentions, region: r, how: `--region ${override}` });
  }
  // The country and the six regions are compared with, not reported on, in a province's report; a
  // province in a list of places ("các tỉnh Bắc Ninh, Vĩnh Phúc, Hải Phòng") is one of several, not the subject.
  const candidates = mentions.filter((m) => m.region && m.level !== 'commune' && m.region.level !== 'commune' && m.level !== 'country' && m.level !== 'region');
  const named = candidates.filter((m, i) => !inList(report.text, candidates, i));
  const counts = new Map<string, number>();
  for (const m of named) counts.set(m.region!.id, (counts.get(m.region!.id) ?? 0) + 1);
  const opening = named.filter((m) => m.start < OPENING);
  let best: RegionMention | null = null;
  let bestScore = -Infinity;
  for (const m of opening) {
    const r = m.region!;
    const score = (counts.get(r.id) ?? 0) + (r.level === 'district' && opening.some((o) => o.region!.id === r.parent) ? 1 : 0) + (r.level === 'district' ? 0.5 : 0);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  if (!best) {
    const first = named[0];
    if (!first) return { mentions, region: null, how: 'no region named' };
    return withDistricts(report, { mentions, region: first.region, how: `first mention "${first.text}"` });
  }
  return withDistricts(report, { mentions, region: best.region, how: `opening "${best.text}" (named ${counts.get(best.region!.id)} times)` });
}

/** True when mention `i` of `list` is joined to the one before or after it by a comma or "và" alone. */
function inList(text: string, list: RegionMention[], i: number): boolean {
  const joined = (a: RegionMention | undefined, b: RegionMention | undefined) => a !== undefined && b !== undefined && /^[ \u00a0]*(?:,|và|hoặc)[ \u00a0]*$/u.test(text.slice(a.end, b.start));
  return joined(list[i - 1], list[i]) || joined(list[i], list[i + 1]);
}

/** Adds the province's districts named bare, and communes written with their district, once the report's province is known. */
function withDistricts(report: Report, ctx: RegionContext): RegionContext {
  const province = ctx.region?.level === 'province' ? ctx.region : null;
  if (!province) return ctx;
  const communes = findCommunesInBrackets(report, province, ctx.mentions);
  const mentions = communes.length ? [...ctx.mentions, ...communes].sort((a, b) => a.start - b.start) : ctx.mentions;
  const bare = findBareDistricts(report, province, mentions);
  return bare.length ? { ...ctx, mentions: [...mentions, ...bare].sort((a, b) => a.start - b.start) } : { ...ctx, mentions };
}

// "xã Trà Bui (Bắc Trà My)", "Trà Giác (Bắc Trà My)": a name with its district in brackets is a commune of that district.
// Found from each bracket whose words are a district of the province, then the name right before it.
const NAME_BEFORE_BRACKET = /(?<![\p{L}])(?:(?:[Xx]ã|[Pp]hường)[ \u00a0]+)?\p{Lu}[\p{Ll}’']*(?:[ \u00a0]*[’'-]?[ \u00a0]*\p{Lu}[\p{Ll}’']*){0,3}[ \u00a0]*$/u;
const BRACKET = /^\(([^()\d]{2,30})\)/u;

function findCommunesInBrackets(report: Report, province: Region, mentions: RegionMention[]): RegionMention[] {
  const text = report.text;
  let districts: Map<string, District2024> | null = null;
  const out: RegionMention[] = [];
  for (let at = text.indexOf('('); at !== -1; at = text.indexOf('(', at + 1)) {
    const b = BRACKET.exec(text.slice(at, at + 34));
    if (!b) continue;
    districts ??= districtsByProvince(province.id);
    const d = districts.get(b[1].trim().replace(/^(?:huyện|thị xã|thành phố|TP\.?|TX\.?)[ \u00a0]*/iu, '').toLowerCase());
    if (!d) continue;
    const from = Math.max(0, at - 60);
    const name = NAME_BEFORE_BRACKET.exec(text.slice(from, at));
    if (!name || inFurniture(report, at)) continue;
    const start = from + name.index;
    const end = at + b[0].length;
    // A place the registry already reads there (`thị trấn Đức Thọ (Đức Thọ)`) keeps its reading.
    const i = lastStartingAtOrBefore(mentions, end - 1);
    if (i >= 0 && mentions[i].end > start) continue;
    out.push({ start, end, text: text.slice(start, end), region: null, level: 'commune', unnamed: false, district: slugOf(d.name) });
  }
  return out;
}

export interface ResolvedRegion {
  region: string | null;
  how: string;
  /** True when a mention next to the figure, not the report's own region, decided. */
  near: boolean;
  /** A place named next to the figure that the registry does not know (`huyện Can Lộc`). */
  unknownPlace?: string;
  /** True when the figure belongs to an area outside the registry's regions: it is passed over. */
  outside?: boolean;
}

/** "trên địa bàn" with no unit after it: the place just spoken of. */
const ON_THE_GROUND = /trên[ \u00a0]+địa[ \u00a0]+bàn(?![ \u00a0]+(?:tỉnh|huyện|thành|thị|xã|toàn|cả|các))/iu;

/** The report's unit at the level an unnamed mention speaks of (`toàn tỉnh` in a district's report is its province). */
function unnamedRegion(m: RegionMention, own: Region | null): Region | null {
  if (!own) return null;
  if (m.level === 'province' || m.level === 'city') {
    if (own.level === 'province' || own.level === 'province2025') return own;
    return own.parent ? getRegion(own.parent) ?? null : null;
  }
  return own.level === 'district' ? own : null;
}

/**
 * The region of a figure at `span`: the nearest mention earlier in its clause, else the report's
 * own region. A township the registry does not list is filed under the district of its name, and
 * the reason says so.
 */
export function resolveRegion(span: Span, report: Report, ctx: RegionContext, override?: string): ResolvedRegion {
  const own = ctx.region;
  if (override) return { region: override, how: `--region ${override}`, near: false };
  const clause = clauseAt(report.text, span.start);
  const sentence = sentenceAt(report.text, span.start);
  // The nearest mention before the figure in its clause, else in its sentence ("Huyện Cai Lậy có 793
  // hộ nghèo, tỷ lệ 1,47%; 2.036 hộ cận nghèo": the second clause is still Cai Lậy's).
  let m: RegionMention | undefined;
  let mi = -1;
  let scope = 'clause';
  for (let i = lastStartingAtOrBefore(ctx.mentions, span.start); i >= 0; i--) {
    const c = ctx.mentions[i];
    if (c.start < sentence.start) break;
    if (c.end > span.start) continue;
    // "3/11 huyện hoàn thành (thị xã Bình Long, Phước Long và thành phố Đồng Xoài), 66/86 xã ...": the places
    // a closed bracket lists are members of the group counted before it, not the place of what follows.
    if (inClosedList(report.text, ctx.mentions, i, span.start)) continue;
    if (c.start < clause.start) {
      // An earlier clause's place carries over only when it heads its clause, as in a list by place.
      if (c.start - clauseAt(report.text, c.start).start > 25) break;
      scope = 'sentence';
    }
    m = c;
    mi = i;
    break;
  }
  if (m && m.level === 'province') {
    // "huyện Phú Bình, tỉnh Thái Nguyên có 19/19 xã": the district is the subject, its province an apposition.
    const prev = mi > 0 ? ctx.mentions[mi - 1] : undefined;
    if (prev && !prev.unnamed && (prev.level === 'district' || prev.level === 'town' || prev.level === 'city') && /^[\s\u00a0]*[,(][\s\u00a0]*$/u.test(report.text.slice(prev.end, m.start))) {
      m = prev;
      mi -= 1;
    }
  }
  if (!m) {
    // "100% đơn vị cấp huyện (6/6 huyện, thành phố) của Hà Nam đạt chuẩn": a province or region its own clause
    // names with "của" after the figure is its place, before any the paragraph named earlier.
    const i = lastStartingAtOrBefore(ctx.mentions, span.end) + 1;
    const c = i < ctx.mentions.length ? ctx.mentions[i] : undefined;
    if (c && c.start >= span.end && c.end <= clause.end && !c.unnamed && !c.outside && (c.level === 'province' || c.level === 'region' || c.level === 'country')
      && /^[^;.:\d]{0,40}[\s\u00a0]của[\s\u00a0]+(?:tỉnh[\s\u00a0]+|thành[\s\u00a0]+phố[\s\u00a0]+)?$/iu.test(report.text.slice(span.end, c.start))) {
      m = c;
      mi = i;
    }
  }
  if (!m) {
    // The country or a region named earlier in the paragraph ("chung toàn quốc là 5,71%. Tổng số hộ ... là 1.586.336 hộ").
    const para = paragraphAt(report.text, span.start);
    for (let i = lastStartingAtOrBefore(ctx.mentions, span.start); i >= 0; i--) {
      const c = ctx.mentions[i];
      if (c.start < para.start) break;
      if (c.end > span.start) continue;
      if (c.level === 'country' || c.level === 'region') { m = c; mi = i; scope = 'paragraph'; }
      break;
    }
  }
  if (!m && ON_THE_GROUND.test(report.text.slice(Math.max(clause.start, span.start - 300), Math.min(clause.end, span.end + 300)))) {
    // "100% xã trên địa bàn đạt chuẩn": the ground is the district the paragraph spoke of last.
    const para = paragraphAt(report.text, span.start);
    const i = lastStartingAtOrBefore(ctx.mentions, span.start);
    const c = i >= 0 ? ctx.mentions[i] : undefined;
    if (c && c.start >= para.start && c.end <= span.start && !c.unnamed && !c.outside && (c.level === 'district' || c.level === 'town')) {
      m = c;
      mi = i;
      scope = 'paragraph';
    }
  }
  if (m?.outside) return { region: null, how: `"${m.text}" is an area outside the registry's regions`, near: true, outside: true };
  if (m) {
    const where = scope === 'clause' ? 'before the figure' : scope === 'sentence' ? 'earlier in its sentence' : 'earlier in its paragraph';
    if (m.region && m.within) {
      return { region: m.region.id, how: `"${m.text}" ${where}, not in the registry: filed under ${m.region.fullName}`, near: true };
    }
    // A report about a unit of the 34 (`--region 34:79`) that names it ("toàn Thành phố Hồ Chí Minh") means that unit, not its older namesake.
    if (m.region && own?.level === 'province2025' && own.id === `34:${m.region.id}`) return { region: own.id, how: `"${m.text}" ${where}: the report's own ${own.fullName} of 2025`, near: true };
    if (m.region) return { region: m.region.id, how: `"${m.text}" ${where}`, near: true };
    if (m.unnamed) {
      const r = unnamedRegion(m, own);
      if (r) return { region: r.id, how: `"${m.text}" = ${r.fullName}`, near: true };
      // "toàn huyện" in a province's report: the district the report named last before it.
      if (m.level === 'district') {
        // Bounded look back: a long report names many places.
        for (let i = mi - 1; i >= Math.max(0, mi - 200); i--) {
          const d = ctx.mentions[i];
          if (d.unnamed || d.level !== m.level) continue;
          if (d.region) return { region: d.region.id, how: `"${m.text}" = "${d.text}" named before it`, near: true };
          const place = placeOf(d, report, ctx);
          return { region: place.id, how: `"${m.text}" = ${place.how}`, near: true, unknownPlace: d.text };
        }
      }
    } else if (m.district) {
      const province = provinceOf(own);
      const id = `${province ? province.id + '-' : ''}${m.district}-${slugOf(m.text.replace(/^(?:xã|phường)[ \u00a0]+/iu, '').replace(/[ \u00a0]*\([^)]*\)$/u, ''))}`;
      return { region: id, how: `"${m.text}" ${where}: a commune of the district in brackets, new region ${id}, to review`, near: true, unknownPlace: m.text };
    } else {
      // Named, but not in the registry: still a place, filed under the province around it for review.
      const place = placeOf(m, report, ctx);
      return { region: place.id, how: place.how, near: true, unknownPlace: m.text };
    }
  }
  if (own) return { region: own.id, how: ctx.how, near: false };
  return { region: null, how: 'no region named', near: false };
}

/**
 * The other places of a list that a figure's subject closes ("Huyện Thanh Thuỷ, Thành phố Việt Trì và Thị
 * xã Phú Thọ có 100% các xã đạt chuẩn"): each shares the figure. Only when the list stands right before the
 * figure's words, with no other figure between.
 */
export function listMates(span: Span, report: Report, ctx: RegionContext): { id: string; how: string; unknownPlace?: string }[] {
  const text = report.text;
  const clause = clauseAt(text, span.start);
  let i = lastStartingAtOrBefore(ctx.mentions, span.start);
  while (i >= 0 && ctx.mentions[i].end > span.start) i--;
  if (i < 0) return [];
  const last = ctx.mentions[i];
  if (last.start < clause.start || last.unnamed || span.start - last.end > 60 || /[\d;,]/u.test(text.slice(last.end, span.start))) return [];
  if (!/^[\s\u00a0]+(?:đều[\s\u00a0]+)?(?:có|đạt)(?![\p{L}])/iu.test(text.slice(last.end, span.start))) return [];
  // "A và B có tỷ lệ ... lần lượt là 6,5% và 15,7%": the figures go to the places in order, not to all.
  if (/lần[\s\u00a0]+lượt/iu.test(text.slice(last.end, Math.min(clause.end, span.end + 200)))) return [];
  const out: { id: string; how: string; unknownPlace?: string }[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const a = ctx.mentions[j];
    const b = ctx.mentions[j + 1];
    if (a.start < clause.start || a.unnamed || a.outside || a.level !== b.level && !(SUB_PROVINCE.has(a.level) && SUB_PROVINCE.has(b.level))) break;
    if (b.start - a.end > 8 || !/^[ \u00a0]*(?:,|và)[ \u00a0]*$/u.test(text.slice(a.end, b.start))) break;
    if (a.region) out.push({ id: a.region.id, how: `"${a.text}", listed with "${last.text}" before the figure they share` });
    else {
      const place = placeOf(a, report, ctx);
      out.push({ id: place.id, how: `"${a.text}", listed with "${last.text}" before the figure they share: ${place.how}`, unknownPlace: a.text });
    }
  }
  return out.reverse();
}

/**
 * "Tỉnh A và tỉnh B có tỷ lệ hộ nghèo lần lượt là 6,5% và 15,7%": the k-th figure after "lần lượt" is the
 * k-th place of the list before it. `null` when the figure is not in such a clause; `'unclear'` when the
 * counts of places and figures differ.
 */
export function respectivePlace(span: Span, report: Report, ctx: RegionContext): { id: string; how: string; unknownPlace?: string } | 'unclear' | null {
  const text = report.text;
  const clause = clauseAt(text, span.start);
  const lead = text.slice(Math.max(clause.start, span.start - 300), span.start);
  const at = lead.search(/lần[\s\u00a0]+lượt/iu);
  if (at < 0) return null;
  const turn = span.start - lead.length + at;
  let i = lastStartingAtOrBefore(ctx.mentions, turn);
  while (i >= 0 && ctx.mentions[i].end > turn) i--;
  if (i < 0 || ctx.mentions[i].start < clause.start || ctx.mentions[i].unnamed) return null;
  const list = [ctx.mentions[i]];
  for (let j = i - 1; j >= 0; j--) {
    const a = ctx.mentions[j];
    const b = ctx.mentions[j + 1];
    if (a.start < clause.start || a.unnamed || a.outside || b.start - a.end > 8 || !/^[ \u00a0]*(?:,|và)[ \u00a0]*$/u.test(text.slice(a.end, b.start))) break;
    list.unshift(a);
  }
  if (list.length < 2) return null;
  const figures = (s: string) => (s.match(/\d+(?:[.,]\d+)*[\s\u00a0]*%?/gu) ?? []).length;
  const k = figures(text.slice(turn, span.start));
  const all = figures(text.slice(turn, clause.end));
  if (all !== list.length || k >= list.length) return 'unclear';
  const m = list[k];
  if (m.region) return { id: m.region.id, how: `"${m.text}", figure ${k + 1} of "lần lượt"` };
  const place = placeOf(m, report, ctx);
  return { id: place.id, how: `"${m.text}", figure ${k + 1} of "lần lượt": ${place.how}`, unknownPlace: m.text };
}

/** True when mention `i` sits in a bracket closed before `until` that names two places or more. */
function inClosedList(text: string, mentions: readonly RegionMention[], i: number, until: number): boolean {
  const c = mentions[i];
  if (c.district) return false;
  const from = Math.max(0, c.start - 120);
  const opened = text.slice(from, c.start).lastIndexOf('(');
  if (opened < 0) return false;
  const open = from + opened;
  if (text.slice(open, c.start).includes(')')) return false;
  const closed = text.slice(c.end, until).indexOf(')');
  if (closed < 0) return false;
  const close = c.end + closed;
  let n = 0;
  for (let j = Math.max(0, i - 6); j < Math.min(mentions.length, i + 7); j++) if (mentions[j].start > open && mentions[j].end <= close) n++;
  return n >= 2;
}

const SUB_PROVINCE: ReadonlySet<MentionLevel> = new Set(['district', 'town', 'city']);

/**
 * The place a province's report is about when its opening names one district, town or city of the
 * province first and the report names no other ("Thành phố Sơn La – tỉnh Sơn La đã huy động ...",
 * "Thị xã Bắc Kạn tỷ lệ hộ nghèo năm 2014 ..."): the figures no nearer place claims are that place's.
 */
export function subjectPlace(report: Report, ctx: RegionContext): { id: string; how: string; start: number; unknownPlace?: string } | null {
  const province = ctx.region;
  if (!province || province.level !== 'province') return null;
  const firstAt = ctx.mentions.findIndex((m) => !m.unnamed && !m.outside && m.level !== 'country' && m.level !== 'region');
  const first = firstAt < 0 ? undefined : ctx.mentions[firstAt];
  // The province spoken of before it ("toàn tỉnh có ..., trong đó huyện A ...") is the subject, not the district.
  if (ctx.mentions.slice(0, Math.max(0, firstAt)).some((m) => m.level === 'province')) return null;
  if (!first || first.start > 400 || !SUB_PROVINCE.has(first.level) || first.within || first.district) return null;
  const same = (m: RegionMention) => m.text.toLowerCase() === first.text.toLowerCase() || (m.region !== null && m.region === first.region);
  if (ctx.mentions.some((m) => !m.unnamed && (SUB_PROVINCE.has(m.level) || m.level === 'commune') && !same(m))) return null;
  if (first.region) {
    if (first.region.parent !== province.id) return null;
    return { id: first.region.id, how: `the report is about "${first.text}", named first in its opening`, start: first.start };
  }
  const place = placeOf(first, report, ctx);
  if (!place.id.startsWith(province.id + '-')) return null;
  return { id: place.id, how: `the report is about "${first.text}", named first in its opening: ${place.how}`, start: first.start, unknownPlace: first.text };
}

/**
 * "Theo báo cáo của Ủy ban MTTQ Việt Nam huyện, ...": the report speaks for a district it does not name,
 * so the province's name is no answer for its figures.
 */
export const UNNAMED_DISTRICT_BODY = /[Tt]oàn[\s\u00a0]+huyện(?![\s\u00a0]*\p{Lu})|[Hh]uyện(?<=(?:^|[,.;:]|[Nn]ăm[\s\u00a0]+\d{4},)[\s\u00a0]*[Hh]uyện)(?=[\s\u00a0]+(?:có|đã|còn|đạt)(?![\p{L}]))|(?:UBND|HĐND|MTTQ(?:[\s\u00a0]+Việt[\s\u00a0]+Nam)?|Mặt[\s\u00a0]+trận(?:[\s\u00a0]+Tổ[\s\u00a0]+quốc)?|Hội[\s\u00a0]+[\p{L}\s\u00a0]{2,30}?|Phòng[\s\u00a0]+[\p{L}\s\u00a0]{2,30}?|Ban[\s\u00a0]+[\p{L}\s\u00a0]{2,30}?)[\s\u00a0]+huyện(?=[\s\u00a0]*[,.;:)]|[\s\u00a0]+(?:đã|đang|vừa|cho[\s\u00a0]+biết))/u;

/** The province a report speaks for: its own region, or the province of its own district. */
function provinceOf(r: Region | null): Region | null {
  if (!r) return null;
  if (r.level === 'province') return r;
  if (r.level === 'district' || r.level === 'commune') return provinceOf(r.parent ? getRegion(r.parent) ?? null : null);
  return null;
}

let districtsByName: Map<string, District2024[]> | null = null;
/** GSO's 2024 districts by their name without the type (`can lộc`), in both tone placements. */
function districtIndex(): Map<string, District2024[]> {
  if (districtsByName) return districtsByName;
  districtsByName = new Map();
  for (const d of listDistricts2024()) {
    for (const v of toneVariants(d.name)) {
      const key = v.toLowerCase();
      const list = districtsByName.get(key) ?? [];
      list.push(d);
      districtsByName.set(key, list);
    }
  }
  return districtsByName;
}

const byProvince = new Map<string, Map<string, District2024>>();
/** The districts of one province by lower-case name, in both tone placements. */
function districtsByProvince(province: string): Map<string, District2024> {
  let m = byProvince.get(province);
  if (!m) {
    m = new Map();
    for (const d of districtsOf(province)) for (const v of toneVariants(d.name)) m.set(v.toLowerCase(), d);
    byProvince.set(province, m);
  }
  return m;
}

/** The districts of one province, by name, for names written without `huyện` in a list by place. */
function districtsOf(province: string): District2024[] {
  const seen = new Set<string>();
  const out: District2024[] = [];
  for (const list of districtIndex().values()) for (const d of list) if (d.province === province && !seen.has(d.code)) { seen.add(d.code); out.push(d); }
  return out;
}

const TYPE_OF_LEVEL: Partial<Record<MentionLevel, string>> = { district: 'Huyện', town: 'Thị xã', city: 'Thành phố' };

/**
 * An id for a district, town or city the registry does not list (`huyện Can Lộc` -> `42-can-loc`,
 * `TX. Cai Lậy` -> `82-tx-cai-lay`): its province is the report's own, else the last province named
 * before it, else the one GSO's 2024 district list gives for the name.
 */
function placeOf(m: RegionMention, report: Report, ctx: RegionContext): { id: string; how: string } {
  const name = m.text.replace(/^(?:huyện|thị xã|thành phố|tp\.?|thị trấn|tỉnh|tx\.?|quận)[ \u00a0]*/iu, '');
  const candidates = districtIndex().get(name.toLowerCase()) ?? [];
  const wanted = TYPE_OF_LEVEL[m.level];
  const pick = (province: string) => {
    const inProvince = candidates.filter((d) => d.province === province);
    return inProvince.find((d) => d.type === wanted) ?? inProvince[0];
  };
  let province = provinceOf(ctx.region);
  let from = 'the report\'s province';
  let listed = province ? pick(province.id) : undefined;
  if (!listed) {
    const at = lastStartingAtOrBefore(ctx.mentions, m.start);
    for (let i = at - 1; i >= Math.max(0, at - 200); i--) {
      const p = provinceOf(ctx.mentions[i].region);
      if (p && (listed = pick(p.id))) { province = p; from = `"${ctx.mentions[i].text}" before it`; break; }
    }
  }
  if (!listed && !province) {
    const typed = candidates.filter((d) => d.type === wanted);
    const only = typed.length === 1 ? typed[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (only) { listed = only; province = getRegion(only.province) ?? null; from = 'GSO\'s 2024 district list'; }
  }
  const prefix = listed ? ID_PREFIX_OF_TYPE[listed.type] : PLACE_PREFIX[m.level] ?? '';
  const slug = prefix + slugOf(name);
  const list = listed ? `, in GSO's 2024 district list as ${listed.type} ${listed.name} (${listed.code})` : ', not in GSO\'s 2024 district list';
  if (!province) return { id: slug, how: `"${m.text}" is not in the registry and no province is named: new region ${slug}${list}, to review` };
  return { id: `${province.id}-${slug}`, how: `"${m.text}" is not in the registry: new region ${province.id}-${slug} in ${province.fullName} (${from})${list}, to review` };
}

/**
 * Districts of the report's province named without `huyện` (`Bắc Trà My có tổng số hộ nghèo nhiều
 * nhất với 3.704 hộ, Nam Trà My 2.753 hộ`): mentions for the places a list by place names.
 */
function findBareDistricts(report: Report, province: Region, mentions: RegionMention[]): RegionMention[] {
  // Names of two words, or with an apostrophe (`M'Đrắk`): one word alone is too often something else.
  const list = districtsOf(province.id).filter((d) => /\p{Lu}\p{Ll}*[ \u00a0]+\p{Lu}|'/u.test(d.name));
  if (!list.length) return [];
  const names = new Map<string, District2024>();
  for (const d of list) for (const p of punctuationVariants(d.name)) for (const v of toneVariants(p)) names.set(v, d);
  const re = new RegExp(`(?<![\\p{L}])(?:${trieSource([...names.keys()])})(?![\\p{L}])`, 'gu');
  const out: RegionMention[] = [];
  const text = report.text;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (inFurniture(report, m.index) || covered(mentions, m.index)) continue;
    if (/(?:huyện|xã|phường|thị trấn|quận|thị xã|thành phố|tỉnh|TP\.?|TX\.?)[ \u00a0]*$/iu.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    // "xã Trà Bui (Bắc Trà My)": the district in brackets says where a commune lies; the figure is the commune's.
    if (text[m.index - 1] === '(' && text[m.index + m[0].length] === ')') continue;
    const d = names.get(m[0])!;
    const registry = matchRegion(`${d.type.toLowerCase()} ${d.name}`);
    const level: MentionLevel = d.type === 'Thị xã' ? 'town' : d.type === 'Thành phố' ? 'city' : 'district';
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], region: registry.ok && registry.region.parent === province.id ? registry.region : null, level, unnamed: false });
  }
  return out;
}
