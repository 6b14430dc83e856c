import { html, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Observation } from '../../types.js';
import type { Lang } from '../../messages/index.js';
import { comparePeriods } from '../../data/period.js';
import { formatPeriod, formatValue, periodPhrase } from '../../format/index.js';
import { indicatorLabel, regionName } from '../../registry/names.js';
import { getRegion } from '../../registry/index.js';
import { ChisoViewElement } from '../core/view-element.js';
import { baseStyles } from '../core/styles.js';
import { t } from '../core/i18n.js';
import type { Follow } from '../core/view-query.js';
import { within } from '../core/selection.js';
import { playerStyles } from './player.styles.js';
import { urlKey, writeAddress, writeLater } from '../core/url-state.js';

/** No step comes sooner than this after the one before, whatever `interval` says: views have time to draw and readers to listen. */
const MIN_STEP_MS = 400;
/** Time between two steps while playing, unless `interval` says otherwise. */
const DEFAULT_STEP_MS = 1500;

/** The levels a map or a bar of the country draws. */
const MAPPED_LEVELS = new Set(['province', 'province2025']);

/**
 * The periods a player steps through, oldest first: those with a province's figure (what maps and
 * bars of the country draw), so a district report's date in the same data is no step of its own;
 * every period of `rows` when no province has one.
 */
function periodsOf(rows: readonly Observation[]): string[] {
  const mapped = rows.filter((o) => o.value !== null && MAPPED_LEVELS.has(getRegion(o.region)?.level ?? ''));
  return [...new Set((mapped.length ? mapped : rows).map((o) => o.period))].sort(comparePeriods);
}

/** `Năm 2014` / `2014`: a period opening a sentence. */
function periodHead(period: string, lang: Lang): string {
  const text = lang === 'vi' ? periodPhrase(period, lang) : formatPeriod(period, lang);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What one step says: the figure of the country (or of `region`) in that period, else how many
 * regions have a figure and the lowest and highest. Plain text: it goes into a live region.
 */
function stepHeadline(rows: readonly Observation[], period: string, lang: Lang, options: { indicator?: string; region?: string } = {}): string {
  const inPeriod = rows.filter((o) => o.period === period && o.value !== null && Number.isFinite(o.value));
  const head = periodHead(period, lang);
  const indicator = indicatorLabel(options.indicator ?? rows[0]?.indicator, lang);
  const focus = inPeriod.find((o) => o.region === (options.region ?? 'VN'));
  if (focus) return t('COMPONENTS_PLAYER_STEP', lang, { period: head, indicator, region: regionName(focus.region, lang), value: formatValue(focus, lang) });
  // Without a country figure: the provinces' spread, as the map shows it.
  const mapped = inPeriod.filter((o) => MAPPED_LEVELS.has(getRegion(o.region)?.level ?? ''));
  const shown = mapped.length ? mapped : inPeriod;
  if (shown.length === 0) return t('COMPONENTS_PLAYER_NONE', lang, { period: head, indicator });
  let lo = shown[0];
  let hi = shown[0];
  for (const o of shown) {
    if ((o.value as number) < (lo.value as number)) lo = o;
    if ((o.value as number) > (hi.value as number)) hi = o;
  }
  return t('COMPONENTS_PLAYER_SPREAD', lang, {
    period: head,
    indicator,
    count: shown.length,
    min: formatValue(lo, lang),
    minRegion: regionName(lo.region, lang),
    max: formatValue(hi, lang),
    maxRegion: regionName(hi.region, lang),
  });
}

/**
 * @tagname chiso-player
 * @summary Steps the maps and bars of its dashboard through the periods of an indicator: play, pause, step back and forward, a slider.
 *
 * The player publishes one period to the dashboard's selection; every view that follows periods (a
 * map or a bar without its own `period`) shows it. Nothing plays until the reader presses Play. Each
 * step is said in a polite live region with its headline figure ("Năm 2014: Tỷ lệ hộ nghèo, Cả nước
 * 8,4%"). A range of years chosen in another view (a line chart's brush, the filter) stays beside the
 * player's period: the player steps inside it, and a range that leaves its period out moves it to the
 * range's latest. With `url-state` on the dashboard the page address carries the period (`?period=2014`,
 * with `&range=2010-2016` beside it when a range is chosen) and a link opens on it. Steps come at most every 400 ms; under `prefers-reduced-motion` maps change colour
 * without fading.
 *
 * @attr indicator - Indicator id whose periods the player steps through, e.g. `poverty_rate`.
 * @attr region - The region whose figure each step announces. Default: the country (`VN`), else the spread of the provinces.
 * @attr period - Start years to step through (`2010-2016`). Default: every period with a province's figure (every period when no province has one).
 * @attr series - A sub-series id.
 * @attr interval - Milliseconds between steps while playing. Default `1500`; never less than `400`.
 * @attr url-state - For a player with data of its own (`.data`, outside a dashboard): keep its period in the page address, `?period=2014`, or `?{id}.period=2014` when it has an `id`; a link, a reload, going back or forward open on it. Inside a dashboard, the dashboard's `url-state` does this.
 *
 * @event chiso-period - The player moved to a period; `detail.period` is it.
 *
 * @csspart controls - The buttons and the slider.
 * @csspart play - The play/pause button.
 * @csspart back - The step-back button.
 * @csspart forward - The step-forward button.
 * @csspart slider - The period slider (a range input: arrow keys, Home, End, Page Up/Down).
 * @csspart announce - The line saying the period shown and its headline figure (a polite live region).
 * @csspart status - Loading and empty messages.
 */
export class ChisoPlayer extends ChisoViewElement {
  static override styles = [baseStyles, playerStyles];
  static override properties: PropertyDeclarations = {
    interval: { type: Number, reflect: true },
    urlState: { type: Boolean, attribute: 'url-state', reflect: true },
    _playing: { state: true, attribute: false },
    _pending: { state: true, attribute: false },
  };
  declare interval: number | undefined;
  /**
   * A player with data of its own (`.data`, outside a dashboard): mirror its period in the page
   * address, `?period=2014` (`?{id}.period=2014` when it has an `id`), as a dashboard's `url-state`
   * does for the players inside it; a link, a reload, going back or forward open on it.
   */
  declare urlState: boolean;
  declare _playing: boolean;
  /** A period stepped to but not published yet (steps closer than `MIN_STEP_MS`). */
  declare _pending: string | null;

  /** The periods of the indicator with a province's figure, oldest first; the player steps through those inside a chosen range (`steps`). */
  periods: string[] = [];
  #rows: Observation[] = [];
  /** The coordinator that answered `#rows`. */
  #rowsFrom: object | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastPublished = -Infinity;
  #publishTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    // Small and cheap: it knows its periods before it is scrolled to, so a link's period is shown.
    super(false);
    this._playing = false;
    this._pending = null;
    this.urlState = false;
  }

  /** The player follows nothing: it steps through every period, whatever the other views select. */
  protected override following(): Follow {
    return { region: false, period: false };
  }

  protected override answer(rows: Observation[]): Observation[] {
    this.#rows = rows;
    this.#rowsFrom = this.client.coordinator ?? null;
    this.periods = periodsOf(rows);
    return rows;
  }

  /** Whether the player is playing. */
  get playing(): boolean {
    return this._playing;
  }

  /**
   * The periods the player steps through now: its periods inside the range chosen in other views (a
   * brush, the filter), so a step never shows a period the range leaves out.
   */
  get steps(): string[] {
    const range = this.client.coordinator?.selection.chosenRange() ?? null;
    return range ? this.periods.filter((p) => within(p, range)) : this.periods;
  }

  /** The period the views show: the one selected, if it is one of the steps, else the latest step (as a map shows the latest of a range); `null` before the data is in. */
  get shownPeriod(): string | null {
    const steps = this.steps;
    const range = this.client.coordinator?.selection.periodRange();
    if (range && range[0] === range[1] && steps.includes(range[0])) return range[0];
    return steps.at(-1) ?? null;
  }

  /** The period the slider stands on: the one stepped to, before the views follow it. */
  get current(): string | null {
    return this._pending ?? this.shownPeriod;
  }

  /** What the live region says: the period the views show and its headline figure. */
  get announcement(): string {
    const p = this.shownPeriod;
    return p === null ? '' : stepHeadline(this.#rows, p, this.locale, { indicator: this.indicator, region: this.#focusRegion() });
  }

  #focusRegion(): string | undefined {
    return this.region?.split(/[,\s]+/).find(Boolean);
  }

  /** Shows the step at `index` (clamped; see `steps`) in every view following periods. */
  go(index: number): void {
    const steps = this.steps;
    if (steps.length === 0) return;
    const period = steps[Math.max(0, Math.min(steps.length - 1, Math.round(index)))];
    this.#publish(period);
  }

  /** One step back (`-1`) or forward (`1`). */
  step(delta: number): void {
    const i = this.#index();
    if (i >= 0) this.go(i + delta);
  }

  play(): void {
    if (this._playing || this.steps.length < 2) return;
    this._playing = true;
    // From the last period, playing starts over from the first.
    if (this.#index() === this.steps.length - 1) this.go(0);
    this.#schedule();
  }

  pause(): void {
    this._playing = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #index(): number {
    const p = this.current;
    return p === null ? -1 : this.steps.indexOf(p);
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const every = Math.max(MIN_STEP_MS, Number.isFinite(this.interval) ? (this.interval as number) : DEFAULT_STEP_MS);
    this.#timer = setTimeout(() => {
      if (!this._playing) return;
      const i = this.#index();
      const n = this.steps.length;
      if (i >= n - 1) return this.pause();
      this.go(i + 1);
      if (i + 1 >= n - 1) this.pause();
      else this.#schedule();
    }, every);
  }

  /**
   * Publishes `period`, at most once every `MIN_STEP_MS`: keys held down move the slider at once and
   * the views follow with the last period reached (one question, one drawing, one announcement).
   */
  #publish(period: string): void {
    this._pending = period;
    if (this.#publishTimer !== undefined) return;
    const wait = this.#lastPublished + MIN_STEP_MS - performance.now();
    const send = () => {
      this.#publishTimer = undefined;
      const p = this._pending;
      this._pending = null;
      if (p === null) return;
      this.#lastPublished = performance.now();
      this.client.coordinator?.selection.selectPeriod(this.client, p);
      this.#urlLater();
      this.dispatchEvent(new CustomEvent('chiso-period', { detail: { period: p }, bubbles: true, composed: true }));
    };
    if (wait <= 0) send();
    else this.#publishTimer = setTimeout(send, wait);
  }

  /**
   * Whether the player itself keeps the page address: `url-state` on a player with data of its own.
   * Inside a dashboard the dashboard's `url-state` writes the period, with the rest of its selection.
   */
  #ownsUrl(): boolean {
    return this.urlState && this.data !== undefined && this.isConnected;
  }

  /** `period`, or `{id}.period`: a page with several players (or a dashboard beside one) gives each an id. */
  #urlKey(): string {
    return urlKey(this.id, 'period');
  }

  /** The address is written in a task of its own, once for steps that come together, as a dashboard writes it. */
  readonly #urlLater = writeLater(
    () => writeAddress({ [this.#urlKey()]: this.client.coordinator?.selection.steppedPeriod() ?? null }),
    () => this.#ownsUrl(),
  );

  /** The coordinator whose selection was last set from the address: a new `.data` reads it again. */
  #urlReadFor: object | null = null;

  /**
   * The address's period into the player's selection, once its periods are known; on going back or
   * forward (`all`) an address without one clears the step (the views show the latest period). A
   * period the data does not have is left out, as a dashboard leaves out what it cannot show.
   */
  #readUrl(all = false): void {
    const c = this.client.coordinator;
    if (!c || !this.#ownsUrl()) return;
    this.#urlReadFor = c;
    const period = new URL(location.href).searchParams.get(this.#urlKey());
    const known = period !== null && this.periods.includes(period) ? period : null;
    if (known === null && !all) return;
    clearTimeout(this.#publishTimer);
    this.#publishTimer = undefined;
    this._pending = null;
    this.#lastPublished = performance.now();
    c.selection.selectPeriod(this.client, known);
  }

  #onPopState = () => {
    if (!this.#ownsUrl()) return;
    this.pause();
    this.#readUrl(true);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Its periods known, a player with data of its own opens on the address's period.
    const c = this.client.coordinator;
    if (c && this.periods.length && this.#rowsFrom === c && c !== this.#urlReadFor && this.#ownsUrl()) this.#readUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    this.#urlReadFor = null;
    this.pause();
    clearTimeout(this.#publishTimer);
    this.#publishTimer = undefined;
    this._pending = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this._playing && this.steps.length < 2) this.pause();
  }

  override render() {
    return this.renderRows(() => this.#controls());
  }

  #controls() {
    const lang = this.locale;
    const steps = this.steps;
    const n = steps.length;
    const current = this.current;
    const i = this.#index();
    if (n === 0 || current === null) return this.renderEmpty();
    const label = t('COMPONENTS_PLAYER_LABEL', lang, { indicator: indicatorLabel(this.indicator ?? this.#rows[0]?.indicator, lang) });
    const userStep = (f: () => void) => () => {
      this.pause();
      f();
    };
    return html`<div role="group" aria-label=${label} class="player">
      <div class="controls" part="controls">
        <button type="button" class="play" part="play" ?disabled=${n < 2} @click=${() => (this._playing ? this.pause() : this.play())}>
          <span class="glyph" aria-hidden="true">${this._playing ? '❚❚' : '▶'}</span> ${t(this._playing ? 'COMPONENTS_PLAYER_PAUSE' : 'COMPONENTS_PLAYER_PLAY', lang)}
        </button>
        <button type="button" part="back" ?disabled=${i <= 0} @click=${userStep(() => this.step(-1))}>
          <span class="glyph" aria-hidden="true">◀</span> ${t('COMPONENTS_PLAYER_BACK', lang)}
        </button>
        <button type="button" part="forward" ?disabled=${i >= n - 1} @click=${userStep(() => this.step(1))}>
          ${t('COMPONENTS_PLAYER_FORWARD', lang)} <span class="glyph" aria-hidden="true">▶</span>
        </button>
        <label class="slider">
          <span class="visually-hidden">${t('COMPONENTS_PLAYER_SLIDER', lang)}</span>
          <span class="end" aria-hidden="true">${formatPeriod(steps[0], lang)}</span>
          <input
            type="range"
            part="slider"
            min="0"
            max=${n - 1}
            step="1"
            .value=${String(Math.max(0, i))}
            aria-valuetext=${formatPeriod(current, lang)}
            @input=${(e: Event) => {
              this.pause();
              this.go(Number((e.target as HTMLInputElement).value));
            }}
          />
          <span class="end" aria-hidden="true">${formatPeriod(steps[n - 1], lang)}</span>
        </label>
      </div>
      <p class="announce" part="announce" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>
    </div>`;
  }
}

