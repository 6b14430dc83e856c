import { ChisoPlayer } from './player.component.js';

export * from './player.component.js';
if (!customElements.get('chiso-player')) customElements.define('chiso-player', ChisoPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-player': ChisoPlayer;
  }
}
