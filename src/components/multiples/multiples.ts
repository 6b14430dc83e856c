import { ChisoMultiples } from './multiples.component.js';

export * from './multiples.component.js';
if (!customElements.get('chiso-multiples')) customElements.define('chiso-multiples', ChisoMultiples);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-multiples': ChisoMultiples;
  }
}
