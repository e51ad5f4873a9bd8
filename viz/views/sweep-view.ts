/**
 * The sweep view. Define a small sweep over the Run view's settings (two factors on a grid,
 * replicates, seeds as the CLI seeds them) and run it on every core, watching a heatmap fill in
 * cell by cell and lines over the first factor with their 90% bands; or open the result files of
 * `r2p-sim sweep` (runs.csv or runs.parquet, with design.json, summary.csv, manifest.json, and the
 * saved output of `sensitivity` and `discover`) and see them the same way. A sweep defined here is
 * a sweep file: saved as sweep.json, the CLI runs exactly the same runs (sweep-build.ts). Export:
 * the charts as SVG or PNG, the runs as the CLI's runs.csv, the sweep as sweep.json.
 *
 * The heavy tools (the sweep file's validator, the Parquet reader, the analyses) load when the
 * view is first shown (sweep-core.ts).
 */
import { DEFAULT_MODEL, MODELS, modelKernel, parseSeed, type ParamDef } from '../../sim/index';
import { scenarioTicks } from '../../scenarios/index';
import { scenarioById } from '../app/scenarios';
import { perFrame } from '../charts/live';
import { heatmap, sweepLines, svgText, svgToPngBlob, download, type Chart, type HeatmapSpec, type SweepLinesSpec } from '../charts/index';
import { Cancelled, POOL_SIZE, runBatch, type BatchJob, type BatchRun } from '../engine/pool';
import { clearNotices, notify } from '../app/notices';
import type { Store } from '../app/store';
import type { AppState } from '../app/state';
import { el, labeller } from '../app/dom';
import { viewFrame, type View } from './view';
import { axisOf, bandText, cellGrid, factorLabel, levelText, outcomeAxis, runsCsv, type CellGrid, type Level, type Selection, type SweepData } from './sweep-data';
import type * as Core from './sweep-core';
import type { DesignFile, Discovery, OutcomeSensitivity, RunsTable } from '../../analysis/sweep/analyse';

type CoreModule = typeof Core;

const labelled = labeller('sweep-field');

function button(text: string, cls?: string): HTMLButtonElement {
  return el('button', { text, cls, attrs: { type: 'button' } });
}

/** A chart's figure: the slot it is drawn in, and buttons that save it ("Save the `what` as SVG", "... as PNG"). */
function chartFigure(what: string): { figure: HTMLElement; slot: HTMLElement; svgBtn: HTMLButtonElement; pngBtn: HTMLButtonElement } {
  const figure = el('figure', { cls: 'panel sweep-figure' });
  const slot = el('div', { cls: 'sweep-chart-slot' });
  const actions = el('div', { cls: 'sweep-actions' });
  const svgBtn = button(`Save the ${what} as SVG`);
  const pngBtn = button(`Save the ${what} as PNG`);
  actions.append(svgBtn, pngBtn);
  figure.append(slot, actions);
  return { figure, slot, svgBtn, pngBtn };
}

/** Results on show: the sweep run here, or the files opened. */
interface Shown {
  readonly kind: 'browser' | 'files';
  readonly data: SweepData;
  /** A name for the files saved from it. */
  readonly base: string;
  /** The design and the runs as text cells, for the analyses (null: not available). */
  readonly design: DesignFile | null;
  table(): RunsTable | null;
  readonly sensitivity: { readonly file: string; readonly result: readonly OutcomeSensitivity[] }[];
  readonly discovery: { readonly file: string; readonly result: Discovery }[];
  sel: Selection;
}

/** One factor's controls in the form. */
interface FactorControls {
  readonly box: HTMLFieldSetElement;
  readonly param: HTMLSelectElement;
  readonly levels: HTMLElement;
  readonly hint: HTMLElement;
  from?: HTMLInputElement;
  to?: HTMLInputElement;
  steps?: HTMLInputElement;
  checks?: HTMLInputElement[];
}

const NONE = '';

export function sweepView(store: Store): View {
  const { root, side, out } = viewFrame('sweep', 'Sweep', 'Sweep settings and result files', 'sweep');
  root.dataset.state = 'idle';

  // ---- the form ---------------------------------------------------------------------------------
  const form = el('form', { cls: 'sweep-form', attrs: { 'aria-labelledby': 'sweep-define-title', novalidate: '' } });
  form.append(el('h3', { text: 'Define a sweep', attrs: { id: 'sweep-define-title' } }));
  const baseline = el('div', { cls: 'sweep-baseline' });
  const factorBoxes = [factorControls('Factor 1: the x axis'), factorControls('Factor 2: one line per value')];
  const replicatesInput = el('input', { attrs: { type: 'number', min: '1', max: '1000', step: '1', value: '4', inputmode: 'numeric' } });
  const seedInput = el('input', { attrs: { type: 'number', step: '1', inputmode: 'numeric' } });
  const policySelect = el('select');
  policySelect.append(new Option('common (base + replicate)', 'common'), new Option('independent (one per run)', 'independent'));
  const countText = el('p', { cls: 'sweep-count', attrs: { 'aria-live': 'polite' } });
  const runBtn = el('button', { text: 'Run the sweep', cls: 'primary', attrs: { type: 'submit' } });
  const saveSweepBtn = button('Save sweep.json');
  const formActions = el('div', { cls: 'transport' });
  formActions.append(runBtn, saveSweepBtn);
  const seedRow = el('div', { cls: 'row' });
  seedRow.append(
    labelled('Replicates', replicatesInput, 'Runs per point.'),
    labelled('Base seed', seedInput, 'Replicate 1 at each point is the Run view’s run there.'),
  );
  form.append(baseline, factorBoxes[0].box, factorBoxes[1].box, seedRow, labelled('Seeds', policySelect, 'As the command line tool seeds a sweep: common gives replicate k the seed base + k at every point; independent gives every run its own seed, from base, point and replicate.'), countText, formActions);
  side.append(form);

  // ---- opening files ----------------------------------------------------------------------------
  const openBox = el('section', { cls: 'sweep-open', attrs: { 'aria-labelledby': 'sweep-open-title' } });
  openBox.append(el('h3', { text: 'Open results', attrs: { id: 'sweep-open-title' } }));
  const fileInput = el('input', { cls: 'visually-hidden', attrs: { type: 'file', multiple: '', accept: '.csv,.parquet,.json,.jsonl,text/csv,application/json', id: 'sweep-file-input' } });
  const fileLabel = el('label', { text: 'Open result files…', cls: 'button-like', attrs: { for: 'sweep-file-input' } });
  const dirInput = el('input', { cls: 'visually-hidden', attrs: { type: 'file', multiple: '', webkitdirectory: '', id: 'sweep-dir-input' } });
  const dirLabel = el('label', { text: 'Open a results folder…', cls: 'button-like', attrs: { for: 'sweep-dir-input' } });
  const openRow = el('div', { cls: 'transport' });
  openRow.append(fileInput, fileLabel, dirInput, dirLabel);
  const openHint = el('p', {
    cls: 'hint',
    text: 'The files r2p-sim sweep writes: runs.csv or runs.parquet, with design.json, summary.csv and manifest.json, and the output of r2p-sim sensitivity or discover saved with --json or --csv. Pick several at once, or drop them on this page. They are read here and go nowhere.',
  });
  const fileReport = el('ul', { cls: 'sweep-files', attrs: { 'aria-label': 'Files read' } });
  openBox.append(openRow, openHint, fileReport);
  side.append(openBox);

  // ---- outputs ----------------------------------------------------------------------------------
  const progressBox = el('div', { cls: 'sweep-progress', attrs: { role: 'group', 'aria-label': 'Progress of the sweep' } });
  const progress = el('progress', { attrs: { max: '1', value: '0', 'aria-label': 'Runs done' } });
  const countDone = el('span', { cls: 'sweep-done', text: 'No sweep run yet.' });
  const cancelBtn = button('Cancel');
  cancelBtn.disabled = true;
  progressBox.append(progress, countDone, cancelBtn);
  progressBox.hidden = true;
  const status = el('p', { cls: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const intro = el('p', {
    cls: 'sweep-intro',
    text: 'Choose two settings and their values on the left and run the sweep: every combination is run with several seeds, and the outcome is shown here as a heatmap and as lines. Or open the results of a sweep run with the command line tool.',
  });

  const pick = el('div', { cls: 'sweep-pick', attrs: { role: 'group', 'aria-label': 'What the charts show' } });
  const shownSelect = el('select');
  const outcomeSelect = el('select');
  const xSelect = el('select');
  const ySelect = el('select');
  const holdBox = el('div', { cls: 'sweep-hold' });
  const shownField = labelled('Results', shownSelect);
  pick.append(shownField, labelled('Outcome', outcomeSelect), labelled('x axis (lines over it)', xSelect), labelled('y axis (one line per value)', ySelect), holdBox);

  const heatFigure = chartFigure('heatmap');
  const linesFigure = chartFigure('lines');
  const figures = el('div', { cls: 'sweep-figures' });
  figures.append(heatFigure.figure, linesFigure.figure);

  const dataBox = el('div', { cls: 'sweep-data' });
  const csvBtn = button('Save the runs as runs.csv');
  const tableBox = el('details', { cls: 'sweep-values' });
  tableBox.append(el('summary', { text: 'The values as a table' }));
  const valuesTable = el('table', { cls: 'sweep-table' });
  tableBox.append(valuesTable);
  dataBox.append(csvBtn, tableBox);

  const analyses = el('section', { cls: 'sweep-analyses', attrs: { 'aria-labelledby': 'sweep-analyses-title' } });
  const analysesTitle = el('h3', { text: 'Sensitivity and scenario discovery', attrs: { id: 'sweep-analyses-title' } });
  const analysesTools = el('div', { cls: 'sweep-analyses-tools' });
  const sensBtn = button('Compute the sensitivity here');
  const condInput = el('input', { attrs: { type: 'text', spellcheck: 'false', autocomplete: 'off', value: 'massAtrocity == 1' } });
  const discoverBtn = button('Find the boxes (PRIM)');
  const condField = labelled('Condition for scenario discovery', condInput, 'An expression over a run’s columns, e.g. massAtrocity == 1 or deathsPeople > 1000.');
  const condRow = el('div', { cls: 'sweep-cond' });
  condRow.append(condField, discoverBtn);
  analysesTools.append(sensBtn, condRow);
  const analysesOut = el('div', { cls: 'sweep-analyses-out' });
  analyses.append(analysesTitle, analysesTools, analysesOut);

  const results = el('div', { cls: 'sweep-results' });
  results.append(pick, figures, dataBox);
  results.hidden = true;
  analyses.hidden = true;
  out.append(progressBox, status, intro, results, analyses);

  // ---- state ------------------------------------------------------------------------------------
  let core: CoreModule | null = null;
  let loading: Promise<CoreModule | null> | null = null;
  let formModel = '';
  let formSeed = '';
  let browser: Shown | null = null;
  let opened: Shown | null = null;
  let openedFiles: Core.ResultFile[] = [];
  let current: 'browser' | 'files' = 'browser';
  let heatChart: Chart<HeatmapSpec> | null = null;
  let linesChart: Chart<SweepLinesSpec> | null = null;
  let batch: BatchRun | null = null;
  let generation = 0;
  let visible = false;

  /** On a narrow screen the results are below the form: bring them into view. */
  const reveal = (target: HTMLElement) => {
    if (globalThis.matchMedia?.('(max-width: 52rem)').matches) target.scrollIntoView({ block: 'start' });
  };

  const shown = (): Shown | null => (current === 'files' ? opened : browser) ?? browser ?? opened;

  function loadCore(): Promise<CoreModule | null> {
    loading ??= import('./sweep-core').then(
      (m) => (core = m),
      (e: unknown) => {
        notify('error', `The sweep tools could not be loaded: ${(e as Error).message}`, 'sweep-load');
        loading = null;
        return null;
      },
    );
    return loading;
  }

  // ---- the form's factors -----------------------------------------------------------------------
  function factorControls(legend: string): FactorControls {
    const box = el('fieldset', { cls: 'sweep-factor' });
    box.append(el('legend', { text: legend }));
    const param = el('select');
    const f: FactorControls = { box, param, levels: el('div', { cls: 'sweep-levels' }), hint: el('small', { cls: 'hint' }) };
    const field = labelled('Parameter', param);
    box.append(field, f.hint, f.levels);
    param.addEventListener('change', () => {
      buildLevels(f);
      updateCount();
    });
    return f;
  }

  function defsOf(model: string): readonly ParamDef[] {
    return modelKernel(model).params;
  }

  function fillParams(f: FactorControls, model: string, optional: boolean, preferred: string): void {
    f.param.replaceChildren();
    if (optional) f.param.append(new Option('(none: one factor only)', NONE));
    const groups = new Map<string, ParamDef[]>();
    for (const d of defsOf(model)) {
      const list = groups.get(d.group) ?? [];
      list.push(d);
      groups.set(d.group, list);
    }
    for (const [g, list] of groups) {
      const og = el('optgroup', { attrs: { label: g } });
      for (const d of list) {
        const o = new Option(d.unit ? `${d.name} (${d.unit})` : d.name, d.name);
        o.title = d.description;
        og.append(o);
      }
      f.param.append(og);
    }
    f.param.value = preferred;
    if (f.param.value !== preferred) f.param.selectedIndex = optional ? 1 : 0;
    buildLevels(f);
  }

  function buildLevels(f: FactorControls): void {
    f.levels.replaceChildren();
    f.from = f.to = f.steps = undefined;
    f.checks = undefined;
    const d = defsOf(store.state.model).find((x) => x.name === f.param.value);
    f.box.classList.toggle('sweep-factor-none', !d);
    if (!d) {
      f.hint.textContent = 'Only the first factor varies: the heatmap has one row and the chart one line.';
      return;
    }
    if (d.kind === 'number' || d.kind === 'integer') {
      f.hint.textContent = `${d.description} From ${levelText(d.min)} to ${levelText(d.max)}${d.unit ? ` ${d.unit}` : ''}${d.kind === 'integer' ? ', whole numbers' : ''}.`;
      const step = d.kind === 'integer' ? '1' : 'any';
      f.from = el('input', { attrs: { type: 'number', step, min: String(d.min), max: String(d.max), value: String(d.min) } });
      f.to = el('input', { attrs: { type: 'number', step, min: String(d.min), max: String(d.max), value: String(d.max) } });
      f.steps = el('input', { attrs: { type: 'number', step: '1', min: '2', max: String(core?.MAX_STEPS ?? 25), value: '3' } });
      const row = el('div', { cls: 'row' });
      row.append(labelled('From', f.from), labelled('To', f.to), labelled('Steps', f.steps));
      f.levels.append(row);
      for (const i of [f.from, f.to, f.steps]) i.addEventListener('input', updateCount);
    } else {
      const values: (string | boolean)[] = d.kind === 'enum' ? [...d.values] : [false, true];
      f.hint.textContent = `${d.description} Tick the values to run (at least two).`;
      const list = el('div', { cls: 'sweep-checks', attrs: { role: 'group', 'aria-label': `Values of ${d.name}` } });
      f.checks = values.map((v) => {
        const c = el('input', { attrs: { type: 'checkbox', value: String(v) } });
        c.checked = true;
        c.addEventListener('change', updateCount);
        const lab = el('label', { cls: 'sweep-check' });
        lab.append(c, document.createTextNode(` ${String(v)}`));
        list.append(lab);
        return c;
      });
      f.levels.append(list);
    }
  }

  /** The form's factor, or an error message naming what is wrong. */
  function readFactor(f: FactorControls, which: string): Core.FactorChoice | string | null {
    const d = defsOf(store.state.model).find((x) => x.name === f.param.value);
    if (!d) return null;
    if (f.checks) {
      const levels = f.checks.filter((c) => c.checked).map((c) => (d.kind === 'boolean' ? c.value === 'true' : c.value));
      if (levels.length < 2) return `${which} (${d.name}): tick at least two values`;
      return { param: d.name, levels };
    }
    const from = Number(f.from!.value);
    const to = Number(f.to!.value);
    const steps = Number(f.steps!.value);
    const max = core?.MAX_STEPS ?? 25;
    if (f.from!.value.trim() === '' || !Number.isFinite(from)) return `${which} (${d.name}): From: got "${f.from!.value}", expected a number`;
    if (f.to!.value.trim() === '' || !Number.isFinite(to)) return `${which} (${d.name}): To: got "${f.to!.value}", expected a number`;
    if (!(from < to)) return `${which} (${d.name}): From ${from} and To ${to}: expected From below To`;
    if (!Number.isInteger(steps) || steps < 2 || steps > max) return `${which} (${d.name}): Steps: got "${f.steps!.value}", expected a whole number from 2 to ${max}`;
    return { param: d.name, from, to, steps };
  }

  function readChoice(): Core.SweepChoice | string {
    const a = readFactor(factorBoxes[0], 'Factor 1');
    if (a === null) return 'Factor 1: choose a parameter';
    if (typeof a === 'string') return a;
    const b = readFactor(factorBoxes[1], 'Factor 2');
    if (typeof b === 'string') return b;
    if (b && b.param === a.param) return `Factor 2: ${b.param} is already factor 1; choose another parameter, or none`;
    const replicates = Number(replicatesInput.value);
    if (!Number.isInteger(replicates) || replicates < 1 || replicates > 1000) return `Replicates: got "${replicatesInput.value}", expected a whole number from 1 to 1,000`;
    const base = Number(seedInput.value);
    if (seedInput.value.trim() === '' || !Number.isSafeInteger(base)) return `Base seed: got "${seedInput.value}", expected a whole number`;
    return {
      factors: b ? [a, b] : [a],
      replicates,
      seeds: { policy: policySelect.value === 'independent' ? 'independent' : 'common', base },
      outcome: store.state.model === DEFAULT_MODEL ? 'massAtrocity' : undefined,
    };
  }

  function levelsCount(c: Core.FactorChoice): number {
    return c.levels ? c.levels.length : (c.steps ?? 0);
  }

  function updateCount(): void {
    const c = readChoice();
    if (typeof c === 'string') {
      countText.textContent = c;
      countText.classList.add('sweep-count-bad');
      return;
    }
    countText.classList.remove('sweep-count-bad');
    const points = c.factors.reduce((n, f) => n * levelsCount(f), 1);
    const runs = points * c.replicates;
    const max = core?.MAX_BROWSER_RUNS ?? 20_000;
    countText.textContent = `${c.factors.map(levelsCount).join(' × ')} point${points === 1 ? '' : 's'} × ${c.replicates} replicate${c.replicates === 1 ? '' : 's'} = ${runs.toLocaleString('en')} runs, on ${POOL_SIZE} worker${POOL_SIZE === 1 ? '' : 's'}.${runs > max ? ` More than the ${max.toLocaleString('en')} the app runs: save sweep.json and run it with r2p-sim sweep.` : ''}`;
    countText.classList.toggle('sweep-count-bad', runs > max);
  }

  function baselineText(st: AppState): void {
    baseline.replaceChildren();
    const isMain = st.model === DEFAULT_MODEL;
    const sc = isMain ? scenarioById(st.scenario) : undefined;
    const days = st.ticks ?? (sc ? scenarioTicks(sc) : modelKernel(st.model).defaultTicks);
    const changed = [...Object.entries(st.params).map(([k, v]) => `${k} = ${String(v)}`), ...st.schedule.map((c) => `${c.name} = ${String(c.value)} from day ${c.tick}`)];
    const p = el('p');
    p.append(
      el('strong', { text: 'Over the Run view’s settings: ' }),
      document.createTextNode(
        `${MODELS.find((m) => m.id === st.model)?.title ?? st.model}${sc ? `, scenario “${sc.title}”` : ''}, ${days} days a run${changed.length ? `; ${changed.length} change${changed.length === 1 ? '' : 's'}: ${changed.slice(0, 6).join(', ')}${changed.length > 6 ? ', …' : ''}` : '; no parameter changed'}.`,
      ),
    );
    const go = button('Change them in the Run view', 'link-like');
    go.addEventListener('click', () => store.set({ view: 'run' }, { push: true }));
    baseline.append(p, go);
  }

  function syncForm(): void {
    const st = store.state;
    baselineText(st);
    if (formModel !== st.model) {
      formModel = st.model;
      const numeric = defsOf(st.model).filter((d) => d.kind === 'number' || d.kind === 'integer').map((d) => d.name);
      const isMain = st.model === DEFAULT_MODEL;
      fillParams(factorBoxes[0], st.model, false, isMain ? 'incitement' : (numeric[0] ?? ''));
      fillParams(factorBoxes[1], st.model, true, isMain ? 'deterrence' : (numeric[1] ?? NONE));
    }
    if (formSeed !== st.seed) {
      // The base seed follows the Run view's seed (a whole number; a text seed gives 1).
      formSeed = st.seed;
      let seed: number | string = 1;
      try {
        seed = parseSeed(st.seed);
      } catch {
        seed = 1;
      }
      seedInput.value = typeof seed === 'number' ? String(seed) : '1';
    }
    updateCount();
  }

  // ---- drawing ----------------------------------------------------------------------------------
  const schedule = perFrame(() => draw());

  let pickersKey = '';
  let pickersShown: Shown | null = null;

  /** The pickers, rebuilt only when what they offer changes (not on every result of a running sweep). */
  function fillPickers(s: Shown): void {
    const d = s.data;
    const key = `${s.kind}|${!!browser}|${!!opened}|${d.source}|${JSON.stringify(s.sel)}|${d.factors.length}|${d.outcomes.length}`;
    if (key === pickersKey && pickersShown === s && !d.factors.some((f) => !f.levels)) return;
    pickersKey = key;
    pickersShown = s;
    shownSelect.replaceChildren();
    if (browser) shownSelect.append(new Option(`Your sweep: ${browser.data.source}`, 'browser'));
    if (opened) shownSelect.append(new Option(`Opened: ${opened.data.source}`, 'files'));
    shownSelect.value = s.kind;
    shownField.hidden = shownSelect.options.length < 2;
    outcomeSelect.replaceChildren(...d.outcomes.map((o, i) => new Option(`${o.name}: ${o.binary ? `P(${o.label})` : o.label}`, String(i))));
    outcomeSelect.value = String(s.sel.outcome);
    xSelect.replaceChildren(...d.factors.map((f, i) => new Option(factorLabel(f), String(i))));
    xSelect.value = String(s.sel.x);
    ySelect.replaceChildren(new Option('(none)', NONE), ...d.factors.map((f, i) => new Option(factorLabel(f), String(i))));
    ySelect.value = s.sel.y === null ? NONE : String(s.sel.y);
    holdBox.replaceChildren();
    d.factors.forEach((f, j) => {
      if (j === s.sel.x || j === s.sel.y) return;
      const a = axisOf(d, j);
      const sel = el('select');
      sel.append(new Option('averaged over all its values', NONE));
      a.levels.forEach((v, k) => sel.append(new Option(`held at ${a.labels[k]}`, String(k))));
      const h = s.sel.hold[j];
      sel.value = h === null || h === undefined ? NONE : String(a.levels.indexOf(h));
      sel.addEventListener('change', () => {
        const hold = [...s.sel.hold];
        hold[j] = sel.value === NONE ? null : (a.levels[Number(sel.value)] as Level);
        s.sel = { ...s.sel, hold };
        draw();
      });
      holdBox.append(labelled(`${factorLabel(f)}${a.edges ? ' (sampled: averaged)' : ''}`, sel));
    });
  }

  function heatSpec(s: Shown, g: CellGrid): HeatmapSpec {
    const d = s.data;
    const fx = d.factors[s.sel.x];
    const fy = s.sel.y === null ? null : d.factors[s.sel.y];
    const what = outcomeAxis(g.outcome);
    return {
      title: `${g.outcome.binary ? `P(${g.outcome.label})` : `Mean ${g.outcome.label}`} by ${fx.name}${fy ? ` and ${fy.name}` : ''}`,
      x: { label: factorLabel(fx), values: g.x.labels },
      y: fy && g.y ? { label: factorLabel(fy), values: g.y.labels } : { label: 'all runs', values: ['all'] },
      cells: g.mean,
      valueLabel: what,
      ...(g.outcome.binary ? { domain: [0, 1] as const } : {}),
    };
  }

  function linesSpec(s: Shown, g: CellGrid): SweepLinesSpec {
    const d = s.data;
    const fx = d.factors[s.sel.x];
    const fy = s.sel.y === null ? null : d.factors[s.sel.y];
    return {
      title: `${g.outcome.binary ? `P(${g.outcome.label})` : `Mean ${g.outcome.label}`} over ${fx.name}${fy ? `, one line per ${fy.name}` : ''}`,
      x: { label: factorLabel(fx), ticks: g.x.labels, positions: g.x.positions },
      yLabel: outcomeAxis(g.outcome),
      ...(g.outcome.binary ? { yDomain: [0, 1] as const } : {}),
      lines: g.mean.map((row, yi) => ({ key: g.y ? g.y.labels[yi] : 'all', label: fy && g.y ? `${fy.name} = ${g.y.labels[yi]}` : '', mid: row, lo: g.lo[yi], hi: g.hi[yi] })),
      lineWord: g.outcome.binary ? 'P' : 'mean',
      bandLabel: bandText(g),
    };
  }

  function valuesTableOf(s: Shown, g: CellGrid): void {
    const d = s.data;
    const fx = d.factors[s.sel.x];
    const fy = s.sel.y === null ? null : d.factors[s.sel.y];
    valuesTable.replaceChildren();
    valuesTable.append(el('caption', { text: `${outcomeAxis(g.outcome)}, per cell; band: ${bandText(g)}` }));
    const head = el('tr');
    for (const h of [fx.name, ...(fy ? [fy.name] : []), 'runs with a value', g.outcome.binary ? 'P' : 'mean', 'band low', 'band high']) head.append(el('th', { text: h, attrs: { scope: 'col' } }));
    valuesTable.append(el('thead'));
    valuesTable.tHead!.append(head);
    const body = el('tbody');
    g.mean.forEach((row, yi) =>
      row.forEach((v, xi) => {
        const tr = el('tr');
        tr.append(el('th', { text: g.x.labels[xi], attrs: { scope: 'row' } }));
        if (fy && g.y) tr.append(el('td', { text: g.y.labels[yi] }));
        tr.append(el('td', { text: String(g.n[yi][xi]) }));
        for (const [k, x] of [['mean', v], ['lo', g.lo[yi][xi]], ['hi', g.hi[yi][xi]]] as const) {
          const td = el('td', { text: Number.isFinite(x) ? levelText(x) : '–', cls: `v-${k}` });
          td.dataset.value = Number.isFinite(x) ? String(x) : '';
          tr.append(td);
        }
        tr.dataset.x = g.x.labels[xi];
        tr.dataset.y = g.y ? g.y.labels[yi] : '';
        body.append(tr);
      }),
    );
    valuesTable.append(body);
  }

  function draw(): void {
    const s = shown();
    results.hidden = !s || s.data.factors.length === 0 || s.data.outcomes.length === 0;
    drawAnalyses();
    if (!s || results.hidden) return;
    fillPickers(s);
    const g = cellGrid(s.data, s.sel);
    const hs = heatSpec(s, g);
    const ls = linesSpec(s, g);
    if (heatChart) heatChart.update(hs);
    else heatChart = heatmap(heatFigure.slot, hs);
    if (linesChart) linesChart.update(ls);
    else linesChart = sweepLines(linesFigure.slot, ls);
    valuesTableOf(s, g);
    const filled = g.mean.flat().filter(Number.isFinite).length;
    results.dataset.cells = String(g.mean.flat().length);
    results.dataset.filled = String(filled);
    results.dataset.shown = s.kind;
    csvBtn.disabled = !!s.data.summary || s.data.rows.length === 0;
    csvBtn.title = s.data.summary ? 'Only a summary.csv was opened: there are no runs to save' : '';
  }

  // ---- analyses ---------------------------------------------------------------------------------
  const computed = new WeakMap<Shown, { sensitivity: { file: string; result: readonly OutcomeSensitivity[] }[]; discovery: { file: string; result: Discovery }[] }>();
  let analysesKey: Shown | null = null;
  let analysesCount = -1;

  function drawAnalyses(): void {
    const s = shown();
    const extra = s ? computed.get(s) : undefined;
    const sens = [...(s?.sensitivity ?? []), ...(extra?.sensitivity ?? [])];
    const disc = [...(s?.discovery ?? []), ...(extra?.discovery ?? [])];
    const canSens = !!s && !!s.design && (s.design.kind === 'morris' || s.design.kind === 'sobol') && !s.data.summary;
    const canDisc = !!s && !s.data.summary && s.data.rows.length > 0 && s.data.factors.length > 0;
    analyses.hidden = !s || (!sens.length && !disc.length && !canSens && !canDisc);
    sensBtn.hidden = !canSens;
    condRow.hidden = !canDisc;
    const count = sens.length * 1000 + disc.length;
    if (s === analysesKey && count === analysesCount) return;
    analysesKey = s;
    analysesCount = count;
    analysesOut.replaceChildren();
    if (!core) return;
    for (const x of sens) for (const o of x.result) analysesOut.append(core.sensitivityPanel(o, x.file).element);
    for (const x of disc) analysesOut.append(core.discoveryPanel(x.result, x.file));
  }

  sensBtn.addEventListener('click', () => {
    const s = shown();
    const t = s?.table();
    if (!s || !core || !s.design || !t) return;
    try {
      const result = core.computeSensitivity(s.design, t);
      const c = computed.get(s) ?? { sensitivity: [], discovery: [] };
      c.sensitivity = [{ file: 'this page (analysis/sweep, as r2p-sim sensitivity with --resamples 1000)', result }];
      computed.set(s, c);
      analysesKey = null;
      drawAnalyses();
      status.textContent = `Sensitivity computed for ${result.length} outcome${result.length === 1 ? '' : 's'}.`;
    } catch (e) {
      notify('error', `Sensitivity: ${(e as Error).message}`, 'sweep-analysis');
    }
  });

  function runDiscovery(): void {
    const s = shown();
    const t = s?.table();
    if (!s || !core || !t) return;
    const design: DesignFile = s.design ?? { kind: 'grid', factors: s.data.factors.map((f) => ({ name: f.name, kind: f.kind, ...(f.levels ? { levels: f.levels } : {}) })), replicates: 1, values: [] };
    try {
      const result = core.computeDiscovery(design, t, condInput.value.trim());
      const c = computed.get(s) ?? { sensitivity: [], discovery: [] };
      c.discovery = [{ file: 'this page (analysis/sweep, as r2p-sim discover)', result }];
      computed.set(s, c);
      analysesKey = null;
      drawAnalyses();
      status.textContent = `Scenario discovery: the condition holds in ${result.cases} of ${result.runs} runs.`;
    } catch (e) {
      notify('error', `Scenario discovery: ${(e as Error).message}`, 'sweep-analysis');
    }
  }
  discoverBtn.addEventListener('click', runDiscovery);
  condInput.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      runDiscovery();
    }
  });

  // ---- running a sweep --------------------------------------------------------------------------
  function setRunning(on: boolean): void {
    runBtn.disabled = on || !core;
    cancelBtn.disabled = !on;
  }

  function showProgress(done: number, total: number, failed: number, t0: number, end?: string): void {
    progress.max = Math.max(1, total);
    progress.value = done;
    const secs = (performance.now() - t0) / 1000;
    countDone.textContent = `${done.toLocaleString('en')} of ${total.toLocaleString('en')} runs done${failed ? `, ${failed} failed` : ''} · ${secs.toFixed(1)} s · ${POOL_SIZE} worker${POOL_SIZE === 1 ? '' : 's'}${end ? ` · ${end}` : ''}`;
    root.dataset.done = String(done);
    root.dataset.total = String(total);
    root.dataset.elapsedMs = String(Math.round(secs * 1000));
  }

  async function runSweep(): Promise<void> {
    if (batch) return;
    const c = await loadCore();
    if (!c) return;
    clearNotices('sweep-form');
    const choice = readChoice();
    if (typeof choice === 'string') {
      notify('error', `This sweep cannot run: ${choice}`, 'sweep-form');
      return;
    }
    let sweep: Core.BrowserSweep;
    try {
      sweep = new c.BrowserSweep(c.sweepFileOf(store.state, choice));
    } catch (e) {
      notify('error', `This sweep cannot run: ${(e as Error).message}`, 'sweep-form');
      return;
    }
    const g = ++generation;
    const id = String(sweep.file.id);
    const data = sweep.data(`“${id}”, ${sweep.runs.toLocaleString('en')} runs`);
    const design: DesignFile = {
      kind: 'grid',
      factors: sweep.resolved.factors.map((f) => ({ name: f.name, kind: f.kind, ...(f.levels ? { levels: f.levels } : {}) })),
      replicates: sweep.resolved.replicates,
      values: sweep.plan.values,
    };
    browser = {
      kind: 'browser',
      data,
      base: id,
      design,
      table: () => ({ columns: data.columns, rows: data.cells.map((r) => Object.fromEntries(data.columns.map((col, j) => [col, r[j] === null ? '' : String(r[j])]))) }),
      sensitivity: [],
      discovery: [],
      sel: { x: 0, y: data.factors.length > 1 ? 1 : null, outcome: Math.max(0, data.outcomes.findIndex((o) => o.name === choice.outcome)), hold: data.factors.map(() => null) },
    };
    current = 'browser';
    intro.hidden = true;
    const total = sweep.runs;
    const jobs: BatchJob[] = [];
    const tasks: ReturnType<Core.BrowserSweep['task']>[] = [];
    let failed = 0;
    for (let i = 0; i < total; i++) {
      const t = sweep.task(i);
      if (t.error !== undefined) {
        sweep.add(data, sweep.failed(t, t.error));
        failed++;
      } else {
        jobs.push({ spec: c.BrowserSweep.spec(t) });
        tasks.push(t);
      }
    }
    const pre = total - jobs.length;
    const t0 = performance.now();
    root.dataset.state = 'running';
    progressBox.hidden = false;
    setRunning(true);
    status.textContent = `Running ${total.toLocaleString('en')} runs of “${id}” on ${POOL_SIZE} worker${POOL_SIZE === 1 ? '' : 's'}.`;
    showProgress(pre, total, failed, t0);
    draw();
    reveal(progressBox);
    const run = runBatch(jobs, {
      onResult(i, a) {
        if (g !== generation) return;
        const rec = sweep.record(tasks[i], a);
        if (rec.error) failed++;
        sweep.add(data, rec);
        schedule();
      },
      onError(i, message) {
        if (g !== generation) return;
        sweep.add(data, sweep.failed(tasks[i], message));
        failed++;
        schedule();
      },
      onProgress(done) {
        if (g !== generation) return;
        showProgress(pre + done, total, failed, t0);
      },
    });
    batch = run;
    try {
      await run.done;
      if (g !== generation) return;
      root.dataset.state = 'done';
      showProgress(data.rows.length, total, failed, t0, 'finished');
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      status.textContent = `Finished: ${total.toLocaleString('en')} runs in ${secs} s on ${POOL_SIZE} worker${POOL_SIZE === 1 ? '' : 's'}${failed ? `; ${failed} failed (their message is in runs.csv's error column)` : ''}.`;
    } catch (e) {
      if (g !== generation) return;
      if (e instanceof Cancelled) return;
      notify('error', `The sweep stopped: ${(e as Error).message}`, 'sweep-run');
    } finally {
      if (g === generation) {
        batch = null;
        setRunning(false);
        draw();
      }
    }
  }

  function cancel(): void {
    const run = batch;
    if (!run) return;
    const s = browser;
    generation++;
    batch = null;
    run.cancel();
    root.dataset.state = 'cancelled';
    setRunning(false);
    if (s) {
      const done = s.data.rows.length;
      progress.value = done;
      countDone.textContent = `${done.toLocaleString('en')} of ${s.data.total.toLocaleString('en')} runs done · cancelled`;
      root.dataset.done = String(done);
      status.textContent = `Cancelled after ${done.toLocaleString('en')} of ${s.data.total.toLocaleString('en')} runs; their results stay shown (the hatched cells have none yet).`;
    }
    draw();
  }

  // ---- opening files ----------------------------------------------------------------------------
  async function openFiles(list: readonly File[]): Promise<void> {
    if (!list.length) return;
    const c = await loadCore();
    if (!c) return;
    const read: Core.ResultFile[] = [];
    for (const f of list) {
      clearNotices(`sweep-file-${f.name}`);
      try {
        read.push(await c.readResultFile(f));
      } catch (e) {
        notify('error', e instanceof c.ResultFileError ? e.message : `${f.name}: could not be read (${(e as Error).message})`, `sweep-file-${f.name}`);
      }
    }
    if (!read.length) return;
    const fresh = read.some((r) => r.kind === 'runs' || r.kind === 'summary');
    const merged = fresh ? read : [...openedFiles.filter((o) => !read.some((r) => r.kind === o.kind && (o.kind !== 'sensitivity' && o.kind !== 'discovery' ? true : r.name === o.name))), ...read];
    const a = c.assemble(merged);
    for (const p of a.problems) notify('error', p, `sweep-files-${p.slice(0, 40)}`);
    if (!a.data && !a.sensitivity.length && !a.discovery.length) {
      notify('error', `${read.map((r) => r.name).join(', ')}: ${read.map((r) => (r.kind === 'ignored' ? r.what : r.kind === 'sweep' ? 'a sweep file' : r.kind)).join('; ')}; expected a runs table (runs.csv or runs.parquet) or a summary.csv among them, or sensitivity or discovery output`, 'sweep-files');
      return;
    }
    if (a.data && (a.data.factors.length === 0 || a.data.outcomes.length === 0)) {
      notify(
        'error',
        `${a.data.source}: ${a.data.factors.length === 0 ? 'no factor columns found' : 'no numeric outcome columns found'}; expected a sweep's runs table with its factors and outcomes (open design.json or manifest.json with it to name the factors)`,
        'sweep-files',
      );
    }
    openedFiles = merged;
    const data: SweepData = a.data ?? { source: read.map((r) => r.name).join(', '), factors: [], outcomes: [], columns: [], rows: [], cells: [], total: 0 };
    const preferred = ['massAtrocity', 'deathsPeople'].map((n) => data.outcomes.findIndex((o) => o.name === n)).find((i) => i >= 0) ?? 0;
    opened = {
      kind: 'files',
      data,
      base: a.manifest?.id ?? a.sweep?.id ?? 'sweep',
      design: a.design ? (a.design as unknown as DesignFile) : null,
      table: () => (a.table ? { columns: a.table.columns, rows: a.table.rows } : null),
      sensitivity: [...a.sensitivity],
      discovery: [...a.discovery],
      sel: { x: 0, y: data.factors.length > 1 ? 1 : null, outcome: preferred, hold: data.factors.map(() => null) },
    };
    current = 'files';
    intro.hidden = true;
    fileReport.replaceChildren(...[...a.notes, ...(a.sweep?.question ? [`The sweep’s question: ${a.sweep.question}`] : [])].map((n) => el('li', { text: n })));
    status.textContent = `Opened ${read.map((r) => r.name).join(', ')}.`;
    root.dataset.opened = String(merged.length);
    analysesKey = null;
    draw();
    reveal(status);
  }

  fileInput.addEventListener('change', () => {
    const fs = [...(fileInput.files ?? [])];
    fileInput.value = '';
    void openFiles(fs);
  });
  dirInput.addEventListener('change', () => {
    // A whole folder: the files this view reads, by name (others are left out silently).
    const fs = [...(dirInput.files ?? [])].filter((f) => /\.(csv|parquet|json|jsonl)$/i.test(f.name));
    dirInput.value = '';
    void openFiles(fs);
  });
  // Files dropped anywhere on the page while this view is shown come here (not to the run view).
  window.addEventListener(
    'drop',
    (ev) => {
      if (!visible || !ev.dataTransfer?.files?.length) return;
      ev.preventDefault();
      ev.stopPropagation();
      document.body.classList.remove('dropping');
      void openFiles([...ev.dataTransfer.files]);
    },
    { capture: true },
  );

  // ---- wiring -----------------------------------------------------------------------------------
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void runSweep();
  });
  cancelBtn.addEventListener('click', cancel);
  for (const i of [replicatesInput, seedInput]) i.addEventListener('input', updateCount);
  factorBoxes[1].param.addEventListener('change', updateCount);
  saveSweepBtn.addEventListener('click', async () => {
    const c = await loadCore();
    if (!c) return;
    clearNotices('sweep-form');
    const choice = readChoice();
    if (typeof choice === 'string') {
      notify('error', `This sweep cannot be saved: ${choice}`, 'sweep-form');
      return;
    }
    try {
      const sweep = new c.BrowserSweep(c.sweepFileOf(store.state, choice));
      download(new Blob([sweep.text], { type: 'application/json' }), c.SWEEP_FILE);
      status.textContent = `Saved sweep.json (“${String(sweep.file.id)}”, ${sweep.runs.toLocaleString('en')} runs): run it with npx r2p-sim sweep sweep.json --out DIR.`;
    } catch (e) {
      notify('error', `This sweep cannot be saved: ${(e as Error).message}`, 'sweep-form');
    }
  });
  shownSelect.addEventListener('change', () => {
    current = shownSelect.value === 'files' ? 'files' : 'browser';
    analysesKey = null;
    draw();
  });
  outcomeSelect.addEventListener('change', () => {
    const s = shown();
    if (!s) return;
    s.sel = { ...s.sel, outcome: Number(outcomeSelect.value) };
    draw();
  });
  xSelect.addEventListener('change', () => {
    const s = shown();
    if (!s) return;
    const x = Number(xSelect.value);
    s.sel = { ...s.sel, x, y: s.sel.y === x ? s.sel.x : s.sel.y };
    draw();
  });
  ySelect.addEventListener('change', () => {
    const s = shown();
    if (!s) return;
    const y = ySelect.value === NONE ? null : Number(ySelect.value);
    s.sel = y === s.sel.x ? { ...s.sel, x: s.sel.y ?? s.sel.x, y } : { ...s.sel, y };
    if (s.sel.x === s.sel.y) s.sel = { ...s.sel, y: null };
    draw();
  });
  const name = (what: string, ext: string) => `${shown()?.base ?? 'sweep'}-${what}.${ext}`;
  heatFigure.svgBtn.addEventListener('click', () => heatChart && download(new Blob([svgText(heatChart.element)], { type: 'image/svg+xml' }), name('heatmap', 'svg')));
  linesFigure.svgBtn.addEventListener('click', () => linesChart && download(new Blob([svgText(linesChart.element)], { type: 'image/svg+xml' }), name('lines', 'svg')));
  const png = (c: Chart<unknown> | null, what: string) => {
    if (!c) return;
    svgToPngBlob(c.element).then(
      (b) => download(b, name(what, 'png')),
      (e: unknown) => notify('error', `The PNG could not be made: ${(e as Error).message}`, 'sweep-png'),
    );
  };
  heatFigure.pngBtn.addEventListener('click', () => png(heatChart as Chart<unknown> | null, 'heatmap'));
  linesFigure.pngBtn.addEventListener('click', () => png(linesChart as Chart<unknown> | null, 'lines'));
  csvBtn.addEventListener('click', () => {
    const s = shown();
    if (!s || s.data.summary) return;
    download(new Blob([runsCsv(s.data)], { type: 'text/csv' }), 'runs.csv');
    const partial = s.data.rows.length < s.data.total;
    status.textContent = `Saved runs.csv: ${s.data.rows.length.toLocaleString('en')} runs${partial ? ` of ${s.data.total.toLocaleString('en')} (the sweep did not finish)` : ''}, the command line tool’s columns.`;
  });
  store.subscribe(() => {
    if (visible && core) syncForm();
  });

  runBtn.disabled = true;
  return {
    element: root,
    show() {
      visible = true;
      root.hidden = false;
      if (!core) {
        countText.textContent = 'Loading the sweep tools…';
        void loadCore().then((c) => {
          if (!c) return;
          runBtn.disabled = !!batch;
          syncForm();
          draw();
        });
      } else syncForm();
    },
    hide() {
      visible = false;
      root.hidden = true;
    },
  };
}
