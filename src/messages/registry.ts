import type { Catalogue } from './index.js';

/** Messages of src/registry. Codes are UPPER_SNAKE and unique across all catalogues. */
export const registryMessages = {
} satisfies Catalogue;
