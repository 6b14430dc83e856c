import { css } from 'lit';

export const dashboardStyles = css`
  :host {
    container-type: inline-size;
    background: var(--_bg);
  }
  .grid {
    display: grid;
    gap: var(--chiso-gap, 1rem);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--chiso-column-min, 320px)), 1fr));
    align-items: start;
  }
  /*
   * The reader's high contrast: black on white for every view's own text and controls too. Borders keep
   * their colour: they also draw the charts' grid lines, which must not compete with the data.
   */
  :host([contrast='high']) {
    --chiso-color-text: #000000;
    --chiso-color-muted: #1f1f1f;
    --chiso-color-background: #ffffff;
    --chiso-color-surface: #ffffff;
    --chiso-color-accent: #00508a;
    --chiso-focus-ring: #000000;
    /* A KPI's change for the better and the worse: the high-contrast theme's (charts/theme.ts). */
    --chiso-kpi-better: #00508a;
    --chiso-kpi-worse: #a63a00;
  }
  .tools {
    display: flex;
    justify-content: flex-end;
    margin-bottom: 0.5rem;
  }
  /* At least 24 by 24 px (WCAG 2.5.8); the pressed state shows by more than colour: a filled box and a thicker border. */
  button.contrast {
    min-height: 24px;
    min-width: 24px;
    font-size: 0.9em;
  }
  button.contrast[aria-pressed='true'] {
    background: var(--_fg);
    color: var(--_bg);
    border: 2px solid var(--_fg);
  }
  .printed {
    display: none;
  }
  /* Baked (chiso bake): the switch sits in space the page's stylesheet keeps for it before the script
     runs (chiso-baked.css gives the same padding), so its arrival moves nothing. */
  :host([baked]) {
    position: relative;
    padding-top: var(--chiso-baked-tools, 2.25rem);
  }
  :host([baked]) .tools {
    position: absolute;
    top: 0;
    right: 0;
    margin: 0;
  }
  @media (forced-colors: active) {
    button.contrast[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
  }
  /* On paper: one view after another, each whole on its page, with the selection that was printed. */
  @media print {
    :host {
      container-type: normal;
      background: none;
    }
    :host([baked]) {
      padding-top: 0;
    }
    .tools {
      display: none;
    }
    .printed {
      display: block;
      margin: 0 0 0.5rem;
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    .grid {
      display: block;
    }
    ::slotted(*) {
      break-inside: avoid;
      margin-bottom: 0.75rem;
    }
  }
`;
