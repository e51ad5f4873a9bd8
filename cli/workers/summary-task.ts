/**
 * A worker's tasks, called by name: one run of the engine each, returning plain data that is cheap
 * to post. `withOutcomes` returns the summary and evaluates an outcome set on the run (the
 * documented patterns `cases` sets beside the targets); `withDigests` returns the summary and a
 * digest of each tick's observables, from which `compare` finds the day an arm first parts from
 * its baseline; `sweepJob` runs one job of a sweep.
 */
import { tickDigests } from '../../analysis/compare';
import { evaluatorOf, type OutcomeSet, type OutcomeValue } from '../../analysis/sweep/index';
import { runModel, type RunSpec, type RunSummary } from '../../sim/index';

/** A run to make, with the outcomes to read from it (none: the summary alone). */
export interface OutcomesJob {
  readonly spec: RunSpec;
  readonly outcomes: OutcomeSet | null;
}

export interface RunWithOutcomes {
  readonly summary: RunSummary;
  /** One value per outcome of the job's set, in its order (null without a set). */
  readonly values: readonly OutcomeValue[] | null;
}

export function withOutcomes({ spec, outcomes }: OutcomesJob): RunWithOutcomes {
  const r = runModel(spec);
  if (!outcomes) return { summary: r.summary, values: null };
  const values = evaluatorOf(outcomes).evaluate({ summary: r.summary as unknown as Record<string, unknown>, params: r.params as Record<string, unknown>, series: r.series, figures: {} });
  return { summary: r.summary, values };
}

export interface RunWithDigests {
  readonly summary: RunSummary;
  readonly digests: Uint32Array;
}

export function withDigests(spec: RunSpec): RunWithDigests {
  const r = runModel(spec);
  return { summary: r.summary, digests: tickDigests(r.series, r.ticks) };
}

/** One run of a sweep (`r2p-sim sweep`): its results hash and outcomes, or its error. */
export { runSweepJob as sweepJob } from '../../analysis/sweep/run';
