import { html } from 'lit';
import type { Lang } from '../../messages/index.js';
import { t } from './i18n.js';
import { themeChanged } from './chart-theme.js';

/** Where a page remembers the reader's contrast choice, for every dashboard on it and the next visit. */
export const CONTRAST_STORAGE_KEY = 'chiso-contrast';

/** The reader's remembered choice; `false` where storage is blocked (private modes, sandboxed frames). */
export function rememberedContrast(): boolean {
  try {
    return localStorage.getItem(CONTRAST_STORAGE_KEY) === 'high';
  } catch {
    return false;
  }
}

export function rememberContrast(high: boolean): void {
  try {
    if (high) localStorage.setItem(CONTRAST_STORAGE_KEY, 'high');
    else localStorage.removeItem(CONTRAST_STORAGE_KEY);
  } catch {
    // Not remembered, still applied.
  }
}

// One query object, asked again on each drawing (not made anew each time).
let forced: MediaQueryList | null | undefined;
const forcedColors = () => {
  forced ??= typeof matchMedia === 'function' ? matchMedia('(forced-colors: active)') : null;
  return forced?.matches ?? false;
};

/**
 * Whether a view draws in the high-contrast theme: its dashboard's switch is on, or the system forces
 * its colours (Windows contrast themes), where dashes and shapes must carry what colour no longer can.
 */
export function wantsHighContrast(view: Element): boolean {
  return view.closest('chiso-dashboard')?.getAttribute('contrast') === 'high' || forcedColors();
}

/** The switch: a real button, its state in `aria-pressed`, in the page's language. */
export function contrastToggle(high: boolean, lang: Lang, toggle: () => void) {
  return html`<button type="button" class="contrast" part="contrast" aria-pressed=${high ? 'true' : 'false'} @click=${toggle}>${t('COMPONENTS_CONTRAST', lang)}</button>`;
}

/** Every chiso view inside a dashboard, asked to draw again (its theme changed). */
export function redrawViews(dashboard: Element): void {
  themeChanged();
  for (const el of dashboard.querySelectorAll('*')) {
    if (el.localName.startsWith('chiso-') && 'requestUpdate' in el) (el as unknown as { requestUpdate(): void }).requestUpdate();
  }
}

/** Calls `changed` when the system turns forced colours on or off; returns the way to stop. */
export function watchForcedColors(changed: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const query = matchMedia('(forced-colors: active)');
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}
