/** A notebook-style summary of one column: counts and range for numbers, distinct values for text. */
export type ColumnProfile =
  | { kind: 'number'; count: number; missing: number; min: number; median: number; max: number; bins: number[] }
  | { kind: 'text'; count: number; missing: number; distinct: number; top: { value: string; count: number }[] };

const BINS = 10;

export function profileColumn(values: readonly unknown[]): ColumnProfile {
  const nums: number[] = [];
  let missing = 0;
  let texts = 0;
  for (const v of values) {
    if (v === null || v === undefined || v === '') missing++;
    else if (typeof v === 'number' && Number.isFinite(v)) nums.push(v);
    else texts++;
  }
  if (nums.length > 0 && texts === 0) {
    nums.sort((a, b) => a - b);
    const min = nums[0];
    const max = nums[nums.length - 1];
    const mid = nums.length >> 1;
    const median = nums.length % 2 ? nums[mid] : (nums[mid - 1] + nums[mid]) / 2;
    const bins = new Array<number>(BINS).fill(0);
    for (const n of nums) bins[max === min ? 0 : Math.min(BINS - 1, Math.floor(((n - min) / (max - min)) * BINS))]++;
    return { kind: 'number', count: nums.length, missing, min, median, max, bins };
  }
  const counts = new Map<string, number>();
  for (const v of values) if (!(v === null || v === undefined || v === '')) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([value, count]) => ({ value, count }));
  return { kind: 'text', count: values.length - missing, missing, distinct: counts.size, top };
}
