// Writes the sample files of the "Dữ liệu của bạn" page from chiso's own observation files, so every
// figure in them is a real GSO figure: `node examples/notebook/samples/make-samples.mjs`.
//
// - bac-trung-bo-poverty.xlsx: poverty rates of the six North Central provinces, a wide sheet as people
//   keep them (province names in the first column, one column per year), with the source note written
//   in the last row, as spreadsheets often carry it. chiso reads the figures and rejects the note row,
//   naming its row and column.
// - income-2016.csv: income per capita in 2016 for the same provinces, semicolon separated, decimal
//   comma, headers in Vietnamese that do not name chiso's fields: the page asks which column is which.
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { readRecords } from '../../../scripts/data/csv.mjs';

const here = new URL('./', import.meta.url);
const root = new URL('../../../', import.meta.url);

function readCsv(path) {
  return readRecords(readFileSync(new URL(path, root), 'utf8'));
}

const PROVINCES = [
  ['38', 'Thanh Hóa'],
  ['40', 'Nghệ An'],
  ['42', 'Hà Tĩnh'],
  ['44', 'Quảng Bình'],
  ['45', 'Quảng Trị'],
  ['46', 'Thừa Thiên Huế'],
];
const YEARS = ['2010', '2012', '2014', '2016'];

const poverty = readCsv('data/observations/poverty_rate.csv');
const income = readCsv('data/observations/income_per_capita.csv');
const value = (rows, region, period, series) => rows.find((r) => r.region === region && r.period === period && (series === undefined || r.series === series))?.value;

// --- the workbook -------------------------------------------------------------------------------
const sheet = [
  ['Tỉnh', ...YEARS.map((y) => (y === '2016' ? 'Sơ bộ 2016' : y))],
  ...PROVINCES.map(([id, name]) => [name, ...YEARS.map((y) => Number(value(poverty, id, y)))]),
  ['Nguồn: Tổng cục Thống kê, tỷ lệ hộ nghèo (%)'],
];

const strings = [];
const stringIndex = (s) => {
  let i = strings.indexOf(s);
  if (i < 0) i = strings.push(s) - 1;
  return i;
};
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (i) => String.fromCharCode(65 + i);
const sheetXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  sheet
    .map(
      (row, r) =>
        `<row r="${r + 1}">` +
        row
          .map((v, c) => {
            const ref = `${colName(c)}${r + 1}`;
            return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="s"><v>${stringIndex(v)}</v></c>`;
          })
          .join('') +
        '</row>',
    )
    .join('') +
  '</sheetData></worksheet>';
const sharedXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">` +
  strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('') +
  '</sst>';

const files = [
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ],
  [
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheets><sheet name="Ty le ho ngheo" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ],
  [
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  ],
  ['xl/worksheets/sheet1.xml', sheetXml],
  ['xl/sharedStrings.xml', sharedXml],
];

/** A ZIP archive of stored (uncompressed) entries with a fixed date, so the file is the same on every run. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const DOS_TIME = 0;
  const DOS_DATE = (2016 - 1980) << 9 | 1 << 5 | 1;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

writeFileSync(new URL('bac-trung-bo-poverty.xlsx', here), zip(files));

// --- the CSV --------------------------------------------------------------------------------------
const csv = [
  'Địa phương;Năm khảo sát;Thu nhập BQ (nghìn đồng/tháng)',
  ...PROVINCES.map(([id, name]) => `${name};2016;${value(income, id, '2016', 'total')}`),
];
writeFileSync(new URL('income-2016.csv', here), csv.join('\n') + '\n');
console.log('wrote bac-trung-bo-poverty.xlsx, income-2016.csv');
