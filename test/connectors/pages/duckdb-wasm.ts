// Test page: DuckDB-Wasm started from same-origin files, the observations loaded, specs run.
import { createDuckDBWasmConnector } from '../../../src/connectors/duckdb-wasm.js';

const bundles = {
  mvp: { mainModule: '/duckdb/duckdb-mvp.wasm', mainWorker: '/duckdb/duckdb-browser-mvp.worker.js' },
  eh: { mainModule: '/duckdb/duckdb-eh.wasm', mainWorker: '/duckdb/duckdb-browser-eh.worker.js' },
};

async function run(rows: Record<string, unknown>[], specs: unknown[]): Promise<{ rows?: unknown[]; code?: string; warnings: string[] }[]> {
  const c = await createDuckDBWasmConnector({ bundles, startTimeout: 60000 });
  await c.load(rows);
  // How the loaded table is stored, read back as the last answer.
  const storage = (await c.connection.query(`SELECT DISTINCT compression FROM pragma_storage_info('observations') WHERE segment_type <> 'VALIDITY'`)).toArray().map((r) => String((r as { compression: unknown }).compression));
  const out: { rows?: unknown[]; code?: string; warnings: string[] }[] = [];
  for (const spec of specs) {
    const warnings: string[] = [];
    try {
      out.push({ rows: await c.query(spec as never, { onDiagnostic: (d) => warnings.push(`${d.code} ${d.en}`) }), warnings });
    } catch (e) {
      out.push({ code: (e as { code?: string }).code ?? String(e), warnings: [] });
    }
  }
  await c.close();
  return [...out, { rows: storage, warnings: [] }];
}

/** The error code (and English text) when the engine cannot start. */
async function start(): Promise<string> {
  try {
    await (await createDuckDBWasmConnector({ bundles, startTimeout: 8000 })).close();
    return 'started';
  } catch (e) {
    return `${(e as { code?: string }).code} ${(e as { diagnostics?: { en: string }[] }).diagnostics?.[0]?.en ?? e}`;
  }
}

(window as unknown as { chisoRun: typeof run; chisoStart: typeof start }).chisoRun = run;
(window as unknown as { chisoStart: typeof start }).chisoStart = start;
document.body.dataset.ready = 'yes';
