// The large-input loader in Node: CSV read in chunks of any size gives what a whole-file reader gives
// (on the real observation files), progress never goes back and ends at 100%, the memory estimate
// made from the first chunk is close to what the table holds, Arrow and Parquet give the same columns,
// and bad input is named by file, row and column.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { tableFromArrays, tableToIPC } from '@uwdata/flechette';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { createCube } from '../../src/cube/index.js';
import { isDictionaryColumn } from '../../src/cube/spec.js';
import { loadLarge, type LargeColumn, type LargeTable, type LoadProgress } from '../../src/load-large/index.js';
import { loadLargeFile } from '../../src/load-large/node.js';

const tmp = mkdtempSync(join(tmpdir(), 'chiso-load-large-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function* pieces(bytes: Uint8Array, size: number | (() => number)): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; ) {
    const n = typeof size === 'number' ? size : size();
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

function values(col: LargeColumn): unknown[] {
  if (isDictionaryColumn(col)) return Array.from(col.codes, (c) => col.dictionary[c]);
  return Array.from(col, (v) => (Number.isNaN(v) ? null : v));
}

const REAL = ['poverty_rate.csv', 'income_per_capita.csv', 'admin_units.csv', 'seeds.csv', 'quoted.csv'];

describe('CSV in chunks (real files)', () => {
  for (const name of REAL) {
    it(`${name}: any chunk size gives the whole-file reading`, async () => {
      const path = new URL(`../../data/observations/${name}`, import.meta.url);
      const bytes = new Uint8Array(readFileSync(path));
      const text = new TextDecoder().decode(bytes);
      const ref = aq.fromCSV(text, { autoType: false });
      let seed = 7;
      const random = () => (seed = (seed * 48271) % 2147483647) % 97 + 1; // 1..97 bytes: cuts through quotes and multi-byte letters
      for (const size of name === 'admin_units.csv' || name === 'income_per_capita.csv' ? [13, random, 1 << 20] : [1, 13, random, 1 << 20]) {
        const t = await loadLarge(pieces(bytes, size), { file: name, totalBytes: bytes.length });
        expect(t.rows).toBe(ref.numRows());
        expect(Object.keys(t.columns)).toEqual(ref.columnNames());
        for (const c of ref.columnNames()) {
          const want = (ref.array(c) as unknown[]).map((v) => (v === undefined || v === null || v === '' ? null : t.types[c] === 'number' ? Number(v) : v));
          expect(values(t.columns[c]), `${name} ${c}`).toEqual(want);
        }
      }
    });
  }

  it('quotes holding separators, line breaks and doubled quotes; CRLF; a BOM; no final line break', async () => {
    const csv = '\uFEFFindicator,region,period,value,quote\r\npoverty_rate,42,2016,"4.5","Tỷ lệ ""hộ nghèo"", giảm\r\ncòn 4,5%"\r\n\r\npoverty_rate,40,2016,,"a,b"';
    const bytes = new TextEncoder().encode(csv);
    for (const size of [1, 2, 3, 5, 8, 1000]) {
      const t = await loadLarge(pieces(bytes, size), { file: 'inline.csv' });
      expect(t.rows).toBe(2);
      expect(values(t.columns.quote)).toEqual(['Tỷ lệ "hộ nghèo", giảm\r\ncòn 4,5%', 'a,b']);
      expect(values(t.columns.value)).toEqual([4.5, null]);
      expect(values(t.columns.indicator)).toEqual(['poverty_rate', 'poverty_rate']);
      expect(t.types).toEqual({ indicator: 'string', region: 'string', period: 'string', value: 'number', quote: 'string' });
    }
  });
});

describe('progress and memory', () => {
  // 300,000 SYNTHETIC observation rows (seeded), written to a temporary file.
  const rows = 300_000;
  const path = join(tmp, 'synthetic.csv');
  let seed = 20251122;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const lines = ['indicator,region,period,value,series,status'];
  for (let i = 0; i < rows; i++) {
    lines.push(`ind${i % 50},c${Math.floor(i / 1000)},${2005 + (Math.floor(i / 50) % 20)},${rnd() < 0.03 ? '' : (rnd() * 100).toFixed(2)},${i % 3 === 0 ? '' : 'total'},final`);
  }
  writeFileSync(path, lines.join('\n') + '\n');

  it('progress: bytes and rows never go back, the fraction ends at 1 exactly once, last', async () => {
    const events: LoadProgress[] = [];
    const t = await loadLargeFile(path, { onProgress: (p) => events.push(p) });
    expect(t.rows).toBe(rows);
    expect(events.length).toBeGreaterThan(3);
    for (let i = 1; i < events.length; i++) {
      expect(events[i].fraction).toBeGreaterThanOrEqual(events[i - 1].fraction);
      expect(events[i].bytesRead).toBeGreaterThanOrEqual(events[i - 1].bytesRead);
      expect(events[i].rows).toBeGreaterThanOrEqual(events[i - 1].rows);
    }
    expect(events.filter((e) => e.fraction === 1).length).toBe(1);
    const last = events[events.length - 1];
    expect(last).toMatchObject({ fraction: 1, rows, bytesRead: readFileSync(path).length, totalBytes: readFileSync(path).length });
  });

  it('the estimate made from the first chunk is within a factor of 1.5 of what the table holds, and of the buffers the process gains', () => {
    // In a process of its own, with garbage collection on call, so the buffers gained are this load's.
    const probe = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', probe, path], { encoding: 'utf8' });
    const m = JSON.parse(out) as { firstRows: number; estimate: { rows: number; bytes: number }; bytes: number; rows: number; gained: number };
    expect(m.rows).toBe(rows);
    expect(m.firstRows).toBeLessThan(rows / 2); // made early, from part of the file
    expect(Math.abs(m.estimate.rows - rows) / rows).toBeLessThan(0.1);
    const ratio = m.estimate.bytes / m.bytes;
    expect(ratio).toBeGreaterThan(1 / 1.5);
    expect(ratio).toBeLessThan(1.5);
    // One number column (8 bytes a row) and five text columns (4 bytes a row) are most of it.
    const typed = rows * (8 + 5 * 4);
    expect(m.bytes).toBeGreaterThanOrEqual(typed);
    expect(m.bytes).toBeLessThan(typed * 1.2);
    expect(m.gained).toBeGreaterThanOrEqual(typed * 0.9);
    expect(m.gained).toBeLessThan(typed * 1.5);
  });

  it('the columns feed a cube as they are (dictionary codes), with the answers of the same rows as objects', async () => {
    const t = await loadLargeFile(path);
    const options = { groupby: ['period'], measures: { mean: { fn: 'mean' as const }, n: { fn: 'count' as const } }, selectionDims: ['region' as const, 'indicator' as const] };
    const fromColumns = createCube(t.columns, options);
    const objects = Array.from({ length: 20_000 }, (_, i) => Object.fromEntries(Object.entries(t.columns).map(([k, c]) => [k, isDictionaryColumn(c) ? c.dictionary[c.codes[i]] : Number.isNaN(c[i]) ? null : c[i]])));
    const small = createCube(objects, options);
    const clauses = [{ field: 'region' as const, values: ['c3', 'c7'] }, { field: 'indicator' as const, values: ['ind4'] }];
    expect(fromColumns.answer(clauses)).toEqual(small.answer(clauses));
  });
});

describe('Arrow and Parquet', () => {
  const bytes = new Uint8Array(readFileSync(new URL('../../data/observations/income_per_capita.csv', import.meta.url)));
  let csv: LargeTable;

  const sameAsCsv = (t: LargeTable) => {
    expect(t.rows).toBe(csv.rows);
    for (const c of ['indicator', 'region', 'period', 'value', 'series', 'source']) expect(values(t.columns[c]), c).toEqual(values(csv.columns[c]));
    expect(t.types.value).toBe('number');
    expect(t.types.period).toBe('string');
  };

  it('reads the CSV first', async () => {
    csv = await loadLarge(pieces(bytes, 4096), { file: 'income_per_capita.csv' });
    expect(csv.rows).toBe(1400);
  });

  const arrays = () => Object.fromEntries(['indicator', 'region', 'period', 'value', 'series', 'source'].map((c) => [c, values(csv.columns[c])]));

  it('Arrow IPC (flechette) gives the same columns, with progress to 100%', async () => {
    const ipc = tableToIPC(tableFromArrays(arrays()), { format: 'stream' })!;
    const events: LoadProgress[] = [];
    const t = await loadLarge(pieces(ipc, 1000), { format: 'arrow', totalBytes: ipc.length, file: 'income.arrow', onProgress: (p) => events.push(p) });
    sameAsCsv(t);
    expect(events.at(-1)!.fraction).toBe(1);
    expect(events.map((e) => e.fraction)).toEqual([...events.map((e) => e.fraction)].sort((a, b) => a - b));
  });

  it('Parquet (hyparquet) gives the same columns, across row groups', async () => {
    const a = arrays();
    const buf = new Uint8Array(
      parquetWriteBuffer({
        columnData: Object.entries(a).map(([name, data]) => ({ name, data: data as (string | number | null)[], type: name === 'value' ? ('DOUBLE' as const) : ('STRING' as const) })),
        rowGroupSize: 300,
      }),
    );
    const path = join(tmp, 'income.parquet');
    writeFileSync(path, buf);
    const events: LoadProgress[] = [];
    const t = await loadLargeFile(path, { onProgress: (p) => events.push(p) });
    sameAsCsv(t);
    expect(events.at(-1)!.fraction).toBe(1);
    expect(events.filter((e) => e.fraction === 1).length).toBe(1);
  });
});

describe('bad input, named by file, row and column', () => {
  const load = (csv: string, options = {}) => loadLarge(pieces(new TextEncoder().encode(csv), 4), { file: 'bad.csv', ...options });
  it('a row with too many cells', async () => {
    await expect(load('indicator,region,value\na,42,1\nb,40,2,3\n')).rejects.toThrow(/bad\.csv, dòng 3: Dòng này có 4 ô, dòng tiêu đề có 3 cột\.[\s\S]*bad\.csv, row 3: This row has 4 cells/);
  });
  it('text in a number column', async () => {
    await expect(load('indicator,value\na,1\nb,"1,5"\n')).rejects.toThrow(/bad\.csv, dòng 3, cột "value": Giá trị "1,5" không phải số[\s\S]*LOAD_LARGE_NOT_A_NUMBER/);
  });
  it('an unclosed quote, a duplicate column, an empty file, an unknown format or type', async () => {
    await expect(load('indicator,quote\na,"never closed\nb,c\n')).rejects.toThrow(/bad\.csv, dòng 2[\s\S]*LOAD_LARGE_UNCLOSED_QUOTE/);
    await expect(load('region,region\n1,2\n')).rejects.toThrow(/"region"[\s\S]*LOAD_LARGE_DUPLICATE_COLUMN/);
    await expect(load('')).rejects.toThrow(/LOAD_LARGE_EMPTY/);
    await expect(load('a\n1\n', { format: 'xlsx' })).rejects.toThrow(/"xlsx"[\s\S]*csv, arrow, parquet/);
    await expect(load('a\n1\n', { types: { a: 'float' } })).rejects.toThrow(/"float"[\s\S]*LOAD_LARGE_UNKNOWN_TYPE/);
    await expect(loadLargeFile(join(tmp, 'missing.csv'))).rejects.toThrow(/missing\.csv[\s\S]*LOAD_LARGE_READ_FAILED/);
  });
  it('a column declared as text keeps text that looks like numbers', async () => {
    const t = await load('code,value\n007,1\n042,2\n', { types: { code: 'string' } });
    expect(values(t.columns.code)).toEqual(['007', '042']);
  });
});
