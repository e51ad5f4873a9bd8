/**
 * Saving a chart or its data: a standalone SVG (styles written onto the elements from the page's
 * computed styles, so the file needs no stylesheet), a PNG drawn from that SVG, CSV text and a
 * download. A canvas-based chart (the heat strip) is composed: its canvas goes into the SVG as
 * an <image> where the overlay says it sits (data-x/-y/-width/-height).
 */
import type { Chart } from './types';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Presentation properties copied from computed styles; all but opacity are inherited. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'shape-rendering',
  'paint-order',
] as const;

/** Elements that are never rendered themselves (their computed display may say none). */
const NOT_RENDERED = new Set(['defs', 'clipPath', 'pattern', 'linearGradient', 'radialGradient', 'stop', 'title', 'style', 'mask']);

/** For a chart that is not in the page (no computed styles): the essentials. */
const FALLBACK_STYLE =
  'text{font:12px system-ui,sans-serif;fill:#222}.r2p-title{font-weight:600;font-size:14px}' +
  '.r2p-line{fill:none;stroke-width:1.75}.r2p-band{fill-opacity:.2;stroke:none}.r2p-grid line{stroke:#000;stroke-opacity:.08}';

type ChartElement = Chart<unknown>['element'];

function parts(el: ChartElement): { svg: SVGSVGElement | null; canvases: HTMLCanvasElement[] } {
  if (el instanceof SVGSVGElement) return { svg: el, canvases: [] };
  if (el instanceof HTMLCanvasElement) return { svg: null, canvases: [el] };
  return { svg: el.querySelector('svg'), canvases: [...el.querySelectorAll('canvas')] };
}

function size(svg: SVGSVGElement | null, canvases: readonly HTMLCanvasElement[]): { width: number; height: number } {
  const vb = svg?.viewBox.baseVal;
  if (vb && vb.width > 0) return { width: vb.width, height: vb.height };
  const c = canvases[0];
  return { width: c?.clientWidth || c?.width || 0, height: c?.clientHeight || c?.height || 0 };
}

/** Writes the computed presentation styles of `from` (and its subtree) onto `to` as attributes. */
function inlineStyles(from: Element, to: Element, parent: CSSStyleDeclaration | null): void {
  const cs = getComputedStyle(from);
  if (cs.display === 'none' && !NOT_RENDERED.has(from.localName)) {
    to.setAttribute('data-r2p-hidden', '');
    return;
  }
  for (const p of PROPS) {
    const v = cs.getPropertyValue(p);
    // Written where it differs from the parent's, and always over an attribute the chart set
    // (d3's axes set font attributes that the page's CSS overrides).
    if (v && (!parent || parent.getPropertyValue(p) !== v || to.hasAttribute(p))) {
      to.setAttribute(p, v.replace(/(\d)px/g, '$1'));
    }
  }
  if (cs.opacity !== '1') to.setAttribute('opacity', cs.opacity);
  const a = from.children;
  const b = to.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i], cs);
}

/** The page colour behind the chart (white when none is set), for the exported background. */
function background(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return '#ffffff';
}

/** The chart as a standalone SVG document. Accepts a chart's element (SVG, canvas or composed). */
export function svgText(el: ChartElement): string {
  const { svg, canvases } = parts(el);
  const { width, height } = size(svg, canvases);
  let out: SVGSVGElement;
  if (svg) {
    out = svg.cloneNode(true) as SVGSVGElement;
    if (svg.isConnected) inlineStyles(svg, out, null);
    else out.insertBefore(document.createElementNS(SVG_NS, 'style'), out.firstChild).textContent = FALLBACK_STYLE;
    out.querySelectorAll('[data-r2p-hidden], [display="none"], .r2p-no-export').forEach((n) => n.remove());
  } else {
    out = document.createElementNS(SVG_NS, 'svg');
  }
  for (const c of canvases) {
    const img = document.createElementNS(SVG_NS, 'image');
    const d = c.dataset;
    img.setAttribute('x', d.x ?? '0');
    img.setAttribute('y', d.y ?? '0');
    img.setAttribute('width', d.width ?? String(width));
    img.setAttribute('height', d.height ?? String(height));
    img.setAttribute('preserveAspectRatio', 'none');
    img.setAttribute('image-rendering', 'optimizeSpeed');
    // Both href forms: SVG 2 viewers read href, older ones only xlink:href.
    const data = c.toDataURL('image/png');
    img.setAttribute('href', data);
    img.setAttributeNS(XLINK_NS, 'xlink:href', data);
    out.insertBefore(img, out.firstChild);
  }
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', svg?.isConnected ? background(svg) : '#ffffff');
  out.insertBefore(bg, out.firstChild);
  const label = (el.getAttribute('aria-label') ?? svg?.getAttribute('aria-label')) || '';
  if (label) out.insertBefore(document.createElementNS(SVG_NS, 'title'), out.firstChild).textContent = label;
  for (const a of ['tabindex', 'role', 'aria-hidden', 'class']) out.removeAttribute(a);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}\n`;
}

function canvasBlob(c: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'),
  );
}

/** A PNG of the chart at `scale` times its size (drawn from svgText; a bare canvas is taken as it is). */
export async function svgToPngBlob(el: ChartElement, scale = 2): Promise<Blob> {
  if (el instanceof HTMLCanvasElement) return canvasBlob(el);
  const { svg, canvases } = parts(el);
  const { width, height } = size(svg, canvases);
  const url = URL.createObjectURL(new Blob([svgText(el)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const c = document.createElement('canvas');
    c.width = Math.max(1, Math.round(width * scale));
    c.height = Math.max(1, Math.round(height * scale));
    c.getContext('2d')!.drawImage(img, 0, 0, c.width, c.height);
    return await canvasBlob(c);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** CSV (RFC 4180): a header row, CRLF line ends, fields with a comma, quote or line break quoted. */
export function csvText(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const field = (v: string | number): string => {
    const s = typeof v === 'number' ? String(v) : v;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Saves `blob` as `filename` through a temporary <a download>. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a moment later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
