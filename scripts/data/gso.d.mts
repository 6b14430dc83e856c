export interface GsoCell {
  /** The row label as written (`Quang  Ngai`, ` WHOLE COUNTRY`). */
  name: string;
  /** 1-based line of the file. */
  line: number;
  /** The header cell (`2010 Total`). */
  column: string;
  period: string;
  status: 'final' | 'preliminary' | 'missing';
  sub: string | null;
  value: number | null;
}
export function decodeGso(bytes: Uint8Array): string;
export function parseHeader(cell: string): { period: string; status: 'final' | 'preliminary'; sub: string | null };
export function readGsoCells(text: string, file: string): GsoCell[];
