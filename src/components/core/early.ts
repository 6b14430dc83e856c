/**
 * Data files the embed's script (embed.ts) asked for before the elements' code arrived, by absolute
 * address: the dashboard takes its file's response from here (once) instead of asking again a round
 * trip and the elements' setup later. Kept on `globalThis` under a registered symbol, so the script
 * fills it without importing this module (which would make it wait for the elements' code).
 */
const KEY = Symbol.for('chiso.early-fetch');
type Early = Map<string, Promise<Response>>;

function early(): Early {
  const g = globalThis as unknown as Record<symbol, Early | undefined>;
  return (g[KEY] ??= new Map());
}

/** The response fetched early for `url`, once; `undefined` when none was asked for (or it was taken). */
export function takeEarly(url: string): Promise<Response> | undefined {
  if (typeof document === 'undefined') return undefined;
  const href = new URL(url, document.baseURI).href;
  const all = early();
  const res = all.get(href);
  all.delete(href);
  return res;
}
