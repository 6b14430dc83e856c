import { css } from 'lit';

export const playerStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  /* Touch targets well past WCAG 2.5.8's 24 px. */
  button {
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.25rem 0.75rem;
    background: var(--_surface);
  }
  button:disabled {
    cursor: default;
    color: var(--_muted);
  }
  button.play {
    color: var(--_bg);
    background: var(--_accent);
    border-color: var(--_accent);
    min-width: 7.5rem;
  }
  .glyph {
    display: inline-block;
    min-width: 1em;
    font-size: 0.8em;
  }
  .slider {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex: 1 1 12rem;
    min-width: 0;
    font-variant-numeric: tabular-nums;
  }
  input[type='range'] {
    flex: 1 1 auto;
    min-width: 6rem;
    height: 2.75rem;
    padding: 0;
    border: none;
    background: transparent;
    accent-color: var(--_accent);
  }
  .end {
    color: var(--_muted);
  }
  .announce {
    margin: 0.5rem 0 0;
    font-weight: 600;
    min-height: 1.45em;
  }
  @media (forced-colors: active) {
    button.play {
      color: ButtonText;
      background: ButtonFace;
      border-color: ButtonText;
    }
  }
`;
