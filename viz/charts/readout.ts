/**
 * The hover readout of a chart over positions 0..last (days, a factor's levels): a vertical rule,
 * dots on the data and a tip with the values, moved by the pointer over the plot and by the
 * keyboard once the chart has focus (the arrow keys step, Shift+arrow `bigStep` at a time, Home
 * and End go to the ends; Escape, or leaving the chart, hides it). Left out of exports.
 */
import { pointer } from 'd3';
import { clamp, createTip, type Svg, type TipLine } from './frame';

/** What the readout shows at a position. */
export interface ReadoutView {
  /** The rule's x (px). */
  readonly x: number;
  /** Dots on the data: y in px. */
  readonly dots: readonly { readonly y: number; readonly colour: string }[];
  readonly lines: readonly TipLine[];
}

export interface ReadoutSource {
  /** The last position (-1: none). */
  last(): number;
  /** The position at the pointer's x (px); rounded and kept in 0..last. */
  nearest(px: number): number;
  /** What to show at position `i` (null: nothing). */
  at(i: number): ReadoutView | null;
  /** Positions a Shift+arrow steps (1 when absent). */
  readonly bigStep?: number;
}

export interface Readout {
  /** The plot area it reads (left, top, width, height, in px) in a chart `width` px wide; set it at every layout. */
  place(left: number, top: number, plotW: number, plotH: number, width: number): void;
  /** Draws it again where it is, after the data changed (nothing when hidden). */
  refresh(): void;
}

/** Adds the readout's layers to `svg` (over what is there) and listens to the pointer and the keys. */
export function createReadout(svg: Svg, source: ReadoutSource): Readout {
  const gHover = svg.append('g').attr('class', 'r2p-hover r2p-no-export').attr('display', 'none');
  const rule = gHover.append('line').attr('class', 'r2p-rule');
  const gDots = gHover.append('g');
  const overlay = svg.append('rect').attr('class', 'r2p-overlay r2p-no-export');
  const tip = createTip(svg);
  let at: number | null = null;
  let top = 0;
  let plotH = 0;
  let width = 0;

  function draw(): void {
    const view = at === null ? null : source.at(at);
    if (!view) {
      gHover.attr('display', 'none');
      tip.hide();
      return;
    }
    gHover.attr('display', null);
    rule.attr('x1', view.x).attr('x2', view.x).attr('y1', top).attr('y2', top + plotH);
    gDots
      .selectAll('circle')
      .data(view.dots)
      .join('circle')
      .attr('r', 3.5)
      .attr('cx', view.x)
      .attr('cy', (d) => d.y)
      .attr('fill', (d) => d.colour);
    tip.show(view.x, top + 4, view.lines, [0, width, 0, top + plotH + 40]);
  }

  const show = (i: number | null): void => {
    const last = source.last();
    at = i === null || last < 0 ? null : clamp(Math.round(i), 0, last);
    draw();
  };
  overlay.on('pointermove', (ev: PointerEvent) => show(source.nearest(pointer(ev, svg.node())[0]))).on('pointerleave', () => show(null));
  svg
    .on('keydown', (ev: KeyboardEvent) => {
      const last = source.last();
      if (last < 0) return;
      const step = ev.shiftKey ? (source.bigStep ?? 1) : 1;
      const now = at ?? (ev.key === 'ArrowLeft' ? last + 1 : -1);
      if (ev.key === 'ArrowRight') show(now + step);
      else if (ev.key === 'ArrowLeft') show(now - step);
      else if (ev.key === 'Home') show(0);
      else if (ev.key === 'End') show(last);
      else if (ev.key === 'Escape') show(null);
      else return;
      ev.preventDefault();
    })
    .on('blur', () => show(null));

  return {
    place(left, t, plotW, h, w) {
      top = t;
      plotH = h;
      width = w;
      overlay.attr('x', left).attr('y', top).attr('width', Math.max(0, plotW)).attr('height', plotH);
    },
    refresh: () => {
      if (at !== null) draw();
    },
  };
}
