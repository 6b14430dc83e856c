/**
 * Benchmark results: each entry is a time and the baseline it is judged against, measured in the
 * same run. `ratio = ms / baseline_ms`, so lower is better. Entries are merged by name into
 * bench/results.json so each benchmark file can run on its own.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

export interface BenchEntry {
  name: string;
  ms: number;
  baseline: string;
  baseline_ms: number;
  ratio: number;
  /** Anything a reader needs to judge the figure: rows, runs, machine notes. */
  note?: string;
  /** The commit measured (`git rev-parse HEAD`), `-dirty` when the tree held changes not committed. */
  commit?: string;
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (user + system, ms) of the child processes waited for so far, from /proc (Linux; the
 * accounting /usr/bin/time reads): what a process costs, whatever else the machine is doing.
 */
export function childCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[13]) + Number(fields[14])) / clockTicks) * 1000;
}

/** The commit the benchmark runs on, for stamping its entries. */
export function headCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  // The results file itself is written by the benches as they go: a change there is not a change to what is measured.
  const changed = git('status', '--porcelain', '--', '.', ':(exclude)bench/results.json');
  return git('rev-parse', 'HEAD') + (changed ? '-dirty' : '');
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
