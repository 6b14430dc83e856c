/**
 * What a render may read and write. A chart config or a raw spec can come from anyone (a colleague's
 * report, a downloaded gallery): it may name `file:///proc/self/environ`, `../../etc/passwd` or an
 * address on the network. Reads stay inside one folder (the config's), compared after resolving
 * symlinks; the network is reached only when allowed, only over HTTP(S), and never as a path; files
 * are written without following a symlink planted where an output goes.
 */
import '../../messages/render.js';
import { closeSync, constants, openSync, realpathSync, writeSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type * as Vega from 'vega';
import { vega } from './vega.js';
import { ChisoError, diagnostic, fail } from '../../errors.js';
import { FILE_LIMITS, readCheckedFile } from '../../data/file-check.js';

export interface FileAccess {
  /** The folder whose files may be read, symlinks resolved. */
  root: string;
  /** Read any path the user can (config paths, `--allow-path`). Default `false`. */
  anyPath?: boolean;
  /** Fetch `http:`/`https:` URLs (`--allow-net`). Default `false`. */
  net?: boolean;
  /** An `http(s):` address relative data URLs are taken from, instead of the root. Default: none. */
  base?: string;
}

/** `path` (relative to the root, or absolute) as a real path inside the root; else `RENDER_PATH_OUTSIDE`. */
export function pathInside(path: string, access: FileAccess, shownAs = path): string {
  const root = realpathSync(access.root);
  const wanted = resolve(root, path);
  if (access.anyPath) return wanted;
  const outside = () => fail('RENDER_PATH_OUTSIDE', { path: shownAs, root: access.root });
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || isAbsolute(path)) outside();
  const inside = (p: string) => {
    const r = relative(root, p);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r) && !r.startsWith(sep));
  };
  if (!inside(wanted)) outside();
  let real: string;
  try {
    real = realpathSync(wanted);
  } catch {
    // Missing: the reader says so, naming the path as written.
    return wanted;
  }
  if (!inside(real)) outside();
  return real;
}

/** Vega's whitespace-stripping before it reads a scheme, so `java\tscript:` is seen as `javascript:`. */
const blanks = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205f\u3000]/g;

/** Links kept in an exported SVG: the web, mail, and anchors; never `javascript:`, `file:` or `data:`. */
function safeHref(uri: unknown): string | null {
  if (typeof uri !== 'string') return null;
  const bare = uri.replace(blanks, '');
  if (/^(https?:|mailto:|#)/i.test(bare)) return uri;
  // A relative link (no scheme) is kept; anything with another scheme is dropped.
  return /^[a-z][a-z0-9+.-]*:/i.test(bare) ? null : uri;
}

/**
 * A Vega loader that reads data under `access`, and records each failure in `failures` (Vega itself
 * only warns when data fails to load, and would draw an empty chart).
 */
export function sandboxLoader(access: FileAccess, failures: ChisoError[]): Vega.Loader {
  const base = vega.loader();
  const refuse = (e: unknown): never => {
    const err = e instanceof ChisoError ? e : new ChisoError(diagnostic('RENDER_DATA_LOAD_FAILED', { url: '?', detail: e instanceof Error ? e.message : String(e) }));
    failures.push(err);
    throw err;
  };
  const loader = {
    ...base,
    options: {},
    fileAccess: true,
    async sanitize(uri: string, options?: { context?: string }): Promise<{ href: string | null }> {
      if (options?.context === 'href') return { href: safeHref(uri) };
      return { href: uri };
    },
    async load(uri: string, options?: { http?: { response?: string } }): Promise<string | Uint8Array> {
      try {
        if (typeof uri !== 'string') fail('RENDER_DATA_LOAD_FAILED', { url: String(uri), detail: 'not a URL' });
        let bare = uri.replace(blanks, '');
        if (access.base && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(bare)) bare = new URL(bare, access.base).href;
        if (/^(https?:)?\/\//i.test(bare)) {
          if (!access.net) fail('RENDER_NET_REFUSED', { url: uri });
          const url = bare.startsWith('//') ? `https:${bare}` : bare;
          const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(NET_TIMEOUT_MS) });
          // A redirect may not leave HTTP(S).
          if (!/^https?:/i.test(res.url || url)) fail('RENDER_NET_REFUSED', { url: res.url });
          if (!res.ok) fail('RENDER_DATA_LOAD_FAILED', { url: uri, detail: `HTTP ${res.status}` });
          const bytes = await readCapped(res, uri);
          return options?.http?.response === 'arrayBuffer' ? bytes : new TextDecoder().decode(bytes);
        }
        // Vega's own reader answers bytes too; its parsers turn them into text where they need it.
        return readCheckedFile(pathInside(uri, { ...access, anyPath: false }), uri, { maxBytes: FILE_LIMITS.renderBytes, tooLarge: 'RENDER_FILE_TOO_LARGE' });
      } catch (e) {
        return refuse(e);
      }
    },
  };
  return loader as unknown as Vega.Loader;
}

/** How long a remote data file may take to arrive. */
const NET_TIMEOUT_MS = 30_000;

/** A response's body, refused past the size a chart's data file may have (the same as on disk). */
async function readCapped(res: Response, url: string): Promise<Uint8Array> {
  const max = FILE_LIMITS.renderBytes;
  const tooLarge = (size: number) => fail('RENDER_FILE_TOO_LARGE', { size: (size / 2 ** 20).toFixed(0), max: (max / 2 ** 20).toFixed(0) }, { file: url });
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > max) tooLarge(declared);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (;;) {
    const part = reader ? await reader.read() : { done: true as const, value: undefined };
    if (part.done) break;
    size += part.value.length;
    if (size > max) {
      await reader?.cancel();
      tooLarge(size);
    }
    chunks.push(part.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.length));
  return out;
}

/** Writes `data` to `path`, refusing to follow a symlink that stands there (`RENDER_OUT_SYMLINK`). */
export function writeFileNoFollow(path: string, data: string | Uint8Array): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') fail('RENDER_OUT_SYMLINK', { path });
    throw e;
  }
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
  } finally {
    closeSync(fd);
  }
}
