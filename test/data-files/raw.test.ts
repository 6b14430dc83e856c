// The raw originals are kept byte for byte: any edit (even a line-ending change by an editor or git)
// changes their digest. The GSO digests are also listed in data/gso/README.md.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const sha256 = (path: string) => createHash('sha256').update(readFileSync(new URL(path, root))).digest('hex');

const RAW: Record<string, string> = {
  'data/gso/raw/administrative_units_by_province.csv': '060a6b9d763d243c814bd4ccb88892f0028f5d2f3c03b4e19fcefdd9cd85acd1',
  'data/gso/raw/monthly_income_per_capita_by_province.csv': '0e7f7da6187d38509cd6fc259b9a9333ab80e53bdb07968538e33bda5702b616',
  'data/gso/raw/poverty_rate_by_province.csv': 'b294522467af5e23637071096f414666e842c76b9c10a7735e8f6109a217ae43',
  'data/seeds/raw/000_05db81f9f313bbf0.txt': 'afedbc51f51d734d359820482579fd1700486d8d643a3aa4253bd6289ad7dc5e',
  'data/seeds/raw/001_ae49d86c8a92acb4.txt': '01750b8c78497fe92baa840e73ddb096e8e6cb1b337e2da43f2d75a2a6270cb7',
  'data/seeds/raw/002_8f0ff18a4f7cf0ed.txt': '78f8d1aaa4c999354aadfd0a929b2564b5e759307a693d8af3ff7de2a60106a5',
  'data/seeds/raw/003_9ea99d9bd68773f4.txt': 'f6519a47344176635584b6b5c1b871301636c0405411e4d26c89214d5dbbc643',
  'data/seeds/raw/004_748b5fa953de36ad.txt': '1aedaf587aa167b4b3e1c53b539688cacf7f801fa145fdbacb69d4e74332ed7a',
  'data/quoted/raw/quoted_statistics.md': '2dc9e8873a30d0a1a9d75a5466d218347fded42b22feb8264dba4c1a3d866639',
};

describe('raw originals', () => {
  it('are unmodified', () => {
    for (const [path, digest] of Object.entries(RAW)) expect(sha256(path), path).toBe(digest);
  });

  it('are all listed here (a new raw file needs its digest)', () => {
    for (const dir of ['data/gso/raw/', 'data/seeds/raw/', 'data/quoted/raw/']) {
      for (const f of readdirSync(new URL(dir, root))) expect(Object.keys(RAW), dir + f).toContain(dir + f);
    }
  });

  it('keep the GSO line ends and encodings: CRLF; BOM on two, none on the Windows-1252 one', () => {
    for (const path of Object.keys(RAW).filter((p) => p.startsWith('data/gso/'))) {
      const b = readFileSync(new URL(path, root));
      const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
      expect(bom, path).toBe(!path.includes('administrative_units'));
      expect(b.includes(Buffer.from('\r\n')), path).toBe(true);
    }
  });
});
