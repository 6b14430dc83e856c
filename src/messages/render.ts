import { registerMessages, type Catalogue } from './index.js';

/** Messages of src/render. Codes are UPPER_SNAKE and unique across all catalogues. */
export const renderMessages = {
  RENDER_TOO_MANY_ROWS: {
    vi: (p) => `Biểu đồ mang ${p.rows} dòng dữ liệu, quá giới hạn ${p.max}: hãy tổng hợp dữ liệu (truy vấn) trước khi vẽ, hoặc nâng giới hạn maxRows`,
    en: (p) => `The chart carries ${p.rows} data rows, over the limit of ${p.max}: aggregate the data (query) before drawing, or raise maxRows`,
  },
  RENDER_FILE_TOO_LARGE: {
    vi: (p) => `Tệp dữ liệu của biểu đồ lớn ${p.size} MB, quá giới hạn ${p.max} MB: hãy tổng hợp dữ liệu trước khi vẽ`,
    en: (p) => `The chart's data file is ${p.size} MB, over the limit of ${p.max} MB: aggregate the data before drawing`,
  },
  RENDER_PATH_OUTSIDE: {
    vi: (p) => `Không đọc "${p.path}": chỉ đọc được tệp nằm trong thư mục của cấu hình (${p.root}); không dùng "file:", đường dẫn tuyệt đối hay ".." ra ngoài. Nếu tin tệp này, chạy với --allow-path`,
    en: (p) => `Not reading "${p.path}": only files inside the configuration's folder (${p.root}) are read; no "file:", absolute paths or ".." outside it. If you trust this file, run with --allow-path`,
  },
  RENDER_NET_REFUSED: {
    vi: (p) => `Không tải "${p.url}": biểu đồ không được tải dữ liệu qua mạng trừ khi chạy với --allow-net (chỉ HTTP và HTTPS)`,
    en: (p) => `Not fetching "${p.url}": charts load nothing over the network unless run with --allow-net (HTTP and HTTPS only)`,
  },
  RENDER_DATA_LOAD_FAILED: {
    vi: (p) => `Không tải được dữ liệu "${p.url}" của biểu đồ: ${p.detail}`,
    en: (p) => `The chart's data "${p.url}" could not be loaded: ${p.detail}`,
  },
  RENDER_OUT_SYMLINK: {
    vi: (p) => `Không ghi "${p.path}": đó là liên kết tượng trưng (symlink); xoá nó hoặc chọn thư mục --out khác`,
    en: (p) => `Not writing "${p.path}": it is a symbolic link; remove it or choose another --out folder`,
  },
  RENDER_TOO_MANY_PIXELS: {
    vi: (p) => `Ảnh PNG ${p.width} × ${p.height} điểm ảnh (${p.megapixels} triệu) vượt giới hạn ${p.max} triệu điểm ảnh: giảm --scale hoặc kích thước biểu đồ`,
    en: (p) => `The PNG would be ${p.width} × ${p.height} pixels (${p.megapixels} million), over the limit of ${p.max} million: lower --scale or the chart's size`,
  },
  RENDER_RASTER_CRASHED: {
    vi: (p) => `Trình vẽ PNG (resvg) dừng đột ngột khi vẽ biểu đồ này (${p.detail}); các biểu đồ khác không bị ảnh hưởng. Bản SVG vẫn dùng được`,
    en: (p) => `The PNG rasteriser (resvg) crashed on this chart (${p.detail}); other charts are not affected. The SVG is still usable`,
  },
  RENDER_BATCH_SUMMARY: {
    vi: (p) => `${p.failed}/${p.total} biểu đồ không xuất được: ${p.ids}`,
    en: (p) => `${p.failed} of ${p.total} charts failed: ${p.ids}`,
  },
  RENDER_FAILED: {
    vi: (p) => `Không vẽ được biểu đồ "${p.chart}": ${p.detail}`,
    en: (p) => `Could not draw chart "${p.chart}": ${p.detail}`,
  },
  RENDER_BAD_JSON: {
    vi: (p) => `Tệp không phải JSON hợp lệ: ${p.detail}`,
    en: (p) => `The file is not valid JSON: ${p.detail}`,
  },
  RENDER_CONFIG_UNKNOWN_KEY: {
    vi: (p) => `Khoá "${p.key}" không được biết tại ${p.path}; các khoá hợp lệ: ${p.allowed}`,
    en: (p) => `Unknown key "${p.key}" at ${p.path}; allowed keys: ${p.allowed}`,
  },
  RENDER_CONFIG_INVALID: {
    vi: (p) => `Cấu hình sai tại ${p.path}: ${p.detailVi}`,
    en: (p) => `Invalid configuration at ${p.path}: ${p.detailEn}`,
  },
  RENDER_CONFIG_UNKNOWN_DATA: {
    vi: (p) => `Biểu đồ "${p.chart}" dùng nguồn dữ liệu "${p.data}" không có trong "data" (có: ${p.known})`,
    en: (p) => `Chart "${p.chart}" uses data "${p.data}", which is not in "data" (known: ${p.known})`,
  },
  RENDER_CONFIG_DUPLICATE_ID: {
    vi: (p) => `Hai biểu đồ cùng mã "${p.id}": mỗi biểu đồ cần một mã riêng, vì nó là tên tệp xuất ra`,
    en: (p) => `Two charts share the id "${p.id}": each needs its own, as it names the output file`,
  },
  RENDER_CONFIG_NO_CHART: {
    vi: (p) => `Biểu đồ "${p.chart}" không có "type" lẫn "spec": cần một trong hai`,
    en: (p) => `Chart "${p.chart}" has neither "type" nor "spec": it needs one of them`,
  },
  RENDER_FILE_NOT_FOUND: {
    vi: (p) => `Không tìm thấy tệp "${p.path}"`,
    en: (p) => `File "${p.path}" not found`,
  },
  RENDER_NOT_A_SPEC: {
    vi: () => `Tệp không phải cấu hình chiso (cần "charts") cũng không phải đặc tả Vega-Lite/Vega (cần "mark", "layer", "marks"...)`,
    en: () => `The file is neither a chiso configuration (needs "charts") nor a Vega-Lite/Vega spec (needs "mark", "layer", "marks"...)`,
  },
  RENDER_BAD_TEXT: {
    vi: (p) => `Cách ghi chữ "${p.value}" không hợp lệ; chọn một trong: ${p.allowed}`,
    en: (p) => `Unknown text mode "${p.value}"; choose one of: ${p.allowed}`,
  },
  RENDER_BAD_DPI: {
    vi: (p) => `Độ phân giải --dpi "${p.value}" không hợp lệ: cần một số từ 72 đến 1200`,
    en: (p) => `Resolution --dpi "${p.value}" is not valid: it must be a number from 72 to 1200`,
  },
  RENDER_BAD_PURPOSE: {
    vi: (p) => `--for "${p.value}" không hợp lệ; chọn một trong: ${p.allowed}`,
    en: (p) => `--for "${p.value}" is not valid; choose one of: ${p.allowed}`,
  },
  RENDER_SCALE_AND_DPI: {
    vi: () => `Chỉ dùng một trong --scale và --dpi: --dpi 300 nghĩa là 3,125 điểm ảnh cho mỗi px của biểu đồ`,
    en: () => `Use either --scale or --dpi, not both: --dpi 300 means 3.125 pixels per chart px`,
  },
  RENDER_USAGE: {
    vi: () => [
      'chiso render CẤU_HÌNH.json|SPEC.vl.json --out THƯ_MỤC [tuỳ chọn]',
      '  Xuất mỗi biểu đồ của cấu hình (hoặc một spec Vega-Lite) thành tệp, không cần trình duyệt.',
      '  --out THƯ_MỤC            nơi ghi tệp (tạo nếu chưa có)',
      '  --format svg,png         định dạng, cách nhau bằng dấu phẩy (mặc định svg)',
      '  --lang vi|en             ngôn ngữ của số và ngày (mặc định: của cấu hình, nếu không thì vi)',
      '  --for screen|print       mục đích; print = --text outlines --dpi 300 (mặc định screen)',
      '  --text fonts|outlines    chữ là chữ kèm phông nhúng, hoặc đường nét (mở đúng ở mọi phần mềm)',
      '  --dpi N                  độ phân giải PNG, ví dụ 300 cho bản in (ghi vào tệp)',
      '  --scale N                điểm ảnh PNG cho mỗi px của biểu đồ (mặc định 2; không dùng cùng --dpi)',
      '  --bundle                 thêm một tệp ZIP mỗi biểu đồ: số liệu CSV, metadata.json, README, trích dẫn',
      '  --help, -h               hướng dẫn này',
    ].join('\n'),
    en: () => [
      'chiso render CONFIG.json|SPEC.vl.json --out DIR [options]',
      '  Exports every chart of a configuration (or one Vega-Lite spec) to files, without a browser.',
      '  --out DIR                where the files are written (created if missing)',
      '  --format svg,png         formats, comma-separated (default svg)',
      '  --lang vi|en             language of numbers and dates (default: the configuration\'s, else vi)',
      '  --for screen|print       purpose; print = --text outlines --dpi 300 (default screen)',
      '  --text fonts|outlines    text as text with the font embedded, or as outlines (opens right anywhere)',
      '  --dpi N                  PNG resolution, e.g. 300 for print (written into the file)',
      '  --scale N                PNG pixels per chart px (default 2; not with --dpi)',
      '  --bundle                 also one ZIP per chart: the rows as CSV, metadata.json, README, citation',
      '  --help, -h               this help',
    ].join('\n'),
  },
  RENDER_NEEDS_OUT: {
    vi: () => `Cần --out THƯ_MỤC: nơi ghi các tệp biểu đồ`,
    en: () => `--out DIR is required: where the chart files are written`,
  },
  RENDER_NEEDS_INPUT: {
    vi: () => `Cần một tệp: chiso render CONFIG.json|SPEC.vl.json --out THƯ_MỤC`,
    en: () => `A file is required: chiso render CONFIG.json|SPEC.vl.json --out DIR`,
  },
  RENDER_BAD_FORMAT: {
    vi: (p) => `Định dạng "${p.value}" không hỗ trợ; dùng: ${p.allowed}`,
    en: (p) => `Format "${p.value}" is not supported; use: ${p.allowed}`,
  },
  RENDER_BAD_SCALE: {
    vi: (p) => `--scale phải là số dương (tối đa 10), không phải "${p.value}"`,
    en: (p) => `--scale must be a positive number (at most 10), not "${p.value}"`,
  },
  RENDER_BAD_LANG: {
    vi: (p) => `--lang phải là vi hoặc en, không phải "${p.value}"`,
    en: (p) => `--lang must be vi or en, not "${p.value}"`,
  },
  RENDER_BAD_SUBSET: {
    vi: (p) => `Cách nhúng phông "${p.value}" không hỗ trợ; dùng: ${p.allowed}`,
    en: (p) => `Font subset "${p.value}" is not supported; use: ${p.allowed}`,
  },
  RENDER_WROTE: {
    vi: (p) => `Đã ghi ${p.count} tệp vào ${p.dir}`,
    en: (p) => `Wrote ${p.count} files to ${p.dir}`,
  },
  BAKE_ELEMENT_FAILED: {
    vi: (p) => `Không vẽ sẵn được <${p.tag}> ở dòng ${p.line}: ${p.detailVi}`,
    en: (p) => `Could not bake <${p.tag}> on line ${p.line}: ${p.detail}`,
  },
  BAKE_NO_DATA: {
    vi: () => `phần tử không nằm trong <chiso-dashboard src="..."> nào, nên không có dữ liệu để vẽ lúc build; đặt nó trong một bảng điều khiển có src`,
    en: () => `the element is inside no <chiso-dashboard src="...">, so there is no data to draw at build time; put it in a dashboard with a src`,
  },
  BAKE_SRC_NOT_LOCAL: {
    vi: (p) => `src "${p.src}" không phải tệp trong thư mục gốc ${p.root}; chỉ đọc được tệp cục bộ khi vẽ sẵn (không tải qua mạng)`,
    en: (p) => `src "${p.src}" is not a file inside the root folder ${p.root}; baking reads local files only (nothing over the network)`,
  },
  BAKE_BAD_JSON: {
    vi: (p) => `thuộc tính ${p.attr} không phải JSON hợp lệ: ${p.detail}`,
    en: (p) => `the ${p.attr} attribute is not valid JSON: ${p.detail}`,
  },
  BAKE_BAD_NUMBER: {
    vi: (p) => `thuộc tính ${p.attr}="${p.value}" phải là một số dương`,
    en: (p) => `the ${p.attr}="${p.value}" attribute must be a positive number`,
  },
  BAKE_NEEDS_INPUT: {
    vi: () => `Cần một trang HTML: chiso bake TRANG.html --out THƯ_MỤC`,
    en: () => `An HTML page is required: chiso bake PAGE.html --out DIR`,
  },
  BAKE_WROTE: {
    vi: (p) => `Đã vẽ sẵn ${p.count} phần tử vào ${p.file}`,
    en: (p) => `Baked ${p.count} elements into ${p.file}`,
  },
  BAKE_USAGE: {
    vi: () => [
      'chiso bake TRANG.html --out THƯ_MỤC [tuỳ chọn]',
      '  Vẽ sẵn mọi <chiso-chart>, <chiso-map>, <chiso-kpi>, <chiso-table> của trang lúc build: biểu đồ SVG,',
      '  lời mô tả và bảng số liệu nằm ngay trong HTML, đọc được khi không có JavaScript và khi in.',
      '  --out THƯ_MỤC     nơi ghi trang đã vẽ sẵn và tệp CSS đi kèm (tạo nếu chưa có)',
      '  --root THƯ_MỤC    thư mục gốc của trang web: src="/data/x.csv" đọc từ đây (mặc định: thư mục hiện tại)',
      '  --width N         bề rộng vẽ biểu đồ, px (mặc định 640; biểu đồ co lại theo màn hình)',
      '  --lang vi|en      ngôn ngữ (mặc định: lang của bảng điều khiển hoặc của trang, nếu không thì vi)',
    ].join('\n'),
    en: () => [
      'chiso bake PAGE.html --out DIR [options]',
      '  Draws every <chiso-chart>, <chiso-map>, <chiso-kpi>, <chiso-table> of the page at build time: the chart',
      '  as SVG, its description and its data table go into the HTML, readable without JavaScript and in print.',
      '  --out DIR         where the baked page and its stylesheet are written (created if missing)',
      '  --root DIR        the root folder of the site: src="/data/x.csv" is read from here (default: the current folder)',
      '  --width N         width charts are drawn for, px (default 640; charts shrink to the screen)',
      '  --lang vi|en      language (default: the lang of the dashboard or the page, else vi)',
    ].join('\n'),
  },
} satisfies Catalogue;

// Registered when a module raising these codes imports this file (not part of the portal bundle).
registerMessages(renderMessages);
