/**
 * "About this data" (Về số liệu): what a chart's figures are, from the indicator catalogue and the
 * observations shown. One function for the panel beside every chart and table, the ZIP's metadata and
 * README, and `chiso render --bundle`.
 */
import '../messages/charts.js';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { formatDate, formatPeriod } from '../format/period.js';
import { formatUnit } from '../format/unit.js';
import { message, type MessageCode } from '../messages/index.js';
import { getIndicator, isIndicatorId, UNKNOWN_SERIES } from '../registry/indicators.js';
import { AGENCIES } from '../registry/agencies.js';
import { periodDays } from '../registry/events.js';
import { seriesLabel } from '../registry/names.js';
import type { IndicatorKind } from '../registry/types.js';
import { shortSource, sortPeriods, sourceAgency } from './common.js';

/** The fields of the panel, in the order it shows them. */
export const ABOUT_FIELDS = ['definition', 'unit', 'kind', 'direction', 'formula', 'sources', 'periodicity', 'lastUpdated', 'breaks', 'notes'] as const;
export type AboutField = (typeof ABOUT_FIELDS)[number];

export interface AboutData {
  indicator: string;
  /** The indicator's label. */
  label: string;
  definition: string | null;
  /** The unit as a reader writes it. */
  unit: string;
  /** `null` for an indicator the catalogue does not know (figures loaded without a definition). */
  kind: string | null;
  /** Which way is better; `null` when neither is. */
  direction: string | null;
  formula: string | null;
  /** Agencies with the dates they held the name the shown figures carry, then other publishers. */
  sources: string[];
  periodicity: string | null;
  /** First and last period shown (raw), for citations. */
  periods: { first: string; last: string } | null;
  /** The latest period shown, as a reader writes it. */
  lastUpdated: string | null;
  /** The standards (or methodology breaks) the shown figures are under. */
  breaks: string[];
  notes: string[];
}

const HEADINGS: Record<AboutField, MessageCode> = {
  definition: 'ABOUT_DEFINITION',
  unit: 'ABOUT_UNIT',
  kind: 'ABOUT_KIND',
  direction: 'ABOUT_DIRECTION',
  formula: 'ABOUT_FORMULA',
  sources: 'ABOUT_SOURCES',
  periodicity: 'ABOUT_PERIODICITY',
  lastUpdated: 'ABOUT_LAST_UPDATED',
  breaks: 'ABOUT_BREAKS',
  notes: 'ABOUT_NOTES',
};

const KINDS: Record<IndicatorKind, MessageCode> = {
  rate: 'ABOUT_KIND_RATE',
  count: 'ABOUT_KIND_COUNT',
  amount: 'ABOUT_KIND_AMOUNT',
  fraction: 'ABOUT_KIND_FRACTION',
};

/** A field's heading in the reader's language. */
export function aboutHeading(field: AboutField, lang: Lang): string {
  return message(HEADINGS[field], {}, lang);
}

/** The fields that have something to say, as heading and lines of text (panel, README). */
export function aboutEntries(a: AboutData, lang: Lang): { field: AboutField; heading: string; lines: string[] }[] {
  const out: { field: AboutField; heading: string; lines: string[] }[] = [];
  for (const field of ABOUT_FIELDS) {
    const v = a[field];
    const lines = Array.isArray(v) ? v : v ? [v] : [];
    if (lines.length) out.push({ field, heading: aboutHeading(field, lang), lines });
  }
  return out;
}

/** Every name an agency held on the days the shown periods end, each with its dates. */
function agencyNames(id: string, periods: readonly string[], lang: Lang): string[] {
  const names = AGENCIES[id] ?? [];
  const used = new Set<number>();
  for (const p of periods) {
    const day = periodDays(p)?.[1];
    const i = day ? names.findIndex((n) => (n.from === null || n.from <= day) && (n.to === null || n.to >= day)) : -1;
    used.add(i < 0 ? names.length - 1 : i);
  }
  return [...used].sort((a, b) => a - b).map((i) => {
    const n = names[i];
    const name = n.name[lang];
    if (n.from && n.to) return message('ABOUT_NAME_BETWEEN', { name, from: formatDate(n.from, lang), to: formatDate(n.to, lang) }, lang);
    if (n.to) return message('ABOUT_NAME_UNTIL', { name, to: formatDate(n.to, lang) }, lang);
    if (n.from) return message('ABOUT_NAME_SINCE', { name, from: formatDate(n.from, lang) }, lang);
    return name;
  });
}

/** Annual, every N years, by date or irregular, from the periods shown. */
function periodicity(periods: readonly string[], lang: Lang): string | null {
  if (periods.length === 0) return null;
  if (periods.length === 1) return message('ABOUT_SINGLE', {}, lang);
  if (!periods.every((p) => /^\d{4}$/.test(p))) return message(periods.every((p) => /^\d{4}-\d{2}-\d{2}$/.test(p)) ? 'ABOUT_BY_DATE' : 'ABOUT_IRREGULAR', {}, lang);
  const years = periods.map(Number);
  const gaps = new Set(years.slice(1).map((y, i) => y - years[i]));
  if (gaps.size !== 1) return message('ABOUT_IRREGULAR', {}, lang);
  const gap = [...gaps][0];
  return gap === 1 ? message('ABOUT_ANNUAL', {}, lang) : message('ABOUT_EVERY_YEARS', { years: gap }, lang);
}

/** The latest period, marked preliminary when every figure of it is (`2016 (sơ bộ)`). */
function latest(rows: readonly Observation[], period: string, lang: Lang): string {
  const text = formatPeriod(period, lang);
  const of = rows.filter((o) => o.period === period);
  return of.every((o) => o.status === 'preliminary') ? `${text} (${message('FORMAT_PRELIMINARY', {}, lang)})` : text;
}

/**
 * What a reader should know about the figures of one indicator shown: its definition, unit, kind,
 * direction, formula, who published it (under the name it held then), how often, the latest period,
 * the standards the figures are under, and notes. Rows of other indicators are ignored. An indicator
 * the catalogue does not know is described from its rows alone (id, unit, sources, periods).
 */
export function aboutData(observations: readonly Observation[], indicatorId: string, lang: Lang): AboutData {
  const ind = isIndicatorId(indicatorId) ? getIndicator(indicatorId) : undefined;
  const rows = observations.filter((o) => o.indicator === indicatorId);
  const periods = sortPeriods([...new Set(rows.map((o) => o.period))]);
  const units = [...new Set(rows.map((o) => o.unit).filter(Boolean))];

  // Agencies first (with the dates they held each name), then other publishers, in order of first use.
  const byAgency = new Map<string, string[]>();
  const others: string[] = [];
  for (const o of rows) {
    if (!o.source) continue;
    const agency = sourceAgency(o.source);
    if (agency) byAgency.set(agency, [...(byAgency.get(agency) ?? []), o.period]);
    else {
      const { publisher, name } = shortSource(o.source, lang, o.period);
      const text = publisher ? `${publisher} (${name})` : name;
      if (!others.includes(text)) others.push(text);
    }
  }
  const sources = [...[...byAgency].flatMap(([id, ps]) => agencyNames(id, ps, lang)), ...others];

  // Standards: the method series shown (poverty standards), else the catalogue's breaks inside the range.
  const breaks: string[] = [];
  const notes: string[] = [];
  if (ind?.seriesIsMethod) {
    const shown = [...new Set(rows.map((o) => o.series ?? UNKNOWN_SERIES))].sort();
    const known = shown.filter((s) => s !== UNKNOWN_SERIES);
    for (const s of known) breaks.push(seriesLabel(ind, s, lang) ?? s);
    const unknown = rows.filter((o) => (o.series ?? UNKNOWN_SERIES) === UNKNOWN_SERIES).length;
    if (known.length > 1) notes.push(message('ABOUT_NOT_COMPARABLE', {}, lang));
    if (unknown) notes.push(message('ABOUT_UNKNOWN_STANDARD', { count: unknown }, lang));
  } else if (ind && periods.length) {
    const first = Number.parseInt(periods[0], 10);
    const last = Number.parseInt(periods[periods.length - 1], 10);
    for (const b of ind.breaks) if (b.after >= first && b.after < last) breaks.push(b.label[lang]);
    if (breaks.length) notes.push(message('ABOUT_NOT_COMPARABLE', {}, lang));
  }
  const preliminary = rows.filter((o) => o.status === 'preliminary').length;
  const missing = rows.filter((o) => o.status === 'missing' || o.value === null).length;
  if (preliminary) notes.push(message('ABOUT_PRELIMINARY', { count: preliminary }, lang));
  if (missing) notes.push(message('ABOUT_MISSING', { count: missing }, lang));

  return {
    indicator: indicatorId,
    label: ind?.label[lang] ?? indicatorId,
    definition: ind?.description?.[lang] ?? null,
    unit: (units.length ? units : ind ? [ind.unit] : []).map((u) => formatUnit(u, lang) || u).join(', '),
    kind: ind ? message(KINDS[ind.kind], {}, lang) : null,
    direction: !ind || ind.lowerIsBetter === null ? null : message(ind.lowerIsBetter ? 'ABOUT_LOWER_BETTER' : 'ABOUT_HIGHER_BETTER', {}, lang),
    formula: ind?.formula?.[lang] ?? (ind?.kind === 'fraction' ? message('ABOUT_FRACTION_FORMULA', {}, lang) : null),
    sources,
    periodicity: periodicity(periods, lang),
    periods: periods.length ? { first: periods[0], last: periods[periods.length - 1] } : null,
    lastUpdated: periods.length ? latest(rows, periods[periods.length - 1], lang) : null,
    breaks,
    notes,
  };
}
