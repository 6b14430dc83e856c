/**
 * src/extract: indicator observations from report text, with provenance and analyst corrections.
 * Pure: no file system here (`read-file.ts`, which reads a report and its corrections, is exported
 * from `chiso/node`).
 */
export { extractObservations, extractReport } from './extract.js';
export type { ExtractedObservation, ExtractOptions, Extraction, SkippedFigure } from './types.js';
export { readReport, ReportFormat, isReportFormat } from './report.js';
export type { Report, Span } from './report.js';
export { htmlToText, decodeEntities, looksLikeHtml } from './html.js';
export { scanFigures } from './figures.js';
export type { Figure, NumberRole } from './figures.js';
export { RULES } from './rules.js';
export type { Rule } from './rules.js';
export { applyCorrections, parseCorrections, correctionKey, correctionsTemplate, CorrectionAction, isCorrectionAction, EDITABLE } from './corrections.js';
export type { Correction, Corrections, CorrectionKey, CorrectionResult, ApplyOptions, ObservationEdit, EditableField } from './corrections.js';
