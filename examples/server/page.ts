// The page side: every query goes to the server as a query spec (JSON) through HttpQueryConnector.
// `?endpoint=` names the server when the page comes from another origin (the Vite dev server).
import '../../src/components/index.js';
import { HttpQueryConnector } from '../../src/connectors/index.js';
import { getRegion } from '../../src/registry/index.js';
import type { Observation } from '../../src/types.js';

const endpoint = new URL(location.href).searchParams.get('endpoint') ?? '/query';
const connector = new HttpQueryConnector({ url: endpoint });
const status = document.querySelector<HTMLElement>('#status')!;

try {
  // A ranking computed by PostgreSQL: only five rows travel.
  const lowest = await connector.query({
    select: { indicators: ['poverty_rate'], regions: { level: 'province' }, periods: ['2016'] },
    derive: [{ op: 'rank' }],
    orderby: ['rank'],
    limit: 5,
    columns: ['region', 'value', 'rank'],
  });
  const list = document.querySelector('#lowest')!;
  for (const r of lowest) {
    const li = document.createElement('li');
    li.textContent = `${getRegion(String(r.region))?.name ?? r.region}: ${String(r.value).replace('.', ',')}%`;
    list.append(li);
  }
  // The dashboard's views share the slice they need, selected on the server.
  const rows = await connector.query({ select: { indicators: ['poverty_rate', 'income_per_capita'] } });
  (document.querySelector('chiso-dashboard') as HTMLElement & { data: readonly Observation[] }).data = rows as unknown as Observation[];
  status.textContent = `${rows.length} quan sát từ máy chủ.`;
} catch (e) {
  status.textContent = e instanceof Error ? e.message : String(e);
}
