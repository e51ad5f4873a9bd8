/**
 * Draggable day markers over a chart's time axis: one per change of an arm, at the day the change
 * takes effect. Each marker is a focusable slider (role="slider", aria-valuenow = the day): drag
 * it with the mouse (or a finger), or move it with the arrow keys (Shift or Page Up/Down: ten
 * days; Home/End: the first and last day). A marker of a parameter that only takes effect at set-up
 * (structural) stays on day 0 and says so.
 *
 * The chart library draws the chart; this layer sits over it and reads where the plot area is
 * from the chart's own hover overlay (rect.r2p-overlay: the plot's left, top, width and height in
 * the SVG's viewBox units; the time axis runs from day 0 at its left to `days` at its right).
 * Positions are set through the CSSOM (the page's CSP allows no inline style attributes).
 */
import { perFrame } from '../charts/live';

export interface DayMarker {
  /** Stable across updates (arm index and change index), so a marker keeps focus while it moves. */
  readonly key: string;
  /** Short text on the handle (the arm's number). */
  readonly badge: string;
  /** What the marker is, for screen readers and the tooltip: "Arm 1 "Early": counterMessaging=0.7". */
  readonly label: string;
  /** The change alone, for marks on other charts: "counterMessaging=0.7". */
  readonly what: string;
  readonly day: number;
  readonly colour: string;
  /** Cannot move from day 0 (a structural parameter). */
  readonly fixed?: boolean;
}

export interface MarkerLayer {
  /** The markers and the run length (days 0 .. days - 1 can be chosen). */
  update(markers: readonly DayMarker[], days: number): void;
  /** Re-read the chart's geometry (after it was replaced or redrawn). */
  refresh(): void;
}

export interface MarkerHandlers {
  /** While dragging: the day under the pointer (not yet committed). */
  onPreview(key: string, day: number): void;
  /** A day chosen: drop after a drag, or a key press. */
  onCommit(key: string, day: number): void;
}

interface Item {
  marker: DayMarker;
  readonly root: HTMLElement;
  readonly line: HTMLElement;
  readonly handle: HTMLElement;
  day: number;
}

/** Handle lanes (markers on nearby days are staggered so every handle can be grabbed). */
const LANES = 3;

export function markerLayer(host: HTMLElement, chartSvg: () => SVGSVGElement | null, handlers: MarkerHandlers): MarkerLayer {
  const layer = document.createElement('div');
  layer.className = 'cmp-markers';
  host.append(layer);
  const items = new Map<string, Item>();
  let days = 1;
  let geo: { left: number; top: number; width: number; height: number } | null = null;
  let observed: SVGSVGElement | null = null;

  const schedule = perFrame(() => {
    measure();
    place();
  });
  const mutation = new MutationObserver(() => schedule());
  const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => schedule());
  resize?.observe(host);

  /** The plot area in px relative to `host`. */
  function measure(): void {
    const svg = chartSvg();
    if (svg !== observed) {
      mutation.disconnect();
      observed = svg;
      if (svg) {
        mutation.observe(svg, { attributes: true, attributeFilter: ['viewBox'] });
        const ov = svg.querySelector('rect.r2p-overlay');
        if (ov) mutation.observe(ov, { attributes: true });
      }
    }
    const overlay = svg?.querySelector<SVGRectElement>('rect.r2p-overlay');
    const vb = svg?.viewBox.baseVal;
    if (!svg || !overlay || !vb || !(vb.width > 0)) {
      geo = null;
      return;
    }
    const sr = svg.getBoundingClientRect();
    const hr = host.getBoundingClientRect();
    const k = sr.width / vb.width;
    const num = (a: string) => Number(overlay.getAttribute(a)) || 0;
    geo = { left: sr.left - hr.left + num('x') * k, top: sr.top - hr.top + num('y') * k, width: num('width') * k, height: num('height') * k };
  }

  const xOf = (day: number) => (geo ? geo.left + (geo.width * day) / Math.max(1, days) : 0);

  function place(): void {
    layer.hidden = !geo;
    if (!geo) return;
    // Lanes by order of position: a handle closer than its width to the one before takes the next lane.
    const sorted = [...items.values()].sort((a, b) => a.day - b.day);
    let lastX = -Infinity;
    let lane = 0;
    for (const it of sorted) {
      const x = xOf(it.day);
      lane = x - lastX < 26 ? (lane + 1) % LANES : 0;
      lastX = x;
      it.root.style.left = `${x}px`;
      it.root.style.top = `${geo.top}px`;
      it.root.style.height = `${geo.height}px`;
      it.handle.style.top = `${4 + lane * 24}px`;
    }
  }

  function setDay(it: Item, day: number): void {
    it.day = day;
    it.handle.setAttribute('aria-valuenow', String(day));
    it.handle.setAttribute('aria-valuetext', `day ${day}`);
    it.handle.title = `${it.marker.label}, from day ${day}${it.marker.fixed ? ' (set-up only: day 0)' : ''}`;
  }

  function dayAt(clientX: number): number {
    const hr = host.getBoundingClientRect();
    if (!geo || geo.width <= 0) return 0;
    const d = Math.round(((clientX - hr.left - geo.left) / geo.width) * days);
    return Math.min(days - 1, Math.max(0, d));
  }

  function build(m: DayMarker): Item {
    const root = document.createElement('div');
    root.className = 'cmp-marker';
    const line = document.createElement('div');
    line.className = 'cmp-marker-line';
    const handle = document.createElement('div');
    handle.className = 'cmp-marker-handle';
    handle.tabIndex = 0;
    handle.setAttribute('role', 'slider');
    handle.setAttribute('aria-orientation', 'horizontal');
    root.append(line, handle);
    layer.append(root);
    const it: Item = { marker: m, root, line, handle, day: m.day };

    let dragging = false;
    handle.addEventListener('pointerdown', (ev) => {
      if (it.marker.fixed || ev.button !== 0) return;
      dragging = true;
      handle.setPointerCapture(ev.pointerId);
      root.classList.add('cmp-dragging');
      ev.preventDefault();
      handle.focus();
    });
    handle.addEventListener('pointermove', (ev) => {
      if (!dragging) return;
      const d = dayAt(ev.clientX);
      if (d !== it.day) {
        setDay(it, d);
        place();
        handlers.onPreview(it.marker.key, d);
      }
    });
    const drop = () => {
      if (!dragging) return;
      dragging = false;
      root.classList.remove('cmp-dragging');
      handlers.onCommit(it.marker.key, it.day);
    };
    handle.addEventListener('pointerup', drop);
    handle.addEventListener('pointercancel', drop);
    handle.addEventListener('keydown', (ev) => {
      if (it.marker.fixed) return;
      const big = ev.shiftKey ? 10 : 1;
      let d = it.day;
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowUp') d += big;
      else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowDown') d -= big;
      else if (ev.key === 'PageUp') d += 10;
      else if (ev.key === 'PageDown') d -= 10;
      else if (ev.key === 'Home') d = 0;
      else if (ev.key === 'End') d = days - 1;
      else return;
      ev.preventDefault();
      d = Math.min(days - 1, Math.max(0, d));
      if (d === it.day) return;
      setDay(it, d);
      place();
      handlers.onCommit(it.marker.key, d);
    });
    return it;
  }

  function update(markers: readonly DayMarker[], n: number): void {
    days = Math.max(1, n);
    const keep = new Set(markers.map((m) => m.key));
    for (const [k, it] of items) {
      if (!keep.has(k)) {
        it.root.remove();
        items.delete(k);
      }
    }
    for (const m of markers) {
      const it = items.get(m.key) ?? build(m);
      items.set(m.key, it);
      it.marker = m;
      it.handle.textContent = m.badge;
      it.handle.style.borderColor = m.colour;
      it.line.style.borderColor = m.colour;
      it.handle.setAttribute('aria-label', `${m.label}: day the change takes effect`);
      it.handle.setAttribute('aria-valuemin', '0');
      it.handle.setAttribute('aria-valuemax', String(m.fixed ? 0 : days - 1));
      if (m.fixed) it.handle.setAttribute('aria-readonly', 'true');
      else it.handle.removeAttribute('aria-readonly');
      it.root.classList.toggle('cmp-fixed', Boolean(m.fixed));
      setDay(it, m.day);
    }
    schedule();
  }

  return { update, refresh: schedule };
}
