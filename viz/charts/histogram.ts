/**
 * Paired differences over seeds (arm minus baseline): bars of counts, marks for the median and
 * the interval's ends, and a zero line when 0 is in range (no effect). Integer-valued data get
 * one bar per integer, so counts of people do not fall into uneven bins.
 */
import { bin, extent, max, median, scaleLinear, type Bin } from 'd3';
import type { Chart, HistogramSpec } from './types';
import { OKABE_ITO } from './palette';
import { RIGHT, drawXAxis, drawYAxis } from './axes';
import { changed, clamp, createSvg, drawTitle, formatValue, setViewBox, textWidth, truncate } from './frame';
import { liveChart } from './live';
import { MARK_LANE, drawMarks, placeLabels } from './marks';

export function histogram(container: HTMLElement, spec: HistogramSpec): Chart<HistogramSpec> {
  const svg = createSvg(container, 'r2p-chart r2p-histogram').attr('role', 'img');
  const gTitle = svg.append('g');
  const yLabel = svg.append('text').attr('class', 'r2p-axis-label');
  const xLabel = svg.append('text').attr('class', 'r2p-axis-label').attr('text-anchor', 'end');
  const gGrid = svg.append('g').attr('class', 'r2p-grid');
  const gBars = svg.append('g').attr('class', 'r2p-bars');
  const zero = svg.append('line').attr('class', 'r2p-zero');
  const gXAxis = svg.append('g').attr('class', 'r2p-axis r2p-axis-x');
  const gYAxis = svg.append('g').attr('class', 'r2p-axis r2p-axis-y');
  const gMarks = svg.append('g').attr('class', 'r2p-marks');
  const titleChanged = changed();
  let titleH = 0;

  function render(s: HistogramSpec, W: number): void {
    const values = s.values.filter(Number.isFinite);
    const marks = (s.marks ?? []).filter((m) => Number.isFinite(m.value));
    if (titleChanged(`${W}|${s.title}`)) titleH = drawTitle(gTitle, s.title, W);

    const [vlo = 0, vhi = 0] = extent([...values, ...marks.map((m) => m.value)]);
    const x = scaleLinear();
    const integers = values.every(Number.isInteger) && vhi - vlo <= 60;
    let thresholds: number[];
    if (integers) {
      x.domain([vlo - 0.5, vhi + 0.5]);
      thresholds = Array.from({ length: vhi - vlo }, (_, i) => vlo + i + 0.5);
    } else {
      x.domain(vhi > vlo ? [vlo, vhi] : [vlo - 1, vhi + 1]).nice(20);
      thresholds = x.ticks(clamp(Math.round(Math.sqrt(values.length) * 1.5), 8, 40));
    }
    const bins = bin().domain(x.domain() as [number, number]).thresholds(thresholds)(values);

    const plotH = clamp(Math.round(W * 0.36), 140, 260);
    const y = scaleLinear().domain([0, Math.max(1, max(bins, (b) => b.length) ?? 1)]).nice();
    const yTicks = y.ticks(Math.max(2, Math.round(plotH / 45))).filter(Number.isInteger);
    const left = Math.ceil(Math.max(16, ...yTicks.map((t) => textWidth(String(t)))) + 12);
    x.range([left, W - RIGHT]);

    const xs = marks.map((m) => x(m.value));
    const { placed, lanes } = placeLabels(xs, marks.map((m) => m.label), left, W - RIGHT);
    const labelTop = titleH + 4 + 16;
    const top = labelTop + lanes * MARK_LANE + 8;
    const bottom = top + plotH;
    y.range([bottom, top]);
    setViewBox(svg, W, bottom + 40);
    const med = median(values) ?? NaN;
    svg.attr('aria-label', `${s.title}. Histogram of ${s.xLabel} (${s.unit}) over ${values.length} seeds${values.length ? `, from ${formatValue(Math.min(...values))} to ${formatValue(Math.max(...values))}, median ${formatValue(med)}` : ''}. ${marks.map((m) => `${m.label}: ${formatValue(m.value)}`).join('; ')}`);

    yLabel.attr('y', titleH + 4 + 12).text('↑ seeds');
    xLabel.attr('x', W - RIGHT).attr('y', bottom + 34).text(truncate(`${s.xLabel} (${s.unit}) →`, W - left));
    drawXAxis(gXAxis, x, bottom, W - left - RIGHT);
    drawYAxis(gYAxis, gGrid, y, yTicks, String, left, W - RIGHT);

    gBars
      .selectAll<SVGRectElement, Bin<number, number>>('rect')
      .data(bins.filter((b) => b.length > 0))
      .join((enter) => {
        const r = enter.append('rect').attr('fill', OKABE_ITO.blue);
        r.append('title');
        return r;
      })
      .attr('x', (b) => x(b.x0 ?? 0) + 0.5)
      .attr('width', (b) => Math.max(1, x(b.x1 ?? 0) - x(b.x0 ?? 0) - 1))
      .attr('y', (b) => y(b.length))
      .attr('height', (b) => y(0) - y(b.length))
      .select('title')
      .text((b) => {
        const range = integers ? formatValue((b.x0 ?? 0) + 0.5) : `${formatValue(b.x0 ?? 0)} to ${formatValue(b.x1 ?? 0)}`;
        return `${range} ${s.unit}: ${b.length} seed${b.length === 1 ? '' : 's'}`;
      });

    const [d0, d1] = x.domain();
    zero
      .attr('display', d0 <= 0 && d1 >= 0 ? null : 'none')
      .attr('x1', x(0))
      .attr('x2', x(0))
      .attr('y1', top)
      .attr('y2', bottom);

    drawMarks(gMarks, marks.map((m, i) => ({ x: xs[i], title: `${m.label}: ${formatValue(m.value)} ${s.unit}` })), placed, labelTop, top, bottom);
  }

  return liveChart(svg.node()!, spec, render);
}
