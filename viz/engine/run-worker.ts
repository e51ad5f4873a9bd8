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

/** The main model's world, as far as the canvas needs it (models on a grid give a gridView instead). */
interface RegionWorld {
  readonly state: Uint8Array;
  readonly group: Uint8Array;
  readonly regionStart: Int32Array;
  readonly region: { readonly covered: Uint8Array; readonly safeArea: Uint8Array; readonly fallen: Uint8Array };
}

function regionWorld(model: Model): RegionWorld | null {
  const w = model.world as Partial<RegionWorld> | null;
  return w && w.state instanceof Uint8Array && w.group instanceof Uint8Array && w.regionStart instanceof Int32Array && w.region ? (w as RegionWorld) : null;
}

function layoutOf(model: Model): PopulationLayout | null {
  const w = regionWorld(model);
  return w ? { group: w.group.slice(), regionStart: w.regionStart.slice() } : null;
}

function populationOf(model: Model): PopulationFrame | null {
  const w = regionWorld(model);
  return w ? { states: w.state.slice(), covered: w.region.covered.slice(), safeArea: w.region.safeArea.slice(), fallen: w.region.fallen.slice() } : null;
}

/** A grid model's cells by category, and its layout (the kernel's gridView). */
function gridOf(model: Model): { readonly layout: GridLayout; readonly cells: Uint8Array } | null {
  const v = model.kernel.gridView?.(model.world);
  return v ? { layout: { width: v.width, height: v.height, categories: v.categories }, cells: v.cells } : null;
}

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(msg, transfer);
}

function transfers(p: PopulationFrame | null, layout?: PopulationLayout | null): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  if (p) out.push(p.states.buffer as ArrayBuffer, p.covered.buffer as ArrayBuffer, p.safeArea.buffer as ArrayBuffer, p.fallen.buffer as ArrayBuffer);
  if (layout) out.push(layout.group.buffer as ArrayBuffer, layout.regionStart.buffer as ArrayBuffer);
  return out;
}

function open(id: number, msg: Extract<ToWorker, { type: 'open' }>): void {
  const model = createModel(msg.spec);
  const names = model.kernel.series.map((s) => s.name);
  runs.set(id, { model, scenario: msg.scenario, names, sentEvents: 0 });
  const layout = layoutOf(model);
  const population = populationOf(model);
  const grid = gridOf(model);
  post(
    {
      type: 'opened',
      id,
      model: model.kernel.id,
      ticks: model.ticks,
      series: model.kernel.series.map((s) => ({ name: s.name, unit: s.unit, description: s.description })),
      params: { ...model.initialParams },
      layout,
      population,
      grid: grid?.layout ?? null,
      cells: grid?.cells ?? null,
    },
    [...transfers(population, layout), ...(grid ? [grid.cells.buffer as ArrayBuffer] : [])],
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
  const population = populationOf(model);
  const cells = gridOf(model)?.cells ?? null;
  post({ type: 'frame', id, from, to, values, events, population, cells }, [values.buffer, ...transfers(population), ...(cells ? [cells.buffer as ArrayBuffer] : [])]);
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
