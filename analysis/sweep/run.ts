/**
 * One run of a sweep, as a worker (a Node worker thread or the app's Web Worker) performs it: the
 * engine runs the task, the results hash is taken exactly as a run file's, and the outcomes are
 * evaluated. A run the engine refuses, or an outcome that cannot be evaluated, gives a record with
 * its error message instead of throwing, so that the sweep goes on.
 */
import { hashResult, runModel } from '../../sim/index';
import type { SweepTask } from './expand';
import { compileOutcomes, type OutcomeEvaluator, type OutcomeSet, type OutcomeValue } from './outcomes';

/** What the journal keeps of one finished run (one JSON line). */
export interface RunRecord {
  readonly run: number;
  readonly point: number;
  readonly replicate: number;
  readonly seed: number;
  /** The results hash (as in a run file; null when the run failed before it finished). */
  readonly hash: string | null;
  /** One value per outcome, in the sweep's order (null when the run failed). */
  readonly outcomes: readonly OutcomeValue[] | null;
  readonly error: string | null;
}

/** What a worker needs for one run. */
export interface SweepJob {
  readonly task: SweepTask;
  readonly outcomes: OutcomeSet;
  readonly figures: Readonly<Record<string, number | string>>;
}

const evaluators = new Map<string, OutcomeEvaluator>();

/** A set's evaluator, compiled once per worker and kept (a worker runs many jobs of few sets). */
export function evaluatorOf(set: OutcomeSet): OutcomeEvaluator {
  const key = JSON.stringify(set);
  let e = evaluators.get(key);
  if (!e) {
    e = compileOutcomes(set);
    evaluators.set(key, e);
  }
  return e;
}

const clip = (s: string) => (s.length > 500 ? `${s.slice(0, 500)}...` : s);

export function runSweepJob({ task, outcomes, figures }: SweepJob): RunRecord {
  const id = { run: task.index, point: task.point, replicate: task.replicate, seed: task.seed };
  if (task.error !== undefined) return { ...id, hash: null, outcomes: null, error: clip(task.error) };
  let hash: string | null = null;
  try {
    const result = runModel({ model: task.model, ...(task.preset ? { preset: task.preset } : {}), params: task.params, schedule: task.schedule, seed: task.seed, ticks: task.ticks });
    hash = hashResult(result);
    const values = evaluatorOf(outcomes).evaluate({ summary: result.summary as unknown as Record<string, unknown>, params: result.params as Record<string, unknown>, series: result.series, figures });
    return { ...id, hash, outcomes: values, error: null };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ...id, hash, outcomes: null, error: clip(msg.split('\n')[0]) };
  }
}
