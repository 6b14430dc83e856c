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
`;
