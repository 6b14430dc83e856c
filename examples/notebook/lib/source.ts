/**
 * The cells' code as written in the page's module (types and comments included), for the code
 * blocks: the dev server gives a module's original text with `?raw`. Without it, the function's own
 * `toString()` (as the dev server compiled it) stands in.
 */

/** Index just past the brace that closes the one at `open`, skipping strings, templates and comments. */
export function matchBrace(text: string, open: number): number {
  // Stack of what encloses the scanner: '{' a block, '`' a template, '$' a `${` inside a template.
  const stack: string[] = [];
  let i = open;
  while (i < text.length) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (top === '`') {
      if (c === '\\') i += 2;
      else if (c === '`') (stack.pop(), i++);
      else if (c === '$' && text[i + 1] === '{') (stack.push('$'), (i += 2));
      else i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '`') (stack.push('`'), i++);
    else if (c === '{') (stack.push('{'), i++);
    else if (c === '}') {
      stack.pop();
      i++;
      if (stack.length === 0) return i;
    } else i++;
  }
  return -1;
}

/** The bodies of the functions given to top-level `cell(...)` calls, in order, dedented. */
export function cellBodies(text: string): string[] {
  const out: string[] = [];
  const calls = /^cell\(/gm;
  let m: RegExpExecArray | null;
  while ((m = calls.exec(text))) {
    const arrow = /(?:async\s*)?\(\s*\)\s*=>\s*\{/g;
    arrow.lastIndex = m.index;
    const a = arrow.exec(text);
    if (!a) break;
    const open = a.index + a[0].length - 1;
    const close = matchBrace(text, open);
    if (close < 0) break;
    out.push(dedent(text.slice(open + 1, close - 1)));
    calls.lastIndex = close;
  }
  return out;
}

export function dedent(body: string): string {
  const lines = body.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length);
  const indent = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** The page module's original text, or `null` where the server does not give it. */
export async function pageModuleText(): Promise<string | null> {
  // The page marks its module; the dev server adds a client script of its own before it.
  const script = document.querySelector<HTMLScriptElement>('script[type="module"][data-notebook]');
  if (!script) return null;
  try {
    const mod = (await import(/* @vite-ignore */ `${script.src}?raw`)) as { default?: unknown };
    return typeof mod.default === 'string' ? mod.default : null;
  } catch {
    return null;
  }
}
