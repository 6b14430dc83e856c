/**
 * JSON text from a stranger: nesting checked before parsing (the parser, and every walk after it,
 * go as deep as the text), and a parse error told without quoting the text (V8 quotes its start,
 * which for `/proc/self/environ` read as JSON would be a secret).
 */

/** Deepest nesting a data file or config may have; observations need three or four levels. */
export const JSON_MAX_DEPTH = 64;

/** Deepest nesting of `[` and `{` in a JSON text, read in one pass (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote, over escapes.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** A `JSON.parse` error's message without the excerpt of the text it quotes. */
export function jsonErrorDetail(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/, "[\s\S]*"(\.\.\.)? is not valid JSON/, ' (not valid JSON)').replace(/^Unexpected token '[\s\S]'/, 'Unexpected character');
}
