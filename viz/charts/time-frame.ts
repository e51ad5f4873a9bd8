/**
 * The furniture of a chart over days (line and fan charts): title, legend, y label with unit,
 * axes, gridlines, day marks and a hover readout. The chart draws its data into `plot` with the
 * scales `x` and `y`. Each part is redrawn only when what it shows changed, so a frame of a
 * running simulation costs little more than the data paths.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import type { DayMark } from './types';
import { RIGHT, axisLayers, drawXAxis, drawYAxis } from './axes';
import { changed, clamp, createSvg, drawLegend, drawTitle, legendSig, nextId, setViewBox, textWidth, truncate, type G, type LegendItem, type Svg, type TipLine } from './frame';
import { MARK_LANE, drawMarks, placeLabels } from './marks';
import { createReadout } from './readout';

/** What the frame draws: a chart's spec (spread in: title, labels, days, marks) with its y domain, legend and words for screen readers. */
export interface Furniture {
  readonly title: string;
  readonly yLabel: string;
  readonly unit: string;
  readonly days: number;
  readonly yDomain: readonly [number, number];
  readonly yTickNames?: readonly string[];
  readonly marks?: readonly DayMark[];
  readonly legend: readonly LegendItem[];
  readonly ariaLabel: string;
}

/** What the readout shows for a day: text lines and dots (y in data units) on the data. */
export interface HoverInfo {
  readonly lines: readonly TipLine[];
  readonly dots: readonly { readonly y: number; readonly colour: string }[];
}

export interface TimeFrame {
  readonly svg: Svg;
  /** Where the data goes (clipped to the plot area). */
  readonly plot: G;
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  /** Lays out and draws the furniture at `width` px. */
  layout(f: Furniture, width: number): void;
  /** Redraws the readout after the data changed (nothing when it is hidden). */
  refreshHover(): void;
}

export function createTimeFrame(container: HTMLElement, cls: string, hover: (day: number) => HoverInfo): TimeFrame {
  const svg = createSvg(container, `r2p-chart ${cls}`).attr('role', 'img').attr('tabindex', 0);
  const clipId = nextId('clip');
  const clipRect = svg.append('clipPath').attr('id', clipId).append('rect');
  const gTitle = svg.append('g').attr('class', 'r2p-title-g');
  const gLegend = svg.append('g').attr('class', 'r2p-legend');
  const { yLabel, gGrid, gXAxis, gYAxis, xLabel } = axisLayers(svg);
  xLabel.text('day →');
  const gMarks = svg.append('g').attr('class', 'r2p-marks');
  const plot = svg.append('g').attr('class', 'r2p-plot').attr('clip-path', `url(#${clipId})`);
  const x = scaleLinear();
  const y = scaleLinear();
  let days = 0;
  const readout = createReadout(svg, {
    last: () => days,
    nearest: (px) => x.invert(px),
    bigStep: 10,
    at(day) {
      const info = hover(day);
      return {
        x: x(day),
        dots: info.dots.filter((d) => Number.isFinite(d.y)).map((d) => ({ y: y(d.y), colour: d.colour })),
        lines: info.lines,
      };
    },
  });
  let titleH = 0;
  let legendH = 0;
  const titleChanged = changed();
  const legendChanged = changed();
  const xChanged = changed();
  const yChanged = changed();
  const marksChanged = changed();

  function layout(f: Furniture, W: number): void {
    days = Math.max(1, f.days);
    if (titleChanged(`${W}|${f.title}`)) titleH = drawTitle(gTitle, f.title, W);
    if (legendChanged(`${W}|${legendSig(f.legend)}`)) {
      legendH = drawLegend(gLegend, f.legend, W);
      gLegend.attr('transform', `translate(0,${titleH + 4})`);
    }
    const plotH = clamp(Math.round(W * 0.42), 150, 300);

    // y ticks decide the left margin, which decides x, which decides the marks' lanes.
    y.domain(f.yDomain);
    const names = f.yTickNames;
    const [d0, d1] = y.domain();
    const ticks = names
      ? names.map((_, i) => i).filter((i) => i >= Math.min(d0, d1) && i <= Math.max(d0, d1))
      : y.ticks(Math.max(2, Math.round(plotH / 45)));
    const maxLeft = Math.max(48, W * 0.35);
    const plain = y.tickFormat(ticks.length);
    const fmt = names ? (v: number) => truncate(names[v] ?? String(v), maxLeft - 10) : plain;
    const left = Math.ceil(Math.min(maxLeft, Math.max(16, ...ticks.map((t) => textWidth(fmt(t))))) + 12);
    x.domain([0, days]).range([left, W - RIGHT]);

    const marks = f.marks ?? [];
    const xs = marks.map((m) => x(m.day));
    const { placed, lanes } = placeLabels(xs, marks.map((m) => m.label), left, W - RIGHT);
    const headH = titleH + 4 + (legendH ? legendH + 6 : 0);
    const top = headH + 16 + lanes * MARK_LANE + 8;
    y.range([top + plotH, top]);
    const H = top + plotH + 40;
    setViewBox(svg, W, H);
    if (svg.attr('aria-label') !== f.ariaLabel) svg.attr('aria-label', f.ariaLabel);

    yLabel.attr('y', headH + 12).text(truncate(`↑ ${f.yLabel} (${f.unit})`, W));
    clipRect.attr('x', left).attr('y', top - 3).attr('width', Math.max(0, W - RIGHT - left)).attr('height', plotH + 6);
    readout.place(left, top, W - RIGHT - left, plotH, W);

    if (xChanged(`${days}|${left}|${W}|${top + plotH}`)) {
      drawXAxis(gXAxis, x, top + plotH, W - left - RIGHT);
      xLabel.attr('x', W - RIGHT).attr('y', top + plotH + 34);
    }
    if (yChanged(`${d0}|${d1}|${top}|${plotH}|${left}|${W}|${names?.join('\u0000') ?? ''}`)) {
      drawYAxis(gYAxis, gGrid, y, ticks, fmt, left, W - RIGHT).attr('class', (t) => (t === 0 && Math.min(d0, d1) < 0 ? 'r2p-grid-zero' : null));
    }
    const sig = marks.map((m) => `${m.day}:${m.label}`).join('|');
    if (marksChanged(`${sig}|${left}|${W}|${top}|${plotH}|${days}`)) {
      drawMarks(gMarks, marks.map((m, i) => ({ x: xs[i], title: `day ${m.day}: ${m.label}` })), placed, headH + 16, top, top + plotH);
    }
  }

  return {
    svg,
    plot,
    x,
    y,
    layout,
    refreshHover: readout.refresh,
  };
}
