import type { Catalogue } from './index.js';

export const common = {
  /** Where a problem sits, in an error's first words: `data.csv, dòng 5, cột "2010"`. */
  LOCATION_ROW: { vi: (p) => `dòng ${p.row}`, en: (p) => `row ${p.row}` },
  LOCATION_COLUMN: { vi: (p) => `cột "${p.column}"`, en: (p) => `column "${p.column}"` },
  // What a value must be, in the door checks' errors ("... must be a list, got 3").
  EXPECT_OBJECT: { vi: () => 'một đối tượng', en: () => 'an object' },
  EXPECT_LIST: { vi: () => 'một danh sách', en: () => 'a list' },
  EXPECT_PAIR: { vi: () => 'một cặp [từ, đến]', en: () => 'a pair [from, to]' },
  EXPECT_CLAUSES: { vi: () => 'một danh sách mệnh đề', en: () => 'a list of clauses' },
  EXPECT_DIM_VALUE: { vi: () => 'một chuỗi, số, giá trị đúng/sai hoặc null', en: () => 'a string, number, boolean or null' },
  EXPECT_RANGE_END: { vi: () => 'một năm bắt đầu, một kỳ hoặc null', en: () => 'a start year, a period or null' },
  INTERNAL: {
    vi: (p) => `Lỗi nội bộ: ${p.detail}`,
    en: (p) => `Internal error: ${p.detail}`,
  },
} satisfies Catalogue;
