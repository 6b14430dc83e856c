import { ChisoKpi } from './kpi.component.js';

export * from './kpi.component.js';
if (!customElements.get('chiso-kpi')) customElements.define('chiso-kpi', ChisoKpi);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-kpi': ChisoKpi;
  }
}
