// Dữ liệu của bạn: a reader's own CSV or Excel file, read, checked, mapped and charted in the page.
import { cell, live, many, table, note, chart } from './lib/notebook.js';
import { el } from './lib/dom.js';
import { fetchBytes } from './lib/data.js';
import { readPicked, readObservations, EMPTY_MAPPING, type PickedFile, type Mapping } from './lib/files.js';
import { lineChart, barChart } from '../../src/charts/index.js';
import { listIndicators } from '../../src/registry/index.js';
import { formatDiagnostic } from '../../src/errors.js';

/** The page's state: the file picked and how to read it. Views follow it through `onChange`. */
let picked: PickedFile | null = null;
let mapping: Mapping = EMPTY_MAPPING;
const changes = new EventTarget();
const onChange = (rerun: () => void) => changes.addEventListener('change', rerun);
const changed = () => changes.dispatchEvent(new Event('change'));

async function pick(name: string, bytes: Uint8Array): Promise<void> {
  picked = await readPicked(name, bytes);
  mapping = EMPTY_MAPPING;
  changed();
}

const SAMPLES = ['bac-trung-bo-poverty.xlsx', 'income-2016.csv'];

cell(
  {
    title: 'Chọn tệp',
    prose: `Kéo thả một tệp CSV (dấu phẩy, chấm phẩy hoặc tab; UTF-8 hoặc Windows-1252) hay một bảng tính Excel .xlsx hoặc OpenDocument .ods (LibreOffice) vào khung dưới, hoặc bấm nút chọn tệp (dùng được bằng bàn phím). Tệp được đọc ngay trong trình duyệt, không gửi đi đâu. Hai tệp mẫu lấy từ số liệu thật của GSO: một bảng rộng Excel có dòng ghi nguồn ở cuối, một CSV có tên cột tiếng Việt mà chiso không tự nhận ra.`,
    en: 'Drop a CSV, an .xlsx workbook or an .ods sheet, or use the keyboard-accessible file button; the file is read in the browser only. Two samples built from GSO figures are offered.',
  },
  () => {
    const input = el('input', { type: 'file', id: 'file', accept: '.csv,.tsv,.txt,.xlsx,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet' });
    const zone = el(
      'div',
      { class: 'dropzone', id: 'dropzone' },
      el('label', { for: 'file' }, 'Chọn tệp CSV, Excel (.xlsx) hoặc .ods / Choose a CSV, Excel or .ods file: '),
      input,
      el('p', {}, 'hoặc kéo thả tệp vào khung này / or drop it here'),
    );
    input.addEventListener('change', async () => {
      const f = input.files?.[0];
      if (f) await pick(f.name, new Uint8Array(await f.arrayBuffer()));
    });
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', async (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      const f = e.dataTransfer?.files[0];
      if (f) await pick(f.name, new Uint8Array(await f.arrayBuffer()));
    });
    const samples = el('p', { class: 'samples' }, 'Tệp mẫu / Samples: ');
    for (const name of SAMPLES) {
      const b = el('button', { type: 'button', 'data-sample': name }, name);
      b.addEventListener('click', async () => pick(name, await fetchBytes(`examples/notebook/samples/${name}`)));
      samples.append(b, ' ');
    }
    return many(zone, samples);
  },
);

cell(
  {
    title: 'Tệp chứa gì',
    prose: `Các dòng đầu của tệp, đúng như đã đọc (mỗi ô là chữ). Số dòng ở cột đầu là số dòng trong tệp: mọi thông báo lỗi bên dưới đều chỉ về đây.`,
    en: 'The first rows as read, each cell as text; the line numbers are the file’s, which every diagnostic below refers to.',
  },
  () =>
    live(onChange, () => {
      if (!picked) return note('Chưa có tệp nào.', 'No file yet.');
      const { grid, name, kind } = picked;
      const header = grid[0]?.cells ?? [];
      const names = header.map((h, i) => h || `#${i + 1}`);
      const rows = grid.slice(0, 20).map((r) => Object.fromEntries([['line', r.line], ...names.map((h, i) => [h, r.cells[i] ?? ''])]));
      return many(note(`${name} (${kind === 'xlsx' ? 'Excel, trang tính đầu tiên' : kind === 'ods' ? 'OpenDocument, trang tính đầu tiên' : 'CSV'}): ${grid.length} dòng, ${header.length} cột.`, `${grid.length} rows, ${header.length} columns.`), table(rows, { pageSize: 20, columns: ['line', ...names] }));
    }),
);

cell(
  {
    title: 'Chọn cột',
    prose: `chiso nhận ra cột theo tên (tiếng Việt hoặc tiếng Anh: "Tỉnh", "Năm", "Giá trị"...) và bảng rộng có năm ở tiêu đề cột. Khi tệp không nói rõ, hãy chọn chỉ tiêu, và nếu cần, cột nào là địa phương, kỳ, giá trị. Bấm "Đọc lại" để đọc theo lựa chọn này.`,
    en: 'chiso finds columns by their names and recognises wide tables; when the file does not say, pick the indicator and which column is the region, period and value, then read again.',
  },
  () =>
    live(onChange, () => {
      if (!picked) return note('Chọn tệp trước.', 'Pick a file first.');
      const header = picked.grid[0]?.cells ?? [];
      const form = el('form', { class: 'mapping', id: 'mapping' });
      const format = el('select', { id: 'map-format' }, ...(['auto', 'tidy', 'wide'] as const).map((f) => el('option', { value: f }, f)));
      format.value = mapping.format;
      const indicator = el(
        'select',
        { id: 'map-indicator' },
        el('option', { value: '' }, '(theo tệp / from the file)'),
        ...listIndicators().map((i) => el('option', { value: i.id }, `${i.label.vi} (${i.id})`)),
      );
      indicator.value = mapping.indicator;
      form.append(el('label', {}, 'Dạng bảng / Layout', format), el('label', {}, 'Chỉ tiêu / Indicator', indicator));
      const selects = (['region', 'period', 'value', 'indicator', 'unit'] as const).map((field) => {
        const s = el('select', { id: `map-${field}-column`, 'data-field': field }, el('option', { value: '' }, '(tự nhận / automatic)'), ...header.map((h, i) => el('option', { value: String(i) }, h || `#${i + 1}`)));
        s.value = mapping.columns[field] === undefined ? '' : String(mapping.columns[field]);
        form.append(el('label', {}, `Cột ${field} / ${field} column`, s));
        return [field, s] as const;
      });
      const apply = el('button', { type: 'submit', id: 'map-apply' }, 'Đọc lại / Read again');
      form.append(apply);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const columns: Mapping['columns'] = {};
        for (const [field, s] of selects) if (s.value !== '') columns[field] = Number(s.value);
        mapping = { format: format.value as Mapping['format'], indicator: indicator.value, columns };
        changed();
      });
      return form;
    }),
);

cell(
  {
    title: 'Đọc được gì, bị loại gì, vì sao',
    prose: `loadObservations đọc tệp với strict: false: ô hợp lệ thành quan sát; ô không đọc được không bị bỏ qua âm thầm mà được liệt kê với dòng, cột, giá trị và lý do bằng tiếng Việt và tiếng Anh.`,
    en: 'Read with strict: false: valid cells become observations; every rejected cell is listed with its row, column, value and reason in both languages.',
  },
  () =>
    live(onChange, () => {
      if (!picked) return note('Chưa có tệp nào.', 'No file yet.');
      const { observations, diagnostics, summary } = readObservations(picked, mapping);
      return many(
        note(
          `Dạng ${summary.format}: ${summary.rowsRead} dòng dữ liệu → ${summary.observations} quan sát (${summary.missing} ô trống), ${summary.skipped} ô bị loại; chỉ tiêu: ${summary.indicators.join(', ') || '—'}.`,
          `${summary.format} layout: ${summary.rowsRead} rows → ${summary.observations} observations (${summary.missing} missing), ${summary.skipped} rejected.`,
        ),
        ...diagnostics.slice(0, 20).map((d) => note(formatDiagnostic(d, 'vi'), formatDiagnostic(d, 'en'))),
        table(
          diagnostics.map((d) => ({ level: d.level, row: d.row ?? null, column: d.column ?? null, value: d.value ?? null, code: d.code, vi: d.vi, en: d.en })),
          { caption: 'Chẩn đoán / Diagnostics' },
        ),
        table(observations, { caption: 'Quan sát đọc được / Observations read', columns: ['indicator', 'region', 'period', 'value', 'unit', 'status', 'source'] }),
      );
    }),
);

cell(
  {
    title: 'Biểu đồ',
    prose: `Nhiều kỳ: biểu đồ đường (mỗi địa phương một đường); một kỳ: biểu đồ cột xếp hạng. Cả hai là công thức biểu đồ (chart recipe) của chiso, giống hệt trên cổng thông tin.`,
    en: 'Several periods: a line chart; one period: a ranked bar chart; chiso’s own recipes.',
  },
  () =>
    live(onChange, () => {
      if (!picked) return note('Chưa có tệp nào.', 'No file yet.');
      const { observations } = readObservations(picked, mapping);
      const valid = observations.filter((o) => o.value !== null);
      if (valid.length === 0) return note('Chưa có số liệu để vẽ: xem chẩn đoán ở trên.', 'Nothing to draw yet: see the diagnostics above.');
      const periods = new Set(valid.map((o) => o.period));
      return chart(periods.size > 1 ? lineChart(valid, {}, 'vi') : barChart(valid, { reference: null }, 'vi'));
    }),
);

// Dropping a file anywhere but the zone must not navigate away from the page.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());
