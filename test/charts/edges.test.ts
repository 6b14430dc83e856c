import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { chart, describe as describeChart } from '../../src/charts/index.js';
import { isChisoError } from '../../src/errors.js';
import type { Observation } from '../../src/types.js';
import { render, root, schemaErrors } from './helpers.js';

const vn63 = JSON.parse(readFileSync(root + 'data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as Topology;
const obs = (region: string, period: string, value: number | null, extra: Partial<Observation> = {}): Observation => ({
  indicator: 'poverty_rate', region, period, value, qualifier: null, denominator: null, unit: '%', series: null,
  status: 'final', source: 'data/gso/raw/poverty_rate_by_province.csv', quote: null, ...extra,
});

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isChisoError(e) ? e.code : String(e);
  }
  return undefined;
}

describe('edges', () => {
  it('refuses empty data with a bilingual error', () => {
    for (const type of ['line', 'bar', 'kpi', 'slope', 'progress'] as const) {
      expect(code(() => chart(type, [], {} as never))).toBe('CHART_NO_DATA');
    }
    expect(code(() => chart('map', [], { topology: vn63 }))).toBe('CHART_NO_DATA');
    expect(code(() => chart('scatter', [], { x: 'income_per_capita', y: 'poverty_rate' }))).toBe('CHART_NO_DATA');
  });

  it('refuses a period that has no place on a time axis rather than dropping it', () => {
    expect(code(() => chart('line', [obs('42', '2015', 13.3), obs('42', 'quý 1', 12)], {}))).toBe('CHART_BAD_PERIOD');
  });

  it('asks for the options a recipe cannot guess', () => {
    expect(code(() => chart('map', [obs('42', '2015', 13.3)], {} as never))).toBe('CHART_MISSING_OPTION');
    expect(code(() => chart('scatter', [obs('42', '2015', 13.3)], {} as never))).toBe('CHART_MISSING_OPTION');
    expect(code(() => chart('map', [obs('42', '2015', 13.3)], { topology: vn63, scale: 'threshold' }))).toBe('CHART_MISSING_OPTION');
  });

  it('draws one figure, and all-missing figures, without warnings', async () => {
    for (const [type, data, options] of [
      ['line', [obs('42', '2015', 13.3)], {}],
      ['bar', [obs('42', '2015', 13.3), obs('06', '2015', null)], {}],
      ['kpi', [obs('42', '2015', 13.3)], {}],
      ['slope', [obs('42', '2012', 20.7), obs('42', '2015', 13.3)], {}],
      ['map', [obs('42', '2015', null)], { topology: vn63 }],
      ['line', [obs('42', '2014', 15.6), obs('42', '2015', null)], {}],
    ] as const) {
      const spec = chart(type, data as readonly Observation[], options as never);
      expect(schemaErrors(spec), type).toEqual([]);
      const { warnings } = await render(spec);
      expect(warnings, type).toEqual([]);
      expect(describeChart(type, data as readonly Observation[], options as never).length, type).toBeGreaterThan(10);
    }
  });

  it('keeps strings from data as data: a hostile region or period name stays text', () => {
    const evil = obs('x"); alert(1); ("', '2015', 5, { source: '<script>alert(1)</script>' });
    const spec = chart('bar', [obs('42', '2015', 13.3), evil], { regions: ['42', evil.region] });
    const json = JSON.stringify(spec);
    // Names only travel in data values and JSON string literals, never in raw markup.
    expect(schemaErrors(spec)).toEqual([]);
    expect(json).toContain('x\\"); alert(1); (\\"');
  });
});

describe('parseTopology', () => {
  it('accepts the bundled boundaries and refuses what is not a topology, naming the file', async () => {
    const { parseTopology } = await import('../../src/charts/index.js');
    const text = readFileSync(root + 'data/geo/vn34_provinces_odv.topojson.json', 'utf8');
    expect(parseTopology(text).type).toBe('Topology');
    expect(code(() => parseTopology('{"type":"FeatureCollection"}', 'ban-do.json'))).toBe('CHART_BAD_TOPOLOGY');
    expect(code(() => parseTopology('{not json', 'ban-do.json'))).toBe('CHART_BAD_TOPOLOGY');
    try {
      parseTopology('{"type":"FeatureCollection"}', 'ban-do.json');
    } catch (e) {
      expect(isChisoError(e) && e.file).toBe('ban-do.json');
    }
  });

  it('refuses a line for regions the data does not have', () => {
    expect(code(() => chart('line', [obs('42', '2015', 13.3)], { regions: ['06'] }))).toBe('CHART_NO_DATA');
  });
});

describe('values inside Vega expressions', () => {
  // Vega's expression parser ends a string literal at U+2028/U+2029 (JavaScript line terminators); JSON
  // leaves them raw, so a region name or label carrying one broke the whole chart.
  it('a name with U+2028 or U+2029 highlighted in a bar chart still draws', async () => {
    const odd = 'Tỉnh\u2028mới\u2029';
    const spec = chart('bar', [obs(odd, '2016', 5), obs('42', '2016', 7)], { highlight: odd });
    const r = await render(spec as never);
    expect(r.warnings.filter((w) => w.startsWith('ERROR'))).toEqual([]);
    expect(r.svg).toContain('Tỉnh mới');
    // The highlighted name is still bold: the test and the data agree on the name.
    expect(r.svg).toMatch(/font-weight="700"[^>]*>Tỉnh m/);
  });
});
