import { ChisoDashboard } from './dashboard.component.js';

export * from './dashboard.component.js';
if (!customElements.get('chiso-dashboard')) customElements.define('chiso-dashboard', ChisoDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-dashboard': ChisoDashboard;
  }
}
