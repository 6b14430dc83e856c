/**
 * The child process that draws PNGs for a batch (see raster.ts): one SVG in, PNG bytes out, by IPC.
 * resvg is native code; if it aborts on a drawing, only this process dies.
 */
import { renderPng } from './png.js';
import { isChisoError } from '../../errors.js';

interface Job {
  id: number;
  svg: string;
  scale: number;
  dpi?: number;
}

process.on('message', (job: Job) => {
  renderPng(job.svg, { scale: job.scale, dpi: job.dpi }).then(
    (png) => process.send?.({ id: job.id, png }),
    (e: unknown) => process.send?.({ id: job.id, error: isChisoError(e) ? { diagnostics: e.diagnostics } : { message: e instanceof Error ? e.message : String(e) } }),
  );
});
