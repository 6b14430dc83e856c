/**
 * An analyst's corrections to an extraction, kept in a JSON file next to the report
 * (`<report>.corrections.json`) so that re-running the extraction gives the corrected data again.
 *
 * ```json
 * {
 *   "report": "002_8f0ff18a4f7cf0ed.txt",
 *   "corrections": [
 *     { "quote": "tỷ lệ hộ nghèo còn 3,58%", "start": 3292, "end": 3316, "action": "accept" },
 *     { "quote": "...", "start": 10, "end": 30, "action": "edit", "set": { "period": "2023" }, "note": "why" },
 *     { "quote": "...", "start": 40, "end": 52, "action": "reject", "note": "not a figure of the district" },
 *     { "action": "add", "observation": { "indicator": "...", "region": "...", "period": "...", "value": 1,
 *       "unit": "xã", "quote": "...", "start": 60, "end": 75 }, "note": "missed by the extractor" }
 *   ]
 * }
 * ```
 * A correction is keyed by the extracted phrase and its offsets (`quote`, `start`, `end`), which an
 * extraction reproduces exactly from the same text. When the text is unchanged but a newer extractor
 * quotes the figure more or less widely, the one observation overlapping the phrase takes the
 * correction, with a warning to update the key. A correction that matches nothing is reported,
 * never silently dropped.
 */
import '../messages/extract.js';
import { diagnostic, fail, type Diagnostic } from '../errors.js';
import { getRegion, normalizeUnit } from '../registry/index.js';
import { isQualifier, isStatus, type Observation, type ObservationColumn } from '../types.js';
import type { ExtractedObservation } from './types.js';

export const CorrectionAction = { accept: 'accept', edit: 'edit', reject: 'reject', add: 'add' } as const;
export type CorrectionAction = keyof typeof CorrectionAction;
export function isCorrectionAction(value: unknown): value is CorrectionAction {
  return typeof value === 'string' && Object.hasOwn(CorrectionAction, value);
}

/** Fields an `edit` may set. Provenance (`source`, `quote`, offsets) is the text's, never edited. */
export const EDITABLE = ['indicator', 'region', 'period', 'value', 'qualifier', 'denominator', 'unit', 'series', 'status'] as const satisfies readonly ObservationColumn[];
export type EditableField = (typeof EDITABLE)[number];
export type ObservationEdit = Partial<Pick<Observation, EditableField>>;

export interface CorrectionKey {
  quote: string;
  start: number;
  end: number;
}

export type Correction =
  | (CorrectionKey & { action: 'accept' | 'reject'; note?: string; was?: string })
  | (CorrectionKey & { action: 'edit'; set: ObservationEdit; note?: string; was?: string })
  | {
      action: 'add';
      observation: Pick<Observation, 'indicator' | 'region' | 'period' | 'value' | 'unit'> & Partial<Pick<Observation, 'qualifier' | 'denominator' | 'series' | 'status'>> & CorrectionKey;
      note?: string;
    };

export interface Corrections {
  /** The report the corrections belong to (informative). */
  report?: string;
  corrections: Correction[];
}

export interface CorrectionResult {
  /** The corrected observations, in text order: what charts should use. */
  observations: ExtractedObservation[];
  /** Observations the analyst rejected, with the note. */
  rejected: ExtractedObservation[];
  /** Corrections that matched nothing, and other findings. */
  warnings: Diagnostic[];
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a corrections document (parsed JSON, or its text) and returns it typed. Every problem is a
 * ChisoError naming the file and the path inside it (`corrections[2].set.value`).
 */
export function parseCorrections(input: string | Json, file = '<corrections>'): Corrections {
  let doc: Json = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input.replace(/^\ufeff/, ''));
    } catch (e) {
      fail('EXTRACT_CORRECTIONS_JSON', { detail: (e as Error).message }, { file });
    }
  }
  const shape = (path: string, expected: string, value?: Json): never =>
    fail('EXTRACT_CORRECTIONS_SHAPE', { path, expected, value: value === undefined ? undefined : JSON.stringify(value) }, { file });
  if (!isObject(doc)) return shape('(root)', 'an object { "corrections": [...] }', doc);
  for (const k of Object.keys(doc)) if (k !== 'report' && k !== 'corrections') shape(k, '"report" or "corrections"', k);
  if (doc.report !== undefined && typeof doc.report !== 'string') shape('report', 'a string', doc.report);
  if (!Array.isArray(doc.corrections)) return shape('corrections', 'an array', doc.corrections);

  const key = (c: Record<string, Json>, path: string): CorrectionKey => {
    if (typeof c.quote !== 'string' || c.quote === '') shape(`${path}.quote`, 'the extracted phrase', c.quote);
    for (const f of ['start', 'end'] as const) {
      if (!Number.isInteger(c[f]) || (c[f] as number) < 0) shape(`${path}.${f}`, 'a character offset (integer >= 0)', c[f]);
    }
    if ((c.end as number) <= (c.start as number)) shape(`${path}.end`, 'an offset after start', c.end);
    return { quote: c.quote as string, start: c.start as number, end: c.end as number };
  };

  const corrections = doc.corrections.map((c: Json, i: number): Correction => {
    const path = `corrections[${i}]`;
    if (!isObject(c)) return shape(path, 'an object', c);
    if (!isCorrectionAction(c.action)) {
      return fail('EXTRACT_CORRECTION_ACTION', { path: `${path}.action`, value: String(c.action), allowed: Object.keys(CorrectionAction).join(', ') }, { file });
    }
    if (c.note !== undefined && typeof c.note !== 'string') shape(`${path}.note`, 'a string', c.note);
    const note = c.note as string | undefined;
    // `was` records the extraction a correction was written against, for the analyst's eye only.
    const allowed = c.action === 'edit' ? ['action', 'quote', 'start', 'end', 'set', 'note', 'was'] : c.action === 'add' ? ['action', 'observation', 'note'] : ['action', 'quote', 'start', 'end', 'note', 'was'];
    if (c.was !== undefined && typeof c.was !== 'string') shape(`${path}.was`, 'a string', c.was);
    for (const k of Object.keys(c)) if (!allowed.includes(k)) shape(`${path}.${k}`, allowed.map((a) => `"${a}"`).join(', '), k);
    if (c.action === 'add') {
      const o = c.observation;
      if (!isObject(o)) return shape(`${path}.observation`, 'an object', o);
      const k = key(o, `${path}.observation`);
      const fields = checkFields(o, `${path}.observation`, shape, file, true);
      for (const f of Object.keys(o)) if (![...EDITABLE, 'quote', 'start', 'end'].includes(f)) shape(`${path}.observation.${f}`, [...EDITABLE, 'quote', 'start', 'end'].join(', '), f);
      return { action: 'add', observation: { ...(fields as Required<Pick<Observation, 'indicator' | 'region' | 'period' | 'value' | 'unit'>>), ...k }, note };
    }
    const k = key(c, path);
    if (c.action === 'edit') {
      if (!isObject(c.set) || Object.keys(c.set).length === 0) return shape(`${path}.set`, 'an object of fields to change', c.set);
      return { ...k, action: 'edit', set: checkFields(c.set, `${path}.set`, shape, file, false), note, ...(c.was !== undefined ? { was: c.was as string } : {}) };
    }
    return { ...k, action: c.action, note, ...(c.was !== undefined ? { was: c.was as string } : {}) };
  });
  return { ...(typeof doc.report === 'string' ? { report: doc.report } : {}), corrections };
}

/** Validates observation fields by their meaning; `required` for an added observation. */
function checkFields(o: Record<string, Json>, path: string, shape: (p: string, e: string, v?: Json) => never, file: string, required: boolean): ObservationEdit {
  const out: ObservationEdit = {};
  if (required) {
    for (const f of ['indicator', 'region', 'period', 'value', 'unit'] as const) if (!(f in o)) shape(`${path}.${f}`, 'a value (required for "add")');
  } else {
    for (const f of Object.keys(o)) {
      if (!(EDITABLE as readonly string[]).includes(f)) {
        fail('EXTRACT_CORRECTION_FIELD', { path: `${path}.${f}`, value: f, allowed: EDITABLE.join(', ') }, { file });
      }
    }
  }
  for (const f of EDITABLE) {
    if (!(f in o)) continue;
    const v = o[f];
    const at = `${path}.${f}`;
    switch (f) {
      case 'indicator':
      case 'period':
        if (typeof v !== 'string' || v === '') shape(at, 'a non-empty string', v);
        out[f] = v as string;
        break;
      case 'series':
        if (v !== null && (typeof v !== 'string' || v === '')) shape(at, 'a string or null', v);
        out.series = v as string | null;
        break;
      case 'region':
        if (typeof v !== 'string' || !getRegion(v)) shape(at, 'a region id of the registry (42, 42-duc-tho, 34:42, ...)', v);
        out.region = v as string;
        break;
      case 'unit': {
        const u = typeof v === 'string' ? normalizeUnit(v) : undefined;
        if (!u) shape(at, 'a unit of the registry (%, xã, triệu đồng, ...)', v);
        out.unit = u;
        break;
      }
      case 'value':
      case 'denominator':
        if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) shape(at, 'a number or null', v);
        out[f] = v as number | null;
        break;
      case 'qualifier':
        if (v !== null && !isQualifier(v)) shape(at, '">", "<", "~" or null', v);
        out.qualifier = v as Observation['qualifier'];
        break;
      case 'status':
        if (!isStatus(v)) shape(at, '"final" or "preliminary"', v);
        out.status = v as Observation['status'];
        break;
    }
  }
  return out;
}

const keyOf = (k: CorrectionKey) => `${k.start}:${k.end}:${k.quote}`;

function describe(edit: ObservationEdit, before: ExtractedObservation): string {
  return (Object.keys(edit) as EditableField[]).map((f) => `${f} ${JSON.stringify(before[f])} -> ${JSON.stringify(edit[f])}`).join(', ');
}

export interface ApplyOptions {
  /** The report text; when given, an added observation's quote must sit at its offsets. */
  text?: string;
  /** Named in messages and reasons. Default `'<corrections>'`. */
  file?: string;
  /** `source` of added observations. Default: the source of the first extracted observation, else `file`. */
  source?: string;
}

/**
 * Applies an analyst's corrections: `accept` confirms an extraction, `edit` changes its fields (the
 * phrase and offsets stay the text's), `reject` removes it, `add` supplies a figure the extractor
 * missed. Each changed or added observation carries `corrected: true`, the analyst's `note` and a
 * `reason` that says what changed.
 */
export function applyCorrections(extracted: readonly ExtractedObservation[], corrections: Corrections, options: ApplyOptions = {}): CorrectionResult {
  const file = options.file ?? '<corrections>';
  const byKey = new Map<string, ExtractedObservation>();
  for (const o of extracted) byKey.set(keyOf(o), o);
  const edited = new Map<string, ExtractedObservation>();
  const rejected: ExtractedObservation[] = [];
  const rejectedKeys = new Set<string>();
  const added: ExtractedObservation[] = [];
  const warnings: Diagnostic[] = [];
  const source = options.source ?? extracted[0]?.source ?? file;

  corrections.corrections.forEach((c, i) => {
    const path = `corrections[${i}]`;
    const by = `analyst (${file}${c.note ? `: ${c.note}` : ''})`;
    if (c.action === 'add') {
      const o = c.observation;
      if (options.text !== undefined && options.text.slice(o.start, o.end) !== o.quote) {
        fail('EXTRACT_CORRECTION_QUOTE', { path, value: o.quote, start: o.start, end: o.end }, { file });
      }
      added.push({
        qualifier: null, denominator: null, series: null, status: 'final', ...o,
        source, confidence: 1, reason: `added by ${by}`, corrected: true, review: 'added',
        ...(c.note ? { note: c.note } : {}),
      });
      return;
    }
    let target = byKey.get(keyOf(c));
    if (!target && options.text !== undefined && options.text.slice(c.start, c.end) === c.quote) {
      // The text is unchanged but the extraction quotes the figure differently now (a wider or
      // narrower phrase): the one observation overlapping the phrase is the one meant.
      const overlapping = extracted.filter((o) => o.start < c.end && c.start < o.end);
      if (overlapping.length === 1) {
        target = overlapping[0];
        warnings.push(diagnostic('EXTRACT_CORRECTION_REKEYED', { path, value: c.quote, quote: target.quote, start: target.start, end: target.end }, { file }, 'warning'));
      }
    }
    if (!target) {
      warnings.push(diagnostic('EXTRACT_CORRECTION_UNMATCHED', { path, value: c.quote, start: c.start, end: c.end }, { file }, 'warning'));
      return;
    }
    const k = keyOf(target);
    const current = edited.get(k) ?? target;
    if (c.action === 'reject') {
      rejectedKeys.add(k);
      rejected.push({ ...current, reason: `${current.reason}; rejected by ${by}`, ...(c.note ? { note: c.note } : {}) });
    } else if (c.action === 'accept') {
      edited.set(k, { ...current, confidence: 1, review: current.review ?? 'accepted', reason: `${current.reason}; accepted by ${by}`, ...(c.note ? { note: c.note } : {}) });
    } else if (c.action === 'edit') {
      edited.set(k, {
        ...current, ...c.set, confidence: 1, corrected: true, review: 'edited',
        reason: `${current.reason}; corrected by ${by}: ${describe(c.set, current)}`,
        ...(c.note ? { note: c.note } : {}),
      });
    }
  });

  const observations = [
    ...extracted.filter((o) => !rejectedKeys.has(keyOf(o))).map((o) => edited.get(keyOf(o)) ?? o),
    ...added,
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  return { observations, rejected, warnings };
}

/** The corrections entry that confirms, edits or rejects `o`: a start for an analyst's file. */
export function correctionKey(o: ExtractedObservation): CorrectionKey {
  return { quote: o.quote, start: o.start, end: o.end };
}

/**
 * A corrections file to start from: every observation `accept`ed, with what was extracted in `was`.
 * The analyst changes an entry to `edit` (adding `set`) or `reject`, or appends an `add`.
 */
export function correctionsTemplate(observations: readonly ExtractedObservation[], report?: string): Corrections {
  return {
    ...(report ? { report } : {}),
    corrections: observations.map((o) => ({
      ...correctionKey(o),
      action: 'accept' as const,
      was: `${o.indicator}${o.series ? `[${o.series}]` : ''} ${o.region} ${o.period} ${o.qualifier ?? ''}${o.value}${o.denominator !== null ? `/${o.denominator}` : ''} ${o.unit} (${o.confidence})`,
    })),
  };
}
