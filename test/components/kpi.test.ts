import { describe, expect, it } from 'vitest';
import { kpiStyles } from '../../src/components/kpi/kpi.styles.js';
import { kpiElementFacts } from '../../src/components/kpi/kpi.component.js';
import { kpiFacts } from '../../src/charts/kpi.js';
import { colors } from '../../src/charts/theme.js';
import type { Observation } from '../../src/types.js';

const obs = (region: string, period: string, value: number | null, series: string | null = null): Observation => ({
  indicator: 'income_per_capita', region, period, value, qualifier: null, denominator: null,
  unit: 'nghìn đồng/người/tháng', series, status: 'final', source: 's', quote: null,
});

describe('<chiso-kpi>', () => {
  it('colours a change for the better and the worse as the exported KPI does', () => {
    const text = kpiStyles.cssText.toLowerCase();
    expect(text).toContain(`--_better: var(--chiso-kpi-better, ${colors.better.toLowerCase()})`);
    expect(text).toContain(`--_worse: var(--chiso-kpi-worse, ${colors.worse.toLowerCase()})`);
  });

  it('shows the first row\'s region and series: its latest figure with a value and the change before it', () => {
    const rows = [obs('42', '2020', 3000, 'total'), obs('42', '2022', 3500, 'total'), obs('42', '2024', null, 'total'), obs('42', '2024', 9, 'rural'), obs('01', '2024', 7000, 'total')];
    const f = kpiElementFacts(rows, kpiFacts)!;
    expect([f.region, f.current.period, f.current.series, f.previous?.period, f.change, f.judgement]).toEqual(['42', '2022', 'total', '2020', 500, 'better']);
    expect(kpiElementFacts([obs('42', '2024', null)], kpiFacts)).toBeUndefined();
    expect(kpiElementFacts([], kpiFacts)).toBeUndefined();
  });
});
