// Province geometry for maps, pure: the caller loads the TopoJSON (data/geo/*.topojson.json) and
// hands it over; chiso finds each feature's region through the registry and, for the 34 units of
// 1 July 2025, dissolves the 63 old provinces along the mapping (topojson-client `mergeArcs`).
import '../messages/charts.js';
import type { GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import { feature, mergeArcs } from 'topojson-client';
import { fail } from '../errors.js';
import { regionForGeoName, type GeoSource } from '../registry/index.js';
import { Units, isUnits, registryLookup, unit2025 } from '../registry/crosswalk.js';
import { regionName } from '../registry/names.js';

/** Which set of units a map shows: the 63 provinces before 1 July 2025, or the 34 units after (the crosswalk's `Units`). */
export const MapUnits = Units;
export type MapUnits = Units;

/**
 * A TopoJSON topology from parsed JSON (or its text), checked enough that a map can be drawn from
 * it: `type: "Topology"`, `arcs`, and at least one GeometryCollection. Pure: the caller reads the file.
 */
export function parseTopology(input: unknown, file?: string): Topology {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return fail('CHART_BAD_TOPOLOGY', { detail: e instanceof Error ? e.message : String(e) }, { file });
    }
  }
  const t = value as Partial<Topology> | null;
  if (!t || typeof t !== 'object' || t.type !== 'Topology') return fail('CHART_BAD_TOPOLOGY', { detail: 'type is not "Topology"' }, { file });
  if (!Array.isArray(t.arcs)) return fail('CHART_BAD_TOPOLOGY', { detail: 'no arcs' }, { file });
  const collections = Object.values(t.objects ?? {}).filter((o) => o?.type === 'GeometryCollection');
  if (!collections.length) return fail('CHART_BAD_TOPOLOGY', { detail: 'no GeometryCollection object' }, { file });
  return t as Topology;
}

/** Where the archipelagos are drawn and labelled (lon, lat of the label), always, data or not. */
export const ARCHIPELAGOS = [
  { id: 'hoang-sa', code: 'CHART_ARCHIPELAGO_HS', lon: 111.95, lat: 17.45, under: '48' },
  { id: 'truong-sa', code: 'CHART_ARCHIPELAGO_TS', lon: 114.2, lat: 12.35, under: '56' },
] as const;

type Props = { [key: string]: unknown };
type Geometry = GeometryObject<Props>;

function collection(topology: Topology, object?: string): { name: string; geometries: Geometry[] } {
  const name = object ?? Object.keys(topology.objects ?? {})[0];
  const o = name === undefined ? undefined : topology.objects[name];
  if (!o || o.type !== 'GeometryCollection') {
    return fail('CHART_BAD_TOPOLOGY', { detail: `object "${String(name)}" is not a GeometryCollection` });
  }
  return { name, geometries: o.geometries as Geometry[] };
}

/** The feature name as a geometry file writes it (`ten_tinh` in the ODV files, `shapeName` in geoBoundaries). */
export function featureName(g: Geometry): string {
  const p = g.properties ?? {};
  return String(p.ten_tinh ?? p.shapeName ?? p.name ?? '');
}

/** Guesses which bundled file a topology is, from its property names and its number of features. */
export function detectGeoSource(topology: Topology, object?: string): GeoSource {
  const { geometries } = collection(topology, object);
  const p = geometries[0]?.properties ?? {};
  if ('shapeName' in p) return 'geoboundaries';
  return geometries.length <= 40 ? 'taliacao34' : 'taliacao63';
}

/** Longitude and latitude of a polygon's first point (enough to tell an archipelago from the mainland). */
function firstPoint(topology: Topology, polygon: number[][]): [number, number] {
  const i = polygon[0][0];
  const t = topology.transform;
  // A reversed arc starts at its last position.
  const pts = arcPositions(topology.arcs[i < 0 ? ~i : i], t !== undefined);
  const [x, y] = i < 0 ? pts[pts.length - 1] : pts[0];
  return t ? [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] : [x, y];
}

/** Mainland Vietnam ends at 109.5°E; every polygon east of 111°E belongs to Hoàng Sa (north of 14°N) or Trường Sa. */
function splitArchipelagos(topology: Topology, polygons: number[][][]): { mainland: number[][][]; islands: [string, number[][][]][] } {
  const mainland: number[][][] = [];
  const hs: number[][][] = [];
  const ts: number[][][] = [];
  for (const poly of polygons) {
    const [lon, lat] = firstPoint(topology, poly);
    if (lon <= 111) mainland.push(poly);
    else (lat > 14 ? hs : ts).push(poly);
  }
  const islands: [string, number[][][]][] = [];
  if (hs.length) islands.push(['hoang-sa', hs]);
  if (ts.length) islands.push(['truong-sa', ts]);
  return { mainland, islands };
}

/** A topology whose one object, `units`, has a geometry per region, `properties.id` its region id. */
export interface UnitTopology {
  topology: Topology;
  object: 'units';
  units: MapUnits;
  /** Region ids in geometry order. */
  ids: string[];
}

/**
 * The topology's features tagged with region ids, merged into the 34 units of 2025 when `units` is
 * `'34'` and the file has the 63 old provinces. Arcs are shared, not copied into coordinates, so the
 * result stays as small as the input. Throws `CHART_UNMATCHED_GEOMETRY` for a feature the registry
 * does not know (a map must not lose a province silently).
 */
export function unitTopology(topology: Topology, units: MapUnits, options: { object?: string; source?: GeoSource } = {}): UnitTopology {
  if (!isUnits(units)) fail('CHART_UNKNOWN_OPTION', { option: 'units', value: String(units), allowed: '63, 34' });
  const { geometries } = collection(topology, options.object);
  const source = options.source ?? detectGeoSource(topology, options.object);
  const groups = new Map<string, Geometry[]>();
  for (const g of geometries) {
    const name = featureName(g);
    const region = regionForGeoName(name, source);
    if (!region) return fail('CHART_UNMATCHED_GEOMETRY', { value: name });
    let id = region.id;
    if (units === '34' && region.level === 'province') id = unit2025(registryLookup, region.id) ?? id;
    if (units === '63' && region.level === 'province2025') {
      return fail('CHART_BAD_TOPOLOGY', { detail: 'a map of the 34 units of 2025 cannot show the 63 provinces' });
    }
    groups.set(id, [...(groups.get(id) ?? []), g]);
  }
  const out: Geometry[] = [];
  for (const [id, gs] of groups) {
    const polys = gs.filter((g): g is Polygon<Props> | MultiPolygon<Props> => g.type === 'Polygon' || g.type === 'MultiPolygon');
    const merged: Geometry = gs.length === 1 ? { ...gs[0] } : { ...mergeArcs(topology, polys) };
    const name = regionName(id, 'vi');
    delete merged.id;
    // The archipelagos become geometries of their own (same region id), so a map can outline them.
    const parts = merged.type === 'MultiPolygon' ? splitArchipelagos(topology, merged.arcs) : undefined;
    if (parts && parts.islands.length) {
      out.push({ type: 'MultiPolygon', arcs: parts.mainland, properties: { id, name } } as Geometry);
      for (const [part, arcs] of parts.islands) out.push({ type: 'MultiPolygon', arcs, properties: { id, name, part } } as Geometry);
    } else {
      merged.properties = { id, name };
      out.push(merged);
    }
  }
  return {
    topology: { ...topology, objects: { units: { type: 'GeometryCollection', geometries: out } } } as Topology,
    object: 'units',
    units,
    ids: [...groups.keys()],
  };
}

// Merging 63 -> 34 and simplifying walk every arc: done once per topology (by identity), units and
// size, not on every redraw. A few entries per topology; the topology's going frees them.
const CACHE_ENTRIES = 8;
const unitsCache = new WeakMap<Topology, Map<string, UnitTopology>>();
const boundariesCache = new WeakMap<Topology, Map<string, Topology>>();

function remember<K extends object, V>(cache: WeakMap<K, Map<string, V>>, owner: K, key: string, make: () => V): V {
  let entries = cache.get(owner);
  if (!entries) cache.set(owner, (entries = new Map()));
  let value = entries.get(key);
  if (value === undefined) {
    value = make();
    if (entries.size >= CACHE_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, value);
  }
  return value;
}

/**
 * `unitTopology`, made once per topology (by identity), units, object and source: the same object is
 * returned again, so callers must not change it (draw from copies of its geometries).
 */
export function cachedUnitTopology(topology: Topology, units: MapUnits, options: { object?: string; source?: GeoSource } = {}): UnitTopology {
  const key = `${units}|${options.object ?? ''}|${options.source ?? ''}`;
  return remember(unitsCache, topology, key, () => unitTopology(topology, units, options));
}

/**
 * `simplifyForMap` of a unit topology, made once per (unit topology, pixels, size): the same object is
 * returned again, so callers must not change it.
 */
export function mapBoundaries(unit: UnitTopology, pixels: number, size: number): Topology {
  return remember(boundariesCache, unit.topology, `${pixels}|${size}`, () => simplifyForMap(unit.topology, pixels, size));
}

/** What decides the shapes a map draws: the same options on the same file give the same geometries, in the same order. */
export interface MapShapeOptions {
  units: MapUnits;
  object?: string;
  source?: GeoSource;
  /** Tolerance in pixels (the map's `simplify`), judged on a map `size` pixels tall. */
  simplify: number;
  size: number;
}

/**
 * The boundaries a map draws, as one topology whose object `units` holds a copy of each geometry
 * (the cached ones stay as they are, so each drawing can put its own figures on them). The recipe
 * draws from it, and a baked map hydrates from it with the figures baked beside its spec.
 */
export function mapShapes(topology: Topology, options: MapShapeOptions): { unit: UnitTopology; topology: Topology & { objects: { units: { type: 'GeometryCollection'; geometries: Geometry[] } } } } {
  const unit = cachedUnitTopology(topology, options.units, { object: options.object, source: options.source });
  const boundaries = mapBoundaries(unit, options.simplify, options.size);
  const geometries = (boundaries.objects.units as unknown as { geometries: Geometry[] }).geometries.map((g) => ({ ...g }));
  return { unit, topology: { ...boundaries, objects: { units: { type: 'GeometryCollection', geometries } } } };
}

/** Where to write a region's name: the centroid of its largest mainland polygon (lon, lat). */
export function labelPoint(unit: UnitTopology, id: string): [number, number] | undefined {
  const geoms = (unit.topology.objects.units as { geometries: Geometry[] }).geometries;
  const g = geoms.find((x) => (x.properties as Props | undefined)?.id === id && !(x.properties as Props | undefined)?.part);
  if (!g) return undefined;
  const f = feature(unit.topology, g) as unknown as { geometry: { type: string; coordinates: unknown } };
  const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
  let best: { area: number; c: [number, number] } | undefined;
  for (const poly of polys) {
    const ring = poly[0];
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const k = x0 * y1 - x1 * y0;
      a += k; cx += (x0 + x1) * k; cy += (y0 + y1) * k;
    }
    if (a === 0) continue;
    const area = Math.abs(a / 2);
    if (!best || area > best.area) best = { area, c: [cx / (3 * a), cy / (3 * a)] };
  }
  return best?.c;
}

/** Positions of an arc in the topology's own units (quantized integers when it has a transform). */
function arcPositions(arc: readonly (readonly number[])[], quantized: boolean): number[][] {
  if (!quantized) return arc.map((p) => [p[0], p[1]]);
  let x = 0;
  let y = 0;
  return arc.map((d) => [(x += d[0]), (y += d[1])]);
}

/**
 * Indices of the positions Douglas–Peucker keeps at `tolerance` (distance in degrees; `sx`, `sy`
 * turn positions into degrees). Always the ends; a closed arc (an island drawn as one ring) keeps at
 * least four positions, so it stays a ring with an area rather than vanishing.
 */
function keptPositions(pts: number[][], tolerance: number, sx: number, sy: number): number[] {
  const n = pts.length;
  if (n <= 2) return Array.from({ length: n }, (_, i) => i);
  const keep = new Uint8Array(n);
  // A closed arc starts from three points a third of the way apart, so that it stays a ring.
  const closed = n >= 4 && pts[0][0] === pts[n - 1][0] && pts[0][1] === pts[n - 1][1];
  const seeds = closed ? [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1] : [0, n - 1];
  for (const i of seeds) keep[i] = 1;
  const stack: [number, number][] = seeds.slice(1).map((b, k) => [seeds[k], b]);
  const t2 = tolerance * tolerance;
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const ax = pts[a][0] * sx, ay = pts[a][1] * sy;
    const dx = pts[b][0] * sx - ax, dy = pts[b][1] * sy - ay;
    const len2 = dx * dx + dy * dy;
    let far = -1;
    let farD = t2;
    for (let i = a + 1; i < b; i++) {
      const px = pts[i][0] * sx - ax, py = pts[i][1] * sy - ay;
      // Distance to the segment (to its start when the segment is a point: a closed arc).
      let d: number;
      if (len2 === 0) d = px * px + py * py;
      else {
        const u = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        const ex = px - u * dx, ey = py - u * dy;
        d = ex * ex + ey * ey;
      }
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(i);
  return out;
}

/** Twice the signed area of a ring made of the given arcs (negative index: the arc reversed). */
function ringArea(ring: readonly number[], positions: (arc: number) => number[][]): number {
  let area = 0;
  for (const a of ring) {
    const pts = positions(a < 0 ? ~a : a);
    const n = pts.length;
    for (let k = 0; k < n - 1; k++) {
      const [x0, y0] = a < 0 ? pts[n - 1 - k] : pts[k];
      const [x1, y1] = a < 0 ? pts[n - 2 - k] : pts[k + 1];
      area += x0 * y1 - x1 * y0;
    }
  }
  return area;
}

/**
 * The topology with each arc simplified (Douglas–Peucker) so that no boundary moves by more than
 * `tolerance` degrees. Arcs are simplified once each and keep their ends, so neighbours still share
 * their border exactly (no gaps, no overlaps). A ring that simplifying would turn inside out or flatten
 * (a tiny island, a thin strip) keeps its arcs whole: on a sphere an inside-out ring covers the rest
 * of the world. Arcs no geometry uses are dropped. Pure.
 */
export function simplifyTopology(topology: Topology, tolerance: number): Topology {
  const t = topology.transform;
  const quantized = t !== undefined;
  const sx = t ? t.scale[0] : 1;
  const sy = t ? t.scale[1] : 1;
  // Rings of every polygon, as arc indices; and which arcs they use, renumbered in order.
  const rings: number[][] = [];
  const used = new Int32Array(topology.arcs.length).fill(-1);
  const collect = (g: { type?: string; arcs?: unknown }): void => {
    const polys = g.type === 'Polygon' ? [g.arcs as number[][]] : g.type === 'MultiPolygon' ? (g.arcs as number[][][]) : [];
    for (const poly of polys) for (const ring of poly) rings.push(ring);
    const visit = (x: unknown): void => {
      if (typeof x === 'number') used[x < 0 ? ~x : x] = 0;
      else if (Array.isArray(x)) for (const y of x) visit(y);
    };
    visit(g.arcs);
  };
  for (const o of Object.values(topology.objects)) {
    const c = o as { type: string; geometries?: { type?: string; arcs?: unknown }[]; arcs?: unknown };
    for (const g of c.geometries ?? [c]) collect(g);
  }
  let next = 0;
  for (let i = 0; i < used.length; i++) if (used[i] === 0) used[i] = next++;

  const full = topology.arcs.map((arc, i) => (used[i] < 0 ? [] : arcPositions(arc as number[][], quantized)));
  const simple = full.map((pts) => (tolerance > 0 && pts.length > 2 ? keptPositions(pts, tolerance, sx, sy).map((k) => pts[k]) : pts));
  const whole = new Uint8Array(full.length);
  const chosen = (i: number) => (whole[i] ? full[i] : simple[i]);
  // Restoring an arc changes every ring sharing it: check again until no ring needs its arcs whole.
  for (let pass = 0; pass < 8; pass++) {
    let restored = false;
    for (const ring of rings) {
      const before = ringArea(ring, (i) => full[i]);
      const after = ringArea(ring, chosen);
      if (Math.sign(after) === Math.sign(before) && after !== 0) continue;
      for (const a of ring) {
        const i = a < 0 ? ~a : a;
        if (!whole[i]) {
          whole[i] = 1;
          restored = true;
        }
      }
    }
    if (!restored) break;
  }

  const renumber = (x: unknown): unknown => (typeof x === 'number' ? (x < 0 ? ~used[~x] : used[x]) : Array.isArray(x) ? x.map(renumber) : x);
  const arcs: number[][][] = [];
  for (let i = 0; i < full.length; i++) {
    if (used[i] < 0) continue;
    const kept = chosen(i);
    if (!quantized) {
      arcs.push(kept);
      continue;
    }
    let px = 0;
    let py = 0;
    arcs.push(kept.map(([x, y]) => {
      const d = [x - px, y - py];
      px = x;
      py = y;
      return d;
    }));
  }
  const objects: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(topology.objects)) {
    const c = o as { type: string; geometries?: { arcs?: unknown }[]; arcs?: unknown };
    objects[name] = c.geometries
      ? { ...c, geometries: c.geometries.map((g) => (g.arcs === undefined ? g : { ...g, arcs: renumber(g.arcs) })) }
      : c.arcs === undefined ? c : { ...c, arcs: renumber(c.arcs) };
  }
  return { ...topology, arcs, objects } as Topology;
}

/**
 * The topology simplified so that no boundary moves by more than `pixels` on a map drawn `size` pixels
 * tall (the tolerance in degrees is that share of the latitude the boundaries span).
 */
export function simplifyForMap(topology: Topology, pixels: number, size: number): Topology {
  return simplifyTopology(topology, (pixels * latitudeSpan(topology)) / size);
}

/** Latitude span of the positions a topology's arcs reach, in degrees (0 for an empty topology). */
export function latitudeSpan(topology: Topology): number {
  const t = topology.transform;
  let lo = Infinity;
  let hi = -Infinity;
  for (const arc of topology.arcs) {
    for (const [, y] of arcPositions(arc as number[][], t !== undefined)) {
      const lat = t ? y * t.scale[1] + t.translate[1] : y;
      if (lat < lo) lo = lat;
      if (lat > hi) hi = lat;
    }
  }
  return hi > lo ? hi - lo : 0;
}
