/**
 * Answering a selection from a cube: the clauses become a mask of allowed codes per dimension; the
 * answer reads the level whose index dimension the selection constrains (a run of cells per selected
 * code, a single run for a period range), or the coarsest level when it leaves them free, and sums the
 * partials of the cells that pass into their groups.
 */
import type { Row } from '../query/spec.js';
import type { Level } from './build.js';
import type { EncodedDim } from './encode.js';
import type { CubeClause } from './spec.js';

export interface AnswerShape {
  dims: EncodedDim[];
  groupDims: number;
  groups: number;
  groupCodes: Int32Array[];
  top: Level;
  /** Output columns in order: measure name, function and the measured column's position. */
  measures: { name: string; fn: 'count' | 'valid' | 'sum' | 'mean' | 'min' | 'max'; column: number }[];
}

/** Allowed codes per constrained dimension (`null`: unconstrained). Clauses on one field all apply. */
export function clauseMasks(dims: EncodedDim[], clauses: readonly CubeClause[]): (Uint8Array | null)[] {
  const masks: (Uint8Array | null)[] = dims.map(() => null);
  for (const clause of clauses) {
    const d = dims.findIndex((x) => x.name === clause.field);
    if (d < 0) continue;
    const dim = dims[d];
    const allowed = new Uint8Array(dim.dictionary.length);
    if ('range' in clause) {
      const [from, to] = clause.range.map((e) => (e === null ? null : typeof e === 'number' ? e : Number.parseInt(e)));
      const years = dim.years!;
      for (let c = 0; c < years.length; c++) {
        const y = years[c];
        if (from !== null && !(y >= from)) continue;
        if (to !== null && !(y <= to)) continue;
        allowed[c] = 1;
      }
    } else {
      for (const v of clause.values) {
        const c = dim.lookup.get(v);
        if (c !== undefined) allowed[c] = 1;
      }
    }
    const prev = masks[d];
    if (prev) for (let c = 0; c < allowed.length; c++) allowed[c] &= prev[c];
    masks[d] = allowed;
  }
  return masks;
}

/** Picks the level: go down while the level's index dimension is left free by the selection. */
export function chooseLevel(top: Level, masks: (Uint8Array | null)[]): Level {
  let level = top;
  while (level.index && !masks[level.index.dim] && level.child) level = level.child;
  return level;
}

export function answerCube(shape: AnswerShape, masks: (Uint8Array | null)[]): Row[] {
  const level = chooseLevel(shape.top, masks);
  const G = shape.groups;
  const gRows = new Float64Array(G);
  const gFirst = new Float64Array(G).fill(Infinity);
  const gStats = level.stats.map((s) => ({
    valid: new Float64Array(G),
    sum: s.sum ? new Float64Array(G) : null,
    min: s.min ? new Float64Array(G).fill(NaN) : null,
    max: s.max ? new Float64Array(G).fill(NaN) : null,
  }));
  // Masks of the dimensions to check cell by cell (all constrained ones but the index dimension).
  const checks: { codes: Int32Array; mask: Uint8Array }[] = [];
  level.dims.forEach((d, j) => {
    const mask = masks[d];
    if (mask && !(level.index && level.index.dim === d)) checks.push({ codes: level.codes[j], mask });
  });
  const nChecks = checks.length;
  const { group, rows, firstRow } = level;

  const fold = (start: number, end: number) => {
    for (let c = start; c < end; c++) {
      let pass = true;
      for (let k = 0; k < nChecks; k++) {
        const ch = checks[k];
        if (ch.mask[ch.codes[c]] === 0) {
          pass = false;
          break;
        }
      }
      if (!pass) continue;
      const g = group[c];
      gRows[g] += rows[c];
      if (firstRow[c] < gFirst[g]) gFirst[g] = firstRow[c];
      for (let k = 0; k < gStats.length; k++) {
        const from = level.stats[k];
        const vc = from.valid[c];
        if (vc === 0) continue;
        const to = gStats[k];
        to.valid[g] += vc;
        if (to.sum) to.sum[g] += from.sum![c];
        if (to.min && !(to.min[g] <= from.min![c])) to.min[g] = from.min![c];
        if (to.max && !(to.max[g] >= from.max![c])) to.max[g] = from.max![c];
      }
    }
  };

  const indexMask = level.index ? masks[level.index.dim] : null;
  if (level.index && indexMask) {
    const { offsets } = level.index;
    // Consecutive allowed codes (a period range) make one run of cells.
    let c = 0;
    while (c < indexMask.length) {
      if (!indexMask[c]) {
        c++;
        continue;
      }
      let e = c;
      while (e + 1 < indexMask.length && indexMask[e + 1]) e++;
      fold(offsets[c], offsets[e + 1]);
      c = e + 1;
    }
  } else fold(0, level.size);

  // Groups that received rows, in order of their first row (the order the query layer lists them).
  const hit: number[] = [];
  for (let g = 0; g < G; g++) if (gRows[g] > 0) hit.push(g);
  if (shape.groupDims === 0 && hit.length === 0) hit.push(0);
  const keys = Float64Array.from(hit, (g) => (gFirst[g] === Infinity ? 0 : gFirst[g]) * G + g);
  keys.sort();

  const out: Row[] = new Array(keys.length);
  const groupDims = shape.dims.slice(0, shape.groupDims);
  for (let i = 0; i < keys.length; i++) {
    const g = keys[i] % G;
    const row: Row = {};
    for (let j = 0; j < groupDims.length; j++) row[groupDims[j].name] = groupDims[j].dictionary[shape.groupCodes[j][g]];
    for (const m of shape.measures) {
      if (m.fn === 'count') {
        row[m.name] = gRows[g];
        continue;
      }
      const s = gStats[m.column];
      const valid = s.valid[g];
      if (m.fn === 'valid') row[m.name] = valid;
      else if (valid === 0) row[m.name] = null;
      else if (m.fn === 'sum') row[m.name] = s.sum![g];
      else if (m.fn === 'mean') row[m.name] = s.sum![g] / valid;
      else if (m.fn === 'min') row[m.name] = s.min![g];
      else row[m.name] = s.max![g];
    }
    out[i] = row;
  }
  return out;
}
