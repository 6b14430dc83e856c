// The press layer of the demo: data/press/poverty_2021_2025.csv, marked "as reported by the press",
// on the 63-province map and on the 34-unit map where the old provinces' figures combine honestly,
// with the reason where they do not, and the pages the figures come from. Self-contained: it follows
// the page's language (the <html lang> main.ts sets) and writes text with textContent only.
import '../../src/components/index.js';
import { loadObservations } from '../../src/data/index.js';
import { formatValue } from '../../src/format/index.js';
import { regionName } from '../../src/registry/index.js';
import type { Observation } from '../../src/types.js';
import { latestWeights, namesOf, pressTo34, unitObservations, type UnitFigure, type Weights } from './press-34.js';

const PRESS = '/data/press/poverty_2021_2025.csv';
const WEIGHTS = '/data/weights/population.csv';
const INDICATOR = 'poverty_rate';

type Lang = 'vi' | 'en';

const texts = {
  vi: {
    title: 'Tỷ lệ hộ nghèo 2021–2025 theo báo chí',
    label: 'Theo báo chí',
    intro: 'Số liệu như báo tỉnh, cổng thông tin và báo trung ương đưa tin, đọc từ các đoạn văn thật (data/press/poverty_2021_2025.csv), không phải số thống kê chính thức. Mỗi số giữ địa chỉ trang và câu trích.',
    year: 'Năm',
    map63: (y: string) => `Tỷ lệ hộ nghèo ${y}, 63 tỉnh (theo báo chí)`,
    map34: (y: string) => `Tỷ lệ hộ nghèo ${y}, 34 đơn vị (theo báo chí)`,
    rule: (w: string) => `Trên 34 đơn vị: số báo đưa cho chính đơn vị (sau sắp xếp năm 2025) được dùng trước. Nếu không có, đơn vị giữ nguyên một tỉnh cũ giữ số của tỉnh đó. Đơn vị gộp chỉ có số khi mọi tỉnh cũ đều có số cùng năm và có trọng số; khi đó là trung bình có trọng số theo dân số trung bình năm ${w} (Tổng cục Thống kê, data/weights/population.csv, năm mới nhất có sẵn), giả định quy mô hộ như nhau. Nếu không, đơn vị để trống và ghi lý do.`,
    caption: (y: string) => `34 đơn vị năm ${y}: số liệu hoặc lý do để trống`,
    unit: 'Đơn vị',
    from: 'Gồm các tỉnh cũ',
    value: 'Tỷ lệ hộ nghèo',
    how: 'Cách tính',
    reported: 'báo đưa cho chính đơn vị',
    unchanged: 'giữ nguyên tỉnh cũ',
    combined: 'gộp có trọng số dân số',
    noFigure: 'chưa có số theo báo chí',
    missingFigures: (p: string) => `không gộp: thiếu số của ${p}`,
    missingWeights: (p: string) => `không gộp: thiếu trọng số của ${p}`,
    sources: (n: number) => `Nguồn: ${n} trang đưa tin`,
  },
  en: {
    title: 'Poverty rate 2021–2025 as reported by the press',
    label: 'As reported by the press',
    intro: 'Figures as provincial papers, portals and national papers reported them, read from real passages (data/press/poverty_2021_2025.csv): not official statistics. Every figure keeps its page and phrase.',
    year: 'Year',
    map63: (y: string) => `Poverty rate ${y}, 63 provinces (as reported by the press)`,
    map34: (y: string) => `Poverty rate ${y}, 34 units (as reported by the press)`,
    rule: (w: string) => `On the 34 units: a figure the press gave for the unit itself (after the 2025 reform) comes first. Failing that, a unit that kept one old province keeps its figure. A merged unit has a figure only when every old province has one for the same year and a weight; it is then their mean weighted by average population in ${w} (GSO, data/weights/population.csv, the latest bundled year), assuming equal household sizes. Otherwise the unit is left empty, with the reason.`,
    caption: (y: string) => `The 34 units in ${y}: figure, or why it is empty`,
    unit: 'Unit',
    from: 'Old provinces',
    value: 'Poverty rate',
    how: 'How',
    reported: 'reported for the unit itself',
    unchanged: 'old province unchanged',
    combined: 'combined, population-weighted',
    noFigure: 'no figure reported',
    missingFigures: (p: string) => `not combined: no figure for ${p}`,
    missingWeights: (p: string) => `not combined: no weight for ${p}`,
    sources: (n: number) => `Sources: ${n} reporting pages`,
  },
} as const;

const section = document.querySelector<HTMLElement>('#press');

interface State {
  press: Observation[];
  weights: Weights;
  year: string;
}
let state: State | null = null;

const langOf = (): Lang => (document.documentElement.lang === 'en' ? 'en' : 'vi');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

function howText(u: UnitFigure, lang: Lang): string {
  const t = texts[lang];
  switch (u.how) {
    case 'reported': return t.reported;
    case 'unchanged': return t.unchanged;
    case 'combined': return t.combined;
    case 'no-figure': return t.noFigure;
    case 'missing-figures': return t.missingFigures(namesOf(u.missing, lang));
    case 'missing-weights': return t.missingWeights(namesOf(u.missing, lang));
  }
}

function render(): void {
  if (!section || !state) return;
  const lang = langOf();
  const t = texts[lang];
  const { press, weights, year } = state;
  for (const e of section.querySelectorAll<HTMLElement>('[data-press]')) {
    const key = e.dataset.press as 'title' | 'label' | 'intro' | 'year';
    e.textContent = texts[lang][key];
  }
  section.querySelector('[data-press-rule]')!.textContent = t.rule(weights.period);

  const map63 = section.querySelector<HTMLElement & { data?: Observation[] }>('#press-63')!;
  const map34 = section.querySelector<HTMLElement & { data?: Observation[] }>('#press-34')!;
  const units = pressTo34(press, weights, INDICATOR, year);
  for (const [map, title] of [[map63, t.map63(year)], [map34, t.map34(year)]] as const) {
    map.setAttribute('lang', lang);
    map.setAttribute('period', year);
    map.setAttribute('chart-title', title);
  }
  map63.data = press.filter((o) => o.indicator === INDICATOR && o.series === null && o.period === year);
  map34.data = unitObservations(units, INDICATOR);

  // The 34 units: merged ones first (where the rule decides), then those that kept one province.
  const table = section.querySelector<HTMLTableElement>('#press-units')!;
  table.replaceChildren();
  table.append(el('caption', t.caption(year)));
  const head = el('tr');
  for (const h of [t.unit, t.from, t.value, t.how]) {
    const th = el('th', h);
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  const ordered = [...units].sort((a, b) => Number(b.from.length > 1) - Number(a.from.length > 1) || Number(b.value !== null) - Number(a.value !== null));
  for (const u of ordered) {
    const tr = el('tr');
    tr.dataset.unit = u.unit;
    tr.dataset.how = u.how;
    const th = el('th', regionName(u.unit, lang));
    th.scope = 'row';
    tr.append(th, el('td', namesOf(u.from, lang)), el('td', formatValue({ value: u.value, unit: '%' }, lang, { missing: '—' })), el('td', howText(u, lang)));
    body.append(tr);
  }
  table.append(body);

  // The pages the year's provincial figures come from, as links (the address is data: set as a property, shown as text).
  const pages = new Map<string, string[]>();
  for (const o of press) {
    if (o.indicator !== INDICATOR || o.period !== year || o.series !== null || !/^(34:)?\d\d$/.test(o.region) || !/^https?:\/\//.test(o.source)) continue;
    pages.set(o.source, [...(pages.get(o.source) ?? []), regionName(o.region, lang)]);
  }
  section.querySelector('[data-press-sources]')!.textContent = t.sources(pages.size);
  const list = section.querySelector<HTMLUListElement>('#press-sources')!;
  list.replaceChildren(
    ...[...pages].map(([url, regions]) => {
      const li = el('li', `${[...new Set(regions)].join(', ')}: `);
      const a = el('a', new URL(url).hostname);
      a.href = url;
      a.rel = 'noopener noreferrer';
      li.append(a);
      return li;
    }),
  );
}

async function load(url: string): Promise<Observation[]> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return loadObservations(new Uint8Array(await res.arrayBuffer()), { file: url.slice(1) }).observations;
}

async function start(): Promise<void> {
  if (!section) return;
  const [press, population] = await Promise.all([load(PRESS), load(WEIGHTS)]);
  // Years with a provincial figure, before the reform (63) or after it (34).
  const years = [...new Set(press.filter((o) => o.indicator === INDICATOR && o.series === null && /^(34:)?\d\d$/.test(o.region)).map((o) => o.period))].sort();
  // The year with the most provinces reported opens the section.
  const count = (y: string) => press.filter((o) => o.indicator === INDICATOR && o.period === y && /^\d\d$/.test(o.region)).length;
  const select = section.querySelector<HTMLSelectElement>('#press-year')!;
  select.replaceChildren(...years.map((y) => { const o = el('option', y); o.value = y; return o; }));
  const year = years.reduce((a, b) => (count(b) > count(a) ? b : a));
  select.value = year;
  state = { press, weights: latestWeights(population), year };
  select.addEventListener('change', () => {
    state!.year = select.value;
    render();
  });
  render();
  section.dataset.ready = 'true';
  // main.ts switches the language on <html lang>: follow it.
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

start().catch((e: unknown) => {
  if (!section) return;
  const p = el('p', `Không tải được số liệu theo báo chí / The press figures did not load: ${e instanceof Error ? e.message : String(e)}`);
  p.setAttribute('role', 'alert');
  section.append(p);
});
