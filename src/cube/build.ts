/**
 * Building a cube: rows are folded into cells keyed by the view's grouping and selection dimensions
 * (additive partials per cell: rows, valid values, sum, min, max), cells ordered by an index dimension
 * so a selection on it reads a run of cells, and a coarser level below that drops the index dimension
 * for selections that leave it free. Everything is typed arrays; no object per row or per cell.
 */
import type { EncodedDim } from './encode.js';

/** Partial aggregates of one measured column, per cell (`sum`, `min`, `max` only when a measure needs them). */
export interface ColumnStats {
  valid: Int32Array;
  sum: Float64Array | null;
  /** NaN where the cell has no valid value. */
  min: Float64Array | null;
  max: Float64Array | null;
}

export interface Level {
  /** Cube dimensions this level keeps (indices into the cube's dimension list). */
  dims: number[];
  /** Per kept dimension, each cell's code. */
  codes: Int32Array[];
  size: number;
  /** Output group (combination of the grouping columns) of each cell. */
  group: Int32Array;
  /** Earliest input row of each cell: the query layer lists groups in order of their first row. */
  firstRow: Int32Array;
  /** Input rows per cell (the `count` measure). */
  rows: Int32Array;
  stats: ColumnStats[];
  /** Cells ordered by this dimension's code; its cells are `offsets[c]` to `offsets[c + 1]`. */
  index: { dim: number; offsets: Int32Array } | null;
  /** The same aggregates without the index dimension, for selections that leave it free. */
  child: Level | null;
}

/** Larger than any row index (rows are counted in Int32). */
const NO_ROW = 0x7fffffff;

export interface StatNeeds {
  sum: boolean;
  min: boolean;
  max: boolean;
}

interface Cells {
  /** Per source item, its cell in creation order, or -1 when excluded. */
  cellOf: Int32Array;
  /** Per cell (creation order), its first source item. */
  first: Int32Array;
  size: number;
}

/** Groups source items by the combination of their codes (mixed-radix key; a dense table when it fits). */
function assignCells(m: number, codes: Int32Array[], cards: number[], include: Uint8Array | null): Cells {
  const cellOf = new Int32Array(m);
  const first = new Int32Array(m);
  let size = 0;
  let product = 1;
  for (const c of cards) product *= Math.max(c, 1);
  const k = codes.length;
  if (product < 2 ** 31) {
    // Keys dimension by dimension (short monomorphic loops), then one pass over the keys.
    const keys = new Int32Array(m);
    for (let j = 0; j < k; j++) {
      const cj = codes[j];
      const card = cards[j];
      for (let i = 0; i < m; i++) keys[i] = keys[i] * card + cj[i];
    }
    if (product <= 2 ** 22 || product <= 4 * m) {
      const table = new Int32Array(product).fill(-1);
      for (let i = 0; i < m; i++) {
        if (include !== null && include[i] === 0) {
          cellOf[i] = -1;
          continue;
        }
        const key = keys[i];
        let cell = table[key];
        if (cell === -1) {
          table[key] = cell = size;
          first[size++] = i;
        }
        cellOf[i] = cell;
      }
      return { cellOf, first: first.slice(0, size), size };
    }
    const map = new Map<number, number>();
    for (let i = 0; i < m; i++) {
      if (include !== null && include[i] === 0) {
        cellOf[i] = -1;
        continue;
      }
      const key = keys[i];
      let cell = map.get(key);
      if (cell === undefined) {
        map.set(key, (cell = size));
        first[size++] = i;
      }
      cellOf[i] = cell;
    }
    return { cellOf, first: first.slice(0, size), size };
  }
  // Wide keys (many large dictionaries): a map from the codes written out.
  const map = new Map<string, number>();
  for (let i = 0; i < m; i++) {
    if (include !== null && include[i] === 0) {
      cellOf[i] = -1;
      continue;
    }
    let key = '';
    for (let j = 0; j < k; j++) key += codes[j][i] + ',';
    let cell = map.get(key);
    if (cell === undefined) {
      map.set(key, (cell = size));
      first[size++] = i;
    }
    cellOf[i] = cell;
  }
  return { cellOf, first: first.slice(0, size), size };
}

/**
 * Cells of the same rows over the same dimensions, shared by the cubes of one dashboard's views (the
 * cells do not depend on the order of the dimensions). Kept as long as the encoded columns are.
 */
const sharedCells = new WeakMap<Int32Array, Map<string, { codes: Int32Array[]; cells: Cells }>>();

function cellsOf(n: number, dims: EncodedDim[], include: Uint8Array | null, includeKey: string | null): Cells {
  const sorted = [...dims].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const codes = sorted.map((d) => d.codes);
  const cards = sorted.map((d) => d.dictionary.length);
  if (sorted.length === 0 || (include !== null && includeKey === null)) return assignCells(n, codes, cards, include);
  const key = `${sorted.map((d) => d.name).join('\u0000')}|${includeKey ?? ''}`;
  const byKey = sharedCells.get(codes[0]) ?? new Map<string, { codes: Int32Array[]; cells: Cells }>();
  const hit = byKey.get(key);
  if (hit && hit.codes.length === codes.length && hit.codes.every((c, i) => c === codes[i]) && hit.cells.cellOf.length === n) return hit.cells;
  const cells = assignCells(n, codes, cards, include);
  byKey.set(key, { codes, cells });
  sharedCells.set(codes[0], byKey);
  return cells;
}

/**
 * Position of each cell once ordered by the index dimension (a counting sort), the offsets, and for
 * each position the cell's first source item (so the per-dimension copies write in order).
 */
function orderBy(cells: Cells, indexCodes: Int32Array | null, card: number): { pos: Int32Array; offsets: Int32Array | null; src: Int32Array } {
  const pos = new Int32Array(cells.size);
  const { first } = cells;
  if (!indexCodes) {
    for (let c = 0; c < cells.size; c++) pos[c] = c;
    return { pos, offsets: null, src: first };
  }
  const src = new Int32Array(cells.size);
  const offsets = new Int32Array(card + 1);
  for (let c = 0; c < cells.size; c++) offsets[indexCodes[first[c]] + 1]++;
  for (let v = 0; v < card; v++) offsets[v + 1] += offsets[v];
  const next = offsets.slice(0, card);
  for (let c = 0; c < cells.size; c++) {
    const f = first[c];
    const p = next[indexCodes[f]]++;
    pos[c] = p;
    src[p] = f;
  }
  return { pos, offsets, src };
}

function emptyStats(size: number, needs: StatNeeds): ColumnStats {
  return {
    valid: new Int32Array(size),
    sum: needs.sum ? new Float64Array(size) : null,
    min: needs.min ? new Float64Array(size).fill(NaN) : null,
    max: needs.max ? new Float64Array(size).fill(NaN) : null,
  };
}

/** Each source code column read at `src[p]` for position `p`: the codes of ordered cells. */
function pickCodes(source: Int32Array, src: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size);
  for (let p = 0; p < size; p++) out[p] = source[src[p]];
  return out;
}

/** A level of `size` empty cells over `dims`, with each kept dimension's codes given in cell order. */
function emptyLevel(dims: number[], codes: Int32Array[], size: number, needs: StatNeeds[], index: Level['index']): Level {
  return {
    dims,
    codes,
    size,
    group: new Int32Array(size),
    firstRow: new Int32Array(size).fill(NO_ROW),
    rows: new Int32Array(size),
    stats: needs.map((s) => emptyStats(size, s)),
    index,
    child: null,
  };
}

/** The top level's cell order and codes, which depend only on the cells and the index dimension. */
interface Layout {
  pos: Int32Array;
  offsets: Int32Array | null;
  src: Int32Array;
  /** Per source code column, its codes in cell order. */
  codes: Map<Int32Array, Int32Array>;
}

/**
 * Layouts shared by the cubes of one dashboard's views whose top levels have the same cells and index
 * (the views of a commune panel mostly index by region): ordered and copied once, read by each. Kept
 * as long as the cells are; nothing writes to them after they are made.
 */
const sharedLayouts = new WeakMap<Cells, Map<Int32Array | null, Layout>>();

function layoutOf(cells: Cells, indexCodes: Int32Array | null, card: number): Layout {
  let byIndex = sharedLayouts.get(cells);
  if (!byIndex) sharedLayouts.set(cells, (byIndex = new Map()));
  let layout = byIndex.get(indexCodes);
  if (!layout) byIndex.set(indexCodes, (layout = { ...orderBy(cells, indexCodes, card), codes: new Map() }));
  return layout;
}

function layoutCodes(layout: Layout, source: Int32Array, size: number): Int32Array {
  let out = layout.codes.get(source);
  if (!out) layout.codes.set(source, (out = pickCodes(source, layout.src, size)));
  return out;
}

/** The index dimension of a level: the selection dimension outside the grouping with the most values. */
function pickIndex(dims: number[], selectable: Set<number>, cards: number[]): number {
  let best = -1;
  for (const d of dims) if (selectable.has(d) && (best === -1 || cards[d] > cards[best])) best = d;
  return best;
}

export interface BuildInput {
  dims: EncodedDim[];
  /** How many of `dims`, from the first, are grouping columns. */
  groupDims: number;
  /** Dimensions a selection may constrain (indices into `dims`). */
  selectable: Set<number>;
  columns: Float64Array[];
  needs: StatNeeds[];
  rows: number;
  /** Rows kept by the view's own filter; `null` keeps all. */
  include: Uint8Array | null;
  /** What `include` keeps, as text (the filter's clauses), so cubes with the same filter share cells; `null`: do not share. */
  includeKey: string | null;
}

export interface Built {
  top: Level;
  groups: number;
  /** Per grouping column, each group's code. */
  groupCodes: Int32Array[];
}

/** Folds the input rows into the top level, then derives the coarser levels from it. */
export function buildLevels(input: BuildInput): Built {
  const { dims, columns, needs, rows: n } = input;
  const cards = dims.map((d) => d.dictionary.length);
  const all = dims.map((_, i) => i);
  const indexDim = pickIndex(all, input.selectable, cards);
  const cells = cellsOf(n, dims, input.include, input.includeKey);
  const layout = layoutOf(cells, indexDim >= 0 ? dims[indexDim].codes : null, indexDim >= 0 ? cards[indexDim] : 0);
  const { pos, offsets } = layout;
  const size = cells.size;

  const level = emptyLevel(all, dims.map((d) => layoutCodes(layout, d.codes, size)), size, needs, offsets ? { dim: indexDim, offsets } : null);

  const { cellOf } = cells;
  const { firstRow, rows } = level;
  for (let i = 0; i < n; i++) {
    const raw = cellOf[i];
    if (raw < 0) continue;
    const c = pos[raw];
    if (rows[c] === 0) firstRow[c] = i;
    rows[c]++;
  }
  columns.forEach((values, k) => {
    const { valid, sum, min, max } = level.stats[k];
    for (let i = 0; i < n; i++) {
      const raw = cellOf[i];
      if (raw < 0) continue;
      const v = values[i];
      if (v !== v) continue;
      const c = pos[raw];
      valid[c]++;
      if (sum) sum[c] += v;
      if (min && !(min[c] <= v)) min[c] = v;
      if (max && !(max[c] >= v)) max[c] = v;
    }
  });

  // Output groups: combinations of the grouping columns, read from the cells.
  const g = input.groupDims;
  const groups = assignCells(size, level.codes.slice(0, g), cards.slice(0, g), null);
  level.group.set(groups.cellOf);
  const groupCount = g === 0 ? 1 : groups.size;
  const groupCodes = level.codes.slice(0, g).map((codes) => Int32Array.from(groups.first, (c) => codes[c]));

  let at = level;
  while (at.index) {
    at.child = rollUp(at, at.index.dim, cards, input.selectable, needs);
    at = at.child;
  }
  return { top: level, groups: groupCount, groupCodes };
}

/** The level without dimension `drop`: each of its cells merges the parent cells that differ only there. */
function rollUp(parent: Level, drop: number, cards: number[], selectable: Set<number>, needs: StatNeeds[]): Level {
  const keep = parent.dims.filter((d) => d !== drop);
  const keepAt = keep.map((d) => parent.dims.indexOf(d));
  const srcCodes = keepAt.map((j) => parent.codes[j]);
  const cells = assignCells(parent.size, srcCodes, keep.map((d) => cards[d]), null);
  const indexDim = pickIndex(keep, selectable, cards);
  const indexCodes = indexDim >= 0 ? srcCodes[keep.indexOf(indexDim)] : null;
  const { pos, offsets, src } = orderBy(cells, indexCodes, indexDim >= 0 ? cards[indexDim] : 0);
  const size = cells.size;
  const level = emptyLevel(keep, srcCodes.map((codes) => pickCodes(codes, src, size)), size, needs, offsets ? { dim: indexDim, offsets } : null);
  const { cellOf } = cells;
  for (let p = 0; p < parent.size; p++) {
    const c = pos[cellOf[p]];
    level.group[c] = parent.group[p];
    level.rows[c] += parent.rows[p];
    if (parent.firstRow[p] < level.firstRow[c]) level.firstRow[c] = parent.firstRow[p];
  }
  parent.stats.forEach((from, k) => {
    const to = level.stats[k];
    for (let p = 0; p < parent.size; p++) {
      if (from.valid[p] === 0) continue;
      const c = pos[cellOf[p]];
      to.valid[c] += from.valid[p];
      if (to.sum) to.sum[c] += from.sum![p];
      if (to.min && !(to.min[c] <= from.min![p])) to.min[c] = from.min![p];
      if (to.max && !(to.max[c] >= from.max![p])) to.max[c] = from.max![p];
    }
  });
  return level;
}

/** Bytes held by a level and those below it. */
export function levelBytes(level: Level | null): number {
  if (!level) return 0;
  let b = level.codes.reduce((s, a) => s + a.byteLength, 0) + level.group.byteLength + level.firstRow.byteLength + level.rows.byteLength;
  for (const s of level.stats) b += s.valid.byteLength + (s.sum?.byteLength ?? 0) + (s.min?.byteLength ?? 0) + (s.max?.byteLength ?? 0);
  if (level.index) b += level.index.offsets.byteLength;
  return b + levelBytes(level.child);
}
