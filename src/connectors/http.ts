/**
 * Connectors over HTTP, with the host page's or process's own `fetch`.
 *
 * - `HttpQueryConnector` posts the query spec (`{ spec }`) to an endpoint that compiles and runs it
 *   (see `handleQueryRequest`). This is the one for pages: the server decides what SQL runs.
 * - `HttpSqlConnector` compiles here and posts `{ sql, params }` to a trusted SQL gateway (a Node
 *   process talking to an internal service). Never expose an endpoint that runs posted SQL to pages.
 *
 * Both expect JSON `{ rows: [...] }` (and `diagnostics` for the spec endpoint), or `{ error }` with a
 * chiso diagnostic, which they throw again as a `ChisoError` with the same code.
 */
import '../messages/sql.js';
import { ChisoError, fail, type Diagnostic } from '../errors.js';
import { warn } from '../query/execute.js';
import type { QueryRegistry } from '../query/registry-view.js';
import type { QuerySpec, Row } from '../query/spec.js';
import type { SqlDialect, SqlParam } from '../sql/dialect.js';
import { normalizeRow, type SqlDriver } from '../sql/run.js';
import type { SqlTableOptions } from '../sql/table.js';
import type { Connector, ConnectorQueryOptions } from './connector.js';
import { SqlConnector } from './sql.js';

/** The part of `fetch` the connectors use. */
export type FetchLike = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

interface Answer {
  rows?: unknown;
  diagnostics?: unknown;
  error?: { code?: unknown; vi?: unknown; en?: unknown };
}

function isDiagnostic(d: unknown): d is Diagnostic {
  const o = d as Diagnostic;
  return typeof o === 'object' && o !== null && typeof o.code === 'string' && typeof o.vi === 'string' && typeof o.en === 'string';
}

/** Characters of a non-JSON body a message quotes. */
const QUOTED = 160;

/**
 * The start of a body that is not JSON, for a message: a proxy's error page reads as its text
 * ("502 Bad Gateway"), not as its markup. Shown as text either way. One pass with `indexOf`, never a
 * backtracking pattern: a page of 300 KB of unclosed `<script` or `<` must not freeze the reader's tab.
 */
function readable(raw: string): string {
  const lower = raw.toLowerCase();
  let out = '';
  let i = 0;
  // Enough text for the quote once runs of blanks are folded; what follows is never read.
  while (i < raw.length && out.length < QUOTED * 8) {
    const lt = raw.indexOf('<', i);
    if (lt === -1) {
      out += raw.slice(i, i + QUOTED * 8);
      break;
    }
    out += raw.slice(i, Math.min(lt, i + QUOTED * 8)) + ' ';
    const element = lower.startsWith('<script', lt) ? '</script' : lower.startsWith('<style', lt) ? '</style' : null;
    const close = element ? lower.indexOf(element, lt) : lt;
    const end = close === -1 ? -1 : raw.indexOf('>', close);
    if (end === -1) break;
    i = end + 1;
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, QUOTED);
}

/** How long an endpoint has to answer before the query fails, by default. */
export const HTTP_TIMEOUT_MS = 30_000;

/** The timeout a connector was given, checked when it is made: milliseconds ≥ 0, else `SQL_BAD_TIMEOUT`. */
function timeoutOf(value: unknown): number {
  if (value === undefined) return HTTP_TIMEOUT_MS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return fail('SQL_BAD_TIMEOUT', { value: String(value) });
  return value;
}

interface PostOptions {
  headers: Record<string, string>;
  /** Milliseconds; 0 waits for ever. */
  timeout: number;
  signal?: AbortSignal;
}

async function post(fetcher: FetchLike, url: string, body: unknown, { headers, timeout, signal }: PostOptions): Promise<Answer> {
  if (signal?.aborted) fail('SQL_HTTP_ABORTED', { url });
  // One controller for the request: the caller's signal and the timeout both abort it. The race below
  // also stops the wait for a `fetch` that does not listen to signals.
  const controller = new AbortController();
  let reason: 'timeout' | 'aborted' | null = null;
  const stop = (why: 'timeout' | 'aborted') => {
    reason ??= why;
    controller.abort();
  };
  const onAbort = () => stop('aborted');
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = timeout > 0 ? setTimeout(() => stop('timeout'), timeout) : undefined;
  const stopped = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
  let res: Awaited<ReturnType<FetchLike>>;
  let raw: string;
  try {
    ({ res, raw } = await Promise.race([
      (async () => {
        const r = await fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: controller.signal });
        return { res: r, raw: await r.text() };
      })(),
      stopped,
    ]));
  } catch (e) {
    if (reason === 'timeout') return fail('SQL_HTTP_TIMEOUT', { url, seconds: String(Math.round(timeout / 100) / 10) });
    if (reason === 'aborted') return fail('SQL_HTTP_ABORTED', { url });
    // No answer at all: offline, the server down, or a policy (connect-src) that does not allow the URL.
    return fail('SQL_HTTP_UNREACHABLE', { url, detail: e instanceof Error ? e.message : String(e) });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  let answer: Answer;
  try {
    answer = JSON.parse(raw) as Answer;
  } catch {
    if (!res.ok) fail('SQL_HTTP_FAILED', { url, status: res.status, detail: readable(raw) });
    return fail('SQL_BAD_RESPONSE', { url, detail: readable(raw) });
  }
  if (answer && isDiagnostic(answer.error)) throw new ChisoError({ ...answer.error, level: 'error' });
  if (!res.ok) fail('SQL_HTTP_FAILED', { url, status: res.status, detail: '' });
  if (!answer || !Array.isArray(answer.rows)) fail('SQL_BAD_RESPONSE', { url, detail: raw.slice(0, 200) });
  return answer;
}

function defaultFetch(): FetchLike {
  return globalThis.fetch.bind(globalThis) as unknown as FetchLike;
}

export interface HttpQueryConnectorOptions {
  /** The endpoint, e.g. `/api/query` (same origin, so a CSP's `connect-src 'self'` allows it). */
  url: string;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Extra request headers (e.g. a CSRF token). Default: none. */
  headers?: Record<string, string>;
  /** Milliseconds the endpoint has to answer before the query fails with `SQL_HTTP_TIMEOUT`; 0 waits for ever. Default 30,000. */
  timeout?: number;
}

export class HttpQueryConnector implements Connector {
  readonly name = 'http';
  private readonly options: HttpQueryConnectorOptions;

  readonly #timeout: number;

  constructor(options: HttpQueryConnectorOptions) {
    this.options = options;
    this.#timeout = timeoutOf(options.timeout);
  }

  async query(spec: QuerySpec, options: ConnectorQueryOptions = {}): Promise<Row[]> {
    const { url, headers = {} } = this.options;
    const answer = await post(this.options.fetch ?? defaultFetch(), url, { spec }, { headers, timeout: this.#timeout, signal: options.signal });
    const rows = (answer.rows as Record<string, unknown>[]).map((r) => normalizeRow(r));
    if (Array.isArray(answer.diagnostics)) for (const d of answer.diagnostics) if (isDiagnostic(d)) (options.onDiagnostic ?? warn)(d);
    return rows;
  }
}

export interface HttpSqlConnectorOptions {
  /** The SQL gateway's address. */
  url: string;
  dialect: SqlDialect;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Extra request headers (e.g. authorization). Default: none. */
  headers?: Record<string, string>;
  /** Milliseconds the gateway has to answer each statement before the query fails with `SQL_HTTP_TIMEOUT`; 0 waits for ever. Default 30,000. */
  timeout?: number;
  /** The table read. Default: `observations` with the eleven observation columns. */
  table?: SqlTableOptions;
  /** Indicator catalogue and admin units. Default: chiso's registry. */
  registry?: QueryRegistry;
}

/** A driver posting `{ sql, params }` and reading `{ rows }`. */
export function httpSqlDriver(options: { url: string; fetch?: FetchLike; headers?: Record<string, string>; timeout?: number }): SqlDriver {
  const timeout = timeoutOf(options.timeout);
  return async (sql: string, params: readonly SqlParam[]) => {
    const answer = await post(options.fetch ?? defaultFetch(), options.url, { sql, params }, { headers: options.headers ?? {}, timeout });
    return answer.rows as Record<string, unknown>[];
  };
}

export class HttpSqlConnector extends SqlConnector {
  constructor(options: HttpSqlConnectorOptions) {
    super({ dialect: options.dialect, driver: httpSqlDriver(options), table: options.table, registry: options.registry, name: `http-${options.dialect}` });
  }
}
