import type { Shown, ExportKind } from './export.js';
import { download, fileStem } from '../core/download.js';

/** Saves a chart as it is shown: SVG, PNG, CSV of the observations drawn, the Vega-Lite spec, or all of it with its metadata as a ZIP. */
export async function saveChart(kind: ExportKind, shown: Shown): Promise<void> {
  const stem = fileStem(shown.name || 'chiso');
  // Names beside codes, so a reader of the file needs no code list.
  if (kind === 'csv') {
    // The CSV writer loads only now, as the ZIP's does.
    const { EXPORT_COLUMNS, observationsToCSV, withRegionNames } = await import('../core/csv.js');
    return download(`${stem}.csv`, new Blob([observationsToCSV(withRegionNames(shown.rows, shown.lang), EXPORT_COLUMNS)], { type: 'text/csv;charset=utf-8' }));
  }
  if (kind === 'zip') {
    // The bundle's code and the zip library load only now: nothing of them in the first chart's bytes.
    const { bundleFiles, zipBundle } = await import('../../render/bundle.js');
    const files = bundleFiles({ rows: shown.rows, spec: shown.spec, query: shown.query, lang: shown.lang, url: location.href, date: new Date().toISOString().slice(0, 10) });
    return download(`${stem}.zip`, new Blob([(await zipBundle(files)) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  }
  if (kind === 'spec') return download(`${stem}.vl.json`, new Blob([JSON.stringify(shown.spec, null, 2) + '\n'], { type: 'application/json' }));
  if (kind === 'svg') {
    const drawn = await shown.vega.toSVG();
    if (drawn === null) return;
    // Embeds Be Vietnam Pro as `chiso render` does; the faces load only now.
    const { downloadableSvg } = await import('../../render/download-svg.js');
    const svg = downloadableSvg(drawn, { spec: shown.spec, description: shown.description, lang: shown.lang });
    return download(`${stem}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
  }
  // The patterns' module loads only with a download, not with every chart.
  const { usesPatterns } = await import('../../charts/patterns.js');
  const url = usesPatterns(JSON.stringify(shown.spec)) ? await patternedPng(shown, 2) : await shown.vega.toPNG(2);
  if (url === null) return;
  // Twice the drawing's pixels, and the file says so (192 dpi), so Word places it at the chart's size.
  const { pngFromDataUrl, withPngDpi, dpiForScale } = await import('../../render/png-resolution.js');
  const png = withPngDpi(pngFromDataUrl(url), dpiForScale(2));
  return download(`${stem}.png`, new Blob([png], { type: 'image/png' }));
}

/**
 * A PNG of a drawing filled with patterns (a map in high contrast): Vega's canvas cannot draw them, so
 * the SVG, with its patterns and Be Vietnam Pro embedded, is drawn as an image (a `data:` URL, which the
 * page's `img-src` allows) on a canvas `scale` times its size.
 */
async function patternedPng(shown: Shown, scale: number): Promise<string | null> {
  const drawn = await shown.vega.toSVG();
  if (drawn === null) return null;
  const { downloadableSvg } = await import('../../render/download-svg.js');
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(downloadableSvg(drawn, { spec: shown.spec, description: shown.description, lang: shown.lang }))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.naturalWidth * scale);
  canvas.height = Math.round(image.naturalHeight * scale);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
