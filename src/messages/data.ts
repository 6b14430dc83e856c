import { registerMessages, type Catalogue } from './index.js';

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

  // Loading (src/data/load.ts and the format readers)
  DATA_UNKNOWN_FORMAT: {
    vi: (p) => `Định dạng không hợp lệ: "${p.value}". Các định dạng: ${p.allowed}`,
    en: (p) => `Unknown format "${p.value}". Formats: ${p.allowed}`,
  },
  DATA_UNKNOWN_DECIMAL: {
    vi: (p) => `Quy ước dấu thập phân không hợp lệ: "${p.value}". Chọn một trong: ${p.allowed}`,
    en: (p) => `Unknown decimal convention "${p.value}". Choose one of: ${p.allowed}`,
  },
  DATA_EMPTY: {
    vi: () => `Tệp rỗng, không có dữ liệu`,
    en: () => `The file is empty: no data`,
  },
  DATA_ENCODING_FALLBACK: {
    vi: (p) => `Tệp không phải UTF-8; đã đọc theo bảng mã ${p.encoding}. Hãy kiểm tra các chữ có dấu`,
    en: (p) => `The file is not UTF-8; read it as ${p.encoding}. Check letters with diacritics`,
  },
  DATA_CSV_UNTERMINATED_QUOTE: {
    vi: () => `Dấu ngoặc kép mở ở dòng này không được đóng`,
    en: () => `A quote opened on this line is never closed`,
  },
  DATA_UNKNOWN_LAYOUT: {
    vi: (p) => `Không nhận ra bố cục bảng. Cần các cột indicator, region, period, value (dạng dài) hoặc một cột địa phương và các cột năm (dạng rộng). Các cột có: ${p.found}`,
    en: (p) => `Unrecognized table layout. Expected columns indicator, region, period, value (tidy) or a region column and year columns (wide). Columns found: ${p.found}`,
  },
  DATA_MISSING_COLUMNS: {
    vi: (p) => `Thiếu cột bắt buộc: ${p.missing}. Các cột có: ${p.found}`,
    en: (p) => `Missing required columns: ${p.missing}. Columns found: ${p.found}`,
  },
  DATA_MISSING_INDICATOR: {
    vi: () => `Bảng dạng rộng không có cột chỉ số: hãy cho biết chỉ số (--indicator)`,
    en: () => `A wide table without an indicator column: give the indicator (--indicator)`,
  },
  DATA_MISSING_FIELD: {
    vi: (p) => `Thiếu giá trị cho trường "${p.field}"`,
    en: (p) => `No value for the field "${p.field}"`,
  },
  DATA_COLUMN_IGNORED: {
    vi: (p) => `Cột "${p.column}" không thuộc định dạng nên bị bỏ qua (${p.count} ô có dữ liệu)`,
    en: (p) => `Column "${p.column}" is not part of the format and was skipped (${p.count} non-empty cells)`,
  },
  DATA_EXTRA_CELLS: {
    vi: (p) => `Dòng có ${p.count} ô thừa ngoài tiêu đề, bị bỏ qua: ${p.value}`,
    en: (p) => `The row has ${p.count} cells beyond the header, skipped: ${p.value}`,
  },
  DATA_NOT_A_NUMBER: {
    vi: (p) => `Cần một số nhưng có "${p.value}"${p.detail ? ` (${p.detail})` : ''}`,
    en: (p) => `Expected a number, found "${p.value}"${p.detailEn ? ` (${p.detailEn})` : ''}`,
  },
  DATA_BAD_PERIOD: {
    vi: (p) => `Kỳ không hợp lệ: "${p.value}". Viết năm (2016), khoảng năm (2021-2025) hoặc ngày (2024-05-07)`,
    en: (p) => `Invalid period "${p.value}". Write a year (2016), a range (2021-2025) or a date (2024-05-07)`,
  },
  DATA_BAD_STATUS: {
    vi: (p) => `Trạng thái số liệu không hợp lệ: "${p.value}". Dùng final (chính thức), preliminary (sơ bộ) hoặc missing (thiếu số)`,
    en: (p) => `Invalid status "${p.value}". Use final, preliminary or missing`,
  },
  DATA_BAD_QUALIFIER: {
    vi: (p) => `Dấu so sánh không hợp lệ: "${p.value}". Dùng >, <, ~ (trên, dưới, khoảng)`,
    en: (p) => `Invalid qualifier "${p.value}". Use >, <, ~ (above, below, about)`,
  },
  DATA_UNKNOWN_INDICATOR: {
    vi: (p) => `Chỉ số không có trong danh mục: "${p.value}". Các chỉ số: ${p.known}. Để dùng chỉ số của mình, hãy định nghĩa nó (--indicator ID --unit ĐƠN_VỊ --name "…" --kind rate|count|amount --direction up|down, hoặc tệp chiso.indicators.json cạnh tệp số liệu)`,
    en: (p) => `Indicator not in the catalogue: "${p.value}". Indicators: ${p.known}. To use your own, define it (--indicator ID --unit UNIT --name "…" --kind rate|count|amount --direction up|down, or a chiso.indicators.json beside the data)`,
  },
  DATA_UNKNOWN_UNIT: {
    vi: (p) => `Đơn vị "${p.value}" không có trong danh mục; giữ nguyên như đã viết`,
    en: (p) => `Unit "${p.value}" is not in the catalogue; kept as written`,
  },
  DATA_UNIT_MISMATCH: {
    vi: (p) => `Đơn vị "${p.value}" khác đơn vị của chỉ số ${p.indicator} ("${p.expected}")`,
    en: (p) => `Unit "${p.value}" differs from the unit of ${p.indicator} ("${p.expected}")`,
  },
  DATA_UNIT_CONFLICT: {
    vi: (p) => `"${p.value}" viết theo đơn vị "${p.cellUnit}", không đổi được sang "${p.unit}"`,
    en: (p) => `"${p.value}" is written in "${p.cellUnit}", which does not convert to "${p.unit}"`,
  },
  DATA_EMPTY_REGION: {
    vi: () => `Thiếu tên hoặc mã địa phương`,
    en: () => `No region name or code`,
  },
  DATA_UNKNOWN_REGION: {
    vi: (p) => `Không nhận ra địa phương "${p.value}"${p.candidates ? `. Gần giống: ${p.candidates}` : ''}`,
    en: (p) => `Unknown region "${p.value}"${p.candidates ? `. Closest: ${p.candidates}` : ''}`,
  },
  DATA_UNKNOWN_SUBREGION: {
    vi: (p) => `Không nhận ra địa bàn "${p.value}" thuộc ${p.province} (${p.id}): ${p.districtId ? `${p.district} (${p.districtId}) có trong danh mục huyện năm 2024, nhưng chiso không có danh mục xã, phường, thị trấn. Ghi số liệu cho huyện hoặc cho tỉnh` : p.listed ? `không có trong danh mục 696 quận, huyện, thị xã, thành phố thuộc tỉnh năm 2024 (data/admin/districts_2024.csv). Kiểm tra lại tên, hoặc ghi số liệu cho tỉnh` : 'chỉ `chiso load` đọc được mã huyện năm 2024 (tùy chọn regions khi gọi từ mã nguồn)'}`,
    en: (p) => `Unknown place "${p.value}" in ${p.province} (${p.id}): ${p.districtId ? `${p.district} (${p.districtId}) is in the 2024 district list, but chiso has no list of communes, wards and townships. File the figure under the district or the province` : p.listed ? `not among the 696 district-level units of 2024 (data/admin/districts_2024.csv). Check the name, or file the figure under the province` : 'district ids of 2024 are read by `chiso load` (the regions option when called from code)'}`,
  },
  DATA_AMBIGUOUS_REGION: {
    vi: (p) => `Tên địa phương "${p.value}" có thể là nhiều đơn vị: ${p.candidates}. Hãy dùng mã`,
    en: (p) => `Region name "${p.value}" could mean several units: ${p.candidates}. Use a code`,
  },
  DATA_REGION_CODE_PADDED: {
    vi: (p) => `Mã địa phương "${p.value}" thiếu số 0 ở đầu (thường do Excel); đọc là ${p.id}`,
    en: (p) => `Region code "${p.value}" lost its leading zero (often Excel); read as ${p.id}`,
  },
  DATA_REGION_NOT_VALID: {
    vi: (p) => `${p.region} (${p.id}) không tồn tại trong kỳ ${p.period}${p.validTo ? `: đơn vị này chỉ có đến ngày ${p.validTo}` : ''}${p.validFrom ? `: đơn vị này có từ ngày ${p.validFrom}` : ''}${p.successor ? `, địa bàn nay thuộc ${p.successor}` : ''}. Kiểm tra lại tên địa phương hoặc kỳ của số liệu`,
    en: (p) => `${p.region} (${p.id}) did not exist in ${p.period}${p.validTo ? `: the unit ended on ${p.validTo}` : ''}${p.validFrom ? `: the unit began on ${p.validFrom}` : ''}${p.successor ? `, its territory is now part of ${p.successor}` : ''}. Check the region or the period of the figure`,
  },
  DATA_BAD_WORKBOOK: {
    vi: (p) => `Không đọc được bảng tính (.xlsx, .ods): ${p.detail}`,
    en: (p) => `Cannot read the workbook (.xlsx, .ods): ${p.detail}`,
  },
  DATA_BAD_INTERVAL: {
    vi: (p) => `Khoảng ước lượng không hợp lệ: cận dưới ${p.lower || '(trống)'}, cận trên ${p.upper || '(trống)'}, giá trị ${p.value || '(trống)'}; cần đủ hai cận, cận dưới ≤ giá trị ≤ cận trên`,
    en: (p) => `Bad interval: lower ${p.lower || '(empty)'}, upper ${p.upper || '(empty)'}, value ${p.value || '(empty)'}; give both ends, lower ≤ value ≤ upper`,
  },
  DATA_NO_ROWS: {
    vi: () => `Tệp có dòng tiêu đề nhưng không có dòng số liệu nào`,
    en: () => `The file has a header but no data rows`,
  },
  DATA_DUPLICATE: {
    vi: (p) => `Trùng số liệu: ${p.indicator}, ${p.region}, ${p.period}${p.series ? `, ${p.series}` : ''} đã có ở dòng ${p.firstRow}${p.firstColumn ? `, cột "${p.firstColumn}"` : ''}`,
    en: (p) => `Duplicate observation: ${p.indicator}, ${p.region}, ${p.period}${p.series ? `, ${p.series}` : ''} already at row ${p.firstRow}${p.firstColumn ? `, column "${p.firstColumn}"` : ''}`,
  },
  DATA_PERCENT_OVER_100: {
    vi: (p) => `Tỷ lệ phần trăm lớn hơn 100: ${p.value}`,
    en: (p) => `Percentage over 100: ${p.value}`,
  },
  DATA_GSO_LAYOUT: {
    vi: () => `Không phải tệp xuất PX-Web của Tổng cục Thống kê: cần dòng tiêu đề trong ngoặc kép, một dòng trống, rồi dòng tiêu đề cột`,
    en: () => `Not a GSO PX-Web export: expected a quoted title line, a blank line, then the header`,
  },
  DATA_GSO_UNKNOWN_TITLE: {
    vi: (p) => `Không nhận ra chỉ số từ tiêu đề "${p.value}"; hãy cho biết chỉ số (--indicator)`,
    en: (p) => `Cannot tell the indicator from the title "${p.value}"; give it (--indicator)`,
  },
  DATA_BAD_JSON: {
    vi: (p) => `JSON không hợp lệ: ${p.detail}`,
    en: (p) => `Invalid JSON: ${p.detail}`,
  },
  DATA_JSON_SHAPE: {
    vi: () => `JSON phải là một mảng số liệu hoặc { "observations": [...] }`,
    en: () => `JSON must be an array of observations or { "observations": [...] }`,
  },
  DATA_NOT_AN_OBJECT: {
    vi: (p) => `Mục này không phải một đối tượng số liệu: ${p.value}`,
    en: (p) => `This item is not an observation object: ${p.value}`,
  },
  DATA_BAD_ARROW: {
    vi: (p) => `Không đọc được dữ liệu Arrow: ${p.detail}`,
    en: (p) => `Cannot read the Arrow data: ${p.detail}`,
  },
  DATA_ARROW_NEEDS_BYTES: {
    vi: () => `Dữ liệu Arrow phải được đưa vào dưới dạng byte (Uint8Array), không phải văn bản`,
    en: () => `Arrow data must be given as bytes (Uint8Array), not text`,
  },
  DATA_MORE_ERRORS: {
    vi: (p) => `Còn ${p.count} lỗi nữa không hiển thị`,
    en: (p) => `${p.count} more errors not shown`,
  },
  DATA_NOT_A_FILE: {
    vi: (p) => `Không phải tệp thông thường (${p.kind}): chiso chỉ đọc tệp, không đọc thư mục, FIFO hay thiết bị`,
    en: (p) => `Not a regular file (${p.kind}): chiso reads files only, not folders, FIFOs or devices`,
  },
  DATA_FILE_TOO_LARGE: {
    vi: (p) => `Tệp lớn ${p.size} MB, quá ${p.max} MB đọc một lần: dùng trình đọc theo luồng (loadLargeFile trong "chiso/node", hoặc nạp vào DuckDB) cho tệp lớn`,
    en: (p) => `The file is ${p.size} MB, over the ${p.max} MB read at once: use the streaming loader (loadLargeFile from "chiso/node", or load it into DuckDB) for large files`,
  },
  DATA_WRONG_KIND: {
    vi: (p) => `Tệp là ${p.kind} (theo các byte đầu), không phải ${p.expected}: ${p.hintVi}`,
    en: (p) => `The file is ${p.kind} (by its first bytes), not ${p.expected}: ${p.hint}`,
  },
  DATA_ZIP_TOO_LARGE: {
    vi: (p) => `Tệp nén (xlsx) khai báo ${p.entries} mục, giải nén ra ${p.size} MB, quá giới hạn ${p.max} MB: không đọc (có thể là "bom zip"). Hãy lưu trang tính thành CSV`,
    en: (p) => `The zip (xlsx) declares ${p.entries} entries inflating to ${p.size} MB, over the limit of ${p.max} MB: not read (it may be a zip bomb). Save the sheet as CSV`,
  },
  DATA_ZIP_UNREADABLE: {
    vi: () => `Tệp bắt đầu như tệp nén (xlsx) nhưng không có danh mục hợp lệ: tệp hỏng hoặc bị cắt`,
    en: () => `The file starts like a zip (xlsx) but has no valid directory: damaged or cut short`,
  },
  DATA_TOO_DEEP: {
    vi: (p) => `JSON lồng nhau quá ${p.max} tầng; dữ liệu quan sát không cần sâu như vậy`,
    en: (p) => `The JSON is nested more than ${p.max} levels deep; observation data never needs that`,
  },
  DATA_FILE_NOT_FOUND: {
    vi: () => `Không tìm thấy tệp`,
    en: () => `File not found`,
  },
  DATA_FILE_UNREADABLE: {
    vi: (p) => `Không đọc được tệp: ${p.detail}`,
    en: (p) => `Cannot read the file: ${p.detail}`,
  },

  // `chiso load` (src/cli/load.ts)
  LOAD_SUMMARY: {
    vi: (p) => [
      `Tệp: ${p.file}`,
      `Định dạng: ${p.format}`,
      `Số dòng đã đọc: ${p.rowsRead}`,
      `Số liệu: ${p.observations} (thiếu số: ${p.missing} ô trống hoặc "..", vẫn giữ với giá trị rỗng)`,
      `Không nạp được: ${p.skipped}${Number(p.skipped) > 0 ? ' ô hoặc dòng, mỗi trường hợp có lỗi hoặc cảnh báo ở trên' : ''}`,
      `Chỉ số: ${p.indicators || '(không có)'}`,
      `Địa phương khớp: ${p.regionsMatched}`,
      `Địa phương không khớp: ${p.unmatchedCount}${p.unmatched ? ` (${p.unmatched})` : ''}`,
      `Kỳ: ${p.periods || '(không có)'}`,
      `Trạng thái: chính thức ${p.final}, sơ bộ ${p.preliminary}, thiếu số ${p.missingStatus}`,
      `Cảnh báo: ${p.warnings}; lỗi: ${p.errors}`,
    ].join('\n'),
    en: (p) => [
      `File: ${p.file}`,
      `Format: ${p.format}`,
      `Rows read: ${p.rowsRead}`,
      `Observations: ${p.observations} (missing: ${p.missing} empty or ".." cells, kept with an empty value)`,
      `Not loaded: ${p.skipped}${Number(p.skipped) > 0 ? ' cells or rows, each with an error or warning above' : ''}`,
      `Indicators: ${p.indicators || '(none)'}`,
      `Regions matched: ${p.regionsMatched}`,
      `Regions unmatched: ${p.unmatchedCount}${p.unmatched ? ` (${p.unmatched})` : ''}`,
      `Periods: ${p.periods || '(none)'}`,
      `Status: final ${p.final}, preliminary ${p.preliminary}, missing ${p.missingStatus}`,
      `Warnings: ${p.warnings}; errors: ${p.errors}`,
    ].join('\n'),
  },
  LOAD_FAILED: {
    vi: (p) => `Không nạp được ${p.file}: ${p.count} lỗi`,
    en: (p) => `Could not load ${p.file}: ${p.count} errors`,
  },
  LOAD_MORE_WARNINGS: {
    vi: (p) => `… và ${p.count} cảnh báo khác (dùng --json để lấy số liệu; mọi cảnh báo có trong kết quả của loadObservations)`,
    en: (p) => `… and ${p.count} more warnings (every warning is in the diagnostics loadObservations returns)`,
  },
  LOAD_STREAMED: {
    vi: (p) => `${p.file}: đọc theo luồng ${p.rows} dòng, ${p.columns} cột (${p.types}); bộ nhớ ${p.memory} MB. Đọc theo luồng chỉ đọc các cột, không kiểm tra như số liệu chiso: truy vấn bằng loadLargeFile (chiso/node) hoặc DuckDB.`,
    en: (p) => `${p.file}: streamed ${p.rows} rows, ${p.columns} columns (${p.types}); ${p.memory} MB in memory. Streaming reads the columns only and does not check them as chiso observations: query them with loadLargeFile (chiso/node) or DuckDB.`,
  },
  LOAD_STREAMING: {
    vi: (p) => `${p.file}: tệp ${p.size} MB, quá ${p.max} MB đọc một lần: đọc theo luồng…`,
    en: (p) => `${p.file}: ${p.size} MB, over the ${p.max} MB read at once: streaming it…`,
  },
  LOAD_USAGE: {
    vi: () => [
      'chiso load TỆP [--format auto|csv|tidy|wide|gso|json|arrow] [--indicator MÃ] [--unit ĐƠN_VỊ] [--period KỲ] [--json] [--lenient] [--stream]',
      '  Đọc và kiểm tra một tệp số liệu; in tóm tắt, hoặc các số liệu dạng JSON (--json).',
      '  --stream: đọc theo luồng từng đoạn (CSV, Arrow, Parquet), in số dòng, các cột và bộ nhớ; tệp trên 100 MB luôn được đọc như vậy.',
      '  --lenient: báo lỗi nhưng vẫn nạp các số liệu hợp lệ (mặc định: có lỗi thì dừng, mã thoát 1).',
      '  Chỉ số của riêng bạn: --indicator MÃ --unit ĐƠN_VỊ [--name "Tên"] [--kind rate|count|amount] [--direction up|down],',
      '  hoặc tệp chiso.indicators.json cạnh tệp số liệu. Đọc được CSV, tệp xuất của Tổng cục Thống kê, JSON, Arrow, .xlsx và .ods.',
    ].join('\n'),
    en: () => [
      'chiso load FILE [--format auto|csv|tidy|wide|gso|json|arrow] [--indicator ID] [--unit UNIT] [--period PERIOD] [--json] [--lenient] [--stream]',
      '  Reads and validates a data file; prints a summary, or the observations as JSON (--json).',
      '  --stream: reads in chunks (CSV, Arrow, Parquet) and prints rows, columns and memory; files over 100 MB are always read so.',
      '  --lenient: report errors but keep the valid figures (default: any error stops, exit code 1).',
      '  Your own indicator: --indicator ID --unit UNIT [--name "Name"] [--kind rate|count|amount] [--direction up|down],',
      '  or a chiso.indicators.json beside the data. Reads CSV, GSO exports, JSON, Arrow, .xlsx and .ods.',
    ].join('\n'),
  },
} satisfies Catalogue;

// Registered when a module raising these codes imports this file.
registerMessages(dataMessages);
