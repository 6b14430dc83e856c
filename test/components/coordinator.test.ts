// The coordinator's connector and the pre-aggregation switch, in Node (no DOM needed).
import { describe, expect, it } from 'vitest';
import { Coordinator, PREAGGREGATE_ROWS } from '../../src/components/core/coordinator.js';
import type { Connector } from '../../src/connectors/connector.js';
import type { Observation } from '../../src/types.js';

const obs = (region: string, value: number): Observation =>
  ({ indicator: 'poverty_rate', region, period: '2016', value, qualifier: null, denominator: null, unit: '%', series: null, status: 'final', source: 's.csv', quote: null }) as Observation;

describe('Coordinator', () => {
  it('queries the eval-free executor over its observations, rebuilt when they change', async () => {
    const c = new Coordinator();
    c.setObservations([obs('42', 1), obs('91', 2)]);
    expect(c.connector.name).toBe('executor');
    expect(c.local).toBe(true);
    expect((await c.connector.query({ select: { regions: ['42'] } })).map((r) => r.value)).toEqual([1]);
    c.setObservations([obs('42', 5)]);
    expect((await c.connector.query({ select: { regions: ['42'] } })).map((r) => r.value)).toEqual([5]);
  });

  it('takes a connector instead: views ask it, the page holds no observations, no cubes', async () => {
    const c = new Coordinator();
    c.setObservations(Array.from({ length: PREAGGREGATE_ROWS + 1 }, (_, i) => obs('42', i)));
    expect(c.cubes).toBe(true);
    const asked: unknown[] = [];
    const remote: Connector = { name: 'remote', query: async (spec) => (asked.push(spec), [{ region: '01', value: 3 }]) };
    let data = 0;
    c.addEventListener('data', () => data++);
    c.setConnector(remote);
    expect(data).toBe(1);
    expect(c.connector).toBe(remote);
    expect(c.local).toBe(false);
    expect(c.observations).toEqual([]);
    expect(c.state).toBe('ready');
    expect(c.cubes).toBe(false);
    expect(await c.connector.query({ select: { indicators: ['poverty_rate'] } })).toEqual([{ region: '01', value: 3 }]);
    expect(asked).toHaveLength(1);
  });

  it('tells views a selection apart from new data: its data revision moves with data, language and refresh(), not with selections', () => {
    const c = new Coordinator();
    let told = 0;
    c.connect({ invalidate: () => told++ });
    c.setObservations([obs('42', 1)]);
    const r0 = c.dataRevision;
    const told0 = told;
    c.selection.update({ source: {}, field: 'region', values: ['42'] });
    expect(told).toBe(told0 + 1);
    expect(c.dataRevision).toBe(r0);
    c.lang = 'en';
    expect(c.dataRevision).toBe(r0 + 1);
    c.refresh();
    expect(c.dataRevision).toBe(r0 + 2);
    expect(told).toBe(told0 + 3);
    c.setObservations([obs('42', 2)]);
    expect(c.dataRevision).toBe(r0 + 3);
  });

  it('turns cubes on past the threshold (auto), always or never as asked', () => {
    const c = new Coordinator();
    c.setObservations(Array.from({ length: PREAGGREGATE_ROWS }, (_, i) => obs('42', i)));
    expect(c.preaggregate).toBe('auto');
    expect(c.cubes).toBe(false);
    c.preaggregate = 'always';
    expect(c.cubes).toBe(true);
    c.setObservations(Array.from({ length: PREAGGREGATE_ROWS + 1 }, (_, i) => obs('42', i)));
    c.preaggregate = 'never';
    expect(c.cubes).toBe(false);
    c.preaggregate = 'auto';
    expect(c.cubes).toBe(true);
  });
});

describe('Coordinator.rows', () => {
  const view = { indicator: 'poverty_rate', regions: ['42'], followRegions: true };

  it('answers a question asked again from memory, per client, and a changed one anew', async () => {
    const c = new Coordinator();
    c.setObservations([obs('42', 1), obs('01', 2), obs('79', 3)]);
    const line = {};
    const map = {};
    const first = await c.rows(line, view);
    expect(first.map((o) => o.region)).toEqual(['42']);
    // A selection by the line itself leaves its own question as it was.
    c.selection.selectRegions(line, ['79']);
    expect(await c.rows(line, view)).toBe(first);
    expect(c.questionCount(line)).toBe(1);
    // One made elsewhere replaces the regions of a view that follows them, and not of one that does not.
    c.selection.selectRegions(map, ['01']);
    expect((await c.rows(line, view)).map((o) => o.region)).toEqual(['01']);
    expect((await c.rows(line, view, { follow: { region: false, period: true } })).map((o) => o.region)).toEqual(['42']);
    expect(c.questionCount(line)).toBe(3);
    expect(c.questionCount(map)).toBe(0);
  });

  it('shows nothing, never everything, when selections of two views have no region in common', async () => {
    const c = new Coordinator();
    c.setObservations([obs('42', 1), obs('01', 2)]);
    c.selection.update({ source: {}, field: 'region', values: ['42'] });
    c.selection.update({ source: {}, field: 'region', values: ['01'] });
    expect(await c.rows({}, view)).toEqual([]);
  });

  it('cancels the question a newer one replaced, and rejects a caller that stopped waiting', async () => {
    const c = new Coordinator();
    const signals: AbortSignal[] = [];
    const slow: Connector = { name: 'slow', query: (_spec, options) => (signals.push(options!.signal!), new Promise(() => undefined)) };
    c.setConnector(slow);
    const line = {};
    const caller = new AbortController();
    const pending = c.rows(line, view, { signal: caller.signal });
    c.selection.selectRegions({}, ['01']);
    void c.rows(line, view);
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    caller.abort();
    await expect(pending).rejects.toThrow();
  });
});

describe('Selection.selectPeriod (a period player)', () => {
  it('makes one period the dashboard shows, beside the range chosen when it holds it; a range that does not hold it goes; null clears it', () => {
    const c = new Coordinator();
    const sel = c.selection;
    const filter = {};
    const brush = {};
    const player = {};
    sel.update({ source: filter, field: 'period', range: ['2010', '2016'] });
    // One chosen range, whoever chose it: the brush's replaces the filter's (the filter shows it).
    sel.update({ source: brush, field: 'period', range: ['2012', '2014'] });
    expect(sel.clauses.filter((cl) => cl.field === 'period')).toEqual([{ source: brush, field: 'period', range: ['2012', '2014'] }]);
    sel.selectRegions(filter, ['42']);
    let changes = 0;
    sel.addEventListener('change', () => changes++);
    // Inside the range: it stays beside it, and the views show the step.
    sel.selectPeriod(player, '2014');
    expect(sel.periodRange()).toEqual(['2014', '2014']);
    expect(sel.chosenRange()).toEqual(['2012', '2014']);
    expect(sel.steppedPeriod()).toBe('2014');
    // The player does not filter itself; what it steps through is the range chosen.
    expect(sel.filterFor(player).periods).toEqual(['2012', '2014']);
    // 2008 lies outside the range: intersected with it would leave nothing, so it goes.
    sel.selectPeriod(player, '2008');
    expect(sel.periodRange()).toEqual(['2008', '2008']);
    expect(sel.filterFor(brush)).toEqual({ regions: ['42'], periods: ['2008', '2008'] });
    expect(sel.chosenRange()).toBeNull();
    sel.selectPeriod(player, '2010');
    expect(sel.clauses.filter((cl) => cl.field === 'period')).toHaveLength(1);
    sel.selectPeriod(player, null);
    expect(sel.periodRange()).toBeNull();
    expect(sel.selectedRegions()).toEqual(['42']);
    expect(changes).toBe(4);
  });

  it('a range chosen after the step keeps it when it holds it, else takes its place (the views never intersect into nothing)', () => {
    const sel = new Coordinator().selection;
    const brush = {};
    const player = {};
    sel.selectPeriod(player, '2014');
    sel.update({ source: brush, field: 'period', range: ['2010', '2016'] });
    expect([sel.periodRange(), sel.chosenRange(), sel.steppedPeriod()]).toEqual([['2014', '2014'], ['2010', '2016'], '2014']);
    // A narrower brush that leaves 2014 out: the range is what the views show.
    sel.update({ source: brush, field: 'period', range: ['2008', '2010'] });
    expect([sel.periodRange(), sel.chosenRange(), sel.steppedPeriod()]).toEqual([['2008', '2010'], ['2008', '2010'], null]);
    // Cleared from anywhere (the filter's "–", the line chart's button): the range goes, a step stays.
    sel.selectPeriod(player, '2010');
    sel.clearRange();
    expect([sel.periodRange(), sel.chosenRange(), sel.steppedPeriod()]).toEqual([['2010', '2010'], null, '2010']);
    sel.update({ source: brush, field: 'period', range: ['2008', '2010'] });
    // A quarter starting in a year of the range lies in it, as views filter by start years.
    sel.selectPeriod(player, '2009-Q2');
    expect(sel.chosenRange()).toEqual(['2008', '2010']);
    expect(sel.periodRange()).toEqual(['2009-Q2', '2009-Q2']);
  });

  it('selectPeriods sets range and step at once, as a link carries them; a step outside the range is dropped', () => {
    const sel = new Coordinator().selection;
    const link = {};
    sel.update({ source: {}, field: 'period', range: ['2006', '2008'] });
    sel.selectPeriods(link, ['2010', '2016'], '2012');
    expect([sel.periodRange(), sel.chosenRange(), sel.steppedPeriod()]).toEqual([['2012', '2012'], ['2010', '2016'], '2012']);
    sel.selectPeriods(link, ['2010', '2016'], '2008');
    expect([sel.periodRange(), sel.steppedPeriod()]).toEqual([['2010', '2016'], null]);
    sel.selectPeriods(link, null, null);
    expect(sel.periodRange()).toBeNull();
  });
});
