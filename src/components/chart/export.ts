import { html, type TemplateResult } from 'lit';
import type { TopLevelSpec } from 'vega-lite';
import type { Observation } from '../../types.js';
import type { Lang, MessageCode } from '../../messages/index.js';
import { t } from '../core/i18n.js';
import type { VegaViewController } from './vega-view.js';

export type ExportKind = 'svg' | 'png' | 'csv' | 'spec' | 'zip';

/** What a chart shows, as its export writes it. */
export interface Shown {
  /** The file name's words: the title part of the description, else the indicator. */
  name: string;
  rows: readonly Observation[];
  spec: TopLevelSpec | null;
  /** The chart's generated description, written into the SVG as `<desc>`. */
  description: string;
  lang: Lang;
  vega: VegaViewController;
  /** The question the rows answer (indicator, regions, periods, filters, chart type), for the ZIP's metadata. */
  query: Record<string, unknown>;
}

/** The download menu; `pick` closes it and saves. */
export function exportMenu(lang: Lang, pick: (kind: ExportKind) => void): TemplateResult {
  const item = (kind: ExportKind, code: MessageCode) => html`<li><button type="button" @click=${() => pick(kind)}>${t(code, lang)}</button></li>`;
  return html`<details class="export" part="export">
    <summary>${t('COMPONENTS_EXPORT', lang)}</summary>
    <ul>
      ${item('svg', 'COMPONENTS_EXPORT_SVG')} ${item('png', 'COMPONENTS_EXPORT_PNG')} ${item('csv', 'COMPONENTS_EXPORT_CSV')}
      ${item('spec', 'COMPONENTS_EXPORT_SPEC')} ${item('zip', 'COMPONENTS_EXPORT_ZIP')}
    </ul>
  </details>`;
}
