/**
 * From report text to observations: find the figures, decide which indicator each one states from
 * the words around it, and give it the region and period its context names, with the phrase and
 * offsets it was read from.
 */
import { bisectLeft } from 'd3-array';
import '../messages/data.js';
import '../messages/extract.js';
import { diagnostic, fail, type Diagnostic } from '../errors.js';
import { isIndicatorId, normalizeUnit, requireRegion, seriesIsMethod, unitFor, UNKNOWN_SERIES } from '../registry/index.js';
import { iterateFigures, type Figure } from './figures.js';
import { periodContext, resolvePeriod, type ResolvedPeriod } from './periods.js';
import { listMates, regionContext, resolveRegion, respectivePlace, subjectPlace, UNNAMED_DISTRICT_BODY, type RegionMention } from './regions.js';

const UNNAMED_DISTRICT_BODY_ALL = new RegExp(UNNAMED_DISTRICT_BODY.source, UNNAMED_DISTRICT_BODY.flags + 'g');
import { clauseAt, inFurniture, isReportFormat, lastStartingAtOrBefore, paragraphAt, readReport, sentenceAt, type Report } from './report.js';
import { readPoverty } from './poverty.js';
import { FigureContext, RULES, isTarget, isTargetLead, isTargetSentence, moneyPurpose, notALevel, shapeOf, tryRule, type Rule } from './rules.js';
import type { Extraction, ExtractedObservation, ExtractOptions, SkippedFigure } from './types.js';

const PERIOD = /^(?:\d{4}|\d{4}-\d{4}|\d{4}-\d{2}-\d{2})$/;

type CheckedOptions = Required<Omit<ExtractOptions, 'region' | 'period'>> & Pick<ExtractOptions, 'region' | 'period'>;

/** Checks options at the door; the work below trusts them. */
function normalizeOptions(options: ExtractOptions): CheckedOptions {
  const { file = '<input>', format = 'auto', region, period, minConfidence = 0, unquantified = false } = options;
  if (!isReportFormat(format)) fail('EXTRACT_BAD_FORMAT', { value: String(format), allowed: 'auto, text, html' }, { file });
  if (region !== undefined) requireRegion(region);
  if (period !== undefined && !PERIOD.test(period)) fail('EXTRACT_BAD_PERIOD', { value: period }, { file });
  if (typeof minConfidence !== 'number' || !(minConfidence >= 0 && minConfidence <= 1)) {
    fail('EXTRACT_BAD_CONFIDENCE', { value: String(minConfidence) }, { file });
  }
  return { file, format, region, period, minConfidence, unquantified };
}

/** The observations of a report, without the rest of {@link extractReport}'s answer. */
export function extractObservations(input: string, options: ExtractOptions = {}): ExtractedObservation[] {
  return extractReport(input, options).observations;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Reads a report (plain text, or HTML with its markup stripped and never run) and returns every
 * figure it recognises as an indicator's observation, with provenance, confidence and reason; plus
 * what it decided about the report and what it passed over.
 */
export function extractReport(input: string, options: ExtractOptions = {}): Extraction {
  const opts = normalizeOptions(options);
  const report = readReport(input, opts.format);
  return extractFrom(report, opts);
}

function extractFrom(report: Report, { file, region: regionOverride, period: periodOverride, minConfidence, unquantified: keepUnquantified }: CheckedOptions): Extraction {
  const text = report.text;
  const regions = regionContext(report, regionOverride);
  const periods = periodContext(report, periodOverride);
  const observations: ExtractedObservation[] = [];
  const skipped: SkippedFigure[] = [];
  const warnings: Diagnostic[] = [];
  const targetWords = targetWordsOf(text);
  const subject = subjectPlace(report, regions);
  // Where the report speaks for an unnamed district ("Ủy ban MTTQ Việt Nam huyện, ..."): found once, in order.
  const reviewed = /rà[\s\u00a0]+soát/iu.test(text);
  const provinceReport = regions.region?.level === 'province' || regions.region?.level === 'province2025';
  const unnamedBodies = provinceReport ? [...text.matchAll(UNNAMED_DISTRICT_BODY_ALL)].map((m) => m.index) : [];
  // "toàn xã còn 25 hộ nghèo", "Xã có 85 hộ nghèo": a commune the report does not name, in any report above it.
  const unnamedCommunes = regions.region?.level === 'commune' ? [] : [...text.matchAll(UNNAMED_COMMUNE)].map((m) => m.index);

  for (const f of iterateFigures(text)) {
    if (inFurniture(report, f.numStart)) {
      if (f.role === 'figure') skipped.push({ start: f.start, end: f.end, text: f.text, why: 'page furniture' });
      continue;
    }
    if (f.role === 'unreadable') {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: f.warnings.map((w) => w.code).join(', ') || 'unreadable' });
      continue;
    }
    const vague = f.role === 'vague' && f.parsed?.unquantified === true;
    if (vague && !keepUnquantified) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: `unquantified ("${f.text}"): no figure stated` });
      continue;
    }
    if (f.role !== 'figure' && !vague) continue;
    const change = notALevel(f, text);
    if (change) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: change });
      continue;
    }
    const clause = clauseAt(text, f.start);
    // "2 huyện đang hoàn thiện hồ sơ đề nghị công nhận", "5 xã chưa đạt chuẩn": not reached, not a level.
    if (PENDING.test(text.slice(f.end, Math.min(clause.end, f.end + 40))) || PENDING.test(withoutBrackets(text.slice(f.end, Math.min(clause.end, f.end + 120))).slice(0, 40))) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'not reached yet ("đang ...", "chưa ...")' });
      continue;
    }
    // "2 huyện được công nhận đạt chuẩn, nâng tổng số lên 5 huyện": the first figure is what was added.
    if (RAISES_TOTAL.test(text.slice(f.end, Math.min(sentenceAt(text, f.start).end, f.end + 200))) && !RAISES_TOTAL.test(text.slice(Math.max(clause.start, f.start - 300), f.start))) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'an addition: the total follows ("..., nâng tổng số lên ...")' });
      continue;
    }
    // "Một số địa phương giảm sâu số hộ nghèo là: Hiệp Hòa (gần 1,2 nghìn hộ); Lục Ngạn (...)": each item is the change the lead names.
    const lead = text.slice(Math.max(sentenceAt(text, f.start).start, f.start - 400), f.start);
    const colon = lead.lastIndexOf(':');
    if (colon >= 0 && CHANGE_LIST.test(lead.slice(Math.max(0, colon - 100)))) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'an item of a list of changes ("giảm ... là: A (...); B (...)")' });
      continue;
    }
    if (isTarget(text.slice(Math.max(clause.start, f.start - 400), f.start)) || isTargetSentence(text.slice(Math.max(sentenceAt(text, f.start).start, f.start - 600), f.start)) || targetLead(text, f.start, targetWords) || PLAN_BRACKET.test(text.slice(Math.max(0, f.start - 80), f.start)) || targetBracket(text, sentenceAt(text, f.start).start, f.start)) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'a target or plan, not a result' });
      continue;
    }
    const sentence = sentenceAt(text, f.start);
    let hit: { rule: Pick<Rule, 'id' | 'indicator' | 'confidence'>; m: NonNullable<ReturnType<typeof tryRule>> } | null = null;
    const poverty = readPoverty(f, text, sentence.start, clause.start);
    if (poverty) {
      hit = { rule: poverty, m: { series: poverty.series, unit: null, cueStart: poverty.cueStart, cueEnd: poverty.cueEnd } };
    }
    const around = hit ? null : new FigureContext(f, text, clause.start, sentence, paragraphAt(text, f.start).start);
    for (const rule of around ? RULES : []) {
      const m = tryRule(rule, around!);
      if (m) {
        hit = { rule, m };
        break;
      }
    }
    if (!hit) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'no indicator wording' });
      continue;
    }
    const { rule, m } = hit;
    const other = otherRateInClause(rule.indicator, text.slice(Math.max(clause.start, f.start - 400), f.start), text.slice(f.end, Math.min(clause.end, f.end + 30)));
    if (other) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: other });
      continue;
    }
    if (FLOW.has(rule.indicator) && CUMULATIVE.test(text.slice(Math.max(sentenceAt(text, f.start).start, f.start - 600), f.start))) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'a total over many years ("lũy kế", "từ năm ... đến nay"), not one period\'s' });
      continue;
    }
    const start = Math.min(m.cueStart, f.start);
    const end = Math.max(m.cueEnd, f.end);
    const span = { start, end };
    let region = resolveRegion({ start: f.start, end: f.end }, report, regions);
    if (!region.near && subject && subject.start < f.start && !PROVINCE_BEFORE.test(text.slice(Math.max(clause.start, f.start - 300), f.start))) region = { region: subject.id, how: subject.how, near: false, unknownPlace: subject.unknownPlace };
    else if (!region.near && ((unnamedBodies.length && speaksForUnnamed(unnamedBodies, paragraphAt(text, f.start).start, f.start)) || (unnamedCommunes.length && inClauseBefore(unnamedCommunes, clause.start, f.start)))) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'a district or commune the report does not name ("Ủy ban MTTQ huyện, ...", "toàn xã"): region unclear' });
      continue;
    }
    // "Xã Bảo Hiệu là xã vùng 135 ... tỷ lệ hộ nghèo năm 2022 là 16,99%": a paragraph about a commune, its district unsaid.
    if (!region.near && provinceReport && startsOnCommune(text, paragraphAt(text, f.start).start, f.start)) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'a paragraph about a commune, its district not named: region unclear' });
      continue;
    }
    if (region.near && !region.outside) {
      const respective = respectivePlace({ start: f.start, end: f.end }, report, regions);
      if (respective === 'unclear') {
        skipped.push({ start: f.start, end: f.end, text: f.text, why: 'places and figures of "lần lượt" do not pair up: region unclear' });
        continue;
      }
      if (respective) region = { region: respective.id, how: respective.how, near: true, unknownPlace: respective.unknownPlace };
    }
    if (region.outside) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: region.how });
      continue;
    }
    if (region.unknownPlace) {
      warnings.push(diagnostic('EXTRACT_UNKNOWN_PLACE', { value: region.unknownPlace, figure: text.slice(start, end) }, { file }, 'warning'));
    }
    // "xã Sơn Thủy có 85 hộ nghèo": a commune's figure, and its district unsaid; the province's name would be wrong.
    const near150 = text.slice(Math.max(clause.start, f.start - 150), f.start);
    if ((near150.includes('ã ') || near150.includes('hường') || near150.includes('trấn')) && !/-.+-/u.test(region.region ?? '') && COMMUNE_NAMED.test(near150)) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'a commune\'s figure, its district not named: region unclear' });
      continue;
    }
    let period = reviewYear(resolvePeriod({ start: f.start, end: f.end }, periods), rule.indicator, periods.documentPeriod, reviewed);
    // "Sau 10 năm, ... 100% xã đạt chuẩn": a level reached after years of work is of the report's time, not the span.
    if (period.cue?.kind === 'relative' && STOCK.has(rule.indicator) && /^\d{4}-\d{4}$/.test(period.period ?? '') && periods.documentYear !== null) {
      period = { period: String(periods.documentYear), how: `${period.how}: a level, so as of the report's year ${periods.documentYear}`, cue: period.cue };
    }
    // A report that does not state its method (the poverty standard) gets `unknown`, never a guess.
    // "Đến năm 2025, tỷ lệ hộ nghèo còn dưới 2%" in a 2022 report: a year after the report's is a target or a forecast.
    const firstYear = Number((period.period ?? '').slice(0, 4));
    if (periods.documentYear !== null && firstYear > periods.documentYear && !(periods.reportDate === null && !periodOverride)) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: `a year after the report's (${periods.documentYear}): a target or forecast` });
      continue;
    }
    // "Trong giai đoạn I xây dựng nông thôn mới, ... 100% số xã đạt chuẩn": a phase the text does not date.
    const phaseLead = text.slice(Math.max(sentence.start, f.start - 300), f.start);
    if ((phaseLead.includes('giai') || phaseLead.includes('nhiệm')) && !(period.cue && period.cue.start >= sentence.start) && UNDATED_PHASE.test(phaseLead)) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'period unclear: a phase named without its years ("giai đoạn I")' });
      continue;
    }
    let series = m.series ?? (rule.indicator === 'social_support' ? moneyPurpose(text.slice(clause.start, clause.end)) : seriesIsMethod(rule.indicator) ? UNKNOWN_SERIES : null);
    const clauseBefore = text.slice(Math.max(clause.start, f.start - 400), f.start);
    if (rule.indicator === 'income_per_capita' && outputNotIncome(clauseBefore)) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'output per person (GRDP), not income' });
      continue;
    }
    if (rule.indicator === 'income_per_capita' && (INCOME_GROUP.test(clauseBefore) || INCOME_OF_PEOPLE.test(clauseBefore.slice(-120)))) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'the income of a group of households (a quintile), not of the place' });
      continue;
    }
    if (rule.indicator === 'income_per_capita' && POVERTY_LINE.test(clauseBefore)) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'a poverty line or minimum standard, not an income' });
      continue;
    }
    // "... được 112,7 tỷ đồng. Trong đó, ủng hộ trực tiếp vào Quỹ ... 14,5 tỷ đồng": a part of the total before it.
    if (rule.indicator === 'social_support' && /^[\s\u00a0\-–•]*trong[\s\u00a0]+đó(?![\p{L}])/iu.test(text.slice(sentence.start, f.start)) && /\d[\s\u00a0]*(?:tỷ|triệu|nghìn)?[\s\u00a0]*đồng/u.test(text.slice(Math.max(0, sentence.start - 300), sentence.start))) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'a part of the sum just stated ("Trong đó, ...")' });
      continue;
    }
    // "mỗi nhà trị giá từ bảy đến 15 triệu đồng", "40 triệu đồng/nhà": the price of one, not a sum raised or spent.
    if (rule.indicator === 'social_support' && (PER_UNIT_BEFORE.test(clauseBefore.slice(-60)) || PER_UNIT_AFTER.test(text.slice(f.end, f.end + 12)))) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'the amount for each one ("mỗi nhà trị giá ...", ".../nhà"), not a total' });
      continue;
    }
    // "Công ty Bia Sài Gòn ủng hộ Quỹ ... 500 triệu đồng", "ông Nguyễn Văn A ủng hộ ...": one donor's gift, not the place's sum.
    if (rule.indicator === 'social_support' && ONE_DONOR.test(text.slice(Math.max(clause.start, f.start - 120), f.start))) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'one donor\'s gift, not a sum raised in the place' });
      continue;
    }
    if (rule.indicator === 'social_support' && series === 'other' && PUBLIC_BUDGET.test(clauseBefore)) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'public budget allocated, not money raised for a purpose' });
      continue;
    }
    if (sharedThreshold(text, f, clause.end, regions.mentions)) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'a threshold several places share ("trên X ... là A, B, C")' });
      continue;
    }
    // "thu nhập ... ở khu vực thành thị đạt 6,26 triệu đồng, gấp 1,5 lần khu vực nông thôn (4,17 triệu đồng)".
    if (rule.indicator === 'income_per_capita' && series === null) series = areaBefore(clauseBefore);
    const perPerson = rule.indicator === 'income_per_capita' && shapeOf(f) === 'money' ? perPersonUnit(f.unit!, monthly(text, f.start)) : null;
    const unit = perPerson ? perPerson.unit : unitOf(f, rule.indicator, series, m.unit);
    if (unit === null) {
      skipped.push({ start: f.start, end: f.end, text: f.text, why: `unit "${f.unit ?? m.unit}" unknown to the registry` });
      continue;
    }
    let confidence = rule.confidence;
    const why: string[] = [`rule ${rule.id}`];
    if (perPerson) {
      why.push(perPerson.how);
      if (perPerson.assumed) confidence *= 0.8;
    }
    if (region.unknownPlace) confidence *= 0.8;
    if (!region.region) {
      confidence *= 0.5;
      warnings.push(diagnostic('EXTRACT_NO_REGION', { value: text.slice(start, end) }, { file }, 'warning'));
    } else if (!region.near && !regionOverride && regions.how.startsWith('first')) confidence *= 0.9;
    why.push(`region ${region.region ?? '?'}: ${region.how}`);
    if (period.period === null) {
      // No year anywhere, neither in the text nor given: left for the reader, not guessed.
      warnings.push(diagnostic('EXTRACT_NO_PERIOD', { value: text.slice(start, end) }, { file }, 'warning'));
      skipped.push({ start: f.start, end: f.end, text: f.text, why: 'no period in the report and none given: period unclear' });
      continue;
    } else if (period.cue === null) confidence *= 0.9;
    why.push(`period ${period.period ?? '?'}: ${period.how}`);
    if (vague) {
      confidence *= 0.6;
      why.push(`unquantified "${f.text}": no figure stated, value left empty`);
    }
    for (const w of f.warnings) {
      if (w.code === 'NUMBER_SLASH_PERCENT') {
        confidence *= 0.8;
        why.push(`malformed number "${f.text}" read as ${f.value}%`);
        warnings.push(diagnostic('EXTRACT_MALFORMED_NUMBER', { value: f.text, reading: `${f.value}%` }, { file }, 'warning'));
      }
    }
    const observation: ExtractedObservation = {
      indicator: rule.indicator,
      region: region.region ?? '',
      period: period.period ?? '',
      value: f.value,
      qualifier: f.qualifier,
      denominator: f.denominator ?? poverty?.denominator ?? null,
      unit,
      series,
      status: 'final',
      source: file,
      quote: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      confidence: round2(confidence),
      reason: why.join('; '),
    };
    // "Huyện A, Thành phố B và Thị xã C có 100% các xã đạt chuẩn": each place of the list has the figure.
    const mates = region.near ? listMates({ start: f.start, end: f.end }, report, regions) : [];
    for (const mate of mates) {
      const shared: ExtractedObservation = { ...observation, region: mate.id, confidence: round2(observation.confidence * 0.9), reason: observation.reason.replace(/region [^;]*/u, `region ${mate.id}: ${mate.how}`) };
      if (shared.confidence >= minConfidence) observations.push(shared);
    }
    if (observation.confidence >= minConfidence) observations.push(observation);
  }

  return {
    observations: withoutParts(sumsOfGroups(observations, text), text),
    report: {
      file,
      format: report.format,
      date: periods.reportDate?.date ?? null,
      region: regions.region?.id ?? null,
      regionHow: regions.how,
      period: periods.documentPeriod,
      periodHow: periods.documentHow,
    },
    skipped,
    warnings,
    text,
  };
}

const POVERTY_STOCK = new Set(['poverty_rate', 'near_poor_rate', 'poor_near_poor_rate', 'poor_households']);
/** Indicators that state a level at a time, not a sum over a span. */
const STOCK = new Set([...POVERTY_STOCK, 'income_per_capita', 'new_rural_communes', 'new_rural_share', 'new_rural_districts', 'new_rural_provinces', 'new_rural_criteria_avg']);

/**
 * The yearly review of poor households ends in December and is approved in the weeks after: a report
 * dated January or February that gives the review's result without a year of its own ("theo kết quả rà
 * soát ..., toàn tỉnh hiện có 57.180 hộ nghèo") states the year before.
 */
function reviewYear(p: ResolvedPeriod, indicator: string, documentPeriod: string | null, reviewed: boolean): ResolvedPeriod {
  if (!POVERTY_STOCK.has(indicator) || documentPeriod === null || !(p.cue === null || p.cue.kind === 'current' || p.cue.kind === 'toDate')) return p;
  const m = /^(\d{4})-(0[12])(?:-\d{2})?$/.exec(documentPeriod);
  if (!m || !reviewed) return p;
  return { period: String(Number(m[1]) - 1), how: `${p.how}; a poverty review's result dated ${documentPeriod} is of the year before`, cue: p.cue };
}

/** A commune spoken of without its name: "toàn xã" (not "toàn xã hội"), "Xã có ..." at the head of a clause. */
const UNNAMED_COMMUNE = /toàn[\s\u00a0]+xã(?![\s\u00a0]*(?:hội|\p{Lu}))|[Xx]ã(?<=(?:^|[,.;:]|[Nn]ăm[\s\u00a0]+\d{4},)[\s\u00a0]*[Xx]ã)(?=[\s\u00a0]+(?:có|đã|còn|đạt)(?![\p{L}]))/gu;

/** True when one of `at` (in order) lies in [from, to). */
function inClauseBefore(at: number[], from: number, to: number): boolean {
  const i = bisectLeft(at, from);
  return i < at.length && at[i] < to;
}

/** True when an unnamed district's body is named in the opening or earlier in the paragraph of a figure at `at`. */
function speaksForUnnamed(bodies: number[], paragraphStart: number, at: number): boolean {
  if (bodies[0] < 1500 && bodies[0] < at) return true;
  const i = bisectLeft(bodies, at);
  return i > 0 && bodies[i - 1] >= paragraphStart;
}

/** Words right after a counted group that say it has not got there: "2 huyện đang hoàn thiện hồ sơ", "13 xã chưa đạt". */
/** The text with its bracketed asides cut out: "10 nghìn hộ nghèo (chủ yếu là ...) chưa có nhà ở". */
function withoutBrackets(s: string): string {
  return s.replace(/\([^()]*\)/gu, '');
}

/**
 * True when the figure sits in a bracket whose sentence set out a target before it: "phấn đấu cuối năm
 * 2023 giảm 3% (tương ứng ... còn 8.352 hộ, chiếm tỷ lệ 4,97%)". The bracket spells the target out.
 */
function targetBracket(text: string, sentenceStart: number, at: number): boolean {
  const before = text.slice(Math.max(sentenceStart, at - 400), at);
  const open = before.lastIndexOf('(');
  if (open < 0 || before.indexOf(')', open) >= 0) return false;
  return isTarget(before.slice(0, open));
}

/** Flows over a period (money raised, people helped, checks made), as against levels at a date. */
const FLOW = new Set(['social_support', 'social_support_beneficiaries', 'inspections', 'commendations']);

/** "Lũy kế từ khi phát động", "từ năm 2012 đến nay", "trong 10 năm qua": a sum over many years. */
const CUMULATIVE = /(?<![\p{L}])(?:lũy[\s\u00a0]+kế|từ[\s\u00a0]+(?:năm[\s\u00a0]+)?\d{4}[\s\u00a0]+(?:đến|tới)[\s\u00a0]+nay|từ[\s\u00a0]+khi[\s\u00a0]+(?:thành[\s\u00a0]+lập|phát[\s\u00a0]+động|ra[\s\u00a0]+đời)|trong[\s\u00a0]+\d+[\s\u00a0]+năm[\s\u00a0]+qua|sau[\s\u00a0]+\d+[\s\u00a0]+năm[\s\u00a0]+hoạt[\s\u00a0]+động)(?![\p{L}])/iu;

/** Words after "tỷ lệ" that say where, when or how much, not what the rate is of. */
const RATE_FILLER = /(?<![\p{L}])(?:là|đạt|còn|chiếm|ở|mức|khoảng|hơn|gần|trên|dưới|chỉ|giảm|xuống|tăng|lên|được|của|toàn|tỉnh|huyện|thị|xã|thành|phố|năm|hiện|nay|cuối|đầu|chung|bình|quân|tương|ứng|với|và|có|đến|tính|vào|tại|trong|khu|vực|cả|nước|quốc|vùng|cao|thấp|nhất|với|theo|xét)(?![\p{L}])|[\d.,%()\-–:/]+|\p{Lu}[\p{Ll}’']*/gu;

/** The words each rate indicator needs in the clause that names a rate ("tỷ lệ ..."). */
const RATE_WORDS: Record<string, RegExp> = {
  poverty_rate: /nghèo/iu,
  near_poor_rate: /nghèo/iu,
  poor_near_poor_rate: /nghèo/iu,
  new_rural_share: /nông[\s\u00a0]+thôn[\s\u00a0]+mới|NTM|đạt[\s\u00a0]+chuẩn[\s\u00a0]*$/iu,
};

/**
 * Why a figure's own clause names another rate, or `null`: "tỷ lệ hộ nghèo giảm 6,7%/năm; ... nâng tỷ lệ
 * lao động qua đào tạo đạt 60,89%", "100% số xã đạt chuẩn phổ cập giáo dục". The indicator read from a
 * clause before does not reach over a rate its own clause names.
 */
function otherRateInClause(indicator: string, clauseBefore: string, after: string): string | null {
  const words = RATE_WORDS[indicator];
  if (!words || words.test(after)) return null;
  const at = clauseBefore.search(/(?<![\p{L}])tỷ[\s\u00a0]+lệ(?![\p{L}])/iu);
  if (at < 0) return null;
  // What the rate is of: the words after "tỷ lệ" less those that only say where, when or how much.
  const of = clauseBefore.slice(at + 5).replace(RATE_FILLER, ' ').trim();
  if (of !== '' && !words.test(clauseBefore.slice(at))) return `another rate named in its own clause ("${clauseBefore.slice(at, at + 40).trim()} ..."), not ${indicator}`;
  return null;
}

const PENDING = /^[\s\u00a0]*(?:[\p{L}]+[\s\u00a0]+){0,2}?(?:đang|chưa|chờ)(?![\p{L}])/iu;

/** A paragraph that opens on a commune as its subject: "Xã Bảo Hiệu là ...", "Phường Đông Hải có ...". */
const COMMUNE_SUBJECT = /^[\s\u00a0]*(?:Xã|Phường|Thị[\s\u00a0]+trấn)[\s\u00a0]+\p{Lu}[\p{Ll}’']*(?:[\s\u00a0]+\p{Lu}[\p{Ll}’']*)*(?![\s\u00a0]*\()/u;

/** True when the paragraph from `start` opens on a commune as its subject (read from its first words only). */
function startsOnCommune(text: string, start: number, at: number): boolean {
  return COMMUNE_SUBJECT.test(text.slice(start, Math.min(at, start + 120)));
}

/** A named commune ("xã Sơn Thủy", "phường Đông Hải", "thị trấn Kiến Giang"). */
const COMMUNE_NAMED = /(?<![\p{L}])(?:[Xx]ã|[Pp]hường|[Tt]hị[\s\u00a0]+trấn)[\s\u00a0]+\p{Lu}[\p{Ll}’']*(?![\p{L}])/u;

/** The province named in the clause before a figure ("toàn tỉnh", "tỉnh ta"): the report's subject district does not apply. */
const PROVINCE_BEFORE = /(?<![\p{L}])(?:toàn[\s\u00a0]+tỉnh|tỉnh[\s\u00a0]+(?:ta|nhà)|[Tt]ỉnh[\s\u00a0]+\p{Lu})/u;

/** One donor: a person or a single firm or bank named before the sum ("ông Nguyễn Văn A", "Công ty Bia Sài Gòn"). */
const ONE_DONOR = /(?<![\p{L}])(?:(?:ông|bà|anh|chị)(?![\p{L}])|gia[\s\u00a0]+đình[\s\u00a0]+\p{Lu}|[Cc]ông[\s\u00a0]+ty[\s\u00a0]+\p{Lu}|[Tt]ập[\s\u00a0]+đoàn[\s\u00a0]+\p{Lu}|[Nn]gân[\s\u00a0]+hàng[\s\u00a0]+\p{Lu}|[Dd]oanh[\s\u00a0]+nghiệp[\s\u00a0]+\p{Lu}|nhà[\s\u00a0]+hảo[\s\u00a0]+tâm[\s\u00a0]+\p{Lu})[^;.]{0,80}(?:ủng[\s\u00a0]+hộ|trao|tặng|đóng[\s\u00a0]+góp)[^;.\d]{0,60}$/u;

/** The income or wage of a group of people, not the place's income per head: workers, ethnic minorities, the poor. */
const INCOME_OF_PEOPLE = /(?:thu[\s\u00a0]+nhập|lương)[^;.\d]{0,40}(?:của|ở|tại)[\s\u00a0]+(?:người[\s\u00a0]+lao[\s\u00a0]+động|lao[\s\u00a0]+động|công[\s\u00a0]+nhân|cán[\s\u00a0]+bộ|đồng[\s\u00a0]+bào|người[\s\u00a0]+dân[\s\u00a0]+tộc|dân[\s\u00a0]+tộc[\s\u00a0]+thiểu[\s\u00a0]+số|hộ[\s\u00a0]+(?:nghèo|cận[\s\u00a0]+nghèo|thoát[\s\u00a0]+nghèo)|thành[\s\u00a0]+viên)|(?:tiền[\s\u00a0]+)?lương[\s\u00a0]+(?:bình[\s\u00a0]+quân|trung[\s\u00a0]+bình|tối[\s\u00a0]+thiểu|cơ[\s\u00a0]+sở)/iu;

const RAISES_TOTAL = /nâng[\s\u00a0]+tổng[\s\u00a0]+số/iu;

/** A phase named without its years: "giai đoạn I", "giai đoạn trước", "nhiệm kỳ trước". */
const UNDATED_PHASE = /(?:giai[\s\u00a0]+đoạn|nhiệm[\s\u00a0]+kỳ)[\s\u00a0]+(?:I{1,3}|IV|V|1|2|3|đầu|trước|vừa[\s\u00a0]+qua)(?![\p{L}\d])/u;

const PER_UNIT_BEFORE = /(?<![\p{L}])mỗi[\s\u00a0]+(?:căn[\s\u00a0]+)?(?:nhà|hộ|suất|người|em|xã|căn|con)(?![\p{L}])[^;.\d]{0,30}$/iu;
const PER_UNIT_AFTER = /^[\s\u00a0]*\/[\s\u00a0]*(?:căn|nhà|hộ|suất|người|em|con|xuất)(?![\p{L}])/iu;

/** A lead that names a change ("giảm sâu số hộ nghèo là:") before a list; not "giảm còn:", which names levels. */
const CHANGE_LIST = /(?<![\p{L}])(?:giảm|tăng)(?![\p{L}])(?![\s\u00a0]+(?:còn|xuống|lên|đến))[^:;.\d]{0,80}:[^:.]*$/iu;

/** A figure in brackets after the plan's words: "đạt chỉ tiêu Nghị quyết đề ra (dưới 4%)", "(kế hoạch là 2%)". */
const PLAN_BRACKET = /(?:chỉ[\s\u00a0]+tiêu|kế[\s\u00a0]+hoạch|mục[\s\u00a0]+tiêu)[^\d;.()]{0,40}\([\s\u00a0]*(?:là[\s\u00a0]+)?$|\([\s\u00a0]*(?:chỉ[\s\u00a0]+tiêu|kế[\s\u00a0]+hoạch|mục[\s\u00a0]+tiêu)[^\d;.()]{0,40}$/iu;

/** "Mức chuẩn nghèo khu vực nông thôn là 1,5 triệu đồng/người/tháng": the line, not anyone's income. */
const POVERTY_LINE = /chuẩn[\s\u00a0]+(?:cận[\s\u00a0]+)?nghèo|mức[\s\u00a0]+sống[\s\u00a0]+tối[\s\u00a0]+thiểu|lương[\s\u00a0]+tối[\s\u00a0]+thiểu|mức[\s\u00a0]+chuẩn/iu;

/** True when the clause before a figure last names output ("GRDP bình quân đầu người đạt 80 triệu đồng"), not income. */
/** "nhóm hộ có thu nhập cao nhất", "nhóm 5", "nhóm hộ giàu nhất": a share of the population, not the place. */
const INCOME_GROUP = /nhóm[\s\u00a0]+(?:hộ|\d|gồm|dân)/iu;

/**
 * The area the words just before an income name (`khu vực thành thị`, `nông thôn` but not `nông thôn
 * mới`), the nearest one winning: `urban`, `rural`, or `null` for the whole place.
 */
export function areaBefore(clauseBefore: string): 'urban' | 'rural' | null {
  let last: 'urban' | 'rural' | null = null;
  const near = clauseBefore.slice(-90);
  for (const m of near.matchAll(/thành[\s\u00a0]+thị|nông[\s\u00a0]+thôn(?![\s\u00a0]+mới)/giu)) last = /^thành/iu.test(m[0]) ? 'urban' : 'rural';
  return last;
}

function outputNotIncome(clauseBefore: string): boolean {
  let last: string | null = null;
  for (const m of clauseBefore.matchAll(/GRDP|GDP|tổng[\s\u00a0]+sản[\s\u00a0]+phẩm|thu[\s\u00a0]+nhập/giu)) last = m[0];
  return last !== null && !/^thu/iu.test(last);
}

/** A state budget or investment allocated ("được phân bổ tổng kinh phí", "vốn đầu tư"): not the catalogue's money raised. */
const PUBLIC_BUDGET = /phân[\s\u00a0]+bổ|(?<![\p{L}])đầu[\s\u00a0]+tư(?![\p{L}])|ngân[\s\u00a0]+sách|vốn[\s\u00a0]+đầu[\s\u00a0]+tư|giải[\s\u00a0]+ngân|bố[\s\u00a0]+trí[\s\u00a0]+vốn/iu;

/**
 * True when the figure is a bound that a list of places shares: "mức thu nhập trên 5 triệu đồng/người/tháng
 * là Bắc Ninh, Vĩnh Phúc, Hải Phòng". It states no one place's level.
 */
function sharedThreshold(text: string, f: Figure, clauseEnd: number, mentions: readonly RegionMention[]): boolean {
  if (f.qualifier === null && !/(?:trên|dưới|hơn|từ)[\s\u00a0]*$/iu.test(text.slice(Math.max(0, f.start - 8), f.start))) return false;
  // "8 huyện, thị xã có tỷ lệ hộ nghèo dưới 2%", "các xã có tỷ lệ trên 10%": a bound that a counted group of places meets.
  if (PLACES_COUNTED.test(text.slice(Math.max(0, f.start - 120), f.start))) return true;
  const rest = text.slice(f.end, Math.min(clauseEnd, f.end + 200));
  const is = /^[^;.\d]{0,40}?[\s\u00a0]là[\s\u00a0]+/u.exec(rest);
  if (!is) return false;
  const from = f.end + is[0].length;
  const listed: RegionMention[] = [];
  for (let i = lastStartingAtOrBefore(mentions, from - 1) + 1; i < mentions.length && mentions[i].start < from + 120; i++) if (mentions[i].region) listed.push(mentions[i]);
  return listed.length >= 2 && listed[0].start - from < 4 && /^[\s\u00a0]*[,(]/u.test(text.slice(listed[0].end, listed[0].end + 3));
}

// Not "45 xã, chiếm hơn 50%": a share of the count just stated.
const PLACES_COUNTED = /(?:(?<![\d.,])\d+|các|những|số)[\s\u00a0]+(?:huyện|xã|tỉnh|địa[\s\u00a0]+phương|đơn[\s\u00a0]+vị|thôn|bản)(?![\p{L}])(?:(?!chiếm|đạt|bằng|tương)[^;.\d]){0,80}$/iu;

/**
 * "Tỷ lệ hộ nghèo đa chiều là 5,71%, trong đó tỷ lệ hộ nghèo 2,93%, tỷ lệ hộ cận nghèo 2,78%": a rate read
 * as the poor's whose parts after "trong đó" are the poor's and the near-poor's rates adding up to it is the
 * two groups together. Checked by the sum, not guessed from the words.
 */
function sumsOfGroups(observations: ExtractedObservation[], text: string): ExtractedObservation[] {
  return observations.map((o, i) => {
    if (o.indicator !== 'poverty_rate' || o.value === null) return o;
    const s = sentenceAt(text, o.start);
    let poor: number | null = null;
    let near: number | null = null;
    for (let j = i + 1; j < observations.length && observations[j].start < s.end; j++) {
      const q = observations[j];
      if (q.region !== o.region || q.period !== o.period || q.value === null || !/trong[\s\u00a0]+đó/iu.test(text.slice(o.end, q.start))) continue;
      if (q.indicator === 'poverty_rate' && poor === null) poor = q.value;
      if (q.indicator === 'near_poor_rate' && near === null) near = q.value;
    }
    if (poor === null || near === null || Math.abs(poor + near - o.value) > 0.015) return o;
    return { ...o, indicator: 'poor_near_poor_rate', reason: `${o.reason}; the poor's (${poor}) and the near-poor's (${near}) rates after "trong đó" add up to it: both groups together` };
  });
}

/**
 * Drops the parts of a total: after "trong đó" a figure of the same indicator, region, period and
 * series as one earlier in its sentence ("quỹ toàn tỉnh có 55,8 tỷ đồng, trong đó quỹ cấp tỉnh có 1,2 tỷ đồng")
 * is a part of it, not a second level.
 */
function withoutParts(observations: ExtractedObservation[], text: string): ExtractedObservation[] {
  const out: ExtractedObservation[] = [];
  for (const o of observations) {
    const s = sentenceAt(text, o.start);
    // Observations come in text order: look back only through the sentence.
    let part = false;
    for (let j = out.length - 1; j >= 0 && out[j].start >= s.start; j--) {
      const t = out[j];
      if (t.indicator === o.indicator && t.region === o.region && t.period === o.period && t.series === o.series && t.value !== o.value && /trong[\s\u00a0]+đó/iu.test(text.slice(t.end, o.start))) {
        part = true;
        break;
      }
    }
    if (!part) out.push(o);
  }
  return out;
}

/**
 * True when the paragraph before `offset` announces targets. The paragraph is cut out only when it
 * names one ("tiêu"): cutting 1,500 characters for every figure of a long report costs more than reading it.
 */
function targetLead(text: string, offset: number, words: number[]): boolean {
  const from = Math.max(paragraphAt(text, offset).start, offset - 1500);
  // The first "tiêu" at or after `from`, by bisection over the report's list of them.
  const i = bisectLeft(words, from);
  return i < words.length && words[i] < offset && isTargetLead(text.slice(from, offset));
}

/** Where "tiêu" (of "mục tiêu", "chỉ tiêu") is written, in order: one pass over the report. */
function targetWordsOf(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('tiêu'); i !== -1; i = text.indexOf('tiêu', i + 4)) out.push(i);
  return out;
}

/**
 * Income written without "/người" (`65 triệu đồng/năm`, `65 triệu đồng`) is per person by the words
 * before it; a missing period is taken as per year, the way district and provincial reports state it.
 */
function perPersonUnit(written: string, perMonth: boolean): { unit: string; how: string; assumed: boolean } | null {
  const m = /^(.*đồng)(?:\/(năm|tháng))?$/u.exec(written);
  if (!m) return null;
  const per = m[2] ?? (perMonth ? 'tháng' : 'năm');
  const unit = normalizeUnit(`${m[1]}/người/${per}`);
  if (!unit) return null;
  const how = m[2] ? `unit "${written}" read as ${unit}` : perMonth ? `unit "${written}" read as ${unit} (its paragraph speaks per month)` : `unit "${written}" read as ${unit} (per year assumed)`;
  return { unit, how, assumed: !m[2] };
}

/** True when the paragraph around `offset` states income per month ("/người/tháng", "một tháng"). */
function monthly(text: string, offset: number): boolean {
  const p = paragraphAt(text, offset);
  return /\/người\/tháng|một[\s\u00a0]+tháng|đồng\/tháng/iu.test(text.slice(p.start, p.end));
}

/**
 * The registry's unit id for a figure: the unit it carries (`%`, `tỷ đồng`, `triệu đồng/người/năm`)
 * or, for counts and fractions, the catalogue's unit for the indicator and series (`cá nhân` for
 * individual commendations), unless the rule read another.
 */
function unitOf(f: Figure, indicator: string, series: string | null, ruleUnit: string | null): string | null {
  const shape = shapeOf(f);
  if (shape === 'count' || shape === 'fraction') {
    if (ruleUnit !== null) return normalizeUnit(ruleUnit) ?? null;
    return isIndicatorId(indicator) ? unitFor(indicator, series) : null;
  }
  return f.unit === null ? null : normalizeUnit(f.unit) ?? null;
}
