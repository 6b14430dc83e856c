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

/**
 * Where a `JSON.parse` error is, in both languages and without quoting the text: the line and column
 * when the engine gives a position, else only that the text is not JSON. The engine's own message is
 * English, so a Vietnamese reader gets this instead.
 */
export function jsonSyntaxError(e: unknown, text: string): { en: string; vi: string } {
  const msg = e instanceof Error ? e.message : String(e);
  const at = /position (\d+)/.exec(msg);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  const offset = at ? Number(at[1]) : undefined;
  if (/Unexpected end of JSON input/.test(msg) || (offset !== undefined && offset >= text.trimEnd().length)) {
    return { en: 'not valid JSON (it ends too early)', vi: 'không phải JSON hợp lệ (văn bản kết thúc quá sớm)' };
  }
  let line: number | undefined;
  let column: number | undefined;
  if (lc) [line, column] = [Number(lc[1]), Number(lc[2])];
  else if (offset !== undefined) {
    const before = text.slice(0, offset);
    line = before.split('\n').length;
    column = offset - before.lastIndexOf('\n');
  }
  if (line !== undefined) return { en: `not valid JSON (line ${line}, column ${column})`, vi: `không phải JSON hợp lệ (dòng ${line}, cột ${column})` };
  // Some engines name only the character: one character says where without quoting the text.
  const token = /Unexpected token '(.)'/u.exec(msg)?.[1];
  return token
    ? { en: `not valid JSON (unexpected character "${token}")`, vi: `không phải JSON hợp lệ (ký tự không đúng chỗ "${token}")` }
    : { en: 'not valid JSON', vi: 'không phải JSON hợp lệ' };
}
