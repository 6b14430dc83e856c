// Test page: makes 1,000,000 SYNTHETIC observation rows as a CSV file in memory, loads it with
// loadLargeInWorker while counting animation frames, and leaves what it saw on `window.__load`.
import { loadLargeInWorker, type LoadProgress } from '../../../src/load-large/index.js';

interface Seen {
  rows: number;
  bytes: number;
  fractions: number[];
  estimates: (number | null)[];
  frames: number;
  longestGapMs: number;
  workers: number;
  thread: string;
  firstValues: unknown[];
  error?: string;
}

const w = window as unknown as {
  __load?: Seen;
  __small?: (csv: string, mainThread: boolean) => Promise<{ thread?: string; rows?: number; error?: string; code?: string }>;
};

// For the test: a small load, in the worker or (with a worker that cannot start) on the main thread.
w.__small = async (csv, mainThread) => {
  try {
    const { table, thread } = await loadLargeInWorker(new Blob([csv]), {
      file: 'small.csv',
      ...(mainThread ? { worker: () => { throw new Error('no worker here'); } } : {}),
    });
    return { thread, rows: table.rows };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), code: (e as { code?: string }).code };
  }
};
const status = document.getElementById('status')!;
const bar = document.getElementById('bar') as HTMLProgressElement;

// Count the workers the page starts.
let workers = 0;
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    workers++;
  }
};

function makeCsv(rows: number): Blob {
  const parts: string[] = ['indicator,region,period,value,series,status\n'];
  let seed = 20251122;
  for (let start = 0; start < rows; start += 50_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows, start + 50_000); i++) {
      seed = (seed * 48271) % 2147483647;
      const v = seed % 37 === 0 ? '' : ((seed % 10000) / 100).toFixed(2);
      lines.push(`ind${i % 50},c${Math.floor(i / 1000)},${2005 + (Math.floor(i / 50) % 20)},${v},${i % 3 === 0 ? '' : 'total'},final`);
    }
    parts.push(lines.join('\n') + '\n');
  }
  return new Blob(parts, { type: 'text/csv' });
}

async function run(): Promise<void> {
  const blob = makeCsv(1_000_000);
  const frames: number[] = [];
  let running = true;
  const tick = (t: number) => {
    frames.push(t);
    if (running) requestAnimationFrame(tick);
  };
  // Start counting frames, and let a few pass before the load starts.
  await new Promise<void>((r) => requestAnimationFrame((t) => (tick(t), r())));
  await new Promise((r) => setTimeout(r, 100));
  const fractions: number[] = [];
  const estimates: (number | null)[] = [];
  const startAt = performance.now();
  const { table, thread } = await loadLargeInWorker(new File([blob], 'synthetic.csv'), {
    onProgress: (p: LoadProgress) => {
      fractions.push(p.fraction);
      estimates.push(p.estimate?.bytes ?? null);
      bar.value = p.fraction;
      status.textContent = `${Math.round(p.fraction * 100)}% — ${p.rows.toLocaleString('vi-VN')} dòng`;
    },
  });
  const endAt = performance.now();
  running = false;
  const during = frames.filter((t) => t >= startAt - 20 && t <= endAt + 20);
  let longest = 0;
  for (let i = 1; i < during.length; i++) longest = Math.max(longest, during[i] - during[i - 1]);
  const value = table.columns.value as Float64Array;
  w.__load = {
    rows: table.rows,
    bytes: table.bytes,
    fractions,
    estimates,
    frames: during.length,
    longestGapMs: longest,
    workers,
    thread,
    firstValues: [value instanceof Float64Array, value.length, (table.columns.region as { dictionary: string[] }).dictionary.length],
  };
}

run().catch((e: unknown) => {
  w.__load = { error: String(e) } as Seen;
});
