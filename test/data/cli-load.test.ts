import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main, type CliIO } from '../../src/cli/index.js';
import type { Observation } from '../../src/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const POVERTY = 'data/gso/raw/poverty_rate_by_province.csv';

function bufferIO(cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('chiso load (in process)', () => {
  it('prints a bilingual summary of a GSO export', async () => {
    const b = bufferIO();
    expect(await main(['load', POVERTY], b.io)).toBe(0);
    const out = b.out();
    expect(out).toContain(`Tệp: ${POVERTY}`);
    expect(out).toContain(`File: ${POVERTY}`);
    expect(out).toContain('Số liệu: 568 (thiếu số: 8 ô trống hoặc "..", vẫn giữ với giá trị rỗng)');
    expect(out).toContain('Observations: 568 (missing: 8 empty or ".." cells, kept with an empty value)');
    expect(out).toContain('Rows read: 71');
    expect(out).toContain('Regions matched: 71');
    // Missing cells (Hà Tây after 2006, TP Hồ Chí Minh 2016) are neither final nor preliminary.
    expect(out).toContain('Status: final 491, preliminary 69, missing 8');
    expect(out).toContain('Periods: 2006, 2008, 2010, 2012, 2013, 2014, 2015, 2016');
    expect(b.err()).toBe('');
  });

  it('--json prints the observations as a JSON array, warnings on stderr', async () => {
    const b = bufferIO();
    expect(await main(['load', 'data/gso/raw/administrative_units_by_province.csv', '--json'], b.io)).toBe(0);
    const obs = JSON.parse(b.out()) as Observation[];
    expect(obs).toHaveLength(70 * 56);
    expect(obs[0]).toMatchObject({ indicator: 'admin_units', region: 'VN', period: '2009', value: 48 });
    expect(b.err()).toContain('DATA_ENCODING_FALLBACK');
  });

  it('--format, --indicator and --unit reach the loader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-load-'));
    writeFileSync(join(dir, 'wide.csv'), 'Tỉnh;2022;2023\nHà Tĩnh;4,1;3,58\n');
    const b = bufferIO(dir);
    expect(await main(['load', 'wide.csv', '--format', 'wide', '--indicator', 'poverty_rate', '--unit', '%', '--json'], b.io)).toBe(0);
    expect((JSON.parse(b.out()) as Observation[]).map((o) => o.value)).toEqual([4.1, 3.58]);
  });

  it('--lenient keeps the valid figures and reports the rest; --help prints usage in both languages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-load-'));
    const rows = ['indicator,region,period,value', 'initiatives,42,2016,5'];
    for (let i = 0; i < 25; i++) rows.push(`initiatives,42,${1980 + i},3.051`); // 25 ambiguous-dot warnings
    rows.push('initiatives,Atlantis,2016,3');
    writeFileSync(join(dir, 'mixed.csv'), rows.join('\n'));
    const b = bufferIO(dir);
    expect(await main(['load', 'mixed.csv', '--lenient'], b.io)).toBe(0);
    expect(b.out()).toContain('Observations: 26 (missing: 0 ');
    expect(b.out()).toContain('Regions unmatched: 1 (Atlantis)');
    expect(b.out()).toContain('Not loaded: 1 cells or rows, each with an error or warning above');
    expect(b.out()).toContain('Không nạp được: 1 ô hoặc dòng');
    expect(b.err()).toContain('Unknown region "Atlantis"');
    expect(b.err()).toContain('and 5 more warnings'); // 25 warnings, 20 printed
    const h = bufferIO();
    expect(await main(['load', '--help'], h.io)).toBe(0);
    expect(h.out()).toContain('Đọc và kiểm tra');
    expect(h.out()).toContain('Reads and validates');
  });

  it('bad input exits 1 with the bilingual message naming file, row and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-load-'));
    writeFileSync(join(dir, 'bad.csv'), 'indicator,region,period,value\npoverty_rate,42,2016,abc\npoverty_rate,Atlantis,2016,3\n');
    const b = bufferIO(dir);
    expect(await main(['load', 'bad.csv'], b.io)).toBe(1);
    const err = b.err();
    expect(err).toContain('bad.csv, dòng 2, cột "value": Cần một số nhưng có "abc"');
    expect(err).toContain('bad.csv, row 2, column "value": Expected a number, found "abc"');
    expect(err).toContain('bad.csv, row 3, column "region": Unknown region "Atlantis"');
    expect(err).toContain('Could not load bad.csv: 2 errors');
    expect(b.out()).toBe('');
  });

  it('a missing file, an unknown format and a missing argument exit 1', async () => {
    let b = bufferIO();
    expect(await main(['load', 'nope.csv'], b.io)).toBe(1);
    expect(b.err()).toContain('nope.csv: File not found');
    b = bufferIO();
    expect(await main(['load', POVERTY, '--format', 'xls'], b.io)).toBe(1);
    expect(b.err()).toContain('Unknown format "xls"');
    b = bufferIO();
    expect(await main(['load'], b.io)).toBe(1);
    expect(b.err()).toContain('needs a file path');
  });
});

describe('chiso load (spawned binary)', () => {
  // A build from before the loader existed cannot run this command: treat it as missing.
  const built = existsSync(join(root, 'dist/cli/index.js')) && existsSync(join(root, 'dist/data/load.js'));
  it.skipIf(!built)('node bin/chiso.js load prints the summary (skipped when dist/ is missing: run `npm run build`)', () => {
    const r = spawnSync(process.execPath, ['bin/chiso.js', 'load', 'data/gso/raw/monthly_income_per_capita_by_province.csv'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Observations: 1400 (missing: 8 ');
    expect(r.stdout).toContain('Số liệu: 1400 (thiếu số: 8 ');
    const bad = spawnSync(process.execPath, ['bin/chiso.js', 'load', 'data/gso/raw/poverty_rate_by_province.csv', '--format', 'wide'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('DATA_MISSING_INDICATOR');
  });
});

describe('chiso load checks a file before reading it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-load-check-'));
  const load = async (path: string) => {
    const b = bufferIO();
    const code = await main(['load', path], b.io);
    return { code, err: b.err(), out: b.out() };
  };

  it('refuses /dev/zero and a FIFO before reading a byte', async () => {
    for (const r of [await load('/dev/zero')]) {
      expect(r.code).toBe(1);
      expect(r.err).toContain('[DATA_NOT_A_FILE]');
      expect(r.err).toMatch(/Not a regular file \(device/);
    }
    const fifo = join(dir, 'pipe.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await load(fifo);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\(FIFO\).*\[DATA_NOT_A_FILE\]/);
  });

  it('streams a file past the size read at once, and says so', async () => {
    const big = join(dir, 'big.csv');
    const row = 'poverty_rate,42,2016,11.5\n';
    const rows = Math.ceil((101 * 2 ** 20) / row.length);
    writeFileSync(big, 'indicator,region,period,value\n' + row.repeat(rows));
    const r = await load(big);
    rmSync(big);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/over the 100 MB read at once: streaming it/);
    expect(r.out).toContain(`streamed ${rows} rows, 4 columns (indicator: string, region: string, period: string, value: number)`);
    expect(r.out).toContain(`đọc theo luồng ${rows} dòng`);
  }, 180_000);

  it('streams on request (--stream), and a ragged file fails with its row named', async () => {
    const b = bufferIO();
    expect(await main(['load', 'data/observations/poverty_rate.csv', '--stream'], b.io)).toBe(0);
    expect(b.out()).toMatch(/streamed \d+ rows, 14 columns/);
    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'indicator,region,period,value\npoverty_rate,42\n');
    const c = bufferIO();
    expect(await main(['load', ragged, '--stream'], c.io)).toBe(1);
    expect(c.err()).toMatch(/row 2: .*\[LOAD_LARGE_RAGGED_ROW\]/);
  });

  it('tells a spreadsheet, Parquet or PNG by their first bytes instead of printing their bytes as column names', async () => {
    // A workbook is read as one (.xlsx through the page's reader); a zip cut short says so.
    const cases: [string, Uint8Array, string, RegExp][] = [
      ['book.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), 'DATA_ZIP_UNREADABLE', /zip \(xlsx\).*damaged or cut short/],
      ['table.csv', new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4]), 'DATA_WRONG_KIND', /Parquet.*loadLargeFile/],
      ['chart.json', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'DATA_WRONG_KIND', /PNG/],
    ];
    for (const [name, bytes, code, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const r = await load(path);
      expect(r.code, name).toBe(1);
      expect(r.err, name).toContain(`[${code}]`);
      expect(r.err, name).toMatch(message);
      expect(r.err, name).not.toMatch(/PK\u0003\u0004|PAR1/);
    }
  });

  it('refuses JSON nested 50,000 deep with a diagnostic, not a stack trace', async () => {
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, '['.repeat(50_000) + ']'.repeat(50_000));
    const r = await load(deep);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[DATA_TOO_DEEP]');
    expect(r.err).not.toContain('RangeError');
  });

  it('shows control characters from a file escaped, never raw on the terminal', async () => {
    const evil = join(dir, 'evil.csv');
    writeFileSync(evil, 'indicator,region,period,value\npoverty_rate,\u001b[2J\u001b]0;pwned\u0007,2016,5\n');
    const b = bufferIO();
    await main(['load', evil], b.io);
    const r = b.err() + b.out();
    expect(r).toContain('\\u001b[2J');
    expect(r).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

});

