/**
 * What the component bench and scripts/trace-selection.ts time for one map click, armed in the page
 * before the click (pass to `page.evaluate` with the province's id): from the pointer's press to the
 * frame painted after the five linked views show the province. Checked in each animation frame
 * callback (what is in the DOM then is what that frame paints): the line, slope and bar charts have
 * drawn since the press, the line, slope, KPI and table show the province and only it, the bar
 * highlights it, and no view has an update pending. `window.__done` resolves to the milliseconds,
 * `window.__doneMarks` holds when each view first showed it.
 */
export function armClick(region: string): void {
  type View = HTMLElement & { isUpdatePending: boolean; shown: unknown; view?: { signal(name: string): unknown } | null };
  const w = window as unknown as { __done: Promise<number>; __doneMarks: Record<string, number> };
  const el = (id: string) => document.getElementById(id) as View;
  const ids = ['line', 'slope', 'bar', 'kpi', 'table'];
  const drawn = new Set<string>();
  for (const id of ['line', 'slope', 'bar']) el(id).addEventListener('chiso-render', () => drawn.add(id), { once: true });
  const only = (rows: unknown) => Array.isArray(rows) && rows.length > 0 && rows.every((o: { region: string }) => o.region === region);
  const shows: Record<string, () => boolean> = {
    line: () => drawn.has('line') && only(el('line').shown),
    slope: () => drawn.has('slope') && only(el('slope').shown),
    bar: () => drawn.has('bar') && JSON.stringify(el('bar').view?.signal('chiso_highlight')) === JSON.stringify([region]),
    kpi: () => (el('kpi').shown as { region?: string } | undefined)?.region === region,
    table: () => only(el('table').shown),
  };
  const marks: Record<string, number> = {};
  w.__doneMarks = marks;
  w.__done = new Promise<number>((resolve, reject) => {
    document.addEventListener(
      'pointerdown',
      (e) => {
        const t0 = e.timeStamp;
        const until = performance.now() + 10_000;
        const check = () => {
          for (const id of ids) if (marks[id] === undefined && shows[id]()) marks[id] = performance.now() - t0;
          if (ids.every((id) => marks[id] !== undefined && !el(id).isUpdatePending)) {
            // This frame paints them: the time is taken once it is painted.
            setTimeout(() => resolve(performance.now() - t0), 0);
            return;
          }
          if (performance.now() > until) return reject(new Error(`views did not follow the selection of ${region}: ${ids.filter((id) => marks[id] === undefined).join(', ')}`));
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      },
      { once: true, capture: true },
    );
  });
}
