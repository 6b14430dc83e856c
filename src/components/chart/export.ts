import { html, type TemplateResult } from 'lit';
import type { TopLevelSpec } from 'vega-lite';
import type { Observation } from '../../types.js';
import type { Lang } from '../../messages/index.js';
import { t } from '../core/i18n.js';
import { observationsToCSV } from '../core/csv.js';
import { download, fileStem } from '../core/download.js';
import type { VegaViewController } from './vega-view.js';

export type ExportKind = 'svg' | 'png' | 'csv' | 'spec';

/** What a chart shows, as its export writes it. */
export interface Shown {
  /** The file name's words: the title part of the description, else the indicator. */
  name: string;
  rows: readonly Observation[];
  spec: TopLevelSpec | null;
  vega: VegaViewController;
}

/** Saves a chart as it is shown: SVG, PNG, CSV of the observations drawn, or the Vega-Lite spec. */
export async function saveChart(kind: ExportKind, shown: Shown): Promise<void> {
  const stem = fileStem(shown.name || 'chiso');
  if (kind === 'csv') return download(`${stem}.csv`, new Blob([observationsToCSV(shown.rows)], { type: 'text/csv;charset=utf-8' }));
  if (kind === 'spec') return download(`${stem}.vl.json`, new Blob([JSON.stringify(shown.spec, null, 2) + '\n'], { type: 'application/json' }));
  if (kind === 'svg') {
    const svg = await shown.vega.toSVG();
    if (svg !== null) download(`${stem}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
    return;
  }
  const png = await shown.vega.toPNG(2);
  if (png !== null) download(`${stem}.png`, png);
}

/** The download menu; `pick` closes it and saves. */
export function exportMenu(lang: Lang, pick: (kind: ExportKind) => void): TemplateResult {
  const item = (kind: ExportKind, code: string) => html`<li><button type="button" @click=${() => pick(kind)}>${t(code, lang)}</button></li>`;
  return html`<details class="export" part="export">
    <summary>${t('COMPONENTS_EXPORT', lang)}</summary>
    <ul>
      ${item('svg', 'COMPONENTS_EXPORT_SVG')} ${item('png', 'COMPONENTS_EXPORT_PNG')} ${item('csv', 'COMPONENTS_EXPORT_CSV')}
      ${item('spec', 'COMPONENTS_EXPORT_SPEC')}
    </ul>
  </details>`;
}
