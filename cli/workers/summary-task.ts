/**
 * A worker's tasks: one run of the engine each, returning plain data that is cheap to post. The
 * default task returns the summary (`cases`); `withDigests` also returns a digest of each tick's
 * observables, from which `compare` finds the day an arm first parts from its baseline.
 */
import { tickDigests } from '../../analysis/compare';
import { runModel, type RunSpec, type RunSummary } from '../../sim/index';

export default function summaryTask(spec: RunSpec): RunSummary {
  return runModel(spec).summary;
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
