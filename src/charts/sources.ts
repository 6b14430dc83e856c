/**
 * Where a figure comes from, as a reader sees it: an outlet and date, an agency as it was named on the
 * figure's date, a page address — never a path from a repository. Used by every recipe's source line
 * and by `<chiso-source>`, which needs them without loading the recipes.
 */
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { message } from '../messages/index.js';
import { seedSource, seedSourceText } from './seed-sources.js';
import { agencyName, KNOWN_TABLES } from '../registry/agencies.js';
import { periodDays } from '../registry/events.js';

const t = (code: 'CHART_GSO' | 'CHART_SOURCE' | 'CHART_SOURCES_MORE', locale: Lang, params: Record<string, string | number> = {}) => message(code, params, locale);

const GSO_FILE = /(^|\/)gso\//;

/** The agency (src/registry/agencies.ts) that published a source file, or `undefined` (a report, a page). */
export function sourceAgency(source: string): string | undefined {
  const file = source.trim().split(/[#?]|,\s/)[0];
  if (/^https?:\/\//i.test(file) || !GSO_FILE.test(file)) return undefined;
  return KNOWN_TABLES[file.split('/').pop() ?? file]?.agency ?? 'gso';
}

/**
 * One source, shortened: a file shows as its name (with the publisher where chiso knows it: GSO's
 * exports), a seed report as its outlet and date, a page address as host and the start of its path.
 */
export function shortSource(source: string, locale: Lang, period?: string): { publisher?: string; name: string } {
  // Every drawing names the sources of every row it shows (tooltips, the source line): the same few
  // thousand (source, period) pairs again on every selection, so each is worked out once.
  const key = `${locale}\u0000${period ?? ''}\u0000${source}`;
  let short = shortCache.get(key);
  if (!short) {
    if (shortCache.size >= 20_000) shortCache.clear();
    short = Object.freeze(shorten(source, locale, period));
    shortCache.set(key, short);
  }
  return short;
}

const shortCache = new Map<string, Readonly<{ publisher?: string; name: string }>>();

function shorten(source: string, locale: Lang, period?: string): { publisher?: string; name: string } {
  const s = source.trim();
  if (/^https?:\/\//i.test(s)) {
    try {
      const u = new URL(s);
      const host = u.hostname.replace(/^www\./, '');
      const path = u.pathname.replace(/\/$/, '');
      return { name: host + (path.length > 28 ? path.slice(0, 27) + '…' : path) };
    } catch {
      return { name: s.length > 48 ? s.slice(0, 47) + '…' : s };
    }
  }
  // `data/gso/raw/poverty_rate_by_province.csv#row=5&column=2010`: keep the file.
  const file = s.split(/[#?]|,\s/)[0];
  // A seed report: its outlet and date (or what the report covers), not its file name.
  const seed = seedSource(file);
  if (seed) return { name: seedSourceText(seed, locale) };
  const base = file.split('/').pop() ?? file;
  if (!GSO_FILE.test(file)) return { name: base };
  // The agency as it was named on the figure's date (Tổng cục Thống kê until February 2025).
  const days = period === undefined ? null : periodDays(period);
  const agency = agencyName(KNOWN_TABLES[base]?.agency ?? 'gso', days ? days[1] : KNOWN_TABLES[base]?.updated ?? null);
  return { publisher: agency ? agency[locale] : t('CHART_GSO', locale), name: base };
}

/** One observation's source, short, for its tooltip: every point can say where it came from. */
export function sourceText(o: Pick<Observation, 'source'> & Partial<Pick<Observation, 'period'>>, locale: Lang): string {
  if (!o.source) return '';
  const { publisher, name } = shortSource(o.source, locale, o.period);
  return publisher ? `${publisher} (${name})` : name;
}

/** `Nguồn: Tổng cục Thống kê (a.csv, b.csv); trang.vn/…` — deduplicated, grouped by publisher, in order of first use. */
export function sourceLine(rows: readonly Observation[], locale: Lang, max = 3): string | undefined {
  const groups = new Map<string, string[]>();
  for (const o of rows) {
    if (!o.source) continue;
    const { publisher, name } = shortSource(o.source, locale, o.period);
    const key = publisher ?? '\u0000' + name;
    const names = groups.get(key) ?? [];
    if (!names.includes(name)) names.push(name);
    groups.set(key, names);
  }
  if (groups.size === 0) return undefined;
  const items = [...groups.entries()].map(([key, names]) =>
    key.startsWith('\u0000') ? names[0] : `${key} (${names.slice(0, max).join(', ')}${names.length > max ? ' …' : ''})`,
  );
  const shown = items.slice(0, max).join('; ');
  const more = items.length > max ? ' ' + t('CHART_SOURCES_MORE', locale, { count: items.length - max }) : '';
  return `${t('CHART_SOURCE', locale)}: ${shown}${more}`;
}

