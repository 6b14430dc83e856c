/**
 * Node-only: extracts a report file and applies the analyst's corrections kept next to it
 * (`<report>.corrections.json`). Lives apart from the pure extractor so src/extract stays free of the
 * file system in the browser build; exported from `chiso/node`.
 */
import '../messages/data.js';
import '../messages/extract.js';
import { existsSync, readFileSync } from 'node:fs';
import type { Diagnostic } from '../errors.js';
import { fail } from '../errors.js';
import { applyCorrections, parseCorrections } from './corrections.js';
import { extractReport } from './extract.js';
import type { Extraction, ExtractedObservation, ExtractOptions } from './types.js';

export interface ExtractFileOptions extends ExtractOptions {
  /**
   * The corrections file: a path, or `false` to apply none. Default: `<path>.corrections.json`
   * when it exists. A path given explicitly must exist.
   */
  corrections?: string | false;
  /** How the corrections file is named in messages and reasons. Default: its path as given. */
  correctionsName?: string;
}

export interface FileExtraction {
  extraction: Extraction;
  /** The observations after corrections: what charts should use. */
  observations: ExtractedObservation[];
  /** Observations the analyst rejected. */
  rejected: ExtractedObservation[];
  /** The extraction's warnings and the corrections' (unmatched entries). */
  warnings: Diagnostic[];
  /** The corrections file applied, or `null`. */
  corrections: string | null;
}

/** Where the corrections of a report live by default. */
export function correctionsPathFor(reportPath: string): string {
  return `${reportPath}.corrections.json`;
}

function readText(path: string, name: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // The usual mistake gets a sentence in both languages, not the system's English errno text.
    if (code === 'ENOENT') return fail('DATA_FILE_NOT_FOUND', {}, { file: name });
    return fail('EXTRACT_READ_FAILED', { detail: `${what}: ${(e as Error).message}` }, { file: name });
  }
}

/**
 * Reads the report at `path`, extracts its observations (`options.file` defaults to `path`, the
 * source every observation names) and applies its corrections file when there is one.
 */
export function extractFile(path: string, options: ExtractFileOptions = {}): FileExtraction {
  const { corrections: correctionsOption, correctionsName, ...extractOptions } = options;
  const file = extractOptions.file ?? path;
  const extraction = extractReport(readText(path, file, 'report'), { ...extractOptions, file });
  const correctionsPath = correctionsOption === false ? null : correctionsOption ?? correctionsPathFor(path);
  if (correctionsPath === null || (correctionsOption === undefined && !existsSync(correctionsPath))) {
    return { extraction, observations: extraction.observations, rejected: [], warnings: extraction.warnings, corrections: null };
  }
  const name = correctionsName ?? correctionsPath;
  const corrections = parseCorrections(readText(correctionsPath, name, 'corrections'), name);
  const result = applyCorrections(extraction.observations, corrections, { text: extraction.text, file: name, source: file });
  return {
    extraction,
    observations: result.observations,
    rejected: result.rejected,
    warnings: [...extraction.warnings, ...result.warnings],
    corrections: correctionsPath,
  };
}
