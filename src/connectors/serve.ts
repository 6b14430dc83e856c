/**
 * The server side of `HttpQueryConnector`: a request body in, a status and a JSON body out, for any
 * Node HTTP framework. The spec is validated and compiled on the server; the page never sends SQL.
 * A stranger may post anything: every refusal is a diagnostic with its code, never a crash, and
 * what the page is not told (an engine's own message) goes to the log as one line of JSON.
 */
import '../messages/query.js';
import '../messages/sql.js';
import { diagnostic, isChisoError, type Diagnostic } from '../errors.js';
import type { QuerySpec, Row } from '../query/spec.js';
import type { Connector } from './connector.js';
import { jsonDepth } from '../data/json.js';
import { validateQuery } from '../query/validate.js';

export interface QueryAnswer {
  status: number;
  body: { rows: Row[]; diagnostics: Diagnostic[] } | { error: Pick<Diagnostic, 'code' | 'vi' | 'en'> };
}

/** What a request body may hold before it reaches the query's own validation. */
export const REQUEST_LIMITS = {
  /** Levels of objects and arrays in the body; a spec needs fewer than ten. */
  depth: 32,
} as const;

export interface QueryRequestOptions {
  /** Aborted when the client has gone or the request's time ran out: the connector stops the query. */
  signal?: AbortSignal;
  /** Receives one line of JSON (control characters escaped) per refused or failed request. Default: `console.error`. */
  log?: (line: string) => void;
}

/** One log line: JSON, so a value from a stranger cannot forge lines or reach a terminal raw. */
export function logLine(fields: Record<string, unknown>): string {
  return JSON.stringify({ time: new Date().toISOString(), ...fields }).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** A short reference shared by the answer and the log line, so an administrator finds one from the other. */
function reference(): string {
  return globalThis.crypto.randomUUID().slice(0, 8);
}

/** The first value of a parsed body that no engine takes as it is: a NUL in a string, a number past 2^53. */
function unusable(value: unknown): { en: string; vi: string } | null {
  // Iterative, with the depth of each value: a body parsed by a framework was never depth-checked as text.
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (depth > REQUEST_LIMITS.depth) return { en: `the body is nested more than ${REQUEST_LIMITS.depth} levels deep`, vi: `nội dung lồng nhau quá ${REQUEST_LIMITS.depth} tầng` };
    if (typeof v === 'string') {
      if (v.includes('\0')) return { en: 'a string contains a NUL character (U+0000)', vi: 'một chuỗi chứa ký tự NUL (U+0000)' };
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER) {
        return { en: `the number ${String(v)} is larger than 2^53`, vi: `số ${String(v)} lớn hơn 2^53` };
      }
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) stack.push([k, depth + 1], [x, depth + 1]);
    }
  }
  return null;
}

/** An answer that refuses with a diagnostic, in both languages. */
export function errorAnswer(status: number, d: Diagnostic): QueryAnswer {
  return { status, body: { error: { code: d.code, vi: d.vi, en: d.en } } };
}

export function badRequest(en: string, vi: string, status = 400): QueryAnswer {
  return errorAnswer(status, diagnostic('SQL_BAD_REQUEST', { detail: en, detailVi: vi }));
}

/** Runs `{ spec }` from a request body (text or parsed) on a connector. Never rejects. */
export async function handleQueryRequest(connector: Connector, body: unknown, options: QueryRequestOptions = {}): Promise<QueryAnswer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const refuse = (answer: QueryAnswer, fields: Record<string, unknown> = {}): QueryAnswer => {
    const error = 'error' in answer.body ? answer.body.error : undefined;
    log(logLine({ status: answer.status, code: error?.code, message: error?.en, ...fields }));
    return answer;
  };
  let parsed: unknown = body;
  if (typeof body === 'string') {
    // Checked before parsing: the parser and every walk after it would recurse as deep as the text.
    if (jsonDepth(body) > REQUEST_LIMITS.depth) return refuse(errorAnswer(400, diagnostic('QUERY_TOO_DEEP', { where: 'body', max: REQUEST_LIMITS.depth })));
    try {
      parsed = JSON.parse(body);
    } catch {
      return refuse(badRequest('the body is not JSON', 'nội dung không phải JSON'));
    }
  }
  if (typeof parsed !== 'object' || parsed === null || !('spec' in parsed)) return refuse(badRequest('the body needs { spec }', 'nội dung cần có { spec }'));
  const diagnostics: Diagnostic[] = [];
  try {
    // The spec's own budgets first (the same refusals, with the same codes, as every executor gives);
    // what is left unusable elsewhere in the body after that is refused as a bad request.
    validateQuery((parsed as { spec: unknown }).spec);
    const bad = unusable(parsed);
    if (bad) return refuse(badRequest(bad.en, bad.vi));
    const rows = await connector.query((parsed as { spec: QuerySpec }).spec, { onDiagnostic: (d) => diagnostics.push(d), signal: options.signal });
    return { status: 200, body: { rows, diagnostics } };
  } catch (e) {
    if (isChisoError(e) && e.code === 'SQL_CANCELLED') {
      const d = e.diagnostics[0];
      return refuse({ status: 503, body: { error: { code: d.code, vi: d.vi, en: d.en } } });
    }
    if (isChisoError(e) && e.code !== 'SQL_ENGINE_FAILED') {
      const d = e.diagnostics[0];
      return refuse({ status: 400, body: { error: { code: d.code, vi: d.vi, en: d.en } } });
    }
    // A spec too large for the process (a stack or an array that outgrew its limit) is the request's fault.
    if (e instanceof RangeError) return refuse(badRequest('the spec is too large or too deeply nested', 'truy vấn quá lớn hoặc lồng nhau quá sâu'), { detail: e.message });
    // Engine errors stay in the server's log: their text can name tables and settings.
    const ref = reference();
    return refuse(errorAnswer(500, diagnostic('SQL_SERVER_FAILED', { ref })), {
      ref,
      engine: connector.name,
      detail: isChisoError(e) ? e.diagnostics[0].en : e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      spec: typeof body === 'string' ? body.slice(0, 2000) : undefined,
    });
  }
}
