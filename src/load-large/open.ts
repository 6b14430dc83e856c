/** A source the browser can stream: a `Blob`/`File` the page holds, or an address fetched. */
import '../messages/cube.js';
import { fail } from '../errors.js';
import type { ByteSource } from './load.js';

export async function openSource(source: Blob | string, file: string): Promise<{ stream: ByteSource; size: number | null }> {
  if (typeof source !== 'string') return { stream: source.stream(), size: source.size };
  let res: Response;
  try {
    res = await fetch(source);
  } catch (e) {
    return fail('LOAD_LARGE_READ_FAILED', { file, detail: e instanceof Error ? e.message : String(e) }, { file });
  }
  if (!res.ok || !res.body) fail('LOAD_LARGE_READ_FAILED', { file, detail: `HTTP ${res.status}` }, { file });
  const length = Number(res.headers.get('content-length'));
  // A compressed response's length is not the length of the bytes the stream gives.
  const encoded = (res.headers.get('content-encoding') ?? 'identity') !== 'identity';
  return { stream: res.body, size: Number.isFinite(length) && length > 0 && !encoded ? length : null };
}
