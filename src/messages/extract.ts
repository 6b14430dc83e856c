import { registerMessages, type Catalogue } from './index.js';

/** Messages of src/extract. Codes are UPPER_SNAKE and unique across all catalogues. */
export const extractMessages = {
  EXTRACT_BAD_FORMAT: {
    vi: (p) => `Định dạng báo cáo "${p.value}" không hợp lệ. Các định dạng: ${p.allowed}`,
    en: (p) => `Report format "${p.value}" is not valid. Formats: ${p.allowed}`,
  },
  EXTRACT_BAD_OUTPUT: {
    vi: (p) => `Định dạng kết quả "${p.value}" không hợp lệ. Các định dạng: ${p.allowed}`,
    en: (p) => `Output format "${p.value}" is not valid. Formats: ${p.allowed}`,
  },
  EXTRACT_BAD_PERIOD: {
    vi: (p) => `Kỳ "${p.value}" không hợp lệ: cần một năm (2022), một giai đoạn (2021-2023) hoặc một ngày (2024-05-07)`,
    en: (p) => `Period "${p.value}" is not valid: give a year (2022), a range (2021-2023) or a date (2024-05-07)`,
  },
  EXTRACT_BAD_CONFIDENCE: {
    vi: (p) => `Độ tin cậy tối thiểu "${p.value}" phải là một số từ 0 đến 1`,
    en: (p) => `Minimum confidence "${p.value}" must be a number from 0 to 1`,
  },
  EXTRACT_READ_FAILED: {
    vi: (p) => `Không đọc được tệp báo cáo: ${p.detail}`,
    en: (p) => `Cannot read the report file: ${p.detail}`,
  },
  EXTRACT_NO_REGION: {
    vi: (p) => `Không xác định được địa bàn của số liệu "${p.value}"; dùng --region để chỉ rõ`,
    en: (p) => `No region found for the figure "${p.value}"; use --region to give it`,
  },
  EXTRACT_NO_PERIOD: {
    vi: (p) => `Không xác định được kỳ của số liệu "${p.value}"; dùng --period để chỉ rõ`,
    en: (p) => `No period found for the figure "${p.value}"; use --period to give it`,
  },
  EXTRACT_UNKNOWN_PLACE: {
    vi: (p) => `"${p.value}" không có trong danh mục đơn vị hành chính: "${p.figure}" được ghi cho một đơn vị mới, cần kiểm tra (sửa bằng tệp hiệu chỉnh nếu cần)`,
    en: (p) => `"${p.value}" is not in the admin-unit registry: "${p.figure}" is filed under a new sub-national region, to review (fix it with a corrections file if needed)`,
  },
  EXTRACT_MALFORMED_NUMBER: {
    vi: (p) => `Số viết sai "${p.value}", đọc là ${p.reading}: cần kiểm tra lại`,
    en: (p) => `Malformed number "${p.value}", read as ${p.reading}: check it`,
  },
  EXTRACT_CORRECTIONS_JSON: {
    vi: (p) => `Tệp hiệu chỉnh không phải JSON hợp lệ: ${p.detail}`,
    en: (p) => `The corrections file is not valid JSON: ${p.detail}`,
  },
  EXTRACT_CORRECTIONS_SHAPE: {
    vi: (p) => `Tệp hiệu chỉnh, mục ${p.path}: ${p.expected ? `cần ${p.expected}` : 'không hợp lệ'}${p.value !== undefined ? `, gặp "${p.value}"` : ''}`,
    en: (p) => `Corrections file, at ${p.path}: ${p.expected ? `expected ${p.expected}` : 'not valid'}${p.value !== undefined ? `, found "${p.value}"` : ''}`,
  },
  EXTRACT_CORRECTION_ACTION: {
    vi: (p) => `Tệp hiệu chỉnh, mục ${p.path}: hành động "${p.value}" không hợp lệ. Các hành động: ${p.allowed}`,
    en: (p) => `Corrections file, at ${p.path}: action "${p.value}" is not valid. Actions: ${p.allowed}`,
  },
  EXTRACT_CORRECTION_FIELD: {
    vi: (p) => `Tệp hiệu chỉnh, mục ${p.path}: không sửa được trường "${p.value}". Các trường sửa được: ${p.allowed}`,
    en: (p) => `Corrections file, at ${p.path}: field "${p.value}" cannot be edited. Editable fields: ${p.allowed}`,
  },
  EXTRACT_CORRECTION_UNMATCHED: {
    vi: (p) => `Hiệu chỉnh ${p.path} không khớp số liệu nào được trích ("${p.value}", ký tự ${p.start}-${p.end}); báo cáo hoặc cách trích đã thay đổi`,
    en: (p) => `Correction ${p.path} matches no extracted figure ("${p.value}", characters ${p.start}-${p.end}); the report or the extraction has changed`,
  },
  EXTRACT_CORRECTION_REKEYED: {
    vi: (p) => `Hiệu chỉnh ${p.path} ("${p.value}") được áp dụng cho số liệu nay trích là "${p.quote}" (ký tự ${p.start}-${p.end}); hãy cập nhật khoá trong tệp hiệu chỉnh`,
    en: (p) => `Correction ${p.path} ("${p.value}") was applied to the figure now quoted as "${p.quote}" (characters ${p.start}-${p.end}); update its key in the corrections file`,
  },
  EXTRACT_CORRECTION_QUOTE: {
    vi: (p) => `Hiệu chỉnh ${p.path}: đoạn trích "${p.value}" không nằm ở ký tự ${p.start}-${p.end} của báo cáo`,
    en: (p) => `Correction ${p.path}: the quote "${p.value}" is not at characters ${p.start}-${p.end} of the report`,
  },
  EXTRACT_SUMMARY: {
    vi: (p) => `${p.count} số liệu (địa bàn ${p.region}, kỳ ${p.period}); hiệu chỉnh: ${p.corrections}, ${p.rejected} bị loại; ${p.skipped} con số không trích`,
    en: (p) => `${p.count} observations (region ${p.region}, period ${p.period}); corrections: ${p.corrections}, ${p.rejected} rejected; ${p.skipped} numbers not extracted`,
  },
} satisfies Catalogue;

// Registered when a module raising these codes imports this file (not part of the portal bundle).
registerMessages(extractMessages);
