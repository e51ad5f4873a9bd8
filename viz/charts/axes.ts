/**
 * The axes of the charts over numbers (days, counts, a factor's values): the x axis along the
 * bottom with about one tick per 70 px, and the y axis at the left with a gridline per tick.
 */
import { axisBottom, axisLeft, type ScaleLinear, type Selection } from 'd3';
import type { G, Svg } from './frame';

type Text = Selection<SVGTextElement, unknown, null, undefined>;

export interface AxisLayers {
  readonly yLabel: Text;
  readonly gGrid: G;
  readonly gXAxis: G;
  readonly gYAxis: G;
  /** Right-aligned, to end at the plot's right edge. */
  readonly xLabel: Text;
}

/** The layers of a plot's axes, appended to `svg` in the order they stack: y label, gridlines, x and y axes, x label. */
export function axisLayers(svg: Svg): AxisLayers {
  return {
    yLabel: svg.append('text').attr('class', 'r2p-axis-label'),
    gGrid: svg.append('g').attr('class', 'r2p-grid'),
    gXAxis: svg.append('g').attr('class', 'r2p-axis r2p-axis-x'),
    gYAxis: svg.append('g').attr('class', 'r2p-axis r2p-axis-y'),
    xLabel: svg.append('text').attr('class', 'r2p-axis-label').attr('text-anchor', 'end'),
  };
}

/** The charts' right margin, in px: room for the last x tick's label. */
export const RIGHT = 16;

/** The x axis at `bottom`, with a tick about every `spacing` px of the plot's `plotW`. */
export function drawXAxis(g: G, x: ScaleLinear<number, number>, bottom: number, plotW: number, spacing = 70): void {
  g.attr('transform', `translate(0,${bottom})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(plotW / spacing))).tickSizeOuter(0));
}

/** The y axis at `left`, its `ticks` written by `fmt`, and their gridlines across to `right`; returns the gridlines. */
export function drawYAxis(
  gAxis: G,
  gGrid: G,
  y: ScaleLinear<number, number>,
  ticks: readonly number[],
  fmt: (v: number) => string,
  left: number,
  right: number,
): Selection<SVGLineElement, number, SVGGElement, unknown> {
  gAxis.attr('transform', `translate(${left},0)`).call(axisLeft(y).tickValues(ticks).tickFormat((v) => fmt(+v)).tickSizeOuter(0));
  return gGrid
    .selectAll<SVGLineElement, number>('line')
    .data(ticks)
    .join('line')
    .attr('x1', left)
    .attr('x2', right)
    .attr('y1', (t) => y(t))
    .attr('y2', (t) => y(t));
}
