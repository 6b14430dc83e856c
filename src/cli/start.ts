/**
 * What bin/chiso.js runs, as one script (scripts/cli-bundle.mjs makes dist/cli/bundle.cjs from this
 * file): the command line, and the code caches its run compiled, to write once it is done. Not a
 * public entry.
 */
export { main } from './index.js';
export { flushCodeCaches } from '../render/node/cache.js';
