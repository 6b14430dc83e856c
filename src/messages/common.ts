import type { Catalogue } from './index.js';

export const common = {
  /** Where a problem sits, in an error's first words: `data.csv, dòng 5, cột "2010"`. */
  LOCATION_ROW: { vi: (p) => `dòng ${p.row}`, en: (p) => `row ${p.row}` },
  LOCATION_COLUMN: { vi: (p) => `cột "${p.column}"`, en: (p) => `column "${p.column}"` },
  INTERNAL: {
    vi: (p) => `Lỗi nội bộ: ${p.detail}`,
    en: (p) => `Internal error: ${p.detail}`,
  },
} satisfies Catalogue;
