import type { Observation } from '../src/types.js';
export interface GsoFileSpec { raw: string; out: string; indicator: string }
export const GSO_FILES: readonly GsoFileSpec[];
export const CURATED: readonly { from: string; out: string }[];
export interface BuiltFile { path: string; text: string; rows: number }
export function buildData(deps: {
  readBytes: (path: string) => Uint8Array;
  loadObservations: (input: Uint8Array, options: { file: string; format: 'gso' }) => { observations: Observation[] };
}): BuiltFile[];
