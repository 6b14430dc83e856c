import type { Catalogue } from './index.js';

/** Messages of src/render. Codes are UPPER_SNAKE and unique across all catalogues. */
export const renderMessages = {
} satisfies Catalogue;
