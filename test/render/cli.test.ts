import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { main, type CliIO } from '../../src/cli/index.js';

function bufferIO(isTTY = false): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTTY,
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

const tmp = () => mkdtempSync(join(tmpdir(), 'chiso-render-'));

describe('chiso render', () => {
  it('exports every chart of a configuration, data paths relative to the config file', async () => {
    const out = tmp();
    const io = bufferIO();
    const code = await main(['render', 'test/render/fixtures/charts.json', '--out', out, '--format', 'svg,png', '--scale', '1', '--allow-path'], io);
    expect(io.err).not.toContain('✗');
    expect(code).toBe(0);
    for (const id of ['ha-tinh-poverty', 'income-top', 'poverty-map-2016', 'duc-tho-poverty']) {
      const svg = readFileSync(join(out, `${id}.svg`), 'utf8');
      expect(XMLValidator.validate(svg)).toBe(true);
      for (const m of svg.matchAll(/ id="([^"]+)"/g)) expect(m[1].startsWith(`${id}-`)).toBe(true);
      expect(readFileSync(join(out, `${id}.png`)).subarray(1, 4).toString()).toBe('PNG');
    }
    expect(readFileSync(join(out, 'ha-tinh-poverty.svg'), 'utf8')).toContain('Hà Tĩnh');
    // Plain progress lines when stderr is not a terminal.
    expect(io.err).toContain('[1/4] ✓ ha-tinh-poverty\n[2/4] ✓ income-top\n[3/4] ✓ poverty-map-2016\n[4/4] ✓ duc-tho-poverty\n');
    expect(io.out.trim().split('\n')).toHaveLength(8);
    expect(readFileSync(join(out, 'duc-tho-poverty.svg'), 'utf8')).toContain('3,58');
  });

  it('redraws one progress line on a terminal', async () => {
    const io = bufferIO(true);
    expect(await main(['render', 'test/render/fixtures/charts.json', '--out', tmp(), '--allow-path'], io)).toBe(0);
    expect(io.err).toContain('\r\x1b[K[######------------------] 1/4 ✓ ha-tinh-poverty');
    expect(io.err).toContain('\r\x1b[K[########################] 4/4 ✓ duc-tho-poverty\n');
  });

  it('renders a raw Vega-Lite spec, named after its file', async () => {
    const dir = tmp();
    const spec = join(dir, 'ky-anh.vl.json');
    writeFileSync(
      spec,
      JSON.stringify({
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        title: 'Kỳ Anh: 30/31 tổ chức cơ sở đảng',
        data: { values: [{ k: 'Đăng ký', v: 30 }] },
        mark: 'bar',
        encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'k', type: 'nominal' } },
      }),
    );
    const io = bufferIO();
    expect(await main(['render', spec, '--out', join(dir, 'out'), '--lang', 'en'], io)).toBe(0);
    const svg = readFileSync(join(dir, 'out', 'ky-anh.svg'), 'utf8');
    expect(svg).toContain('<title>Kỳ Anh: 30/31 tổ chức cơ sở đảng</title>');
    expect(svg).toContain('xml:lang="en"');
  });

  it('names the file and the JSON path of an unknown key, and writes nothing', async () => {
    const dir = tmp();
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ data: {}, charts: [{ id: 'a', spec: { mark: 'bar' }, colour: 'red' }] }));
    const io = bufferIO();
    expect(await main(['render', config, '--out', join(dir, 'out')], io)).toBe(1);
    expect(io.err).toContain(`${config}: Khoá "colour" không được biết tại $.charts[0].colour`);
    expect(io.err).toContain('Unknown key "colour" at $.charts[0].colour');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('names the data file of a chart whose data does not load, and still exports the others', async () => {
    const dir = tmp();
    const config = join(dir, 'missing.json');
    writeFileSync(
      config,
      JSON.stringify({
        data: { gone: { file: 'nowhere.csv' } },
        charts: [
          { id: 'gone', type: 'bar', data: 'gone' },
          { id: 'fine', spec: { data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } } },
        ],
      }),
    );
    const io = bufferIO();
    expect(await main(['render', config, '--out', join(dir, 'out')], io)).toBe(1);
    expect(io.err).toMatch(/✗ gone: nowhere\.csv/);
    expect(existsSync(join(dir, 'out', 'fine.svg'))).toBe(true);
  });

  it('gives a raw spec the query result as its data', async () => {
    const dir = tmp();
    const config = join(dir, 'raw.json');
    writeFileSync(
      config,
      JSON.stringify({
        data: { poverty: { file: join(process.cwd(), 'data/observations/poverty_rate.csv') } },
        charts: [
          {
            id: 'raw',
            data: 'poverty',
            query: { select: { regions: ['42'], periods: ['2006', '2016'] } },
            title: 'Hà Tĩnh',
            spec: { mark: 'bar', encoding: { x: { field: 'period', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' } } },
          },
        ],
      }),
    );
    const io = bufferIO();
    // The data file is named by an absolute path outside the config's folder: allowed by the flag.
    expect(await main(['render', config, '--out', join(dir, 'out'), '--allow-path'], io)).toBe(0);
    const svg = readFileSync(join(dir, 'out', 'raw.svg'), 'utf8');
    expect(svg).toContain('<title>Hà Tĩnh</title>');
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(2);
    expect(svg).toContain('value: 31,5');
  });

  it('refuses bad flags with the allowed values', async () => {
    const io = bufferIO();
    expect(await main(['render', 'test/render/fixtures/charts.json', '--out', tmp(), '--format', 'pdf'], io)).toBe(1);
    expect(io.err).toContain('"pdf"');
    expect(io.err).toContain('svg, png');
    const io2 = bufferIO();
    expect(await main(['render', 'test/render/fixtures/charts.json'], io2)).toBe(1);
    expect(io2.err).toContain('--out');
    const io3 = bufferIO();
    expect(await main(['render', 'test/render/fixtures/charts.json', '--out', tmp(), '--scale', '0'], io3)).toBe(1);
  });

  it('names the line of a JSON syntax error', async () => {
    const dir = tmp();
    const config = join(dir, 'broken.json');
    writeFileSync(config, '{\n  "data": {},\n  "charts": [\n    { "id": "a" }\n    { "id": "b" }\n  ]\n}\n');
    const io = bufferIO();
    expect(await main(['render', config, '--out', join(dir, 'out')], io)).toBe(1);
    expect(io.err).toContain(`${config}, dòng 5`);
    expect(io.err).toContain(`${config}, row 5`);
  });
});
