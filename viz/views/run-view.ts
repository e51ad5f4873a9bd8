/**
 * The run view: pick a model and a scenario, set the seed and the parameters, then play, pause,
 * step or reset a run that the worker computes while the page draws. Charts of the day-by-day
 * observables, the population, the timeline of what the organs and the leadership did, and the
 * fourteen risk factors as a heat strip. At the end: the outcome, the results hash (the CLI's
 * for the same inputs) and the run file to save.
 */
import { COUNCIL_MEASURES, DEFAULT_MODEL, MODELS, RISK_FACTORS, RUNGS, defaultsOf, modelKernel, type ParamValue } from '../../sim/index';
import { scenarioDate } from '../../scenarios/index';
import { heatStrip, lineChart, timeline, type Chart } from '../charts/index';
import { STATE_COLOURS, gridColour, type StateKey } from '../charts/palette';
import type { HeatStripSpec, LineChartSpec, TimelineSpec } from '../charts/types';
import { csvText, download } from '../charts/export';
import { RunSession, createRunWorker } from '../engine/run-client';
import type { GridLayout } from '../engine/protocol';
import { clearNotices, notify } from '../app/notices';
import { paramsForm } from '../app/params-form';
import { resolveSpec, type ResolvedSpec } from '../app/spec';
import type { Store } from '../app/store';
import { el, labeller } from '../app/dom';
import { populationCanvas } from './population-canvas';
import { saveTools } from './save-tools';
import { runFilePanel } from './run-file';
import { scenarioInfo } from './scenario-info';
import { scenarioPicker } from './scenario-select';
import { viewFrame, type View } from './view';

/** Days per second of play; 0: as fast as the worker computes. */
const SPEEDS = [1, 5, 15, 30, 60, 120, 0] as const;
const DEFAULT_SPEED = 30;
/** Most days asked for in one request at full speed (keeps frames coming at animation rate). */
const MAX_CHUNK = 8;

/** The timeline's lanes, by the actor names the engine logs (others are added after these). */
const LANES: readonly [string, string][] = [
  ['trigger', 'trigger events'],
  ['leadership', 'leadership'],
  ['secretariat', 'Secretariat'],
  ['council', 'Security Council'],
  ['assembly', 'General Assembly'],
  ['hrc', 'Human Rights Council'],
  ['pbc', 'Peacebuilding Commission'],
  ['peacekeepers', 'peacekeepers'],
  ['mediators', 'mediators'],
  ['user', 'your changes'],
  ['outcome', 'outcome'],
];

const labelled = labeller('run-field');

/** A legend entry: a colour swatch and its words. */
function swatchItem(colour: string, label: string): HTMLLIElement {
  const li = el('li');
  const sw = el('span', { cls: 'swatch', attrs: { 'aria-hidden': 'true' } });
  sw.style.backgroundColor = colour; // the CSSOM, which the page's CSP allows
  li.append(sw, document.createTextNode(label));
  return li;
}

export function runView(store: Store): View {
  const { root, side, out } = viewFrame('run', 'Run', 'Run settings');

  // ---- controls ---------------------------------------------------------------------------------
  const modelSelect = el('select');
  for (const m of MODELS) modelSelect.append(new Option(m.title, m.id));
  const scenarioSelect = scenarioPicker();
  const scenarioField = labelled('Scenario', scenarioSelect);
  const infoSlot = el('div', { cls: 'scenario-slot' });
  const seedInput = el('input', { attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' } });
  const ticksInput = el('input', { attrs: { type: 'number', min: '1', step: '1' } });
  const seedRow = el('div', { cls: 'row' });
  seedRow.append(
    labelled('Seed', seedInput, 'The same seed and settings give the same run, here and in the command line tool.'),
    labelled('Days', ticksInput, 'Leave empty for the scenario’s own length.'),
  );

  const playBtn = el('button', { text: 'Play', cls: 'primary', attrs: { type: 'button', 'aria-pressed': 'false' } });
  const stepBtn = el('button', { text: 'Step a day', attrs: { type: 'button' } });
  const endBtn = el('button', { text: 'Run to the end', attrs: { type: 'button' } });
  const resetBtn = el('button', { text: 'Reset', attrs: { type: 'button' } });
  const speedSelect = el('select');
  for (const s of SPEEDS) speedSelect.append(new Option(s === 0 ? 'as fast as possible' : `${s} days a second`, String(s)));
  speedSelect.value = String(DEFAULT_SPEED);
  const transport = el('div', { cls: 'transport', attrs: { role: 'group', 'aria-label': 'Playback' } });
  transport.append(playBtn, stepBtn, endBtn, resetBtn);

  const paramsSlot = el('div', { cls: 'params-slot' });
  // The parameters fold away; open beside the charts on a wide screen, closed above them on a narrow one.
  const paramsBox = el('details', { cls: 'params-box' });
  paramsBox.open = globalThis.matchMedia?.('(min-width: 52rem)').matches ?? true;
  paramsBox.append(el('summary', { text: 'Parameters' }), paramsSlot);
  side.append(labelled('Model', modelSelect), scenarioField, infoSlot, seedRow, transport, labelled('Speed', speedSelect), paramsBox);

  // ---- outputs ----------------------------------------------------------------------------------
  const status = el('p', { cls: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const result = el('div', { cls: 'result' });
  const hashText = el('code', { cls: 'hash' });
  const saveBtn = el('button', { text: 'Save the run file', attrs: { type: 'button' } });
  saveBtn.disabled = true;
  const csvBtn = el('button', { text: 'Save the series as CSV', attrs: { type: 'button' } });
  result.append(el('span', { text: 'Results hash: ' }), hashText, saveBtn, csvBtn);
  const popFigure = el('figure', { cls: 'panel population' });
  const popCaption = el('figcaption', { text: 'The population, region by region' });
  const legend = el('ul', { cls: 'legend', attrs: { 'aria-label': 'Agent states' } });
  for (const k of Object.keys(STATE_COLOURS) as StateKey[]) legend.append(swatchItem(STATE_COLOURS[k].colour, STATE_COLOURS[k].label));
  for (const [cls, text] of [
    ['overlay-peacekeepers', 'outlined: peacekeepers present'],
    ['overlay-safe', 'dashed: declared safe area'],
    ['overlay-fallen', 'crossed: base or safe area fallen'],
  ]) {
    const li = el('li');
    li.append(el('span', { cls: `swatch ${cls}`, attrs: { 'aria-hidden': 'true' } }), document.createTextNode(text));
    legend.append(li);
  }
  // A grid model's legend: its cell categories, made when its run opens.
  const gridLegend = el('ul', { cls: 'legend', attrs: { 'aria-label': 'Cells' } });
  let gridLegendFor: GridLayout | null = null;
  const popSlot = el('div', { cls: 'canvas-slot' });
  popFigure.append(popCaption, popSlot, legend, gridLegend);
  const canvas = populationCanvas(popSlot, 'Agents coloured by state, grouped by region');

  /** The population: the main model's regions, or a grid model's cells. */
  function drawPopulation(s: RunSession): void {
    const grid = s.grid;
    popFigure.hidden = !s.layout && !grid;
    legend.hidden = !s.layout;
    gridLegend.hidden = !grid;
    if (s.layout && s.population) {
      popCaption.textContent = 'The population, region by region';
      canvas.element.setAttribute('aria-label', 'Agents coloured by state, grouped by region');
      canvas.draw(s.layout, s.population);
    } else if (grid && s.cells) {
      if (gridLegendFor !== grid) {
        gridLegendFor = grid;
        gridLegend.replaceChildren(...grid.categories.map((c) => swatchItem(gridColour(c.key), c.label)));
        popCaption.textContent = `The grid, ${grid.width} by ${grid.height} cells`;
        canvas.element.setAttribute('aria-label', `A grid of ${grid.width} by ${grid.height} cells coloured by what is on each`);
      }
      canvas.drawGrid(grid.width, grid.height, s.cells, grid.categories.map((c) => gridColour(c.key)));
    }
  }
  const charts = el('div', { cls: 'charts' });
  const timelineSlot = el('div', { cls: 'panel wide' });
  const riskSlot = el('div', { cls: 'panel wide' });
  out.append(status, result, runFilePanel(store), popFigure, charts, timelineSlot, riskSlot);

  // ---- run state --------------------------------------------------------------------------------
  const worker = createRunWorker();
  let session: RunSession | null = null;
  let resolved: ResolvedSpec | null = null;
  let playing = false;
  let dirty = false;
  let lastFrame = 0;
  let owed = 0;
  let visible = false;
  let generation = 0;
  let form: ReturnType<typeof paramsForm> | null = null;
  let formModel = '';
  const lineCharts = new Map<string, Chart<LineChartSpec>>();
  let timelineChart: Chart<TimelineSpec> | null = null;
  let riskChart: Chart<HeatStripSpec> | null = null;

  function chartSpecs(s: RunSession): LineChartSpec[] {
    const v = (name: string) => s.values.get(name);
    const line = (key: string, label: string) => ({ key, label, values: v(key)!, length: s.day });
    const has = (name: string) => s.values.has(name);
    const days = s.ticks;
    if (s.model !== DEFAULT_MODEL) {
      // Other models: every series on its own chart, by unit.
      return s.series.map((x) => ({ title: x.description || x.name, yLabel: x.name, unit: x.unit, days, lines: [line(x.name, x.name)] }));
    }
    const specs: LineChartSpec[] = [
      { title: 'People killed', yLabel: 'killed so far', unit: 'people', days, lines: [line('deathsPeople', 'killed so far')] },
      {
        title: 'What the population does',
        yLabel: 'agents',
        unit: 'agents',
        days,
        lines: [line('perpetrators', 'joined the perpetrators'), line('resisting', 'resisting'), line('displaced', 'fled (both groups)'), ...(has('displacedTargeted') ? [line('displacedTargeted', 'fled, of the targeted group')] : []), line('protected', 'sheltering under protection')],
      },
      { title: 'The leadership’s rung', yLabel: 'rung', unit: '0-4', days, step: true, yDomain: [0, 4], yTickNames: RUNGS, lines: [line('rung', 'rung')] },
      {
        title: 'Motive against expected cost',
        yLabel: 'index',
        unit: 'index',
        days,
        lines: [line('motive', 'motive to escalate'), line('expectedCost', 'expected cost'), line('opportunity', 'opportunity')],
      },
      {
        title: 'Risk and its warning',
        yLabel: 'index',
        unit: 'index',
        days,
        lines: [line('trueRisk', 'true risk'), line('signal', 'early-warning signal'), line('councilPerceivedRisk', 'risk the Council sees'), line('legitimacy', 'UN legitimacy')],
      },
      { title: 'Security Council', yLabel: 'highest measure', unit: 'code 0-6', days, step: true, yDomain: [0, 6], yTickNames: COUNCIL_MEASURES, lines: [line('councilLevel', 'highest measure adopted')] },
    ];
    return specs.filter((c) => c.lines.every((l) => has(l.key)));
  }

  function timelineSpec(s: RunSession): TimelineSpec {
    const known = new Map(LANES);
    const lanes = LANES.filter(([k]) => s.events.some((e) => e.actor === k)).map(([, t]) => t);
    for (const e of s.events) if (!known.has(e.actor) && !lanes.includes(e.actor)) lanes.push(e.actor);
    return {
      title: 'What happened, day by day',
      days: s.ticks,
      lanes,
      events: s.events.map((e) => ({ day: e.tick, lane: known.get(e.actor) ?? e.actor, label: `${e.action}${e.detail ? `: ${e.detail}` : ''}` })),
      ...(s.values.has('rung') ? { rung: { values: s.values.get('rung')!, length: s.day, names: RUNGS } } : {}),
    };
  }

  function riskSpec(s: RunSession): HeatStripSpec {
    return {
      title: 'The fourteen risk factors of the UN Framework of Analysis',
      rows: RISK_FACTORS.filter((f) => s.values.has(f.id)).map((f, i) => ({ key: f.id, label: `${i + 1}. ${f.name}`, values: s.values.get(f.id)! })),
      days: s.ticks,
      length: s.day,
      domain: [0, 1],
      valueLabel: 'risk (index 0-1)',
    };
  }

  function drawAll(): void {
    const s = session;
    if (!s) return;
    for (const spec of chartSpecs(s)) {
      const existing = lineCharts.get(spec.title);
      if (existing) existing.update(spec);
      else {
        const panel = el('div', { cls: 'panel' });
        const slot = el('div');
        const chart = lineChart(slot, spec);
        panel.append(slot, saveTools(spec.title, () => chart, () => fileBase(spec.title)));
        charts.append(panel);
        lineCharts.set(spec.title, chart);
      }
    }
    if (s.model === DEFAULT_MODEL) {
      const t = timelineSpec(s);
      if (timelineChart) timelineChart.update(t);
      else {
        const slot = el('div');
        timelineChart = timeline(slot, t);
        const chart = timelineChart;
        timelineSlot.append(slot, saveTools(t.title, () => chart, () => fileBase('timeline')));
      }
      const r = riskSpec(s);
      if (riskChart) riskChart.update(r);
      else {
        const slot = el('div');
        riskChart = heatStrip(slot, r);
        const chart = riskChart;
        riskSlot.append(slot, saveTools(r.title, () => chart, () => fileBase('risk-factors')));
      }
    }
    drawPopulation(s);
    timelineSlot.hidden = riskSlot.hidden = s.model !== DEFAULT_MODEL;
    updateStatus();
  }

  function updateStatus(): void {
    const s = session;
    if (!s) {
      status.textContent = 'Not running.';
      return;
    }
    const date = resolved?.scenario ? scenarioDate(resolved.scenario, s.day) : null;
    const parts = [`Day ${s.day} of ${s.ticks}${date ? ` (${date})` : ''}`];
    if (s.model === DEFAULT_MODEL && s.day > 0) {
      const killed = s.values.get('deathsPeople')![s.day - 1];
      parts.push(`${Math.round(killed).toLocaleString('en')} people killed`);
      const rung = s.values.get('rung')![s.day - 1];
      parts.push(`leadership: ${RUNGS[rung] ?? rung}`);
    }
    if (s.done) parts.push(`finished: ${String((s.done.summary as { outcome?: string }).outcome ?? 'done')}`);
    status.textContent = `${parts.join(' · ')}.`;
    hashText.textContent = s.done ? s.done.hash : 'when the run ends';
    root.dataset.hash = s.done?.hash ?? '';
    root.dataset.day = String(s.day);
    saveBtn.disabled = !s.done;
  }

  function setPlaying(on: boolean): void {
    playing = on;
    playBtn.textContent = on ? 'Pause' : 'Play';
    playBtn.setAttribute('aria-pressed', String(on));
    if (on) {
      lastFrame = performance.now();
      owed = 0;
      requestAnimationFrame(tick);
    }
  }

  async function advance(days: number): Promise<void> {
    const s = session;
    if (!s || s.busy || s.finished) return;
    const g = generation;
    try {
      await s.advance(days);
    } catch (e) {
      if (g === generation) notify('error', `The run stopped: ${(e as Error).message}`, 'run');
      setPlaying(false);
      return;
    }
    if (g !== generation) return;
    dirty = true;
    if (s.finished) setPlaying(false);
    if (!playing) requestAnimationFrame(tick);
  }

  function tick(now: number): void {
    if (dirty) {
      dirty = false;
      drawAll();
    }
    if (!playing || !visible) return;
    const speed = Number(speedSelect.value);
    const s = session;
    if (s && !s.busy && !s.finished) {
      if (speed === 0) void advance(MAX_CHUNK);
      else {
        owed += ((now - lastFrame) / 1000) * speed;
        const days = Math.floor(owed);
        if (days >= 1) {
          owed -= days;
          void advance(Math.min(days, Math.max(MAX_CHUNK, speed)));
        }
      }
    }
    lastFrame = now;
    requestAnimationFrame(tick);
  }

  /** Start a new run from the store's state (day 0, paused unless it was playing). */
  async function restart(): Promise<void> {
    const wasPlaying = playing;
    setPlaying(false);
    generation++;
    const g = generation;
    session?.close();
    session = null;
    clearNotices('run');
    const state = store.state;
    try {
      resolved = resolveSpec(state);
    } catch (e) {
      resolved = null;
      notify('error', `These settings cannot run: ${(e as Error).message}`, 'run');
      updateStatus();
      return;
    }
    syncControls();
    try {
      const s = await RunSession.open(worker, resolved.spec, resolved.scenario?.id);
      if (g !== generation) {
        s.close();
        return;
      }
      session = s;
    } catch (e) {
      if (g === generation) notify('error', `These settings cannot run: ${(e as Error).message}`, 'run');
      return;
    }
    // A new model or run length: rebuild the charts.
    for (const c of charts.querySelectorAll('.panel')) c.remove();
    lineCharts.clear();
    timelineSlot.replaceChildren();
    riskSlot.replaceChildren();
    timelineChart = riskChart = null;
    dirty = true;
    requestAnimationFrame(tick);
    if (wasPlaying) setPlaying(true);
  }

  function syncControls(): void {
    const st = store.state;
    modelSelect.value = st.model;
    scenarioField.hidden = infoSlot.hidden = st.model !== DEFAULT_MODEL;
    scenarioSelect.value = st.scenario;
    seedInput.value = st.seed;
    ticksInput.value = st.ticks === undefined ? '' : String(st.ticks);
    ticksInput.placeholder = resolved?.spec.ticks !== undefined ? String(resolved.spec.ticks) : String(modelKernel(st.model).defaultTicks);
    infoSlot.replaceChildren(...(resolved?.scenario ? [scenarioInfo(resolved.scenario)] : []));
    const kernel = modelKernel(st.model);
    const base: Record<string, ParamValue> = { ...defaultsOf(kernel.params), ...(resolved?.base ?? {}) };
    const values = { ...base, ...(resolved?.spec.params as Record<string, ParamValue>) };
    if (!form || formModel !== st.model) {
      paramsSlot.replaceChildren();
      formModel = st.model;
      form = paramsForm(paramsSlot, {
        defs: kernel.params,
        values,
        base,
        origin: (name) => resolved?.origin(name),
        baseLabel: st.model === DEFAULT_MODEL ? "Scenario's value" : 'Default',
        onChange: (name, value) => {
          const params = { ...store.state.params };
          if (value === undefined) delete params[name];
          else params[name] = value;
          store.set({ params });
        },
      });
    } else form.update(values, base);
  }

  // ---- wiring -----------------------------------------------------------------------------------
  modelSelect.addEventListener('change', () => store.set({ model: modelSelect.value, params: {}, schedule: [], ticks: undefined }));
  scenarioSelect.addEventListener('change', () => store.set({ scenario: scenarioSelect.value, params: {}, schedule: [], ticks: undefined }));
  seedInput.addEventListener('change', () => store.set({ seed: seedInput.value.trim() || '1' }));
  ticksInput.addEventListener('change', () => {
    const t = ticksInput.value.trim();
    const n = Number(t);
    if (t === '') store.set({ ticks: undefined });
    else if (Number.isInteger(n) && n >= 1) store.set({ ticks: n });
    else notify('error', `Days: got "${t}", expected a whole number of days from 1`, 'ticks');
  });
  playBtn.addEventListener('click', () => {
    if (session?.finished) return;
    setPlaying(!playing);
  });
  stepBtn.addEventListener('click', () => {
    setPlaying(false);
    void advance(1);
  });
  endBtn.addEventListener('click', () => {
    speedSelect.value = '0';
    setPlaying(true);
  });
  resetBtn.addEventListener('click', () => void restart());
  /** Files are named for the run: scenario (or model), seed, and what they hold. */
  function fileBase(what: string): string {
    const label = resolved?.scenario?.id ?? session?.model ?? 'run';
    return `${label}-seed${store.state.seed}-${what}`.replace(/[^A-Za-z0-9._-]+/g, '-');
  }
  // The day-by-day series so far, one row a day (tidy enough for any spreadsheet or data frame).
  csvBtn.addEventListener('click', () => {
    const s = session;
    if (!s || s.day === 0) return;
    const names = s.series.map((x) => x.name);
    const rows = Array.from({ length: s.day }, (_, d) => [d, ...names.map((n) => s.values.get(n)![d])]);
    download(new Blob([csvText(['day', ...names], rows)], { type: 'text/csv' }), `${fileBase('series')}.csv`);
  });
  saveBtn.addEventListener('click', () => {
    const s = session;
    if (!s?.done) return;
    const name = `${resolved?.scenario?.id ?? s.model}-seed${store.state.seed}.run.json`;
    download(new Blob([s.done.runFile], { type: 'application/json' }), name);
  });
  store.subscribe((st, prev) => {
    if (st.view !== 'run') return;
    const same = st.model === prev.model && st.scenario === prev.scenario && st.seed === prev.seed && st.ticks === prev.ticks && st.params === prev.params && st.schedule === prev.schedule;
    if (!same || !session) void restart();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) setPlaying(false);
  });

  return {
    element: root,
    show() {
      visible = true;
      root.hidden = false;
      if (!session) void restart();
    },
    hide() {
      visible = false;
      root.hidden = true;
      setPlaying(false);
    },
  };
}
