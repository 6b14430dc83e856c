// The names of the parameters and layers recipes declare, in a module of their own: the theme
// (contrast.ts) reads them too, below common.ts.

/**
 * Parameters a recipe declares with a value and reads in its tests and label expressions, so that
 * what a selection changes is a value and never the spec's shape: the regions highlighted (ids)
 * and a slope's two period labels.
 */
export const HIGHLIGHT_PARAM = 'chiso_highlight';
export const PERIOD_LABELS = 'chiso_period_labels';
/**
 * Whether anything is highlighted, worked out from `HIGHLIGHT_PARAM` in the view: marks coloured by
 * it alone are drawn again only when a selection starts or ends, not for each region picked.
 */
export const HIGHLIGHT_ANY = 'chiso_highlight_any';
/** The layer a bar chart draws its highlighted bars in, over the others (the high-contrast theme outlines it). */
export const HIGHLIGHT_BARS = 'chiso_highlight_bars';
/** The layer hiding a highlighted bar's axis label under its bold one (forced colours paint it as the paper). */
export const HIGHLIGHT_COVER = 'chiso_highlight_cover';
