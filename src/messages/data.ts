import type { Catalogue } from './index.js';

/** Messages of src/data. Codes are UPPER_SNAKE and unique across all catalogues. */
export const dataMessages = {
} satisfies Catalogue;
