/**
 * `CubeClient`: what a coordinator holds per view to answer selections from a cube. It builds the
 * cube on the first answer (when the view first becomes interactive), not before; leaves out the
 * view's own clauses; and applies the view's own choices on a field (`defaults`, e.g. its regions)
 * only while no other view selects on that field, as a view's attributes give way to a selection.
 *
 * ```ts
 * // A map of poverty by region, narrowed by other views' period brushes (region clicks only highlight).
 * const cube = new CubeClient(controller, {
 *   groupby: ['region'],
 *   measures: { value: { fn: 'mean' } },
 *   selectionDims: ['period'],
 *   where: [{ field: 'indicator', values: ['poverty_rate'] }],
 * });
 * cube.setData(coordinator.observations);            // on the coordinator's 'data' event
 * cube.prepare();                                     // when the view first scrolls into view
 * const rows = cube.answer(coordinator.selection.clauses); // on each selection change
 * ```
 * The coordinator's clauses (`{ source, field: 'region', values }`, `{ source, field: 'period', range }`)
 * are cube clauses as they are.
 */
import type { Row } from '../query/spec.js';
import { createCube, type Cube, type CubeStats } from './cube.js';
import type { CubeClause, CubeInput, CubeOptions } from './spec.js';
import { validateClauses } from './validate.js';

export interface CubeClientOptions extends CubeOptions {
  /**
   * Clauses that apply to a field only while no selection constrains it (a view's own regions that a
   * map click replaces). Their fields must be selection dimensions. Default `[]`.
   */
  defaults?: readonly CubeClause[];
}

export class CubeClient {
  /** The view: clauses with this source do not filter its answers. */
  readonly source: object;
  readonly #options: CubeClientOptions;
  readonly #defaults: CubeClause[];
  #input: CubeInput | null = null;
  #cube: Cube | null = null;

  constructor(source: object, options: CubeClientOptions) {
    this.source = source;
    this.#options = options;
    this.#defaults = validateClauses(options.defaults ?? [], 'defaults', options.selectionDims ?? []);
  }

  /** New data: the cube is dropped and built again on the next answer. */
  setData(input: CubeInput): void {
    this.#input = input;
    this.#cube = null;
  }

  /** Whether the cube is built (the view has answered a selection since its data came). */
  get built(): boolean {
    return this.#cube !== null;
  }

  /** What the built cube holds and how long it took; `null` before the first answer. */
  get stats(): CubeStats | null {
    return this.#cube?.stats ?? null;
  }

  /** Builds the cube now (e.g. when the view scrolls into view), if it is not built. */
  prepare(): Cube {
    if (!this.#cube) {
      if (this.#input === null) this.#input = [];
      const { defaults: _, ...options } = this.#options;
      this.#cube = createCube(this.#input, options);
    }
    return this.#cube;
  }

  /**
   * The view's rows under the selection's clauses (of all sources: its own are left out here, and so
   * are clauses on fields the view does not follow, as a `filter-by` view ignores them).
   */
  answer(clauses: readonly CubeClause[]): Row[] {
    const cube = this.prepare();
    const follows = cube.options.selectionDims;
    const others = clauses.filter((c) => c.source !== this.source && follows.includes(c.field));
    const free = this.#defaults.filter((d) => !others.some((c) => c.field === d.field));
    return cube.answer([...others, ...free]);
  }
}
