import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { coordinatorContext } from './context.js';
import type { Coordinator, CoordinatorClient } from './coordinator.js';
import type { ClientFilter } from './selection.js';

export interface ClientControllerOptions {
  /** Do no work until the element scrolls into view. Default `true`. */
  lazy?: boolean;
  /** Watch the element's own width (not the window's). Default `true`. */
  resize?: boolean;
}

/**
 * Binds an element to its dashboard's coordinator for as long as it is connected (the Mosaic client
 * pattern as a Lit controller): it finds the coordinator through context, connects on
 * `hostConnected`, disconnects on `hostDisconnected`, and tells the element when it is visible, how
 * wide it is, and when its data is stale.
 */
export class ClientController implements ReactiveController, CoordinatorClient {
  readonly host: ReactiveElement;
  coordinator: Coordinator | undefined;
  /** True once the element has been in view; lazy elements draw nothing before. */
  visible: boolean;
  /**
   * Whether the element is on screen now (within 200 px of it). Views off screen keep their answer
   * current but leave their picture until they come back into view.
   */
  inView = true;
  /** Width of the element (border box) in CSS pixels, 0 before the first measure. */
  width = 0;
  /** Bumped whenever data, selection or language changed; elements compare it to what they drew. */
  revision = 0;

  #io: IntersectionObserver | null = null;
  #ro: ResizeObserver | null = null;
  #connected = false;
  readonly #resize: boolean;

  constructor(host: ReactiveElement, { lazy = true, resize = true }: ClientControllerOptions = {}) {
    this.host = host;
    this.#resize = resize;
    this.visible = !lazy;
    this.#context = new ContextConsumer(host, {
      context: coordinatorContext,
      subscribe: true,
      callback: (c) => this.#attach(this.#own ?? c),
    });
    host.addController(this);
  }

  /** True once the element's width is known (a chart drawn before would be drawn twice). */
  measured = false;

  hostConnected(): void {
    this.#connected = true;
    // Measure now rather than one observer callback later: the first draw gets the right width,
    // and an element already on screen does not wait a frame to learn it is visible.
    if (typeof window !== 'undefined' && this.host.isConnected) {
      const rect = this.host.getBoundingClientRect();
      if (rect.width > 0) {
        this.width = Math.round(rect.width);
        this.measured = true;
      }
      this.inView = rect.bottom >= -200 && rect.top <= window.innerHeight + 200;
      if (!this.visible && this.inView && rect.width > 0) this.visible = true;
    }
    if (this.coordinator) this.coordinator.connect(this);
    if (typeof IntersectionObserver !== 'undefined') {
      // Kept for as long as the element is connected: it first makes a lazy element visible, then
      // tells when it comes back into view (an off-screen view draws what it missed then).
      this.#io = new IntersectionObserver((entries) => {
        const now = entries[entries.length - 1].isIntersecting;
        if (now === this.inView && (this.visible || !now)) return;
        this.inView = now;
        if (now) {
          this.visible = true;
          this.host.requestUpdate();
        }
      }, { rootMargin: '200px' });
      this.#io.observe(this.host);
    }
    if (this.#resize && typeof ResizeObserver !== 'undefined') {
      this.#ro = new ResizeObserver((entries) => {
        const e = entries[entries.length - 1];
        // Border box, as getBoundingClientRect measures it on connect.
        const w = Math.round(e.borderBoxSize?.[0]?.inlineSize ?? e.contentRect.width);
        const first = !this.measured;
        this.measured = true;
        // Ignore sub-8px jitter so a scrollbar appearing does not redraw every chart.
        if (first || Math.abs(w - this.width) >= 8 || (this.width === 0 && w > 0)) {
          this.width = w;
          this.host.requestUpdate();
        }
      });
      this.#ro.observe(this.host);
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#io?.disconnect();
    this.#io = null;
    this.#ro?.disconnect();
    this.#ro = null;
    this.coordinator?.disconnect(this);
  }

  invalidate(): void {
    this.revision++;
    this.host.requestUpdate();
  }

  /** The filter made by every other view. */
  filter(): ClientFilter {
    return this.coordinator ? this.coordinator.filterFor(this) : { regions: null, periods: null };
  }

  readonly #context: ContextConsumer<typeof coordinatorContext, ReactiveElement>;
  #own: Coordinator | undefined;
  /** A coordinator of the element's own (its `.data`), used instead of its dashboard's; `undefined`: the dashboard's again. */
  useOwn(c: Coordinator | undefined): void {
    this.#own = c;
    this.#attach(c ?? this.#context.value);
  }

  #attach(c: Coordinator | undefined): void {
    if (c === this.coordinator) return;
    if (this.coordinator && this.#connected) this.coordinator.disconnect(this);
    this.coordinator = c;
    if (c && this.#connected) c.connect(this);
    this.invalidate();
  }
}
