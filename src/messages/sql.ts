import { registerMessages, type Catalogue } from './index.js';

/** Messages of src/sql and src/connectors. Codes are UPPER_SNAKE and unique across all catalogues. */
export const sqlMessages = {
  SQL_UNKNOWN_DIALECT: {
    vi: (p) => `SQL: phương ngữ "${p.value}" không được hỗ trợ. Các phương ngữ: ${p.allowed}.`,
    en: (p) => `SQL: dialect "${p.value}" is not supported. Dialects: ${p.allowed}.`,
  },
  SQL_BAD_TABLE_NAME: {
    vi: (p) => `SQL: tên bảng "${p.value}" không hợp lệ; chỉ dùng chữ cái Latinh không dấu, chữ số và "_" (có thể kèm lược đồ: "schema.bang").`,
    en: (p) => `SQL: table name "${p.value}" is not valid; use ASCII letters, digits and "_" (optionally with a schema: "schema.table").`,
  },
  SQL_BAD_TABLE_COLUMN: {
    vi: (p) => `SQL: cột "${p.value}" khai báo cho bảng không hợp lệ (${p.reasonVi}). ${p.allowed ? `Các cột quan sát: ${p.allowed}.` : ''}`,
    en: (p) => `SQL: column "${p.value}" declared for the table is not valid (${p.reason}). ${p.allowed ? `Observation columns: ${p.allowed}.` : ''}`,
  },
  SQL_BAD_COLUMN_TYPE: {
    vi: (p) => `SQL: kiểu "${p.value}" của cột "${p.column}" không hợp lệ. Các kiểu: ${p.allowed}.`,
    en: (p) => `SQL: type "${p.value}" of column "${p.column}" is not valid. Types: ${p.allowed}.`,
  },
  SQL_INDICATORS_NEEDED: {
    vi: () => 'SQL: truy vấn cần biết các chỉ tiêu có trong bảng (để lấy chiều "thấp hơn là tốt hơn" và loại chỉ tiêu); hãy chọn chỉ tiêu trong "select.indicators" hoặc truyền "indicators".',
    en: () => 'SQL: the query needs to know which indicators the table holds (for their direction and kind); select them in "select.indicators" or pass "indicators".',
  },
  SQL_ENGINE_FAILED: {
    vi: (p) => `SQL: cơ sở dữ liệu ${p.engine} báo lỗi khi chạy truy vấn: ${p.detail}`,
    en: (p) => `SQL: the ${p.engine} database failed to run the query: ${p.detail}`,
  },
  SQL_HTTP_FAILED: {
    vi: (p) => `SQL: máy chủ ${p.url} trả lời ${p.status}${p.detail ? `: ${p.detail}` : ''}.`,
    en: (p) => `SQL: the server ${p.url} answered ${p.status}${p.detail ? `: ${p.detail}` : ''}.`,
  },
  SQL_HTTP_UNREACHABLE: {
    vi: (p) => `SQL: không nhận được trả lời từ máy chủ ${p.url} (${p.detail}). Kiểm tra kết nối mạng, máy chủ, và chính sách bảo mật của trang (connect-src).`,
    en: (p) => `SQL: no answer from the server ${p.url} (${p.detail}). Check the network, the server, and the page's security policy (connect-src).`,
  },
  SQL_HTTP_TIMEOUT: {
    vi: (p) => `SQL: máy chủ ${p.url} không trả lời trong ${String(p.seconds).replace('.', ',')} giây. Thử lại sau, hoặc tăng thời gian chờ (timeout).`,
    en: (p) => `SQL: the server ${p.url} did not answer within ${p.seconds} s. Try again later, or allow a longer timeout.`,
  },
  SQL_HTTP_ABORTED: {
    vi: (p) => `SQL: yêu cầu tới ${p.url} đã bị hủy (một câu hỏi mới hơn thay thế nó).`,
    en: (p) => `SQL: the request to ${p.url} was cancelled (a newer question replaced it).`,
  },
  SQL_BAD_RESPONSE: {
    vi: (p) => `SQL: câu trả lời của ${p.url} không đúng dạng (cần JSON { rows: [...] }): ${p.detail}.`,
    en: (p) => `SQL: the answer from ${p.url} has the wrong shape (expected JSON { rows: [...] }): ${p.detail}.`,
  },
  SQL_BAD_TIMEOUT: {
    vi: (p) => `SQL: thời gian chờ (timeout) "${p.value}" không hợp lệ; dùng số mili giây ≥ 0 (0 là chờ mãi).`,
    en: (p) => `SQL: timeout "${p.value}" is not valid; use milliseconds ≥ 0 (0 waits for ever).`,
  },
  SQL_BAD_REQUEST: {
    vi: (p) => `SQL: yêu cầu không hợp lệ: ${p.detailVi}.`,
    en: (p) => `SQL: bad request: ${p.detail}.`,
  },
  SQL_SERVER_FAILED: {
    vi: (p) => `SQL: máy chủ gặp lỗi khi chạy truy vấn (chi tiết ở nhật ký máy chủ${p.ref ? `, mã tra cứu ${p.ref}` : ''}).`,
    en: (p) => `SQL: the server failed to run the query (details in the server log${p.ref ? `, reference ${p.ref}` : ''}).`,
  },
  SQL_BODY_TOO_LARGE: {
    vi: (p) => `SQL: nội dung yêu cầu lớn hơn ${p.max} byte; một truy vấn không cần nhiều như vậy.`,
    en: (p) => `SQL: the request body is larger than ${p.max} bytes; a query spec never needs that much.`,
  },
  SQL_SERVER_BUSY: {
    vi: (p) => `SQL: máy chủ đang bận (${p.limit} truy vấn đang chạy); thử lại sau ${p.seconds} giây.`,
    en: (p) => `SQL: the server is busy (${p.limit} queries running); try again in ${p.seconds} s.`,
  },
  SQL_SERVER_TIMEOUT: {
    vi: (p) => `SQL: truy vấn không xong trong ${String(p.seconds).replace('.', ',')} giây nên đã bị dừng; hãy thu hẹp truy vấn (ít chỉ tiêu, vùng hoặc năm hơn).`,
    en: (p) => `SQL: the query did not finish within ${p.seconds} s and was stopped; narrow it (fewer indicators, regions or years).`,
  },
  SQL_CANCELLED: {
    vi: (p) => `SQL: truy vấn trên ${p.engine} đã bị hủy (${p.reasonVi}).`,
    en: (p) => `SQL: the query on ${p.engine} was cancelled (${p.reason}).`,
  },
  SQL_DUCKDB_WASM_MISSING: {
    vi: (p) => `SQL: không tải được DuckDB-Wasm (${p.detail}). Cài gói "@duckdb/duckdb-wasm" và phục vụ các tệp .wasm và worker từ cùng nguồn với trang.`,
    en: (p) => `SQL: DuckDB-Wasm could not be loaded (${p.detail}). Install "@duckdb/duckdb-wasm" and serve its .wasm and worker files from the page's own origin.`,
  },
  SQL_DUCKDB_NODE_MISSING: {
    vi: (p) => `SQL: không tải được DuckDB cho Node (${p.detail}). Gói "@duckdb/node-api" là phụ thuộc tùy chọn của chiso: cài nó (npm install @duckdb/node-api) để dùng DuckDB.`,
    en: (p) => `SQL: DuckDB for Node could not be loaded (${p.detail}). "@duckdb/node-api" is an optional peer dependency of chiso: install it (npm install @duckdb/node-api) to use DuckDB.`,
  },
  SQL_CONNECTOR_CLOSED: {
    vi: (p) => `SQL: kết nối "${p.name}" đã đóng.`,
    en: (p) => `SQL: connector "${p.name}" is closed.`,
  },
} satisfies Catalogue;

// Registered when a module raising these codes imports this file (not part of the portal bundle).
registerMessages(sqlMessages);
