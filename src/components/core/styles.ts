import { css } from 'lit';

/**
 * Styles every chiso element shares. Colours come from custom properties so a portal can theme
 * them; `prefers-color-scheme: dark` switches the defaults, `prefers-reduced-motion` stops motion.
 */
export const baseStyles = css`
  :host {
    --_fg: var(--chiso-color-text, #1f2328);
    --_muted: var(--chiso-color-muted, #57606a);
    --_bg: var(--chiso-color-background, #ffffff);
    --_surface: var(--chiso-color-surface, #f6f8fa);
    --_border: var(--chiso-color-border, #d0d7de);
    --_accent: var(--chiso-color-accent, #0b5cad);
    --_error: var(--chiso-color-error, #b42318);
    --_focus: var(--chiso-focus-ring, #0b5cad);
    --_radius: var(--chiso-radius, 6px);
    display: block;
    box-sizing: border-box;
    min-width: 0;
    color: var(--_fg);
    font-family: var(--chiso-font-family, 'Be Vietnam Pro', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--chiso-font-size, 14px);
    line-height: 1.45;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_fg: var(--chiso-color-text, #e6edf3);
      --_muted: var(--chiso-color-muted, #9da7b1);
      --_bg: var(--chiso-color-background, #0d1117);
      --_surface: var(--chiso-color-surface, #161b22);
      --_border: var(--chiso-color-border, #30363d);
      --_accent: var(--chiso-color-accent, #58a6ff);
      --_error: var(--chiso-color-error, #ff7b72);
      --_focus: var(--chiso-focus-ring, #58a6ff);
    }
  }
  :host([hidden]) {
    display: none;
  }
  /* Baked content (chiso bake) carries its own card in the light DOM: the host adds no box of its own,
     so the page lays it out the same before and after the script. */
  :host([baked]) {
    border: 0;
    padding: 0;
    background: none;
    border-radius: 0;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* Windows contrast themes: the system's colours, so the page's own never undo them. */
  @media (forced-colors: active) {
    :host {
      --_fg: CanvasText;
      --_muted: CanvasText;
      --_bg: Canvas;
      --_surface: Canvas;
      --_border: CanvasText;
      --_accent: LinkText;
      --_error: CanvasText;
      --_focus: Highlight;
    }
    :focus-visible {
      outline: 3px solid Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  .status {
    color: var(--_muted);
    padding: 0.75rem 0;
    margin: 0;
  }
  .status.error {
    color: var(--_error);
    white-space: pre-line;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25rem 0.5rem;
  }
  button {
    cursor: pointer;
  }
  /* Every target at least 24 x 24 CSS px (WCAG 2.5.8), at any font size. */
  button,
  select,
  input:not([type='checkbox']):not([type='radio']),
  summary {
    min-height: 24px;
  }
  button {
    min-width: 24px;
  }
  summary {
    display: list-item;
    padding-block: 0.2rem;
    cursor: pointer;
  }
  /* A radio button or checkbox is hit through its label. */
  label:has(> input[type='radio']),
  label:has(> input[type='checkbox']) {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 24px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: left;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
  }
  td.num,
  th.num {
    text-align: right;
  }
`;
