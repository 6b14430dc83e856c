import { css } from 'lit';

export const kpiStyles = css`
  :host {
    /* The charts' better and worse colours (charts/theme.ts; a test keeps them equal), written out so
       a page of KPIs does not load the chart theme; lighter on a dark scheme. */
    --_better: var(--chiso-kpi-better, #0072b2);
    --_worse: var(--chiso-kpi-worse, #d55e00);
    background: var(--chiso-kpi-background, var(--_surface));
    border-radius: var(--_radius);
    padding: var(--chiso-card-padding, 0.75rem 1rem);
  }
  .label {
    margin: 0;
    color: var(--_muted);
    font-size: 0.95em;
  }
  .value {
    margin: 0.25rem 0;
    font-size: var(--chiso-kpi-size, 2rem);
    font-weight: 600;
    color: var(--chiso-kpi-color, var(--_fg));
    font-variant-numeric: tabular-nums;
    line-height: 1.15;
    overflow-wrap: anywhere;
    /* Figure and unit side by side on their baseline; a unit too long for the row moves below, tight. */
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.35rem;
  }
  .unit {
    font-size: 0.9rem;
    font-weight: 400;
    line-height: 1.3;
    color: var(--_muted);
  }
  .meta {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .change {
    margin: 0.15rem 0 0;
    font-size: 0.85em;
    font-weight: 500;
    color: var(--_muted);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_better: var(--chiso-kpi-better, #56b4e9);
      --_worse: var(--chiso-kpi-worse, #e69f00);
    }
  }
  .change[data-tone='better'] {
    color: var(--_better);
  }
  .change[data-tone='worse'] {
    color: var(--_worse);
  }
  .quote {
    margin: 0.25rem 0 0;
    font-size: 0.85em;
    font-style: italic;
    color: var(--_muted);
  }
`;
