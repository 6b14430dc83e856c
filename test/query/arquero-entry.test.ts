// `chiso/arquero` in Node: an analyst transforms with Arquero, runs the query spec on the result
// (runQuery or ArqueroConnector) and gets what the eval-free executor gives for the same rows.
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { ArqueroConnector, runQuery } from '../../src/arquero.js';
import { executeQuery } from '../../src/query/execute.js';
import { obs, stable } from './fixtures.js';

const rows = [2016, 2018, 2020].flatMap((y, i) => [
  obs({ indicator: 'poverty_rate', region: '42', period: String(y), value: 10 - i, unit: '%' }),
  obs({ indicator: 'poverty_rate', region: '91', period: String(y), value: 14 - 3 * i, unit: '%' }),
  obs({ indicator: 'poverty_rate', region: 'VN', period: String(y), value: 8 - i, unit: '%' }),
]);
const spec = { derive: [{ op: 'change' }, { op: 'rank', direction: 'asc' }], orderby: ['region', 'period'] } as const;

describe('chiso/arquero', () => {
  it('runs a spec on a table transformed with Arquero, as the executor does on its rows', async () => {
    const provinces = aq.from(rows).filter((d: { region: string }) => d.region !== 'VN');
    const onArquero = runQuery(provinces, spec).objects() as Record<string, unknown>[];
    expect(onArquero).toHaveLength(6);
    expect(onArquero).toEqual(executeQuery(provinces.objects() as never, spec));
    const connector = new ArqueroConnector({ table: provinces });
    expect(stable(await connector.query(spec))).toEqual(stable(onArquero as never));
    expect(onArquero.find((r) => r.region === '91' && r.period === '2020')).toMatchObject({ change: -3, rank: 1 });
  });

  it('keeps the budgets of every executor', () => {
    expect(() => runQuery(aq.from(rows), { limit: 2 ** 31 })).toThrow(/QUERY_OUT_OF_RANGE/);
  });
});
