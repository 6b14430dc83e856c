// Run by load.test.ts as `node --expose-gc --import tsx memory-probe.ts <csv>`: loads the file and
// prints the estimate from the first chunk, the table's bytes, and the buffers the process gained.
import { loadLargeFile } from '../../src/load-large/node.js';
import type { LoadProgress } from '../../src/load-large/index.js';

const gc = (globalThis as { gc?: () => void }).gc!;
for (let i = 0; i < 3; i++) {
  gc();
  await new Promise((r) => setTimeout(r, 50));
}
const before = process.memoryUsage().arrayBuffers;
const events: LoadProgress[] = [];
const table = await loadLargeFile(process.argv[2], { onProgress: (p) => events.push(p) });
// Backing stores are freed after a collection, on another thread: collect, wait, collect.
for (let i = 0; i < 3; i++) {
  gc();
  await new Promise((r) => setTimeout(r, 50));
}
const after = process.memoryUsage().arrayBuffers;
const first = events.find((e) => e.estimate !== null)!;
process.stdout.write(JSON.stringify({ firstRows: first.rows, estimate: first.estimate, bytes: table.bytes, rows: table.rows, gained: after - before, kept: Object.keys(table.columns).length }));
