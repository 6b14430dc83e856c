// `npm run demo`: starts Vite on the repository and prints the address of the examples.
import { createServer } from 'vite';

const port = Number(process.env.PORT ?? 5173);
const server = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, server: { port, host: '127.0.0.1' } });
await server.listen();
const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`chiso demo: ${address}examples/`);
console.log(`  bảng điều khiển / dashboard: ${address}examples/dashboard/`);
console.log(`  cổng thông tin, vẽ sẵn, CSP nghiêm ngặt / portal, baked, strict CSP: ${address}examples/portal/ (?bake=0: chưa vẽ sẵn / unbaked)`);
console.log(`  sổ tay phân tích / notebooks: ${address}examples/notebook/`);
console.log(`  báo cáo in / print report: ${address}examples/report/`);
console.log('  Ctrl+C để dừng / to stop');
