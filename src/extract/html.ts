/**
 * HTML to plain text without a DOM and without evaluating anything: a small scanner drops markup,
 * throws away the contents of `<script>`, `<style>`, `<template>`, `<noscript>` and comments, turns
 * block elements into line breaks and decodes character references. What comes out is the report
 * text every offset of an extraction refers to.
 */

/** Elements whose content is never text a reader sees. */
const DROP_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title', 'textarea', 'select']);

/** Elements that start a new line (and paragraphs a blank line), so sentences do not run together. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'td', 'th', 'thead', 'tfoot', 'tr', 'ul', 'caption',
]);
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'section', 'article']);

/** The named references that occur in Vietnamese portal pages; others pass through as written. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»', bull: '•', middot: '·', copy: '©',
  reg: '®', trade: '™', deg: '°', percnt: '%', times: '×', divide: '÷', shy: '',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Igrave: 'Ì',
  Iacute: 'Í', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ugrave: 'Ù', Uacute: 'Ú', Yacute: 'Ý',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', egrave: 'è', eacute: 'é', ecirc: 'ê', igrave: 'ì',
  iacute: 'í', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ugrave: 'ù', uacute: 'ú', yacute: 'ý',
};

function fromCodePoint(n: number): string {
  // Surrogates, out-of-range and NUL become U+FFFD, as the HTML standard does.
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}

/** Decodes `&amp;`, `&#7909;`, `&#x1EE5;`; an unknown name stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      return fromCodePoint(parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    return Object.hasOwn(NAMED, ref) ? NAMED[ref] : whole;
  });
}

/** True when the text looks like markup rather than a plain-text report. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype|html|body|head|p|div|br|span|script|table|article|h[1-6])\b/i.test(text.slice(0, 20000));
}

/** Index just past the `>` that closes a tag opened at `from`, honouring quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i + 1;
    }
  }
  return html.length;
}

/**
 * Plain text of an HTML page. Never builds a DOM, never runs script: dropped elements vanish with
 * their content (an unclosed `<script>` swallows the rest of the page rather than leak into text).
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let i = 0;
  let textStart = 0;
  const flush = (end: number) => {
    if (end > textStart) out.push(decodeEntities(html.slice(textStart, end)));
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      flush(lt);
      const close = html.indexOf('-->', lt + 4);
      i = textStart = close === -1 ? html.length : close + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      flush(lt);
      i = textStart = tagEnd(html, lt);
      continue;
    }
    const m = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(lt, lt + 40));
    if (!m) {
      // A bare `<` in text ("< 5%") is text.
      i = lt + 1;
      continue;
    }
    flush(lt);
    const name = m[1].toLowerCase();
    const closing = html[lt + 1] === '/';
    let end = tagEnd(html, lt);
    const selfClosing = html[end - 2] === '/';
    if (!closing && !selfClosing && DROP_CONTENT.has(name)) {
      // Skip to the matching end tag, case-insensitively; everything in between is discarded.
      const re = new RegExp(`</${name}\\s*>`, 'ig');
      re.lastIndex = end;
      const close = re.exec(html);
      end = close ? close.index + close[0].length : html.length;
    }
    if (BLOCK.has(name)) out.push(PARAGRAPH.has(name) ? '\n\n' : '\n');
    i = textStart = end;
  }
  flush(html.length);
  return tidyLines(out.join(''));
}

/** Collapses the whitespace markup leaves behind: runs of spaces, and more than one blank line. */
function tidyLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
