import type { Catalogue } from './index.js';

/** Messages of src/charts. Codes are UPPER_SNAKE and unique across all catalogues. */
export const chartsMessages = {
} satisfies Catalogue;
