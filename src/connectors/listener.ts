/**
 * `queryListener`: a Node `http` request listener that serves `POST /query` for `HttpQueryConnector`
 * and survives strangers. The body is capped while it is read (413, and the connection closed: a
 * 300 MB body is never read), the whole request has a time limit that stops the database query too,
 * a client that goes away cancels its query, at most `maxConcurrent` queries run at once (503 with
 * `Retry-After` past that), and every refusal is a diagnostic with its code and a line of JSON in
 * the log. Nothing a client sends or does makes the listener throw.
 */
import '../messages/sql.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, errorAnswer, handleQueryRequest, logLine, type QueryAnswer } from './serve.js';
import { diagnostic } from '../errors.js';
import type { Connector } from './connector.js';

export interface QueryListenerOptions {
  /** The path served. Default `/query`. */
  path?: string;
  /** Largest request body, in bytes. Default 64 KiB: a spec is small. */
  maxBody?: number;
  /** Milliseconds for the whole request, body and query; past it the query is stopped and the answer is 503. Default 10,000. */
  timeout?: number;
  /** Queries running at once; one more is answered 503 at once. Default 4. */
  maxConcurrent?: number;
  /** Seconds sent in `Retry-After` with a 503. Default 2. */
  retryAfter?: number;
  /** An origin allowed to call from another page (CORS). Default: none. */
  allowOrigin?: string;
  /** Receives one line of JSON per refused or failed request. Default: `console.error`. */
  log?: (line: string) => void;
  /** Other requests (another path, or a method other than POST). Default: 404. */
  onOther?: (req: IncomingMessage, res: ServerResponse) => void;
}

export const QUERY_LISTENER_DEFAULTS = { path: '/query', maxBody: 64 * 1024, timeout: 10_000, maxConcurrent: 4, retryAfter: 2 } as const;

type Body = { text: string } | { refused: 'too-large' | 'gone' | 'late' };

/** Reads the body up to `max` bytes; stops reading (and keeps nothing more) the moment it is over. */
function readBody(req: IncomingMessage, max: number, signal: AbortSignal): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const done = (b: Body) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onClose);
      signal.removeEventListener('abort', onLate);
      if ('refused' in b) req.pause();
      resolve(b);
    };
    const onData = (c: Uint8Array) => {
      size += c.length;
      if (size > max) done({ refused: 'too-large' });
      else chunks.push(c);
    };
    const onEnd = () => done({ text: Buffer.concat(chunks).toString('utf8') });
    const onGone = () => done({ refused: 'gone' });
    const onClose = () => {
      if (!req.complete) onGone();
    };
    const onLate = () => done({ refused: signal.reason?.name === 'TimeoutError' ? 'late' : 'gone' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onClose);
    signal.addEventListener('abort', onLate, { once: true });
  });
}

/** A request listener for `http.createServer`; see the module's comment for what it guards. */
export function queryListener(connector: Connector, options: QueryListenerOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const { path, maxBody, timeout, maxConcurrent, retryAfter } = { ...QUERY_LISTENER_DEFAULTS, ...options };
  const log = options.log ?? ((line: string) => console.error(line));
  const cors: Record<string, string> = options.allowOrigin ? { 'access-control-allow-origin': options.allowOrigin, vary: 'origin' } : {};
  let running = 0;

  /** `logged`: handleQueryRequest has logged the refusal already; `close`: the body may be left unread. */
  const send = (req: IncomingMessage, res: ServerResponse, answer: QueryAnswer, { headers = {}, close = false, logged = false }: { headers?: Record<string, string>; close?: boolean; logged?: boolean } = {}): void => {
    if (res.headersSent || res.destroyed) return;
    if (!logged && 'error' in answer.body) log(logLine({ status: answer.status, code: answer.body.error.code, message: answer.body.error.en }));
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...cors, ...headers, ...(close ? { connection: 'close' } : {}) });
    // A body left unread is not read at all: the connection closes once the answer is out.
    res.end(JSON.stringify(answer.body), () => {
      if (close) req.socket.destroySoon();
    });
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = (req.url ?? '').split('?')[0];
    if (url !== path || (req.method !== 'POST' && !(req.method === 'OPTIONS' && options.allowOrigin))) {
      if (options.onOther) return options.onOther(req, res);
      res.writeHead(404).end();
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type' }).end();
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(req, res, badRequest('the body must be JSON', 'nội dung phải là JSON', 415), { close: true });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) return send(req, res, errorAnswer(413, diagnostic('SQL_BODY_TOO_LARGE', { max: maxBody })), { close: true });
    if (running >= maxConcurrent) {
      return send(req, res, errorAnswer(503, diagnostic('SQL_SERVER_BUSY', { limit: maxConcurrent, seconds: retryAfter })), { headers: { 'retry-after': String(retryAfter) }, close: true });
    }
    running++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('the request took too long', 'TimeoutError')), timeout);
    // The client went before its answer: stop reading, stop the query.
    const onClose = () => {
      if (!res.writableFinished) controller.abort(new DOMException('the client went away', 'AbortError'));
    };
    res.on('close', onClose);
    try {
      const body = await readBody(req, maxBody, controller.signal);
      if ('refused' in body) {
        if (body.refused === 'too-large') return send(req, res, errorAnswer(413, diagnostic('SQL_BODY_TOO_LARGE', { max: maxBody })), { close: true });
        if (body.refused === 'late') return send(req, res, errorAnswer(408, diagnostic('SQL_SERVER_TIMEOUT', { seconds: timeout / 1000 })), { close: true });
        log(logLine({ status: 499, code: 'SQL_CLIENT_GONE', message: 'the client closed the connection before its body was read' }));
        return;
      }
      const answer = await handleQueryRequest(connector, body.text, { signal: controller.signal, log });
      if (controller.signal.aborted && controller.signal.reason?.name !== 'TimeoutError') {
        log(logLine({ status: 499, code: 'SQL_CLIENT_GONE', message: 'the client closed the connection before its answer' }));
        return;
      }
      if (controller.signal.aborted) return send(req, res, errorAnswer(503, diagnostic('SQL_SERVER_TIMEOUT', { seconds: timeout / 1000 })), { headers: { 'retry-after': String(retryAfter) } });
      send(req, res, answer, { logged: true });
    } finally {
      clearTimeout(timer);
      res.off('close', onClose);
      running--;
    }
  };

  return (req, res) => {
    // Errors on the sockets (a reset mid-answer) are the client's; they must not reach the process.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    serve(req, res).catch((e: unknown) => {
      log(logLine({ status: 500, code: 'SQL_SERVER_FAILED', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }));
      send(req, res, errorAnswer(500, diagnostic('SQL_SERVER_FAILED', {})), { close: true });
    });
  };
}
