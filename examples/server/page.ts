// The page side: every query goes to the server as a query spec (JSON) through HttpQueryConnector.
// The dashboard's views ask the server themselves (`query-url`): each receives only the rows it shows,
// and a click on the map sends the other views' narrowed specs. `?endpoint=` names the server when the
// page comes from another origin (the Vite dev server).
import '../../src/components/index.js';
import { HttpQueryConnector } from '../../src/connectors/index.js';
import { getRegion } from '../../src/registry/index.js';

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
  // Each view of the dashboard asks the server for its own rows.
  document.querySelector('chiso-dashboard')!.setAttribute('query-url', endpoint);
  const [{ n }] = await connector.query({ derive: [{ op: 'summarize', measures: { n: { fn: 'count' } } }] });
  status.textContent = `${Number(n).toLocaleString('vi')} quan sát trên máy chủ; mỗi khung nhìn chỉ nhận các dòng nó hiển thị.`;
} catch (e) {
  status.textContent = e instanceof Error ? e.message : String(e);
}
