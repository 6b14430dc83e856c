import type { Diagnostic } from '../errors.js';
import type { Observation } from '../types.js';
import type { ReportFormat } from './report.js';

/**
 * An observation read from report text, with its provenance: `source` is the file, `quote` the exact
 * phrase, `start`/`end` its offsets in the report text (JS string indices into the text after HTML
 * stripping, NFC and removing a byte-order mark; for a plain-text NFC file without a BOM, indices into
 * the file itself). `Extraction.text` is that text.
 */
export interface ExtractedObservation extends Observation {
  quote: string;
  start: number;
  end: number;
  /** How sure the extraction is, 0..1: the rule's own certainty, lowered for guessed context or a malformed number. */
  confidence: number;
  /** Which pattern and which context decided: rule id, region and period and where they came from. */
  reason: string;
  /** True when an analyst's correction changed or added this observation. */
  corrected?: boolean;
  /** The analyst's verdict, when a corrections file gave one. */
  review?: 'accepted' | 'edited' | 'added';
  /** The analyst's note from the corrections file. */
  note?: string;
}

export interface ExtractOptions {
  /** Written to each observation's `source`. Default `'<input>'`. */
  file?: string;
  /** How the input is written. Default `'auto'` (markup is detected). */
  format?: ReportFormat;
  /**
   * The report's own region (a registry id), used wherever no nearer mention names another.
   * Default: read from the report's headline and opening.
   */
  region?: string;
  /**
   * The report's own period (`2022`, `2021-2023`, `2024-05-07`): the default period and the
   * reference for `Trong 3 năm qua`, `Đến nay`. Default: the report's date, else the first year its
   * opening names.
   */
  period?: string;
  /** Drop observations below this confidence. Default `0` (keep all). */
  minConfidence?: number;
  /**
   * Keep `hàng trăm sáng kiến` (an order of magnitude, no figure) as an observation with value
   * `null` when its wording names an indicator. Default `false`: listed in `skipped` only.
   */
  unquantified?: boolean;
}

/** A number the extractor read and did not turn into an observation, with why. */
export interface SkippedFigure {
  start: number;
  end: number;
  text: string;
  why: string;
}

export interface Extraction {
  observations: ExtractedObservation[];
  /** What the extractor decided about the report as a whole. */
  report: {
    file: string;
    format: 'text' | 'html';
    /** The report's date (ISO), if it states one. */
    date: string | null;
    region: string | null;
    regionHow: string;
    period: string | null;
    periodHow: string;
  };
  /** Figure-like numbers passed over (no indicator wording, unquantified, page furniture). */
  skipped: SkippedFigure[];
  /** Findings worth a reader's eye: malformed numbers, figures without region, figures left out for want of a period. */
  warnings: Diagnostic[];
  /** The report text all offsets refer to. */
  text: string;
}
