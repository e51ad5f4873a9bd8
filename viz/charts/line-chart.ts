/**
 * Lines over days (one run's series, or several arms). update() is called up to 30 times a
 * second during a run: it reuses the DOM, redraws the axes only when their domain changes (the
 * y domain is "niced", so it moves in steps) and rebuilds only the paths.
 */
import { curveLinear, curveStepAfter, line, nice } from 'd3';
import type { Chart, LineChartSpec, LineSeries } from './types';
import { categorical } from './palette';
import { formatValue, type LegendItem } from './frame';
import { liveChart } from './live';
import { createTimeFrame } from './time-frame';

/** How many of a series' values are drawn. */
const drawn = (s: LineSeries): number => Math.max(0, Math.min(s.length ?? s.values.length, s.values.length));

export function lineChart(container: HTMLElement, spec: LineChartSpec): Chart<LineChartSpec> {
  const colourOf = (s: LineSeries, i: number): string => s.colour ?? categorical(i);
  const label = (s: LineChartSpec, v: number): string => s.yTickNames?.[v] ?? formatValue(v);

  // The readout reads the spec drawn last.
  const frame = createTimeFrame(container, 'r2p-line-chart', (day) => {
    const cur = chart.spec;
    const lines = cur.lines.map((s, i) => {
      const v = day < drawn(s) ? s.values[day] : NaN;
      return { s, i, v };
    });
    return {
      lines: [
        { text: `day ${day}` },
        ...lines.map(({ s, i, v }) => ({ text: `${s.label}: ${label(cur, v)}`, colour: colourOf(s, i), dashed: s.dashed })),
      ],
      dots: lines.map(({ s, i, v }) => ({ y: v, colour: colourOf(s, i) })),
    };
  });

  // One generator for every series: it reads the series being drawn through these variables,
  // over an index array reused across frames (no per-frame allocation of points).
  let vals: ArrayLike<number> = [];
  let n = 0;
  let idx = new Uint32Array(0);
  const at = (i: number): number => vals[i < n ? i : n - 1];
  const gen = line<number>()
    .defined((i) => Number.isFinite(at(i)))
    .x((i) => frame.x(i))
    .y((i) => frame.y(at(i)));

  function yDomain(s: LineChartSpec): [number, number] {
    // Codes get half a step of room at each end, so the lowest and highest are not drawn on the frame.
    if (s.yTickNames) {
      const [a, b] = s.yDomain ?? [0, s.yTickNames.length - 1];
      return [Math.min(a, b) - 0.5, Math.max(a, b) + 0.5];
    }
    if (s.yDomain) return [s.yDomain[0], s.yDomain[1]];
    let lo = 0;
    let hi = -Infinity;
    for (const l of s.lines) {
      for (let i = 0, m = drawn(l); i < m; i++) {
        const v = l.values[i];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (!(hi > lo)) hi = lo + 1;
    return nice(lo, hi, 6);
  }

  function ariaLabel(s: LineChartSpec): string {
    const ends = s.lines.map((l) => {
      const m = drawn(l);
      return m ? `${l.label} ${label(s, l.values[m - 1])} on day ${m - 1}` : `${l.label} no values yet`;
    });
    return `${s.title}. Line chart of ${s.yLabel} (${s.unit}) by day, 0 to ${s.days}. ${ends.join('; ')}.`;
  }

  function render(s: LineChartSpec, width: number): void {
    const legend: LegendItem[] =
      s.lines.length > 1
        ? s.lines.map((l, i) => ({ label: l.label, colour: colourOf(l, i), kind: 'line', dashed: l.dashed }))
        : [];
    frame.layout({ ...s, yDomain: yDomain(s), legend, ariaLabel: ariaLabel(s) }, width);
    gen.curve(s.step ? curveStepAfter : curveLinear);
    frame.plot
      .selectAll<SVGPathElement, LineSeries>('path')
      .data(s.lines, (l) => l.key)
      .join('path')
      .attr('class', 'r2p-line')
      .attr('stroke', (l, i) => colourOf(l, i))
      .attr('stroke-dasharray', (l) => (l.dashed ? '6 4' : null))
      .attr('d', (l) => {
        vals = l.values;
        n = drawn(l);
        // A step holds its value through the day: one extra point closes the last step.
        const m = s.step && n > 0 ? n + 1 : n;
        if (idx.length < m) idx = Uint32Array.from({ length: Math.max(m, idx.length * 2) }, (_, i) => i);
        return gen(idx.subarray(0, m)) ?? '';
      });
    frame.refreshHover();
  }

  const chart = liveChart(frame.svg.node()!, spec, render);
  return chart;
}
