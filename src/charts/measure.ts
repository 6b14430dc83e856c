// Text widths without a DOM: Be Vietnam Pro's advance widths (the font chiso bundles for export), so a
// recipe can leave room for its labels in the browser, in Node and in tests alike.

/** Advance widths in thousandths of an em of the printable ASCII characters (32–126), regular and semibold. */
const REGULAR = [230,280,318,807,645,849,740,179,439,439,497,608,303,608,286,503,676,385,651,660,710,660,680,594,634,680,286,303,556,726,556,573,1005,736,674,775,728,620,633,783,709,258,465,679,624,853,732,826,644,822,668,635,650,725,706,1005,720,665,660,459,485,459,559,702,202,642,652,613,652,599,386,643,583,264,274,555,255,893,573,642,652,652,392,508,428,566,576,870,559,583,502,426,408,426,468];
const SEMIBOLD = [230,320,367,833,648,863,755,208,449,449,508,637,332,607,319,528,692,415,660,674,716,674,693,596,656,693,319,332,568,744,568,605,1014,758,698,778,743,634,640,788,725,280,482,703,637,877,743,828,667,825,697,656,674,733,732,1039,753,701,664,489,515,489,594,724,260,652,662,624,662,611,401,654,600,285,292,584,277,895,590,652,662,662,416,527,434,581,588,879,591,592,514,462,426,462,483];
/** A few non-ASCII characters chiso writes itself. */
const OTHER: Record<string, number> = { 'đ': 662, 'Đ': 788, '–': 682, '—': 1000, '…': 726, '→': 500, '≥': 571, '≤': 571, '·': 286, '“': 400, '”': 400 };

/**
 * The width in pixels of `text` set in Be Vietnam Pro at `fontSize` (weight 600 and above use the
 * semibold widths). Vietnamese letters measure as their base letter (the marks sit above or below);
 * an unknown character counts as a wide one, so estimates err on the side of room.
 */
export function textWidth(text: string, fontSize: number, weight = 400): number {
  const semibold = weight >= 600;
  const widths = semibold ? semiboldEm : regularEm;
  let em = 0;
  for (const ch of text) {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = charEm(ch, semibold ? SEMIBOLD : REGULAR)));
    em += w;
  }
  return (em / 1000) * fontSize;
}

/** Each character's width, worked out once: a bar chart measures its 63 labels again on every selection. */
const regularEm = new Map<string, number>();
const semiboldEm = new Map<string, number>();

function charEm(ch: string, table: readonly number[]): number {
  const known = OTHER[ch];
  if (known !== undefined) return known;
  const code = ch.normalize('NFD').charCodeAt(0);
  return code >= 32 && code < 127 ? table[code - 32] : 720;
}

/** The widest of several texts, in pixels. */
export function maxTextWidth(texts: Iterable<string>, fontSize: number, weight = 400): number {
  let max = 0;
  for (const t of texts) max = Math.max(max, textWidth(t, fontSize, weight));
  return max;
}
