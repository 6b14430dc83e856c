/** Resolves a selection's regions to the list of region ids it names. */
import '../messages/query.js';
import { fail } from '../errors.js';
import { is34 } from '../registry/crosswalk.js';
import { predecessorsOf, type QueryRegistry } from './registry-view.js';
import type { RegionSelection } from './spec.js';

export function resolveRegions(selection: RegionSelection, registry: QueryRegistry): string[] {
  if (Array.isArray(selection)) {
    for (const id of selection as readonly string[]) {
      if (!registry.region(id)) fail('QUERY_UNKNOWN_REGION', { value: id, where: 'select.regions' });
    }
    return [...(selection as readonly string[])];
  }
  if ('level' in selection) return registry.regions(selection.level).map((r) => r.id);
  const unit = (selection as { parent2025: string }).parent2025;
  if (!is34(unit) || registry.region(unit)?.level !== 'province2025') fail('QUERY_NOT_UNIT_2025', { value: unit });
  return predecessorsOf(registry, unit).map((r) => r.id);
}
