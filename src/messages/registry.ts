import type { Catalogue } from './index.js';

/** Messages of src/registry. Codes are UPPER_SNAKE and unique across all catalogues. */
export const registryMessages = {
  REGION_COUNTRY: { vi: () => 'Cả nước', en: () => 'Whole country' },
  REGISTRY_UNKNOWN_REGION: {
    vi: (p) => `Không có đơn vị hành chính mã "${p.value}"${p.close ? `; mã gần giống: ${p.close}` : ''}.`,
    en: (p) => `No administrative unit has the id "${p.value}"${p.close ? `; close ids: ${p.close}` : ''}.`,
  },
  REGISTRY_UNKNOWN_LEVEL: {
    vi: (p) => `Cấp đơn vị hành chính không hợp lệ: "${p.value}". Các cấp: ${p.allowed}.`,
    en: (p) => `Unknown administrative level "${p.value}". Levels: ${p.allowed}.`,
  },
  REGISTRY_BAD_AS_OF: {
    vi: (p) => `Ngày tham chiếu "${p.value}" không hợp lệ: cần dạng NNNN-TT-NN, NNNN-TT hoặc NNNN.`,
    en: (p) => `Reference date "${p.value}" is not valid: use YYYY-MM-DD, YYYY-MM or YYYY.`,
  },
  REGISTRY_NO_MATCH: {
    vi: (p) => `Không nhận ra địa danh "${p.value}"${p.candidates ? ` (có đơn vị cùng tên nhưng ngoài cấp hoặc thời điểm đã chọn: ${p.candidates})` : ''}.`,
    en: (p) => `Place name "${p.value}" is not recognised${p.candidates ? ` (units of that name outside the chosen levels or date: ${p.candidates})` : ''}.`,
  },
  REGISTRY_AMBIGUOUS: {
    vi: (p) => `Địa danh "${p.value}" có thể là nhiều đơn vị: ${p.candidates}. Hãy chọn cấp (levels) hoặc ngày tham chiếu (asOf).`,
    en: (p) => `Place name "${p.value}" could be several units: ${p.candidates}. Choose levels or a reference date (asOf).`,
  },
  REGISTRY_UNKNOWN_GEO_SOURCE: {
    vi: (p) => `Nguồn bản đồ không hợp lệ: "${p.value}". Các nguồn: ${p.allowed}.`,
    en: (p) => `Unknown geometry source "${p.value}". Sources: ${p.allowed}.`,
  },
  REGISTRY_UNKNOWN_INDICATOR: {
    vi: (p) => `Không có chỉ số "${p.value}" trong danh mục${p.close ? `; chỉ số gần giống: ${p.close}` : ''}.`,
    en: (p) => `The catalogue has no indicator "${p.value}"${p.close ? `; close ids: ${p.close}` : ''}.`,
  },
  REGISTRY_INDICATOR_DEFINED: {
    vi: (p) => (Number(p.builtin) ? `Chỉ số "${p.value}" đã có trong danh mục của chiso; hãy đặt mã khác cho chỉ số của mình.` : `Chỉ số "${p.value}" đã được định nghĩa với nội dung khác.`),
    en: (p) => (Number(p.builtin) ? `Indicator "${p.value}" is already in chiso's catalogue; give your indicator another id.` : `Indicator "${p.value}" is already defined differently.`),
  },
  REGISTRY_BAD_DEFINITION: {
    vi: (p) => `Định nghĩa chỉ số: "${p.where}" phải là ${p.expectedVi}, nhận được ${p.value}.`,
    en: (p) => `Indicator definition: "${p.where}" must be ${p.expected}, got ${p.value}.`,
  },
  REGISTRY_UNKNOWN_UNIT: {
    vi: (p) => `Không biết đơn vị tính "${p.value}"${p.close ? `; đơn vị gần giống: ${p.close}` : ''}.`,
    en: (p) => `Unknown unit "${p.value}"${p.close ? `; close units: ${p.close}` : ''}.`,
  },
  REGISTRY_NO_CONVERSION: {
    vi: (p) => `Không quy đổi được từ "${p.from}" sang "${p.to}": hai đơn vị không cùng loại.`,
    en: (p) => `Cannot convert "${p.from}" to "${p.to}": the units measure different things.`,
  },
  // Raised where a page or a file gives its own indicator catalogue.
  DATA_BAD_CATALOGUE: {
    vi: (p) => `Tệp danh mục chỉ số không phải JSON hợp lệ: ${p.detailVi ?? p.detail}`,
    en: (p) => `The indicator catalogue is not valid JSON: ${p.detail}`,
  },
} satisfies Catalogue;
