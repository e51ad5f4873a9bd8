/**
 * Many runs on all cores: a piscina worker pool, or this thread when one job is asked for.
 * Results come back in the order of the specs whatever order the workers finish in, so the
 * output does not depend on the number of jobs.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RunSpec } from '../sim/index';
import { withDigests, withOutcomes, type OutcomesJob, type RunWithDigests, type RunWithOutcomes } from './workers/summary-task';

export interface RunManyOptions {
  readonly jobs?: number;
  /** Called after each finished run with the number done so far. */
  readonly onProgress?: (done: number) => void;
}

export const defaultJobs = () => availableParallelism();

/** Each run's summary and per-tick digests (for `compare`). */
export async function runManyWithDigests(specs: readonly RunSpec[], opts: RunManyOptions = {}): Promise<RunWithDigests[]> {
  return runTasks<RunWithDigests, RunSpec>(specs, opts, withDigests, 'withDigests');
}

/** Each run's summary, with the outcomes its job names evaluated on it (for `cases`: the documented patterns). */
export async function runManyWithOutcomes(jobs: readonly OutcomesJob[], opts: RunManyOptions = {}): Promise<RunWithOutcomes[]> {
  return runTasks<RunWithOutcomes, OutcomesJob>(jobs, opts, withOutcomes, 'withOutcomes');
}

/** Runs `task` on every job, in this thread (one job) or on the pool by the task's exported `name`. */
async function runTasks<T, J>(specs: readonly J[], opts: RunManyOptions, task: (spec: J) => T, name: string): Promise<T[]> {
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), specs.length));
  let done = 0;
  const tick = () => opts.onProgress?.(++done);
  if (jobs === 1) {
    const out: T[] = [];
    for (const spec of specs) {
      out.push(task(spec));
      tick();
      // Let the progress bar draw and signals arrive between runs.
      await new Promise((r) => setImmediate(r));
    }
    return out;
  }
  const pool = new Piscina({
    filename: new URL('./workers/summary-worker.mjs', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 1000,
  });
  try {
    return await Promise.all(
      specs.map(async (spec) => {
        const r = (await pool.run(spec, { name })) as T;
        tick();
        return r;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
