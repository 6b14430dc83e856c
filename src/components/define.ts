import { ChisoDashboard } from './dashboard/dashboard.component.js';
import { ChisoChart } from './chart/chart.component.js';
import { ChisoMap } from './map/map.component.js';
import { ChisoMultiples } from './multiples/multiples.component.js';
import { ChisoKpi } from './kpi/kpi.component.js';
import { ChisoTable } from './table/table.component.js';
import { ChisoFilter } from './filter/filter.component.js';
import { ChisoSource } from './source/source.component.js';
import { ChisoPlayer } from './player/player.component.js';

/** Every chiso element and its tag. */
export const elements = {
  'chiso-dashboard': ChisoDashboard,
  'chiso-chart': ChisoChart,
  'chiso-map': ChisoMap,
  'chiso-multiples': ChisoMultiples,
  'chiso-kpi': ChisoKpi,
  'chiso-table': ChisoTable,
  'chiso-filter': ChisoFilter,
  'chiso-source': ChisoSource,
  'chiso-player': ChisoPlayer,
} as const;

/** Defines every `<chiso-*>` element not yet defined (a page may load chiso twice). */
export function defineElements(): void {
  for (const [tag, cls] of Object.entries(elements)) if (!customElements.get(tag)) customElements.define(tag, cls);
}
