import { ChisoSource } from './source.component.js';

export * from './source.component.js';
if (!customElements.get('chiso-source')) customElements.define('chiso-source', ChisoSource);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-source': ChisoSource;
  }
}
