/**
 * Open a run file or a scenario file (a file picker, or a file dropped anywhere on the page). A
 * run file is rerun here, the app says whether it reproduces the file's hash, and the run view
 * takes the file's inputs, so running them again shows the same hash. A scenario file is checked
 * as the CLI checks one and becomes the run view's scenario. A file is data: parsed as JSON and
 * checked field by field; a bad one gets a message naming what is wrong, and nothing else changes.
 */
import { DEFAULT_MODEL, type ParamValue, type ScheduleEntry } from '../../sim/index';
import { openScenarioText, scenarioById } from '../app/scenarios';
import { notify } from '../app/notices';
import { resolveSpec } from '../app/spec';
import { DEFAULT_STATE } from '../app/state';
import type { Store } from '../app/store';
import { replayFile, type ReplayAnswer } from '../engine/pool';
import { el } from '../app/dom';

/**
 * A scenario file rather than a run file, from its first characters: a run file opens with its
 * `format`; a scenario names its `kind` or its `features`. (Anything else goes to the run-file
 * reader, whose messages say what a run file needs.)
 */
export function looksLikeScenario(text: string): boolean {
  const head = text.slice(0, 4096);
  return !/"format"\s*:/.test(head) && /"(kind|features)"\s*:/.test(head);
}

/** Larger files are refused before reading (a year of the main model at any size is a few MB). */
export const MAX_RUN_FILE_BYTES = 64 * 1024 * 1024;

/** The app state that reruns a file's inputs (its parameters as changes from its scenario's). */
function stateOf(a: ReplayAnswer): { state: Parameters<Store['set']>[0]; note?: string } {
  const i = a.inputs;
  const known = i.model === DEFAULT_MODEL && i.scenario !== undefined && scenarioById(i.scenario) !== undefined;
  const scenario = known ? i.scenario! : DEFAULT_STATE.scenario;
  const seed = String(i.seed);
  const base = resolveSpec({ ...DEFAULT_STATE, model: i.model, scenario, seed }).base;
  const params: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(i.params)) if (base[name] !== value) params[name] = value as ParamValue;
  return {
    state: { model: i.model, scenario, seed, ticks: i.ticks, params, schedule: i.schedule as ScheduleEntry[], view: 'run' },
    note: i.model === DEFAULT_MODEL && !known && i.scenario ? `its scenario "${i.scenario}" is not built in, so its parameters are shown as changes to the default scenario` : undefined,
  };
}

export function runFilePanel(store: Store): HTMLElement {
  const box = el('div', { cls: 'run-file' });
  const input = el('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.className = 'visually-hidden';
  input.id = 'run-file-input';
  const label = el('label', { text: 'Open a run file or a scenario file…', cls: 'button-like' });
  label.htmlFor = input.id;
  const report = el('div', { cls: 'run-file-report' });
  report.setAttribute('role', 'status');
  report.setAttribute('aria-live', 'polite');
  box.append(input, label, report);

  async function open(file: File): Promise<void> {
    report.replaceChildren(el('p', { text: `Checking ${file.name}…` }));
    if (file.size > MAX_RUN_FILE_BYTES) {
      report.replaceChildren();
      notify('error', `${file.name}: ${file.size.toLocaleString('en')} bytes, expected a run file of at most ${MAX_RUN_FILE_BYTES.toLocaleString('en')} bytes`, 'run-file');
      return;
    }
    const text = await file.text();
    if (looksLikeScenario(text)) {
      openScenario(text, file.name);
      return;
    }
    let answer: ReplayAnswer;
    try {
      answer = await replayFile(text, file.name);
    } catch (e) {
      report.replaceChildren();
      notify('error', `${(e as Error).message}`, 'run-file');
      return;
    }
    const o = answer.outcome;
    const head = el('p', { cls: o.ok ? 'verdict ok' : 'verdict bad' });
    head.append(el('strong', { text: o.ok ? 'Reproduced. ' : 'Not reproduced. ' }));
    head.append(
      document.createTextNode(
        o.ok
          ? `Rerun here, ${file.name} gives its stored results hash ${o.actual}.`
          : `${file.name} stores the hash ${o.expected}; rerun here it gives ${o.actual}.`,
      ),
    );
    const items = el('ul');
    if (o.firstDifference) items.append(el('li', { text: `First difference: day ${o.firstDifference.tick}${o.firstDifference.series ? `, series ${o.firstDifference.series}` : ''}: ${o.firstDifference.what}` }));
    for (const issue of o.issues) items.append(el('li', { text: issue.message }));
    const { state, note } = stateOf(answer);
    if (note) items.append(el('li', { text: `The run view now holds the file's inputs; ${note}.` }));
    else items.append(el('li', { text: 'The run view now holds the file’s inputs: run it to see the same results.' }));
    report.replaceChildren(head, items);
    report.dataset.verdict = o.ok ? 'reproduced' : 'not-reproduced';
    report.dataset.hash = o.actual;
    store.set(state);
  }

  /** A scenario file: validated, added to the pickers, and made the run view's scenario. */
  function openScenario(text: string, name: string): void {
    let id: string;
    try {
      id = openScenarioText(text, name);
    } catch (e) {
      report.replaceChildren();
      notify('error', (e as Error).message, 'run-file');
      return;
    }
    const s = scenarioById(id)!;
    const head = el('p', { cls: 'verdict ok' });
    head.append(el('strong', { text: 'Scenario opened. ' }), document.createTextNode(`"${s.title}" from ${name} is now the run view's scenario (a link to it works in this page only: share the file with it).`));
    report.replaceChildren(head);
    report.dataset.verdict = 'scenario';
    store.set({ model: DEFAULT_MODEL, scenario: id, params: {}, schedule: [], ticks: undefined, view: 'run' });
  }

  input.addEventListener('change', () => {
    const f = input.files?.[0];
    input.value = '';
    if (f) void open(f);
  });
  // Drop a file anywhere on the page.
  document.addEventListener('dragover', (ev) => {
    if (ev.dataTransfer?.types.includes('Files')) {
      ev.preventDefault();
      document.body.classList.add('dropping');
    }
  });
  document.addEventListener('dragleave', (ev) => {
    if (ev.relatedTarget === null) document.body.classList.remove('dropping');
  });
  document.addEventListener('drop', (ev) => {
    document.body.classList.remove('dropping');
    const f = ev.dataTransfer?.files?.[0];
    if (!f) return;
    ev.preventDefault();
    void open(f);
  });
  return box;
}
