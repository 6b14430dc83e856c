import { registerMessages, type Catalogue } from './index.js';

/**
 * Messages of src/cube (pre-aggregated answers to linked-view selections) and src/load-large (large
 * inputs loaded in chunks, with progress). Codes are UPPER_SNAKE and unique across all catalogues.
 */
export const cubeMessages = {
  CUBE_BAD_TYPE: {
    vi: (p) => `Khối tổng hợp: "${p.where}" phải là ${p.expectedVi}, nhận được ${p.value}.`,
    en: (p) => `Cube: "${p.where}" must be ${p.expected}, got ${p.value}.`,
  },
  CUBE_UNKNOWN_KEY: {
    vi: (p) => `Khối tổng hợp: khoá "${p.value}" không hợp lệ trong "${p.where}". Các khoá hợp lệ: ${p.allowed}.`,
    en: (p) => `Cube: unknown key "${p.value}" in "${p.where}". Valid keys: ${p.allowed}.`,
  },
  CUBE_UNKNOWN_DIMENSION: {
    vi: (p) => `Khối tổng hợp: "${p.value}" ở "${p.where}" không phải chiều lựa chọn được. Các chiều hợp lệ: ${p.allowed}.`,
    en: (p) => `Cube: "${p.value}" at "${p.where}" is not a selection dimension. Valid dimensions: ${p.allowed}.`,
  },
  CUBE_DIMENSION_NOT_BUILT: {
    vi: (p) => `Khối tổng hợp: lựa chọn theo "${p.value}" (${p.where}) không trả lời được vì khối được dựng cho các chiều: ${p.allowed}. Hãy dựng lại khối với chiều này.`,
    en: (p) => `Cube: a selection on "${p.value}" (${p.where}) cannot be answered; the cube was built for: ${p.allowed}. Build it again with this dimension.`,
  },
  CUBE_RANGE_NOT_PERIOD: {
    vi: (p) => `Khối tổng hợp: khoảng (range) chỉ dùng cho chiều "period", không dùng cho "${p.value}" (${p.where}).`,
    en: (p) => `Cube: a range applies to "period" only, not to "${p.value}" (${p.where}).`,
  },
  CUBE_UNKNOWN_COLUMN: {
    vi: (p) => `Khối tổng hợp: dữ liệu không có cột "${p.value}" (cần cho ${p.where}). Các cột hiện có: ${p.allowed}.`,
    en: (p) => `Cube: the data has no column "${p.value}" (needed by ${p.where}). Columns: ${p.allowed}.`,
  },
  CUBE_COLUMN_LENGTH: {
    vi: (p) => `Khối tổng hợp: cột "${p.value}" có ${p.length} dòng, các cột khác có ${p.expected} dòng.`,
    en: (p) => `Cube: column "${p.value}" has ${p.length} rows where the others have ${p.expected}.`,
  },
  CUBE_BAD_CODE: {
    vi: (p) => `Khối tổng hợp: mã từ điển ${p.value} ở cột "${p.column}", dòng ${p.row} nằm ngoài từ điển (${p.size} giá trị).`,
    en: (p) => `Cube: dictionary code ${p.value} in column "${p.column}", row ${p.row} is outside the dictionary (${p.size} values).`,
  },
  CUBE_NOT_A_NUMBER: {
    vi: (p) => `Khối tổng hợp: cột "${p.column}", dòng ${p.row} có giá trị "${p.value}" không phải số, nên không tổng hợp được.`,
    en: (p) => `Cube: column "${p.column}", row ${p.row} holds "${p.value}", which is not a number and cannot be aggregated.`,
  },
  LOAD_LARGE_UNKNOWN_FORMAT: {
    vi: (p) => `Tải dữ liệu lớn: định dạng "${p.value}" không được hỗ trợ. Các định dạng hợp lệ: ${p.allowed}.`,
    en: (p) => `Large load: format "${p.value}" is not supported. Valid formats: ${p.allowed}.`,
  },
  LOAD_LARGE_RAGGED_ROW: {
    vi: (p) => `Dòng này có ${p.found} ô, dòng tiêu đề có ${p.expected} cột.`,
    en: (p) => `This row has ${p.found} cells where the header has ${p.expected} columns.`,
  },
  LOAD_LARGE_UNCLOSED_QUOTE: {
    vi: () => `Dấu ngoặc kép mở ở dòng này không được đóng trước khi hết tệp.`,
    en: () => `The quote opened on this row is never closed before the end of the file.`,
  },
  LOAD_LARGE_EMPTY: {
    vi: () => `Tệp không có dòng tiêu đề.`,
    en: () => `The file has no header row.`,
  },
  LOAD_LARGE_DUPLICATE_COLUMN: {
    vi: (p) => `Tên cột "${p.value}" lặp lại trong dòng tiêu đề.`,
    en: (p) => `Column name "${p.value}" appears twice in the header row.`,
  },
  LOAD_LARGE_NOT_A_NUMBER: {
    vi: (p) => `Giá trị "${p.value}" không phải số (số viết với dấu chấm thập phân). Khai báo kiểu cột là "string" nếu cột này là văn bản.`,
    en: (p) => `"${p.value}" is not a number (dot decimal). Declare the column type "string" if it is text.`,
  },
  LOAD_LARGE_UNKNOWN_TYPE: {
    vi: (p) => `Tải dữ liệu lớn: kiểu "${p.value}" của cột "${p.column}" không hợp lệ. Các kiểu hợp lệ: ${p.allowed}.`,
    en: (p) => `Large load: type "${p.value}" of column "${p.column}" is not valid. Valid types: ${p.allowed}.`,
  },
  LOAD_LARGE_READ_FAILED: {
    vi: (p) => `Không đọc được tệp (${p.detail}).`,
    en: (p) => `The file could not be read (${p.detail}).`,
  },
} satisfies Catalogue;

// Registered when a module raising these codes imports this file.
registerMessages(cubeMessages);
