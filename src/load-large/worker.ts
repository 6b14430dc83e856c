/**
 * The loading worker (a module worker): it loads the source it is sent, posts progress as it goes,
 * and posts the table with its typed arrays transferred, so the page never parses a byte.
 */
import { isChisoError } from '../errors.js';
import { loadLarge } from './load.js';
import { openSource } from './open.js';
import { transferables, type LoadReply, type LoadRequest } from './protocol.js';

interface WorkerScope {
  onmessage: ((e: MessageEvent<LoadRequest>) => void) | null;
  postMessage(message: LoadReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = async (e) => {
  const { source, options } = e.data;
  const file = options.file ?? (typeof source === 'string' ? source : (source as File).name ?? 'input');
  try {
    const { stream, size } = await openSource(source, file);
    const table = await loadLarge(stream, {
      ...options,
      file,
      ...(options.totalBytes === undefined && size !== null ? { totalBytes: size } : {}),
      onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
    });
    scope.postMessage({ type: 'done', table }, transferables(table));
  } catch (err) {
    scope.postMessage({
      type: 'error',
      diagnostics: isChisoError(err) ? err.diagnostics : null,
      message: err instanceof Error ? err.message : String(err),
    });
  }
};
