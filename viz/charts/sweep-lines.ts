/**
 * A sweep's outcome over its first factor: one line per level of the second factor (the mean, or
 * P for a 0/1 outcome), each with its 90% band, a dot where a cell has a value. The x axis is the
 * factor's values (a numeric scale for numbers, evenly spaced for text and true/false) labelled
 * with the parameter's name and unit. Keyboard: focus the chart, then the arrow keys (Home, End)
 * step through the factor's levels and read out every line's value there; Escape hides it.
 */
import { area, line, nice, scaleLinear, scalePoint } from 'd3';
import type { Chart, SweepLine, SweepLinesSpec } from './types';
import { categorical, NEUTRAL } from './palette';
import { axisLayers, drawYAxis } from './axes';
import { clamp, createSvg, drawLegend, drawTitle, formatValue, setViewBox, textWidth, truncate, type LegendItem } from './frame';
import { liveChart } from './live';
import { createReadout, type ReadoutView } from './readout';

const RIGHT = 18;

export function sweepLines(container: HTMLElement, spec: SweepLinesSpec): Chart<SweepLinesSpec> {
  const svg = createSvg(container, 'r2p-chart r2p-sweep-lines').attr('role', 'img').attr('tabindex', 0);
  const gTitle = svg.append('g');
  const gLegend = svg.append('g').attr('class', 'r2p-legend');
  const { yLabel, gGrid, gXAxis, gYAxis, xLabel } = axisLayers(svg);
  const plot = svg.append('g').attr('class', 'r2p-plot');
  let xs: number[] = [];
  // The readout reads the spec drawn last.
  const readout = createReadout(svg, {
    last: () => Math.min(xs.length, chart.spec.x.ticks.length) - 1,
    nearest(px) {
      let best = 0;
      for (let j = 1; j < xs.length; j++) if (Math.abs(xs[j] - px) < Math.abs(xs[best] - px)) best = j;
      return best;
    },
    at: (j) => readoutAt(chart.spec, j),
  });

  function yDomainOf(s: SweepLinesSpec): [number, number] {
    if (s.yDomain) return [s.yDomain[0], s.yDomain[1]];
    let lo = 0;
    let hi = -Infinity;
    for (const l of s.lines) {
      for (const arr of [l.mid, l.lo, l.hi]) {
        for (const v of arr) {
          if (!Number.isFinite(v)) continue;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(hi > lo)) hi = lo + 1;
    return nice(lo, hi, 6);
  }

  function render(s: SweepLinesSpec, W: number): void {
    const n = s.x.ticks.length;
    const titleH = drawTitle(gTitle, s.title, W);
    const legend: LegendItem[] = [];
    if (s.lines.length > 1 || s.lines[0]?.label) s.lines.forEach((l, i) => legend.push({ label: l.label, colour: categorical(i), kind: 'bandline' }));
    legend.push({ label: `band: ${s.bandLabel}`, colour: NEUTRAL, kind: 'band' }, { label: `line: ${s.lineWord}`, colour: NEUTRAL, kind: 'line' });
    gLegend.attr('transform', `translate(0,${titleH + 4})`);
    const legendH = drawLegend(gLegend, legend, W);
    const headH = titleH + 4 + legendH + 6;
    const plotH = clamp(Math.round(W * 0.42), 160, 300);

    const y = scaleLinear().domain(yDomainOf(s));
    const yTicks = y.ticks(Math.max(2, Math.round(plotH / 45)));
    const yFmt = y.tickFormat(yTicks.length);
    const left = Math.ceil(Math.min(W * 0.3, Math.max(16, ...yTicks.map((t) => textWidth(yFmt(t))))) + 12);
    const top = headH + 26;
    y.range([top + plotH, top]);
    const x0 = left + 8;
    const x1 = W - RIGHT - 8;
    if (s.x.positions && n > 0) {
      const ps = s.x.positions;
      const lo = Math.min(...ps);
      const hi = Math.max(...ps);
      const sx = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).range([x0, x1]);
      xs = ps.map((p) => sx(p));
    } else {
      const sp = scalePoint<number>().domain([...Array(n).keys()]).range([x0, x1]).padding(0.5);
      xs = [...Array(n).keys()].map((i) => sp(i) ?? x0);
    }
    const H = top + plotH + 44;
    setViewBox(svg, W, H);
    yLabel.attr('y', headH + 12).text(truncate(`↑ ${s.yLabel}`, W));

    // Axes: the factor's levels as the x ticks (every k-th when they would overlap).
    const k = Math.max(1, Math.ceil(Math.max(0, ...s.x.ticks.map((t) => textWidth(t) + 10)) / Math.max(1, (x1 - x0) / Math.max(1, n))));
    gXAxis.attr('transform', `translate(0,${top + plotH})`);
    gXAxis.selectAll('*').remove();
    gXAxis.append('line').attr('class', 'domain').attr('x1', left).attr('x2', W - RIGHT).attr('stroke', 'currentColor');
    const tk = gXAxis
      .selectAll('g.tick')
      .data(s.x.ticks.map((t, i) => ({ t, i })).filter((d) => d.i % k === 0 || d.i === n - 1))
      .join('g')
      .attr('class', 'tick')
      .attr('transform', (d) => `translate(${xs[d.i]},0)`);
    tk.append('line').attr('y2', 6).attr('stroke', 'currentColor');
    tk.append('text').attr('y', 18).attr('text-anchor', 'middle').attr('fill', 'currentColor').text((d) => d.t);
    xLabel.attr('x', W - RIGHT).attr('y', top + plotH + 38).text(truncate(`${s.x.label} →`, W - left));
    drawYAxis(gYAxis, gGrid, y, yTicks, yFmt, left, W - RIGHT);
    readout.place(left, top, W - RIGHT - left, plotH, W);

    const ok = (v: number) => Number.isFinite(v);
    let lineIndex = 0;
    const band = area<number>()
      .defined((i) => ok(s.lines[lineIndex].lo[i]) && ok(s.lines[lineIndex].hi[i]))
      .x((i) => xs[i])
      .y0((i) => y(s.lines[lineIndex].lo[i]))
      .y1((i) => y(s.lines[lineIndex].hi[i]));
    const mid = line<number>()
      .defined((i) => ok(s.lines[lineIndex].mid[i]))
      .x((i) => xs[i])
      .y((i) => y(s.lines[lineIndex].mid[i]));
    const idx = [...Array(n).keys()];
    plot
      .selectAll<SVGGElement, SweepLine>('g.r2p-sweep-line')
      .data(s.lines, (l) => l.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'r2p-sweep-line');
        g.append('path').attr('class', 'r2p-band');
        g.append('path').attr('class', 'r2p-line');
        g.append('g').attr('class', 'r2p-dots');
        return g;
      })
      .each(function (l, i) {
        lineIndex = i;
        const colour = categorical(i);
        const paths = this.querySelectorAll('path');
        paths[0].setAttribute('fill', colour);
        paths[0].setAttribute('d', band(idx) ?? '');
        paths[1].setAttribute('stroke', colour);
        paths[1].setAttribute('d', mid(idx) ?? '');
        const dots = this.querySelector('g')!;
        dots.replaceChildren();
        for (let j = 0; j < n; j++) {
          if (!ok(l.mid[j])) continue;
          const c = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
          c.setAttribute('cx', String(xs[j]));
          c.setAttribute('cy', String(y(l.mid[j])));
          c.setAttribute('r', '3.5');
          c.setAttribute('fill', colour);
          const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
          t.textContent = `${s.x.label} ${s.x.ticks[j]}${l.label ? `, ${l.label}` : ''}: ${s.lineWord} ${formatValue(l.mid[j])} (${formatValue(l.lo[j])} to ${formatValue(l.hi[j])})`;
          c.append(t);
          dots.append(c);
        }
      });
    const ends = s.lines.map((l) => {
      const vals = l.mid.map((v, j) => (ok(v) ? `${s.x.ticks[j]}: ${formatValue(v)}` : null)).filter(Boolean);
      return `${l.label || s.lineWord}: ${vals.length ? vals.join(', ') : 'no values yet'}`;
    });
    svg.attr('aria-label', `${s.title}. Lines of ${s.yLabel} over ${s.x.label}${s.lines.length > 1 ? `, one per ${s.lines.length} levels` : ''}, with a band (${s.bandLabel}). ${ends.join('; ')}. Arrow keys read the values level by level.`);
    readout.refresh();
  }

  /** Every line's value at the factor's `j`th level. */
  function readoutAt(s: SweepLinesSpec, j: number): ReadoutView | null {
    if (j >= s.x.ticks.length) return null;
    const lines = [
      { text: `${s.x.label}: ${s.x.ticks[j]}` },
      ...s.lines.map((l, i) => ({
        text: `${l.label ? `${l.label}: ` : ''}${Number.isFinite(l.mid[j]) ? `${s.lineWord} ${formatValue(l.mid[j])} (${formatValue(l.lo[j])} to ${formatValue(l.hi[j])})` : 'no value yet'}`,
        colour: categorical(i),
      })),
    ];
    return { x: xs[j], dots: [], lines };
  }

  const chart = liveChart(svg.node()!, spec, render);
  return chart;
}
