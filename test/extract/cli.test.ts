// `chiso extract` from the command line: output formats that `chiso load` reads, corrections next to the report.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/index.js';
import { loadObservations } from '../../src/data/index.js';
import { district2024Region, extractFile } from '../../src/node.js';
import type { ExtractedObservation } from '../../src/extract/index.js';
import { unitFor } from '../../src/registry/index.js';
import { root } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'chiso-extract-'));
const REPORT = '003_9ea99d9bd68773f4.txt';
const DUC_THO = '002_8f0ff18a4f7cf0ed.txt';
for (const f of [REPORT, DUC_THO]) copyFileSync(new URL('data/seeds/raw/' + f, root), join(dir, f));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, cwd: dir };
  const code = await main(['extract', ...args], io);
  return { code, stdout, stderr };
}

describe('chiso extract', () => {
  it('prints a readable list, with warnings and a summary on stderr', async () => {
    const r = await run(REPORT);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('party_org_registration  42-tx-ky-anh  2022  30/31 tổ chức');
    expect(r.stdout).toContain('“30/31 tổ chức cơ sở đảng đăng ký thực hiện” [781-823]');
    expect(r.stderr).toContain(`${REPORT}: Số viết sai "100/%"`);
    expect(r.stderr).toContain('6 observations (region 42-tx-ky-anh, period 2022)');
  });

  it('writes JSON with provenance that `chiso load` reads without an error', async () => {
    const r = await run(REPORT, '--json');
    const observations = JSON.parse(r.stdout) as ExtractedObservation[];
    expect(observations).toHaveLength(6);
    expect(observations[0]).toMatchObject({ source: REPORT, start: 781, end: 823, indicator: 'party_org_registration', value: 30, denominator: 31 });
    const loaded = loadObservations(r.stdout, { file: 'out.json' });
    expect(loaded.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(loaded.observations.map((o) => [o.indicator, o.value, o.series])).toEqual(observations.map((o) => [o.indicator, o.value, o.series]));
  });

  it('writes tidy JSON and tidy CSV that load without an error or an ignored column', async () => {
    for (const format of ['tidy-json', 'tidy-csv']) {
      const r = await run(REPORT, '--format', format);
      const loaded = loadObservations(r.stdout, { file: `out.${format}` });
      // The one warning left is the loader comparing a series' unit (`cá nhân` for heads) with the
      // indicator's main unit; the catalogue gives that series this unit.
      const unexplained = loaded.diagnostics.filter((d) => {
        if (d.code !== 'DATA_UNIT_MISMATCH') return true;
        const o = loaded.observations.find((x) => x.unit === d.value);
        return !o || unitFor(o.indicator, o.series) !== d.value;
      });
      expect(unexplained, format).toEqual([]);
      expect(loaded.observations).toHaveLength(6);
      expect(loaded.observations.find((o) => o.indicator === 'self_review_sessions')).toMatchObject({ value: 100, unit: '%', quote: '100/% Chi bộ cơ sở đã đồng loạt triển khai thực hiện' });
    }
  });

  it('never writes a CSV cell a spreadsheet would run as a formula', async () => {
    const name = '=HYPERLINK(1).txt';
    writeFileSync(join(dir, name), 'Tỉnh ủy Hà Tĩnh\n\nNăm 2023, tỷ lệ hộ nghèo còn 3,1%; "ghi chú", có 12 xã đạt chuẩn nông thôn mới.');
    const r = await run(name, '--format', 'tidy-csv');
    const lines = r.stdout.trim().split('\n');
    expect(lines[1]).toBe("poverty_rate,42,2023,3.1,,,%,unknown,final,'=HYPERLINK(1).txt,\"tỷ lệ hộ nghèo còn 3,1%\"");
    expect(lines.slice(1).every((l) => !/(^|,)[=+@]/.test(l))).toBe(true);
  });

  it('applies <report>.corrections.json when it exists, and skips it with --no-corrections', async () => {
    const extracted = JSON.parse((await run(REPORT, '--json')).stdout) as ExtractedObservation[];
    const rounds = extracted.find((o) => o.series === 'rounds')!;
    const heads = extracted.find((o) => o.series === 'heads')!;
    writeFileSync(join(dir, REPORT + '.corrections.json'), JSON.stringify({
      corrections: [
        { quote: rounds.quote, start: rounds.start, end: rounds.end, action: 'edit', set: { value: 3 }, note: 'thêm một đợt theo báo cáo tổng kết' },
        { quote: heads.quote, start: heads.start, end: heads.end, action: 'reject' },
      ],
    }));
    const corrected = JSON.parse((await run(REPORT, '--json')).stdout) as ExtractedObservation[];
    expect(corrected).toHaveLength(5);
    expect(corrected.find((o) => o.series === 'rounds')!.reason).toContain(`corrected by analyst (${REPORT}.corrections.json: thêm một đợt theo báo cáo tổng kết): value 2 -> 3`);
    // The same from Node, without the command line.
    const fromNode = extractFile(join(dir, REPORT), { file: REPORT });
    expect(fromNode.corrections).toBe(join(dir, REPORT + '.corrections.json'));
    expect(fromNode.observations.map((o) => o.value)).toEqual(corrected.map((o) => o.value));
    expect(fromNode.rejected.map((o) => o.series)).toEqual(['heads']);
    expect(extractFile(join(dir, REPORT), { corrections: false }).observations).toHaveLength(6);
    expect(corrected.find((o) => o.series === 'rounds')).toMatchObject({ value: 3, corrected: true, note: 'thêm một đợt theo báo cáo tổng kết' });
    expect(corrected.some((o) => o.series === 'heads')).toBe(false);
    const text = await run(REPORT);
    expect(text.stdout).toContain('đã sửa / corrected');
    expect(text.stderr).toContain(`corrections: ${REPORT}.corrections.json, 1 rejected`);

    const raw = JSON.parse((await run(REPORT, '--json', '--no-corrections')).stdout) as ExtractedObservation[];
    expect(raw).toEqual(extracted);
    rmSync(join(dir, REPORT + '.corrections.json'));
  });

  it('writes a corrections file to start from, which applies as it stands', async () => {
    const r = await run(REPORT, '--format', 'corrections');
    const template = JSON.parse(r.stdout);
    expect(template.report).toBe(REPORT);
    expect(template.corrections[0]).toEqual({ quote: '30/31 tổ chức cơ sở đảng đăng ký thực hiện', start: 781, end: 823, action: 'accept', was: 'party_org_registration 42-tx-ky-anh 2022 30/31 tổ chức (0.9)' });
    writeFileSync(join(dir, 'template.json'), r.stdout);
    const applied = JSON.parse((await run(REPORT, '--json', '--corrections', 'template.json')).stdout) as ExtractedObservation[];
    expect(applied.map((o) => [o.value, o.review, o.confidence])).toEqual([[30, 'accepted', 1], [36, 'accepted', 1], [100, 'accepted', 1], [2, 'accepted', 1], [5, 'accepted', 1], [14, 'accepted', 1]]);
  });

  it('takes a corrections file from --corrections and refuses a broken one with its name', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"corrections": [{"action": "approve"}]}');
    const r = await run(REPORT, '--corrections', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json');
    expect(r.stderr).toContain('"approve"');
  });

  it('uses --region and --period as the report’s own', async () => {
    const r = await run(REPORT, '--json', '--region', '42', '--period', '2023');
    const observations = JSON.parse(r.stdout) as ExtractedObservation[];
    // "toàn thị xã" now refers to a report about the province, so it says nothing more.
    expect(new Set(observations.map((o) => o.region))).toEqual(new Set(['42']));
    // A place named next to a figure still wins over --region.
    const ducTho = JSON.parse((await run(DUC_THO, '--json', '--region', '42')).stdout) as ExtractedObservation[];
    expect(ducTho.find((o) => o.indicator === 'income_per_capita')!.region).toBe('42-duc-tho');
    expect(ducTho.find((o) => o.indicator === 'poverty_rate')!.region).toBe('42');
    // Explicit years in the text still win; "Trong năm qua" now counts from 2023.
    expect(observations.find((o) => o.series === 'rounds')!.period).toBe('2023');
    expect(observations.find((o) => o.indicator === 'self_review_sessions')!.period).toBe('2022');
  });

  it('refuses bad options with the bad value, in both languages', async () => {
    const cases: [string[], string][] = [
      [[REPORT, '--region', 'Kỳ Anh'], 'Kỳ Anh'],
      [[REPORT, '--period', 'năm 2022'], 'năm 2022'],
      [[REPORT, '--format', 'xlsx'], 'xlsx'],
      [[REPORT, '--input', 'pdf'], 'pdf'],
      [[REPORT, '--min-confidence', '2'], '2'],
      [['missing.txt'], 'missing.txt'],
      [[], 'extract'],
    ];
    for (const [args, bad] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(bad);
      expect(r.stderr.split('\n').filter(Boolean).length, args.join(' ')).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('chiso extract --help', () => {
  it('lists every option in both languages', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const flag of ['--json', '--format', '--input', '--region', '--period', '--min-confidence', '--unquantified', '--skipped', '--corrections', '--no-corrections']) expect(r.stdout).toContain(flag);
  });

  it('lists what it passed over with --skipped', async () => {
    const r = await run(REPORT, '--skipped', '--format', 'tidy-json');
    expect(r.stderr).toContain('“2.060.856”: page furniture');
    expect(r.stderr).toContain('“65”: page furniture');
  });

  it('keeps the figures of a district the registry does not list, and `chiso load` reads them back', async () => {
    // A district report of huyện Can Lộc (Hà Tĩnh): the registry lists only a few of Hà Tĩnh's districts.
    writeFileSync(join(dir, 'can-loc.txt'), 'Huyện ủy Can Lộc, tỉnh Hà Tĩnh\n\nNăm 2023, toàn huyện còn 812 hộ nghèo, chiếm tỷ lệ 1,85%; 1.304 hộ cận nghèo, chiếm 2,97%. Huyện Can Lộc có 19/19 xã đạt chuẩn nông thôn mới.\n');
    const r = await run('can-loc.txt', '--format', 'tidy-csv');
    expect(r.code).toBe(0);
    writeFileSync(join(dir, 'can-loc.csv'), r.stdout);
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 4));
    expect(rows).toEqual([
      ['poor_households', '42-can-loc', '2023', '812'], ['poverty_rate', '42-can-loc', '2023', '1.85'],
      ['poor_households', '42-can-loc', '2023', '1304'], ['near_poor_rate', '42-can-loc', '2023', '2.97'],
      ['new_rural_communes', '42-can-loc', '2023', '19'],
    ]);
    let stdout = '';
    let stderr = '';
    const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, cwd: dir };
    expect(await main(['load', 'can-loc.csv', '--json'], io), stderr).toBe(0);
    const loaded = JSON.parse(stdout) as { region: string; value: number }[];
    expect(loaded.map((o) => [o.region, o.value])).toEqual([['42-can-loc', 812], ['42-can-loc', 1.85], ['42-can-loc', 1304], ['42-can-loc', 2.97], ['42-can-loc', 19]]);
    expect(stderr).not.toContain('[DATA_');
  });

  it('refuses, in both languages, a district id no list knows and a commune under a listed district', async () => {
    writeFileSync(join(dir, 'unknown.csv'), 'indicator,region,period,value\npoverty_rate,42-can-locc,2023,1.85\npoverty_rate,42-can-loc-son-loc,2023,2.1\n');
    let stderr = '';
    const io: CliIO = { stdout: () => {}, stderr: (t) => (stderr += t), isTTY: false, cwd: dir };
    expect(await main(['load', 'unknown.csv'], io)).toBe(1);
    expect(stderr).toContain('unknown.csv, dòng 2, cột "region": Không nhận ra địa bàn "42-can-locc" thuộc Hà Tĩnh (42): không có trong danh mục 696 quận, huyện');
    expect(stderr).toContain('unknown.csv, row 2, column "region": Unknown place "42-can-locc" in Hà Tĩnh (42): not among the 696 district-level units of 2024');
    expect(stderr).toContain('row 3, column "region": Unknown place "42-can-loc-son-loc" in Hà Tĩnh (42): Huyện Can Lộc (42-can-loc) is in the 2024 district list');
    // Without the lookup (the library's default), the same id is refused with the way to accept it.
    expect(() => loadObservations('indicator,region,period,value\npoverty_rate,42-can-loc,2023,1.85\n', { file: 'x.csv' })).toThrow(/chiso load/);
    expect(loadObservations('indicator,region,period,value\npoverty_rate,42-can-loc,2023,1.85\n', { file: 'x.csv', regions: district2024Region }).observations[0].region).toBe('42-can-loc');
  });
});
