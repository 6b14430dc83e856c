import { registerMessages, type Catalogue } from './index.js';

/** Messages of src/query. Codes are UPPER_SNAKE and unique across all catalogues. */
export const queryMessages = {
  QUERY_BAD_TYPE: {
    vi: (p) => `Truy vấn: "${p.where}" phải là ${p.expectedVi}, nhận được ${p.value}.`,
    en: (p) => `Query: "${p.where}" must be ${p.expected}, got ${p.value}.`,
  },
  QUERY_UNKNOWN_KEY: {
    vi: (p) => `Truy vấn: khoá "${p.value}" không hợp lệ trong "${p.where}". Các khoá hợp lệ: ${p.allowed}.`,
    en: (p) => `Query: unknown key "${p.value}" in "${p.where}". Valid keys: ${p.allowed}.`,
  },
  QUERY_UNKNOWN_KEYWORD: {
    vi: (p) => `Truy vấn: giá trị "${p.value}" không hợp lệ cho "${p.where}". Các giá trị hợp lệ: ${p.allowed}.`,
    en: (p) => `Query: "${p.value}" is not a valid value for "${p.where}". Valid values: ${p.allowed}.`,
  },
  QUERY_MISSING_KEY: {
    vi: (p) => `Truy vấn: thiếu khoá "${p.value}" trong "${p.where}".`,
    en: (p) => `Query: "${p.where}" needs the key "${p.value}".`,
  },
  QUERY_BAD_COLUMN_NAME: {
    vi: (p) => `Truy vấn: tên cột "${p.value}" ở "${p.where}" không hợp lệ; chỉ dùng chữ cái Latinh không dấu, chữ số và "_", không bắt đầu bằng chữ số hay "__".`,
    en: (p) => `Query: column name "${p.value}" at "${p.where}" is not valid; use ASCII letters, digits and "_", not starting with a digit or "__".`,
  },
  QUERY_UNKNOWN_COLUMN: {
    vi: (p) => `Truy vấn: bảng không có cột "${p.value}" (cần cho ${p.where}). Các cột hiện có: ${p.allowed}.`,
    en: (p) => `Query: the table has no column "${p.value}" (needed by ${p.where}). Columns: ${p.allowed}.`,
  },
  QUERY_UNKNOWN_REGION: {
    vi: (p) => `Truy vấn: không có đơn vị hành chính mã "${p.value}" (ở "${p.where}").`,
    en: (p) => `Query: no admin unit with id "${p.value}" (at "${p.where}").`,
  },
  QUERY_NOT_UNIT_2025: {
    vi: (p) => `Truy vấn: "${p.value}" không phải một trong 34 đơn vị cấp tỉnh từ 1/7/2025 (dạng "34:NN").`,
    en: (p) => `Query: "${p.value}" is not one of the 34 provincial units of 1 July 2025 (ids "34:NN").`,
  },
  QUERY_UNKNOWN_INDICATOR: {
    vi: (p) => `Truy vấn: chỉ tiêu "${p.value}" không có trong danh mục (cần cho ${p.where}).`,
    en: (p) => `Query: indicator "${p.value}" is not in the catalogue (needed by ${p.where}).`,
  },
  QUERY_RANK_NEEDS_DIRECTION: {
    vi: (p) => `Truy vấn: chỉ tiêu "${p.value}" không cho biết cao hay thấp là tốt hơn; hãy ghi "direction": "asc" hoặc "desc" cho bước xếp hạng.`,
    en: (p) => `Query: indicator "${p.value}" does not say whether lower or higher is better; give "direction": "asc" or "desc" to the rank step.`,
  },
  QUERY_DUPLICATE_OBSERVATION: {
    vi: (p) => `Truy vấn: có nhiều hơn một số liệu cho chỉ tiêu "${p.indicator}", đơn vị "${p.region}", chuỗi "${p.series}", kỳ "${p.period}"; bước "${p.where}" cần mỗi kỳ một số liệu.`,
    en: (p) => `Query: more than one observation for indicator "${p.indicator}", region "${p.region}", series "${p.series}", period "${p.period}"; the "${p.where}" step needs one per period.`,
  },
  QUERY_MEAN_NEEDS_WEIGHT: {
    vi: (p) => `Truy vấn: "${p.measure}" là trung bình cộng của chỉ tiêu "${p.indicator}" (loại ${p.kind}) giữa các địa phương, không phải tỷ lệ chung; hãy gia quyền theo ${p.weight} (bước "reaggregate" với "weight"), hoặc ghi rõ "unweighted": true để tính trung bình không gia quyền.`,
    en: (p) => `Query: "${p.measure}" is a plain mean of "${p.indicator}" (a ${p.kind}) across regions, not the rate of the whole; weight it by ${p.weightEn} (a "reaggregate" step with "weight"), or say "unweighted": true for an unweighted mean.`,
  },
  QUERY_UNWEIGHTED_MEAN: { vi: () => 'trung bình không gia quyền', en: () => 'unweighted mean' },
  QUERY_REAGGREGATE_NEEDS_WEIGHT: {
    vi: (p) => `Truy vấn: không thể gộp chỉ tiêu "${p.indicator}" (loại ${p.kind}) của ${p.regions} vào "${p.unit}" bằng cách cộng hay lấy trung bình đơn giản; hãy cho trọng số ("weight": { "indicator": ... } hoặc { "column": ... }), ví dụ dân số trung bình có sẵn trong chiso: { "indicator": "population", "series": "total" } (data/weights/population.csv).`,
    en: (p) => `Query: indicator "${p.indicator}" (a ${p.kind}) of ${p.regions} cannot be merged into "${p.unit}" by summing or a plain mean; give a weight ("weight": { "indicator": ... } or { "column": ... }), e.g. the average population chiso bundles: { "indicator": "population", "series": "total" } (data/weights/population.csv).`,
  },
  QUERY_REAGGREGATE_INCOMPLETE: {
    vi: (p) => `Gộp tỉnh: "${p.unit}" không có giá trị cho chỉ tiêu "${p.indicator}", kỳ ${p.period}${p.series ? `, chuỗi "${p.series}"` : ''}: thiếu số liệu${p.weighted ? ' hoặc trọng số' : ''} của ${p.missing}.`,
    en: (p) => `Province merge: "${p.unit}" gets no value for indicator "${p.indicator}", period ${p.period}${p.series ? `, series "${p.series}"` : ''}: no figure${p.weighted ? ' or weight' : ''} for ${p.missing}.`,
  },
  QUERY_REAGGREGATE_UNITS_DIFFER: {
    vi: (p) => `Gộp tỉnh: các tỉnh gộp vào "${p.unit}" ghi chỉ tiêu "${p.indicator}" bằng các đơn vị tính khác nhau (${p.value}).`,
    en: (p) => `Province merge: the provinces merged into "${p.unit}" give indicator "${p.indicator}" in different units (${p.value}).`,
  },
  QUERY_TOO_MANY: {
    vi: (p) => `Truy vấn: "${p.where}" có ${p.count} mục, vượt giới hạn ${p.max} (QUERY_LIMITS.${p.limit}).`,
    en: (p) => `Query: "${p.where}" holds ${p.count} items, more than the limit of ${p.max} (QUERY_LIMITS.${p.limit}).`,
  },
  QUERY_TOO_DEEP: {
    vi: (p) => `Truy vấn: "${p.where}" lồng sâu quá ${p.max} cấp (QUERY_LIMITS.depth).`,
    en: (p) => `Query: "${p.where}" is nested deeper than ${p.max} levels (QUERY_LIMITS.depth).`,
  },
  QUERY_TOO_LONG: {
    vi: (p) => `Truy vấn: chuỗi ở "${p.where}" dài ${p.count} ký tự, vượt giới hạn ${p.max} (QUERY_LIMITS.stringLength).`,
    en: (p) => `Query: the string at "${p.where}" has ${p.count} characters, more than the limit of ${p.max} (QUERY_LIMITS.stringLength).`,
  },
  QUERY_BAD_CHARACTER: {
    vi: (p) => `Truy vấn: chuỗi ở "${p.where}" chứa ký tự không hợp lệ ${p.value} (ký tự NUL hoặc nửa cặp UTF-16).`,
    en: (p) => `Query: the string at "${p.where}" holds the invalid character ${p.value} (a NUL or half a UTF-16 pair).`,
  },
  QUERY_OUT_OF_RANGE: {
    vi: (p) => `Truy vấn: "${p.where}" phải nằm trong khoảng ${p.min} đến ${p.max} (QUERY_LIMITS.${p.limit}), nhận được ${p.value}.`,
    en: (p) => `Query: "${p.where}" must lie between ${p.min} and ${p.max} (QUERY_LIMITS.${p.limit}), got ${p.value}.`,
  },
  QUERY_NAME_COLLISION: {
    vi: (p) => `Truy vấn: tên cột "${p.value}" ở "${p.where}" chỉ khác cột "${p.other}" ở chữ hoa/thường; một số cơ sở dữ liệu không phân biệt hai tên này, hãy chọn tên khác.`,
    en: (p) => `Query: column name "${p.value}" at "${p.where}" differs from column "${p.other}" only in case; some databases do not tell the two apart, so choose another name.`,
  },
} satisfies Catalogue;

// Registered when a module raising these codes imports this file.
registerMessages(queryMessages);
