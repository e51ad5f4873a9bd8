/**
 * Who did what when: a lane per actor with a dot per event, and under the lanes the
 * leadership's rung as a band (height and colour both rise with the rung, so the order reads
 * without colour). Each dot is focusable and carries a <title> with its day and words.
 */
import { scaleLinear, select } from 'd3';
import type { Chart, TimelineEvent, TimelineSpec } from './types';
import { levelColour } from './palette';
import { RIGHT, drawXAxis } from './axes';
import { changed, clamp, createSvg, createTip, drawLegend, drawTitle, legendSig, setViewBox, textWidth, truncate, type LegendItem } from './frame';
import { liveChart } from './live';

const LANE = 24;
const RUNG_H = 30;
const RUNG_LABEL = 'leadership rung';

interface Segment {
  readonly from: number;
  readonly to: number;
  readonly rung: number;
}

/** Runs of equal rung over days [0, length). */
function segments(values: ArrayLike<number>, length: number): Segment[] {
  const out: Segment[] = [];
  for (let d = 0; d < length; d++) {
    const r = values[d];
    const prev = out[out.length - 1];
    if (!Number.isFinite(r)) continue;
    if (prev && prev.rung === r && prev.to === d) out[out.length - 1] = { ...prev, to: d + 1 };
    else out.push({ from: d, to: d + 1, rung: r });
  }
  return out;
}

export function timeline(container: HTMLElement, spec: TimelineSpec): Chart<TimelineSpec> {
  const svg = createSvg(container, 'r2p-chart r2p-timeline').attr('role', 'group');
  const gTitle = svg.append('g');
  const gLegend = svg.append('g').attr('class', 'r2p-legend');
  const gLanes = svg.append('g').attr('class', 'r2p-lanes');
  const gRung = svg.append('g').attr('class', 'r2p-rung');
  const gEvents = svg.append('g').attr('class', 'r2p-events');
  const gAxis = svg.append('g').attr('class', 'r2p-axis r2p-axis-x');
  const xLabel = svg.append('text').attr('class', 'r2p-axis-label').attr('text-anchor', 'end').text('day →');
  const tip = createTip(svg);
  const x = scaleLinear();
  let laneOf = new Map<string, number>();
  const titleChanged = changed();
  const legendChanged = changed();
  let titleH = 0;
  let legendH = 0;
  let top = 0;
  let bottom = 0;

  function render(s: TimelineSpec, W: number): void {
    const days = Math.max(1, s.days);
    const lanes = [...s.lanes];
    for (const e of s.events) if (!lanes.includes(e.lane)) lanes.push(e.lane);
    laneOf = new Map(lanes.map((l, i) => [l, i]));

    // Title and legend are rebuilt only when they change (update() runs every frame of a run).
    if (titleChanged(`${W}|${s.title}`)) titleH = drawTitle(gTitle, s.title, W) + 4;
    const names = s.rung?.names ?? [];
    const legend: LegendItem[] = names.map((n, i) => ({ label: n, colour: levelColour(i, names.length), kind: 'rect' }));
    if (legendChanged(`${W}|${titleH}|${legendSig(legend)}`)) {
      gLegend.attr('transform', `translate(0,${titleH})`);
      legendH = drawLegend(gLegend, legend, W, 'leadership rung:');
    }
    const y = titleH + (legendH ? legendH + 8 : 4);

    const maxLeft = clamp(W * 0.35, 60, 200);
    const labels = lanes.map((l) => truncate(l, maxLeft));
    const rungLabel = truncate(RUNG_LABEL, maxLeft);
    const left = Math.ceil(Math.max(...labels.map((l) => textWidth(l)), s.rung ? textWidth(rungLabel) : 0) + 10);
    x.domain([0, days]).range([left, W - RIGHT]);
    top = y;
    const lanesH = lanes.length * LANE;
    const rungTop = top + lanesH + 6;
    bottom = s.rung ? rungTop + RUNG_H : top + lanesH;
    setViewBox(svg, W, bottom + 40);
    svg.attr('aria-label', `${s.title}. Timeline over days 0 to ${s.days}: ${s.events.length} events in ${lanes.length} lanes${s.rung ? ', with the leadership rung below' : ''}.`);

    const laneG = gLanes
      .selectAll<SVGGElement, string>('g')
      .data(labels)
      .join((enter) => {
        const g = enter.append('g');
        g.append('line');
        g.append('text').attr('text-anchor', 'end').attr('dy', '0.35em');
        return g;
      })
      .attr('transform', (_, i) => `translate(0,${top + i * LANE})`);
    laneG.select('line').attr('x1', left).attr('x2', W - RIGHT).attr('y1', LANE / 2).attr('y2', LANE / 2);
    laneG
      .select('text')
      .attr('x', left - 8)
      .attr('y', LANE / 2)
      .text((d) => d);

    gEvents
      .selectAll<SVGCircleElement, TimelineEvent>('circle')
      .data(s.events.filter((e) => e.day >= 0 && e.day <= days))
      .join((enter) => {
        const c = enter.append('circle').attr('class', 'r2p-event').attr('r', 5).attr('tabindex', 0);
        c.append('title');
        return c;
      })
      .attr('cx', (e) => x(e.day))
      .attr('cy', (e) => top + (laneOf.get(e.lane) ?? 0) * LANE + LANE / 2)
      .attr('aria-label', (e) => `day ${e.day}, ${e.lane}: ${e.label}`)
      .select('title')
      .text((e) => `day ${e.day}, ${e.lane}: ${e.label}`);

    drawRung(s, W, left, rungTop, rungLabel);
    drawXAxis(gAxis, x, bottom, W - left - RIGHT);
    xLabel.attr('x', W - RIGHT).attr('y', bottom + 34);
  }

  function drawRung(s: TimelineSpec, W: number, left: number, rungTop: number, label: string): void {
    const rung = s.rung;
    gRung.attr('display', rung ? null : 'none');
    if (!rung) return;
    const n = Math.max(1, rung.names.length);
    const length = Math.min(rung.length ?? rung.values.length, rung.values.length);
    const hOf = (r: number): number => (RUNG_H * (clamp(r, 0, n - 1) + 1)) / n;
    gRung
      .selectAll('text')
      .data([label])
      .join('text')
      .attr('class', 'r2p-lane-label')
      .attr('x', left - 8)
      .attr('y', rungTop + RUNG_H / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .text((d) => d);
    gRung
      .selectAll('line')
      .data([0])
      .join('line')
      .attr('x1', left)
      .attr('x2', W - RIGHT)
      .attr('y1', rungTop + RUNG_H)
      .attr('y2', rungTop + RUNG_H);
    gRung
      .selectAll<SVGRectElement, Segment>('rect')
      .data(segments(rung.values, length))
      .join((enter) => {
        const r = enter.append('rect');
        r.append('title');
        return r;
      })
      .attr('x', (d) => x(d.from))
      .attr('width', (d) => Math.max(0.5, x(d.to) - x(d.from)))
      .attr('y', (d) => rungTop + RUNG_H - hOf(d.rung))
      .attr('height', (d) => hOf(d.rung))
      .attr('fill', (d) => levelColour(d.rung, n))
      .select('title')
      .text((d) => `days ${d.from} to ${d.to - 1}: rung ${d.rung} ${rung.names[d.rung] ?? ''}`.trim());
  }

  // Keyboard users get the readout on focus; the pointer gets the <title>.
  gEvents
    .on('focusin', (ev: FocusEvent) => {
      const e = select<Element, TimelineEvent>(ev.target as Element).datum();
      const cx = x(e.day);
      const cy = top + (laneOf.get(e.lane) ?? 0) * LANE;
      tip.show(cx, cy + LANE, [{ text: `day ${e.day}, ${e.lane}` }, { text: e.label }], [0, chart.width, 0, bottom + 40]);
    })
    .on('focusout', () => tip.hide());

  const chart = liveChart(svg.node()!, spec, render);
  return chart;
}
