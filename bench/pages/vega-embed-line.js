// The baseline of bench/portal.bench.ts: vega-embed with Vega's expression interpreter (what a strict
// CSP needs), drawing the same line chart from the same CSV, bundled into one file by the bench.
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 512,
  height: 300,
  title: 'Tỷ lệ hộ nghèo: Hà Tĩnh và cả nước',
  data: { url: '/data/observations/poverty_rate.csv', format: { type: 'csv' } },
  transform: [{ filter: "datum.indicator === 'poverty_rate' && (datum.region === '42' || datum.region === 'VN') && datum.value !== ''" }],
  mark: { type: 'line', point: true, tooltip: true },
  encoding: {
    x: { field: 'period', type: 'quantitative', title: null, axis: { format: 'd' } },
    y: { field: 'value', type: 'quantitative', title: '%' },
    color: { field: 'region', type: 'nominal', title: null },
  },
};

embed('#vis', spec, { ast: true, expr: expressionInterpreter, actions: false, renderer: 'svg' });
