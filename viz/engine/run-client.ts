/**
 * The page's side of one run in the run worker: open a spec, advance it by some days, collect
 * the series, the events and the latest population frame as they arrive. One request is in
 * flight at a time, so a slow frame never queues up work the page has not asked for.
 */
import type { KernelEvent, RunSpec } from '../../sim/index';
import type { FromWorker, GridLayout, PopulationFrame, PopulationLayout, ToWorker } from './protocol';

type Opened = Extract<FromWorker, { type: 'opened' }>;
type Done = Extract<FromWorker, { type: 'done' }>;

export interface SeriesInfo {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
}

/** A run as the page sees it while it grows. */
export class RunSession {
  readonly ticks: number;
  readonly model: string;
  readonly series: readonly SeriesInfo[];
  readonly params: Readonly<Record<string, unknown>>;
  readonly layout: PopulationLayout | null;
  /** A model on a grid: its layout, and its cells' categories now. */
  readonly grid: GridLayout | null;
  cells: Uint8Array | null;
  /** Days computed so far. */
  day = 0;
  /** Each series' values, full length (ticks); days >= `day` are NaN. */
  readonly values: ReadonlyMap<string, Float64Array>;
  readonly events: KernelEvent[] = [];
  population: PopulationFrame | null;
  done: Done | null = null;
  private pending: { resolve(): void; reject(e: Error): void } | null = null;
  private closed = false;

  private constructor(
    private readonly worker: Worker,
    private readonly id: number,
    opened: Opened,
  ) {
    this.ticks = opened.ticks;
    this.model = opened.model;
    this.series = opened.series;
    this.params = opened.params;
    this.layout = opened.layout;
    this.grid = opened.grid;
    this.cells = opened.cells;
    this.population = opened.population;
    this.values = new Map(opened.series.map((s) => [s.name, new Float64Array(opened.ticks).fill(Number.NaN)]));
  }

  /** Open a run in `worker` (validated there: a bad spec rejects with the engine's message). */
  static open(worker: Worker, spec: RunSpec, scenario?: string): Promise<RunSession> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      let session: RunSession | null = null;
      const onMessage = (ev: MessageEvent<FromWorker>) => {
        const msg = ev.data;
        if (msg.id !== id) return;
        if (msg.type === 'opened') {
          session = new RunSession(worker, id, msg);
          session.detach = () => worker.removeEventListener('message', onMessage);
          resolve(session);
        } else if (msg.type === 'error') {
          if (session) session.fail(new Error(msg.message));
          else {
            worker.removeEventListener('message', onMessage);
            reject(new Error(msg.message));
          }
        } else if (session) session.receive(msg);
      };
      worker.addEventListener('message', onMessage);
      send(worker, { type: 'open', id, spec, scenario });
    });
  }

  private detach: () => void = () => {};

  /** Step up to `days` days; resolves when their frame has arrived (and the summary, at the end). */
  advance(days: number): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the run was closed'));
    if (this.pending) return Promise.reject(new Error('a step is already in progress'));
    if (this.done || this.day >= this.ticks) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      send(this.worker, { type: 'advance', id: this.id, ticks: Math.max(1, Math.floor(days)) });
    });
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  get finished(): boolean {
    return this.done !== null;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    send(this.worker, { type: 'close', id: this.id });
    this.detach();
    this.pending?.reject(new Error('the run was closed'));
    this.pending = null;
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'frame') {
      const days = msg.to - msg.from;
      this.series.forEach((s, k) => this.values.get(s.name)!.set(msg.values.subarray(k * days, (k + 1) * days), msg.from));
      this.day = msg.to;
      for (const e of msg.events) this.events.push(e);
      if (msg.population) this.population = msg.population;
      if (msg.cells) this.cells = msg.cells;
      // The last frame is followed by `done`: resolve then, so the caller sees the hash.
      if (msg.to < this.ticks) this.settle();
    } else if (msg.type === 'done') {
      this.done = msg;
      this.settle();
    }
  }

  private settle(): void {
    const p = this.pending;
    this.pending = null;
    p?.resolve();
  }

  private fail(e: Error): void {
    const p = this.pending;
    this.pending = null;
    p?.reject(e);
  }
}

let nextId = 1;

function send(worker: Worker, msg: ToWorker): void {
  worker.postMessage(msg);
}

/** The app's run worker (one per page for the run view; pools make their own). */
export function createRunWorker(): Worker {
  return new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module' });
}
