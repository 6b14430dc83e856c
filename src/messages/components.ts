import type { Catalogue } from './index.js';

/** Messages of src/components: states, controls and errors a reader sees in the page. */
export const componentsMessages = {
  COMPONENTS_LOADING: {
    vi: () => 'Đang tải dữ liệu…',
    en: () => 'Loading data…',
  },
  COMPONENTS_CONTRAST: {
    vi: () => 'Tương phản cao',
    en: () => 'High contrast',
  },
  COMPONENTS_PLAYER_LABEL: {
    vi: (p) => `Xem lần lượt từng năm: ${p.indicator}`,
    en: (p) => `Step through the periods: ${p.indicator}`,
  },
  COMPONENTS_PLAYER_PLAY: { vi: () => 'Phát', en: () => 'Play' },
  COMPONENTS_PLAYER_PAUSE: { vi: () => 'Tạm dừng', en: () => 'Pause' },
  COMPONENTS_PLAYER_BACK: { vi: () => 'Năm trước', en: () => 'Previous' },
  COMPONENTS_PLAYER_FORWARD: { vi: () => 'Năm sau', en: () => 'Next' },
  COMPONENTS_PLAYER_SLIDER: { vi: () => 'Kỳ số liệu', en: () => 'Period' },
  COMPONENTS_PLAYER_STEP: {
    vi: (p) => `${p.period}: ${p.indicator}, ${p.region} ${p.value}`,
    en: (p) => `${p.period}: ${p.indicator}, ${p.region} ${p.value}`,
  },
  COMPONENTS_PLAYER_SPREAD: {
    vi: (p) => `${p.period}: ${p.indicator}, ${p.count} địa phương có số liệu, từ ${p.min} (${p.minRegion}) đến ${p.max} (${p.maxRegion})`,
    en: (p) => `${p.period}: ${p.indicator}, ${p.count} regions with figures, from ${p.min} (${p.minRegion}) to ${p.max} (${p.maxRegion})`,
  },
  COMPONENTS_PLAYER_NONE: {
    vi: (p) => `${p.period}: không có số liệu ${p.indicator}`,
    en: (p) => `${p.period}: no figures for ${p.indicator}`,
  },
  COMPONENTS_REGION_LIST: {
    vi: (p) => `Chọn địa phương trên bản đồ (${p.count})`,
    en: (p) => `Select a region of the map (${p.count})`,
  },
  COMPONENTS_REGION_LIST_NONE: { vi: () => '– Không chọn –', en: () => '– None –' },
  COMPONENTS_PRINTED_SELECTION: {
    vi: (p) => `Lựa chọn khi in: ${p.regions}; ${p.periods}. Xem lại tại: ${p.address}`,
    en: (p) => `Selection when printed: ${p.regions}; ${p.periods}. See it again at: ${p.address}`,
  },
  COMPONENTS_ALL_REGIONS: {
    vi: () => 'mọi địa phương',
    en: () => 'every region',
  },
  COMPONENTS_ALL_PERIODS: {
    vi: () => 'mọi kỳ',
    en: () => 'every period',
  },
  COMPONENTS_RENDERING: {
    vi: () => 'Đang vẽ biểu đồ…',
    en: () => 'Drawing the chart…',
  },
  COMPONENTS_EMPTY: {
    vi: (p) => `Không có số liệu${p.label ? ` về ${p.label}` : ''} với lựa chọn hiện tại.`,
    en: (p) => `No figures${p.label ? ` on ${p.label}` : ''} for the current selection.`,
  },
  COMPONENTS_UNKNOWN_INDICATOR: {
    vi: (p) => `Không có chỉ số "${p.value}" trong danh mục lẫn trong dữ liệu${p.close ? `; có phải: ${p.close}?` : ''}`,
    en: (p) => `No indicator "${p.value}" in the catalogue or the data${p.close ? `; did you mean: ${p.close}?` : ''}`,
  },
  COMPONENTS_NO_DASHBOARD: {
    vi: (p) => `<${p.tag}> cần nằm trong một <chiso-dashboard> hoặc có thuộc tính .data.`,
    en: (p) => `<${p.tag}> must sit inside a <chiso-dashboard> or be given .data.`,
  },
  COMPONENTS_FETCH_FAILED: {
    vi: (p) => `Không tải được ${p.url}: ${p.detail}`,
    en: (p) => `Could not load ${p.url}: ${p.detail}`,
  },
  COMPONENTS_BAD_CONFIG: {
    vi: (p) => `Cấu hình bảng điều khiển không hợp lệ: ${p.detailVi ?? p.detail}`,
    en: (p) => `Invalid dashboard configuration: ${p.detail}`,
  },
  COMPONENTS_BAD_DATA: {
    vi: (p) => `Dữ liệu truyền vào .data không dùng được: ${p.detail}`,
    en: (p) => `The value given to .data cannot be used: ${p.detail}`,
  },
  COMPONENTS_UNKNOWN_TYPE: {
    vi: (p) => `Loại biểu đồ không hợp lệ: "${p.value}". Dùng một trong: ${p.allowed}.`,
    en: (p) => `Unknown chart type "${p.value}". Use one of: ${p.allowed}.`,
  },
  COMPONENTS_BAD_FOLLOW: {
    vi: (p) => `Thuộc tính follow không hợp lệ: "${p.value}". Dùng: ${p.allowed}.`,
    en: (p) => `Invalid follow attribute "${p.value}". Use: ${p.allowed}.`,
  },
  COMPONENTS_BAD_SPEC: {
    vi: (p) => `Thuộc tính spec không phải JSON hợp lệ: ${p.detail}`,
    en: (p) => `The spec attribute is not valid JSON: ${p.detail}`,
  },
  COMPONENTS_RENDER_FAILED: {
    vi: (p) => `Không vẽ được biểu đồ: ${p.detail}`,
    en: (p) => `The chart could not be drawn: ${p.detail}`,
  },
  COMPONENTS_GEO_FAILED: {
    vi: (p) => `Không tải được bản đồ ranh giới ${p.url}: ${p.detail}`,
    en: (p) => `Could not load the boundary map ${p.url}: ${p.detail}`,
  },
  COMPONENTS_EXPORT: { vi: () => 'Tải xuống', en: () => 'Download' },
  COMPONENTS_EXPORT_SVG: { vi: () => 'Ảnh SVG', en: () => 'SVG image' },
  COMPONENTS_EXPORT_PNG: { vi: () => 'Ảnh PNG', en: () => 'PNG image' },
  COMPONENTS_EXPORT_CSV: { vi: () => 'Dữ liệu CSV', en: () => 'CSV data' },
  COMPONENTS_EXPORT_SPEC: { vi: () => 'Đặc tả Vega-Lite (JSON)', en: () => 'Vega-Lite spec (JSON)' },
  COMPONENTS_EXPORT_ZIP: { vi: () => 'Tải tất cả (ZIP)', en: () => 'Download everything (ZIP)' },
  COMPONENTS_SHOW_TABLE: { vi: () => 'Xem bảng số liệu', en: () => 'Show data table' },
  COMPONENTS_CHART_LABEL: {
    vi: (p) => `Biểu đồ: ${p.title}`,
    en: (p) => `Chart: ${p.title}`,
  },
  COMPONENTS_MAP_UNITS: { vi: () => 'Đơn vị hành chính', en: () => 'Administrative units' },
  COMPONENTS_MAP_63: { vi: () => '63 tỉnh (trước 1/7/2025)', en: () => '63 provinces (before 1 July 2025)' },
  COMPONENTS_MAP_34: { vi: () => '34 tỉnh (từ 1/7/2025)', en: () => '34 provinces (from 1 July 2025)' },
  COMPONENTS_MAP_34_NOTE: {
    vi: (p) => `Bản đồ 34 tỉnh: chỉ tô các tỉnh không sáp nhập (${p.count}) hoặc có số liệu riêng; tỉnh đã sáp nhập để trống vì số liệu cũ không cộng gộp được.`,
    en: (p) => `34-unit map: only units that were not merged (${p.count}) or have figures of their own are shaded; merged units are left blank since the old figures cannot be combined.`,
  },
  COMPONENTS_FILTER_REGION: { vi: () => 'Tìm tỉnh, thành phố', en: () => 'Find a province or city' },
  COMPONENTS_FILTER_PLACEHOLDER: { vi: () => 'Ví dụ: da nang, hcm', en: () => 'e.g. da nang, hcm' },
  COMPONENTS_FILTER_NO_MATCH: { vi: () => 'Không tìm thấy đơn vị nào', en: () => 'No unit found' },
  COMPONENTS_FILTER_FROM: { vi: () => 'Từ năm', en: () => 'From' },
  COMPONENTS_FILTER_TO: { vi: () => 'Đến năm', en: () => 'To' },
  COMPONENTS_FILTER_CLEAR: { vi: () => 'Bỏ chọn', en: () => 'Clear selection' },
  COMPONENTS_FILTER_SELECTED: {
    vi: (p) => `Đang chọn: ${p.names}`,
    en: (p) => `Selected: ${p.names}`,
  },
  COMPONENTS_FILTER_NONE: { vi: () => 'Chưa chọn đơn vị nào', en: () => 'No unit selected' },
  COMPONENTS_TABLE_CAPTION: {
    vi: (p) => `Bảng số liệu: ${p.title} (${p.rows} dòng)`,
    en: (p) => `Data table: ${p.title} (${p.rows} rows)`,
  },
  COMPONENTS_TABLE_PAGE: {
    vi: (p) => `Trang ${p.page}/${p.pages}`,
    en: (p) => `Page ${p.page} of ${p.pages}`,
  },
  COMPONENTS_TABLE_PREV: { vi: () => 'Trang trước', en: () => 'Previous page' },
  COMPONENTS_TABLE_NEXT: { vi: () => 'Trang sau', en: () => 'Next page' },
  COMPONENTS_TABLE_SORT: {
    vi: (p) => `Sắp xếp theo ${p.column}`,
    en: (p) => `Sort by ${p.column}`,
  },
  COMPONENTS_TABLE_PROFILE: { vi: () => 'Tóm tắt cột', en: () => 'Column summary' },
  COMPONENTS_PROFILE_NUMERIC: {
    vi: (p) => `${p.count} giá trị, ${p.missing} thiếu; nhỏ nhất ${p.min}, trung vị ${p.median}, lớn nhất ${p.max}`,
    en: (p) => `${p.count} values, ${p.missing} missing; min ${p.min}, median ${p.median}, max ${p.max}`,
  },
  COMPONENTS_PROFILE_TEXT: {
    vi: (p) => `${p.distinct} giá trị khác nhau; nhiều nhất: ${p.top}`,
    en: (p) => `${p.distinct} distinct values; most common: ${p.top}`,
  },
  COMPONENTS_COL_INDICATOR: { vi: () => 'Chỉ tiêu', en: () => 'Indicator' },
  COMPONENTS_COL_REGION: { vi: () => 'Đơn vị', en: () => 'Region' },
  COMPONENTS_SELECT: { vi: () => 'Chọn', en: () => 'Select' },
  COMPONENTS_SELECT_REGION: {
    vi: (p) => `Chọn ${p.region} trên mọi biểu đồ`,
    en: (p) => `Select ${p.region} in every view`,
  },
  COMPONENTS_COL_PERIOD: { vi: () => 'Kỳ', en: () => 'Period' },
  COMPONENTS_COL_VALUE: { vi: () => 'Giá trị', en: () => 'Value' },
  COMPONENTS_COL_UNIT: { vi: () => 'Đơn vị tính', en: () => 'Unit' },
  COMPONENTS_COL_SOURCE: { vi: () => 'Nguồn', en: () => 'Source' },
  COMPONENTS_COL_STATUS: { vi: () => 'Trạng thái', en: () => 'Status' },
  // A sub-series (income source, new-rural tier, collectives/individuals): GSO's "phân tổ".
  COMPONENTS_COL_SERIES: { vi: () => 'Phân tổ', en: () => 'Series' },
  COMPONENTS_PRELIMINARY: { vi: () => 'sơ bộ', en: () => 'preliminary' },
  COMPONENTS_FINAL: { vi: () => 'chính thức', en: () => 'final' },
  COMPONENTS_MISSING: { vi: () => 'không có số liệu', en: () => 'missing' },
  COMPONENTS_SOURCE_TITLE: { vi: () => 'Nguồn số liệu', en: () => 'Sources' },
  COMPONENTS_SOURCE_COUNT: {
    vi: (p) => `${p.count} số liệu`,
    en: (p) => `${p.count} ${p.count === 1 ? 'figure' : 'figures'}`,
  },
  COMPONENTS_SOURCE_QUOTE: { vi: () => 'Trích nguyên văn', en: () => 'Quoted' },
  COMPONENTS_KPI_OF: {
    vi: (p) => `${p.value} trên ${p.denominator}`,
    en: (p) => `${p.value} of ${p.denominator}`,
  },
  COMPONENTS_KPI_CHANGE: {
    vi: (p) => `${p.change} so với ${p.period}`,
    en: (p) => `${p.change} since ${p.period}`,
  },
  COMPONENTS_RANGE: { vi: () => 'Chọn khoảng năm', en: () => 'Choose years' },
  COMPONENTS_RANGE_FROM: { vi: () => 'Từ năm', en: () => 'From' },
  COMPONENTS_RANGE_TO: { vi: () => 'Đến năm', en: () => 'To' },
  COMPONENTS_RANGE_EARLIER: { vi: () => 'Lùi một kỳ', en: () => 'One period earlier' },
  COMPONENTS_RANGE_LATER: { vi: () => 'Tiến một kỳ', en: () => 'One period later' },
  COMPONENTS_RANGE_CLEAR: { vi: () => 'Bỏ chọn khoảng năm', en: () => 'Clear the years' },
  COMPONENTS_RANGE_SET: {
    vi: (p) => `Đã chọn từ năm ${p.from} đến năm ${p.to}: các biểu đồ khác chỉ hiện khoảng này`,
    en: (p) => `Chosen ${p.from} to ${p.to}: the other views show these years only`,
  },
  COMPONENTS_RANGE_CLEARED: { vi: () => 'Đã bỏ chọn khoảng năm', en: () => 'The years are cleared' },
  COMPONENTS_WALK_LABEL: {
    vi: (p) => `${p.title}. Đi qua từng số liệu: mũi tên trái, phải theo thời gian; mũi tên lên, xuống sang địa phương khác; Home, End về đầu, cuối dãy`,
    en: (p) => `${p.title}. Walk through the figures: Left and Right arrows move in time, Up and Down to another region, Home and End to the first and last`,
  },
  COMPONENTS_WALK_POINT: {
    vi: (p) => `${p.name}, ${p.period}: ${p.value}${p.status}. Số ${p.k} trên ${p.n}${p.series}`,
    en: (p) => `${p.name}, ${p.period}: ${p.value}${p.status}. Figure ${p.k} of ${p.n}${p.series}`,
  },
  COMPONENTS_WALK_SERIES: {
    vi: (p) => `, dãy ${p.k} trên ${p.n}`,
    en: (p) => `, series ${p.k} of ${p.n}`,
  },
  COMPONENTS_GRID_LABEL: {
    vi: (p) => `${p.title}: ${p.count} ô, mỗi ô một địa phương. Dùng phím mũi tên để đi qua các ô, Enter để chọn địa phương`,
    en: (p) => `${p.title}: ${p.count} panels, one a region. Arrow keys move between panels, Enter selects the region`,
  },
  COMPONENTS_LANGUAGE: { vi: () => 'Ngôn ngữ', en: () => 'Language' },
} satisfies Catalogue;
