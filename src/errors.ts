import { escapeControls, message, type Lang, type MessageCode, type MessageParams } from './messages/index.js';
import type { InputLocation } from './types.js';

export { escapeControls };

function where(loc: InputLocation, lang: Lang): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.row !== undefined) parts.push(message('LOCATION_ROW', { row: loc.row }, lang));
  if (loc.column !== undefined) parts.push(message('LOCATION_COLUMN', { column: loc.column }, lang));
  return parts.join(', ');
}

/**
 * A problem found in input or configuration, with a code, its location, and the text in both
 * languages. `message` holds both so a log, a terminal or a test shows the whole of it.
 */
export interface Diagnostic extends InputLocation {
  code: string;
  level: 'error' | 'warning';
  vi: string;
  en: string;
  /** The offending cell or value as it was written. */
  value?: string;
}

export function diagnostic(
  code: MessageCode,
  params: MessageParams,
  location: InputLocation = {},
  level: Diagnostic['level'] = 'error',
): Diagnostic {
  // message() escapes the parameters; the location and the value are shown too.
  if (location.file !== undefined) location = { ...location, file: escapeControls(location.file) };
  if (typeof location.column === 'string') location = { ...location, column: escapeControls(location.column) };
  return {
    code,
    level,
    vi: message(code, params, 'vi'),
    en: message(code, params, 'en'),
    ...location,
    ...(params.value !== undefined ? { value: escapeControls(String(params.value)) } : {}),
  };
}

/** One line per language, location first: `data.csv, dòng 5, cột "2010": ...`. */
export function formatDiagnostic(d: Diagnostic, lang?: Lang): string {
  const langs: Lang[] = lang ? [lang] : ['vi', 'en'];
  return langs
    .map((l) => {
      const loc = where(d, l);
      return `${loc ? loc + ': ' : ''}${d[l]} [${d.code}]`;
    })
    .join('\n');
}

export class ChisoError extends Error {
  readonly code: string;
  readonly diagnostics: Diagnostic[];

  constructor(first: Diagnostic, more: Diagnostic[] = []) {
    super(formatDiagnostic(first));
    this.name = 'ChisoError';
    this.code = first.code;
    this.diagnostics = [first, ...more];
  }

  get file() { return this.diagnostics[0].file; }
  get row() { return this.diagnostics[0].row; }
  get column() { return this.diagnostics[0].column; }

  /** The error's text in one language, for a page or a terminal that speaks one. */
  text(lang: Lang): string {
    return this.diagnostics.map((d) => formatDiagnostic(d, lang)).join('\n');
  }
}

/** A value as an error message quotes it: JSON, cut to 60 characters. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    const s = JSON.stringify(value);
    return s.length > 60 ? s.slice(0, 57) + '...' : s;
  } catch {
    return String(value);
  }
}

/** Shorthand for the common case: throw an error for one code at one location. */
export function fail(code: MessageCode, params: MessageParams = {}, location: InputLocation = {}): never {
  throw new ChisoError(diagnostic(code, params, location));
}

export function isChisoError(e: unknown): e is ChisoError {
  return e instanceof ChisoError;
}
