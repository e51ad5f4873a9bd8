/**
 * The analyses of a finished sweep, shown as `r2p-sim sensitivity` and `r2p-sim discover` report
 * them: factors ranked by Morris mu* or the Sobol total index, with bootstrap intervals (a bar
 * chart and a table), and PRIM's chosen box (its conditions, coverage, density and support) with
 * the peeling trajectory. They come from the CLI's saved output, or are computed here with the
 * same code (analysis/sweep/analyse.ts) from design.json and the runs. Text from files is set with
 * textContent only.
 */
import { scaleLinear } from 'd3';
import { discover, sensitivity, type DesignFile, type Discovery, type OutcomeSensitivity, type RunsTable } from '../../analysis/sweep/analyse';
import type { BootstrapInterval } from '../../analysis/sensitivity';
import { categorical } from '../charts/palette';
import { drawXAxis } from '../charts/axes';
import { createSvg, drawTitle, formatValue, setViewBox, textWidth, truncate } from '../charts/frame';
import { liveChart } from '../charts/live';
import type { Chart } from '../charts/types';
import { el } from '../app/dom';

const f3 = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '–' : formatValue(Number(x.toPrecision(3))));
const iv = (v: BootstrapInterval | undefined): string => (v ? `${f3(v.estimate)} [${f3(v.lo)}, ${f3(v.hi)}]` : '–');
const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');

/** Compute the sensitivity of every numeric outcome (a morris or sobol design only; throws SweepAnalysisError otherwise). */
export function computeSensitivity(design: DesignFile, table: RunsTable, outcomes?: readonly string[]): OutcomeSensitivity[] {
  return sensitivity(design, table, { outcomes, resamples: 1000 });
}

/** PRIM boxes where `condition` holds (a mathjs expression over a run's columns, checked, never evaluated as code). */
export function computeDiscovery(design: DesignFile, table: RunsTable, condition: string): Discovery {
  return discover(design, table, condition);
}

// ---- sensitivity --------------------------------------------------------------------------------

interface Bar {
  readonly factor: string;
  readonly main: BootstrapInterval;
  readonly second?: BootstrapInterval;
}

/** Bars of an index per factor with their intervals (whiskers); Sobol: ST, and S1 below it. */
function indexBars(container: HTMLElement, o: OutcomeSensitivity): Chart<OutcomeSensitivity> {
  const svg = createSvg(container, 'r2p-chart r2p-index-bars').attr('role', 'img');
  function render(s: OutcomeSensitivity, W: number): void {
    svg.selectChildren().remove();
    const morris = s.method === 'morris';
    const bars: Bar[] = s.factors.map((f) => ({ factor: f.factor, main: (morris ? f.muStar : f.st)!, second: morris ? undefined : f.s1 }));
    const title = `${s.outcome}: ${morris ? 'Morris mu*' : 'Sobol ST and S1'}, with 95% bootstrap intervals`;
    const g = svg.append('g');
    const titleH = drawTitle(g, title, W);
    const left = Math.ceil(Math.min(W * 0.35, Math.max(40, ...bars.map((b) => textWidth(b.factor))))) + 12;
    const rowH = morris ? 22 : 30;
    const top = titleH + 8;
    const hi = Math.max(morris ? 0 : 1, ...bars.flatMap((b) => [b.main.hi, b.main.estimate, b.second?.hi ?? 0].filter(Number.isFinite)));
    const x = scaleLinear().domain([Math.min(0, ...bars.flatMap((b) => [b.main.lo, b.second?.lo ?? 0].filter(Number.isFinite))), hi || 1]).nice().range([left, W - 16]);
    bars.forEach((b, i) => {
      const y0 = top + i * rowH;
      const row = svg.append('g').attr('class', 'r2p-index-row');
      row.append('title').text(`${b.factor}: ${morris ? 'mu*' : 'ST'} ${iv(b.main)}${b.second ? `; S1 ${iv(b.second)}` : ''}`);
      row.append('text').attr('x', left - 6).attr('y', y0 + rowH / 2).attr('dy', '0.35em').attr('text-anchor', 'end').text(truncate(b.factor, left - 10));
      const bar = (v: BootstrapInterval, y: number, h: number, colour: string) => {
        if (!Number.isFinite(v.estimate)) return;
        row.append('rect').attr('x', x(Math.min(0, v.estimate))).attr('y', y).attr('width', Math.abs(x(v.estimate) - x(0))).attr('height', h).attr('fill', colour).attr('fill-opacity', 0.8);
        if (Number.isFinite(v.lo) && Number.isFinite(v.hi)) {
          const cy = y + h / 2;
          row.append('line').attr('class', 'r2p-whisker').attr('x1', x(v.lo)).attr('x2', x(v.hi)).attr('y1', cy).attr('y2', cy).attr('stroke', 'currentColor');
          for (const e of [v.lo, v.hi]) row.append('line').attr('class', 'r2p-whisker').attr('x1', x(e)).attr('x2', x(e)).attr('y1', cy - 4).attr('y2', cy + 4).attr('stroke', 'currentColor');
        }
      };
      if (morris) bar(b.main, y0 + 4, rowH - 8, categorical(0));
      else {
        bar(b.main, y0 + 3, 11, categorical(0));
        if (b.second) bar(b.second, y0 + 16, 11, categorical(1));
      }
    });
    const bottom = top + bars.length * rowH;
    drawXAxis(svg.append('g').attr('class', 'r2p-axis'), x, bottom, W - left, 80);
    const legend = morris ? 'bar: mu*; whisker: 95% interval' : 'bars: ST (upper), S1 (lower); whiskers: 95% intervals';
    svg.append('text').attr('class', 'r2p-axis-label').attr('x', W - 16).attr('y', bottom + 34).attr('text-anchor', 'end').text(truncate(legend, W - 20));
    if (!morris) {
      const lg = svg.append('g').attr('transform', `translate(0,${bottom + 26})`);
      lg.append('rect').attr('width', 12).attr('height', 10).attr('fill', categorical(0));
      lg.append('text').attr('x', 16).attr('y', 9).text('ST');
      lg.append('rect').attr('x', 40).attr('width', 12).attr('height', 10).attr('fill', categorical(1));
      lg.append('text').attr('x', 56).attr('y', 9).text('S1');
    }
    setViewBox(svg, W, bottom + 44);
    svg.attr('aria-label', `${title}. ${bars.map((b) => `${b.factor} ${iv(b.main)}${b.second ? `, S1 ${iv(b.second)}` : ''}`).join('; ')}.`);
  }
  return liveChart(svg.node()!, o, render);
}

/** One outcome's sensitivity: the bars and the table, with where they come from. */
export function sensitivityPanel(o: OutcomeSensitivity, source: string): { element: HTMLElement; chart: Chart<OutcomeSensitivity> } {
  const box = el('section', { cls: 'panel sweep-analysis sweep-sensitivity' });
  const morris = o.method === 'morris';
  box.append(el('h4', { text: `Sensitivity of ${o.outcome} (${morris ? 'Morris elementary effects' : 'Sobol indices'})` }));
  const pointsText = Number.isFinite(o.points) ? `; ${o.used} of ${o.points} design points with a value` : '';
  box.append(el('p', { text: `From ${source}${pointsText}. Factors are ranked by ${morris ? 'mu*, the mean absolute effect of a step in the factor' : 'the total index ST, the share of the variance the factor takes part in'}; the intervals are 95% bootstrap intervals.`, cls: 'hint' }));
  const slot = el('div', { cls: 'sweep-chart-slot' });
  box.append(slot);
  const chart = indexBars(slot, o);
  const table = el('table', { cls: 'sweep-table' });
  table.append(el('caption', { text: `${o.outcome}: ${morris ? 'Morris indices' : 'Sobol indices'} by factor` }));
  const head = el('tr');
  for (const h of morris ? ['rank', 'factor', 'mu* [95% interval]', 'mu', 'sigma'] : ['rank', 'factor', 'total ST [95% interval]', 'first-order S1 [95% interval]']) head.append(el('th', { text: h }));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  o.factors.forEach((f, i) => {
    const tr = el('tr');
    const cells = morris ? [String(i + 1), f.factor, iv(f.muStar), f3(f.mu), f3(f.sigma)] : [String(i + 1), f.factor, iv(f.st), iv(f.s1)];
    cells.forEach((c, k) => {
      const td = el(k === 1 ? 'th' : 'td', { text: c });
      if (k === 1) td.setAttribute('scope', 'row');
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(body);
  box.append(table);
  return { element: box, chart };
}

// ---- discovery ----------------------------------------------------------------------------------

const limitsText = (b: Discovery['trajectory'][number]): string[] =>
  b.restricted.length ? b.restricted.map((f) => `${formatValue(Number(b.limits[f][0].toPrecision(4)))} ≤ ${f} ≤ ${formatValue(Number(b.limits[f][1].toPrecision(4)))}`) : ['the whole space (no factor restricted)'];

export function discoveryPanel(d: Discovery, source: string): HTMLElement {
  const box = el('section', { cls: 'panel sweep-analysis sweep-discovery' });
  box.append(el('h4', { text: `Scenario discovery: where “${d.condition}” holds` }));
  const share = Number.isFinite(d.cases) && Number.isFinite(d.runs) ? ` It holds in ${d.cases} of ${d.runs} runs (${pct(d.cases / Math.max(1, d.runs))}).` : '';
  box.append(el('p', { text: `From ${source}: PRIM's peeling trajectory of ${d.trajectory.length} boxes.${share}`, cls: 'hint' }));
  const c = d.trajectory[d.chosen];
  const dl = el('dl', { cls: 'sweep-box' });
  const add = (term: string, def: string | HTMLElement) => {
    dl.append(el('dt', { text: term }));
    const dd = el('dd');
    if (typeof def === 'string') dd.textContent = def;
    else dd.append(def);
    dl.append(dd);
  };
  const conds = el('ul');
  for (const t of limitsText(c)) conds.append(el('li', { text: t }));
  const chosen = el('div');
  chosen.append(conds, el('small', { text: `Chosen as ${d.chosenBy === 'threshold' ? 'the first box to reach the density asked for' : d.chosenBy === 'best density' ? 'the densest box' : 'the best balance of coverage and density (F1)'}.`, cls: 'hint' }));
  add('The chosen box', chosen);
  add('Coverage', `${pct(c.coverage)}: of the runs where it holds, the share inside the box`);
  add('Density', `${pct(c.density)}: of the runs inside the box, the share where it holds`);
  add('Support', `${pct(c.support)}: the share of all runs inside the box (${c.count} runs)`);
  box.append(dl);
  const det = el('details');
  det.append(el('summary', { text: 'The peeling trajectory' }));
  const table = el('table', { cls: 'sweep-table' });
  table.append(el('caption', { text: 'Each box is the one before with a slice peeled off' }));
  const head = el('tr');
  for (const h of ['box', 'coverage', 'density', 'support', 'limits']) head.append(el('th', { text: h }));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  d.trajectory.forEach((b, i) => {
    const tr = el('tr');
    if (i === d.chosen) tr.className = 'chosen';
    for (const t of [`${i}${i === d.chosen ? ' (chosen)' : ''}`, pct(b.coverage), pct(b.density), pct(b.support), limitsText(b).join(', ')]) tr.append(el('td', { text: t }));
    body.append(tr);
  });
  table.append(body);
  det.append(table);
  box.append(det);
  return box;
}
