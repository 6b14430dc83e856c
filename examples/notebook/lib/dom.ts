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

/** `text` with every occurrence of `start..end` wrapped in `<mark>`, as text nodes. */
export function highlighted(text: string, start: number, end: number, tag: 'mark' | 'strong' = 'mark'): DocumentFragment {
  const f = document.createDocumentFragment();
  f.append(document.createTextNode(text.slice(0, start)));
  const m = document.createElement(tag);
  m.textContent = text.slice(start, end);
  f.append(m, document.createTextNode(text.slice(end)));
  return f;
}
