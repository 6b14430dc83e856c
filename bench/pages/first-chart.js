// Notes when the chart is painted: the frame after <chiso-chart> reports it drawn. A classic script
// before the embed, so it listens before anything can draw.
document.addEventListener('chiso-render', () => {
  requestAnimationFrame(() => setTimeout(() => {
    window.__painted ??= performance.now();
  }, 0));
}, { once: true });
