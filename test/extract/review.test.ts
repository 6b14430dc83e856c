// `chiso extract DIR --review out.html`: a folder read with progress, and a review page that runs under a
// strict CSP, keeps every string from a report as text, and saves corrections the next run applies.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/index.js';
import { jsonForScript, reviewPage } from '../../src/cli/review.js';
import type { ExtractedObservation } from '../../src/extract/index.js';

const dir = mkdtempSync(join(tmpdir(), 'chiso-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const reports = join(dir, 'reports');
mkdirSync(reports);
writeFileSync(join(reports, 'can-loc.txt'), 'Huyện ủy Can Lộc, tỉnh Hà Tĩnh\n\nNăm 2023, huyện Can Lộc có tỷ lệ hộ nghèo còn 2,1%; toàn huyện có 5 xã đạt chuẩn nông thôn mới kiểu mẫu.\n');
writeFileSync(join(reports, 'ca-mau.html'), '<html><body><p>Cuối năm 2023, toàn tỉnh Cà Mau còn 9.604 hộ nghèo, chiếm tỷ lệ 3,14%; hộ cận nghèo là 6.943 hộ, chiếm tỷ lệ 2,27%.</p><script>alert(1)</script></body></html>');
writeFileSync(join(reports, 'notes.md'), 'not a report: 99% skipped');

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, cwd: dir };
  const code = await main(['extract', ...args], io);
  return { code, stdout, stderr };
}

describe('chiso extract over a folder, with a review page', () => {
  it('reads every .txt and .html report of a folder, in name order, with numbered progress on stderr', async () => {
    const r = await run('reports', '--json');
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as ExtractedObservation[];
    expect([...new Set(got.map((o) => o.source))]).toEqual([join('reports', 'ca-mau.html'), join('reports', 'can-loc.txt')]);
    expect(r.stderr).toMatch(/\[1\/2\] reports\/ca-mau\.html: 4 số liệu[^\n]*\nreports\/ca-mau\.html: 4 observations/);
    expect(r.stderr).toMatch(/\[2\/2\] reports\/can-loc\.txt: 2 số liệu[^\n]*\nreports\/can-loc\.txt: 2 observations/);
    // The district the registry does not list keeps its figures, under its own id in its province.
    expect(got.filter((o) => o.source.endsWith('can-loc.txt')).map((o) => [o.indicator, o.region, o.value])).toEqual([
      ['poverty_rate', '42-can-loc', 2.1], ['new_rural_communes', '42-can-loc', 5],
    ]);
  });

  it('writes a page with its script and style beside it, under a CSP that allows no inline code', async () => {
    const r = await run('reports', '--format', 'tidy-json', '--review', 'out/review.html');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'out', 'review.html'), 'utf8');
    expect(html).toContain(`content="default-src 'none'; script-src 'self'; style-src 'self'`);
    // No inline script or style: only the JSON block, which is never run, and the two files.
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="chiso-review-data">', '<script src="review.js" defer>']);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(readFileSync(join(dir, 'out', 'review.js'), 'utf8')).not.toMatch(/innerHTML|eval\(|new Function/);
    expect(readFileSync(join(dir, 'out', 'review.css'), 'utf8')).toContain('mark{');
    const data = JSON.parse(html.match(/id="chiso-review-data">([^<]*)<\/script>/)![1]);
    expect(data.map((d: { report: string }) => d.report)).toEqual(['ca-mau.html', 'can-loc.txt']);
    expect(data[1].figures[0].reason).toContain('new region 42-can-loc');
  });

  it('keeps markup from a report out of the page as text', () => {
    const evil = '</script><img src=x onerror=alert(1)>&\u2028';
    const o = { indicator: 'poverty_rate', region: '42', period: '2023', value: 1, qualifier: null, denominator: null, unit: '%', series: null, status: 'final', source: evil, quote: evil, start: 0, end: evil.length, confidence: 1, reason: evil } as ExtractedObservation;
    const page = reviewPage([{ report: evil, correctionsPath: evil, text: evil, observations: [o] }], 'a"b');
    expect(page.html).not.toContain('</script><img');
    expect(page.html).not.toContain('\u2028');
    expect(page.html).toContain('href="a&quot;b.css"');
    expect(JSON.parse(jsonForScript(evil))).toBe(evil);
  });

  it('applies the corrections file the page saves on the next run', async () => {
    const first = JSON.parse((await run('reports', '--json')).stdout) as ExtractedObservation[];
    const rate = first.find((o) => o.indicator === 'poverty_rate' && o.source.endsWith('can-loc.txt'))!;
    const count = first.find((o) => o.indicator === 'new_rural_communes')!;
    // What the page's Save button writes: one entry per figure decided, keyed by quote and offsets.
    writeFileSync(join(reports, 'can-loc.txt.corrections.json'), JSON.stringify({
      report: 'can-loc.txt',
      corrections: [
        { quote: rate.quote, start: rate.start, end: rate.end, action: 'edit', set: { period: '2022' }, note: 'checked' },
        { quote: count.quote, start: count.start, end: count.end, action: 'reject' },
      ],
    }));
    const next = JSON.parse((await run('reports', '--json')).stdout) as ExtractedObservation[];
    const canLoc = next.filter((o) => o.source.endsWith('can-loc.txt'));
    expect(canLoc.map((o) => [o.indicator, o.region, o.period, o.corrected ?? false])).toEqual([['poverty_rate', '42-can-loc', '2022', true]]);
  });
});
