import { ChisoFilter } from './filter.component.js';

export * from './filter.component.js';
export * from './search.js';
if (!customElements.get('chiso-filter')) customElements.define('chiso-filter', ChisoFilter);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-filter': ChisoFilter;
  }
  interface GlobalEventHandlersEventMap {
    'chiso-filter-change': CustomEvent<{ regions: string[]; periods: [string, string] | null }>;
  }
}
