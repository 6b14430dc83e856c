/**
 * Benchmark results: each entry is a time and the baseline it is judged against, measured in the
 * same run. `ratio = ms / baseline_ms`, so lower is better. Entries are merged by name into
 * bench/results.json so each benchmark file can run on its own.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchEntry {
  name: string;
  ms: number;
  baseline: string;
  baseline_ms: number;
  ratio: number;
  /** Anything a reader needs to judge the figure: rows, runs, machine notes. */
  note?: string;
}

const file = fileURLToPath(new URL('./results.json', import.meta.url));

export function entry(name: string, ms: number, baseline: string, baselineMs: number, note?: string): BenchEntry {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { name, ms: round(ms), baseline, baseline_ms: round(baselineMs), ratio: round(ms / baselineMs), ...(note ? { note } : {}) };
}

/**
 * A score (a fraction, higher is better) in the same file: `ms` holds the score and `baseline_ms`
 * the goal, so `ratio` >= 1 means the goal is met.
 */
export function score(name: string, value: number, goal: number, note?: string): BenchEntry {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { name, ms: round(value), baseline: `goal ${goal} (a fraction, higher is better; ms holds the score)`, baseline_ms: goal, ratio: round(value / goal), ...(note ? { note } : {}) };
}

export function record(entries: BenchEntry[]): void {
  const existing: BenchEntry[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const byName = new Map(existing.map((e) => [e.name, e]));
  for (const e of entries) {
    byName.set(e.name, e);
    console.log(`${e.name.padEnd(44)} ${e.ms.toFixed(2).padStart(10)} ms  vs ${e.baseline} ${e.baseline_ms.toFixed(2)} ms  ratio ${e.ratio.toFixed(3)}`);
  }
  const sorted = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(file, JSON.stringify(sorted, null, 2) + '\n');
}

/** Median of `runs` timings of `fn` after `warmup` untimed calls. */
export async function median(fn: () => unknown, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
