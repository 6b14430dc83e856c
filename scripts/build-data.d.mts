import type { Observation } from '../src/types.js';
export interface GsoFileSpec { raw: string; out: string; indicator: string }
export const GSO_FILES: readonly GsoFileSpec[];
/** The bundled weight files: a GSO export, cut to the rows `keep` accepts. */
export const WEIGHT_FILES: readonly (GsoFileSpec & { keep: (o: Observation) => boolean })[];
export const CURATED: readonly { from: string; out: string }[];
export interface BuiltFile { path: string; text: string; rows: number }
export function buildData(deps: {
  readBytes: (path: string) => Uint8Array;
  loadObservations: (input: Uint8Array, options: { file: string; format: 'gso' }) => { observations: Observation[] };
}): BuiltFile[];
