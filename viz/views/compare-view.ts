/**
 * The compare view ("counterfactual twins"): the baseline is the app's state (model, scenario,
 * parameters, schedule, seed, run length); each arm is the baseline with a few changes, each
 * from a day. The same seed draws the same random numbers in every arm (the engine is built so),
 * so a difference between two runs at one seed is the changes' doing.
 *
 * - One seed: the baseline and every arm at the state's seed, each in its own run worker, side by
 *   side: people killed, perpetrators, displaced and the leadership's rung (one line per arm, the
 *   same colours everywhere), arm minus baseline for people killed and perpetrators, and where
 *   each arm parts from the baseline (the first day any of the model's series differs, and the
 *   first event that differs).
 * - Many seeds: the same over seeds 1..N on the worker pool, with progress and Cancel; fan charts
 *   of people killed (median and 90% band per arm and day) and of the paired difference, the
 *   distribution of paired differences in people killed at the end, and the statistics of
 *   analysis/compare.ts (compareArms: P(mass atrocity) with its Wilson interval, each outcome's
 *   median and paired difference with a bootstrap interval and a sign test). CSV of every run.
 *
 * The changes' days are also markers on the time axis of the people-killed chart: drag them, or
 * move them with the arrow keys. Nothing runs until asked (Run); hiding the view cancels a run.
 * Text from the state or from files is set with textContent only.
 */
import { COMPARE_OUTCOMES, type ArmReport } from '../../analysis/compare';
import { DEFAULT_MODEL, RUNGS, defaultsOf, modelKernel, parseSetting, type KernelEvent, type ParamValue } from '../../sim/index';
import { scenarioDate, type Scenario } from '../../scenarios/index';
import { scenarioById } from '../app/scenarios';
import { csvText, download, fanChart, histogram, lineChart, type Chart } from '../charts/index';
import type { FanChartSpec, HistogramSpec, LineChartSpec, LineSeries, DayMark } from '../charts/types';
import { clearNotices, notify } from '../app/notices';
import { resolveSpec } from '../app/spec';
import type { AppState, ArmState } from '../app/state';
import type { Store } from '../app/store';
import { encodeState } from '../app/url-state';
import { counter, el, labeller } from '../app/dom';
import { saveTools } from './save-tools';
import { armsEditor } from './compare-arms';
import { markerLayer } from './compare-markers';
import { scenarioPicker } from './scenario-select';
import { viewFrame, type View } from './view';
import {
  BASELINE,
  COMPARE_MODEL,
  Cancelled,
  bands,
  differences,
  parting,
  planArms,
  runLength,
  runManySeeds,
  runOneSeed,
  type Job,
  type ManyResult,
  type OneRun,
  type Plan,
} from './compare-runs';

export const DEFAULT_SEEDS = 40;
export const MAX_SEEDS = 1000;

/** Who did what, in words (the engine's actor names). */
const ACTORS: Readonly<Record<string, string>> = {
  trigger: 'trigger event',
  leadership: 'the leadership',
  secretariat: 'the Secretariat',
  council: 'the Security Council',
  assembly: 'the General Assembly',
  hrc: 'the Human Rights Council',
  pbc: 'the Peacebuilding Commission',
  peacekeepers: 'the peacekeepers',
  mediators: 'the mediators',
  outcome: 'outcome',
};

const fieldIds = counter();
const labelled = labeller('cmp-field', fieldIds);

const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const signed = (x: number, f: (v: number) => string) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${f(Math.abs(x))}`;
const p2 = (x: number) => x.toFixed(2);
const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
const valueText = (unit: string, x: number) => (unit === 'share' ? `${(100 * x).toFixed(1)}%` : int(x));
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'chart';

function eventText(e: KernelEvent): string {
  return `${ACTORS[e.actor] ?? e.actor}: ${e.action}${e.detail ? ` (${e.detail})` : ''}`;
}

/** A figure that holds a chart, with buttons to save it as SVG and PNG. */
interface Panel {
  readonly root: HTMLElement;
  readonly slot: HTMLElement;
  chart: { readonly element: Chart<unknown>['element'] } | null;
}

function panel(title: string, fileName: () => string, cls = ''): Panel {
  const root = el('figure', { cls: `panel cmp-panel ${cls}`.trim() });
  const slot = el('div', { cls: 'cmp-chart-slot' });
  const p: Panel = { root, slot, chart: null };
  root.append(slot, saveTools(title, () => p.chart, fileName, 'cmp-export'));
  return p;
}

/**
 * A table in a region that scrolls sideways on a narrow screen; its title stays above, in view
 * (the caption, for screen readers, is the same text). Cells keep their numbers on one line,
 * except in the columns `wrap` (texts such as the changes).
 */
function table(caption: string, head: readonly string[], rows: readonly (readonly (string | Node)[])[], cls = '', wrapCols: readonly number[] = []): HTMLElement {
  const box = el('div', { cls: `cmp-table-box ${cls}`.trim() });
  box.append(el('p', { text: caption, cls: 'cmp-table-title', attrs: { 'aria-hidden': 'true' } }));
  const wrap = el('div', { cls: 'cmp-table-wrap', attrs: { tabindex: '0', role: 'region', 'aria-label': caption } });
  box.append(wrap);
  const t = el('table', { cls: 'cmp-table' });
  t.append(el('caption', { text: caption, cls: 'visually-hidden' }));
  const thead = el('thead');
  const hr = el('tr');
  for (const h of head) hr.append(el('th', { text: h, attrs: { scope: 'col' } }));
  thead.append(hr);
  const tbody = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    r.forEach((cell, i) => {
      const c = el(i === 0 ? 'th' : 'td', i === 0 ? { attrs: { scope: 'row' } } : wrapCols.includes(i) ? { cls: 'cmp-wrap' } : {});
      if (typeof cell === 'string') c.textContent = cell;
      else c.append(cell);
      tr.append(c);
    });
    tbody.append(tr);
  }
  t.append(thead, tbody);
  wrap.append(t);
  return box;
}

const armName = (label: string) => (label === BASELINE ? 'Baseline' : label);

export function compareView(store: Store): View {
  const { root, side, out } = viewFrame('compare', 'Compare: counterfactual twins', 'Comparison settings', 'cmp');
  root.dataset.one = 'idle';
  root.dataset.many = 'idle';

  // ---- the baseline -----------------------------------------------------------------------------
  const scenarioSelect = scenarioPicker();
  const scenarioField = labelled('Scenario', scenarioSelect);
  const seedInput = el('input', { attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' } });
  const seedField = labelled('Seed', seedInput, 'One seed: every arm at this seed. Many seeds: seeds 1 to N, the same in every arm.');
  const baselineText = el('p', { cls: 'cmp-baseline-text' });
  const runLink = el('a', { text: 'Change the baseline in the Run view', attrs: { href: '?view=run' } });
  const modelNote = el('p', { cls: 'cmp-model-note' });
  const baseline = el('section', { cls: 'cmp-box', attrs: { 'aria-labelledby': 'cmp-baseline-h' } });
  const linkLine = el('p');
  linkLine.append(runLink);
  baseline.append(el('h3', { text: 'Baseline', attrs: { id: 'cmp-baseline-h' } }), scenarioField, seedField, baselineText, linkLine, modelNote);

  const suggested = el('section', { cls: 'cmp-box cmp-suggested', attrs: { 'aria-labelledby': 'cmp-suggested-h' } });
  const suggestedQuestion = el('p', { cls: 'cmp-question' });
  const suggestedArm = el('p', { cls: 'muted' });
  const suggestedBtn = el('button', { text: 'Set up this comparison', cls: 'primary', attrs: { type: 'button' } });
  const suggestedState = el('p', { cls: 'cmp-suggested-state', attrs: { role: 'status' } });
  suggested.append(el('h3', { text: 'Suggested comparison', attrs: { id: 'cmp-suggested-h' } }), suggestedQuestion, suggestedArm, suggestedBtn, suggestedState);

  const armsBox = el('section', { cls: 'cmp-box', attrs: { 'aria-labelledby': 'cmp-arms-h' } });
  armsBox.append(
    el('h3', { text: 'Arms', attrs: { id: 'cmp-arms-h' } }),
    el('p', { cls: 'hint', text: 'Each arm is the baseline with the changes below, each from its day. Drag the numbered markers on the “People killed” chart, or focus one and use the arrow keys, to move a change’s day.' }),
  );
  side.append(baseline, suggested, armsBox);

  // ---- the run controls -------------------------------------------------------------------------
  const runOneBtn = el('button', { text: 'Run seed 1', cls: 'primary', attrs: { type: 'button' } });
  const seedsInput = el('input', { attrs: { type: 'number', min: '2', max: String(MAX_SEEDS), step: '1', value: String(DEFAULT_SEEDS) } });
  const runManyBtn = el('button', { text: `Run ${DEFAULT_SEEDS} seeds`, attrs: { type: 'button' } });
  const progress = el('progress', { attrs: { max: '1', value: '0' } });
  const progressText = el('span', { cls: 'cmp-progress-text' });
  const cancelBtn = el('button', { text: 'Cancel', attrs: { type: 'button' } });
  const progressBox = el('div', { cls: 'cmp-progress' });
  progress.id = `cmp-progress-${fieldIds()}`;
  progressBox.append(el('label', { text: 'Comparison runs done', cls: 'visually-hidden', attrs: { for: progress.id } }), progress, progressText, cancelBtn);
  progressBox.hidden = true;
  const toolbar = el('div', { cls: 'cmp-toolbar' });
  const oneGroup = el('div', { cls: 'cmp-run-group', attrs: { role: 'group', 'aria-label': 'One seed' } });
  oneGroup.append(runOneBtn);
  const manyGroup = el('div', { cls: 'cmp-run-group', attrs: { role: 'group', 'aria-label': 'Many seeds' } });
  const seedsField = labelled('Seeds', seedsInput);
  seedsField.classList.add('cmp-seeds');
  manyGroup.append(seedsField, runManyBtn);
  toolbar.append(oneGroup, manyGroup);
  const status = el('p', { cls: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const stale = el('p', { cls: 'cmp-stale' });
  stale.hidden = true;
  out.append(toolbar, progressBox, status, stale);

  // ---- one seed ---------------------------------------------------------------------------------
  const oneSection = el('section', { cls: 'cmp-section cmp-one', attrs: { 'aria-labelledby': 'cmp-one-h' } });
  const oneHeading = el('h3', { text: 'One seed', attrs: { id: 'cmp-one-h' } });
  const finals = el('div', { cls: 'cmp-finals' });
  const partingBox = el('div', { cls: 'cmp-parting' });
  const oneCharts = el('div', { cls: 'charts cmp-charts' });
  const oneHint = el('p', { cls: 'hint cmp-one-hint' });
  oneSection.append(oneHeading, oneHint, finals, partingBox, oneCharts);

  // ---- many seeds -------------------------------------------------------------------------------
  const manySection = el('section', { cls: 'cmp-section cmp-many', attrs: { 'aria-labelledby': 'cmp-many-h' } });
  const manyHeading = el('h3', { text: 'Many seeds', attrs: { id: 'cmp-many-h' } });
  const manyText = el('p', { cls: 'cmp-many-text' });
  const manyCharts = el('div', { cls: 'charts cmp-charts' });
  const histCharts = el('div', { cls: 'charts cmp-charts' });
  const manyTables = el('div', { cls: 'cmp-tables' });
  const csvBtn = el('button', { text: 'Save every run as CSV', attrs: { type: 'button' } });
  manySection.append(manyHeading, manyText, manyCharts, histCharts, manyTables, csvBtn);
  manySection.hidden = true;
  out.append(oneSection, manySection);

  // ---- state ------------------------------------------------------------------------------------
  let visible = false;
  let built = false;
  let job: Job<unknown> | null = null;
  let oneRuns: OneRun[] | null = null;
  let oneSig = '';
  let many: ManyResult | null = null;
  let manySig = '';
  let chartDays = 0;
  const linePanels: { chart: Chart<LineChartSpec>; spec: (runs: OneRun[] | null, plan: Plan | null) => LineChartSpec }[] = [];
  let killedPanel: Panel | null = null;
  let markers: ReturnType<typeof markerLayer> | null = null;

  const fileBase = () => `${store.state.scenario}-compare`;

  const kernelDefs = () => modelKernel(store.state.model).params;
  function baseValues(): Record<string, ParamValue> {
    try {
      return { ...defaultsOf(kernelDefs()), ...(resolveSpec(store.state).spec.params as Record<string, ParamValue>) };
    } catch {
      return defaultsOf(kernelDefs());
    }
  }
  let baseCache: { key: string; values: Record<string, ParamValue> } | null = null;
  const baseValue = (name: string): ParamValue | undefined => {
    const st = store.state;
    const key = JSON.stringify([st.model, st.scenario, st.params, st.schedule, st.ticks]);
    if (baseCache?.key !== key) baseCache = { key, values: baseValues() };
    return baseCache.values[name];
  };

  const editor = armsEditor({
    store,
    baseValue,
    context: () => ({ defs: kernelDefs(), ticks: runLength(store.state) }),
    onChange: () => refreshMarks(),
  });
  armsBox.append(editor.element);

  /** The baseline and arms as they are now, for one seed (with the seed) and many (without). */
  const sigOf = (st: AppState, withSeed: boolean) =>
    JSON.stringify([st.model, st.scenario, withSeed ? st.seed : '', st.ticks ?? null, st.params, st.schedule, st.arms]);

  // ---- charts -----------------------------------------------------------------------------------

  function linesOf(runs: OneRun[] | null, plan: Plan | null, series: string, minus = false): LineSeries[] {
    // The baseline is drawn last, on top: dashed, so an arm that never parts from it shows through.
    const last = <T,>(xs: readonly T[]): T[] => (minus ? xs.slice(1) : [...xs.slice(1), xs[0]]);
    if (runs) {
      const base = runs[0].values.get(series)!;
      return last(runs).map((r) => {
        const v = r.values.get(series)!;
        return { key: r.plan.label, label: armName(r.plan.label), values: minus ? v.map((x, d) => x - base[d]) : v, colour: r.plan.colour, dashed: r.plan.dashed };
      });
    }
    const arms = plan?.arms ?? [];
    return (arms.length ? last(arms) : []).map((a) => ({ key: a.label, label: armName(a.label), values: new Float64Array(0), colour: a.colour, dashed: a.dashed }));
  }

  /** A chart of one line has no legend: its title names the arm. */
  function minusTitle(what: string, runs: OneRun[] | null, plan: Plan | null): string {
    const arms = runs ? runs.map((r) => r.plan) : (plan?.arms ?? []);
    return arms.length === 2 ? `${what}: “${arms[1].label}” minus baseline` : `${what}: arm minus baseline`;
  }

  function changeMarks(): DayMark[] {
    return editor.markers().map((m) => ({ day: m.day, label: `${m.badge}: ${m.what}` }));
  }

  function partingMarks(runs: OneRun[] | null): DayMark[] {
    if (!runs) return [];
    return runs.slice(1).flatMap((r, k) => {
      const p = parting(runs[0], r);
      return p.day === null ? [] : [{ day: p.day, label: `arm ${k + 1} parts` }];
    });
  }

  function buildCharts(): void {
    built = true;
    const days = runLength(store.state);
    chartDays = days;
    const defs: [string, (runs: OneRun[] | null, plan: Plan | null) => LineChartSpec][] = [
      ['People killed', (r, p) => ({ title: 'People killed', yLabel: 'killed so far', unit: 'people', days: chartDays, lines: linesOf(r, p, 'deathsPeople') })],
      ['Perpetrators', (r, p) => ({ title: 'Perpetrators', yLabel: 'joined the perpetrators', unit: 'agents', days: chartDays, lines: linesOf(r, p, 'perpetrators'), marks: changeMarks() })],
      ['Displaced', (r, p) => ({ title: 'Displaced', yLabel: 'fled', unit: 'agents', days: chartDays, lines: linesOf(r, p, 'displaced'), marks: changeMarks() })],
      [
        'The leadership’s rung',
        (r, p) => ({ title: 'The leadership’s rung', yLabel: 'rung', unit: 'rung 0-4', days: chartDays, step: true, yDomain: [0, 4], yTickNames: RUNGS, lines: linesOf(r, p, 'rung'), marks: changeMarks() }),
      ],
      [
        'People killed: arm minus baseline',
        (r, p) => ({ title: minusTitle('People killed', r, p), yLabel: 'difference in killed so far', unit: 'people', days: chartDays, lines: linesOf(r, p, 'deathsPeople', true), marks: [...changeMarks(), ...partingMarks(r)] }),
      ],
      [
        'Perpetrators: arm minus baseline',
        (r, p) => ({ title: minusTitle('Perpetrators', r, p), yLabel: 'difference in perpetrators', unit: 'agents', days: chartDays, lines: linesOf(r, p, 'perpetrators', true), marks: [...changeMarks(), ...partingMarks(r)] }),
      ],
    ];
    let plan: Plan | null = null;
    try {
      plan = planArms(store.state);
    } catch {
      plan = null;
    }
    for (const [title, spec] of defs) {
      const p = panel(title, () => `${fileBase()}-seed${store.state.seed}-${slug(title)}`);
      oneCharts.append(p.root);
      if (!killedPanel) {
        killedPanel = p;
        p.root.classList.add('cmp-drag-host');
        const host = p.slot;
        markers = markerLayer(host, () => host.querySelector('svg'), {
          onPreview: (key, day) => editor.previewDay(key, day),
          onCommit: (key, day) => editor.commitDay(key, day),
        });
      }
      const chart = lineChart(p.slot, spec(null, plan));
      p.chart = chart;
      linePanels.push({ chart, spec });
    }
    refreshMarks();
  }

  function redrawOne(): void {
    if (!built) return;
    let plan: Plan | null = null;
    try {
      plan = planArms(store.state);
    } catch {
      plan = null;
    }
    for (const { chart, spec } of linePanels) chart.update(spec(oneRuns, plan));
    markers?.refresh();
  }

  function refreshMarks(): void {
    if (!built) return;
    // Before anything ran, the charts are shown for the arms' day markers only.
    const arms = store.state.arms.length;
    oneCharts.hidden = arms === 0 && !oneRuns;
    oneHint.textContent = oneRuns
      ? 'The numbered markers on “People killed” are the changes’ days: drag one, or focus it and use the arrow keys, to move a change, then run again.'
      : arms === 0
        ? 'Add an arm to compare; its charts appear here.'
        : `The charts fill when you run seed ${store.state.seed}. The numbered markers on “People killed” are the changes’ days: drag one, or focus it and use the arrow keys, to move a change.`;
    markers?.update(editor.markers(), chartDays);
    redrawOne();
  }

  // ---- one seed: results ------------------------------------------------------------------------

  function showOne(runs: OneRun[], plan: Plan): void {
    const st = store.state;
    const dateOf = (t: number) => (plan.scenario ? scenarioDate(plan.scenario, t) : null);
    const dayText = (t: number) => `day ${t}${dateOf(t) ? ` (${dateOf(t)})` : ''}`;
    oneHeading.textContent = `One seed: seed ${st.seed}, the arms side by side`;
    const base = runs[0];
    const killed = (r: OneRun) => Number(r.summary.deathsPeople);
    const rows = runs.map((r) => {
      const cell = el('span', { text: int(killed(r)) });
      cell.dataset.deaths = String(killed(r));
      const sw = el('span', { cls: `cmp-swatch${r.plan.dashed ? ' cmp-swatch-dashed' : ''}`, attrs: { 'aria-hidden': 'true' } });
      sw.style.backgroundColor = r.plan.colour;
      const name = el('span');
      name.append(sw, document.createTextNode(armName(r.plan.label)));
      return [
        name,
        r.plan.changes.length ? r.plan.changes.join(', ') : '–',
        cell,
        r === base ? '–' : signed(killed(r) - killed(base), int),
        String(r.summary.outcome ?? ''),
        String(r.summary.finalRung ?? ''),
      ];
    });
    const t = table(`Seed ${st.seed}, at the end of day ${plan.ticks}`, ['Arm', 'Changes', 'People killed', 'Arm minus baseline', 'Outcome', 'Rung at the end'], rows, 'cmp-final-table', [1]);
    t.querySelectorAll('tbody tr').forEach((tr, i) => tr.setAttribute('data-arm', runs[i].plan.label));
    finals.replaceChildren(t);

    const items = runs.slice(1).map((r, k) => {
      const p = parting(base, r);
      const box = el('div', { cls: 'cmp-part' });
      box.dataset.arm = r.plan.label;
      box.dataset.partsAt = p.day === null ? 'never' : String(p.day);
      const h = el('h4');
      const sw = el('span', { cls: 'cmp-swatch', attrs: { 'aria-hidden': 'true' } });
      sw.style.backgroundColor = r.plan.colour;
      h.append(sw, document.createTextNode(`Arm ${k + 1}: ${r.plan.label}`));
      const first = el('p', { cls: 'cmp-first-day' });
      if (p.day === null) first.textContent = `They never part: all ${p.compared} series of the model are the same on every day, so the changes made no difference to this run.`;
      else {
        const shown = p.series.slice(0, 8).join(', ');
        first.textContent = `First day they part: ${dayText(p.day)}. ${plural(p.series.length, 'series', 'series')} of the ${p.compared} differ that day: ${shown}${p.series.length > 8 ? ', …' : ''}.`;
      }
      const ev = el('p', { cls: 'cmp-first-event' });
      if (!p.event) ev.textContent = 'The same events happen on the same days (your own changes aside).';
      else {
        const e = p.event;
        ev.textContent = `First event that differs: ${dayText(e.day)}. Baseline: ${e.baseline ? `${eventText(e.baseline)} on day ${e.baseline.tick}` : 'no further event'}. This arm: ${e.arm ? `${eventText(e.arm)} on day ${e.arm.tick}` : 'no further event'}.`;
      }
      const own = el('p', { cls: 'muted', text: `The arm’s changes: ${r.plan.entries.map((c) => `${c.name}=${String(c.value)} from day ${c.tick}`).join('; ') || 'none'}.` });
      box.append(h, first, ev, own);
      return box;
    });
    partingBox.replaceChildren(el('h4', { text: 'Where they part', cls: 'cmp-sub' }), ...items);
    partingBox.firstElementChild!.insertAdjacentElement(
      'afterend',
      el('p', { cls: 'hint', text: 'The first day on which any of the model’s series (all of them, the 14 risk factors included) differs from the baseline’s at the same seed, found from a digest of each day’s values as the command line tool’s compare does; and the first event in the day-by-day log that differs, your own changes left out.' }),
    );
    refreshMarks();
  }

  // ---- many seeds: results ----------------------------------------------------------------------

  const manyPanels: Panel[] = [];

  function showMany(m: ManyResult): void {
    manySection.hidden = false;
    for (const p of manyPanels) p.root.remove();
    manyPanels.length = 0;
    manyCharts.replaceChildren();
    histCharts.replaceChildren();
    const base = m.arms[0];
    manyHeading.textContent = `Many seeds: seeds 1 to ${m.seeds}, the same in every arm`;
    manyText.textContent = `${plural(m.seeds * m.arms.length, 'run')}: ${plural(m.arms.length - 1, 'arm')} and the baseline at ${plural(m.seeds, 'seed')}, ${plural(m.ticks, 'day')} each. Bands are the 5th to 95th percentile over seeds (90% of seeds); differences are paired (arm minus baseline at the same seed).`;

    const fanSpec: FanChartSpec = {
      title: 'People killed over seeds',
      yLabel: 'killed so far',
      unit: 'people',
      days: m.ticks,
      bandLabel: '90% of seeds',
      bands: m.arms.map((a) => ({ key: a.plan.label, label: armName(a.plan.label), colour: a.plan.colour, ...bands(a.deaths, m.ticks) })),
      marks: changeMarks(),
    };
    const diffSpec: FanChartSpec = {
      title: 'People killed: arm minus baseline, paired by seed',
      yLabel: 'difference in killed so far',
      unit: 'people',
      days: m.ticks,
      bandLabel: '90% of seeds',
      bands: m.arms.slice(1).map((a) => ({ key: a.plan.label, label: armName(a.plan.label), colour: a.plan.colour, ...bands(differences(a.deaths, base.deaths), m.ticks) })),
      marks: changeMarks(),
    };
    for (const spec of [fanSpec, diffSpec]) {
      const p = panel(spec.title, () => `${fileBase()}-${m.seeds}seeds-${slug(spec.title)}`, 'cmp-fan');
      manyCharts.append(p.root);
      p.chart = fanChart(p.slot, spec);
      manyPanels.push(p);
    }
    m.arms.slice(1).forEach((a, k) => {
      const report = m.reports[k + 1];
      const d = report.outcomes.find((o) => o.name === 'deathsPeople')!.difference!;
      const values = a.runs.map((r, s) => r.summary.deathsPeople - base.runs[s].summary.deathsPeople);
      const spec: HistogramSpec = {
        title: `Arm ${k + 1}, ${a.plan.label}: people killed, arm minus baseline, per seed`,
        xLabel: 'difference in people killed at the end',
        unit: 'people',
        values,
        marks: [
          { value: d.estimate, label: `median ${signed(d.estimate, int)}` },
          { value: d.lo, label: `95% interval from ${signed(d.lo, int)}` },
          { value: d.hi, label: `to ${signed(d.hi, int)}` },
        ],
      };
      const p = panel(spec.title, () => `${fileBase()}-${m.seeds}seeds-arm${k + 1}-differences`, 'cmp-hist');
      p.root.append(el('figcaption', { cls: 'hint', text: `Median paired difference ${signed(d.estimate, int)} people; 95% interval of the median (bootstrap) ${signed(d.lo, int)} to ${signed(d.hi, int)}; higher in ${d.positive} seeds, lower in ${d.negative}, equal in ${d.ties}; sign test ${pText(d.pSign)}.` }));
      histCharts.append(p.root);
      p.chart = histogram(p.slot, spec);
      manyPanels.push(p);
    });
    manyTables.replaceChildren(...reportTables(m.reports, m));
  }

  function reportTables(reports: readonly ArmReport[], m: ManyResult): HTMLElement[] {
    const overview = table(
      `Each arm over ${plural(m.seeds, 'seed')}: P(mass atrocity) with its 95% Wilson interval, outcome classes, and each outcome’s median [5th–95th percentile]`,
      ['Arm', 'Changes', 'P(mass atrocity) [95% CI]', 'prevented / curbed / failed', ...COMPARE_OUTCOMES.map((o) => (o.short.includes(o.unit) ? o.short : `${o.short} (${o.unit})`))],
      reports.map((r) => [
        armName(r.name),
        r.changes.length ? r.changes.join(', ') : '–',
        `${p2(r.pMassAtrocity)} [${p2(r.pMassAtrocityCi[0])}, ${p2(r.pMassAtrocityCi[1])}]`,
        `${r.classes.prevented} / ${r.classes.curbed} / ${r.classes.failed}`,
        ...r.outcomes.map((o) => `${valueText(o.unit, o.median)} [${valueText(o.unit, o.p05)}, ${valueText(o.unit, o.p95)}]`),
      ]),
      'cmp-overview',
      [1],
    );
    const diffs = reports.slice(1).map((r, k) => {
      const rows: string[][] = [];
      const d = r.pDifference!;
      rows.push(['P(mass atrocity)', signed(d.estimate, p2), `${signed(d.lo, p2)} to ${signed(d.hi, p2)}`, `${d.positive} only in the arm / ${d.negative} only in the baseline`, pText(d.pSign)]);
      for (const o of r.outcomes) {
        const x = o.difference!;
        const f = (v: number) => valueText(o.unit, v);
        rows.push([`${o.label} (${o.unit})`, signed(x.estimate, f), `${signed(x.lo, f)} to ${signed(x.hi, f)}`, `${x.positive} / ${x.negative} / ${x.ties}`, pText(x.pSign)]);
      }
      const parts = r.partsAt!;
      rows.push([
        'first day it parts from the baseline',
        parts.parted === 0 ? 'never' : `day ${Math.round(parts.median!)} (median)`,
        '',
        `parts in ${plural(parts.parted, 'seed')}, identical in ${parts.never}`,
        '',
      ]);
      return table(
        `Arm ${k + 1}, “${r.name}”, against the baseline, paired by seed: the median difference (arm minus baseline), its 95% bootstrap interval, and the exact sign test`,
        ['Measure', 'Median difference', '95% interval', 'higher / lower / equal (seeds)', 'Sign test'],
        rows,
        'cmp-differences',
      );
    });
    return [overview, ...diffs];
  }

  csvBtn.addEventListener('click', () => {
    const m = many;
    if (!m) return;
    const columns = ['arm', 'seed', 'outcome', 'mass_atrocity', ...COMPARE_OUTCOMES.map((o) => snake(o.name)), 'parts_at', 'hash'];
    const rows: (string | number)[][] = [];
    for (const a of m.arms) {
      a.runs.forEach((r, s) => rows.push([a.plan.label, r.seed, r.summary.outcome, String(r.summary.massAtrocity), ...COMPARE_OUTCOMES.map((o) => o.of(r.summary)), r.partsAt ?? '', a.hashes[s]]));
    }
    download(new Blob([csvText(columns, rows)], { type: 'text/csv' }), `${fileBase()}-${m.seeds}seeds.csv`);
  });

  // ---- running ----------------------------------------------------------------------------------

  function setBusy(kind: 'one' | 'many' | null): void {
    progressBox.hidden = kind === null;
    runOneBtn.disabled = runManyBtn.disabled = kind !== null || !runnable();
    if (kind) root.dataset[kind] = 'running';
  }

  function runnable(): boolean {
    return store.state.model === COMPARE_MODEL && store.state.arms.length > 0;
  }

  function planOrSay(): Plan | null {
    clearNotices('cmp-run');
    clearNotices('cmp-seeds');
    try {
      return planArms(store.state);
    } catch (e) {
      notify('error', `These arms cannot run: ${(e as Error).message}`, 'cmp-run');
      status.textContent = 'The arms cannot run as they are; see the message above.';
      return null;
    }
  }

  function ensureCharts(days: number): void {
    if (days !== chartDays) {
      chartDays = days;
      oneRuns = null;
      finals.replaceChildren();
      partingBox.replaceChildren();
      refreshMarks();
    }
  }

  /** Waits for `j`, the job of `kind`, if it is still the one running: `done` shows its result; a cancel or a failure is said. */
  function follow<T>(j: Job<T>, kind: 'one' | 'many', done: (result: T) => void): void {
    j.done.then(
      (result) => {
        if (job !== j) return;
        job = null;
        setBusy(null);
        root.dataset[kind] = 'done';
        done(result);
      },
      (e: unknown) => {
        if (job !== j) return;
        job = null;
        setBusy(null);
        root.dataset[kind] = e instanceof Cancelled ? 'cancelled' : 'error';
        if (e instanceof Cancelled) status.textContent = 'Cancelled.';
        else {
          notify('error', `The comparison stopped: ${e instanceof Error ? e.message : String(e)}`, 'cmp-run');
          status.textContent = 'The comparison stopped; see the message above.';
        }
      },
    );
  }

  function startOne(): void {
    if (job || !runnable()) return;
    const plan = planOrSay();
    if (!plan) return;
    const st = store.state;
    let seed: number | string;
    try {
      seed = resolveSpec(st).spec.seed;
    } catch (e) {
      notify('error', (e as Error).message, 'cmp-run');
      return;
    }
    ensureCharts(plan.ticks);
    const sig = sigOf(st, true);
    const j = runOneSeed(plan, seed, (done, total) => {
      progress.max = total;
      progress.value = done;
      progressText.textContent = `${Math.round((100 * done) / Math.max(1, total))}% of ${plural(plan.arms.length, 'run')} at seed ${st.seed}`;
    });
    job = j;
    setBusy('one');
    status.textContent = `Running seed ${st.seed}: the baseline and ${plural(plan.arms.length - 1, 'arm')}…`;
    follow(j, 'one', (runs) => {
      oneRuns = runs;
      oneSig = sig;
      status.textContent = `Seed ${st.seed} done: ${runs.map((r) => `${armName(r.plan.label)} ${int(Number(r.summary.deathsPeople))} killed`).join(' · ')}.`;
      showOne(runs, plan);
      updateStale();
    });
  }

  function seedsWanted(): number | null {
    const t = seedsInput.value.trim();
    const n = Number(t);
    if (!/^\d+$/.test(t) || n < 2 || n > MAX_SEEDS) {
      seedsInput.setAttribute('aria-invalid', 'true');
      notify('error', `Seeds: got "${t}", expected a whole number from 2 to ${MAX_SEEDS} (the statistics pair seeds, and need at least 2)`, 'cmp-seeds');
      return null;
    }
    seedsInput.removeAttribute('aria-invalid');
    return n;
  }

  function startMany(): void {
    if (job || !runnable()) return;
    const n = seedsWanted();
    if (n === null) return;
    const plan = planOrSay();
    if (!plan) return;
    const st = store.state;
    const sig = sigOf(st, false);
    const total = n * plan.arms.length;
    const t0 = performance.now();
    const j = runManySeeds(plan, n, (done) => {
      progress.max = total;
      progress.value = done;
      const left = done > 0 ? ((performance.now() - t0) / done) * (total - done) : NaN;
      progressText.textContent = `${done.toLocaleString('en-US')} of ${plural(total, 'run')}${Number.isFinite(left) && done < total ? `, about ${Math.ceil(left / 1000)} s left` : ''}`;
    }, () => {
      progressText.textContent = `${plural(total, 'run')} done; computing the statistics (${plural(plan.arms.length - 1, 'arm')} against the baseline, 2,000 bootstrap resamples each)…`;
    });
    job = j;
    setBusy('many');
    status.textContent = `Running ${plural(total, 'run')}: ${plural(plan.arms.length, 'arm')} (the baseline included) at seeds 1 to ${n}…`;
    follow(j, 'many', (m) => {
      many = m;
      manySig = sig;
      status.textContent = `${plural(n, 'seed')} done (${plural(total, 'run')}).`;
      showMany(m);
      updateStale();
    });
  }

  function cancel(): void {
    const j = job;
    if (!j) return;
    j.cancel();
  }

  runOneBtn.addEventListener('click', startOne);
  runManyBtn.addEventListener('click', startMany);
  cancelBtn.addEventListener('click', cancel);
  seedsInput.addEventListener('input', () => {
    const n = Number(seedsInput.value);
    runManyBtn.textContent = Number.isInteger(n) && n >= 2 && n <= MAX_SEEDS ? `Run ${n} seeds` : 'Run the seeds';
  });
  seedsInput.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') startMany();
  });

  // ---- the baseline and the suggested comparison ------------------------------------------------

  scenarioSelect.addEventListener('change', () => store.set({ scenario: scenarioSelect.value, params: {}, schedule: [], ticks: undefined }));
  seedInput.addEventListener('change', () => store.set({ seed: seedInput.value.trim() || '1' }));
  runLink.addEventListener('click', (ev) => {
    ev.preventDefault();
    store.set({ view: 'run' }, { push: true });
  });

  function suggestedArms(s: Scenario): ArmState[] | null {
    const sc = s.suggestedComparison;
    if (!sc) return null;
    try {
      return [{ label: sc.label, changes: sc.set.map((t) => parseSetting(t, kernelDefs())).map((c) => ({ tick: c.tick, name: c.name, value: c.value })) }];
    } catch (e) {
      notify('error', `The scenario's suggested comparison cannot be read: ${(e as Error).message}`, 'cmp-suggested');
      return null;
    }
  }

  suggestedBtn.addEventListener('click', () => {
    const s = scenarioById(store.state.scenario);
    const arms = s && suggestedArms(s);
    if (!arms) return;
    store.set({ arms }, { push: true });
    runOneBtn.focus();
  });

  function syncControls(st: AppState): void {
    const isMain = st.model === DEFAULT_MODEL;
    scenarioField.hidden = !isMain;
    scenarioSelect.value = st.scenario;
    seedInput.value = st.seed;
    const ticks = runLength(st);
    const nParams = Object.keys(st.params).length;
    const nSchedule = st.schedule.length;
    const scenario = isMain ? scenarioById(st.scenario) : undefined;
    baselineText.textContent = `${scenario ? `“${scenario.title}”` : modelKernel(st.model).title}: ${plural(ticks, 'day')}${st.ticks === undefined ? ' (the scenario’s length)' : ''}; ${nParams ? plural(nParams, 'parameter') + ' set from day 0' : 'the scenario’s parameters'}; ${nSchedule ? plural(nSchedule, 'change') + ' during the run' : 'no changes during the run'}.`;
    runLink.href = `?${encodeState({ ...st, view: 'run' })}`;
    modelNote.hidden = st.model === COMPARE_MODEL;
    modelNote.textContent = `The comparison reports the outcomes of the model ${COMPARE_MODEL} (people killed, perpetrators, the leadership’s rung); the model chosen now is ${st.model}. Choose ${COMPARE_MODEL} in the Run view to compare.`;
    const sc = scenario?.suggestedComparison;
    suggested.hidden = !sc;
    if (sc && scenario) {
      suggestedQuestion.textContent = sc.question;
      suggestedArm.textContent = `One arm, “${sc.label}”: ${sc.set.join(', ')}.`;
      const want = suggestedArms(scenario);
      const same = want !== null && JSON.stringify(want) === JSON.stringify(st.arms.map((a) => ({ label: a.label, changes: a.changes.map((c) => ({ tick: c.tick, name: c.name, value: c.value })) })));
      suggestedState.textContent = same ? 'This comparison is set up below.' : '';
      suggestedBtn.textContent = same ? 'Set it up again' : 'Set up this comparison';
    }
    runOneBtn.textContent = `Run seed ${st.seed.length > 24 ? `${st.seed.slice(0, 24)}…` : st.seed}`;
    if (!job) runOneBtn.disabled = runManyBtn.disabled = !runnable();
    if (!st.arms.length && !job) status.textContent = 'Add an arm (or set up the suggested comparison) to compare.';
    else if (!job && !oneRuns && !many) status.textContent = `Ready: the baseline and ${plural(st.arms.length, 'arm')}. Nothing runs until you press Run.`;
  }

  function updateStale(): void {
    const st = store.state;
    const oneOld = oneRuns !== null && oneSig !== sigOf(st, true);
    const manyOld = many !== null && manySig !== sigOf(st, false);
    stale.hidden = !(oneOld || manyOld);
    stale.textContent = `The settings changed since ${oneOld && manyOld ? 'these runs' : oneOld ? 'the one-seed run' : 'the many-seed run'}: the results below are for the earlier settings. Run again to update them.`;
    root.dataset.stale = String(!stale.hidden);
  }

  /** Results of another scenario or model are no use: they go (and a run of them stops). */
  let shownWhere = '';
  function clearResults(): void {
    oneRuns = null;
    many = null;
    finals.replaceChildren();
    partingBox.replaceChildren();
    oneHeading.textContent = 'One seed';
    manySection.hidden = true;
    root.dataset.one = root.dataset.many = 'idle';
  }

  function refresh(st: AppState): void {
    syncControls(st);
    editor.sync(st);
    if (!built) buildCharts();
    const where = `${st.model}|${st.scenario}`;
    if (where !== shownWhere) {
      if (shownWhere !== '') {
        cancel();
        clearResults();
        syncControls(st);
      }
      shownWhere = where;
    }
    const days = runLength(st);
    if (days !== chartDays && !job) ensureCharts(days);
    else refreshMarks();
    updateStale();
  }

  store.subscribe((st) => {
    if (!visible) return;
    if (st.view !== 'compare') return;
    refresh(st);
  });

  return {
    element: root,
    show() {
      visible = true;
      root.hidden = false;
      refresh(store.state);
    },
    hide() {
      visible = false;
      root.hidden = true;
      if (job) {
        cancel();
        status.textContent = 'Cancelled: the view was left.';
      }
    },
  };
}
