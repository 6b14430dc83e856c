import { ChisoTable } from './table.component.js';

export * from './table.component.js';
export * from './profile.js';
if (!customElements.get('chiso-table')) customElements.define('chiso-table', ChisoTable);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-table': ChisoTable;
  }
  interface GlobalEventHandlersEventMap {
    'chiso-sort': CustomEvent<{ column: string; descending: boolean }>;
  }
}
