/**
 * The server side of `HttpQueryConnector`: a request body in, a status and a JSON body out, for any
 * Node HTTP framework. The spec is validated and compiled on the server; the page never sends SQL.
 */
import { diagnostic, isChisoError, type Diagnostic } from '../errors.js';
import type { QuerySpec, Row } from '../query/spec.js';
import type { Connector } from './connector.js';

export interface QueryAnswer {
  status: number;
  body: { rows: Row[]; diagnostics: Diagnostic[] } | { error: Pick<Diagnostic, 'code' | 'vi' | 'en'> };
}

/** Runs `{ spec }` from a request body (text or parsed) on a connector. */
export async function handleQueryRequest(connector: Connector, body: unknown): Promise<QueryAnswer> {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return badRequest('the body is not JSON', 'nội dung không phải JSON');
    }
  }
  if (typeof parsed !== 'object' || parsed === null || !('spec' in parsed)) return badRequest('the body needs { spec }', 'nội dung cần có { spec }');
  const diagnostics: Diagnostic[] = [];
  try {
    const rows = await connector.query((parsed as { spec: QuerySpec }).spec, { onDiagnostic: (d) => diagnostics.push(d) });
    return { status: 200, body: { rows, diagnostics } };
  } catch (e) {
    if (isChisoError(e) && e.code !== 'SQL_ENGINE_FAILED') {
      const d = e.diagnostics[0];
      return { status: 400, body: { error: { code: d.code, vi: d.vi, en: d.en } } };
    }
    // Engine errors stay in the server's log: their text can name tables and settings.
    const d = diagnostic('SQL_SERVER_FAILED', {});
    return { status: 500, body: { error: { code: d.code, vi: d.vi, en: d.en } } };
  }
}

function badRequest(en: string, vi: string): QueryAnswer {
  const d = diagnostic('SQL_BAD_REQUEST', { detail: en, detailVi: vi });
  return { status: 400, body: { error: { code: d.code, vi: d.vi, en: d.en } } };
}
