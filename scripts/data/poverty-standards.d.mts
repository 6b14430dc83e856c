export const GSO_POVERTY_STANDARDS: Record<string, string>;
export function gsoPovertyStandard(source: string): string;
