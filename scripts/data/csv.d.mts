export function parseCsv(text: string): string[][];
export function readRecords(text: string): Record<string, string>[];
export function formatCsv(columns: readonly string[], records: readonly Record<string, unknown>[]): string;
export const COLUMNS: readonly string[];
