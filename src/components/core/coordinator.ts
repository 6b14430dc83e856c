import type { Observation } from '../../types.js';
import type { ChisoError } from '../../errors.js';
import type { Connector, ConnectorQueryOptions } from '../../connectors/connector.js';
import type { QuerySpec, Row } from '../../query/spec.js';
import type { Lang } from '../../messages/index.js';
import { Selection, type ClientFilter } from './selection.js';
import type { Units } from '../../registry/crosswalk.js';
import { followed, viewQuerySpec, type Follow, type ViewQuery } from './view-query.js';
import type { ViewCube } from './view-cube.js';

/** How a client asks for its rows (see `Coordinator.rows`). */
export interface RowsOptions {
  /** Which selections of other views narrow the answer. Default: both. */
  follow?: Follow;
  /** Whether the view aggregates what it shows, so that on a large table a cube of its own answers it. */
  preaggregate?: boolean;
  /** The caller no longer wants the answer (a newer question of the same view replaces it). */
  signal?: AbortSignal;
}

/** What the coordinator remembers of one client: its last question, the answer, its cube. */
interface ClientState {
  key: string;
  rows: Promise<Observation[]> | null;
  controller: AbortController | null;
  cube: ViewCube | null;
  questions: number;
}

/** A view of a dashboard: told when its data may have changed, it queries when it is ready to draw. */
export interface CoordinatorClient {
  /** Data, selection or language changed. The client does the work later, when visible. */
  invalidate(): void;
  /** Whether the view is on screen now; `false` puts it last when a selection changes. Default: on screen. */
  readonly inView?: boolean;
}

/** Runs `f` in a task of its own, after the browser had a chance to paint and take input. */
function nextTask(f: () => void): void {
  if (typeof MessageChannel !== 'undefined' && typeof window !== 'undefined') {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      f();
    };
    ch.port2.postMessage(null);
  } else setTimeout(f, 0);
}

export type CoordinatorState = 'loading' | 'ready' | 'error';

/** Whether views answer selections from per-view cubes: `auto` past `PREAGGREGATE_ROWS` observations. */
export const Preaggregate = { auto: 'auto', always: 'always', never: 'never' } as const;
export type Preaggregate = keyof typeof Preaggregate;
export function isPreaggregate(value: unknown): value is Preaggregate {
  return typeof value === 'string' && Object.hasOwn(Preaggregate, value);
}

/** Past this many observations, `preaggregate="auto"` gives the aggregating views a cube each. */
export const PREAGGREGATE_ROWS = 50_000;

let executor: Promise<typeof import('../../connectors/executor.js')> | null = null;
/** Starts loading the executor (once per page), e.g. beside the data a dashboard fetches. */
export function preloadExecutor(): Promise<typeof import('../../connectors/executor.js')> {
  executor ??= import('../../connectors/executor.js');
  return executor;
}

/**
 * The eval-free executor over the page's observations, loaded with the first question asked of it: a
 * baked page whose views have their rows may never ask one, and its first script stays small.
 */
class PageExecutor implements Connector {
  readonly name = 'executor';
  readonly #rows: readonly Observation[];
  #loaded: Promise<Connector> | null = null;
  constructor(rows: readonly Observation[]) {
    this.#rows = rows;
  }
  query(spec: QuerySpec, options?: ConnectorQueryOptions): Promise<Row[]> {
    this.#loaded ??= preloadExecutor().then((m) => new m.ExecutorConnector({ rows: this.#rows }));
    return this.#loaded.then((c) => c.query(spec, options));
  }
}

/**
 * The dashboard's coordinator: it holds the observations once, the connector views query, the
 * shared selection and the list of connected clients. Each dashboard owns one, so dashboards on a
 * page never share state.
 */
export class Coordinator extends EventTarget {
  readonly selection = new Selection();
  #observations: readonly Observation[] = [];
  /** The eval-free executor over the observations, rebuilt when they change. */
  #executor: Connector = new PageExecutor([]);
  /** A connector the page gave (DuckDB, a query server), used instead of the executor. */
  #connector: Connector | null = null;
  #preaggregate: Preaggregate = 'auto';
  #state: CoordinatorState = 'loading';
  #error: ChisoError | null = null;
  #lang: Lang = 'vi';
  #clients = new Set<CoordinatorClient>();
  #units: Units = '63';

  constructor() {
    super();
    // A selection changes what views show, not the data: views whose own filter is unchanged keep their rows.
    this.selection.addEventListener('change', () => this.#invalidateAll(false));
  }

  #dataRevision = 0;
  /**
   * Bumped when what views query changed (data, connector, state, language, units, pre-aggregation),
   * not on selections: a view re-queries when this or its own filter changed.
   */
  get dataRevision(): number {
    return this.#dataRevision;
  }

  /** The observations in the page; empty when a connector other than the default answers. */
  get observations(): readonly Observation[] {
    return this.#observations;
  }
  /** What views query: the page's connector, else the eval-free executor over the observations. */
  get connector(): Connector {
    return this.#connector ?? this.#executor;
  }
  /** Whether views query the observations in the page (the default executor). */
  get local(): boolean {
    return this.#connector === null;
  }
  /** Whether views answer selections from per-view cubes (see `Preaggregate`). */
  get preaggregate(): Preaggregate {
    return this.#preaggregate;
  }
  set preaggregate(value: Preaggregate) {
    if (value === this.#preaggregate) return;
    this.#preaggregate = value;
    this.#invalidateAll();
  }
  /**
   * Whether aggregating views should answer from cubes now: the observations are in the page (a cube
   * is built from them) and `preaggregate` is `always`, or `auto` with more than `PREAGGREGATE_ROWS`.
   */
  get cubes(): boolean {
    if (!this.local || this.#preaggregate === 'never') return false;
    return this.#preaggregate === 'always' || this.#observations.length > PREAGGREGATE_ROWS;
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
    this.#executor = new PageExecutor(rows);
    this.#connector = null;
    this.#state = 'ready';
    this.#error = null;
    this.#invalidateAll();
    this.dispatchEvent(new Event('data'));
  }

  /** Views query `connector` (DuckDB, a query server) from now on; the page holds no observations. */
  setConnector(connector: Connector): void {
    this.#observations = [];
    this.#executor = new PageExecutor([]);
    this.#connector = connector;
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

  /** The data behind the connector changed: every view queries again (views otherwise reuse answers). */
  refresh(): void {
    this.#invalidateAll();
  }

  connect(client: CoordinatorClient): void {
    this.#clients.add(client);
    client.invalidate();
  }

  disconnect(client: CoordinatorClient): void {
    this.#clients.delete(client);
    this.selection.remove(client);
    // A view taken off the page stops waiting for its answer, and asks again when put back.
    const state = this.#asked.get(client);
    state?.controller?.abort();
    if (state) Object.assign(state, { key: '', rows: null, controller: null });
  }

  #asked = new WeakMap<object, ClientState>();

  /**
   * The observations `client` shows for `query`, narrowed by the selections of the other views it
   * follows: asked of the connector, or of the client's own cube when the table is large and the
   * view aggregates. The answer is kept per client: a question asked again (a selection that leaves
   * this view's filter as it was) is answered from memory, and a new question cancels the one before
   * (a query still on its way over the network stops). Rejects with an `AbortError` when `signal`
   * aborts, and with a ChisoError on a bad query.
   */
  rows(client: object, query: ViewQuery, { follow = { region: true, period: true }, preaggregate = false, signal }: RowsOptions = {}): Promise<Observation[]> {
    if (this.#state !== 'ready') return Promise.resolve([]);
    const followedFilter = followed(this.filterFor(client), follow);
    // Selections with nothing in common leave nothing to show, never everything.
    if (query.followRegions && followedFilter.regions?.length === 0) return Promise.resolve([]);
    // A view that highlights the selected regions (map, bar) asks the same question whichever they
    // are: its rows stay the same array, so it draws the new highlight and nothing else.
    const filter = query.followRegions ? followedFilter : { ...followedFilter, regions: null };
    const cubes = this.cubes && preaggregate;
    const key = JSON.stringify([this.#dataRevision, cubes, filter, query]);
    let state = this.#asked.get(client);
    if (!state) this.#asked.set(client, (state = { key: '', rows: null, controller: null, cube: null, questions: 0 }));
    if (state.key !== key || state.rows === null) {
      state.controller?.abort();
      const controller = new AbortController();
      const asked = this.#ask(state, cubes, query, filter, controller.signal);
      Object.assign(state, { key, rows: asked, controller });
      // A failed question is asked again next time, not answered from memory.
      asked.catch(() => {
        if (state.rows === asked) Object.assign(state, { key: '', rows: null, controller: null });
      });
    }
    const answer = state.rows as Promise<Observation[]>;
    if (!signal) return answer;
    return new Promise((resolve, reject) => {
      const abort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  }

  async #ask(state: ClientState, cubes: boolean, q: ViewQuery, filter: ClientFilter, signal: AbortSignal): Promise<Observation[]> {
    state.questions++;
    if (cubes) {
      // Loaded with the first large table only: a portal page with a small one never downloads it.
      const { ViewCube } = await import('./view-cube.js');
      state.cube ??= new ViewCube();
      return state.cube.rows(this.#observations, q, filter);
    }
    state.cube = null;
    return (await this.connector.query(viewQuerySpec(q, filter), { signal })) as unknown as Observation[];
  }

  /** Questions `client` has sent to the connector or its cube (answers from memory not counted). */
  questionCount(client: object): number {
    return this.#asked.get(client)?.questions ?? 0;
  }

  /** Whether `client` answers from a cube now, and over how many observations. */
  cubeStats(client: object): ViewCube['stats'] {
    return this.#asked.get(client)?.cube?.stats ?? null;
  }

  /** The filter for `client`: every clause but its own. */
  filterFor(client: object): ClientFilter {
    return this.selection.filterFor(client);
  }

  /** Views told of a selection but not yet invalidated, in the order they will be. */
  #queued: CoordinatorClient[] = [];
  #draining = false;

  #invalidateAll(dataChanged = true): void {
    if (dataChanged) {
      this.#dataRevision++;
      this.#queued = [];
      for (const c of this.#clients) c.invalidate();
      return;
    }
    // A selection (a player's step, a click): every view on screen answers in this task, so that one
    // frame shows them all (views updated a task apart each cost a frame of their own: a click on a
    // 63-province map laid the page out and painted it four times before its neighbours agreed).
    // Views off screen follow in tasks of their own, one each: they only keep their answer and text
    // current until they come back into view.
    const clients = [...this.#clients];
    this.#queued = clients.filter((c) => c.inView === false);
    for (const c of clients) if (c.inView !== false) c.invalidate();
    this.#drain();
  }

  #drain(): void {
    if (this.#draining || this.#queued.length === 0) return;
    this.#draining = true;
    nextTask(() => {
      this.#draining = false;
      const c = this.#queued.shift();
      if (c && this.#clients.has(c)) c.invalidate();
      this.#drain();
    });
  }
}
