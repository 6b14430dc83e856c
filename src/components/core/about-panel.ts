/**
 * The "Về số liệu / About this data" disclosure: one template for the panel beside every chart and
 * under `<chiso-table>`. Its content (`aboutData`, loaded then) is built when a reader opens it. Text from the
 * catalogue and the data is bound as text, never as markup.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Observation } from '../../types.js';
import type { Lang } from '../../messages/index.js';
import { t } from './i18n.js';

export interface AboutPanelOptions {
  rows: readonly Observation[];
  lang: Lang;
  /** Whether the reader opened it (the element keeps this as state). */
  open: boolean;
  toggle: (open: boolean) => void;
  /** Called once the panel's code has loaded, to draw it again. */
  loaded: () => void;
}

/** src/charts/about.ts, loaded when a reader first opens a panel: nothing of it in the first chart's bytes. */
let about: typeof import('../../charts/about.js') | undefined;
let loading: Promise<unknown> | undefined;


export function aboutPanel({ rows, lang, open, toggle, loaded }: AboutPanelOptions): TemplateResult | typeof nothing {
  if (rows.length === 0) return nothing;
  if (open && !about) {
    loading ??= import('../../charts/about.js').then((m) => (about = m));
    void loading.then(loaded, loaded);
  }
  const m = open ? about : undefined;
  return html`<details class="about" part="about" ?open=${open} @toggle=${(e: Event) => toggle((e.target as HTMLDetailsElement).open)}>
    <summary>${t('ABOUT_TITLE', lang)}</summary>
    ${open && !m ? html`<p class="status" role="status">${t('COMPONENTS_LOADING', lang)}</p>` : nothing}
    ${m ? aboutSections(m, rows, lang) : nothing}
  </details>`;
}

function aboutSections(m: typeof import('../../charts/about.js'), rows: readonly Observation[], lang: Lang): TemplateResult[] {
  const ids = [...new Set(rows.map((o) => o.indicator))];
  return ids.map((id) => {
    const a = m.aboutData(rows, id, lang);
    return html`<section class="about-indicator">
      ${ids.length > 1 ? html`<h3>${a.label}</h3>` : nothing}
      <dl>
        ${m.aboutEntries(a, lang).map((e) => html`<dt>${e.heading}</dt>${e.lines.map((line) => html`<dd>${line}</dd>`)}`)}
      </dl>
    </section>`;
  });
}

/** The panel's look, shared by the chart and the table. */
export const aboutStyles = css`
  details.about {
    margin-top: 0.5rem;
  }
  details.about > summary {
    display: inline-block;
    cursor: pointer;
    color: var(--_accent);
    font-size: 0.9em;
  }
  details.about h3 {
    font-size: 0.95em;
    margin: 0.5rem 0 0.25rem;
  }
  details.about dl {
    margin: 0.25rem 0 0;
    font-size: 0.9em;
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.125rem 0.75rem;
  }
  details.about dt {
    grid-column: 1;
    font-weight: 600;
  }
  details.about dd {
    grid-column: 2;
    margin: 0;
  }
`;
