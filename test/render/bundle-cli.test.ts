// `chiso render --bundle`: a ZIP per chart beside its SVG, with the same four files the page's
// "Download everything" saves.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { main, type CliIO } from '../../src/cli/index.js';

function bufferIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTTY: false,
    cwd: process.cwd(),
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

describe('chiso render --bundle', () => {
  it('writes one ZIP per chart: CSV with BOM and region names, metadata.json, README, citation', async () => {
    const out = mkdtempSync(join(tmpdir(), 'chiso-bundle-'));
    const io = bufferIO();
    expect(await main(['render', 'test/render/fixtures/charts.json', '--out', out, '--bundle', '--allow-path'], io)).toBe(0);
    for (const id of ['ha-tinh-poverty', 'income-top', 'poverty-map-2016', 'duc-tho-poverty']) {
      expect(existsSync(join(out, `${id}.svg`))).toBe(true);
      const files = unzipSync(new Uint8Array(readFileSync(join(out, `${id}.zip`))));
      expect(Object.keys(files).sort(), id).toEqual(['CITATION.txt', 'README.md', 'data.csv', 'metadata.json']);
      const csv = Buffer.from(files['data.csv']);
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.toString('utf8')).toMatch(/^\uFEFFindicator,region,region_name,/);
    }
    expect(io.out).toContain('ha-tinh-poverty.zip');
    const files = unzipSync(new Uint8Array(readFileSync(join(out, 'ha-tinh-poverty.zip'))));
    expect(Buffer.from(files['data.csv']).toString('utf8')).toContain(',42,Hà Tĩnh,');
    const meta = JSON.parse(Buffer.from(files['metadata.json']).toString('utf8'));
    expect(meta.query).toMatchObject({ id: 'ha-tinh-poverty', type: 'line', data: 'poverty' });
    expect(meta.about.vi[0]).toMatchObject({ indicator: 'poverty_rate', label: 'Tỷ lệ hộ nghèo' });
    expect(meta.about.vi[0].breaks.length).toBeGreaterThan(1);
    expect(meta.spec.$schema).toContain('vega-lite');
    expect(meta.url).toBeUndefined();
    const citation = Buffer.from(files['CITATION.txt']).toString('utf8');
    expect(citation).toMatch(/^Tỷ lệ hộ nghèo, (Hà Tĩnh, Cả nước|Cả nước, Hà Tĩnh), \d{4}–\d{4}\. Nguồn: .*Tổng cục Thống kê.*Truy xuất ngày \d\d\/\d\d\/\d{4}, bằng chiso\./);
    expect(Buffer.from(files['README.md']).toString('utf8')).toContain('## English');
  });

  it('writes no ZIP without --bundle', async () => {
    const out = mkdtempSync(join(tmpdir(), 'chiso-bundle-'));
    expect(await main(['render', 'test/render/fixtures/charts.json', '--out', out, '--allow-path'], bufferIO())).toBe(0);
    expect(existsSync(join(out, 'ha-tinh-poverty.zip'))).toBe(false);
  });
});
