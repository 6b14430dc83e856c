/**
 * The page address as an element's state (`url-state` on a dashboard, or on a player with data of its
 * own): one home for the key, the write and its timing.
 */

/** `name`, or `{id}.name`: a page with several elements keeping the address gives each an id. */
export function urlKey(id: string, name: string): string {
  return id ? `${id}.${name}` : name;
}

/** Sets each of `values` in the page address (removes those `null` or empty), replacing the history entry, and only when the address changes. */
export function writeAddress(values: Record<string, string | null>): void {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(values)) {
    if (v) url.searchParams.set(k, v);
    else url.searchParams.delete(k);
  }
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

/**
 * `write`, as a function that runs it in a task of its own, once for calls that come together, and
 * only while `wanted()`: the address is no part of what a player's step must draw in its frame
 * (Chromium's replaceState alone takes some 10-15 ms).
 */
export function writeLater(write: () => void, wanted: () => boolean): () => void {
  let pending = false;
  return () => {
    if (pending || !wanted()) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      if (wanted()) write();
    }, 0);
  };
}
