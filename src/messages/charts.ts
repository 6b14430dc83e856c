import { registerMessages, type Catalogue } from './index.js';

const n = (v: unknown) => String(v ?? '');

/**
 * Messages of src/charts and src/format: errors, and every text a chart shows (axis titles, legend
 * entries, notes, description sentences). Codes are UPPER_SNAKE and unique across all catalogues.
 * Parameters arrive already formatted for the language (numbers, periods, names).
 */
export const chartsMessages = {
  // Errors
  // How format/ writes dates and periods; parameters are numbers as text.
  CHART_UNKNOWN_OPTION: {
    vi: (p) => `Giá trị "${p.value}" không hợp lệ cho tùy chọn "${p.option}"; dùng: ${p.allowed}.`,
    en: (p) => `Invalid value "${p.value}" for option "${p.option}"; use: ${p.allowed}.`,
  },
  CHART_UNKNOWN_OPTION_KEY: {
    vi: (p) => `Biểu đồ ${p.chart} không có tùy chọn "${p.value}"; các tùy chọn: ${p.allowed}.`,
    en: (p) => `The ${p.chart} chart has no option "${p.value}"; its options: ${p.allowed}.`,
  },
  CHART_TOO_MANY_ROWS: {
    vi: (p) => `Biểu đồ nhận ${p.rows} dòng, vượt giới hạn ${p.limit}; hãy tổng hợp dữ liệu trước (hoặc tăng maxRows).`,
    en: (p) => `The chart received ${p.rows} rows, over the limit of ${p.limit}; aggregate the data first (or raise maxRows).`,
  },
  CHART_NO_DATA: {
    vi: (p) => `Không có số liệu để vẽ biểu đồ ${p.chart}${p.detail ? ` (${p.detail})` : ''}.`,
    en: (p) => `No data to draw the ${p.chart} chart${p.detail ? ` (${p.detail})` : ''}.`,
  },
  CHART_MISSING_OPTION: {
    vi: (p) => `Biểu đồ ${p.chart} cần tùy chọn "${p.option}".`,
    en: (p) => `The ${p.chart} chart needs the option "${p.option}".`,
  },
  CHART_BAD_PERIOD: {
    vi: (p) => `Kỳ "${p.value}" không đặt được lên trục thời gian (dùng năm 2016, khoảng 2021-2023, tháng 2024-05 hoặc ngày 2024-05-07).`,
    en: (p) => `Period "${p.value}" cannot be placed on a time axis (use a year 2016, a range 2021-2023, a month 2024-05 or a date 2024-05-07).`,
  },
  CHART_BAD_TOPOLOGY: {
    vi: (p) => `Dữ liệu bản đồ không hợp lệ: ${p.detail}.`,
    en: (p) => `Invalid map geometry: ${p.detail}.`,
  },
  CHART_UNMATCHED_GEOMETRY: {
    vi: (p) => `Không tìm thấy đơn vị hành chính cho vùng bản đồ "${p.value}".`,
    en: (p) => `No admin unit found for the map area "${p.value}".`,
  },

  // Texts drawn on charts
  // "About this data": the panel beside every chart, the bundle's README and metadata (src/charts/about.ts).
  ABOUT_DEFINITION: { vi: () => 'Định nghĩa', en: () => 'Definition' },
  ABOUT_UNIT: { vi: () => 'Đơn vị', en: () => 'Unit' },
  ABOUT_KIND: { vi: () => 'Loại chỉ số', en: () => 'Kind' },
  ABOUT_DIRECTION: { vi: () => 'Chiều tốt', en: () => 'Better when' },
  ABOUT_FORMULA: { vi: () => 'Công thức, mẫu số', en: () => 'Formula or denominator' },
  ABOUT_SOURCES: { vi: () => 'Cơ quan, nguồn', en: () => 'Source agency' },
  ABOUT_PERIODICITY: { vi: () => 'Kỳ số liệu', en: () => 'Periodicity' },
  ABOUT_LAST_UPDATED: { vi: () => 'Kỳ mới nhất', en: () => 'Last updated' },
  ABOUT_BREAKS: { vi: () => 'Chuẩn, phương pháp', en: () => 'Standards and breaks' },
  ABOUT_NOTES: { vi: () => 'Ghi chú', en: () => 'Notes' },
  ABOUT_KIND_RATE: { vi: () => 'tỷ lệ', en: () => 'rate' },
  ABOUT_KIND_COUNT: { vi: () => 'số đếm', en: () => 'count' },
  ABOUT_KIND_AMOUNT: { vi: () => 'số tiền, giá trị', en: () => 'amount' },
  ABOUT_KIND_FRACTION: { vi: () => 'phân số (đạt trên tổng số)', en: () => 'fraction (met out of all)' },
  ABOUT_LOWER_BETTER: { vi: () => 'càng thấp càng tốt', en: () => 'lower is better' },
  ABOUT_HIGHER_BETTER: { vi: () => 'càng cao càng tốt', en: () => 'higher is better' },
  ABOUT_FRACTION_FORMULA: { vi: () => 'số đạt / tổng số (cột denominator)', en: () => 'met / all (the denominator column)' },
  ABOUT_ANNUAL: { vi: () => 'hằng năm', en: () => 'annual' },
  ABOUT_EVERY_YEARS: { vi: (p) => `${n(p.years)} năm một lần`, en: (p) => `every ${n(p.years)} years` },
  ABOUT_IRREGULAR: { vi: () => 'không đều', en: () => 'irregular' },
  ABOUT_BY_DATE: { vi: () => 'theo ngày báo cáo', en: () => 'by report date' },
  ABOUT_SINGLE: { vi: () => 'một kỳ', en: () => 'a single period' },
  ABOUT_NAME_UNTIL: { vi: (p) => `${n(p.name)} (đến ${n(p.to)})`, en: (p) => `${n(p.name)} (until ${n(p.to)})` },
  ABOUT_NAME_SINCE: { vi: (p) => `${n(p.name)} (từ ${n(p.from)})`, en: (p) => `${n(p.name)} (since ${n(p.from)})` },
  ABOUT_NAME_BETWEEN: { vi: (p) => `${n(p.name)} (${n(p.from)} – ${n(p.to)})`, en: (p) => `${n(p.name)} (${n(p.from)} – ${n(p.to)})` },
  ABOUT_NOT_COMPARABLE: {
    vi: () => 'Số liệu thuộc các chuẩn khác nhau không so sánh được với nhau.',
    en: () => 'Figures under different standards are not comparable with each other.',
  },
  ABOUT_UNKNOWN_STANDARD: {
    vi: (p) => `${n(p.count)} số liệu không ghi rõ chuẩn: không so sánh với số liệu khác.`,
    en: (p) => `${n(p.count)} figures do not state their standard: not compared with any other.`,
  },
  ABOUT_PRELIMINARY: { vi: (p) => `${n(p.count)} số liệu sơ bộ.`, en: (p) => `${n(p.count)} figures are preliminary.` },
  ABOUT_MISSING: { vi: (p) => `${n(p.count)} ô thiếu số liệu.`, en: (p) => `${n(p.count)} figures are missing.` },
  ABOUT_CITATION: {
    vi: (p) => `${n(p.what)}. Nguồn: ${n(p.sources)}. ${p.url ? `Truy xuất từ ${n(p.url)} ngày ${n(p.date)}` : `Truy xuất ngày ${n(p.date)}`}, bằng chiso.`,
    en: (p) => `${n(p.what)}. Source: ${n(p.sources)}. ${p.url ? `Retrieved from ${n(p.url)} on ${n(p.date)}` : `Retrieved on ${n(p.date)}`}, with chiso.`,
  },
  ABOUT_README: {
    vi: () => 'Tệp này do chiso tạo. data.csv: số liệu đã vẽ (mã và tên địa phương, mã hóa UTF-8 có BOM để Excel đọc đúng tiếng Việt). metadata.json: thông tin về số liệu, truy vấn và đặc tả biểu đồ. CITATION.txt: cách trích dẫn.',
    en: () => 'Made by chiso. data.csv: the figures drawn (region codes and names, UTF-8 with a BOM so Excel reads Vietnamese correctly). metadata.json: about the data, the query and the chart spec. CITATION.txt: how to cite.',
  },
  ABOUT_CITE_AS: { vi: () => 'Trích dẫn', en: () => 'Cite as' },
  CHART_MANY_SERIES: {
    vi: (p) => `${p.count} đường khác màu xám (tên khi trỏ vào và trong bảng số liệu); chọn tối đa ${p.max} địa phương để tô màu`,
    en: (p) => `${p.count} more lines in grey (named on hover and in the data table); pick at most ${p.max} regions to colour them`,
  },
  CHART_INTERVAL: { vi: () => 'Khoảng ước lượng', en: () => 'Interval' },
  CHART_BAD_ANNOTATION: {
    vi: (p) => `Ghi chú biểu đồ không hợp lệ ở "${p.where}": ${p.value}. Mỗi ghi chú là { "type": "event", "at", "label" }, { "type": "range", "from", "to", "label" } hoặc { "type": "point", "region", "at", "label" }.`,
    en: (p) => `Bad chart annotation at "${p.where}": ${p.value}. Each is { "type": "event", "at", "label" }, { "type": "range", "from", "to", "label" } or { "type": "point", "region", "at", "label" }.`,
  },
  CHART_PRELIMINARY: { vi: () => 'sơ bộ', en: () => 'preliminary' },
  CHART_REGION: { vi: () => 'Địa phương', en: () => 'Region' },
  CHART_PERIOD: { vi: () => 'Năm', en: () => 'Year' },
  CHART_VALUE: { vi: () => 'Giá trị', en: () => 'Value' },
  CHART_STATUS: { vi: () => 'Tình trạng', en: () => 'Status' },
  CHART_RANK: { vi: () => 'Hạng', en: () => 'Rank' },
  CHART_PROGRESS: { vi: () => 'Kết quả thực hiện', en: () => 'Progress' },
  CHART_TARGET: { vi: () => 'Mục tiêu', en: () => 'Target' },
  CHART_BREAK_NOTE: {
    vi: (p) => `Thay đổi phương pháp sau ${p.year}: ${p.label}`,
    en: (p) => `Change of method after ${p.year}: ${p.label}`,
  },
  CHART_SINCE: { vi: (p) => `so với ${p.period}`, en: (p) => `vs ${p.period}` },
  CHART_BETTER: { vi: () => 'tốt hơn', en: () => 'better' },
  CHART_WORSE: { vi: () => 'kém hơn', en: () => 'worse' },
  CHART_POINTS: { vi: () => 'điểm %', en: () => 'pp' },
  CHART_NOT_COMPARABLE: {
    vi: (p) => `không so sánh được với ${p.period} (thay đổi phương pháp)`,
    en: (p) => `not comparable with ${p.period} (change of method)`,
  },
  CHART_ARCHIPELAGO_HS: { vi: () => 'Quần đảo Hoàng Sa', en: () => 'Hoang Sa (Paracel) Islands' },
  CHART_ARCHIPELAGO_TS: { vi: () => 'Quần đảo Trường Sa', en: () => 'Truong Sa (Spratly) Islands' },

  // Description sentences
  DESC_DECREASE: {
    vi: (p) => `${p.indicator} ${p.of} giảm từ ${p.from} ${p.p0} xuống ${p.to} ${p.p1}`,
    en: (p) => `${p.indicator} ${p.of} fell from ${p.from} in ${p.p0} to ${p.to} in ${p.p1}`,
  },
  DESC_INCREASE: {
    vi: (p) => `${p.indicator} ${p.of} tăng từ ${p.from} ${p.p0} lên ${p.to} ${p.p1}`,
    en: (p) => `${p.indicator} ${p.of} rose from ${p.from} in ${p.p0} to ${p.to} in ${p.p1}`,
  },
  DESC_FLAT: {
    vi: (p) => `${p.indicator} ${p.of} giữ ở mức ${p.to} từ ${p.p0} đến ${p.p1}`,
    en: (p) => `${p.indicator} ${p.of} stayed at ${p.to} from ${p.p0} to ${p.p1}`,
  },
  DESC_SINGLE: {
    vi: (p) => `${p.indicator} ${p.of} ${p.p1} là ${p.to}`,
    en: (p) => `${p.indicator} ${p.of} was ${p.to} in ${p.p1}`,
  },
  DESC_BREAKS: {
    vi: (p) => `Phương pháp tính thay đổi ${p.list}, nên số liệu trước và sau không so sánh trực tiếp được`,
    en: (p) => `The method changed ${p.list}, so figures before and after are not directly comparable`,
  },
  DESC_BREAK_ITEM: { vi: (p) => `sau năm ${p.year} (${p.label})`, en: (p) => `after ${p.year} (${p.label})` },
  DESC_SAME_METHOD: {
    vi: (p) => `theo cùng phương pháp, ${p.direction} từ ${p.from} ${p.p0} ${p.towards} ${p.to} ${p.p1}`,
    en: (p) => `under the same method, ${p.direction} from ${p.from} in ${p.p0} ${p.towards} ${p.to} in ${p.p1}`,
  },
  DESC_SAME_STANDARD: {
    vi: (p) => `theo ${p.standard}, ${p.direction} từ ${p.from} ${p.p0} ${p.towards} ${p.to} ${p.p1}`,
    en: (p) => `under the ${p.standard}, ${p.direction} from ${p.from} in ${p.p0} ${p.towards} ${p.to} in ${p.p1}`,
  },
  DESC_RUNS: {
    vi: (p) => `${p.indicator} ${p.of}, theo từng đoạn so sánh được: ${p.list}`,
    en: (p) => `${p.indicator} ${p.of}, in comparable stretches: ${p.list}`,
  },
  DESC_RUN_SINGLE: {
    vi: (p) => `${p.value} ${p.p1}${p.standard ? ` (${p.standard})` : ''}`,
    en: (p) => `${p.value} in ${p.p1}${p.standard ? ` (${p.standard})` : ''}`,
  },
  DESC_UNKNOWN_STANDARD: { vi: () => 'chuẩn nghèo không rõ', en: () => 'poverty standard not stated' },
  DESC_NOT_COMPARABLE: {
    vi: (p) => `Số liệu ở các đoạn khác nhau không so sánh được với nhau: ${p.list}`,
    en: (p) => `Figures in different stretches are not comparable with each other: ${p.list}`,
  },
  DESC_INTERVALS: {
    vi: (p) => `Số liệu ước lượng, kèm khoảng tin cậy: ${p.list}`,
    en: (p) => `Estimates, with their intervals: ${p.list}`,
  },
  DESC_ANNOTATIONS: {
    vi: (p) => `Ghi chú trên biểu đồ: ${p.list}`,
    en: (p) => `Notes on the chart: ${p.list}`,
  },
  DESC_ANNOTATION_EVENT: { vi: (p) => `${p.label} (${p.p1})`, en: (p) => `${p.label} (${p.p1})` },
  DESC_ANNOTATION_RANGE: { vi: (p) => `${p.label} (từ ${p.p0} đến ${p.p1})`, en: (p) => `${p.label} (${p.p0} to ${p.p1})` },
  DESC_ANNOTATION_POINT: { vi: (p) => `${p.label} (${p.region}, ${p.p1})`, en: (p) => `${p.label} (${p.region}, ${p.p1})` },
  DESC_AND: { vi: () => 'và', en: () => 'and' },
  DESC_PEAK: { vi: (p) => `cao nhất ${p.value} ${p.period}`, en: (p) => `peaking at ${p.value} in ${p.period}` },
  DESC_LOWEST: { vi: (p) => `thấp nhất ${p.value} ${p.period}`, en: (p) => `lowest at ${p.value} in ${p.period}` },
  CHART_NOT_ON_MAP: { vi: (p) => `${p.list} (không có trên bản đồ)`, en: (p) => `${p.list} (not on this map)` },
  CHART_SCATTER_TITLE: { vi: (p) => `${p.y} và ${p.x}, ${p.period}`, en: (p) => `${p.y} and ${p.x}, ${p.period}` },
  /** Vietnamese says "down to" (còn) and "up to" (lên) differently; English says "to" for both. */
  DESC_TOWARDS_DOWN: { vi: () => 'còn', en: () => 'to' },
  DESC_TOWARDS_UP: { vi: () => 'lên', en: () => 'to' },
  DESC_OF_REGION: { vi: (p) => `của ${p.region}`, en: (p) => `in ${p.region}` },
  DESC_OF_COUNTRY: { vi: () => 'cả nước', en: () => 'in the whole country' },
  DESC_PRELIMINARY: {
    vi: (p) => `Số liệu ${p.periods} là số liệu sơ bộ`,
    en: (p) => `Figures for ${p.periods} are preliminary`,
  },
  DESC_MANY_REGIONS: {
    vi: (p) => `Biểu đồ đường thể hiện ${p.indicator} của ${p.count} địa phương từ ${p.p0} đến ${p.p1}`,
    en: (p) => `Line chart of ${p.indicator} for ${p.count} regions from ${p.p0} to ${p.p1}`,
  },
  DESC_RANKING: {
    vi: (p) => `${p.indicator} ${p.period} của ${p.count} địa phương: cao nhất là ${p.top} (${p.topValue}), thấp nhất là ${p.bottom} (${p.bottomValue})`,
    en: (p) => `${p.indicator} in ${p.period} across ${p.count} regions: highest ${p.top} (${p.topValue}), lowest ${p.bottom} (${p.bottomValue})`,
  },
  DESC_REFERENCE: {
    vi: (p) => `${p.region}: ${p.value}`,
    en: (p) => `${p.region}: ${p.value}`,
  },
  DESC_HIGHLIGHT: {
    vi: (p) => `${p.region} ở mức ${p.value}, xếp thứ ${p.rank}/${p.count}`,
    en: (p) => `${p.region} is at ${p.value}, ranked ${p.rank} of ${p.count}`,
  },
  DESC_KPI: {
    vi: (p) => `${p.indicator} ${p.of} ${p.period}: ${p.value}`,
    en: (p) => `${p.indicator} ${p.of}, ${p.period}: ${p.value}`,
  },
  DESC_KPI_CHANGE: {
    vi: (p) => `${p.direction} ${p.change} so với ${p.previous} (${p.judgement})`,
    en: (p) => `${p.direction} ${p.change} since ${p.previous} (${p.judgement})`,
  },
  DESC_UP: { vi: () => 'tăng', en: () => 'up' },
  DESC_DOWN: { vi: () => 'giảm', en: () => 'down' },
  DESC_UNCHANGED: { vi: () => 'không đổi', en: () => 'unchanged' },
  DESC_MAP: {
    vi: (p) => `Bản đồ ${p.indicator} ${p.period} theo ${p.count} tỉnh, thành phố; cao nhất ${p.top} (${p.topValue}), thấp nhất ${p.bottom} (${p.bottomValue})`,
    en: (p) => `Map of ${p.indicator} in ${p.period} across ${p.count} provinces; highest ${p.top} (${p.topValue}), lowest ${p.bottom} (${p.bottomValue})`,
  },
  DESC_MAP_MISSING: {
    vi: (p) => `${p.count} tỉnh, thành phố không có số liệu`,
    en: (p) => (Number(p.count) === 1 ? '1 province has no data' : `${p.count} provinces have no data`),
  },
  DESC_SCATTER: {
    vi: (p) => `Biểu đồ phân tán ${p.x} và ${p.y} ${p.period} của ${p.count} địa phương`,
    en: (p) => `Scatter plot of ${p.x} against ${p.y} in ${p.period} for ${p.count} regions`,
  },
  DESC_CORRELATION: {
    vi: (p) => `hệ số tương quan ${p.r} (${p.strength})`,
    en: (p) => `correlation ${p.r} (${p.strength})`,
  },
  DESC_STRONG_NEG: { vi: () => 'tương quan nghịch mạnh', en: () => 'strong negative' },
  DESC_STRONG_POS: { vi: () => 'tương quan thuận mạnh', en: () => 'strong positive' },
  DESC_WEAK: { vi: () => 'tương quan yếu', en: () => 'weak' },
  DESC_MODERATE_NEG: { vi: () => 'tương quan nghịch vừa', en: () => 'moderate negative' },
  DESC_MODERATE_POS: { vi: () => 'tương quan thuận vừa', en: () => 'moderate positive' },
  DESC_SLOPE: {
    vi: (p) => `${p.indicator} của ${p.count} địa phương ${p.p0} và ${p.p1}: ${p.up} địa phương tăng, ${p.down} địa phương giảm`,
    en: (p) => `${p.indicator} for ${p.count} regions in ${p.p0} and ${p.p1}: ${p.up} rose, ${p.down} fell`,
  },
  DESC_SLOPE_EXTREME: {
    vi: (p) => `thay đổi lớn nhất là ${p.region} (${p.from} → ${p.to})`,
    en: (p) => `the largest change was ${p.region} (${p.from} → ${p.to})`,
  },
  DESC_PROGRESS: {
    vi: (p) => `${p.label}: ${p.value} (${p.percent})`,
    en: (p) => `${p.label}: ${p.value} (${p.percent})`,
  },
  DESC_MULTIPLES: {
    vi: (p) => `Biểu đồ nhỏ thể hiện ${p.indicator} của ${p.count} địa phương${p.span}, mỗi ô một địa phương, cùng thang đo; xếp theo ${p.sort}`,
    en: (p) => `Small multiples of ${p.indicator} for ${p.count} regions${p.span}, one panel a region, on shared scales; ordered by ${p.sort}`,
  },
  DESC_MULTIPLES_SPAN: { vi: (p) => ` từ ${p.p0} đến ${p.p1}`, en: (p) => ` from ${p.p0} to ${p.p1}` },
  DESC_MULTIPLES_ENDS: {
    vi: (p) => `Cao nhất ${p.p1}: ${p.top} (${p.topValue}); thấp nhất: ${p.bottom} (${p.bottomValue})`,
    en: (p) => `Highest in ${p.p1}: ${p.top} (${p.topValue}); lowest: ${p.bottom} (${p.bottomValue})`,
  },
  DESC_MULTIPLES_EMPTY: {
    vi: (p) => `${p.count} địa phương chưa có số liệu: ${p.list}`,
    en: (p) => `${p.count} regions have no figures: ${p.list}`,
  },
  DESC_MULTIPLES_SORT_LATEST: { vi: () => 'số liệu mới nhất', en: () => 'the latest figure' },
  DESC_MULTIPLES_SORT_CHANGE: { vi: () => 'mức thay đổi trong đoạn số liệu so sánh được gần nhất', en: () => 'the change over the latest comparable figures' },
  DESC_MULTIPLES_SORT_NAME: { vi: () => 'tên địa phương', en: () => 'name' },
  DESC_PANEL_RANK: {
    vi: (p) => `Ô ${p.rank} trên ${p.count}`,
    en: (p) => `Panel ${p.rank} of ${p.count}`,
  },
  DESC_PANEL_EMPTY: {
    vi: (p) => `${p.region}: chưa có số liệu${p.merged}`,
    en: (p) => `${p.region}: no figures${p.merged}`,
  },
  DESC_PANEL_MERGED: {
    vi: (p) => ` (đơn vị gộp từ ${p.list}; tỷ lệ của các tỉnh cũ không gộp được khi chưa có trọng số)`,
    en: (p) => ` (merged from ${p.list}; the old provinces' figures cannot be merged without a weight)`,
  },
  CHART_MULTIPLES_NEEDS_WEIGHT: { vi: () => 'Cần trọng số để gộp', en: () => 'Needs a weight to merge' },
  CHART_MULTIPLES_TITLE: {
    vi: (p) => `${p.indicator} theo ${p.count} địa phương`,
    en: (p) => `${p.indicator} in ${p.count} regions`,
  },
  DESC_PROGRESS_TARGET: {
    vi: (p) => `mục tiêu ${p.target}`,
    en: (p) => `target ${p.target}`,
  },
} satisfies Catalogue;

// Registered when a module raising these codes imports this file.
registerMessages(chartsMessages);
