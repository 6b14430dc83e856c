/**
 * Poverty figures read by clause: a rate or a household count takes the poverty group (poor,
 * near-poor, or both together) that the words right after it name ("9.604 hộ nghèo"), else the
 * last group named before it in its sentence ("hộ cận nghèo là 6.943 hộ, chiếm tỷ lệ 2,27%",
 * "tỷ lệ nghèo đa chiều theo các vùng như sau: Tây Nguyên 15,39% với 236.766 hộ"). Shares of a
 * sub-group (ethnic minorities, households without labour, the poor districts) are not the unit's.
 */
import type { Figure } from './figures.js';
import { sentenceAt } from './report.js';
import { shapeOf } from './rules.js';

export type PovertyGroup = 'poor' | 'near_poor' | 'poor_near_poor';

export interface PovertyReading {
  id: string;
  /** The households a count is out of, when written after it ("793 hộ nghèo/53.904 hộ"). */
  denominator: number | null;
  indicator: 'poverty_rate' | 'near_poor_rate' | 'poor_near_poor_rate' | 'poor_households';
  series: string | null;
  confidence: number;
  cueStart: number;
  cueEnd: number;
}

const S = '[\\s\\u00a0]+';
/** Names of a poverty group, longest first; "chuẩn nghèo đa chiều" names the standard, not a group. */
const GROUP = new RegExp(
  [
    `(?<both>(?<!chuẩn${S})(?:tỷ${S}lệ${S})?nghèo${S}đa${S}chiều(?!${S}(?:giai|áp))|(?:tỷ${S}lệ${S})?hộ${S}nghèo${S}và${S}(?:hộ${S})?cận${S}nghèo|(?:tỷ${S}lệ${S})?hộ${S}nghèo,${S}(?:hộ${S})?cận${S}nghèo|nghèo${S}và${S}(?:hộ${S})?cận${S}nghèo)`,
    `(?<near>(?:tỷ${S}lệ${S})?(?:hộ${S})?cận${S}nghèo)`,
    `(?<poor>(?:tỷ${S}lệ${S})?hộ${S}nghèo|tỷ${S}lệ${S}nghèo|nghèo${S}chung)`,
  ].join('|'),
  'giu',
);
// "9.500 hộ nghèo và 14.200 hộ cận nghèo": the poor's count, the near-poor's after it.
const GROUP_AFTER = new RegExp(`^${S}(?:hộ${S}nghèo${S}và${S}(?:hộ${S})?cận${S}nghèo|hộ${S}nghèo(?!${S}và${S}(?:hộ${S})?cận)|hộ${S}cận${S}nghèo)`, 'iu');
// Sub-groups of the poor: by ethnicity, labour, merit, place, or by the kind of poverty (income, deprivation).
const SUBGROUP = /(?:của|ở|tại)[\s\u00a0]+\d+[\s\u00a0]+(?:huyện|xã|thôn|bản|làng)(?![\p{L}])|nghèo về thu nhập|thiếu hụt|dân tộc thiểu số|DTTS|Khmer|không có khả năng lao động|KCKNLĐ|người có công|huyện nghèo|xã nghèo|thoát nghèo|thoát cận nghèo|thoát khỏi|tái nghèo|phát sinh|trẻ em|người cao tuổi|vùng đồng bào|khu vực (?:đồng bằng|miền núi)|các làng|thu nhập của/iu;
// "so với tổng số hộ toàn tỉnh" is the share of all households: the rate itself, not a share of a group.
const SHARE_OF_GROUP = /^[\s\u00a0]*(?:so với tổng số(?![\s\u00a0]+hộ[\s\u00a0]+(?:toàn|dân|của[\s\u00a0]+(?:tỉnh|huyện)|trên[\s\u00a0]+địa[\s\u00a0]+bàn))|(?:của |trong )?(?:số|tổng) (?:hộ )?(?:nghèo|cận nghèo)|trong tổng số hộ (?:nghèo|cận nghèo)|tổng số hộ (?:nghèo|cận nghèo)|tổng số HCN|kế hoạch|so với mục tiêu|mục tiêu|chỉ tiêu)/iu;
const RESPECTIVELY = /lần[\s\u00a0]+lượt/iu;
/** Words that open a sentence going on with the previous one's list: "Tiếp đến là", "Tiếp theo là", "Xếp sau là". */
const CONTINUES = /^[\s\u00a0]*(?:Tiếp[\s\u00a0]+(?:đến|theo)|Kế[\s\u00a0]+đến|Xếp[\s\u00a0]+sau|Sau[\s\u00a0]+đó)(?:[\s\u00a0]+là)?(?![\p{L}])/u;
const SUBGROUP_AFTER = /^[\s\u00a0]*(?:(?:là|có)[\s\u00a0]+)?(?:người[\s\u00a0]+|đồng[\s\u00a0]+bào[\s\u00a0]+)?(?:dân[\s\u00a0]+tộc[\s\u00a0]+thiểu[\s\u00a0]+số|DTTS|thiếu[\s\u00a0]+hụt|có[\s\u00a0]+thành[\s\u00a0]+viên|thành[\s\u00a0]+viên|người[\s\u00a0]+có[\s\u00a0]+công|không[\s\u00a0]+có[\s\u00a0]+khả[\s\u00a0]+năng|thuộc[\s\u00a0]+(?:diện|chính[\s\u00a0]+sách|đối[\s\u00a0]+tượng))/iu;
const HELPED_AFTER = /^[\s\u00a0]*(?:(?:đều|đã)[\s\u00a0]+)?(?:được|tham[\s\u00a0]+gia|vay|nhận|có[\s\u00a0]+nhu[\s\u00a0]+cầu)(?![\p{L}])/iu;
// "Nâng cao thu nhập cho 120 hộ nghèo": a count after "cho" is those an action is for.
const PLACES_JOINED = /\p{Lu}\p{Ll}*(?:[\s\u00a0]+\p{Lu}\p{Ll}*)*[\s\u00a0]*(?:,|và)[\s\u00a0]+(?:(?:tỉnh|huyện|thành[\s\u00a0]+phố|thị[\s\u00a0]+xã|TP\.?)[\s\u00a0]+)?\p{Lu}/u;
const SHARE_HAS_AFTER = /^[\s\u00a0]*(?:(?:đều|đã|đang)[\s\u00a0]+)?(?:có|sử[\s\u00a0]+dụng|tiếp[\s\u00a0]+cận|tham[\s\u00a0]+gia|thoát)(?![\p{L}])/iu;
const HELPED_BEFORE = /(?:hỗ[\s\u00a0]+trợ|giúp(?:[\s\u00a0]+đỡ)?|cho[\s\u00a0]+vay|tặng|cấp[\s\u00a0]+cho|xây[\s\u00a0]+nhà[\s\u00a0]+cho|(?<![\p{L}])cho)[\s\u00a0]+(?:cho[\s\u00a0]+)?(?:trên|hơn|gần|khoảng)?[\s\u00a0]*$/iu;

function groupOf(m: RegExpExecArray | { groups?: Record<string, string | undefined> }): PovertyGroup {
  const g = m.groups ?? {};
  return g.both ? 'poor_near_poor' : g.near ? 'near_poor' : 'poor';
}
function groupOfWords(words: string): PovertyGroup {
  return /cận/iu.test(words) ? (/nghèo[\s\u00a0]+và/iu.test(words) ? 'poor_near_poor' : 'near_poor') : 'poor';
}

const RATE: Record<PovertyGroup, PovertyReading['indicator']> = { poor: 'poverty_rate', near_poor: 'near_poor_rate', poor_near_poor: 'poor_near_poor_rate' };

/** Reads figure `f` as a poverty figure, or `null`. `sentenceStart` is where its sentence starts. */
export function readPoverty(f: Figure, text: string, sentenceStart: number, clauseStart: number): PovertyReading | null {
  const shape = shapeOf(f);
  const after = text.slice(f.end, f.end + 60);
  const isCount = shape === 'count' || shape === 'fraction';
  if (shape !== 'percent' && !isCount) return null;
  if (shape === 'percent' && (f.value === null || f.value > 100)) return null;
  if (SHARE_OF_GROUP.test(after)) return null;
  let group: PovertyGroup | null = null;
  let cueStart = f.start;
  let cueEnd = f.end;
  let near = true;
  const direct = GROUP_AFTER.exec(after);
  let denominator: number | null = null;
  if (direct) {
    // "100% hộ nghèo được cấp thẻ", "1.500 hộ nghèo được hỗ trợ nhà ở", "hỗ trợ 1.200 hộ nghèo vay vốn": those helped, not the group's level.
    if (HELPED_AFTER.test(text.slice(f.end + direct[0].length, f.end + direct[0].length + 30)) || HELPED_BEFORE.test(text.slice(Math.max(clauseStart, f.start - 20), f.start))) return null;
    // "trên 90% hộ nghèo đã có nhà ở kiên cố": a share of the poor that has something, not the poverty rate.
    if (shape === 'percent' && SHARE_HAS_AFTER.test(text.slice(f.end + direct[0].length, f.end + direct[0].length + 30))) return null;
    // "1.200 hộ nghèo thiếu hụt về nhà ở", "800 hộ nghèo là người dân tộc thiểu số": a sub-group named after the group.
    if (SUBGROUP_AFTER.test(text.slice(f.end + direct[0].length, f.end + direct[0].length + 40))) return null;
    group = groupOfWords(direct[0]);
    cueEnd = f.end + direct[0].length;
    const out = /^[\s\u00a0]*\/[\s\u00a0]*(\d{1,3}(?:\.\d{3})+|\d+)[\s\u00a0]+hộ(?![\p{L}])/u.exec(text.slice(cueEnd, cueEnd + 30));
    if (isCount && f.denominator === null && out) {
      denominator = Number(out[1].replace(/\./g, ''));
      cueEnd += out[0].length;
    }
  } else {
    // Counts need the word "hộ" after them: "với 701.461 hộ", "là 6.943 hộ".
    // The source may glue the noun to the figure: "(2.438hộ)".
    if (isCount && !/^[\s\u00a0]*hộ(?![\p{L}])(?![\s\u00a0]+(?:dân|đồng bào|DTTS|dân tộc))/iu.test(after)) return null;
    // A bounded look back keeps a text without stops linear. A sentence that goes on with the list of the one
    // before ("... nhiều nhất tỉnh với 850 hộ. Tiếp đến là xã Cà Dy (Nam Giang) với 552 hộ") reads its group there.
    const goesOn = CONTINUES.test(text.slice(sentenceStart, sentenceStart + 30)) && sentenceStart > 1;
    const from = Math.max(goesOn ? sentenceAt(text, sentenceStart - 2).start : sentenceStart, f.start - 600);
    const before = text.slice(from, f.start);
    GROUP.lastIndex = 0;
    let last: RegExpExecArray | null = null;
    for (let m = GROUP.exec(before); m; m = GROUP.exec(before)) last = m;
    if (!last) return null;
    group = groupOf(last);
    const lastAt = from + last.index;
    const between = text.slice(lastAt, f.start);
    // "tỷ lệ hộ nghèo và cận nghèo (lần lượt là 14,23% và 7,69%)": the first is the poor's, the second the near-poor's.
    if (RESPECTIVELY.test(between)) {
      const k = (between.slice(between.search(RESPECTIVELY)).match(/\d+(?:[.,]\d+)*[\s\u00a0]*%/g) ?? []).length;
      if (group === 'poor_near_poor') group = k === 0 ? 'poor' : 'near_poor';
      else if (k > 0) {
        // "tỷ lệ hộ nghèo thấp nhất với tỷ lệ lần lượt là 0,21% và 0,13%": one group named for two figures;
        // the pair is the one its sentence named before ("cả tỷ lệ hộ nghèo và cận nghèo"), else the later figure is no one's.
        const earlier = text.slice(from, lastAt);
        GROUP.lastIndex = 0;
        let pair = false;
        for (let m = GROUP.exec(earlier); m; m = GROUP.exec(earlier)) if (m.groups?.both) pair = true;
        // "Tỉnh A và tỉnh B có tỷ lệ hộ nghèo lần lượt là 6,5% và 15,7%": the figures go by place, the group stays.
        const byPlace = !pair && PLACES_JOINED.test(text.slice(Math.max(clauseStart, lastAt - 200), lastAt));
        if (!byPlace) {
          if (!pair || k > 1) return null;
          group = 'near_poor';
        }
      }
    }
    if (SUBGROUP.test(between)) return null;
    // "9.500 hộ nghèo và 14.200 hộ cận nghèo, tổng cộng 23.700 hộ, chiếm 3,8%": the sum of the two groups.
    if (group !== 'poor_near_poor' && /tổng[\s\u00a0]+(?:cộng|số)|cả[\s\u00a0]+hai/iu.test(between) && /hộ[\s\u00a0]+nghèo/iu.test(before) && /cận[\s\u00a0]+nghèo/iu.test(before)) group = 'poor_near_poor';
    near = lastAt >= clauseStart;
    if (near) cueStart = lastAt;
  }
  if (SUBGROUP.test(leadAfterColon(text.slice(Math.max(clauseStart, f.start - 200), f.start)))) return null;
  // A sentence about a group ("Huyện nghèo theo Quyết định ...: Tỷ lệ nghèo đa chiều là 47,94%; ...").
  if (SUBGROUP.test(text.slice(sentenceStart, Math.min(f.start, sentenceStart + 40)))) return null;
  // "11,52%/năm" is a growth rate, "100% người nghèo" a share of people, "(đều trên 20%)" a bound.
  if (shape === 'percent' && (/^[\s\u00a0]*(?:\/[\s\u00a0]*năm|người|dân số|lao động)/iu.test(after) && !householdsShare(text.slice(clauseStart, f.start), after) || /đều[\s\u00a0]+(?:trên|dưới)?[\s\u00a0]*$/iu.test(text.slice(Math.max(0, f.start - 12), f.start)))) return null;
  // The area a sentence speaks of: "Tỷ lệ nghèo đa chiều theo khu vực thành thị chiếm 3,29% ...; tỷ lệ hộ cận nghèo 1,85%".
  const lead = text.slice(Math.max(sentenceStart, f.start - 300), f.start);
  // The nearest area word wins: "khu vực thành thị 0,8%, nông thôn 4,2%".
  let area: 'urban' | 'rural' | null = null;
  for (const m of lead.matchAll(/thành[\s\u00a0]+thị|nông[\s\u00a0]+thôn(?![\s\u00a0]+mới)/giu)) area = /^thành/iu.test(m[0]) ? 'urban' : 'rural';
  if (shape === 'percent') {
    return { id: `${RATE[group]}.clause`, indicator: RATE[group], series: area, denominator: null, confidence: near ? 0.9 : 0.8, cueStart, cueEnd };
  }
  return { id: 'poor_households.clause', indicator: 'poor_households', series: group, denominator, confidence: near ? 0.9 : 0.8, cueStart, cueEnd };
}

/**
 * "... kết quả rà soát hộ nghèo mới phát sinh: Hộ nghèo có 10.689 hộ": after a colon that is followed by
 * a group's own name, the lead before it no longer speaks of the figure. "Hộ nghèo DTTS: 3.373 hộ" keeps its label.
 */
function leadAfterColon(before: string): string {
  const colon = before.lastIndexOf(':');
  if (colon < 0) return before;
  const rest = before.slice(colon + 1);
  GROUP.lastIndex = 0;
  return GROUP.test(rest) ? rest : before;
}

/**
 * "có 57.180 hộ nghèo, chiếm tỷ lệ 12,81% dân số": a count of poor or near-poor households in the
 * clause makes "dân số" a loose word for all households, and the share the poverty rate.
 */
function householdsShare(clauseBefore: string, after: string): boolean {
  return /^[\s\u00a0]*dân[\s\u00a0]+số/iu.test(after) && /\d[\d.]*[\s\u00a0]*hộ(?:[\s\u00a0]+(?:nghèo|cận[\s\u00a0]+nghèo))?(?![\p{L}])|hộ[\s\u00a0]+(?:nghèo|cận[\s\u00a0]+nghèo)[^;]{0,30}\d/iu.test(clauseBefore) && /hộ[\s\u00a0]+(?:nghèo|cận[\s\u00a0]+nghèo)/iu.test(clauseBefore);
}
