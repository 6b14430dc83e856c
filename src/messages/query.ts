import type { Catalogue } from './index.js';

/** Messages of src/query. Codes are UPPER_SNAKE and unique across all catalogues. */
export const queryMessages = {
} satisfies Catalogue;
