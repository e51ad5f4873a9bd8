/**
 * The compare view's runs, and what is computed from them. No DOM here.
 *
 * - planArms: the baseline and each arm as engine specs, by the app's one rule (resolveSpec):
 *   an arm is the baseline's state with the arm's changes added to its schedule (changes at day
 *   0 are folded into the parameters, as on the command line).
 * - runOneSeed: every arm at one seed, each in its own run worker (RunSession), to the end: the
 *   series, the events and the summary of each.
 * - runManySeeds: every arm at seeds 1..N on the pool (runBatch), then the statistics of
 *   analysis/compare.ts (compareArms) and per-day quantiles of people killed for the fan charts.
 * - parting: where an arm's run first parts from the baseline's (tickDigests + firstParting over
 *   all of the model's series, as the command line tool does), and the first event that differs.
 */
import { compareArms, firstParting, tickDigests, type ArmReport, type ArmRun } from '../../analysis/compare';
import { quantile } from '../../analysis/stats';
import { DEFAULT_MODEL, ParamError, modelKernel, validateSchedule, type KernelEvent, type RunSpec, type RunSummary, type ScheduleEntry } from '../../sim/index';
import type { Scenario } from '../../scenarios/index';
import { categorical } from '../charts/palette';
import { runBatch, type BatchAnswer } from '../engine/pool';
import type { StatsAnswer, StatsRequest } from './compare-stats-worker';
import { RunSession, createRunWorker } from '../engine/run-client';
import { resolveSpec } from '../app/spec';
import type { AppState, ArmState } from '../app/state';
import { settingText } from '../app/url-state';

/** The baseline's name in compareArms's reports and the per-seed CSV (as the command line tool's). */
export const BASELINE = 'baseline';

export interface ArmPlan {
  /** "baseline" or the arm's label. */
  readonly label: string;
  /** The arm's changes as the CLI writes them (name=value@tick); none for the baseline. */
  readonly changes: readonly string[];
  readonly entries: readonly ScheduleEntry[];
  readonly spec: RunSpec & { readonly model: string; readonly ticks?: number };
  readonly colour: string;
  /** Dashed when colours repeat (more arms than colours). */
  readonly dashed: boolean;
}

export interface Plan {
  readonly arms: readonly ArmPlan[];
  readonly ticks: number;
  readonly scenario: Scenario | null;
  readonly model: string;
}

/** The baseline's line: dark grey and dashed, drawn over the arms (an arm that does not part from it shows through). */
export const BASELINE_COLOUR = '#4D4D4D';

/** The i-th line's colour (0: the baseline): the same in every chart and in the arms editor. */
export function armColour(i: number): { colour: string; dashed: boolean } {
  if (i === 0) return { colour: BASELINE_COLOUR, dashed: true };
  return { colour: categorical(i - 1), dashed: i - 1 >= 7 };
}

/** The run length of a state (the scenario's own, or the model's default). */
export function runLength(state: AppState): number {
  try {
    const r = resolveSpec(state);
    return r.spec.ticks ?? modelKernel(state.model).defaultTicks;
  } catch {
    return state.ticks ?? modelKernel(state.model).defaultTicks;
  }
}

/**
 * The baseline and every arm as specs; throws the engine's ParamError (field, value, expected)
 * when an arm's change cannot run (e.g. a day past the end after the run got shorter).
 */
export function planArms(state: AppState, arms: readonly ArmState[] = state.arms): Plan {
  const base = resolveSpec(state);
  const kernel = modelKernel(state.model);
  const ticks = base.spec.ticks ?? kernel.defaultTicks;
  const plans: ArmPlan[] = [{ label: BASELINE, changes: [], entries: [], spec: base.spec, ...armColour(0) }];
  arms.forEach((arm, k) => {
    try {
      validateSchedule(arm.changes, ticks, kernel.params);
    } catch (e) {
      if (e instanceof ParamError) throw new ParamError(`arm "${arm.label}": ${e.field}`, e.value, e.expected);
      throw e;
    }
    const spec = resolveSpec({ ...state, schedule: [...state.schedule, ...arm.changes] }).spec;
    plans.push({ label: arm.label, changes: arm.changes.map(settingText), entries: arm.changes, spec, ...armColour(k + 1) });
  });
  return { arms: plans, ticks, scenario: base.scenario, model: state.model };
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface Job<T> {
  readonly done: Promise<T>;
  cancel(): void;
}

// ---- one seed -----------------------------------------------------------------------------------

export interface OneRun {
  readonly plan: ArmPlan;
  readonly ticks: number;
  /** Every series of the model, in the model's order (the order tickDigests reads them in). */
  readonly values: ReadonlyMap<string, Float64Array>;
  readonly events: readonly KernelEvent[];
  readonly summary: Readonly<Record<string, unknown>>;
  readonly hash: string;
}

/** Days asked of a run worker at a time (progress between requests). */
const CHUNK = 30;

/**
 * Every arm at `seed`, each in a dedicated run worker, to the end. `onProgress` gets the days
 * computed over all arms and their total. Cancel closes the runs and ends the workers.
 */
export function runOneSeed(plan: Plan, seed: number | string, onProgress: (done: number, total: number) => void): Job<OneRun[]> {
  const workers: Worker[] = [];
  const sessions: RunSession[] = [];
  let cancelled = false;
  const total = plan.arms.length * plan.ticks;
  const days = new Array<number>(plan.arms.length).fill(0);
  const report = () => onProgress(days.reduce((a, b) => a + b, 0), total);
  const end = () => {
    for (const s of sessions) s.close();
    for (const w of workers) w.terminate();
  };
  report();
  const runs = plan.arms.map(async (arm, k): Promise<OneRun> => {
    const worker = createRunWorker();
    workers.push(worker);
    const s = await RunSession.open(worker, { ...arm.spec, seed }, plan.scenario?.id);
    if (cancelled) throw new Cancelled();
    sessions.push(s);
    while (!s.finished) {
      await s.advance(CHUNK);
      if (cancelled) throw new Cancelled();
      days[k] = s.day;
      report();
    }
    return { plan: arm, ticks: s.ticks, values: s.values, events: s.events, summary: s.done!.summary, hash: s.done!.hash };
  });
  // A cancel settles the job at once, even while runs are still opening in their workers.
  let onCancel: () => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    onCancel = () => reject(new Cancelled());
  });
  stopped.catch(() => {});
  const done = Promise.race([Promise.all(runs), stopped]).then(
    (r) => {
      end();
      return r;
    },
    (e: unknown) => {
      end();
      throw cancelled ? new Cancelled() : e;
    },
  );
  for (const r of runs) r.catch(() => {});
  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      end();
      onCancel();
    },
  };
}

export interface EventParting {
  /** Index in the lists (your own changes, logged as "user" events, left out of both). */
  readonly index: number;
  readonly day: number;
  readonly baseline?: KernelEvent;
  readonly arm?: KernelEvent;
}

export interface Parting {
  /** The first day any of the model's series differs (null: never). */
  readonly day: number | null;
  /** The series that differ on that day, in the model's order. */
  readonly series: readonly string[];
  /** How many series were compared (all of the model's). */
  readonly compared: number;
  /** The first event that differs (null: the same events). */
  readonly event: EventParting | null;
}

const seriesRecord = (m: ReadonlyMap<string, Float64Array>): Record<string, Float64Array> => Object.fromEntries(m);

/** The user's own changes are logged as events (actor "user"); the comparison is of what the model did. */
const modelEvents = (events: readonly KernelEvent[]) => events.filter((e) => e.actor !== 'user');

/** Where `arm` first parts from `base` (the same seed): the day, the series, the event. */
export function parting(base: OneRun, arm: OneRun): Parting {
  const ticks = Math.min(base.ticks, arm.ticks);
  const day = firstParting(tickDigests(seriesRecord(base.values), ticks), tickDigests(seriesRecord(arm.values), ticks));
  const series: string[] = [];
  if (day !== null && day < ticks) {
    for (const [name, a] of base.values) {
      const b = arm.values.get(name);
      if (!b || !Object.is(a[day], b[day])) series.push(name);
    }
  }
  const ea = modelEvents(base.events);
  const eb = modelEvents(arm.events);
  let event: EventParting | null = null;
  for (let i = 0; i < Math.max(ea.length, eb.length); i++) {
    const a = ea[i];
    const b = eb[i];
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      event = { index: i, day: Math.min(a?.tick ?? Infinity, b?.tick ?? Infinity), ...(a ? { baseline: a } : {}), ...(b ? { arm: b } : {}) };
      break;
    }
  }
  return { day, series, compared: base.values.size, event };
}

// ---- many seeds ---------------------------------------------------------------------------------

export interface ArmSeeds {
  readonly plan: ArmPlan;
  /** Per seed (index 0 = seed 1): the summary, the day it parts from the baseline, the hash. */
  readonly runs: readonly ArmRun[];
  readonly hashes: readonly string[];
  /** Per seed: people killed so far, day by day. */
  readonly deaths: readonly Float64Array[];
}

export interface ManyResult {
  readonly seeds: number;
  readonly ticks: number;
  readonly arms: readonly ArmSeeds[];
  readonly reports: readonly ArmReport[];
  /** The series compared for the parting day (all of the model's). */
  readonly seriesCompared: number;
}

/**
 * Every arm at seeds 1..`seeds` on the worker pool, seed by seed (the arms of a seed together).
 * Each run sends back every series of the model: the per-day digests (tickDigests) are taken as
 * it arrives, and only people killed is kept. Rejects with the first run's error (the rest are
 * cancelled), or with Cancelled.
 */
export function runManySeeds(plan: Plan, seeds: number, onProgress: (done: number, total: number) => void, onStats?: () => void): Job<ManyResult> {
  const names = modelKernel(plan.model).series.map((s) => s.name);
  const A = plan.arms.length;
  const jobs = Array.from({ length: seeds * A }, (_, j) => {
    const seed = Math.floor(j / A) + 1;
    return { spec: { ...plan.arms[j % A].spec, seed }, series: names };
  });
  const digests: Uint32Array[] = new Array(jobs.length);
  const deaths: Float64Array[] = new Array(jobs.length);
  const answers: BatchAnswer[] = new Array(jobs.length);
  let failure: Error | null = null;
  let cancelled = false;
  const batch = runBatch(jobs, {
    onResult(j, a) {
      digests[j] = tickDigests(a.series, plan.ticks);
      deaths[j] = a.series.deathsPeople ?? new Float64Array(plan.ticks);
      // Keep the summary and the hash; let the rest of the series go.
      answers[j] = { summary: a.summary, hash: a.hash, series: {} };
    },
    onError(j, message) {
      if (failure) return;
      failure = new Error(`${plan.arms[j % A].label}, seed ${Math.floor(j / A) + 1}: ${message}`);
      batch.cancel();
    },
    onProgress,
  });
  // A cancel settles the job at once, whatever the pool does with the runs in flight.
  let onCancel: () => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    onCancel = () => reject(new Cancelled());
  });
  stopped.catch(() => {});
  const ran = batch.done.then(
    () => finish(),
    () => {
      if (failure) throw failure;
      throw new Cancelled();
    },
  );
  ran.catch(() => {});
  const done = Promise.race([ran, stopped]);

  async function finish(): Promise<ManyResult> {
    if (failure) throw failure;
    const arms: ArmSeeds[] = plan.arms.map((p, k) => {
      const runs: ArmRun[] = [];
      const hashes: string[] = [];
      const ds: Float64Array[] = [];
      for (let s = 0; s < seeds; s++) {
        const j = s * A + k;
        runs.push({ seed: s + 1, summary: answers[j].summary as unknown as RunSummary, partsAt: k === 0 ? null : firstParting(digests[s * A], digests[j]) });
        hashes.push(answers[j].hash);
        ds.push(deaths[j]);
      }
      return { plan: p, runs, hashes, deaths: ds };
    });
    onStats?.();
    const reports = await statistics(arms.map((a) => ({ name: a.plan.label, changes: a.plan.changes, runs: a.runs })));
    if (cancelled) throw new Cancelled();
    return { seeds, ticks: plan.ticks, arms, reports, seriesCompared: names.length };
  }

  /** compareArms in a worker of its own (the page stays responsive); on the page if workers fail. */
  function statistics(input: Parameters<typeof compareArms>[0]): Promise<ArmReport[]> {
    return new Promise((resolve, reject) => {
      let w: Worker;
      try {
        w = new Worker(new URL('./compare-stats-worker.ts', import.meta.url), { type: 'module' });
      } catch {
        resolve(compareArms(input));
        return;
      }
      w.addEventListener('message', (ev: MessageEvent<StatsAnswer>) => {
        w.terminate();
        if ('error' in ev.data) reject(new Error(ev.data.error));
        else resolve(ev.data.reports);
      });
      w.addEventListener('error', (ev) => {
        w.terminate();
        reject(new Error(`the statistics worker failed: ${ev.message || 'no message'}`));
      });
      cancelStats = () => {
        w.terminate();
        reject(new Cancelled());
      };
      w.postMessage({ arms: input } satisfies StatsRequest);
    });
  }
  let cancelStats: () => void = () => {};

  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      batch.cancel();
      cancelStats();
      onCancel();
    },
  };
}

export interface DayBands {
  readonly median: Float64Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/** Per day: the median and the 5th and 95th percentiles (a 90% band) of `rows[seed][day]`. */
export function bands(rows: readonly ArrayLike<number>[], ticks: number): DayBands {
  const median = new Float64Array(ticks);
  const low = new Float64Array(ticks);
  const high = new Float64Array(ticks);
  const col = new Array<number>(rows.length);
  for (let d = 0; d < ticks; d++) {
    for (let s = 0; s < rows.length; s++) col[s] = rows[s][d];
    if (col.some((v) => Number.isNaN(v))) {
      median[d] = low[d] = high[d] = NaN;
      continue;
    }
    // Sorted once: quantile sorts its own copy, which is cheap for sorted input.
    col.sort((a, b) => a - b);
    median[d] = quantile(col, 0.5);
    low[d] = quantile(col, 0.05);
    high[d] = quantile(col, 0.95);
  }
  return { median, low, high };
}

/** Per seed and day, arm minus baseline. */
export function differences(arm: readonly Float64Array[], base: readonly Float64Array[]): Float64Array[] {
  return arm.map((a, s) => a.map((v, d) => v - base[s][d]));
}

/** The model the comparison supports (its outcomes are the main model's). */
export const COMPARE_MODEL = DEFAULT_MODEL;
