/**
 * The page's side: `loadLargeInWorker` hands a file or an address to a module worker and resolves to
 * the table, with progress events on the way; the page's main thread stays free to draw. Where no
 * worker can start (no `Worker`, or a policy that forbids it) the load runs on the main thread, in
 * chunks that yield between them.
 */
import '../messages/cube.js';
import { ChisoError, diagnostic } from '../errors.js';
import { loadLarge } from './load.js';
import { openSource } from './open.js';
import type { LoadReply, LoadRequest } from './protocol.js';
import type { LargeLoadOptions, LargeTable } from './types.js';

export interface WorkerLoadOptions extends LargeLoadOptions {
  /** Makes the worker. Default: the module worker beside this file. */
  worker?: () => Worker;
}

export interface WorkerLoad {
  table: LargeTable;
  /** Where the load ran: `worker`, or `main` when no worker could start. */
  thread: 'worker' | 'main';
}

function defaultWorker(): Worker {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

async function onMainThread(source: Blob | string, options: LargeLoadOptions): Promise<WorkerLoad> {
  const file = options.file ?? (typeof source === 'string' ? source : (source as File).name ?? 'input');
  const { stream, size } = await openSource(source, file);
  const table = await loadLarge(stream, { ...options, file, ...(options.totalBytes === undefined && size !== null ? { totalBytes: size } : {}) });
  return { table, thread: 'main' };
}

/** Loads `source` (a `File`/`Blob`, or an address) in a worker. Rejects with a `ChisoError`. */
export function loadLargeInWorker(source: Blob | string, options: WorkerLoadOptions = {}): Promise<WorkerLoad> {
  const { worker: make = defaultWorker, onProgress, ...rest } = options;
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') return onMainThread(source, options);
    worker = make();
  } catch {
    return onMainThread(source, options);
  }
  return new Promise<WorkerLoad>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<LoadReply>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress?.(m.progress);
      else {
        worker.terminate();
        if (m.type === 'done') resolve({ table: m.table, thread: 'worker' });
        else {
          const [first, ...more] = m.diagnostics ?? [diagnostic('LOAD_LARGE_READ_FAILED', { file: options.file ?? 'input', detail: m.message })];
          reject(new ChisoError(first, more));
        }
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new ChisoError(diagnostic('LOAD_LARGE_READ_FAILED', { file: options.file ?? 'input', detail: e.message || 'worker failed' })));
    };
    const request: LoadRequest = { source, options: rest };
    worker.postMessage(request);
  });
}
