/**
 * `chiso/arquero`: the query spec on Arquero, for Node and for pages that allow `eval` (analysts'
 * notebook pages). Arquero compiles its expressions with `Function()`, so a page under a strict
 * Content-Security-Policy (a portal) never imports this entry: its elements run the eval-free
 * executor (`executeQuery`, the `chiso` entry), which gives the same rows.
 */
export { runQuery } from './query/arquero.js';
export { ArqueroConnector } from './connectors/arquero.js';
export type { ArqueroConnectorOptions } from './connectors/arquero.js';
