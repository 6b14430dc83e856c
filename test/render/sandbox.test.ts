// `chiso render` given a config or spec from someone else: it reads only inside the config's folder,
// reaches the network only when allowed, never writes through a symlink, fails a chart whose data
// does not load, and never lets one chart stop the batch.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/index.js';
import { renderSvg } from '../../src/render/node/svg.js';
import { renderPng } from '../../src/render/node/png.js';
import { isChisoError } from '../../src/errors.js';

function bufferIO(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', isTTY: false, cwd: process.cwd(), stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** A folder holding a secret outside a project folder, and the project with a small CSV. */
function playground() {
  const top = mkdtempSync(join(tmpdir(), 'chiso-sandbox-'));
  const secret = join(top, 'secret.txt');
  writeFileSync(secret, 'TOKEN=hunter2-do-not-leak\n');
  const project = join(top, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'values.csv'), 'a,b\nx,1\ny,2\n');
  return { top, secret, project };
}

const bar = (url: string) => ({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { url, format: { type: 'csv' } }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } } });

async function renderSpec(dir: string, spec: unknown, ...flags: string[]) {
  const file = join(dir, 'chart.vl.json');
  writeFileSync(file, JSON.stringify(spec));
  const io = bufferIO();
  const out = join(dir, 'out');
  const code = await main(['render', file, '--out', out, ...flags], io);
  const svg = existsSync(join(out, 'chart.svg')) ? readFileSync(join(out, 'chart.svg'), 'utf8') : null;
  return { code, io, svg, out };
}

describe('chiso render reads only inside the config folder', () => {
  it.each([
    ['a file: URL', 'file:///proc/self/environ'],
    ['a file: URL to a secret', 'SECRET_URL'],
    ['an absolute path', 'SECRET_PATH'],
    ['.. out of the folder', '../secret.txt'],
    ['a symlink inside that points out', 'link.csv'],
  ])('%s is refused, the chart fails, nothing of the file is drawn or echoed', async (_, url) => {
    const { secret, project } = playground();
    symlinkSync(secret, join(project, 'link.csv'));
    const u = url === 'SECRET_URL' ? `file://${secret}` : url === 'SECRET_PATH' ? secret : url;
    const { code, io, svg } = await renderSpec(project, bar(u));
    expect(code).toBe(1);
    expect(svg).toBeNull();
    expect(io.err).toContain('[RENDER_PATH_OUTSIDE]');
    expect(io.err).toMatch(/--allow-path/);
    expect(io.err).not.toContain('hunter2');
    expect(io.err).not.toMatch(/PATH=|HOME=/);
  });

  it('reads a file inside the folder as before', async () => {
    const { project } = playground();
    const { code, svg } = await renderSpec(project, bar('values.csv'));
    expect(code).toBe(0);
    expect(svg?.match(/aria-roledescription="bar"/g)).toHaveLength(2);
  });

  it('a data file that does not load fails the chart (exit 1), never an empty chart', async () => {
    const { project } = playground();
    const { code, io, svg } = await renderSpec(project, bar('missing.csv'));
    expect(code).toBe(1);
    expect(svg).toBeNull();
    expect(io.err).toContain('[DATA_FILE_NOT_FOUND]');
    expect(io.err).toMatch(/1\/1 biểu đồ không xuất được: chart \/ 1 of 1 charts failed: chart/);
  });

  it('refuses a FIFO or a device as data, before reading it', async () => {
    const { project } = playground();
    const r = await renderSpec(project, bar('/dev/zero'), '--allow-path');
    expect(r.code).toBe(1);
    const inside = join(project, 'zero.csv');
    symlinkSync('/dev/zero', inside);
    // Inside the folder by name, a device by its real path: refused either way.
    const r2 = await renderSpec(project, bar('zero.csv'));
    expect(r2.code).toBe(1);
    expect(r2.io.err).toMatch(/RENDER_PATH_OUTSIDE|DATA_NOT_A_FILE/);
  });

  it('config paths (data.file, topology) stay inside the folder unless --allow-path; errors never quote the file', async () => {
    const { top, project } = playground();
    writeFileSync(join(top, 'shared.csv'), readFileSync('data/observations/poverty_rate.csv'));
    const config = join(project, 'charts.json');
    writeFileSync(
      config,
      JSON.stringify({
        data: { poverty: { file: '../shared.csv' } },
        charts: [
          { id: 'line', type: 'line', data: 'poverty', query: { select: { regions: ['42'] } } },
          { id: 'map', type: 'map', data: 'poverty', query: { select: { periods: ['2016'] } }, options: { topology: '../secret.txt' } },
        ],
      }),
    );
    const io = bufferIO();
    expect(await main(['render', config, '--out', join(project, 'out')], io)).toBe(1);
    expect(io.err.match(/\[RENDER_PATH_OUTSIDE\]/g)?.length).toBeGreaterThanOrEqual(2);
    const allowed = bufferIO();
    expect(await main(['render', config, '--out', join(project, 'out2'), '--allow-path'], allowed)).toBe(1);
    // The line is drawn; the "topology" is not JSON, and its text is not shown.
    expect(existsSync(join(project, 'out2', 'line.svg'))).toBe(true);
    expect(allowed.err).toContain('[RENDER_BAD_JSON]');
    expect(allowed.err).not.toContain('hunter2');
    expect(allowed.err).not.toContain('TOKEN');
  });
});

describe('chiso render and the network', () => {
  it('refuses a remote data URL without --allow-net, and never opens it as a path', async () => {
    const { project } = playground();
    const { code, io } = await renderSpec(project, bar('https://example.invalid/stocks.csv'));
    expect(code).toBe(1);
    expect(io.err).toContain('[RENDER_NET_REFUSED]');
    expect(io.err).not.toContain('ENOENT');
  });

  it('fetches it over HTTP with --allow-net', async () => {
    const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end('a,b\nx,1\ny,2\nz,3\n'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { project } = playground();
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/values.csv`;
      const { code, svg } = await renderSpec(project, bar(url), '--allow-net');
      expect(code).toBe(0);
      expect(svg?.match(/aria-roledescription="bar"/g)).toHaveLength(3);
    } finally {
      server.close();
    }
  });
});

describe('chiso render and large remote data', () => {
  it('refuses a remote file past the size of a chart\'s data, announced or streamed', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/announced.csv') {
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(200 * 2 ** 20) });
        res.end('a,b\n');
        return;
      }
      // 60 MB sent without a length, chunk by chunk.
      res.writeHead(200, { 'content-type': 'text/csv' });
      const chunk = Buffer.alloc(2 ** 20, 0x31);
      let sent = 0;
      const pump = () => {
        while (sent < 60 && res.write(chunk)) sent++;
        if (sent >= 60) res.end();
        else res.once('drain', () => (sent++, pump()));
      };
      res.on('error', () => undefined);
      res.write('a,b\n');
      pump();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { project } = playground();
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      for (const path of ['/announced.csv', '/streamed.csv']) {
        const { code, io } = await renderSpec(project, bar(base + path), '--allow-net');
        expect(code, path).toBe(1);
        expect(io.err, path).toContain('[RENDER_FILE_TOO_LARGE]');
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('chiso render writes only where it should', () => {
  it('does not write through a symlink planted in --out', async () => {
    const { secret, project } = playground();
    const out = join(project, 'out');
    mkdirSync(out);
    symlinkSync(secret, join(out, 'chart.svg'));
    writeFileSync(join(project, 'chart.vl.json'), JSON.stringify(bar('values.csv')));
    const io = bufferIO();
    expect(await main(['render', join(project, 'chart.vl.json'), '--out', out], io)).toBe(1);
    expect(io.err).toContain('[RENDER_OUT_SYMLINK]');
    expect(readFileSync(secret, 'utf8')).toBe('TOKEN=hunter2-do-not-leak\n');
  });
});

describe('one chart never stops the batch', () => {
  it('a javascript: link from data is dropped, and the charts after it are written', async () => {
    const { project } = playground();
    const linked = { data: { values: [{ a: 'x', b: 1, u: 'javascript:alert(1)' }, { a: 'y', b: 2, u: 'https://gso.gov.vn' }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' }, href: { field: 'u' } } };
    const config = join(project, 'charts.json');
    writeFileSync(config, JSON.stringify({ data: {}, charts: [{ id: 'linked', spec: linked }, { id: 'after', spec: { ...linked, encoding: { ...linked.encoding, href: undefined } } }] }));
    const io = bufferIO();
    expect(await main(['render', config, '--out', join(project, 'out')], io)).toBe(0);
    const svg = readFileSync(join(project, 'out', 'linked.svg'), 'utf8');
    // The link is gone; the value stays as text in the bar's label.
    expect(svg).not.toMatch(/href="\s*javascript:/i);
    expect(svg).toContain('<a xlink:href="https://gso.gov.vn">');
    expect(readdirSync(join(project, 'out')).sort()).toEqual(['after.svg', 'linked.svg']);
  });

  it('refuses a PNG over the pixel cap with a clear error, before drawing it', async () => {
    const { project } = playground();
    const big = { ...bar('values.csv'), width: 4000, height: 3000 };
    const { code, io } = await renderSpec(project, big, '--format', 'png', '--scale', '10');
    expect(code).toBe(1);
    expect(io.err).toContain('[RENDER_TOO_MANY_PIXELS]');
    expect(io.err).toMatch(/lower --scale/);
    const svg = await renderSvg(big as never, { root: project });
    const e = await renderPng(svg, { scale: 10 }).then(() => null, (x: unknown) => x);
    expect(isChisoError(e) && e.code).toBe('RENDER_TOO_MANY_PIXELS');
  });
});
