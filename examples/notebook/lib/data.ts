/**
 * What the analyst pages share: reading the repository's files through the dev server, once per page.
 */
import type { Topology } from 'topojson-specification';
import { loadObservations, type LoadOptions, type LoadResult } from '../../../src/data/index.js';
import { getRegion } from '../../../src/registry/index.js';

/** The bytes of a repository file, from the dev server (`/data/...`). */
export async function fetchBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(`/${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function fetchText(path: string): Promise<string> {
  const res = await fetch(`/${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.text();
}

const loaded = new Map<string, Promise<LoadResult>>();

/** `loadObservations` on a repository file, read once per page (cells share it). */
export function loadFile(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const key = `${path} ${JSON.stringify(options)}`;
  let p = loaded.get(key);
  if (!p) {
    p = fetchBytes(path).then((bytes) => loadObservations(bytes, { file: path, ...options }));
    loaded.set(key, p);
  }
  return p;
}

/** The region's short name (`Hà Tĩnh`), or its id. */
export function nameOf(id: string): string {
  if (id === 'VN') return 'Cả nước';
  return getRegion(id)?.name ?? id;
}

let topology: Promise<Topology> | null = null;

/** The default map geometry: the 63 provinces with Hoàng Sa and Trường Sa (Open Development Vietnam, CC BY-SA 4.0). */
export function provinceTopology(): Promise<Topology> {
  topology ??= fetchText('data/geo/vn63_provinces_odv.topojson.json').then((t) => JSON.parse(t) as Topology);
  return topology;
}
