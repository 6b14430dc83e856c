import type { Catalogue } from './index.js';

const n = (v: unknown) => String(v ?? '');
const pad2 = (v: unknown) => String(v ?? '').padStart(2, '0');
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The words of src/format and src/charts that the elements show without a chart recipe (periods,
 * sources, the about panel, a legend): in the portal bundle with the elements. The rest of the
 * charts' texts travel with the recipes (./charts.ts). Codes are UPPER_SNAKE and unique across all
 * catalogues.
 */
export const labelMessages = {
  // format/locale.ts's one error, here with the words format/ shows, so a page loads it with them.
  FORMAT_UNKNOWN_LOCALE: {
    vi: (p) => `Ngôn ngữ "${p.value}" không được hỗ trợ; dùng "vi" hoặc "en".`,
    en: (p) => `Unsupported locale "${p.value}"; use "vi" or "en".`,
  },
  FORMAT_DATE: {
    vi: (p) => `${pad2(p.day)}/${pad2(p.month)}/${p.year}`,
    en: (p) => `${Number(p.day)} ${MONTHS_EN[Number(p.month) - 1]} ${p.year}`,
  },
  FORMAT_MONTH: {
    vi: (p) => `tháng ${Number(p.month)}/${p.year}`,
    en: (p) => `${MONTHS_EN[Number(p.month) - 1]} ${p.year}`,
  },
  FORMAT_PRELIMINARY: { vi: () => 'sơ bộ', en: () => 'preliminary' },
  FORMAT_PRELIMINARY_SHORT: { vi: () => 'sb', en: () => 'prel.' },
  /** A period inside a sentence: Vietnamese puts its noun before it, English its own preposition. */
  FORMAT_PHRASE_DAY: { vi: (p) => `ngày ${p.text}`, en: (p) => n(p.text) },
  FORMAT_PHRASE_YEAR: { vi: (p) => `năm ${p.text}`, en: (p) => n(p.text) },
  CHART_UNKNOWN_TYPE: {
    vi: (p) => `Loại biểu đồ "${p.value}" không có; các loại: ${p.allowed}.`,
    en: (p) => `Unknown chart type "${p.value}"; known types: ${p.allowed}.`,
  },
  CHART_SOURCE: { vi: () => 'Nguồn', en: () => 'Source' },
  ABOUT_TITLE: { vi: () => 'Về số liệu', en: () => 'About this data' },
  CHART_SOURCES_MORE: { vi: (p) => `và ${n(p.count)} nguồn khác`, en: (p) => `and ${n(p.count)} more` },
  CHART_GSO: { vi: () => 'Tổng cục Thống kê', en: () => 'General Statistics Office' },
  CHART_NO_DATA_LEGEND: { vi: () => 'Không có số liệu', en: () => 'No data' },
} satisfies Catalogue;
