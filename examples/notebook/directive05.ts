// Chỉ thị 05 qua các báo cáo: the five seed reports read as data, every figure beside its phrase.
import * as aq from 'arquero';
import { cell, many, table, note, chart } from './lib/notebook.js';
import { fetchText, loadFile, nameOf } from './lib/data.js';
import { el, marked } from './lib/dom.js';
import '../../src/components/source/source.js';
import '../../src/components/dashboard/dashboard.js';
import { extractReport, type Extraction, type ExtractedObservation } from '../../src/extract/index.js';
import { formatValue, formatPeriod } from '../../src/format/index.js';
import { getIndicator, isIndicatorId } from '../../src/registry/index.js';
import { theme } from '../../src/charts/index.js';
import { formatDiagnostic } from '../../src/errors.js';
import type { TopLevelSpec } from 'vega-lite';

const REPORTS = [
  'data/seeds/raw/000_05db81f9f313bbf0.txt',
  'data/seeds/raw/001_ae49d86c8a92acb4.txt',
  'data/seeds/raw/002_8f0ff18a4f7cf0ed.txt',
  'data/seeds/raw/003_9ea99d9bd68773f4.txt',
  'data/seeds/raw/004_748b5fa953de36ad.txt',
];

let extractions: Promise<Extraction[]> | null = null;
/** The extractor on each report, run once for the page. */
const reports = () => (extractions ??= Promise.all(REPORTS.map(async (file) => extractReport(await fetchText(file), { file }))));
const curated = () => loadFile('data/seeds/observations.csv');

const label = (id: string) => (isIndicatorId(id) ? getIndicator(id).label.vi : id);
const seriesLabel = (id: string, series: string | null) => (series && isIndicatorId(id) ? (getIndicator(id).series?.[series]?.vi ?? series) : (series ?? ''));

cell(
  {
    title: 'Năm bản tin, đọc bằng bộ trích số liệu',
    prose: `extractReport đọc văn bản của từng bản tin: ngày đăng, địa phương và kỳ của cả bài (kèm lý do chọn), rồi từng con số gắn với một chỉ tiêu, mỗi số giữ nguyên văn câu chữ và vị trí của nó trong bài. Những con số không gắn được chỉ tiêu nào (số lượt đọc trang, "hàng trăm sáng kiến") được liệt kê riêng, không bị bỏ qua âm thầm.`,
    en: 'The extractor reads each report: its date, region and period (with why), then every figure tied to an indicator, with its exact phrase and offsets; numbers it passes over are listed, not dropped silently.',
  },
  async () => {
    const all = await reports();
    return all.map((r) => ({
      file: r.report.file.replace('data/seeds/raw/', ''),
      region: r.report.region,
      name: r.report.region ? nameOf(r.report.region) : null,
      date: r.report.date,
      period: r.report.period,
      figures: r.observations.length,
      skipped: r.skipped.length,
      warnings: r.warnings.length,
      'region from': r.report.regionHow,
    }));
  },
);

cell(
  {
    title: 'Đối chiếu với bảng số liệu đã kiểm tra tay',
    prose: `data/seeds/observations.csv là các số liệu của năm bản tin do người đọc ghi lại, kèm câu trích và vị trí. So từng số trích tự động với bảng này: cùng chỉ tiêu, địa phương, kỳ, chuỗi, giá trị, và câu trích nằm chồng lên nhau trong văn bản (hai bên có thể cắt câu rộng hẹp khác nhau).`,
    en: 'The extracted figures against the hand-curated file, matched on indicator, region, period, series and value, read from overlapping places of the text.',
  },
  async () => {
    const [all, { observations: hand }] = await Promise.all([reports(), curated()]);
    type Fig = { indicator: string; region: string; period: string; value: number | null; series: string | null; quote: string | null };
    const sameFigure = (a: Fig, b: Fig) => a.indicator === b.indicator && a.region === b.region && a.period === b.period && a.value === b.value && a.series === b.series;
    // The two may cut the phrase differently ("tổng số 36 mô hình/điển hình" / "36 mô hình/điển hình"):
    // the same figure read from overlapping places of the text is a match.
    const overlaps = (o: ExtractedObservation, h: Fig, text: string) => {
      const at = h.quote ? text.indexOf(h.quote) : -1;
      return at >= 0 && at < o.end && o.start < at + h.quote!.length;
    };
    const rows = all.map((r) => {
      const mine = hand.filter((o) => o.source === r.report.file);
      const matched = r.observations.filter((o) => mine.some((h) => sameFigure(o, h) && overlaps(o, h, r.text)));
      const exact = matched.filter((o) => mine.some((h) => sameFigure(o, h) && h.quote === o.quote));
      return {
        report: r.report.file.replace('data/seeds/raw/', ''),
        curated: mine.length,
        extracted: r.observations.length,
        matched: matched.length,
        'same phrase exactly': exact.length,
        'only extracted': r.observations.length - matched.length,
        'only curated': mine.length - matched.length,
      };
    });
    const skipped = all.flatMap((r) => r.skipped.map((s) => ({ report: r.report.file.replace('data/seeds/raw/', ''), text: s.text, why: s.why })));
    const warnings = all.flatMap((r) => r.warnings);
    return many(
      table(rows, { caption: 'Trích tự động so với bảng kiểm tra tay' }),
      table(skipped, { caption: 'Những con số bộ trích bỏ qua, và vì sao' }),
      ...warnings.map((d) => note(formatDiagnostic(d, 'vi'), formatDiagnostic(d, 'en'))),
    );
  },
);

cell(
  {
    title: 'Mỗi con số bên cạnh câu chữ của nó',
    prose: `Với từng bản tin: chỉ tiêu, con số (kèm "trên", "gần", phân số như 30/31), kỳ, và câu trích nguyên văn; dưới mỗi số là cả đoạn văn chứa nó, câu trích được tô sáng. Đoạn văn được dựng bằng các nút văn bản (text node), không bao giờ chèn chuỗi từ dữ liệu thành mã HTML.`,
    en: 'Per report: indicator, figure (qualifier and fraction included), period and the exact phrase, with the paragraph around it and the phrase marked, built from text nodes, never markup.',
  },
  async () => {
    const all = await reports();
    const root = el('div', { class: 'reports' });
    let n = 0;
    for (const r of all) {
      const place = r.report.region ? nameOf(r.report.region) : r.report.file;
      const section = el('section', { class: 'report', 'data-file': r.report.file }, el('h3', {}, `${place} — ${r.report.file}`));
      // The reports keep one paragraph per line: group the figures by the line their phrase sits on.
      const paragraphs = new Map<number, ExtractedObservation[]>();
      for (const o of r.observations) {
        const from = r.text.lastIndexOf('\n', o.start) + 1;
        paragraphs.set(from, [...(paragraphs.get(from) ?? []), o]);
      }
      for (const [from, figures] of paragraphs) {
        const nl = r.text.indexOf('\n', from);
        const paragraph = r.text.slice(from, nl < 0 ? r.text.length : nl);
        const numbers = figures.map(() => ++n);
        const spans = figures.map((o, i) => ({ start: o.start - from, end: o.end - from, label: String(numbers[i]) }));
        section.append(
          el(
            'div',
            { class: 'evidence' },
            el('ol', { class: 'figures' }, ...figures.map((o, i) => figureItem(o, numbers[i]))),
            el('blockquote', { class: 'paragraph', lang: 'vi', tabindex: '0' }, marked(paragraph, spans)),
          ),
        );
      }
      root.append(section);
    }
    return root;
  },
);

/** One figure: what it measures, the value, the period and the phrase it was read from. */
function figureItem(o: ExtractedObservation, n: number): HTMLElement {
  const series = seriesLabel(o.indicator, o.series);
  return el(
    'li',
    { class: 'figure-item', value: n, 'data-indicator': o.indicator },
    el('strong', {}, `${label(o.indicator)}${series ? ` (${series})` : ''}: `),
    el('span', { class: 'value' }, formatValue(o, 'vi', { qualifier: 'words' })),
    ` · ${formatPeriod(o.period, 'vi')} · `,
    el('q', { class: 'quote', lang: 'vi' }, o.quote),
  );
}

cell(
  {
    title: 'So sánh giữa Kiên Giang, Đồng Nai, Đức Thọ, Kỳ Anh, Bắc Kạn',
    prose: `Các bản tin không báo cáo cùng một bộ chỉ tiêu, cùng một kỳ hay cùng một cấp (tỉnh, huyện, thị xã): bảng chéo dưới cho thấy chỗ trống nhiều hơn chỗ có số. Chỉ tiêu chung nhất là số tập thể và cá nhân được khen thưởng; kỳ khen thưởng khác nhau (2019, 2021-2023) nên biểu đồ ghi kỳ bên cạnh tên địa phương, và không nên đọc như một xếp hạng.`,
    en: 'The reports share few indicators, periods or levels: the cross table is mostly empty. Commendations are the common figure; their periods differ, so the chart names each period and is no ranking.',
  },
  async () => {
    const { observations: hand } = await curated();
    const places = ['91', '75', '42-duc-tho', '42-tx-ky-anh', '06'];
    const cross = aq
      .from(hand.map((o) => ({ indicator: label(o.indicator), series: seriesLabel(o.indicator, o.series), place: nameOf(o.region), figure: formatValue(o, 'vi') })))
      .groupby('indicator', 'series')
      .pivot('place', 'figure');
    const commendations = hand
      .filter((o) => o.indicator === 'commendations' && places.includes(o.region))
      .map((o) => ({ region: o.region, place: `${nameOf(o.region)} (${formatPeriod(o.period, 'vi')})`, series: seriesLabel(o.indicator, o.series), value: o.value, quote: o.quote }));
    const spec: TopLevelSpec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: 'Khen thưởng trong các bản tin về Chỉ thị 05', subtitle: 'Nguồn: năm bản tin trong data/seeds/raw; kỳ khác nhau, không so sánh như xếp hạng' },
      description: `Số tập thể và cá nhân được khen thưởng theo ${new Set(commendations.map((c) => c.region)).size} bản tin.`,
      data: { values: commendations },
      width: 420,
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'place', type: 'nominal', title: null, sort: null },
        yOffset: { field: 'series' },
        x: { field: 'value', type: 'quantitative', title: 'Số được khen thưởng' },
        color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom' } },
        tooltip: [{ field: 'place' }, { field: 'series' }, { field: 'value' }, { field: 'quote', title: 'Trích' }],
      },
      config: theme('vi'),
    };
    return many(table(cross, { caption: 'Chỉ tiêu × địa phương (bảng kiểm tra tay)', pageSize: 25 }), chart(spec));
  },
);

cell(
  {
    title: 'Nguồn, như trên cổng thông tin',
    prose: `Cùng các số liệu đã kiểm tra tay, trong thẻ <chiso-source> của chiso (đặt trong một <chiso-dashboard> giữ dữ liệu): mỗi nguồn một dòng, kèm các chỉ tiêu và câu trích nguyên văn, như người đọc cổng thông tin sẽ thấy dưới biểu đồ.`,
    en: 'The curated figures in chiso’s own <chiso-source> element: each source with its indicators and exact phrases, as a portal reader sees it.',
  },
  async () => {
    const { observations: hand } = await curated();
    const dashboard = document.createElement('chiso-dashboard');
    dashboard.setAttribute('lang', 'vi');
    dashboard.data = hand;
    const source = document.createElement('chiso-source');
    source.setAttribute('max-quotes', '30');
    dashboard.append(source);
    return dashboard;
  },
);
