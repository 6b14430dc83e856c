import type { Catalogue } from './index.js';

/** Messages of src/data. Codes are UPPER_SNAKE and unique across all catalogues. */
export const dataMessages = {
  // Numbers (src/data/number.ts)
  NUMBER_EMPTY: {
    vi: () => `Ô trống, không có số`,
    en: () => `Empty cell, no number`,
  },
  NUMBER_INVALID: {
    vi: (p) => `"${p.value}" không phải là số`,
    en: (p) => `"${p.value}" is not a number`,
  },
  NUMBER_SEPARATORS: {
    vi: (p) => `"${p.value}": dấu thập phân và dấu phân cách hàng nghìn không khớp với quy ước đã chọn`,
    en: (p) => `"${p.value}": decimal and thousands separators do not match the chosen convention`,
  },
  NUMBER_GROUPING: {
    vi: (p) => `"${p.value}": dấu phân cách hàng nghìn phải chia nhóm 3 chữ số`,
    en: (p) => `"${p.value}": thousands separators must group digits by three`,
  },
  NUMBER_DATE: {
    vi: (p) => `"${p.value}" là ngày tháng, không phải số`,
    en: (p) => `"${p.value}" is a date, not a number`,
  },
  NUMBER_ZERO_DENOMINATOR: {
    vi: (p) => `"${p.value}": mẫu số bằng 0`,
    en: (p) => `"${p.value}": the denominator is 0`,
  },
  NUMBER_DOT_AMBIGUOUS: {
    vi: (p) => `"${p.value}": dấu chấm được hiểu là phân cách hàng nghìn (cách viết Việt Nam); nếu là dấu thập phân, hãy chọn quy ước "dot"`,
    en: (p) => `"${p.value}": the dot was read as a thousands separator (Vietnamese style); if it is a decimal point, choose the "dot" convention`,
  },
  NUMBER_SLASH_PERCENT: {
    vi: (p) => `"${p.value}": dấu "/" thừa trước "%", đã đọc là phần trăm`,
    en: (p) => `"${p.value}": stray "/" before "%", read as a percentage`,
  },
  NUMBER_UNQUANTIFIED: {
    vi: (p) => `"${p.value}" chỉ là ước lượng độ lớn, không có số cụ thể`,
    en: (p) => `"${p.value}" is an order of magnitude, not a figure`,
  },
} satisfies Catalogue;
