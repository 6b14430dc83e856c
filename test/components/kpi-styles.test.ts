import { describe, expect, it } from 'vitest';
import { kpiStyles } from '../../src/components/kpi/kpi.styles.js';
import { colors } from '../../src/charts/theme.js';

describe('<chiso-kpi> colours', () => {
  it('colours a change for the better and the worse as the exported KPI does', () => {
    const text = kpiStyles.cssText.toLowerCase();
    expect(text).toContain(`--_better: var(--chiso-kpi-better, ${colors.better.toLowerCase()})`);
    expect(text).toContain(`--_worse: var(--chiso-kpi-worse, ${colors.worse.toLowerCase()})`);
  });
});
