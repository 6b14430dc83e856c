import { describe, expect, it } from 'vitest';
import * as crosswalk from '../../src/registry/crosswalk.js';
import * as queryView from '../../src/query/registry-view.js';
import { MapUnits } from '../../src/charts/geometry.js';
import { predecessors as registryPredecessors, successorOf as registrySuccessorOf } from '../../src/registry/index.js';

const { is34, isUnits, predecessors, predecessorsOf, registryLookup, unit2025, existedAtEndOf } = crosswalk;

describe('the 63 -> 34 crosswalk: one module', () => {
  it('follows successors to the 34-unit, Hà Tây through Hà Nội', () => {
    expect(unit2025(registryLookup, '42')).toBe('34:42');
    expect(unit2025(registryLookup, 'ha-tay')).toBe('34:01');
    expect(unit2025(registryLookup, '34:42')).toBeNull();
    expect(unit2025(registryLookup, 'VN')).toBeNull();
  });

  it('tells every old province of a unit from the provinces merged on 1 July 2025', () => {
    expect(predecessorsOf(registryLookup, '34:01').map((r) => r.id)).toEqual(['01', 'ha-tay']);
    expect(predecessors('34:01')).toEqual(['01']);
    expect(predecessors('34:19')).toEqual(['06', '19']);
    const haTay = registryLookup.region('ha-tay')!;
    expect(existedAtEndOf(haTay, 2006)).toBe(true);
    expect(existedAtEndOf(haTay, 2008)).toBe(false);
  });

  it('knows a 34-unit id by its form, and the two sets of units', () => {
    expect(['34:42', '42', '34:4', 'x34:42'].map(is34)).toEqual([true, false, false, false]);
    expect(['63', '34', '64', 34].map(isUnits)).toEqual([true, true, false, false]);
  });

  it('is what the query layer, the map recipe and the registry index use', () => {
    expect(queryView.unit2025).toBe(unit2025);
    expect(queryView.predecessorsOf).toBe(predecessorsOf);
    expect(queryView.existedAtEndOf).toBe(existedAtEndOf);
    expect(MapUnits).toBe(crosswalk.Units);
    expect(registryPredecessors).toBe(predecessors);
    expect(registrySuccessorOf).toBe(crosswalk.successorOf);
  });
});
