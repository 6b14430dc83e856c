// The open catalogue in the CLI: an indicator chiso does not know, defined by flags or by a
// chiso.indicators.json beside the data; workbooks read by the page's reader; empty files refused.
import { describe, it, expect } from 'vitest';
import { copyFileSync, mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type CliIO } from '../../src/cli/index.js';
import type { Observation } from '../../src/types.js';
import { getIndicator } from '../../src/registry/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function bufferIO(cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

/** A GSO export of an indicator the catalogue does not know (household electricity). */
const ELECTRICITY = '\uFEFF"Percentage of households using electricity by province by Cities, provincies and Year"\n\n"Cities, provincies";"2014";"2016"\n" WHOLE COUNTRY";98.8;99.0\n"Ha Tinh";99.5;99.7\n';

describe('chiso load: an open catalogue', () => {
  it('refuses an unknown GSO title with --indicator alone, saying how to define it, in both languages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-open-'));
    writeFileSync(join(dir, 'electricity.csv'), ELECTRICITY);
    const b = bufferIO(dir);
    expect(await main(['load', 'electricity.csv', '--indicator', 'household_electricity_x'], b.io)).toBe(1);
    expect(b.err()).toContain('chiso.indicators.json');
    expect(b.err()).toContain('--unit');
  });

  it('loads an unknown GSO indicator defined by --indicator, --unit, --name, --kind, --direction', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-open-'));
    writeFileSync(join(dir, 'electricity.csv'), ELECTRICITY);
    const b = bufferIO(dir);
    const code = await main(['load', 'electricity.csv', '--indicator', 'household_electricity', '--unit', '%', '--name', 'Tỷ lệ hộ dùng điện', '--kind', 'rate', '--direction', 'up', '--json'], b.io);
    expect(b.err()).toBe('');
    expect(code).toBe(0);
    const obs = JSON.parse(b.out()) as Observation[];
    expect(obs).toHaveLength(4);
    expect(obs.find((o) => o.region === '42' && o.period === '2016')).toMatchObject({ indicator: 'household_electricity', value: 99.7, unit: '%' });
    const ind = getIndicator('household_electricity');
    expect(ind).toMatchObject({ kind: 'rate', lowerIsBetter: false, unit: '%', label: { vi: 'Tỷ lệ hộ dùng điện' } });
  });

  it('refuses a bad definition flag, naming it, in both languages', async () => {
    const b = bufferIO();
    expect(await main(['load', 'data/gso/raw/poverty_rate_by_province.csv', '--indicator', 'my_rate', '--unit', '%', '--kind', 'ratio'], b.io)).toBe(1);
    expect(b.err()).toContain('--indicator.kind');
    expect(b.err()).toContain('rate, count hoặc amount');
    expect(b.err()).toContain('rate, count or amount');
  });

  it('reads chiso.indicators.json beside the data, and names its bad field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-open-'));
    writeFileSync(join(dir, 'electricity.csv'), ELECTRICITY);
    writeFileSync(join(dir, 'chiso.indicators.json'), JSON.stringify({ indicators: [{ id: 'electricity_share', unit: '%', name: { vi: 'Tỷ lệ hộ dùng điện', en: 'Households with electricity' }, kind: 'rate', direction: 'up' }] }));
    const b = bufferIO(dir);
    expect(await main(['load', 'electricity.csv', '--indicator', 'electricity_share'], b.io)).toBe(0);
    expect(b.out()).toContain('Observations: 4');
    writeFileSync(join(dir, 'chiso.indicators.json'), JSON.stringify({ indicators: [{ id: 'electricity_share2', unit: '%', direction: 'sideways' }] }));
    const bad = bufferIO(dir);
    expect(await main(['load', 'electricity.csv', '--indicator', 'electricity_share2'], bad.io)).toBe(1);
    expect(bad.err()).toContain('chiso.indicators.json');
    expect(bad.err()).toContain('indicators[0].direction');
    expect(bad.err()).toContain('up hoặc down');
  });

  // .xlsx by the page's reader (not its zip bytes as column names); .ods into the same grid: typed
  // numbers with a decimal point, filler rows and columns ignored.
  for (const ext of ['xlsx', 'ods']) {
    it(`reads an .${ext} sheet into the observations it holds, citing its rows`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'chiso-open-'));
      copyFileSync(join(root, `test/data/fixtures/immunisation.${ext}`), join(dir, `immunisation.${ext}`));
      const b = bufferIO(dir);
      const code = await main(['load', `immunisation.${ext}`, '--indicator', `child_immunisation_${ext}`, '--unit', '%', '--kind', 'rate', '--json'], b.io);
      expect(b.err()).toBe('');
      expect(code).toBe(0);
      const obs = JSON.parse(b.out()) as Observation[];
      expect(obs.map((o) => [o.region, o.period, o.value])).toEqual([['42', '2014', 97.5], ['42', '2015', 98.1], ['51', '2014', 95.2], ['51', '2015', 96.4]]);
      expect(obs[2].source).toBe(`immunisation.${ext}#row=3&column=2014`);
    });
  }

  it('refuses a header with no rows (exit 1), where it used to say "0 figures"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-open-'));
    writeFileSync(join(dir, 'empty.csv'), 'indicator,region,period,value\n');
    const b = bufferIO(dir);
    expect(await main(['load', 'empty.csv'], b.io)).toBe(1);
    expect(b.err()).toContain('DATA_NO_ROWS');
    expect(b.err()).toContain('no data rows');
  });

  it('renders the chart of an indicator the catalogue file defines (chiso render)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-open-'));
    writeFileSync(join(dir, 'electricity.csv'), ELECTRICITY);
    writeFileSync(join(dir, 'chiso.indicators.json'), JSON.stringify([{ id: 'electricity_render', unit: '%', name: { vi: 'Tỷ lệ hộ dùng điện', en: 'Households with electricity' }, kind: 'rate', direction: 'up' }]));
    writeFileSync(join(dir, 'charts.json'), JSON.stringify({
      data: { electricity: { file: 'electricity.csv', indicator: 'electricity_render' } },
      charts: [{ id: 'electricity-line', type: 'line', data: 'electricity', options: { regions: ['VN', '42'] } }],
    }));
    const b = bufferIO(dir);
    const code = await main(['render', 'charts.json', '--out', 'out'], b.io);
    expect(b.err()).not.toContain('✗');
    expect(code).toBe(0);
    const svg = readFileSync(join(dir, 'out', 'electricity-line.svg'), 'utf8');
    expect(existsSync(join(dir, 'out', 'electricity-line.svg'))).toBe(true);
    expect(svg).toContain('Tỷ lệ hộ dùng điện');
  });
});
