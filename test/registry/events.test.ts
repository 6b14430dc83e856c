import { describe, expect, it } from 'vitest';
import { eventAffects, eventsBetween, listTerritorialEvents, outsideValidity } from '../../src/registry/index.js';

describe('territorial events', () => {
  it('knows the cited changes since 2004, oldest first, each with its act', () => {
    const events = listTerritorialEvents();
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    const hn = events.find((e) => e.id === 'merge-2008-ha-noi');
    expect(hn?.date).toBe('2008-08-01');
    expect(hn?.source).toMatch(/15\/2008\/QH12/);
    expect(events.find((e) => e.id === 'merge-2025')?.date).toBe('2025-07-01');
    expect(events.filter((e) => e.date === '2004-01-01').flatMap((e) => e.regions)).toEqual(expect.arrayContaining(['67', '93']));
    for (const e of events) expect(e.label.vi && e.label.en && e.source).toBeTruthy();
  });

  it('places a yearly figure at its year end: Hà Nội 2006 and 2008 straddle the merger, 2008 and 2010 do not', () => {
    expect(eventsBetween('01', '2006', '2008').map((e) => e.id)).toEqual(['merge-2008-ha-noi']);
    expect(eventsBetween('01', '2008', '2010')).toEqual([]);
    expect(eventsBetween('42', '2006', '2008')).toEqual([]);
  });

  it('finds the 2025 merger for merged provinces only', () => {
    const merger = listTerritorialEvents().find((e) => e.id === 'merge-2025')!;
    // Hà Tĩnh kept its territory; Quảng Ngãi took in Kon Tum.
    expect(eventAffects(merger, '42')).toBe(false);
    expect(eventAffects(merger, '51')).toBe(true);
    expect(eventsBetween('51', '2024', '2025-12')).toHaveLength(1);
  });

  it('says when a unit is used outside its validity (Hà Tây after July 2008)', () => {
    expect(outsideValidity('ha-tay', '2006')).toBe(false);
    expect(outsideValidity('ha-tay', '2008')).toBe(false);
    expect(outsideValidity('ha-tay', '2014')).toBe(true);
    expect(outsideValidity('34:51', '2020')).toBe(true);
    expect(outsideValidity('42', '2020')).toBe(false);
  });
});
