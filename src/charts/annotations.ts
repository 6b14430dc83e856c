/**
 * Author annotations on a time axis: an event on a day or period ("Chỉ thị 05 ban hành 15/5/2016"),
 * a range of periods, or one region's figure. Checked here, drawn by the line recipe as rules, bands
 * and labels, and read aloud in its description; they travel in the spec, so every export keeps them.
 */
import '../messages/charts.js';
import { fail } from '../errors.js';
import type { Lang } from '../format/locale.js';
import { periodPhrase } from '../format/period.js';
import { t } from './common.js';
import { regionName } from './lookup.js';

export const AnnotationType = { event: 'event', range: 'range', point: 'point' } as const;
export type AnnotationType = keyof typeof AnnotationType;

export interface Annotation {
  /** `event` (at a day or period), `range` (from..to) or `point` (a region's figure in a period). */
  type: AnnotationType;
  /** The text shown and read aloud. Strings never become markup. */
  label: string;
  /** `event` and `point`: the day or period (`2016-05-15`, `2016`). */
  at?: string;
  /** `range`: first and last period. */
  from?: string;
  to?: string;
  /** `point`: the region whose figure is annotated. */
  region?: string;
}

const KEYS: Record<AnnotationType, string[]> = { event: ['type', 'label', 'at'], range: ['type', 'label', 'from', 'to'], point: ['type', 'label', 'at', 'region'] };

/** Checks an `annotations` option: a closed vocabulary of types and keys, every needed key (not in `optional`) a non-empty text. */
export function checkAnnotations(value: unknown, optional: readonly string[] = []): Annotation[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail('CHART_BAD_ANNOTATION', { where: 'annotations', value: JSON.stringify(value) ?? String(value) });
  return value.map((a: unknown, i) => {
    const where = `annotations[${i}]`;
    if (!a || typeof a !== 'object' || Array.isArray(a)) return fail('CHART_BAD_ANNOTATION', { where, value: JSON.stringify(a) ?? String(a) });
    const o = a as Record<string, unknown>;
    if (typeof o.type !== 'string' || !Object.hasOwn(AnnotationType, o.type)) return fail('CHART_BAD_ANNOTATION', { where: `${where}.type`, value: String(o.type) });
    const keys = KEYS[o.type as AnnotationType];
    for (const k of Object.keys(o)) if (!keys.includes(k)) fail('CHART_BAD_ANNOTATION', { where: `${where}.${k}`, value: k });
    for (const k of keys) if ((o[k] !== undefined || !optional.includes(k)) && (typeof o[k] !== 'string' || (o[k] as string).trim() === '')) fail('CHART_BAD_ANNOTATION', { where: `${where}.${k}`, value: String(o[k]) });
    return o as unknown as Annotation;
  });
}

/** One annotation in words, for the description: `Chỉ thị 05 ban hành (ngày 15/05/2016)`. */
export function annotationPhrase(a: Annotation, locale: Lang): string {
  if (a.type === 'range') return t('DESC_ANNOTATION_RANGE', locale, { label: a.label, p0: periodPhrase(a.from!, locale), p1: periodPhrase(a.to!, locale) });
  if (a.type === 'point') return t('DESC_ANNOTATION_POINT', locale, { label: a.label, region: regionName(a.region!, locale), p1: periodPhrase(a.at!, locale) });
  return t('DESC_ANNOTATION_EVENT', locale, { label: a.label, p1: periodPhrase(a.at!, locale) });
}
