import type { Catalogue } from './index.js';

/** Messages of src/components. Codes are UPPER_SNAKE and unique across all catalogues. */
export const componentsMessages = {
} satisfies Catalogue;
