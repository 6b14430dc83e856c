/**
 * GSO's PX-Web CSV exports: a quoted title line, a blank line, a header, `;` separators, `.`
 * decimals, `..` for missing, `Pre. 2016` for preliminary figures, English names without
 * diacritics, and `WHOLE COUNTRY` with the six regions among the provinces. The indicator is read
 * from the title; the sub-series from the header (`2010 Total`, `2009 Communes`).
 */
import '../messages/data.js';
import type { Indicator } from '../registry/index.js';
import type { LoadContext } from './context.js';
import type { CsvRow } from './csv.js';
import type { DecimalStyle } from './number.js';
import { gsoTitle, readWide } from './wide.js';

/** Titles chiso recognizes, in the words GSO uses, and the indicator each one is. */
const TITLES: { pattern: RegExp; indicator: string }[] = [
  { pattern: /\bpoverty rate\b/i, indicator: 'poverty_rate' },
  { pattern: /\bincome per capita\b/i, indicator: 'income_per_capita' },
  { pattern: /\bnumber of administrative units\b/i, indicator: 'admin_units' },
  { pattern: /^average population by province\b/i, indicator: 'population' },
];

/** The indicator a GSO title names, or `undefined`. */
export function indicatorFromTitle(title: string): string | undefined {
  return TITLES.find((t) => t.pattern.test(title))?.indicator;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * GSO's series text to the catalogue's series id: an id equal to the slug of the text, or an id
 * whose English label is the text; otherwise the slug (`Salary & wage` -> `salary_and_wage`).
 */
export function gsoSeriesId(text: string, indicator: Indicator | null): string {
  const s = slug(text);
  const series = indicator?.series ?? {};
  if (Object.hasOwn(series, s)) return s;
  for (const [id, label] of Object.entries(series)) if (slug(label.en) === s) return id;
  return s;
}

export interface GsoOptions {
  indicator?: string;
  unit?: string;
  /** GSO writes English decimals; default `dot`. */
  decimal?: DecimalStyle;
}

export function readGso(rows: CsvRow[], ctx: LoadContext, options: GsoOptions): void {
  const head = gsoTitle(rows);
  if (!head) {
    ctx.error('DATA_GSO_LAYOUT', {}, { row: 1 });
    return;
  }
  const indicator = options.indicator ?? indicatorFromTitle(head.title);
  if (!indicator) {
    ctx.error('DATA_GSO_UNKNOWN_TITLE', { value: head.title }, { row: rows[head.headerIndex].line - 2 });
    return;
  }
  readWide(rows, ctx, { indicator, unit: options.unit, decimal: options.decimal ?? 'dot', seriesId: gsoSeriesId }, head.headerIndex);
}
