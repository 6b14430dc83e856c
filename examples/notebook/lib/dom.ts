/**
 * Building DOM without markup strings: attributes are set one by one and children that are strings
 * become text nodes, so a value read from data can never become an element.
 */
export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(node: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** `text` with each span wrapped in `<mark>` (numbered by its label), built from text nodes only. */
export function marked(text: string, spans: { start: number; end: number; label?: string }[]): DocumentFragment {
  const f = document.createDocumentFragment();
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue; // overlapping phrases: the first one is marked
    f.append(document.createTextNode(text.slice(at, s.start)));
    const m = document.createElement('mark');
    m.textContent = text.slice(s.start, s.end);
    if (s.label) {
      const sup = document.createElement('sup');
      sup.textContent = s.label;
      m.append(sup);
    }
    f.append(m);
    at = s.end;
  }
  f.append(document.createTextNode(text.slice(at)));
  return f;
}
