import { css } from 'lit';

export const chartStyles = css`
  :host {
    position: relative;
    background: var(--_bg);
    border: var(--chiso-card-border, 1px solid var(--_border));
    border-radius: var(--_radius);
    padding: var(--chiso-card-padding, 0.75rem);
  }
  figure {
    margin: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.5rem;
    min-height: 1.75rem;
  }
  .units {
    border: 0;
    margin: 0 auto 0 0;
    padding: 0;
    display: flex;
    gap: 0.75rem;
    font-size: 0.9em;
  }
  .note {
    margin: 0.25rem 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  /*
   * What Vega redraws stays inside the chart's box: a selection re-lays out and repaints this box, not
   * the page around it. Nothing of the chart's draws outside it (the tooltip and the focus rings of
   * the controls live outside the box); on paper it is lifted, as the overflow is.
   */
  .chart {
    position: relative;
    min-height: var(--chiso-chart-min-height, 120px);
    overflow-x: auto;
    touch-action: pan-y;
    contain: layout paint;
  }
  .chart svg,
  .chart canvas {
    display: block;
    border-radius: var(--_radius);
    max-width: 100%;
    height: auto;
  }
  .brush {
    position: absolute;
    top: 0;
    bottom: 0;
    background: color-mix(in srgb, var(--_accent) 18%, transparent);
    border-left: 1px solid var(--_accent);
    border-right: 1px solid var(--_accent);
    pointer-events: none;
  }
  .walk-mark {
    position: absolute;
    width: 14px;
    height: 14px;
    box-sizing: border-box;
    margin: -7px 0 0 -7px;
    border: 2px solid var(--_focus, var(--_accent));
    border-radius: 50%;
    pointer-events: none;
  }
  details.range {
    position: relative;
    margin-right: auto;
  }
  details.range > summary {
    cursor: pointer;
    color: var(--_accent);
    padding: 0.125rem 0.5rem;
    min-height: 24px;
    font-size: 0.9em;
  }
  .range-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-top: 0.25rem;
    font-size: 0.9em;
  }
  .range-controls button,
  .range-controls select {
    min-height: 24px;
  }
  .description {
    margin: 0.5rem 0 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  details.export {
    position: relative;
  }
  details.export > summary,
  details.data > summary {
    cursor: pointer;
    color: var(--_accent);
    list-style: none;
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 0.9em;
  }
  details.export > summary::-webkit-details-marker {
    display: none;
  }
  details.export ul {
    position: absolute;
    right: 0;
    z-index: 2;
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0.25rem;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 12rem;
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  details.export li button {
    width: 100%;
    text-align: left;
    border: 0;
    background: transparent;
  }
  details.export li button:hover {
    background: var(--_surface);
  }
  details.data {
    margin-top: 0.5rem;
  }
  details.data > summary {
    display: inline-block;
    border: 0;
    padding: 0;
  }
  .table-wrap {
    max-height: 320px;
    overflow: auto;
    margin-top: 0.25rem;
  }
  button.select {
    font-size: 0.85em;
    padding: 0 0.4rem;
  }
  button.select[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_bg);
  }
  /*
   * Forced colours: the drawing takes the system's colours too. Text, axes and lines in CanvasText on
   * Canvas; lines and points stay apart by the dash and shape the high-contrast theme gives each series
   * (the element draws in it while colours are forced); bars in CanvasText, the highlighted one (outlined
   * by the theme) in Highlight; map fills keep their classes, with CanvasText borders.
   */
  @media (forced-colors: active) {
    .chart svg {
      forced-color-adjust: none;
    }
    /* The chart's paper only: every layer's group has a background of its own, unfilled. */
    .chart svg .root > g > .background {
      fill: Canvas;
      stroke: none;
    }
    .chart svg text {
      fill: CanvasText;
    }
    .chart svg .mark-text text[stroke] {
      stroke: Canvas;
    }
    .chart svg .mark-line path,
    .chart svg .mark-rule.role-mark line,
    .chart svg .mark-symbol.role-mark path,
    .chart svg .mark-shape path {
      stroke: CanvasText;
    }
    .chart svg .mark-symbol.role-mark path {
      fill: CanvasText;
    }
    .chart svg .mark-rect.role-mark path {
      fill: CanvasText;
    }
    /* White in the theme: hollow preliminary points, the whole a progress bar fills. */
    .chart svg .mark-symbol.role-mark path[fill='#ffffff'],
    .chart svg .mark-rect.role-mark path[fill='#ffffff'] {
      fill: Canvas;
    }
    /* What hides a highlighted bar's axis label under its bold name is paper too. */
    .chart svg .mark-rect.role-mark.chiso_highlight_cover_marks path {
      fill: Canvas;
    }
    .chart svg .mark-rect.role-mark path[stroke-width='2'] {
      fill: Highlight;
    }
    .chart svg .role-axis-grid line {
      stroke: GrayText;
    }
    .chart svg .mark-area path {
      fill: GrayText;
    }
    .brush {
      background: transparent;
      border-color: Highlight;
    }
  }
  /* On paper: the chart whole on one page, fitted to it; controls left out. */
  @media print {
    :host {
      break-inside: avoid;
      border-color: #000;
    }
    .toolbar,
    details.export,
    details.data,
    details.about,
    .brush,
    .walk-mark {
      display: none;
    }
    .chart {
      overflow: visible;
      min-height: 0;
      contain: none;
    }
    .chart svg,
    .chart canvas {
      width: auto;
      max-width: 100%;
      max-height: 230mm;
    }
  }
  .tooltip {
    position: absolute;
    z-index: 3;
    background: var(--chiso-tooltip-background, var(--_fg));
    color: var(--chiso-tooltip-color, var(--_bg));
    padding: 0.25rem 0.5rem;
    border-radius: var(--_radius);
    font-size: 0.85em;
    max-width: 18rem;
  }
`;
