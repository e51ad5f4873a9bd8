/**
 * Labelled vertical marks over a chart's plot (events on the time axis, a median, an interval's
 * ends): the labels in lanes above the plot, placed so that they do not overlap, and each mark
 * with a <title> that keeps its words when its label finds no room.
 */
import { select } from 'd3';
import { SMALL_FONT, textWidth, truncate, type G } from './frame';

/** The height of a lane of labels, in px. */
export const MARK_LANE = 13;

export interface PlacedLabel {
  readonly index: number;
  readonly text: string;
  readonly lane: number;
  readonly anchor: 'start' | 'end';
}

/**
 * Places labels of vertical marks at x positions in up to `maxLanes` rows without overlap
 * (greedy, left to right); a label that fits nowhere gets lane -1 (its mark keeps a <title>).
 */
export function placeLabels(
  xs: readonly number[],
  labels: readonly string[],
  x0: number,
  x1: number,
  maxLanes = 3,
): { placed: PlacedLabel[]; lanes: number } {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const ends: number[] = [];
  const placed: PlacedLabel[] = [];
  for (const i of order) {
    const text = truncate(labels[i], Math.max(40, Math.min(180, (x1 - x0) * 0.6)), SMALL_FONT);
    const w = textWidth(text, SMALL_FONT);
    const right = xs[i] + 3 + w <= x1;
    const left = right ? xs[i] + 3 : xs[i] - 3 - w;
    let lane = ends.findIndex((e) => left >= e + 6);
    if (lane < 0 && ends.length < maxLanes) lane = ends.push(-Infinity) - 1;
    if (lane >= 0) ends[lane] = left + w;
    placed.push({ index: i, text, lane, anchor: right ? 'start' : 'end' });
  }
  return { placed, lanes: ends.length };
}


/** A mark at `x` (px); `title` its words in full. */
export interface Mark {
  readonly x: number;
  readonly title: string;
}

/**
 * Draws `marks` (labels as `placed` by placeLabels) from their label's lane, the first lane's
 * text at `labelTop` + 10, down to `bottom`; a mark whose label has no lane starts at `top`.
 */
export function drawMarks(g: G, marks: readonly Mark[], placed: readonly PlacedLabel[], labelTop: number, top: number, bottom: number): void {
  const lane = new Map(placed.map((p) => [p.index, p]));
  g.selectAll<SVGGElement, Mark>('g')
    .data(marks)
    .join((enter) => {
      const m = enter.append('g').attr('class', 'r2p-mark');
      m.append('title');
      m.append('line');
      m.append('text');
      return m;
    })
    .each(function (d, i) {
      const m = select(this);
      const p = lane.get(i);
      const ly = p && p.lane >= 0 ? labelTop + p.lane * MARK_LANE + 10 : top;
      m.select('title').text(d.title);
      m.select('line').attr('x1', d.x).attr('x2', d.x).attr('y1', ly - 9).attr('y2', bottom);
      m.select('text')
        .attr('display', p && p.lane >= 0 ? null : 'none')
        .attr('x', d.x + (p?.anchor === 'end' ? -3 : 3))
        .attr('y', ly)
        .attr('text-anchor', p?.anchor ?? 'start')
        .text(p?.text ?? '');
    });
}
