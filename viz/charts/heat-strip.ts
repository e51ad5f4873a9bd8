/**
 * Rows x days of coloured cells (the risk factors over a run). The cells are pixels: one pixel per
 * row-day in an off-screen canvas, scaled up without smoothing onto the visible canvas, so a
 * frame writes only the new days. Labels, the day axis and the colour legend are SVG laid over
 * the canvas (the SVG lets pointer events through to it for the hover readout).
 */
import { color, scaleLinear, select } from 'd3';
import type { Chart, HeatStripSpec } from './types';
import { sequential } from './palette';
import { RIGHT, drawXAxis } from './axes';
import { changed, clamp, createSvg, createTip, drawRamp, drawTitle, formatValue, nextId, setViewBox, textWidth, truncate } from './frame';
import { liveChart } from './live';

const ROW = 14;
const GAP = 1;

/** 256 colours of the sequential scale as RGB bytes: a value's colour is a table look-up. */
const LUT = (() => {
  const t = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = color(sequential(i / 255))!.rgb();
    t.set([c.r, c.g, c.b], i * 3);
  }
  return t;
})();

export function heatStrip(container: HTMLElement, spec: HeatStripSpec): Chart<HeatStripSpec> {
  const root = select(container).append('div').attr('class', 'r2p-chart r2p-heat-strip').attr('role', 'img');
  const svg = createSvg(root.node()!, '').attr('aria-hidden', 'true');
  const canvas = root.append('canvas').attr('class', 'r2p-raster');
  const gTitle = svg.append('g');
  const gRamp = svg.append('g').attr('class', 'r2p-legend');
  const gRows = svg.append('g').attr('class', 'r2p-row-labels');
  const gAxis = svg.append('g').attr('class', 'r2p-axis r2p-axis-x');
  const xLabel = svg.append('text').attr('class', 'r2p-axis-label').attr('text-anchor', 'end').text('day →');
  const tip = createTip(svg);
  const rampId = nextId('ramp');
  const x = scaleLinear();
  const headChanged = changed();
  const layoutChanged = changed();
  let headH = 0;
  let plot = { left: 0, top: 0, w: 0, h: 0, H: 0 };
  // What the canvases hold, to know whether a frame can draw only its new days.
  let layoutSig = '';
  let drawnRows: ArrayLike<number>[] = [];
  let drawnLen = 0;
  let off: HTMLCanvasElement | null = null;
  let pixels: ImageData | null = null;

  function render(s: HeatStripSpec, W: number): void {
    const days = Math.max(1, Math.floor(s.days));
    const n = s.rows.length;
    const len = clamp(Math.floor(s.length ?? Math.max(0, ...s.rows.map((r) => r.values.length))), 0, days);

    if (headChanged(`${W}|${s.title}|${s.valueLabel}|${s.domain.join()}`)) {
      headH = drawTitle(gTitle, s.title, W) + 6;
      gRamp.attr('transform', `translate(0,${headH})`);
      headH += drawRamp(gRamp, sequential, s.domain, s.valueLabel, W, rampId) + 10;
    }
    const maxLeft = clamp(W * 0.38, 60, 240);
    const labels = s.rows.map((r) => truncate(r.label, maxLeft));
    const left = Math.ceil(Math.max(20, ...labels.map((l) => textWidth(l))) + 8);
    const w = Math.max(1, W - left - RIGHT);
    const h = n * ROW;
    plot = { left, top: headH, w, h, H: headH + h + 42 };
    setViewBox(svg, W, plot.H);
    x.domain([0, days]).range([left, left + w]);

    if (layoutChanged(`${W}|${headH}|${days}|${labels.join('\u0000')}`)) {
      gRows
        .selectAll('text')
        .data(labels)
        .join('text')
        .attr('x', left - 8)
        .attr('y', (_, i) => headH + i * ROW + (ROW - GAP) / 2)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'end')
        .text((d) => d);
      drawXAxis(gAxis, x, headH + h, w);
      xLabel.attr('x', left + w).attr('y', headH + h + 34);

      // The canvas sits over the plot area, placed in percent of the figure so it follows the SVG's scaling.
      canvas
        .attr('data-x', left)
        .attr('data-y', headH)
        .attr('data-width', w)
        .attr('data-height', h)
        .style('left', `${(left / W) * 100}%`)
        .style('top', `${(headH / plot.H) * 100}%`)
        .style('width', `${(w / W) * 100}%`)
        .style('height', `${(h / plot.H) * 100}%`);
    }
    root.attr('aria-label', ariaLabel(s, len));
    drawCells(s, days, len);
  }

  function drawCells(s: HeatStripSpec, days: number, len: number): void {
    const el = canvas.node()!;
    const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
    const pw = Math.max(1, Math.round(plot.w * dpr));
    const ph = Math.max(1, Math.round(plot.h * dpr));
    const n = s.rows.length;
    const sig = `${pw}|${ph}|${days}|${s.domain.join()}|${s.rows.map((r) => r.key).join('\u0000')}`;
    const full =
      sig !== layoutSig || len < drawnLen || s.rows.some((r, i) => r.values !== drawnRows[i]) || !off || !pixels;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    if (full) {
      layoutSig = sig;
      el.width = pw;
      el.height = ph;
      off = document.createElement('canvas');
      off.width = days;
      off.height = Math.max(1, n);
      pixels = new ImageData(days, Math.max(1, n));
      drawnLen = 0;
    }
    // Redraw the last drawn day too: a running model may still be writing it.
    const from = full ? 0 : Math.max(0, drawnLen - 1);
    if (len > from && off && pixels) {
      const [lo, hi] = s.domain;
      const k = hi > lo ? 255 / (hi - lo) : 0;
      const data = pixels.data;
      s.rows.forEach((r, row) => {
        for (let d = from; d < len; d++) {
          const v = r.values[d];
          const p = (row * days + d) * 4;
          if (!Number.isFinite(v)) {
            data[p + 3] = 0;
            continue;
          }
          const c = clamp(Math.round((v - lo) * k), 0, 255) * 3;
          data[p] = LUT[c];
          data[p + 1] = LUT[c + 1];
          data[p + 2] = LUT[c + 2];
          data[p + 3] = 255;
        }
      });
      off.getContext('2d')!.putImageData(pixels, 0, 0, from, 0, len - from, n);
      const col = (d: number): number => Math.round((d * pw) / days);
      const x0 = col(from);
      const x1 = col(len);
      ctx.imageSmoothingEnabled = false;
      ctx.clearRect(x0, 0, x1 - x0, ph);
      for (let row = 0; row < n; row++) {
        const y0 = Math.round(row * ROW * dpr);
        const y1 = Math.round(((row + 1) * ROW - GAP) * dpr);
        ctx.drawImage(off, from, row, len - from, 1, x0, y0, x1 - x0, y1 - y0);
      }
    }
    drawnLen = len;
    drawnRows = s.rows.map((r) => r.values);
  }

  canvas
    .on('pointermove', (ev: PointerEvent) => {
      const el = ev.currentTarget as HTMLCanvasElement;
      const s = chart.spec;
      const days = Math.max(1, Math.floor(s.days));
      const fx = ev.offsetX / Math.max(1, el.clientWidth);
      const fy = ev.offsetY / Math.max(1, el.clientHeight);
      const day = clamp(Math.floor(fx * days), 0, days - 1);
      const row = s.rows[clamp(Math.floor(fy * s.rows.length), 0, s.rows.length - 1)];
      if (!row || day >= drawnLen) return tip.hide();
      tip.show(plot.left + fx * plot.w, plot.top + fy * plot.h + 10, [{ text: `day ${day}` }, { text: `${row.label}: ${formatValue(row.values[day])}` }], [0, chart.width, 0, plot.H]);
    })
    .on('pointerleave', () => tip.hide());

  const chart = liveChart(root.node()!, spec, render);
  return chart;
}

function ariaLabel(s: HeatStripSpec, len: number): string {
  const last = len > 0 ? s.rows.map((r) => `${r.label} ${formatValue(r.values[len - 1])}`).join('; ') : 'no days yet';
  return `${s.title}. Heat strip of ${s.rows.length} rows over days 0 to ${s.days}, coloured by ${s.valueLabel} from ${formatValue(s.domain[0])} to ${formatValue(s.domain[1])}. On day ${Math.max(0, len - 1)}: ${last}.`;
}
