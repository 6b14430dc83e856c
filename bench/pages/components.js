// `?renderer=canvas` draws the page's charts on canvas instead of SVG, to measure one against the other.
const renderer = new URLSearchParams(location.search).get('renderer');
// The map stays SVG: the benchmark finds where to click in its shapes.
if (renderer) for (const el of document.querySelectorAll('chiso-chart')) el.setAttribute('renderer', renderer);
