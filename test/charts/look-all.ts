// `npx tsx test/charts/look-all.ts`: every recipe on real figures, as PNG under /tmp/chiso-look.
import { lineChart } from '../../src/charts/line.js';
import { barChart } from '../../src/charts/bar.js';
import { gsoPoverty } from './helpers.js';
import { look } from './look.js';

const poverty = gsoPoverty();
const some = (ids: string[]) => poverty.filter((o) => ids.includes(o.region));

const jobs: [string, () => Parameters<typeof look>[1]][] = [
  ['line-vi', () => lineChart(some(['42', '06', 'VN']), {})],
  ['line-en', () => lineChart(some(['42', '06', 'VN']), {}, 'en')],
  ['line-highlight', () => lineChart(some(['42', '06', 'VN', '75', '91', '01']), { highlight: ['42'] })],
  ['bar-vi', () => barChart(poverty, { highlight: '42' })],
];
for (const [name, make] of jobs) {
  const warnings = await look(name, make());
  console.log(name, warnings.length ? warnings : 'ok');
}
