// The baseline of chart-first-paint-vs-vega-embed: what a portal would write with vega-embed alone
// (CSP-safe: the expression interpreter, no eval), bundled into one file by the benchmark.
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';

const box = document.getElementById('chart');
const spec = await (await fetch('/dist/bench/line-spec.json')).json();
await embed(box, spec, { mode: 'vega-lite', renderer: 'svg', actions: false, ast: true, expr: expressionInterpreter, tooltip: false });
requestAnimationFrame(() => setTimeout(() => {
  window.__painted = performance.now();
}, 0));
