/** Vega marks' accessibility, shared by the page (vega-embed) and `chiso bake` (Node): no Vega import here. */

export type VgMark = { aria?: boolean; description?: string; marks?: VgMark[]; encode?: Record<string, Record<string, unknown> | undefined> };

/**
 * Marks that describe neither themselves nor their items (outlines, halos, decoration) are hidden
 * from assistive technology: an unlabelled container is noise to a screen reader, and the chart's
 * description and data table say what it shows.
 */
export function hideUnlabelledMarks<T extends { marks?: VgMark[] }>(spec: T): T {
  const visit = (marks: VgMark[] | undefined) => {
    for (const m of marks ?? []) {
      const itemDescribed = Object.values(m.encode ?? {}).some((set) => set && 'description' in set);
      if (m.aria === undefined && !m.description && !itemDescribed && !m.marks) m.aria = false;
      visit(m.marks);
    }
  };
  visit(spec.marks);
  return spec;
}
