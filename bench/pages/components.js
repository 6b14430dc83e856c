// `?canvas=line,bar` draws those charts on canvas instead of SVG (`?canvas=all`: every chart but the
// map, whose shapes the benchmark clicks), to measure one renderer against the other per chart.
const canvas = (new URLSearchParams(location.search).get('canvas') ?? '').split(',').filter(Boolean);
for (const el of document.querySelectorAll('chiso-chart')) {
  if (canvas.includes('all') || canvas.includes(el.id)) el.setAttribute('renderer', 'canvas');
}
