/** The two sets of provincial units a map and a filter switch between. */
export const Units = { '63': '63', '34': '34' } as const;
export type Units = keyof typeof Units;
export function isUnits(value: unknown): value is Units {
  return typeof value === 'string' && Object.hasOwn(Units, value);
}

/** Whether a region id belongs to the 34 units of 1 July 2025. */
export function is34(id: string): boolean {
  return id.startsWith('34:');
}
