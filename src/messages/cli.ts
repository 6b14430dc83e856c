import type { Catalogue } from './index.js';

/** Messages of src/cli. Codes are UPPER_SNAKE and unique across all catalogues. */
export const cliMessages = {
} satisfies Catalogue;
