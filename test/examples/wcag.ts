// WCAG 2.2 checks shared by the example pages' tests: axe-core with the A and AA rules, and the
// interactive targets under 24 x 24 CSS px (2.5.8), in the page and inside the elements' shadow roots.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Opens every disclosure, in the page and in shadow roots, so what they hold is measured too. */
export async function openDisclosures(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const all = (root: Document | ShadowRoot): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    for (const el of all(document)) if (el instanceof HTMLDetailsElement) el.open = true;
    // The elements build what a disclosure holds on its toggle event, in their next update.
    await new Promise((r) => setTimeout(r, 300));
    // Bounded: an element that keeps asking for updates never settles, and the test must say which one
    // instead of hanging until its own timeout.
    const pending = new Set<Element>();
    const settled = all(document).map(async (el) => {
      const done = (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
      if (!done) return;
      pending.add(el);
      await done;
      pending.delete(el);
    });
    const limit = new Promise<'late'>((r) => setTimeout(() => r('late'), 20_000));
    if ((await Promise.race([Promise.all(settled), limit])) === 'late') throw new Error(`still updating after 20 s: ${[...pending].map((el) => el.localName + (el.id ? '#' + el.id : '')).join(', ')}`);
  });
}

/** Every visible interactive target smaller than 24 x 24 CSS px, named by its host, tag and text. */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all = (root: Document | ShadowRoot): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    const interactive = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role=button], [role=option], [role=tab], [role=link]';
    const small: string[] = [];
    for (const el of all(document)) {
      if (!el.matches(interactive)) continue;
      if ((el as HTMLInputElement).type === 'hidden') continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let target: Element = el;
      // A radio button or checkbox is hit through its label.
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) target = el.closest('label') ?? el.labels?.[0] ?? el;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      // Hidden by an ancestor (a closed listbox, a collapsed panel): not a target now.
      if ((target as HTMLElement).offsetParent === null && style.position !== 'fixed') continue;
      // 2.5.8's inline exception: a link in a sentence, its size set by the line of text.
      if (el.localName === 'a' && style.display === 'inline') {
        const parentText = [...(el.parentElement?.childNodes ?? [])].filter((n) => n !== el && n.nodeType === Node.TEXT_NODE && n.textContent!.trim()).length;
        const siblings = [...(el.parentElement?.children ?? [])].some((s) => s !== el && getComputedStyle(s).display === 'inline' && s.localName !== 'a');
        if (parentText || siblings || el.parentElement?.localName === 'li' || el.parentElement?.localName === 'p') continue;
      }
      if (box.width >= 23.5 && box.height >= 23.5) continue;
      const host = (el.getRootNode() as ShadowRoot).host?.localName ?? 'page';
      small.push(`${host} ${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''} "${(el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
    return small;
  });
}

export async function axe(page: Page): Promise<string[]> {
  // Evaluated, not added as a script tag: the portal's CSP allows no inline script.
  await page.evaluate(`${axeSource};0`);
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG)} }, resultTypes: ['violations'] })`)) as {
    violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
  };
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')}`);
}

