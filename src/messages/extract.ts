import type { Catalogue } from './index.js';

/** Messages of src/extract. Codes are UPPER_SNAKE and unique across all catalogues. */
export const extractMessages = {
} satisfies Catalogue;
