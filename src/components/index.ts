/**
 * chiso's web components. Importing this module defines every `<chiso-*>` element; the embed build
 * (`dist/chiso.embed.js`) is this module and nothing else, with Vega in a chunk loaded on first draw.
 */
export * from './dashboard/dashboard.js';
export * from './chart/chart.js';
export * from './map/map.js';
export * from './multiples/multiples.js';
export * from './kpi/kpi.js';
export * from './table/table.js';
export * from './filter/filter.js';
export * from './source/source.js';
export * from './player/player.js';
export { Coordinator, Preaggregate, isPreaggregate, PREAGGREGATE_ROWS, type CoordinatorClient, type CoordinatorState } from './core/coordinator.js';
export { Selection, type Clause, type ClientFilter } from './core/selection.js';
export { ClientController, type ClientControllerOptions } from './core/client-controller.js';
export { coordinatorContext } from './core/context.js';
export { Units, isUnits } from '../registry/crosswalk.js';
export { observationsToCSV, neutralizeCell, OBSERVATION_COLUMNS } from './core/csv.js';
export { viewQuerySpec, type ViewQuery } from './core/view-query.js';
export { liveViewCount, loadVega, loadExpressionInterpreter } from '../render/browser.js';
export { elements, defineElements } from './define.js';
import { defineElements } from './define.js';

// Importing chiso defines its elements; a call here (not only in the per-element modules) survives
// bundlers that trust package.json's `sideEffects`.
defineElements();
