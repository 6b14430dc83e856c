/**
 * The indicator catalogue: what each figure means, its unit, which way is better, and where its
 * methodology changed so that figures either side must not be joined by a line.
 */
import { fail } from '../errors.js';
import { closeIds } from './regions.js';
import { flatten, foldDiacritics } from './text.js';
import type { Indicator, LocalText, MethodologyBreak } from './types.js';
import { isUnit } from './units.js';

const t = (vi: string, en: string): LocalText => ({ vi, en });

/** Poverty standards: 2006-2010, 2011-2015, multidimensional 2016-2020, multidimensional 2021-2025. */
const POVERTY_BREAKS: MethodologyBreak[] = [
  { after: 2010, label: t('Chuẩn nghèo giai đoạn 2011-2015', 'Poverty standard for 2011-2015') },
  { after: 2015, label: t('Chuẩn nghèo đa chiều giai đoạn 2016-2020', 'Multidimensional poverty standard for 2016-2020') },
  { after: 2020, label: t('Chuẩn nghèo đa chiều giai đoạn 2021-2025', 'Multidimensional poverty standard for 2021-2025') },
];
const POVERTY_NOTE = t(
  'Chuẩn nghèo thay đổi qua các giai đoạn 2006-2010, 2011-2015, 2016-2020 (đa chiều) và 2021-2025 (đa chiều): số liệu thuộc hai chuẩn khác nhau không so sánh được.',
  'The poverty standard changed for 2006-2010, 2011-2015, 2016-2020 (multidimensional) and 2021-2025 (multidimensional): figures under different standards are not comparable.',
);
/** A figure whose method (poverty standard) the source does not state: never compared, never labelled. */
export const UNKNOWN_SERIES = 'unknown';
/** Poverty standards as series ids: each poverty figure carries the one it was measured under. */
const POVERTY_STANDARDS = {
  '2006-2010': t('Chuẩn nghèo giai đoạn 2006-2010', 'Poverty standard for 2006-2010'),
  '2011-2015': POVERTY_BREAKS[0].label,
  '2016-2020': POVERTY_BREAKS[1].label,
  '2021-2025': POVERTY_BREAKS[2].label,
  [UNKNOWN_SERIES]: t('Chuẩn nghèo không rõ', 'Poverty standard not stated'),
};

/** New-rural standard levels; advanced and model communes are counted among those meeting the standard. */
const NEW_RURAL_TIERS = [
  { id: 'standard', label: t('Đạt chuẩn nông thôn mới', 'Meets the new-rural standard') },
  { id: 'advanced', label: t('Đạt chuẩn nông thôn mới nâng cao', 'Meets the advanced new-rural standard') },
  { id: 'model', label: t('Đạt chuẩn nông thôn mới kiểu mẫu', 'Meets the model new-rural standard') },
];
/** Observations carry the tier in `series` (they have no tier field). */
const NEW_RURAL_SERIES = Object.fromEntries(NEW_RURAL_TIERS.map((tier) => [tier.id, tier.label]));
const NEW_RURAL_BREAKS: MethodologyBreak[] = [
  { after: 2020, label: t('Bộ tiêu chí quốc gia giai đoạn 2021-2025', 'National criteria for 2021-2025') },
];

const SUPPORT_SERIES = {
  orphans: t('Hỗ trợ trẻ mồ côi', 'Support for orphans'),
  pupils: t('Đỡ đầu học sinh khó khăn', 'Sponsoring pupils in hardship'),
  houses: t('Xây nhà cho người có công, hộ nghèo, cận nghèo', 'Houses for people with merit, poor and near-poor households'),
  study_fund: t('Quỹ khuyến học', 'Study promotion fund'),
  other: t('Khác', 'Other'),
};

const INDICATORS: Indicator[] = [
  {
    id: 'poverty_rate',
    formula: t('Số hộ nghèo / tổng số hộ dân cư × 100', 'Poor households / all households × 100'),
    label: t('Tỷ lệ hộ nghèo', 'Poverty rate'),
    unit: '%', lowerIsBetter: true, kind: 'rate', breaks: POVERTY_BREAKS, series: POVERTY_STANDARDS, seriesIsMethod: true,
    description: t('Tỷ lệ hộ nghèo theo chuẩn nghèo hiện hành của từng giai đoạn. ' + POVERTY_NOTE.vi, 'Share of poor households under the poverty standard of the period. ' + POVERTY_NOTE.en),
  },
  {
    id: 'near_poor_rate',
    formula: t('Số hộ cận nghèo / tổng số hộ dân cư × 100', 'Near-poor households / all households × 100'),
    label: t('Tỷ lệ hộ cận nghèo', 'Near-poverty rate'),
    unit: '%', lowerIsBetter: true, kind: 'rate', breaks: POVERTY_BREAKS, series: POVERTY_STANDARDS, seriesIsMethod: true,
    description: t('Tỷ lệ hộ cận nghèo. ' + POVERTY_NOTE.vi, 'Share of near-poor households. ' + POVERTY_NOTE.en),
  },
  {
    id: 'poor_near_poor_rate',
    formula: t('(Số hộ nghèo + số hộ cận nghèo) / tổng số hộ dân cư × 100', '(Poor + near-poor households) / all households × 100'),
    label: t('Tỷ lệ hộ nghèo và cận nghèo', 'Poor and near-poor households'),
    unit: '%', lowerIsBetter: true, kind: 'rate', breaks: POVERTY_BREAKS, series: POVERTY_STANDARDS, seriesIsMethod: true,
    description: t('Tổng tỷ lệ hộ nghèo và hộ cận nghèo. ' + POVERTY_NOTE.vi, 'Poverty rate plus near-poverty rate. ' + POVERTY_NOTE.en),
  },
  {
    id: 'poor_households',
    label: t('Số hộ nghèo', 'Poor households'),
    unit: 'hộ', lowerIsBetter: true, kind: 'count', breaks: POVERTY_BREAKS,
    series: { poor: t('Hộ nghèo', 'Poor'), near_poor: t('Hộ cận nghèo', 'Near-poor'), poor_near_poor: t('Hộ nghèo và cận nghèo', 'Poor and near-poor') },
  },
  {
    id: 'income_per_capita',
    formula: t('Tổng thu nhập của hộ / tổng số nhân khẩu của hộ / 12 tháng', 'Total household income / household members / 12 months'),
    label: t('Thu nhập bình quân đầu người', 'Income per capita'),
    unit: 'nghìn đồng/người/tháng', lowerIsBetter: false, kind: 'amount', breaks: [],
    altUnits: ['triệu đồng/người/tháng', 'triệu đồng/người/năm', 'nghìn đồng/người/năm', 'đồng/người/tháng'],
    series: {
      total: t('Tổng thu nhập', 'Total'),
      salary_wage: t('Tiền lương, tiền công', 'Salary & wage'),
      agriculture: t('Nông, lâm nghiệp và thủy sản', 'Agriculture, forestry & fishery'),
      non_agriculture: t('Phi nông, lâm nghiệp và thủy sản', 'Non-agriculture, forestry & fishery'),
      other: t('Thu khác', 'Others'),
      urban: t('Thành thị', 'Urban'),
      rural: t('Nông thôn', 'Rural'),
    },
    seriesAliases: { chung: 'total', 'tong so': 'total', tong: 'total', others: 'other', khac: 'other', 'thu khac': 'other' },
    description: t(
      'Thu nhập bình quân một người một tháng theo giá hiện hành (Khảo sát mức sống dân cư). Báo cáo địa phương thường ghi theo năm (triệu đồng/người/năm): quy đổi bằng convertUnit.',
      'Monthly average income per capita at current prices (Household Living Standards Survey). Local reports often give it per year (million VND per person per year): convert with convertUnit.',
    ),
  },
  {
    id: 'population',
    label: t('Dân số trung bình', 'Average population'),
    unit: 'nghìn người', lowerIsBetter: null, kind: 'count', breaks: [],
    series: { total: t('Tổng số', 'Total'), male: t('Nam', 'Male'), female: t('Nữ', 'Female'), urban: t('Thành thị', 'Urban'), rural: t('Nông thôn', 'Rural') },
    description: t(
      'Dân số trung bình của năm (nghìn người), theo tỉnh. Là quyền số khi gộp tỷ lệ của 63 tỉnh cũ thành 34 đơn vị mới: reaggregate với weight { indicator: "population", series: "total" }.',
      'Average population of the year (thousand people), by province. The weight for merging the rates of the 63 old provinces into the 34 new units: reaggregate with weight { indicator: "population", series: "total" }.',
    ),
  },
  {
    id: 'admin_units',
    label: t('Số đơn vị hành chính', 'Administrative units'),
    unit: 'đơn vị', lowerIsBetter: null, kind: 'count', breaks: [],
    series: {
      cities_under_province: t('Thành phố thuộc tỉnh', 'Cities under provinces'),
      urban_districts: t('Quận', 'Urban districts'),
      towns: t('Thị xã', 'Towns'),
      rural_districts: t('Huyện', 'Rural districts'),
      wards: t('Phường', 'Wards'),
      town_districts: t('Thị trấn', 'Town districts'),
      communes: t('Xã', 'Communes'),
    },
    seriesAliases: { 'cities under provinces': 'cities_under_province' },
    description: t('Số đơn vị hành chính tại ngày 31 tháng 12, theo loại; số xã là mẫu số của tỷ lệ xã đạt chuẩn nông thôn mới.', 'Number of administrative units as of 31 December, by type; communes are the denominator of the new-rural share.'),
  },
  {
    id: 'new_rural_communes',
    label: t('Số xã đạt chuẩn nông thôn mới', 'Communes meeting the new-rural standard'),
    unit: 'xã', lowerIsBetter: false, kind: 'count', breaks: NEW_RURAL_BREAKS, tiers: NEW_RURAL_TIERS, series: NEW_RURAL_SERIES,
    description: t('Số xã được công nhận đạt chuẩn nông thôn mới; xã nâng cao và kiểu mẫu nằm trong số xã đạt chuẩn (cột series ghi mức: standard, advanced, model).', 'Communes recognised as meeting the new-rural standard; advanced and model communes are among them (the series column holds the tier: standard, advanced, model).'),
  },
  {
    id: 'new_rural_share',
    formula: t('Số xã đạt chuẩn nông thôn mới / tổng số xã × 100 (mẫu số: số xã trong admin_units)', 'Communes meeting the standard / all communes × 100 (denominator: communes in admin_units)'),
    label: t('Tỷ lệ xã đạt chuẩn nông thôn mới', 'Share of communes meeting the new-rural standard'),
    unit: '%', lowerIsBetter: false, kind: 'rate', breaks: NEW_RURAL_BREAKS, tiers: NEW_RURAL_TIERS, series: NEW_RURAL_SERIES,
    description: t('Số xã đạt chuẩn chia cho tổng số xã.', 'Communes meeting the standard divided by all communes.'),
  },
  {
    id: 'new_rural_criteria_avg',
    label: t('Số tiêu chí nông thôn mới bình quân mỗi xã', 'New-rural criteria met per commune (average)'),
    unit: 'tiêu chí/xã', lowerIsBetter: false, kind: 'rate', breaks: NEW_RURAL_BREAKS,
  },
  {
    id: 'new_rural_districts',
    label: t('Số huyện đạt chuẩn, hoàn thành nhiệm vụ xây dựng nông thôn mới', 'Districts meeting the new-rural standard'),
    unit: 'huyện', lowerIsBetter: false, kind: 'count', breaks: NEW_RURAL_BREAKS,
  },
  {
    id: 'new_rural_provinces',
    label: t('Số tỉnh hoàn thành xây dựng nông thôn mới', 'Provinces completing the new-rural programme'),
    unit: 'tỉnh', lowerIsBetter: false, kind: 'count', breaks: NEW_RURAL_BREAKS,
    series: {
      all_communes: t('Có 100% số xã đạt chuẩn', 'All communes meet the standard'),
      completed: t('Được công nhận hoàn thành nhiệm vụ', 'Recognised as having completed the programme'),
    },
  },
  {
    id: 'civilized_urban_criteria',
    label: t('Số tiêu chí đô thị văn minh đạt được', 'Civilised-urban criteria met'),
    unit: 'tiêu chí', lowerIsBetter: false, kind: 'fraction', breaks: [],
    description: t('Số tiêu chí đạt trên tổng số tiêu chí đô thị văn minh, ví dụ 8/9 tiêu chí.', 'Criteria met out of all civilised-urban criteria, e.g. 8 of 9.'),
  },
  {
    id: 'study_participation',
    label: t('Tỷ lệ đảng viên tham gia học tập', 'Party members taking part in study'),
    unit: '%', lowerIsBetter: false, kind: 'rate', breaks: [],
    description: t('Tỷ lệ đảng viên tham gia học tập, quán triệt chuyên đề về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.', 'Share of party members taking part in studying the annual theme on following Ho Chi Minh’s ideology, ethics and style.'),
  },
  {
    id: 'party_org_registration',
    label: t('Tổ chức cơ sở đảng đăng ký thực hiện', 'Grassroots party organisations registered'),
    unit: 'tổ chức', lowerIsBetter: false, kind: 'fraction', breaks: [],
    description: t('Số tổ chức cơ sở đảng đăng ký mô hình, điển hình làm theo Bác trên tổng số, ví dụ 30/31 tổ chức.', 'Grassroots party organisations registering models and exemplars, out of all, e.g. 30 of 31.'),
  },
  {
    id: 'exemplary_models',
    label: t('Mô hình, gương điển hình', 'Models and exemplars'),
    unit: 'mô hình', lowerIsBetter: false, kind: 'count', breaks: [],
    series: {
      model: t('Mô hình', 'Models'),
      exemplar: t('Gương điển hình', 'Exemplars'),
      total: t('Mô hình và gương điển hình', 'Models and exemplars'),
    },
    seriesUnits: { model: 'mô hình', exemplar: 'gương', total: 'mô hình' },
    seriesAliases: { 'mo hinh': 'model', 'guong dien hinh': 'exemplar', 'dien hinh': 'exemplar', 'mo hinh dien hinh': 'total' },
    description: t('Mô hình tập thể và gương điển hình cá nhân trong học tập và làm theo Bác được đăng ký, biểu dương hoặc khen thưởng.', 'Collective models and individual exemplars of following Ho Chi Minh, registered, praised or rewarded.'),
  },
  {
    id: 'commendations',
    label: t('Tập thể, cá nhân được khen thưởng', 'Commendations'),
    unit: 'tập thể', lowerIsBetter: false, kind: 'count', breaks: [],
    series: { collective: t('Tập thể', 'Collectives'), individual: t('Cá nhân', 'Individuals') },
    seriesUnits: { collective: 'tập thể', individual: 'cá nhân' },
    seriesAliases: { 'tap the': 'collective', 'ca nhan': 'individual' },
    description: t('Tập thể và cá nhân được biểu dương, khen thưởng, tặng bằng khen hoặc thư khen.', 'Collectives and individuals praised, rewarded, given certificates or letters of merit.'),
  },
  {
    id: 'self_review_sessions',
    label: t('Tỷ lệ chi bộ sinh hoạt chuyên đề “Tự soi, tự sửa”', 'Party cells holding self-review sessions'),
    unit: '%', lowerIsBetter: false, kind: 'rate', breaks: [],
  },
  {
    id: 'inspections',
    label: t('Kiểm tra, giám sát', 'Inspection and supervision'),
    unit: 'đợt', lowerIsBetter: null, kind: 'count', breaks: [],
    series: {
      rounds: t('Đợt kiểm tra, giám sát', 'Rounds of inspection and supervision'),
      organisations: t('Tổ chức đảng được giám sát', 'Party organisations supervised'),
      heads: t('Người đứng đầu được giám sát', 'Heads supervised'),
    },
    seriesUnits: { rounds: 'đợt', organisations: 'tổ chức', heads: 'cá nhân' },
  },
  {
    id: 'social_support',
    label: t('Kinh phí hỗ trợ an sinh xã hội', 'Money raised for social support'),
    unit: 'triệu đồng', lowerIsBetter: false, kind: 'amount', breaks: [],
    altUnits: ['tỷ đồng', 'nghìn đồng', 'đồng'],
    series: SUPPORT_SERIES,
    description: t('Số tiền vận động, cam kết hoặc chi cho một mục đích cụ thể (trẻ mồ côi, học sinh, nhà ở, quỹ khuyến học).', 'Money raised, pledged or spent for a named purpose (orphans, pupils, housing, study fund).'),
  },
  {
    id: 'social_support_beneficiaries',
    label: t('Người, hộ được hỗ trợ', 'Beneficiaries of social support'),
    unit: 'người', lowerIsBetter: false, kind: 'count', breaks: [],
    series: SUPPORT_SERIES,
    seriesUnits: { orphans: 'người', pupils: 'người', houses: 'căn nhà', study_fund: 'người', other: 'người' },
  },
  {
    id: 'initiatives',
    label: t('Sáng kiến được ghi nhận, áp dụng', 'Initiatives recognised and applied'),
    unit: 'sáng kiến', lowerIsBetter: false, kind: 'count', breaks: [],
  },
  {
    id: 'follow_commitments',
    label: t('Việc làm theo Bác đăng ký thực hiện', 'Commitments to follow Ho Chi Minh’s example'),
    unit: 'việc', lowerIsBetter: false, kind: 'count', breaks: [],
  },
];

const byId = new Map<string, Indicator>();
for (const ind of INDICATORS) {
  if (byId.has(ind.id)) throw new Error(`duplicate indicator ${ind.id}`);
  for (const u of [ind.unit, ...(ind.altUnits ?? []), ...Object.values(ind.seriesUnits ?? {})]) {
    if (!isUnit(u)) throw new Error(`indicator ${ind.id}: unknown unit ${u}`);
  }
  byId.set(ind.id, deepFreeze(ind));
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** Indicators users defined (src/registry/catalogue.ts), after the built-in ones. */
const userById = new Map<string, Indicator>();

/**
 * Adds a user's indicators to the catalogue (the open catalogue). A built-in id, or a user id defined
 * before with other facts, is refused (`REGISTRY_INDICATOR_DEFINED`); the same definition again is a no-op.
 */
export function addIndicators(defs: readonly Indicator[], file?: string): void {
  for (const d of defs) {
    const known = byId.get(d.id) ?? userById.get(d.id);
    if (known && (byId.has(d.id) || JSON.stringify(known) !== JSON.stringify(d))) {
      fail('REGISTRY_INDICATOR_DEFINED', { value: d.id, builtin: byId.has(d.id) ? 1 : 0 }, file ? { file } : undefined);
    }
  }
  for (const d of defs) if (!userById.has(d.id)) userById.set(d.id, deepFreeze(structuredClone(d)));
}

/** The indicators added from users' catalogues so far, in the order added: what loading a file can depend on beyond the built-in catalogue. */
export function userIndicators(): readonly Indicator[] {
  return [...userById.values()];
}

/** The indicator with this id; throws `REGISTRY_UNKNOWN_INDICATOR` (listing close ids) when there is none. */
export function getIndicator(id: string): Indicator {
  const ind = byId.get(id) ?? userById.get(id);
  if (ind) return ind;
  return fail('REGISTRY_UNKNOWN_INDICATOR', { value: String(id), close: closeIds(String(id), [...byId.keys(), ...userById.keys()]).join(', ') });
}

/** `true` when the catalogue (built-in or a user's) has this id. */
export function isIndicatorId(id: unknown): id is string {
  return typeof id === 'string' && (byId.has(id) || userById.has(id));
}

/** Whether an indicator's series is the method its figures were measured by (the poverty standard), not a sub-series. */
export function seriesIsMethod(id: string): boolean {
  return isIndicatorId(id) && getIndicator(id).seriesIsMethod === true;
}

/** Every indicator, in catalogue order, users' last. */
export function listIndicators(): Indicator[] {
  return [...byId.values(), ...userById.values()];
}

/** The unit a series of an indicator is counted in (`commendations`, `individual` -> `cá nhân`). */
export function unitFor(indicatorId: string, series?: string | null): string {
  const ind = getIndicator(indicatorId);
  return (series && ind.seriesUnits?.[series]) || ind.unit;
}

function seriesKey(text: string): string {
  return foldDiacritics(flatten(text.replace(/&/g, ' ')));
}

/**
 * The series id a source's label stands for: the id itself, its Vietnamese or English label, or a
 * known spelling (`'Salary & wage'` -> `'salary_wage'`, `'Tập thể'` -> `'collective'`, `'kiểu mẫu'` -> `'model'`);
 * `undefined` otherwise.
 */
export function matchSeries(indicatorId: string, text: string): string | undefined {
  const ind = getIndicator(indicatorId);
  const series = ind.series ?? {};
  if (Object.hasOwn(series, text)) return text;
  const key = seriesKey(text);
  const hits = new Set<string>();
  for (const [id, label] of Object.entries(series)) {
    if (seriesKey(id.replace(/_/g, ' ')) === key || seriesKey(label.vi) === key || seriesKey(label.en) === key) hits.add(id);
  }
  for (const [alias, id] of Object.entries(ind.seriesAliases ?? {})) if (seriesKey(alias) === key) hits.add(id);
  if (hits.size === 0 && ind.tiers) {
    const tier = matchTier(indicatorId, text);
    if (tier && Object.hasOwn(series, tier)) hits.add(tier);
  }
  return hits.size === 1 ? [...hits][0] : undefined;
}

/** The tier id a label stands for (`'kiểu mẫu'`, `'model'`, `'nâng cao'`), or `undefined`. */
export function matchTier(indicatorId: string, text: string): string | undefined {
  const ind = getIndicator(indicatorId);
  const key = seriesKey(text);
  const words: Record<string, string[]> = { standard: ['dat chuan', 'standard'], advanced: ['nang cao', 'advanced'], model: ['kieu mau', 'model'] };
  const hits = (ind.tiers ?? []).filter((tier) => tier.id === text || seriesKey(tier.label.vi) === key || seriesKey(tier.label.en) === key || (words[tier.id] ?? []).includes(key));
  return hits.length === 1 ? hits[0].id : undefined;
}
