/**
 * PNGs of a batch drawn in a child process, one chart at a time. resvg is native code: on some
 * drawings it aborts the whole process (resvg-js 2.6.2 on Vega-Lite's `geo_custom_projection`,
 * SIGABRT), which no try/catch can stop. In a child, that chart fails with RENDER_RASTER_CRASHED
 * and the next chart gets a new child.
 */
import '../../messages/render.js';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ChisoError, diagnostic, type Diagnostic } from '../../errors.js';
import { checkPixels } from './png.js';

type Answer = { id: number; png?: Uint8Array; error?: { diagnostics?: Diagnostic[]; message?: string } };

export class RasterProcess {
  #child: ChildProcess | null = null;
  #next = 0;
  #pending = new Map<number, { resolve: (png: Uint8Array) => void; reject: (e: unknown) => void }>();

  #start(): ChildProcess {
    const self = fileURLToPath(import.meta.url);
    // From the sources (tests), the child is TypeScript too, run through tsx.
    const ts = self.endsWith('.ts');
    // Loaded here, on the first PNG: an SVG-only run does not pay for child_process (and net, dgram) at start.
    const { fork } = process.getBuiltinModule('node:child_process');
    const child = fork(self.replace(/raster\.(ts|js)$/, `raster-child.$1`), [], {
      serialization: 'advanced',
      execArgv: ts ? ['--import', 'tsx'] : [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    // A send to a child that has just died: its exit handler rejects what was pending.
    child.on('error', () => undefined);
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-400)));
    child.on('message', (a: Answer) => {
      const p = this.#pending.get(a.id);
      if (!p) return;
      this.#pending.delete(a.id);
      if (a.png) p.resolve(new Uint8Array(a.png));
      else if (a.error?.diagnostics?.length) p.reject(new ChisoError(a.error.diagnostics[0], a.error.diagnostics.slice(1)));
      else p.reject(new ChisoError(diagnostic('RENDER_RASTER_CRASHED', { detail: a.error?.message ?? '?' })));
    });
    child.on('exit', (code, signal) => {
      if (this.#child === child) this.#child = null;
      const last = stderr.trim().split('\n').at(-1) ?? '';
      const detail = `${signal ?? `exit ${code}`}${last ? `: ${last}` : ''}`.replace(/[\u0000-\u001f\u007f]/g, ' ');
      for (const p of this.#pending.values()) p.reject(new ChisoError(diagnostic('RENDER_RASTER_CRASHED', { detail })));
      this.#pending.clear();
    });
    return child;
  }

  /** The PNG of `svg` at `scale` (and `dpi` in its pHYs); over the pixel cap it is refused before any drawing. */
  render(svg: string, scale: number, dpi?: number): Promise<Uint8Array> {
    checkPixels(svg, scale);
    const child = (this.#child ??= this.#start());
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      child.send({ id, svg, scale, dpi });
    });
  }

  /** Ends the child; the batch calls it when done. */
  close(): void {
    this.#child?.kill();
    this.#child = null;
  }
}
