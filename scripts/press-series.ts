// Builds data/press/poverty_2021_2025.csv and the coverage table of data/press/README.md from the
// hand-checked annotations of the extraction corpus (data/extract-corpus/passages.jsonl): every
// poverty, near-poverty and multidimensional rate of 2021–2025 that a passage reports for a province
// (63 or 34 units), a socio-economic region or the country, stated as a fact (no target, estimate or
// bound), with the page it was read from and the phrase that says it.
//
//   npx tsx scripts/press-series.ts          write both files
//   npx tsx scripts/press-series.ts --check  exit 1 if either is not what the corpus gives
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvParseRows } from 'd3-dsv';
import { formatCsv } from '../src/data/csv-format.js';
import { getRegion } from '../src/registry/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = 'data/extract-corpus/passages.jsonl';
const CSV = 'data/press/poverty_2021_2025.csv';
const README = 'data/press/README.md';

const INDICATORS = ['poverty_rate', 'near_poor_rate', 'poor_near_poor_rate'] as const;
const YEARS = ['2021', '2022', '2023', '2024', '2025'];
const COLUMNS = ['indicator', 'region', 'period', 'value', 'qualifier', 'denominator', 'unit', 'series', 'status', 'source', 'quote', 'start', 'end', 'note'];

interface Expected {
  indicator: string;
  region: string;
  period: string | number;
  value: number;
  unit: string | null;
  series: string | null;
  qualifier: string | null;
}
interface Passage {
  id: string;
  url: string;
  text: string;
  expected: Expected[];
}
export interface PressRow {
  indicator: string;
  region: string;
  period: string;
  value: number;
  series: string;
  source: string;
  quote: string;
  note: string;
}

/** The units the series keeps: the 63 provinces, the 34 units of 2025, the six regions, the country. */
export function isPressRegion(region: string): boolean {
  return /^\d\d$/.test(region) || /^34:\d\d$/.test(region) || /^R[1-6]$/.test(region) || region === 'VN';
}

/** Words that name each indicator in a phrase, to pick the right one of two equal figures. */
const NAMES: Record<string, RegExp> = {
  poverty_rate: /(?<!cận )nghèo/i,
  near_poor_rate: /cận nghèo/i,
  poor_near_poor_rate: /đa chiều|nghèo và (hộ )?cận nghèo|nghèo, (hộ )?cận nghèo/i,
};

/** The number as written in Vietnamese text: comma for decimals, full stop for thousands. */
function parseVi(s: string): number {
  return Number(s.replace(/\./g, '').replace(',', '.'));
}

/**
 * The shortest phrase of `text` that states `value` % and names its indicator: the clause ending at
 * the figure, widened clause by clause (commas) until it names the indicator, never past a sentence.
 */
export function quoteFor(text: string, value: number, indicator: string): string | null {
  const found: string[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*\s?%/g)) {
    if (Math.abs(parseVi(m[0].replace(/\s?%$/, '')) - value) > 1e-9) continue;
    const end = m.index! + m[0].length;
    const sentenceStart = Math.max(0, ...['. ', '.\n', ';', '\n'].map((d) => {
      const at = text.lastIndexOf(d, m.index!);
      return at < 0 ? 0 : at + d.length;
    }));
    let start = m.index!;
    let phrase = '';
    do {
      // Past the comma or colon that ended the last clause tried; a comma between digits is a decimal mark.
      let comma = text.lastIndexOf(',', start - 2);
      while (comma > 0 && /\d/.test(text[comma - 1]) && /\d/.test(text[comma + 1] ?? '')) comma = text.lastIndexOf(',', comma - 1);
      const boundary = Math.max(comma, text.lastIndexOf(':', start - 2));
      start = boundary < sentenceStart ? sentenceStart : boundary + 1;
      phrase = text.slice(start, end).trim().replace(/\s+/g, ' ');
    } while (!NAMES[indicator].test(phrase) && start > sentenceStart);
    found.push(phrase);
  }
  return found.find((p) => NAMES[indicator].test(p)) ?? found[0] ?? tableRow(text, value, indicator);
}

/**
 * A statistical yearbook's row states its unit once, "Tỷ lệ hộ nghèo tiếp cận đa chiều (%) 0,89 0,69 0,38":
 * the row is the phrase, when it names the indicator, says "(%)" and holds the figure.
 */
function tableRow(text: string, value: number, indicator: string): string | null {
  for (const line of text.split('\n')) {
    if (!/\(%\)/.test(line) || !NAMES[indicator].test(line)) continue;
    if ((line.match(/\d+(?:[.,]\d+)*/g) ?? []).some((n) => Math.abs(parseVi(n) - value) < 1e-9)) return line.trim().replace(/\s+/g, ' ');
  }
  return null;
}

/** Every row the corpus gives, in a stable order; the phrase and note kept from `previous` where they were written by hand. */
export function pressRows(passages: readonly Passage[], previous: ReadonlyMap<string, { quote: string; note: string }> = new Map()): PressRow[] {
  const rows = new Map<string, PressRow>();
  for (const p of passages) {
    for (const e of p.expected) {
      const period = String(e.period);
      if (!(INDICATORS as readonly string[]).includes(e.indicator) || !YEARS.includes(period) || e.qualifier || !isPressRegion(e.region)) continue;
      const series = e.series ?? '';
      // One figure reported by two pages (or one page read in two passages) gives one row, from the
      // first; two pages that disagree both stay, each with its source.
      const key = [e.indicator, e.region, period, series, p.url].join('|');
      const same = [...rows.values()].some((r) => r.indicator === e.indicator && r.region === e.region && r.period === period && r.series === series && r.value === e.value);
      if (rows.has(key) || same) continue;
      const quote = previous.get(key)?.quote ?? quoteFor(p.text, e.value, e.indicator);
      if (!quote) throw new Error(`${CORPUS}: passage ${p.id}: ${e.value}% (${e.indicator}) is not in its text / không thấy số ${e.value}% trong đoạn văn`);
      rows.set(key, { indicator: e.indicator, region: e.region, period, value: e.value, series, source: p.url, quote, note: previous.get(key)?.note ?? `as reported; corpus passage ${p.id}` });
    }
  }
  const order = (r: PressRow) => [r.indicator, r.region.padStart(6, ' '), r.period, r.series, r.source].join('|');
  return [...rows.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/**
 * The file as chiso's CSV writer writes it, without the spreadsheet guard: it is data read back by
 * chiso's loader, and a quote beginning with "+" or "-" must stay the page's own words.
 */
export function toCsv(rows: readonly PressRow[]): string {
  const cells = rows.map((r) => [r.indicator, r.region, r.period, String(r.value), '', '', '%', r.series, 'final', r.source, r.quote, '', '', r.note]);
  return formatCsv([COLUMNS, ...cells], { lineEnd: '\n', bom: false, neutralize: false });
}

/** The coverage paragraph and table of the README: which unit has any figure in which year. */
export function coverage(rows: readonly PressRow[]): string {
  const whole = rows.filter((r) => r.series === '');
  const units = [...new Set(rows.map((r) => r.region))].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const provinces = units.filter((u) => /^\d\d$/.test(u));
  const merged = units.filter((u) => u.startsWith('34:'));
  const pages = new Set(rows.map((r) => r.source)).size;
  const provinceYears = new Set(rows.filter((r) => /^\d\d$/.test(r.region)).map((r) => `${r.region}|${r.period}`)).size;
  const byYear = YEARS.map((y) => `${y}: ${new Set(whole.filter((r) => r.indicator === 'poverty_rate' && r.period === y && (/^\d\d$/.test(r.region) || r.region.startsWith('34:'))).map((r) => r.region)).size}`).join(', ');
  const head = [
    `${rows.length} observations from ${pages} pages: **${provinces.length} of the 63 provinces, ${provinceYears} province-years**` +
      (merged.length ? `, ${merged.length} of the 34 units of 2025 reported as such` : '') +
      `, plus the socio-economic regions and the country. By year, provinces and units with a poverty rate: ${byYear}.` +
      ' Most provinces have a single year: the series is far from a panel, and a province without a figure is unknown, not zero.' +
      ' The table marks each unit and year with any figure (poverty, near-poverty or both together):',
    '',
    `| region | name | ${YEARS.join(' | ')} |`,
    `|---|---|${YEARS.map(() => '---').join('|')}|`,
  ];
  const body = units.map((u) => `| ${u} | ${getRegion(u)?.name ?? u} | ${YEARS.map((y) => (rows.some((r) => r.region === u && r.period === y) ? 'x' : '')).join(' | ')} |`);
  return [...head, ...body].join('\n');
}

function rank(region: string): number {
  if (/^\d\d$/.test(region)) return 0;
  if (region.startsWith('34:')) return 1;
  if (region === 'VN') return 3;
  return 2;
}

/** Quotes and notes already in the CSV, by row key: what was written by hand is kept. */
export function previousRows(csv: string): Map<string, { quote: string; note: string }> {
  const out = new Map<string, { quote: string; note: string }>();
  for (const [indicator, region, period, , , , , series, , source, quote, , , note] of csvParseRows(csv).slice(1)) {
    out.set([indicator, region, period, series, source].join('|'), { quote, note });
  }
  return out;
}

const START = '## Coverage\n\n';
const END = '\n\n## Where it is shown';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const read = (p: string) => readFileSync(root + p, 'utf8');
  const passages = read(CORPUS).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Passage);
  const csvBefore = read(CSV);
  const rows = pressRows(passages, previousRows(csvBefore));
  const csv = toCsv(rows);
  const readme = read(README);
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < 0) throw new Error(`${README}: the "## Coverage" or "## Where it is shown" heading is missing`);
  const readmeAfter = readme.slice(0, a + START.length) + coverage(rows) + readme.slice(b);
  if (process.argv.includes('--check')) {
    const stale = [csv !== csvBefore && CSV, readmeAfter !== readme && README].filter(Boolean);
    if (stale.length) {
      console.error(`${stale.join(', ')}: not what the corpus gives; run npx tsx scripts/press-series.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(root + CSV, csv);
    writeFileSync(root + README, readmeAfter);
    console.log(`${CSV}: ${rows.length} rows`);
  }
}
