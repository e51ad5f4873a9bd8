/**
 * Messages between the page and the run worker (run-worker.ts). The page asks; the worker steps
 * the engine and answers with what changed since the last answer, so the page draws while the
 * worker computes and never freezes. Series values travel as one Float64Array per answer,
 * series-major (series s, day d at [s * days + d]), transferred, not copied.
 */
import type { KernelEvent, RunSpec } from '../../sim/index';

/** The population as the canvas draws it (main model): one byte of state per agent, by region. */
export interface PopulationFrame {
  /** Agent states (sim/models/luck2018/world.ts: PASSIVE .. DEAD), a copy. */
  readonly states: Uint8Array;
  /** Per region: peacekeepers present (1), declared safe area (1), venue fallen (0 standing, 1 overrun, 2 taken). */
  readonly covered: Uint8Array;
  readonly safeArea: Uint8Array;
  readonly fallen: Uint8Array;
}

/** What does not change during a run: sent once, when it opens. */
export interface PopulationLayout {
  /** Per agent: 0 other groups, 1 the targeted group. */
  readonly group: Uint8Array;
  /** Region r holds agents [regionStart[r], regionStart[r + 1]). */
  readonly regionStart: Int32Array;
}

/** A model on a grid (the Epstein models): its size and the categories its cells are drawn by (sent once). */
export interface GridLayout {
  readonly width: number;
  readonly height: number;
  readonly categories: readonly { readonly key: string; readonly label: string }[];
}

export type ToWorker =
  /** Create the model (validating the spec); answers `opened` or `error`. */
  | { readonly type: 'open'; readonly id: number; readonly spec: RunSpec; readonly scenario?: string }
  /** Step up to `ticks` days (fewer at the end); answers `frame` (and `done` at the end). */
  | { readonly type: 'advance'; readonly id: number; readonly ticks: number }
  /** Forget the run. */
  | { readonly type: 'close'; readonly id: number };

export type FromWorker =
  | {
      readonly type: 'opened';
      readonly id: number;
      readonly model: string;
      readonly ticks: number;
      readonly series: readonly { readonly name: string; readonly unit: string; readonly description: string }[];
      /** The parameters the run uses (the spec resolved against the model's defaults). */
      readonly params: Readonly<Record<string, unknown>>;
      readonly layout: PopulationLayout | null;
      readonly population: PopulationFrame | null;
      readonly grid: GridLayout | null;
      /** Each grid cell's category (row by row), when the model is on a grid. */
      readonly cells: Uint8Array | null;
    }
  | {
      readonly type: 'frame';
      readonly id: number;
      /** Days [from, to) are new: `values` holds series.length x (to - from) numbers, series-major. */
      readonly from: number;
      readonly to: number;
      readonly values: Float64Array;
      readonly events: readonly KernelEvent[];
      readonly population: PopulationFrame | null;
      readonly cells: Uint8Array | null;
    }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly summary: Readonly<Record<string, unknown>>;
      /** The results hash (hashResult), the same the CLI prints for the same inputs. */
      readonly hash: string;
      /** The run file (toRunFile) as JSON text, for saving. */
      readonly runFile: string;
    }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
