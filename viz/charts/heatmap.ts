/**
 * A sweep's outcome over two factors: one cell per pair, coloured by value (viridis; the
 * blue-vermillion diverging scale centred on 0 when the domain spans 0, as for differences), the
 * value written in the cell when it fits, and hatching for cells with no result yet.
 */
import { extent, format, lab, precisionFixed, scaleBand, select } from 'd3';
import type { Chart, HeatmapSpec } from './types';
import { INK, divergingScale, sequential, sequentialScale } from './palette';
import { RIGHT } from './axes';
import { SMALL_FONT, clamp, createSvg, drawLegend, drawRamp, drawTitle, formatValue, hatchPattern, nextId, setViewBox, textWidth, truncate } from './frame';
import { liveChart } from './live';

interface Cell {
  readonly xi: number;
  readonly yi: number;
  readonly v: number;
}

const tickText = (v: number | string): string => (typeof v === 'number' ? formatValue(v) : v);

export function heatmap(container: HTMLElement, spec: HeatmapSpec): Chart<HeatmapSpec> {
  const svg = createSvg(container, 'r2p-chart r2p-heatmap').attr('role', 'group');
  const hatch = hatchPattern(svg, nextId('hatch'));
  const rampId = nextId('ramp');
  const gTitle = svg.append('g');
  const gRamp = svg.append('g').attr('class', 'r2p-legend');
  const gNoData = svg.append('g').attr('class', 'r2p-legend');
  const yLabel = svg.append('text').attr('class', 'r2p-axis-label');
  const xLabel = svg.append('text').attr('class', 'r2p-axis-label').attr('text-anchor', 'end');
  const gXTicks = svg.append('g').attr('class', 'r2p-axis r2p-axis-x');
  const gYTicks = svg.append('g').attr('class', 'r2p-axis r2p-axis-y');
  const gCells = svg.append('g').attr('class', 'r2p-cells');

  function render(s: HeatmapSpec, W: number): void {
    const nx = s.x.values.length;
    const ny = s.y.values.length;
    const cells: Cell[] = [];
    for (let yi = 0; yi < ny; yi++) for (let xi = 0; xi < nx; xi++) cells.push({ xi, yi, v: s.cells[yi]?.[xi] ?? NaN });
    const found = extent(cells.filter((c) => Number.isFinite(c.v)), (c) => c.v);
    let [lo, hi] = s.domain ?? [found[0] ?? 0, found[1] ?? 1];
    if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
    const div = lo < 0 && hi > 0;
    const scale = div ? divergingScale([lo, hi]) : sequentialScale([lo, hi]);
    const rampDomain = (div ? [scale.domain()[0], scale.domain()[2]] : [lo, hi]) as [number, number];

    let y = drawTitle(gTitle, s.title, W) + 6;
    gRamp.attr('transform', `translate(0,${y})`);
    drawRamp(gRamp, div ? (t) => scale(rampDomain[0] + t * (rampDomain[1] - rampDomain[0])) : sequential, rampDomain, s.valueLabel, W, rampId, div ? 0 : undefined);
    // Cell text at one precision for the whole grid (a hundredth of the domain), so cells line up.
    const cellText = format(`,.${precisionFixed((hi - lo) / 100)}f`);
    const anyEmpty = cells.some((c) => !Number.isFinite(c.v));
    const noData = anyEmpty ? [{ label: 'no result yet', colour: INK, kind: 'rect' as const, fill: hatch }] : [];
    const besideRamp = W >= 400;
    gNoData.attr('transform', besideRamp ? `translate(264,${y + 14})` : `translate(0,${y + 48})`);
    const noDataH = drawLegend(gNoData, noData, besideRamp ? W - 264 : W);
    y += 44 + (besideRamp || !noDataH ? 10 : noDataH + 8);

    const yNames = s.y.values.map(tickText);
    const maxLeft = clamp(W * 0.3, 40, 160);
    const left = Math.ceil(Math.max(24, ...yNames.map((t) => textWidth(truncate(t, maxLeft)))) + 10);
    const plotW = Math.max(1, W - left - RIGHT);
    const cw = plotW / Math.max(1, nx);
    const ch = clamp(cw, 18, 36);
    yLabel.attr('y', y + 10).text(truncate(`↑ ${s.y.label}`, W));
    const top = y + 18;
    const bx = scaleBand<number>().domain([...Array(nx).keys()]).range([left, left + plotW]).paddingInner(0.04);
    // The first y value at the bottom, as on a plot.
    const by = scaleBand<number>().domain([...Array(ny).keys()].reverse()).range([top, top + ny * ch]).paddingInner(0.06);
    const plotBottom = top + ny * ch;
    setViewBox(svg, W, plotBottom + 44);
    svg.attr('aria-label', `${s.title}. Heatmap of ${s.valueLabel} over ${s.x.label} (${nx} values) and ${s.y.label} (${ny} values)${anyEmpty ? '; some cells have no result yet' : ''}.`);

    gCells
      .selectAll<SVGGElement, Cell>('g')
      .data(cells)
      .join((enter) => {
        const g = enter.append('g');
        g.append('title');
        g.append('rect');
        g.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em');
        return g;
      })
      .each(function (c) {
        const g = select(this);
        const ok = Number.isFinite(c.v);
        const fill = ok ? scale(c.v) : hatch;
        const text = ok ? cellText(c.v) : '';
        const [x0, y0, w, h] = [bx(c.xi) ?? 0, by(c.yi) ?? 0, bx.bandwidth(), by.bandwidth()];
        g.select('title').text(`${s.x.label} ${tickText(s.x.values[c.xi])}, ${s.y.label} ${tickText(s.y.values[c.yi])}: ${ok ? formatValue(c.v) : 'no result yet'}`);
        g.select('rect').attr('x', x0).attr('y', y0).attr('width', w).attr('height', h).attr('fill', fill);
        const fits = ok && h >= 14 && textWidth(text, SMALL_FONT) + 4 <= w;
        g.select('text')
          .attr('display', fits ? null : 'none')
          .attr('x', x0 + w / 2)
          .attr('y', y0 + h / 2)
          .attr('fill', ok && lab(fill).l < 55 ? '#FFFFFF' : INK)
          .text(fits ? text : '');
      });

    gYTicks
      .selectAll('text')
      .data(yNames)
      .join('text')
      .attr('x', left - 6)
      .attr('y', (_, i) => (by(i) ?? 0) + by.bandwidth() / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .text((t) => truncate(t, maxLeft));
    // Every k-th x label, so that they do not overlap.
    const xNames = s.x.values.map(tickText);
    const k = Math.max(1, Math.ceil((Math.max(0, ...xNames.map((t) => textWidth(t))) + 6) / Math.max(1, cw)));
    gXTicks
      .selectAll('text')
      .data(xNames)
      .join('text')
      .attr('x', (_, i) => (bx(i) ?? 0) + bx.bandwidth() / 2)
      .attr('y', plotBottom + 14)
      .attr('text-anchor', 'middle')
      .attr('display', (_, i) => (i % k === 0 ? null : 'none'))
      .text((t) => t);
    xLabel.attr('x', left + plotW).attr('y', plotBottom + 34).text(truncate(`${s.x.label} →`, plotW));
  }

  return liveChart(svg.node()!, spec, render);
}
