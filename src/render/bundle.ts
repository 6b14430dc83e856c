/**
 * "Download everything" (Tải tất cả): one ZIP per chart with the rows as CSV (codes and names, BOM),
 * `metadata.json` (about the data, the query, the chart spec), a README in Vietnamese and English and a
 * suggested citation. The same files in the page and in `chiso render --bundle`; the zip library
 * (fflate's synchronous, eval-free `zipSync`) loads only when a bundle is made.
 */
import '../messages/charts.js';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { formatPeriod } from '../format/period.js';
import { message } from '../messages/index.js';
import { regionName } from '../registry/names.js';
import { aboutData, aboutEntries, type AboutData } from '../charts/about.js';
import { EXPORT_COLUMNS, observationsToCSV, withRegionNames } from '../components/core/csv.js';

export const BUNDLE_FILES = ['data.csv', 'metadata.json', 'README.md', 'CITATION.txt'] as const;
export type BundleFile = (typeof BUNDLE_FILES)[number];

export interface BundleInput {
  /** The observations drawn. */
  rows: readonly Observation[];
  /** The chart spec drawn (Vega-Lite). */
  spec: unknown;
  /** The question the rows answer: indicator, regions, periods, filters, chart type. */
  query: Record<string, unknown>;
  /** Language of the CSV's region names. */
  lang: Lang;
  /** The page the chart was taken from (the citation's "retrieved from"); none for the CLI. */
  url?: string;
  /** The day the bundle is made (ISO `YYYY-MM-DD`). */
  date: string;
}

const LANGS: readonly Lang[] = ['vi', 'en'];

/** `Tỷ lệ hộ nghèo, Hà Tĩnh, 2010–2016. Nguồn: … . Truy xuất từ <url> ngày <date>, bằng chiso.` */
export function citation(rows: readonly Observation[], about: AboutData, lang: Lang, url: string | undefined, date: string): string {
  const regions = [...new Set(rows.filter((o) => o.indicator === about.indicator).map((o) => o.region))];
  const names = regions.slice(0, 3).map((r) => regionName(r, lang)).join(', ') + (regions.length > 3 ? ', …' : '');
  const p = about.periods;
  const span = p ? (p.first === p.last ? formatPeriod(p.first, lang) : `${formatPeriod(p.first, lang)}–${formatPeriod(p.last, lang)}`) : '';
  const what = [about.label, names, span].filter(Boolean).join(', ');
  const sources = about.sources.length ? about.sources.join('; ') : '—';
  return message('ABOUT_CITATION', { what, sources, url: url ?? '', date: formatPeriod(date, lang) }, lang);
}

/** The bundle's files as text, by name (`BUNDLE_FILES`). */
export function bundleFiles(input: BundleInput): Record<BundleFile, string> {
  const { rows, lang, url, date } = input;
  const indicators = [...new Set(rows.map((o) => o.indicator))];
  const about = Object.fromEntries(LANGS.map((l) => [l, indicators.map((id) => aboutData(rows, id, l))])) as Record<Lang, AboutData[]>;
  const cite = Object.fromEntries(LANGS.map((l) => [l, about[l].map((a) => citation(rows, a, l, url, date)).join('\n')])) as Record<Lang, string>;
  const metadata = { generator: 'chiso', date, ...(url ? { url } : {}), rows: rows.length, about, citation: cite, query: input.query, spec: input.spec };
  const readme: string[] = [`# ${about.vi.map((a) => a.label).join(', ')} / ${about.en.map((a) => a.label).join(', ')}`, ''];
  for (const l of LANGS) {
    readme.push(`## ${l === 'vi' ? 'Tiếng Việt' : 'English'}`, '', message('ABOUT_README', {}, l), '');
    for (const a of about[l]) {
      readme.push(`### ${message('ABOUT_TITLE', {}, l)}: ${a.label}`, '');
      for (const e of aboutEntries(a, l)) readme.push(`- ${e.heading}: ${e.lines.join('; ')}`);
      readme.push('');
    }
    readme.push(`### ${message('ABOUT_CITE_AS', {}, l)}`, '', cite[l], '');
  }
  return {
    'data.csv': observationsToCSV(withRegionNames(rows, lang), EXPORT_COLUMNS),
    'metadata.json': JSON.stringify(metadata, null, 2) + '\n',
    'README.md': readme.join('\n'),
    'CITATION.txt': `${cite.vi}\n\n${cite.en}\n`,
  };
}

/** The files as one ZIP (fflate, loaded on first use). */
export async function zipBundle(files: Record<string, string>): Promise<Uint8Array> {
  const { zipSync, strToU8 } = await import('fflate');
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6 });
}
