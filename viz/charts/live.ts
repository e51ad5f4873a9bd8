/**
 * A chart's life: drawn from its spec at its container's width, and drawn again with the next
 * spec on update() and at the new width whenever the width changes.
 */
import type { Chart } from './types';

/** A function that runs `fn` at the next animation frame, once however often it is called before then. */
export function perFrame(fn: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      fn();
    });
  };
}

/**
 * Calls `redraw(width)` when `el`'s width changes; returns the width now (640 before it is laid
 * out). The redraw waits for the next frame: redrawing inside the observer changes the chart's
 * height, which the browser would report as a ResizeObserver loop error.
 */
function observeWidth(el: Element, redraw: (width: number) => void): number {
  const measure = (): number => Math.floor(el.getBoundingClientRect().width);
  let width = measure() || 640;
  if (typeof ResizeObserver !== 'undefined') {
    const remeasure = perFrame(() => {
      const w = measure();
      if (w > 0 && w !== width) {
        width = w;
        redraw(w);
      }
    });
    new ResizeObserver(remeasure).observe(el);
  }
  return width;
}

/** A chart that knows what it last drew: for the handlers (hover, focus) that read it between draws. */
export interface LiveChart<S> extends Chart<S> {
  readonly spec: S;
  /** The width it was drawn at, in px. */
  readonly width: number;
}

/**
 * Draws `spec` into `element` now with `draw(spec, width)`, and again on update() and when
 * `element`'s width changes. `draw` must not read the returned chart (it is not returned yet at
 * the first draw): it gets what it draws as arguments.
 */
export function liveChart<S>(element: Chart<S>['element'], spec: S, draw: (spec: S, width: number) => void): LiveChart<S> {
  let cur = spec;
  let width = observeWidth(element, (w) => {
    width = w;
    draw(cur, width);
  });
  draw(cur, width);
  return {
    element,
    get spec() {
      return cur;
    },
    get width() {
      return width;
    },
    update(next) {
      cur = next;
      draw(cur, width);
    },
  };
}
