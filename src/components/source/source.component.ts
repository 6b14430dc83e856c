import { css, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Observation } from '../../types.js';
import { ChisoViewElement } from '../core/view-element.js';
import { baseStyles } from '../core/styles.js';
import { t } from '../core/i18n.js';
import { indicatorLabel } from '../../registry/names.js';
import { sourceText } from '../../charts/sources.js';
import type { Lang } from '../../messages/index.js';

/** One source as a reader sees it: where, which indicators, and the quoted phrases. */
export interface SourceEntry {
  /** The file or page, without the `#row=...` part that points into it. */
  source: string;
  /** What a reader sees: the outlet or agency and date (a seed report, a GSO table), never a path of the repository. */
  label: string;
  /** How many figures come from it. */
  count: number;
  /** Page address when the source is one (only `http:`/`https:` become links). */
  href: string | null;
  indicators: string[];
  quotes: string[];
}

/** Sources of the observations, in order of first appearance; a data string never becomes a link unless it is http(s). */
export function sourceEntries(rows: readonly Observation[], lang: Lang = 'vi'): SourceEntry[] {
  const by = new Map<string, SourceEntry>();
  for (const o of rows) {
    // A file is one source; `#row=4&column=2010` points to one cell of it.
    const key = (o.source || '').split('#')[0];
    let e = by.get(key);
    if (!e) {
      let href: string | null = null;
      try {
        const u = new URL(key);
        if (u.protocol === 'http:' || u.protocol === 'https:') href = u.href;
      } catch {
        href = null;
      }
      e = { source: key, label: sourceText({ source: o.source, period: o.period }, lang), count: 0, href, indicators: [], quotes: [] };
      by.set(key, e);
    }
    e.count++;
    if (!e.indicators.includes(o.indicator)) e.indicators.push(o.indicator);
    if (o.quote && !e.quotes.includes(o.quote)) e.quotes.push(o.quote);
  }
  return [...by.values()];
}

/**
 * @tagname chiso-source
 * @summary Where the figures come from: file (with table and row), page address, and the exact phrase quoted.
 *
 * Lists the sources of the observations the dashboard shows now (narrowed by the selection).
 *
 * @attr indicator - Only sources of this indicator.
 * @attr region - Only sources of these regions (a selection made elsewhere replaces them only with `follow="region"`).
 * @attr follow - Which selections of other views the list follows: `region`, `period`, both (`all`) or `none`. Default: those it does not fix.
 * @attr max-quotes - Quoted phrases shown per source. Default 3.
 *
 * @csspart list - The list of sources.
 * @csspart source - One source.
 * @csspart quote - A quoted phrase.
 * @csspart status - Loading and empty messages.
 */
export class ChisoSource extends ChisoViewElement {
  static override styles = [
    baseStyles,
    css`
      h2 {
        font-size: 1em;
        margin: 0 0 0.25rem;
      }
      ol {
        margin: 0;
        padding-left: 1.25rem;
        font-size: 0.9em;
      }
      li {
        margin: 0.25rem 0;
        overflow-wrap: anywhere;
      }
      a {
        color: var(--_accent);
      }
      blockquote {
        margin: 0.125rem 0 0 0.5rem;
        font-style: italic;
        color: var(--_muted);
      }
      .ind {
        color: var(--_muted);
      }
    `,
  ];
  static override properties: PropertyDeclarations = { maxQuotes: { type: Number, attribute: 'max-quotes' } };
  declare maxQuotes: number;
  entries: SourceEntry[] = [];

  constructor() {
    super(false);
    this.maxQuotes = 3;
  }

  protected override answer(rows: Observation[]): Observation[] {
    this.entries = sourceEntries(rows, this.locale);
    return rows;
  }

  override render() {
    return this.renderRows(() => this.#list());
  }

  #list() {
    const lang = this.locale;
    if (this.entries.length === 0) return this.renderEmpty();
    return html`<section aria-labelledby="h">
      <h2 id="h">${t('COMPONENTS_SOURCE_TITLE', lang)}</h2>
      <ol part="list">
        ${this.entries.map(
          (e) => html`<li part="source">
            ${e.href ? html`<a href=${e.href} rel="noopener noreferrer" target="_blank">${e.label}</a>` : html`<span>${e.label}</span>`}
            <span class="ind">(${e.indicators.map((i) => indicatorLabel(i, lang)).join('; ')}; ${t('COMPONENTS_SOURCE_COUNT', lang, { count: e.count })})</span>
            ${e.quotes.slice(0, this.maxQuotes).map((q) => html`<blockquote part="quote" lang="vi">“${q}”</blockquote>`)}
            ${e.quotes.length > this.maxQuotes ? html`<span class="ind">+${e.quotes.length - this.maxQuotes}</span>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }
}
