// What every user of the command line meets first: help on every command, the version, strict flags,
// every problem of a configuration in one run, and a missing file named in both languages.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIO } from '../../src/cli/index.js';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('chiso command line, the first hour', () => {
  it('prints help for every command, in both languages, with --help and -h', async () => {
    for (const command of ['load', 'render', 'extract']) {
      for (const flag of ['--help', '-h']) {
        const r = await cli(command, flag);
        expect(r.code, `${command} ${flag}: ${r.err}`).toBe(0);
        expect(r.out).toContain(`chiso ${command}`);
        expect(r.err).toBe('');
      }
    }
    const render = await cli('render', '--help');
    for (const word of ['--out', '--format', '--text', '--dpi', '--for', 'outlines', 'print', 'Xuất', 'Exports']) expect(render.out).toContain(word);
  });

  it('prints its version', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`chiso ${pkg.version}`);
  });

  it('lists formats, --period and --lenient in the top-level help', async () => {
    const r = await cli('--help');
    for (const word of ['--format', 'svg,png', 'tidy', 'gso', '--period', '--lenient', '--version', '--text']) expect(r.out).toContain(word);
  });

  it('refuses an unknown short flag instead of ignoring it', async () => {
    for (const command of ['load', 'render', 'extract']) {
      const r = await cli(command, 'x.json', '-j');
      expect(r.code, command).toBe(1);
      expect(r.err).toContain('Không có tuỳ chọn -j');
      expect(r.err).toContain('Unknown option -j');
    }
  });

  it('reports every problem of a configuration in one run, each in both languages, no English in the Vietnamese line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-cli-'));
    const config = join(dir, 'three.json');
    writeFileSync(
      config,
      JSON.stringify({
        data: { d: { file: 'x.csv' } },
        charts: [
          { id: 'a', type: 'line', data: 'd', colour: 'red' },
          { id: 'b', type: 'pie', data: 'd' },
          { id: 'c', type: 'bar', data: 'nowhere' },
        ],
      }),
    );
    const r = await cli('render', config, '--out', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('Khoá "colour" không được biết tại $.charts[0].colour');
    expect(r.err).toContain('$.charts[1].type');
    expect(r.err).toContain('"nowhere"');
    const vi = r.err.split('\n').filter((l) => l.includes('Cấu hình sai'));
    expect(vi.length).toBeGreaterThan(0);
    for (const line of vi) expect(line).not.toMatch(/\bmust\b|\brequired\b|allowed values/);
    expect(r.err).toMatch(/\$\.charts\[1\]\.type: phải là một trong: .*"line"/);
    expect(r.err).toMatch(/Invalid configuration at \$\.charts\[1\]\.type: must be one of: .*"line"/);
  });

  it('names a missing report file in both languages, with no raw ENOENT', async () => {
    const r = await cli('extract', 'no-such-report.txt');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no-such-report.txt: Không tìm thấy tệp');
    expect(r.err).toContain('no-such-report.txt: File not found');
    expect(r.err).not.toContain('ENOENT');
  });

  it('keeps a lone "-" and negative numbers as values', async () => {
    const r = await cli('extract', '--min-confidence', '-0.5', 'no-such-report.txt');
    expect(r.err).not.toContain('Unknown option');
  });
});
