// The page's spreadsheet reader (examples/notebook) and the sizes a zip declares: a zip bomb is refused
// from its central directory, before anything is inflated.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkZipSizes, zipEntries } from '../../src/data/zip.js';
import { readPicked } from '../../examples/notebook/lib/files.js';

describe('zip sizes', () => {
  it('refuses a zip bomb by its declared sizes, before anything is inflated', async () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', 1.5e9);
    expect(zipEntries(bomb)).toEqual([{ name: 'xl/worksheets/sheet1.xml', compressed: expect.any(Number), uncompressed: 1.5e9, method: 8, offset: 0 }]);
    let e: unknown;
    try {
      checkZipSizes(bomb, 'bomb.xlsx');
    } catch (x) {
      e = x;
    }
    expect((e as { code?: string }).code).toBe('DATA_ZIP_TOO_LARGE');
    expect(String((e as Error).message)).toMatch(/1[.,]5 GB|1500 MB|1431 MB/);
    expect(() => checkZipSizes(zipOf('xl/worksheets/sheet1.xml', 2000), 'fine.xlsx')).not.toThrow();
  });

  it("the notebook page's reader refuses the bomb before inflating it", async () => {
    await expect(readPicked('bomb.xlsx', zipOf('xl/worksheets/sheet1.xml', 1.5e9))).rejects.toMatchObject({ code: 'DATA_ZIP_TOO_LARGE' });
  });
});

/** A zip of one deflated entry that declares `size` bytes (its data is a little deflate stream; only the headers matter here). */
function zipOf(name: string, size: number): Uint8Array {
  const data = deflateRawSync(Buffer.alloc(16));
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size >>> 0, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size >>> 0, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, n, data, central, n, end]));
}

describe('.ods in the notebook page', () => {
  it("the page's reader reads an .ods sheet into the grid `chiso load` reads, and the loader cites its rows", async () => {
    const { readFileSync } = await import('node:fs');
    const { readObservations, EMPTY_MAPPING } = await import('../../examples/notebook/lib/files.js');
    const { isOdsZip } = await import('../../src/data/zip.js');
    const bytes = new Uint8Array(readFileSync(new URL('./fixtures/immunisation.ods', import.meta.url)));
    expect(isOdsZip(bytes)).toBe(true);
    expect(isOdsZip(new Uint8Array(readFileSync(new URL('./fixtures/immunisation.xlsx', import.meta.url))))).toBe(false);
    const picked = await readPicked('immunisation.ods', bytes);
    expect(picked.kind).toBe('ods');
    expect(picked.grid.length).toBeGreaterThan(2);
    const r = readObservations(picked, { ...EMPTY_MAPPING, indicator: 'poverty_rate' });
    expect(r.observations.map((o) => [o.region, o.period, o.value])).toEqual([['42', '2014', 97.5], ['42', '2015', 98.1], ['51', '2014', 95.2], ['51', '2015', 96.4]]);
    expect(r.observations[2].source).toBe('immunisation.ods#row=3&column=2014');
  });
});
