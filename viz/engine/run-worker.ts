/**
 * The run worker: the engine steps here, off the page's thread. It holds one run per id, steps
 * it on request and answers with the new days' series, the new events and the population's
 * states; at the end, the summary, the results hash and the run file. The page decides the pace
 * (play, pause, step, speed); the worker only computes.
 */
import { createModel, hashResult, toRunFile, type Model as EngineModel } from '../../sim/index';
import type { FromWorker, GridLayout, PopulationFrame, PopulationLayout, ToWorker } from './protocol';

/** Any model of the registry (createModel's general form). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Model = EngineModel<any, any, any>;

interface Open {
  readonly model: Model;
  readonly scenario?: string;
  readonly names: readonly string[];
  /** Events already sent. */
  sentEvents: number;
}

const runs = new Map<number, Open>();

/** What the canvas draws now, from the model's view of its agents (none for a model without one). */
interface Drawn {
  readonly layout: PopulationLayout | null;
  readonly population: PopulationFrame | null;
  readonly grid: GridLayout | null;
  readonly cells: Uint8Array | null;
}

function drawnOf(model: Model): Drawn {
  const v = model.kernel.view?.(model.world);
  if (v?.kind === 'regions') {
    return { layout: { group: v.group, regionStart: v.regionStart }, population: { states: v.states, covered: v.covered, safeArea: v.safeArea, fallen: v.fallen }, grid: null, cells: null };
  }
  if (v?.kind === 'grid') return { layout: null, population: null, grid: { width: v.width, height: v.height, categories: v.categories }, cells: v.cells };
  return { layout: null, population: null, grid: null, cells: null };
}

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(msg, transfer);
}

/** The buffers a message can hand over rather than copy (the view's arrays are fresh copies). */
function transfers(d: Drawn, withLayout: boolean): ArrayBuffer[] {
  const arrays = [d.population?.states, d.population?.covered, d.population?.safeArea, d.population?.fallen, d.cells, ...(withLayout ? [d.layout?.group, d.layout?.regionStart] : [])];
  return arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
}

function open(id: number, msg: Extract<ToWorker, { type: 'open' }>): void {
  const model = createModel(msg.spec);
  const names = model.kernel.series.map((s) => s.name);
  runs.set(id, { model, scenario: msg.scenario, names, sentEvents: 0 });
  const d = drawnOf(model);
  post(
    {
      type: 'opened',
      id,
      model: model.kernel.id,
      ticks: model.ticks,
      series: model.kernel.series.map((s) => ({ name: s.name, unit: s.unit, description: s.description })),
      params: { ...model.initialParams },
      ...d,
    },
    transfers(d, true),
  );
}

function advance(id: number, ticks: number): void {
  const run = runs.get(id);
  if (!run) throw new Error(`no open run ${id}`);
  const { model, names } = run;
  const from = model.tick;
  const steps = Math.max(0, Math.min(Math.floor(ticks), model.ticks - from));
  for (let k = 0; k < steps; k++) model.step();
  const to = model.tick;
  const days = to - from;
  const values = new Float64Array(names.length * days);
  names.forEach((name, s) => values.set(model.series(name).subarray(from, to), s * days));
  const all = model.events();
  const events = all.slice(run.sentEvents);
  run.sentEvents = all.length;
  // The layout went with `opened`; a frame carries what changes.
  const { population, cells } = drawnOf(model);
  const d: Drawn = { layout: null, population, grid: null, cells };
  post({ type: 'frame', id, from, to, values, events, population, cells }, [values.buffer, ...transfers(d, false)]);
  if (model.done) {
    const result = model.result();
    post({ type: 'done', id, summary: { ...result.summary }, hash: hashResult(result), runFile: `${JSON.stringify(toRunFile(result, run.scenario ? { scenario: run.scenario } : {}))}\n` });
  }
}

self.addEventListener('message', (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  try {
    if (msg.type === 'open') open(msg.id, msg);
    else if (msg.type === 'advance') advance(msg.id, msg.ticks);
    else if (msg.type === 'close') runs.delete(msg.id);
  } catch (e) {
    runs.delete(msg.id);
    post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
});
