import { ChisoDashboard, type ChisoLoadDetail, type ChisoSelectDetail } from './dashboard.component.js';

export * from './dashboard.component.js';
if (!customElements.get('chiso-dashboard')) customElements.define('chiso-dashboard', ChisoDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-dashboard': ChisoDashboard;
  }
  interface GlobalEventHandlersEventMap {
    'chiso-load': CustomEvent<ChisoLoadDetail>;
    'chiso-select': CustomEvent<ChisoSelectDetail>;
  }
}
