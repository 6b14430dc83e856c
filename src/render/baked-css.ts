/**
 * The stylesheet of a baked page (`chiso bake` writes it beside the page, with the chart font): the
 * look of the content baked into each element. The host rules repeat what the element's own `:host`
 * sets (display, font, colour, line height), so the box is the same before and after the script
 * upgrades the element: adopting baked content shifts nothing. A file, not a `<style>` in the page,
 * so a strict Content-Security-Policy (`style-src 'self'`) allows it.
 */
export const BAKED_CSS = `chiso-dashboard[baked],chiso-chart[baked],chiso-map[baked],chiso-kpi[baked],chiso-table[baked]{display:block;box-sizing:border-box;min-width:0;color:var(--chiso-color-text,#1f2328);font-family:var(--chiso-font-family,'Be Vietnam Pro',system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);font-size:var(--chiso-font-size,14px);line-height:1.45}
chiso-dashboard[baked]{position:relative;padding-top:var(--chiso-baked-tools,2.25rem);container-type:inline-size;background:var(--chiso-color-background,#fff)}
@media print{chiso-dashboard[baked]{padding-top:0;container-type:normal;background:none}}
chiso-chart[baked],chiso-map[baked],chiso-kpi[baked],chiso-table[baked]{position:relative}
.chiso-baked{box-sizing:border-box;background:var(--chiso-color-background,#fff);border:var(--chiso-card-border,1px solid var(--chiso-color-border,#d0d7de));border-radius:var(--chiso-radius,6px);padding:var(--chiso-card-padding,.75rem)}
.chiso-baked *{box-sizing:border-box}
.chiso-baked-figure{margin:0}
.chiso-baked-chart{position:relative}
.chiso-baked-chart svg{display:block;max-width:100%;height:auto}
.chiso-baked-description{margin:.5rem 0 0;color:var(--chiso-color-muted,#57606a);font-size:.9em}
.chiso-baked-source{margin:.25rem 0 0;color:var(--chiso-color-muted,#57606a);font-size:.85em}
.chiso-baked-data{margin-top:.5rem}
.chiso-baked-data>summary{cursor:pointer;color:var(--chiso-color-accent,#0b5cad);display:list-item;min-height:24px;padding-block:.2rem}
.chiso-baked-table{overflow-x:auto;max-width:100%}
.chiso-baked table{border-collapse:collapse;font-size:.9em;margin-top:.25rem}
.chiso-baked caption{text-align:start;font-weight:600;padding:.25rem 0}
.chiso-baked-data caption{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.chiso-baked th,.chiso-baked td{padding:.2rem .5rem;border-bottom:1px solid var(--chiso-color-border,#d0d7de);text-align:start}
.chiso-baked td:last-child{text-align:end;font-variant-numeric:tabular-nums}
.chiso-baked-status{margin:0;color:var(--chiso-color-muted,#57606a)}
.chiso-baked-kpi{background:var(--chiso-kpi-background,var(--chiso-color-surface,#f6f8fa));border:0;padding:var(--chiso-card-padding,.75rem 1rem)}
.chiso-baked-kpi p{margin:0}
.chiso-baked-kpi .label{color:var(--chiso-color-muted,#57606a);font-size:.95em}
.chiso-baked-kpi .value{margin:.25rem 0;font-size:var(--chiso-kpi-size,2rem);font-weight:600;line-height:1.15;overflow-wrap:anywhere;font-variant-numeric:tabular-nums}
.chiso-baked-kpi .unit{font-size:.9rem;font-weight:400;color:var(--chiso-color-muted,#57606a)}
.chiso-baked-kpi .meta,.chiso-baked-kpi .change,.chiso-baked-kpi .quote{font-size:.85em;color:var(--chiso-color-muted,#57606a)}
.chiso-baked-kpi .change[data-tone=better]{color:var(--chiso-kpi-better,#0072b2)}
.chiso-baked-kpi .change[data-tone=worse]{color:var(--chiso-kpi-worse,#d55e00)}
.chiso-baked-kpi .quote{font-style:italic}
@media print{chiso-chart[baked],chiso-map[baked],chiso-kpi[baked],chiso-table[baked]{break-inside:avoid}.chiso-baked{border-color:#000}.chiso-baked-data:not([open])>summary{display:none}.chiso-baked-chart svg{max-height:24cm;width:auto;max-width:100%}}
`;
