/**
 * The fields of a tidy table and the column names they arrive under. Names compare folded (case,
 * diacritics, spaces and underscores ignored), so `Năm`, `nam` and `YEAR` all find the period.
 */
export const Field = {
  indicator: 'indicator',
  region: 'region',
  period: 'period',
  value: 'value',
  qualifier: 'qualifier',
  denominator: 'denominator',
  unit: 'unit',
  series: 'series',
  status: 'status',
  source: 'source',
  quote: 'quote',
  lower: 'lower',
  upper: 'upper',
} as const;
export type Field = keyof typeof Field;
export function isField(value: unknown): value is Field {
  return typeof value === 'string' && Object.hasOwn(Field, value);
}

const ALIASES: Record<Field, string[]> = {
  indicator: ['indicator', 'chỉ số', 'chỉ tiêu', 'indicator id'],
  region: ['region', 'region id', 'địa phương', 'địa bàn', 'tỉnh', 'tỉnh thành', 'đơn vị hành chính', 'province', 'mã tỉnh', 'area'],
  period: ['period', 'year', 'năm', 'kỳ', 'thời gian', 'date'],
  value: ['value', 'giá trị', 'số liệu', 'trị số'],
  qualifier: ['qualifier', 'kèm', 'dấu'],
  denominator: ['denominator', 'mẫu số', 'trên tổng số', 'tổng số'],
  unit: ['unit', 'đơn vị', 'đơn vị tính', 'đvt'],
  series: ['series', 'chuỗi', 'nhóm', 'phân tổ'],
  status: ['status', 'trạng thái', 'tình trạng số liệu'],
  source: ['source', 'nguồn', 'nguồn số liệu'],
  quote: ['quote', 'trích dẫn', 'nguyên văn'],
  lower: ['lower', 'lower bound', 'ci lower', 'cận dưới', 'giới hạn dưới'],
  upper: ['upper', 'upper bound', 'ci upper', 'cận trên', 'giới hạn trên'],
};

export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ')
    .trim();
}

const LOOKUP = new Map<string, Field>();
for (const [field, names] of Object.entries(ALIASES) as [Field, string[]][]) {
  for (const n of names) LOOKUP.set(foldHeader(n), field);
}

/** The field a column header names, or `undefined`. */
export function fieldOf(header: string): Field | undefined {
  return LOOKUP.get(foldHeader(header));
}

/**
 * Columns chiso's own tidy files carry beside the fields (data/observations/*.csv, `chiso extract`'s
 * provenance): where the quote sits in its source text (`start`, `end`) and the curator's `note`.
 * They are known, so the loader neither warns about them nor counts their cells as skipped figures.
 */
export const PROVENANCE_COLUMNS: readonly string[] = ['start', 'end', 'note'];

/** True for a header that names one of PROVENANCE_COLUMNS. */
export function isProvenanceColumn(header: string): boolean {
  return PROVENANCE_COLUMNS.includes(foldHeader(header));
}

/** Maps each field to the first column index that names it. */
export function fieldColumns(headers: string[]): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = {};
  headers.forEach((h, i) => {
    const f = fieldOf(h);
    if (f && out[f] === undefined) out[f] = i;
  });
  return out;
}
