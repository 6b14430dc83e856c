import type { Observation } from '../../types.js';
import type { ChisoError } from '../../errors.js';
import type { Lang } from '../../messages/index.js';
import { Selection, type ClientFilter } from './selection.js';
import type { Units } from './coordinator-units.js';

/** A view of a dashboard: told when its data may have changed, it queries when it is ready to draw. */
export interface CoordinatorClient {
  /** Data, selection or language changed. The client does the work later, when visible. */
  invalidate(): void;
}

export type CoordinatorState = 'loading' | 'ready' | 'error';

/**
 * The dashboard's coordinator: it holds the observations once, the shared selection and the list of
 * connected clients. Each dashboard owns one, so dashboards on a page never share state.
 */
export class Coordinator extends EventTarget {
  readonly selection = new Selection();
  #observations: readonly Observation[] = [];
  #state: CoordinatorState = 'loading';
  #error: ChisoError | null = null;
  #lang: Lang = 'vi';
  #clients = new Set<CoordinatorClient>();
  #units: Units = '63';

  constructor() {
    super();
    this.selection.addEventListener('change', () => this.#invalidateAll());
  }

  get observations(): readonly Observation[] {
    return this.#observations;
  }
  get state(): CoordinatorState {
    return this.#state;
  }
  get error(): ChisoError | null {
    return this.#error;
  }
  get lang(): Lang {
    return this.#lang;
  }
  set lang(value: Lang) {
    if (value === this.#lang) return;
    this.#lang = value;
    this.#invalidateAll();
  }
  /** Which provincial units maps and pickers show: the 63 old provinces or the 34 units of 2025. */
  get units(): Units {
    return this.#units;
  }
  set units(value: Units) {
    if (value === this.#units) return;
    this.#units = value;
    this.selection.clear();
    this.#invalidateAll();
    this.dispatchEvent(new Event('units'));
  }
  get clientCount(): number {
    return this.#clients.size;
  }

  loading(): void {
    this.#state = 'loading';
    this.#error = null;
    this.#invalidateAll();
  }

  setObservations(rows: readonly Observation[]): void {
    this.#observations = rows;
    this.#state = 'ready';
    this.#error = null;
    this.#invalidateAll();
    this.dispatchEvent(new Event('data'));
  }

  setError(error: ChisoError): void {
    this.#state = 'error';
    this.#error = error;
    this.#invalidateAll();
  }

  connect(client: CoordinatorClient): void {
    this.#clients.add(client);
    client.invalidate();
  }

  disconnect(client: CoordinatorClient): void {
    this.#clients.delete(client);
    this.selection.remove(client);
  }

  /** The filter for `client`: every clause but its own. */
  filterFor(client: object): ClientFilter {
    return this.selection.filterFor(client);
  }

  #invalidateAll(): void {
    for (const c of this.#clients) c.invalidate();
  }
}
