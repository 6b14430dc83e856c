import { ChisoChart, type ChisoRenderDetail } from './chart.component.js';
import type { ChisoErrorDetail } from '../dashboard/dashboard.component.js';

export * from './chart.component.js';
if (!customElements.get('chiso-chart')) customElements.define('chiso-chart', ChisoChart);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-chart': ChisoChart;
  }
  interface GlobalEventHandlersEventMap {
    'chiso-render': CustomEvent<ChisoRenderDetail>;
    'chiso-error': CustomEvent<ChisoErrorDetail>;
  }
}
