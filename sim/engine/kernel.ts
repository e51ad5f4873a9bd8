/**
 * What a model must provide to run on the engine. The engine (stepping.ts) owns everything that is
 * the same for every model: validating the spec, the named seeded streams, the scheduled
 * parameter changes, the preallocated series, stepping one tick at a time, the summary, run
 * files, replay and the results hash. A model supplies only its parameters, its observables,
 * how to build its world and how to advance it one tick.
 *
 * Models: r2p-luck-2018 (the main model), epstein-civil-violence and epstein-ethnic-violence
 * (the reference models); each lives whole in its folder under sim/models/.
 */
import type { ParamDef, ParamValue } from './params';
import type { Streams } from './streams';

/** One per-tick observable a model records: a series of the run file, a CSV column, a chart. */
export interface SeriesDef {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
}

/** One logged action (an organ's decision, a scheduled change, an outcome). */
export interface KernelEvent {
  readonly tick: number;
  readonly actor: string;
  readonly action: string;
  readonly detail?: string;
}

/** A model's parameters as plain values, keyed by the names of its ParamDefs. */
export type KernelParams = Readonly<Record<string, ParamValue>>;

export interface ModelKernel<W = unknown, S extends object = Record<string, unknown>> {
  /** Stable id, used by `--model` and recorded in run files, e.g. "epstein-civil-violence". */
  readonly id: string;
  /** Versioned model name recorded in run files; bump when results change, e.g. "epstein-2002/1". */
  readonly version: string;
  readonly title: string;
  /** The one source of truth for this model's parameters (same shape as the main model's). */
  readonly params: readonly ParamDef[];
  /** Named bundles of parameter values (e.g. the "mesa" and "netlogo" presets); documented. */
  readonly presets?: Readonly<Record<string, { readonly description: string; readonly values: KernelParams }>>;
  /** What one tick records, in order; the run file's series and the hash follow this order. */
  readonly series: readonly SeriesDef[];
  readonly defaultTicks: number;
  /**
   * Checks across parameters that a range cannot express (throws a ParamError naming the field,
   * the value, and what would work); called on the initial parameters, before the world is built.
   */
  check?(p: KernelParams): void;
  /** Build the world from the initial parameters; set-up draws come from `streams` (tick -1). */
  create(p: KernelParams, streams: Streams): W;
  /**
   * Advance the world one tick under the parameters in force, drawing only from `streams` at
   * `tick`, and write this tick's observables into `out` (one slot per series, in order).
   */
  step(w: W, p: KernelParams, tick: number, streams: Streams, out: Float64Array): void;
  /** The run summary (plain JSON data) from the world and the recorded series. */
  summarise(w: W, series: Readonly<Record<string, Float64Array>>, ticks: number, p: KernelParams): S;
  /** Events logged so far (optional; the engine adds scheduled changes itself). */
  events?(w: W): readonly KernelEvent[];
  /** Agents that act in a tick, for agent-steps per second (bench). */
  agentCount(w: W, p: KernelParams): number;
  /** The agents as a front end draws them (optional): a grid's cells, or agents in regions. */
  view?(w: W): AgentView;
}

/**
 * What a front end draws of the agents, read from the world without changing it. Every array is
 * a fresh copy (a worker may transfer it).
 */
export type AgentView = GridView | RegionView;

/** A grid's cells by category. */
export interface GridView {
  readonly kind: 'grid';
  readonly width: number;
  readonly height: number;
  /** The categories in index order: a stable key and the legend's words. */
  readonly categories: readonly { readonly key: string; readonly label: string }[];
  /** Each cell's category index, row by row (width x height). */
  readonly cells: Uint8Array;
}

/** Agents in regions (the main model): each agent's state and group, and each region's protection. */
export interface RegionView {
  readonly kind: 'regions';
  /** Per agent: its state code (the model's), and 1 for the targeted group, 0 for the others. */
  readonly states: Uint8Array;
  readonly group: Uint8Array;
  /** Region r holds agents [regionStart[r], regionStart[r + 1]). */
  readonly regionStart: Int32Array;
  /** Per region: peacekeepers present, a declared safe area (1 or 0), the venue fallen (0 standing, else fallen). */
  readonly covered: Uint8Array;
  readonly safeArea: Uint8Array;
  readonly fallen: Uint8Array;
}
