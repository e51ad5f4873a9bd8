/**
 * What every chart shares: text measuring (layout is computed, not left to the browser, so a
 * chart can be laid out in one pass each frame), the SVG root sized to its container, the title,
 * legends, a colour ramp, a hover tip and number formats.
 */
import { format, select, type Selection } from 'd3';
import { NEUTRAL } from './palette';

export type G = Selection<SVGGElement, unknown, null, undefined>;
export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** Must match the font rules in charts.css: the layout measures text with these. */
export const FONT = '12px system-ui, sans-serif';
export const SMALL_FONT = '11px system-ui, sans-serif';
export const TITLE_FONT = '600 14px system-ui, sans-serif';
const TITLE_LINE = 18;
const LEGEND_ROW = 18;

let measurer: CanvasRenderingContext2D | null | undefined;

/** Width of `text` in px (a canvas measure; a rough estimate where there is no canvas). */
export function textWidth(text: string, font = FONT): number {
  if (measurer === undefined) {
    measurer = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  if (!measurer) return text.length * 6.6;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/** `text` cut to fit `max` px, with an ellipsis when cut. */
export function truncate(text: string, max: number, font = FONT): string {
  if (textWidth(text, font) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(text.slice(0, mid) + '…', font) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? text.slice(0, lo).trimEnd() + '…' : '…';
}

/** `text` broken into lines of at most `max` px at spaces (a long word is cut). */
export function wrap(text: string, max: number, font = FONT): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (!line || textWidth(next, font) <= max) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || !lines.length) lines.push(line);
  return lines.map((l) => truncate(l, max, font));
}

let uid = 0;
/** An id unique in the page (for clip paths, gradients, patterns): a counter, not chance. */
export function nextId(prefix: string): string {
  uid += 1;
  return `r2p-${prefix}-${uid}`;
}

/** Returns true when `sig` differs from the last one given: lets a redraw skip unchanged parts. */
export function changed(): (sig: string) => boolean {
  let last: string | undefined;
  return (sig) => (sig === last ? false : ((last = sig), true));
}

export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * An SVG that fills its container's width. Its viewBox is kept at the measured width in px, so
 * text stays at its CSS size on any screen; charts re-lay out when the width changes.
 */
export function createSvg(parent: Element, cls: string): Svg {
  return select(parent)
    .append('svg')
    .attr('class', `r2p-svg ${cls}`)
    .attr('width', '100%')
    .attr('xmlns', 'http://www.w3.org/2000/svg');
}

export function setViewBox(svg: Svg, width: number, height: number): void {
  const vb = `0 0 ${width} ${Math.ceil(height)}`;
  if (svg.attr('viewBox') !== vb) svg.attr('viewBox', vb);
}

/** The title, wrapped to the width; returns its height. */
export function drawTitle(g: G, title: string, width: number): number {
  const lines = wrap(title, width, TITLE_FONT);
  g.selectAll('text')
    .data(lines)
    .join('text')
    .attr('class', 'r2p-title')
    .attr('y', (_, i) => 14 + i * TITLE_LINE)
    .text((d) => d);
  return lines.length * TITLE_LINE + 2;
}

export type SwatchKind = 'line' | 'band' | 'bandline' | 'rect' | 'dot';

export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  readonly kind: SwatchKind;
  readonly dashed?: boolean;
  /** A fill that overrides the colour (e.g. a hatch pattern's url(#id)). */
  readonly fill?: string;
}

export const legendSig = (items: readonly LegendItem[]): string =>
  items.map((i) => `${i.kind}:${i.colour}:${i.fill ?? ''}:${i.dashed ? 1 : 0}:${i.label}`).join('|');

/** Legend items in rows that wrap at `width`, after an optional heading; returns the height used (0 for no items). */
export function drawLegend(g: G, items: readonly LegendItem[], width: number, heading?: string): number {
  g.selectChildren().remove();
  let x = 0;
  let y = 0;
  const sw = 18;
  if (heading && items.length) {
    const h = truncate(heading, width);
    g.append('text').attr('class', 'r2p-legend-label').attr('y', 9).attr('dy', '0.35em').text(h);
    x = textWidth(h) + 12;
  }
  for (const it of items) {
    const label = truncate(it.label, width - sw - 6);
    const w = sw + 6 + textWidth(label);
    if (x > 0 && x + w > width) {
      x = 0;
      y += LEGEND_ROW;
    }
    const item = g.append('g').attr('class', 'r2p-legend-item').attr('transform', `translate(${x},${y})`);
    swatch(item, it, sw);
    item.append('text').attr('x', sw + 6).attr('y', 9).attr('dy', '0.35em').text(label);
    x += w + 16;
  }
  return items.length ? y + LEGEND_ROW : 0;
}

function swatch(g: G, it: LegendItem, sw: number): void {
  const fill = it.fill ?? it.colour;
  if (it.kind === 'rect') {
    g.append('rect').attr('y', 3).attr('width', sw).attr('height', 12).attr('fill', fill).attr('stroke', it.fill ? NEUTRAL : 'none');
  } else if (it.kind === 'dot') {
    g.append('circle').attr('cx', sw / 2).attr('cy', 9).attr('r', 4.5).attr('fill', fill);
  } else {
    if (it.kind !== 'line') {
      g.append('rect').attr('class', 'r2p-band').attr('y', 3).attr('width', sw).attr('height', 12).attr('fill', fill);
    }
    if (it.kind !== 'band') {
      g.append('line')
        .attr('class', 'r2p-swatch-line')
        .attr('x2', sw)
        .attr('y1', 9)
        .attr('y2', 9)
        .attr('stroke', it.colour)
        .attr('stroke-dasharray', it.dashed ? '5 3' : null);
    }
  }
}

/** A horizontal colour ramp: the value's words above, the domain's ends below; returns its height. */
export function drawRamp(
  g: G,
  interpolate: (t: number) => string,
  domain: readonly [number, number],
  label: string,
  width: number,
  id: string,
  mid?: number,
): number {
  g.selectChildren().remove();
  const w = Math.min(240, width);
  const grad = g.append('defs').append('linearGradient').attr('id', id);
  for (let i = 0; i <= 10; i++) {
    grad.append('stop').attr('offset', `${i * 10}%`).attr('stop-color', interpolate(i / 10));
  }
  g.append('text').attr('class', 'r2p-legend-label').attr('y', 10).text(truncate(label, width));
  g.append('rect').attr('y', 16).attr('width', w).attr('height', 10).attr('fill', `url(#${id})`);
  const ends = g.append('g').attr('class', 'r2p-ramp-ends');
  ends.append('text').attr('y', 38).text(formatValue(domain[0]));
  ends.append('text').attr('x', w).attr('y', 38).attr('text-anchor', 'end').text(formatValue(domain[1]));
  if (mid !== undefined && domain[1] !== domain[0]) {
    const mx = (w * (mid - domain[0])) / (domain[1] - domain[0]);
    ends.append('line').attr('x1', mx).attr('x2', mx).attr('y1', 16).attr('y2', 29).attr('stroke', 'currentColor');
    ends.append('text').attr('x', mx).attr('y', 38).attr('text-anchor', 'middle').text(formatValue(mid));
  }
  return 44;
}

/** A diagonal hatch for "no value" cells; returns its url(#id). */
export function hatchPattern(svg: Svg, id: string): string {
  const p = svg
    .append('defs')
    .append('pattern')
    .attr('id', id)
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)');
  p.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#FFFFFF');
  p.append('line').attr('y2', 6).attr('stroke', NEUTRAL).attr('stroke-width', 1.5);
  return `url(#${id})`;
}

export interface TipLine {
  readonly text: string;
  readonly colour?: string;
  readonly dashed?: boolean;
}

export interface Tip {
  /** Shows `lines` beside the point (px, py), kept inside [x0, x1] x [y0, y1]. */
  show(px: number, py: number, lines: readonly TipLine[], bounds: readonly [number, number, number, number]): void;
  hide(): void;
}

/** A hover readout drawn in the SVG (hidden, and left out of exports, when idle). */
export function createTip(parent: G | Svg): Tip {
  const g = parent.append('g').attr('class', 'r2p-tip r2p-no-export').attr('display', 'none');
  const box = g.append('rect').attr('class', 'r2p-tip-box').attr('rx', 3);
  const body = g.append('g');
  return {
    show(px, py, lines, [x0, x1, y0, y1]) {
      const rows = body
        .selectAll<SVGGElement, TipLine>('g')
        .data(lines)
        .join((enter) => {
          const r = enter.append('g');
          r.append('line').attr('x2', 12).attr('y1', -4).attr('y2', -4);
          r.append('text');
          return r;
        })
        .attr('transform', (_, i) => `translate(8,${19 + i * 16})`)
        .attr('class', (_, i) => (i === 0 ? 'r2p-tip-head' : null));
      rows
        .select('line')
        .attr('display', (d) => (d.colour ? null : 'none'))
        .attr('stroke', (d) => d.colour ?? null)
        .attr('stroke-dasharray', (d) => (d.dashed ? '4 2' : null));
      rows
        .select('text')
        .attr('x', (d) => (d.colour ? 18 : 0))
        .text((d) => d.text);
      const w = Math.max(...lines.map((l) => textWidth(l.text) + (l.colour ? 18 : 0))) + 16;
      const h = lines.length * 16 + 10;
      box.attr('width', w).attr('height', h);
      let x = px + 12;
      if (x + w > x1) x = px - 12 - w;
      x = clamp(x, x0, Math.max(x0, x1 - w));
      const y = clamp(py, y0, Math.max(y0, y1 - h));
      g.attr('transform', `translate(${x},${y})`).attr('display', null);
    },
    hide() {
      g.attr('display', 'none');
    },
  };
}

const fInt = format(',');
const fBig = format(',.0f');
const fSmall = format('.3~g');

/** A value for reading: integers in full, others to three significant digits. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'no value' : String(v);
  if (Number.isInteger(v)) return fInt(v);
  return Math.abs(v) >= 100 ? fBig(v) : fSmall(v);
}
