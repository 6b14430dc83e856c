/**
 * The wording that makes a figure an indicator's observation. A rule names the shape of figure it
 * takes (a rate, a fraction, a count, a sum of money), the words that must follow the figure and/or
 * precede it in the same clause, and words its sentence must (or must not) contain. Rules are tried
 * in order; the first that holds decides, and its id is the reason an extraction gives.
 */
import type { Figure } from './figures.js';

/** The shapes of figure a rule accepts. */
export const FigureShape = {
  percent: 'percent',
  fraction: 'fraction',
  count: 'count',
  countOrFraction: 'countOrFraction',
  money: 'money',
  income: 'income',
} as const;
export type FigureShape = keyof typeof FigureShape;

/** The shape of a figure: `%`, `a/b`, money per person, a sum of money, a bare count; `null` for other units. */
export function shapeOf(f: Figure): FigureShape | null {
  if (f.percent) return 'percent';
  if (f.denominator !== null) return 'fraction';
  if (f.unit && /\/(?:người|hộ|khẩu)/u.test(f.unit)) return 'income';
  if (f.unit && /đồng(?:\/(?:năm|tháng))?$/u.test(f.unit)) return 'money';
  if (f.unit === null) return 'count';
  return null;
}

function accepts(rule: FigureShape, shape: FigureShape): boolean {
  if (rule === shape) return true;
  return rule === 'countOrFraction' && (shape === 'count' || shape === 'fraction');
}

export interface RuleMatch {
  series: string | null;
  /** Unit as the text writes it, before the registry normalizes it; `null` keeps the figure's own. */
  unit: string | null;
  /** Offsets of the words that decided, to widen the quote. */
  cueStart: number;
  cueEnd: number;
}

export interface Rule {
  /** Shown in each extraction's `reason`: `poverty_rate.before`. */
  id: string;
  indicator: string;
  shape: FigureShape;
  /** Must match the text right after the figure (anchored at its end). */
  after?: RegExp;
  /** Must match the clause before the figure (anchored at the figure's start). */
  before?: RegExp;
  /** The sentence must contain this. */
  sentence?: RegExp;
  /** The sentence must not contain this. */
  notSentence?: RegExp;
  /** The paragraph before the figure (at most 600 characters) must contain this, and not `notLead`. */
  lead?: RegExp;
  notLead?: RegExp;
  /** Series from the match (`kiểu mẫu` -> `model`), or a fixed one. */
  series?: string | ((after: RegExpExecArray | null, before: RegExpExecArray | null) => string | null);
  /**
   * Unit for counts and fractions, when it is not the catalogue's for the indicator and series.
   * Percentages and money keep the unit the figure carries.
   */
  unit?: string | ((after: RegExpExecArray | null, before: RegExpExecArray | null) => string);
  /** How sure the rule is when it holds, 0..1. */
  confidence: number;
  /** The figure must be above this (`Shop 0 đồng` is a name, not a sum). */
  min?: number;
}

const S = '[\\s\\u00a0]';
/** A pattern where each space stands for one or more spaces (NBSP included); write optional space as `[\s\u00a0]*`. */
const re = (source: string, flags = 'iu') => new RegExp(source.replace(/ /g, `${S}+`), flags);

/** "từ 5,2% (năm 2021) xuống còn": the earlier figure of a change, between a rate's words and its level. */
const FROM = '(?:từ [\\d.,]+[\\s\\u00a0]*%? (?:năm \\d{4},? )?(?:xuống|lên|giảm xuống|tăng lên|giảm còn|còn)(?: còn)? )?';

const TIER: Record<string, string> = { 'nâng cao': 'advanced', 'kiểu mẫu': 'model' };
/** Series of the catalogue's social-support indicators, from the words naming who was helped. */
const BENEFICIARY_SERIES: [RegExp, string][] = [
  [/^trẻ/iu, 'orphans'],
  [/^(?:em )?học sinh|^sinh viên/iu, 'pupils'],
  [/nhà/iu, 'houses'],
  [/./u, 'other'],
];

/** `mô hình` alone is models, `gương`/`điển hình` alone exemplars, both together the total. */
function modelSeries(words: string): string {
  const model = /mô[\s\u00a0]+hình/iu.test(words);
  const exemplar = /gương|điển[\s\u00a0]+hình/iu.test(words);
  return model && exemplar ? 'total' : model ? 'model' : 'exemplar';
}
const beneficiary = (after: RegExpExecArray | null) => BENEFICIARY_SERIES.find(([r]) => r.test((after?.[1] ?? '').replace(/[\s\u00a0]+/g, ' ')))!;

/** What a sum of money was raised or spent for, from the words of its sentence. */
export function moneyPurpose(sentence: string): string {
  // The fund for the poor pays for many things at once, study grants among them: its money is `other`.
  if (/vì[\s\u00a0]+người[\s\u00a0]+nghèo/iu.test(sentence)) return 'other';
  if (/khuyến học|khuyến tài|học bổng/iu.test(sentence)) return 'study_fund';
  if (/nhà (?:kiên cố|tình nghĩa|đại đoàn kết|ở)|(?:xây dựng|xây mới|sửa chữa)[\s\u00a0]*[\d.]+[\s\u00a0]*(?:căn |ngôi )?nhà|làm nhà|xây nhà|sửa chữa nhà/iu.test(sentence)) return 'houses';
  if (/mồ côi/iu.test(sentence)) return 'orphans';
  if (/học sinh|sinh viên/iu.test(sentence)) return 'pupils';
  return 'other';
}

export const RULES: Rule[] = [
  {
    id: 'income_per_capita.before',
    indicator: 'income_per_capita',
    shape: 'income',
    before: re('thu nhập bình quân(?: đầu người| 1 người| một người)?[^;.]{0,80}$'),
    confidence: 0.95,
  },
  { id: 'income_per_capita.unit', indicator: 'income_per_capita', shape: 'income', confidence: 0.7 },
  {
    // "đạt 65 triệu đồng/năm", "đạt 65 triệu đồng": per person is in the words before, not in the unit.
    id: 'income_per_capita.money',
    indicator: 'income_per_capita',
    shape: 'money',
    before: re('thu nhập bình quân(?: đầu người| 1 người| một người)[^;.]{0,80}$'),
    confidence: 0.8,
  },
  {
    // A list by place after a paragraph's income phrase: "Cụ thể, Hà Giang đạt 2,25 triệu đồng/người/tháng; Cao Bằng 2,43 triệu đồng".
    id: 'income_per_capita.paragraph',
    indicator: 'income_per_capita',
    shape: 'money',
    lead: /thu nhập bình quân(?:[\s\u00a0]+(?:đầu người|1 người|một người))/iu,
    notLead: /hộ nghèo|ngân sách|vốn|kinh phí|GRDP|quỹ/iu,
    notSentence: /hộ nghèo|ngân sách|vốn|kinh phí|GRDP|quỹ/iu,
    confidence: 0.65,
  },
  {
    // A list after the income phrase: "cao nhất cả nước là Bình Dương với 7,02 triệu đồng; thứ 2 là ... 6,54 triệu đồng".
    id: 'income_per_capita.sentence',
    indicator: 'income_per_capita',
    shape: 'money',
    sentence: /thu nhập bình quân(?:[\s\u00a0]+(?:đầu người|1 người|một người))/iu,
    notSentence: /hộ nghèo|ngân sách|vốn|kinh phí/iu,
    confidence: 0.7,
  },
  {
    id: 'new_rural_share.before',
    indicator: 'new_rural_share',
    shape: 'percent',
    before: re(`tỷ lệ (?:số )?xã (?:đạt chuẩn|đạt) (?:nông thôn mới|NTM)(?: (nâng cao|kiểu mẫu))?[^;.%\\d]{0,40}${FROM}$`),
    series: (_a, b) => (b?.[1] ? TIER[b[1].toLowerCase().replace(/[\s\u00a0]+/g, ' ')] : 'standard') ?? 'standard',
    confidence: 0.9,
  },
  {
    id: 'study_participation.after',
    indicator: 'study_participation',
    shape: 'percent',
    // Studying a congress's resolution is another figure than the annual theme on following Hồ Chí Minh.
    after: re('^ (?:(?:cán bộ, )?đảng viên)[^;.]{0,40}?(?:tham gia )?(?:học tập|nghiên cứu|quán triệt)(?! (?:Nghị quyết|nghị quyết))'),
    confidence: 0.95,
  },
  {
    id: 'study_participation.before',
    indicator: 'study_participation',
    shape: 'percent',
    // Not past a comma: "98% đảng viên tham gia học tập chuyên đề, 100% chi bộ đăng ký" lists another figure.
    before: re('đảng viên[^;.%\\d]{0,30}(?:tham gia )?(?:học tập|nghiên cứu|quán triệt)[^;.,%\\d]{0,30}$'),
    confidence: 0.85,
  },
  {
    id: 'self_review_sessions.after',
    indicator: 'self_review_sessions',
    shape: 'percent',
    after: re('^ (?:các )?(?:chi bộ|tổ chức cơ sở đảng|tổ chức đảng|đảng bộ)[^;.]*'),
    // The "Tự soi, tự sửa" sessions themselves; 100% of cells holding the annual theme's session is another figure.
    sentence: /tự soi|tự sửa|tự kiểm điểm|tự phê bình/iu,
    confidence: 0.85,
  },
  {
    id: 'party_org_registration.after',
    indicator: 'party_org_registration',
    shape: 'countOrFraction',
    after: re('^ (?:tổ chức cơ sở đảng|TCCS đảng|tổ chức đảng|chi, đảng bộ|chi bộ|đảng bộ)[^;.]{0,30}?đăng ký(?: thực hiện)?'),
    confidence: 0.9,
  },
  {
    id: 'new_rural_communes.after',
    indicator: 'new_rural_communes',
    shape: 'countOrFraction',
    after: re('^ xã (?:đã )?(?:được công nhận )?(?:đạt chuẩn|đạt) (?:nông thôn mới|NTM)(?: (nâng cao|kiểu mẫu))?'),
    series: (a) => (a?.[1] ? TIER[a[1].toLowerCase().replace(/[\s\u00a0]+/g, ' ')] : 'standard') ?? 'standard',
    confidence: 0.95,
  },
  {
    // "5.775/8.227 xã (chiếm 70,2%) đạt chuẩn", "199/204 xã, thị trấn đạt chuẩn nông thôn mới nâng cao".
    id: 'new_rural_communes.bracket',
    indicator: 'new_rural_communes',
    shape: 'countOrFraction',
    after: re('^ xã(?:, (?:phường, )?thị trấn)?(?: \\([^)]{0,40}\\))?(?: (?:đã )?(?:được (?:[^;.\\d]{0,50}? )?công nhận )?(?:đạt chuẩn|đạt))? [“"]?(?:xã )?(?:nông thôn mới|NTM)(?: (nâng cao|kiểu mẫu))?'),
    series: (a) => (a?.[1] ? TIER[a[1].toLowerCase().replace(/[\s\u00a0]+/g, ' ')] : 'standard') ?? 'standard',
    confidence: 0.9,
  },
  {
    // "39/119 xã đạt chuẩn;" in a sentence about the new-rural programme.
    id: 'new_rural_communes.standard',
    indicator: 'new_rural_communes',
    shape: 'countOrFraction',
    after: re('^ xã (?:đã )?(?:được công nhận )?đạt chuẩn(?! (?:quốc gia|văn hóa|văn hoá|y tế|về|đô thị))(?![\\p{L}])'),
    sentence: /nông thôn mới|NTM/u,
    series: 'standard',
    confidence: 0.75,
  },
  {
    // "nâng tổng số đạt chuẩn lên 26 xã", "nâng tổng số toàn tỉnh có 80 xã".
    id: 'new_rural_communes.total',
    indicator: 'new_rural_communes',
    shape: 'countOrFraction',
    before: re('nâng tổng số[^;.\\d]{0,90}$'),
    after: re('^ xã(?![\\p{L}])'),
    sentence: /nông thôn mới|NTM/u,
    series: 'standard',
    confidence: 0.85,
  },
  {
    // The share in brackets after a count of communes: "5.775/8.227 xã (chiếm 70,2%) đạt chuẩn".
    id: 'new_rural_share.bracket',
    indicator: 'new_rural_share',
    shape: 'percent',
    before: re('\\d xã \\((?:chiếm |bằng |tỷ lệ )?$'),
    after: re('^[^)]{0,20}\\) (?:đã )?(?:được công nhận )?(?:đạt chuẩn|đạt) (?:nông thôn mới|NTM)'),
    series: 'standard',
    confidence: 0.85,
  },
  {
    // "khoảng 62% số xã đạt chuẩn", "100% xã trên địa bàn đạt chuẩn nông thôn mới"; not "16 tỉnh có 100% số xã".
    id: 'new_rural_share.after',
    indicator: 'new_rural_share',
    shape: 'percent',
    before: /(?<!tỉnh(?:[\s\u00a0]+đã)?[\s\u00a0]+có[\s\u00a0]+(?:khoảng[\s\u00a0]+)?)$/u,
    // Not a share of communes that meet another standard: "100% số xã đạt chuẩn phổ cập giáo dục".
    after: re('^ (?:số |các |tổng số )?xã(?: trên địa bàn| của toàn tỉnh)?(?: (?:đã )?(?:được công nhận )?đạt chuẩn(?: nông thôn mới| NTM)?(?: (nâng cao|kiểu mẫu))?)?(?! (?!nông|NTM|nâng|kiểu|năm|và|trên|của|toàn|trong|đến|theo)\\p{Ll})'),
    sentence: /nông thôn mới|NTM|đạt chuẩn/u,
    series: (a) => (a?.[1] ? TIER[a[1].toLowerCase().replace(/[\s\u00a0]+/g, ' ')] : 'standard') ?? 'standard',
    confidence: 0.8,
  },
  {
    id: 'new_rural_districts.after',
    indicator: 'new_rural_districts',
    shape: 'countOrFraction',
    after: re('^ (?:đơn vị cấp huyện|huyện(?:, thị xã, thành phố)?)[^;.]{0,90}?(?:hoàn thành nhiệm vụ|đạt chuẩn)(?:(?:/|,? )(?:đạt chuẩn|hoàn thành nhiệm vụ))?(?: xây dựng)? (?:nông thôn mới|NTM)'),
    confidence: 0.85,
  },
  {
    // "nâng tổng số lên 5 huyện", "nâng tổng số đơn vị cấp huyện đạt chuẩn lên 7".
    id: 'new_rural_districts.total',
    indicator: 'new_rural_districts',
    shape: 'countOrFraction',
    before: re('nâng tổng số[^;.\\d]{0,90}$'),
    after: re('^ (?:đơn vị cấp huyện|huyện)(?![\\p{L}])'),
    sentence: /nông thôn mới|NTM/u,
    confidence: 0.8,
  },
  {
    id: 'new_rural_provinces.all_communes',
    indicator: 'new_rural_provinces',
    shape: 'count',
    before: /(?<!thuộc[\s\u00a0]+)$/u,
    after: re('^ tỉnh(?:, thành phố)?(?: đã)? có 100% (?:số )?xã đạt chuẩn'),
    series: 'all_communes',
    confidence: 0.85,
  },
  {
    id: 'new_rural_provinces.completed',
    indicator: 'new_rural_provinces',
    shape: 'count',
    before: /(?<!thuộc[\s\u00a0]+)$/u,
    after: re('^ tỉnh[^;.]{0,90}?công nhận (?:tỉnh )?hoàn thành nhiệm vụ xây dựng (?:nông thôn mới|NTM)'),
    series: 'completed',
    confidence: 0.85,
  },
  {
    // "bình quân cả nước đạt 17 tiêu chí/xã", "mức trung bình chung của cả nước là 4,7 tiêu chí/xã".
    id: 'new_rural_criteria_avg.after',
    indicator: 'new_rural_criteria_avg',
    shape: 'count',
    before: re('(?:bình quân|trung bình)[^;.\\d]{0,40}$'),
    after: re('^ tiêu chí/(?:1 |một )?xã'),
    confidence: 0.85,
  },
  {
    // "Số tiêu chí đạt chuẩn trung bình của toàn tỉnh là 17,8 tiêu chí", "đạt bình quân 12 tiêu chí": the average, with "/xã" left out.
    id: 'new_rural_criteria_avg.plain',
    indicator: 'new_rural_criteria_avg',
    shape: 'count',
    before: re('(?:bình quân|trung bình)[^;.\\d]{0,40}$'),
    after: re('^ tiêu chí(?![/\\p{L}]| (?:đô thị|ĐTVM|huyện|nâng cao|kiểu mẫu|nông thôn mới nâng cao))'),
    confidence: 0.8,
  },
  {
    id: 'civilized_urban_criteria.after',
    indicator: 'civilized_urban_criteria',
    shape: 'countOrFraction',
    after: re('^ tiêu chí (?:đô thị văn minh|ĐTVM)'),
    confidence: 0.95,
  },
  {
    id: 'commendations.after',
    indicator: 'commendations',
    shape: 'count',
    // "5.200 lượt cá nhân": counted by award, as the source counts them.
    after: re('^ (?:lượt )?(tập thể|cá nhân)(?![\\p{L}])'),
    sentence: /khen thưởng|bằng khen|thư khen|giấy khen|biểu dương|tuyên dương|vinh danh|tặng thưởng/iu,
    series: (a) => (a?.[1].toLowerCase() === 'tập thể' ? 'collective' : 'individual'),
    confidence: 0.9,
  },
  {
    id: 'inspections.supervised',
    indicator: 'inspections',
    shape: 'count',
    // The nearest "kiểm tra"/"giám sát" before the figure, not an earlier one ("giám sát Cấp ủy đã giám sát 5 tổ chức").
    // "kiểm tra khi có dấu hiệu vi phạm đối với 3.005 tổ chức đảng" is an inspection; "Qua kiểm tra, kết luận
    // có 1.575 tổ chức đảng ... có vi phạm" counts those found at fault.
    before: re('(?:kiểm tra|giám sát)(?: khi có dấu hiệu vi phạm)?(?:(?!kiểm tra|giám sát|kết luận)[^;.\\d]){0,25}(?:\\d+ [^;.\\d]{0,30})?$'),
    // Organisations, or heads of units; members at large have no series in the catalogue.
    after: re('^ (tổ chức(?: đảng| cơ sở đảng)?|chi bộ|đảng bộ|(?:cá nhân )?người đứng đầu)(?![\\p{L}])'),
    series: (a) => (/^tổ chức|^chi bộ|^đảng bộ/iu.test(a![1]) ? 'organisations' : 'heads'),
    confidence: 0.85,
  },
  {
    id: 'inspections.after',
    indicator: 'inspections',
    shape: 'count',
    after: re('^ (?:đợt|cuộc) (?:kiểm tra|giám sát)(?:, giám sát)?'),
    series: 'rounds',
    confidence: 0.9,
  },
  {
    id: 'follow_commitments.after',
    indicator: 'follow_commitments',
    shape: 'count',
    after: re('^ việc làm theo (?:Bác|gương Bác)'),
    confidence: 0.85,
  },
  {
    id: 'initiatives.after',
    indicator: 'initiatives',
    shape: 'count',
    after: re('^ sáng kiến(?![\\p{L}])'),
    confidence: 0.8,
  },
  {
    id: 'exemplary_models.after',
    indicator: 'exemplary_models',
    shape: 'count',
    after: re('^ (?:gương điển hình|mô hình(?![\\s,]+(?:dự án|giảm nghèo|sinh kế|sản xuất|kinh tế|trồng|chăn nuôi|nuôi))|điển hình|gương)(?![\\p{L}])(?:[^;.]{0,25}?(?:tiêu biểu|tiên tiến))?(?:/điển hình)?'),
    series: (a) => modelSeries(a![0]),
    confidence: 0.85,
  },
  {
    id: 'social_support_beneficiaries.before',
    indicator: 'social_support_beneficiaries',
    shape: 'count',
    // No space is required before the figure: the source writes `xây dựng150`.
    before: re('(?:hỗ trợ|đỡ đầu|nhận nuôi|trao tặng|giúp đỡ|xây dựng|xây mới|sửa chữa|bàn giao)(?: xây dựng| sửa chữa)?(?: mới)?[\\s\\u00a0]*$'),
    after: re('^ ((?:trẻ (?:em )?mồ côi|trẻ em|em học sinh|học sinh|sinh viên|căn nhà|ngôi nhà|nhà|hộ|người|gia đình)(?![\\p{L}]))(?:[^;.]{0,60}?(?:khó khăn|kiên cố|hộ cận nghèo|nghèo))?'),
    series: (a) => beneficiary(a)[1],
    confidence: 0.85,
  },
  {
    // "trao 3.120 suất học bổng cho học sinh", "trao gần 140 ngàn suất quà": grants and gifts handed out, each one person's.
    id: 'social_support_beneficiaries.grants',
    indicator: 'social_support_beneficiaries',
    shape: 'count',
    before: re('(?<![\\p{L}])(?:trao|tặng|cấp|phát)(?: tặng)?(?:[^;]{0,80}?(?:,| và))?[\\s\\u00a0]*$'),
    after: re('^ suất (học bổng|quà)(?![\\p{L}])'),
    series: (a) => (/học/iu.test(a?.[1] ?? '') ? 'pupils' : 'other'),
    confidence: 0.8,
  },
  {
    id: 'social_support.before',
    indicator: 'social_support',
    shape: 'money',
    before: re('(?:số tiền|kinh phí|trị giá|tổng (?:số )?tiền|giá trị|quỹ[^;.\\d]{0,30}|ủng hộ|quyên góp)[^;.\\d]{0,30}$|(?<![\\p{L}])hỗ trợ (?:trên |hơn |gần |khoảng )?$'),
    min: 0,
    confidence: 0.85,
  },
  {
    // The sum in brackets after what it paid for: "xây dựng mới 59 nhà đại đoàn kết (2,3 tỷ đồng)", "tặng 6.486 suất quà (5 tỷ đồng)".
    id: 'social_support.bracket',
    indicator: 'social_support',
    shape: 'money',
    before: re('\\d (?:(?:căn |ngôi )?nhà|suất quà)[^();.\\d]{0,30}\\($'),
    series: (_a, b) => (/nhà/iu.test(b?.[0] ?? '') ? 'houses' : 'other'),
    min: 0,
    confidence: 0.8,
  },
  {
    // A headline: "Vận động hơn 74,5 tỷ đồng cho Quỹ “Vì người nghèo”", "Gần 10 tỷ đồng ủng hộ Quỹ vì người nghèo".
    id: 'social_support.fund',
    indicator: 'social_support',
    shape: 'money',
    after: re('^ (?:cho|ủng hộ|vào|đóng góp(?: cho| vào)?) (?:các )?quỹ'),
    min: 0,
    confidence: 0.8,
  },
  {
    // "vận động được gần 7,2 tỷ đồng Quỹ Vì người nghèo": the fund named right after the sum raised.
    id: 'social_support.raised',
    indicator: 'social_support',
    shape: 'money',
    before: re('(?:vận động|huy động|tiếp nhận|quyên góp)(?: được)?[^;.\\d]{0,20}$'),
    after: re('^ quỹ'),
    min: 0,
    confidence: 0.8,
  },
];

/**
 * Why a figure states no level, or `null`: the earlier end of a change (`từ 5,2% xuống còn 3,1%`) or
 * the change itself (`giảm 1,5%`, `tăng 9,1%`). Either would pass for a level next to a rate's words.
 */
export function notALevel(f: Figure, text: string): string | null {
  const before = text.slice(Math.max(0, f.start - 30), f.start);
  const after = text.slice(f.end, f.end + 40);
  if (/(?:^|[\s(])thêm[\s\u00a0]+$/iu.test(before)) return 'an addition, not a level ("thêm ...")';
  // "từ 10 đến 25%", "từ 2 - 3 triệu đồng": the ends of a range, a bound and not a level.
  if (/(?:^|[\s(])từ[\s\u00a0]+$/iu.test(before) && /^[\s\u00a0]*(?:đến|tới|-|–)[\s\u00a0]*\d/iu.test(after)) return 'the lower end of a range ("từ X đến Y")';
  if (/(?:^|[\s(])từ[\s\u00a0]+\d[\d.,]*[\s\u00a0]*%?[\s\u00a0]*(?:đến|tới|-|–)[\s\u00a0]*$/iu.test(before)) return 'the upper end of a range ("từ X đến Y")';
  // "Quyết định ... công nhận 25 xã đạt chuẩn nông thôn mới năm 2023": those one act recognised, not the total.
  if (/(?:^|[\s(])công[\s\u00a0]+nhận[\s\u00a0]+(?:thêm[\s\u00a0]+|mới[\s\u00a0]+)?$/iu.test(before)) return 'recognised by one act, an addition ("công nhận N ...")';
  // "436/411 xã": a part larger than its whole is a slip, not a figure to trust.
  if (f.denominator !== null && f.value !== null && f.value > f.denominator) return 'a part larger than its whole ("436/411")';
  // "từ 31,17% vào cuối năm 2018 xuống còn ...": a level of its own year; without a year, only the change's start.
  if (/(?:^|[\s(])từ[\s\u00a0]+$/iu.test(before) && /^[\s\u00a0]*(?:xuống|lên|giảm|tăng|còn)(?![\p{L}])/iu.test(after)) {
    return 'the earlier figure of a change ("từ ... xuống/lên ...")';
  }
  if (/(?:^|[\s(])(?:giảm|tăng)(?:[\s\u00a0]+(?:thêm|được|bình quân|trung bình))?[\s\u00a0]+$/iu.test(before)) return 'a change, not a level ("tăng/giảm ...")';
  if (/^[\s\u00a0]*(?:so với|so cùng kỳ)/iu.test(after) && /(?:tăng|giảm)/iu.test(before)) return 'a change, not a level ("... so với ...")';
  // "cao hơn 0,5% so với bình quân cả nước": the gap between two levels.
  if (text.slice(Math.max(0, f.start - 12), f.numStart).includes('hơn') && /(?:^|[\s(])(?:cao|thấp|nhiều|ít)[\s\u00a0]+hơn[\s\u00a0]+(?:khoảng[\s\u00a0]+|gần[\s\u00a0]+)?$/iu.test(text.slice(Math.max(0, f.start - 30), f.numStart))) return 'a gap between two levels ("cao hơn X ...")';
  // "bằng 85% so với năm 2021", "bằng 92% cùng kỳ": a ratio of two levels, not one.
  if (before.includes('bằng') && /(?:^|[\s(])bằng[\s\u00a0]+$/iu.test(before) && /^[\s\u00a0]*(?:so[\s\u00a0]+với|so|cùng[\s\u00a0]+kỳ|năm[\s\u00a0]+trước|kế[\s\u00a0]+hoạch)(?![\p{L}])/iu.test(after)) return 'a ratio to another level ("bằng X% so với ...")';
  if (/(?:tăng|giảm)[^;%]{0,30}\(?tương[\s\u00a0]+đương[\s\u00a0]+(?:với[\s\u00a0]+)?$/iu.test(before)) return 'a change, not a level ("tăng ... (tương đương ...)")';
  // "giảm gần 6,7 nghìn hộ nghèo, tương đương với 1,41%", "giảm 6,26%, tương đương với 11.710 hộ": the same change in other words.
  if (before.includes('tương') && /(?:^|[\s(])(?:tăng|giảm)(?:[\s\u00a0]+(?:thêm|được|gần|hơn|trên|khoảng|sâu))*[\s\u00a0]+\d[\d.,]*[^;:()\d]{0,40}\(?tương[\s\u00a0]+(?:đương|ứng)[\s\u00a0]+(?:với[\s\u00a0]+)?(?:gần|hơn|trên|khoảng)?[\s\u00a0]*$/iu.test(text.slice(Math.max(0, f.start - 90), f.start))) {
    return 'the same change restated ("giảm X, tương đương (với) Y")';
  }
  // "tương đương mức giảm 30,3%", "tăng trưởng gần 30,2 tỷ đồng", "vượt 333 hộ": the size of a change, not a level.
  if (/(?:mức[\s\u00a0]+(?:giảm|tăng)|tăng[\s\u00a0]+trưởng|(?<![\p{L}])vượt)(?:[\s\u00a0]+\p{Ll}+){0,3}[\s\u00a0]+$/iu.test(before)
    && !/(?:mức[\s\u00a0]+(?:giảm|tăng)|tăng[\s\u00a0]+trưởng|vượt)[\s\u00a0]+(?:còn|xuống|lên)(?![\p{L}])/iu.test(before)) return 'the size of a change, not a level ("mức giảm ...", "tăng trưởng ...", "vượt ...")';
  // "thu nhập dưới mức 3 triệu đồng": a bound places fall under, not anyone's level.
  if (/(?:^|[\s(])(?:dưới|trên)[\s\u00a0]+mức[\s\u00a0]+$/iu.test(before)) return 'a bound, not a level ("dưới/trên mức ...")';
  // "55,3 triệu đồng/KH 55-56 triệu đồng": the plan (kế hoạch) written after a result, not the result.
  if (/(?:^|[\s/(])KH[\s\u00a0:]*(?:\d[\d.,]*[\s\u00a0]*[-–][\s\u00a0]*)?$/u.test(before)) return 'the plan ("KH ..."), not a result';
  // "một trong 6 huyện đầu tiên": a rank among a group, not a count.
  if (/(?:^|[\s(])một[\s\u00a0]+trong[\s\u00a0]+(?:số[\s\u00a0]+)?$/iu.test(before)) return 'one of a group, not a count ("một trong ...")';
  // "(tăng 251 hộ so với đầu năm, chiếm tỷ lệ 0,08%)": everything in a bracket that opens on a change is the change.
  const open = /\(([^()]{0,80})$/u.exec(text.slice(Math.max(0, f.start - 80), f.start));
  // But "(giảm từ 42,61% cuối năm 2023 xuống còn 36,35% cuối năm 2024)" dates both ends: levels of their years.
  if (open && /^[\s\u00a0]*(?:tăng|giảm)(?![\p{L}])/iu.test(open[1]) && !fromTo(open[1], text.slice(f.start, f.end + 80))) return 'part of a change in brackets ("(tăng ..., chiếm ...)")';
  // "giảm tỷ lệ hộ nghèo năm 2022 là 0,47%": the rate of a reduction, not the rate itself.
  if (/(?:^|[\s(])(?:giảm|tăng)[\s\u00a0]+tỷ[\s\u00a0]+lệ[^;,.%\d]{0,40}(?:\d{4}[^;,.%\d]{0,10})?(?:là|được|đạt)[\s\u00a0]+$/iu.test(text.slice(Math.max(0, f.start - 90), f.start))) {
    return 'a reduction of a rate, not a level ("giảm tỷ lệ ... là ...")';
  }
  return null;
}

/** True for a bracket that runs "(giảm từ X ... xuống còn Y ...)": the figures are the two ends, each a level. */
function fromTo(openBefore: string, after: string): boolean {
  if (!/^[\s\u00a0]*(?:tăng|giảm)[\s\u00a0]+từ(?![\p{L}])/iu.test(openBefore)) return false;
  const inside = openBefore + (/^[^()]*/u.exec(after)?.[0] ?? '');
  return /(?:xuống|lên)(?:[\s\u00a0]+(?:còn|mức))?[\s\u00a0]+(?:gần|hơn|khoảng)?[\s\u00a0]*\d/iu.test(inside);
}

/** Words that make a clause a plan rather than a result: "Phấn đấu đến năm 2030 có 100 mô hình". */
// "Chương trình mục tiêu quốc gia" is a programme's name, not a target.
const TARGET = /(?<![\p{L}])(?:phấn đấu|mục tiêu(?![\s\u00a0]+quốc[\s\u00a0]+gia)|dự kiến|định hướng|tầm nhìn|kế hoạch (?:năm|đến)|sẽ|phải đạt)(?![\p{L}])/iu;

/**
 * True when the sentence before a figure set out a target whose list runs on past a ";" ("đặt mục tiêu
 * đến năm 2025, ...; có 42 xã ...", "chỉ tiêu ... đề ra là có 74 xã; 35 xã ...") and nothing since
 * says a result was reached.
 */
export function isTargetSentence(sentenceBefore: string): boolean {
  const m = /(?:đặt[\s\u00a0]+(?:ra[\s\u00a0]+)?mục[\s\u00a0]+tiêu|(?:mục|chỉ)[\s\u00a0]+tiêu[^;.]{0,120}?đề[\s\u00a0]+ra[\s\u00a0]+là)(?![\s\u00a0]+quốc[\s\u00a0]+gia)/iu.exec(sentenceBefore);
  if (!m) return false;
  return !/(?<![\p{L}])(?:đã|đến nay|hiện nay|kết quả|đạt được)(?![\p{L}])/iu.test(sentenceBefore.slice(m.index + m[0].length));
}

/**
 * True when the paragraph before a figure announces a list of targets ("đã đề ra mục tiêu cụ thể là:",
 * "mục tiêu phấn đấu của tỉnh là ..."), so the figures after it are plans.
 */
export function isTargetLead(paragraphBefore: string): boolean {
  if (!paragraphBefore.includes('tiêu')) return false;
  // "mục tiêu cụ thể là: Giảm ... Thu nhập ... đạt 24,4 triệu": a list of targets runs on past its sentence.
  const list = /(?:mục[\s\u00a0]+tiêu|chỉ[\s\u00a0]+tiêu)[\s\u00a0]+(?:cụ[\s\u00a0]+thể|phấn[\s\u00a0]+đấu|chủ[\s\u00a0]+yếu)[^.:;]{0,20}:[\s\S]*$/iu.test(paragraphBefore);
  return (list || /(?:mục[\s\u00a0]+tiêu(?![\s\u00a0]+quốc[\s\u00a0]+gia)|chỉ[\s\u00a0]+tiêu)[^.:;]{0,40}(?::|là[\s\u00a0])[^.]*$/iu.test(paragraphBefore)) && !/(?:kết[\s\u00a0]+quả|đạt[\s\u00a0]+được|vượt)[^.]*$/iu.test(paragraphBefore.slice(-80));
}

/** True when the clause before a figure states a plan or target, not a result. */
export function isTarget(clauseBefore: string): boolean {
  return TARGET.test(clauseBefore);
}

/**
 * The words around a figure that rules read, cut from the text once per figure (not once per rule):
 * the clause before it (at most 400 characters back, so a text without stops stays linear), what
 * follows it, and its sentence, cut only when a rule asks.
 */
export class FigureContext {
  readonly beforeStart: number;
  readonly before: string;
  readonly after: string;
  #sentence: string | null = null;
  constructor(readonly f: Figure, readonly text: string, clauseStart: number, private readonly sentenceSpan: { start: number; end: number }, private readonly paragraphStart: number) {
    this.beforeStart = Math.max(clauseStart, f.start - 400);
    this.before = text.slice(this.beforeStart, f.start);
    this.after = text.slice(f.end, f.end + 160);
  }
  #lead: string | null = null;
  /** The paragraph before the figure, at most 600 characters back. */
  get lead(): string {
    this.#lead ??= this.text.slice(Math.max(this.paragraphStart, this.f.start - 600), this.f.start);
    return this.#lead;
  }
  get sentence(): string {
    this.#sentence ??= this.text.slice(Math.max(this.sentenceSpan.start, this.f.start - 1000), Math.min(this.sentenceSpan.end, this.f.end + 1000));
    return this.#sentence;
  }
}

/** Tries `rule` on the figure of `ctx`. */
export function tryRule(rule: Rule, ctx: FigureContext): RuleMatch | null {
  const f = ctx.f;
  const shape = shapeOf(f);
  if (!shape || !accepts(rule.shape, shape)) return null;
  if (rule.min !== undefined && (f.value === null || f.value <= rule.min)) return null;
  let a: RegExpExecArray | null = null;
  let b: RegExpExecArray | null = null;
  if (rule.after) {
    a = rule.after.exec(ctx.after);
    if (!a) return null;
  }
  let beforeStart = ctx.beforeStart;
  if (rule.before) {
    b = rule.before.exec(ctx.before);
    if (!b) return null;
    beforeStart = ctx.beforeStart + b.index;
  }
  if (rule.sentence && !rule.sentence.test(ctx.sentence)) return null;
  if (rule.notSentence && rule.notSentence.test(ctx.sentence)) return null;
  if (rule.lead && (!rule.lead.test(ctx.lead) || (rule.notLead && rule.notLead.test(ctx.lead)))) return null;
  const series = typeof rule.series === 'function' ? rule.series(a, b) : rule.series ?? null;
  const unit = typeof rule.unit === 'function' ? rule.unit(a, b) : rule.unit ?? null;
  // A cue that reaches over another figure ("giám sát 5 tổ chức Đảng, 14 cá nhân") quotes from the figure.
  const reachesOver = b !== null && /\d/.test(ctx.before.slice(b.index));
  return {
    series,
    unit,
    cueStart: b && !reachesOver ? beforeStart : f.start,
    cueEnd: a ? f.end + a[0].length : f.end,
  };
}
