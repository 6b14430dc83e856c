import { ChisoMap } from './map.component.js';

export * from './map.component.js';
if (!customElements.get('chiso-map')) customElements.define('chiso-map', ChisoMap);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-map': ChisoMap;
  }
}
