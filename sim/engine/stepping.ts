/**
 * The engine, the same for every model: it validates a run spec against the model's own
 * parameter schema, owns the named seeded streams, applies scheduled parameter changes at the
 * start of their tick, steps the model one tick at a time for whoever drives it (CLI loop,
 * worker, browser animation frame: the tick knows nothing of timers), and keeps the per-tick
 * series in one preallocated buffer. Run files, replay and the results hash build on its result.
 */
import type { KernelEvent, KernelParams, ModelKernel } from './kernel';
import type { ParamValue } from './params';
import {
  ParamError,
  defaultsOf,
  resolveParams,
  validateSchedule,
  validateSeed,
  validateTicks,
  type ScheduleEntry,
  type ScheduledChange,
} from './validate';
import { Streams, seedText, type DrawObserver } from './streams';

export interface RunSpec {
  /** Which model to run (default: the main model, "r2p-luck-2018"). */
  readonly model?: string;
  /** A named preset of the model to start from instead of its defaults (e.g. "mesa"). */
  readonly preset?: string;
  /** Overrides of the model's defaults (or of the preset); anything not named keeps its value. */
  readonly params?: Readonly<Record<string, unknown>>;
  readonly seed: number | string;
  readonly ticks?: number;
  /** Parameter changes {tick, name, value}, checked against the model's schema. */
  readonly schedule?: readonly ScheduleEntry[];
}

export interface ModelOptions {
  /** Sees every random draw (tests of the twin-run property). */
  readonly drawObserver?: DrawObserver;
}

export interface RunResult<S extends object = Record<string, unknown>, P = KernelParams> {
  /** The model's id ("r2p-luck-2018", "epstein-civil-violence", ...). */
  readonly model: string;
  readonly params: P;
  readonly schedule: readonly ScheduledChange[];
  readonly seed: number | string;
  readonly ticks: number;
  readonly summary: S;
  /** One array per series, in the model's series order, each `ticks` long. */
  readonly series: Readonly<Record<string, Float64Array>>;
  readonly events: readonly KernelEvent[];
}

export interface Model<S extends object = Record<string, unknown>, W = unknown, P = KernelParams> {
  readonly kernel: ModelKernel<W, S>;
  readonly seed: number | string;
  readonly ticks: number;
  readonly initialParams: P;
  readonly schedule: readonly ScheduledChange[];
  /** The parameters in force at the current tick. */
  readonly params: P;
  /** Ticks completed so far. */
  readonly tick: number;
  readonly done: boolean;
  /** Advance one tick. */
  step(): void;
  /** Step to the end and return the result. */
  run(): RunResult<S, P>;
  /** The observables of the last completed tick, by series name. */
  observe(): Record<string, number>;
  /** A series so far (a view of length `tick`). */
  series(name: string): Float64Array;
  events(): readonly KernelEvent[];
  summary(): S;
  result(): RunResult<S, P>;
  /** Read-only access to the world, for views that draw agents. */
  readonly world: Readonly<W>;
}

/** The values of a model's preset; an unknown name is a ParamError naming the presets there are. */
export function presetValues(kernel: ModelKernel<unknown, object>, name: string, field = 'preset'): KernelParams {
  const preset = Object.prototype.hasOwnProperty.call(kernel.presets ?? {}, name) ? kernel.presets![name] : undefined;
  if (preset) return preset.values;
  const names = Object.keys(kernel.presets ?? {});
  throw new ParamError(field, name, names.length ? `one of ${names.map((n) => JSON.stringify(n)).join(', ')} (model ${kernel.id})` : `nothing: model ${kernel.id} has no presets`);
}

/** Run `kernel` under `spec`: the one stepping loop every model shares. */
export function createKernelModel<W, S extends object>(kernel: ModelKernel<W, S>, spec: RunSpec, options: ModelOptions = {}): Model<S, W> {
  if (spec === null || typeof spec !== 'object') throw new TypeError('createModel needs a spec {params, seed, ticks, schedule}');
  const seed = validateSeed(spec.seed);
  const ticks = validateTicks(spec.ticks ?? kernel.defaultTicks);
  const defs = kernel.params;
  let base: KernelParams = defaultsOf(defs);
  if (spec.preset !== undefined) base = resolveParams(presetValues(kernel as ModelKernel<unknown, object>, spec.preset), base, defs);
  const initialParams: KernelParams = resolveParams((spec.params ?? {}) as Record<string, unknown>, base, defs);
  const schedule = validateSchedule(spec.schedule ?? [], ticks, defs).sort((a, b) => a.tick - b.tick);
  // Changes at tick 0 are part of the initial set-up (structural ones included).
  let params: KernelParams = applyChanges(initialParams, schedule.filter((c) => c.tick === 0));
  kernel.check?.(params);
  const streams = new Streams(seedText(seed), options.drawObserver);
  const world = kernel.create(params, streams);
  const S = kernel.series.length;
  const names = kernel.series.map((s) => s.name);
  const index = new Map(names.map((n, i) => [n, i]));
  // Column-major: series k occupies data[k*ticks .. (k+1)*ticks).
  const data = new Float64Array(S * ticks);
  const out = new Float64Array(S);
  /** Scheduled changes as events, in tick order (the kernel's own events are merged in). */
  const changeEvents: KernelEvent[] = [];
  let tick = 0;
  let nextChange = schedule.findIndex((c) => c.tick > 0);
  if (nextChange < 0) nextChange = schedule.length;

  function step(): void {
    if (tick >= ticks) throw new Error(`the run is complete (${ticks} ticks)`);
    const t = tick;
    const start = nextChange;
    while (nextChange < schedule.length && schedule[nextChange].tick === t) nextChange++;
    if (nextChange > start) {
      const changes = schedule.slice(start, nextChange);
      params = applyChanges(params, changes);
      for (const c of changes) changeEvents.push({ tick: t, actor: 'user', action: 'set', detail: `${c.name}=${String(c.value)}` });
    }
    out.fill(0);
    kernel.step(world, params, t, streams, out);
    for (let k = 0; k < S; k++) data[k * ticks + t] = out[k];
    tick = t + 1;
  }

  function seriesView(name: string): Float64Array {
    const idx = index.get(name);
    if (idx === undefined) throw new ParamError('series', name, `one of ${names.join(', ')}`);
    return data.subarray(idx * ticks, idx * ticks + tick);
  }

  function allSeries(): Record<string, Float64Array> {
    const o: Record<string, Float64Array> = {};
    for (const n of names) o[n] = seriesView(n);
    return o;
  }

  /** Scheduled changes and the kernel's events, by tick; a tick's changes come first. */
  function events(): readonly KernelEvent[] {
    const own = kernel.events?.(world) ?? [];
    if (changeEvents.length === 0) return own;
    const merged: KernelEvent[] = [];
    let j = 0;
    for (const e of own) {
      while (j < changeEvents.length && changeEvents[j].tick <= e.tick) merged.push(changeEvents[j++]);
      merged.push(e);
    }
    while (j < changeEvents.length) merged.push(changeEvents[j++]);
    return merged;
  }

  const model: Model<S, W> = {
    kernel,
    seed,
    ticks,
    initialParams,
    schedule,
    get params() {
      return params;
    },
    get tick() {
      return tick;
    },
    get done() {
      return tick >= ticks;
    },
    world,
    step,
    run() {
      while (tick < ticks) step();
      return model.result();
    },
    observe() {
      const o: Record<string, number> = {};
      if (tick === 0) return o;
      for (let k = 0; k < S; k++) o[names[k]] = data[k * ticks + tick - 1];
      return o;
    },
    series: seriesView,
    events,
    summary: () => kernel.summarise(world, allSeries(), tick, params),
    result() {
      return {
        model: kernel.id,
        params: initialParams,
        schedule,
        seed,
        ticks: tick,
        summary: model.summary(),
        series: allSeries(),
        events: events(),
      };
    },
  };
  return model;
}

function applyChanges(p: KernelParams, changes: readonly ScheduledChange[]): KernelParams {
  if (changes.length === 0) return p;
  const o: Record<string, ParamValue> = { ...p };
  for (const c of changes) o[c.name] = c.value;
  return o;
}
