/**
 * Runs a sweep's jobs on a pool of worker threads (piscina, the worker `cases` and `compare` use,
 * with its `sweepJob` task), or in this thread for one worker. Jobs are drawn from an iterator and
 * kept a few per thread in flight, so that a sweep of millions of runs never builds them all;
 * each result goes to `onResult` as it arrives, whatever order the threads finish in. A run that
 * throws in a worker (or a worker that dies) is a failed run with its message, and the sweep goes
 * on.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { runSweepJob, type RunRecord, type SweepJob } from '../../analysis/sweep/index';

/** The worker file: beside the compiled CLI (build/cli/workers/), or cli/workers/ from source. */
function workerFile(): string {
  for (const rel of ['./workers/summary-worker.mjs', '../workers/summary-worker.mjs']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url.href;
  }
  throw new Error('the worker file (workers/summary-worker.mjs) is missing: rebuild the CLI (node cli/build.mjs)');
}

export interface PoolControl {
  /** Set to stop drawing new jobs (the runs in flight still finish). */
  stopped: boolean;
}

function failed(job: SweepJob, e: unknown): RunRecord {
  const t = job.task;
  const msg = e instanceof Error ? e.message : String(e);
  return { run: t.index, point: t.point, replicate: t.replicate, seed: t.seed, hash: null, outcomes: null, error: `the worker failed: ${msg.split('\n')[0].slice(0, 500)}` };
}

export async function runJobs(jobs: Iterator<SweepJob>, workers: number, onResult: (rec: RunRecord) => void, control: PoolControl = { stopped: false }): Promise<void> {
  if (workers <= 1) {
    for (let it = jobs.next(); !it.done && !control.stopped; it = jobs.next()) {
      onResult(runSweepJob(it.value));
      // Let the journal flush, the progress draw and signals arrive between runs.
      await new Promise((r) => setImmediate(r));
    }
    return;
  }
  const pool = new Piscina({ filename: workerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  const limit = workers * 3;
  try {
    await new Promise<void>((resolve, reject) => {
      let inflight = 0;
      let exhausted = false;
      let broken = false;
      const next = () => {
        while (!broken && !exhausted && !control.stopped && inflight < limit) {
          const it = jobs.next();
          if (it.done) {
            exhausted = true;
            break;
          }
          const job = it.value;
          inflight++;
          (pool.run(job, { name: 'sweepJob' }) as Promise<RunRecord>)
            .then(
              (rec) => rec,
              (e: unknown) => failed(job, e),
            )
            .then((rec) => {
              inflight--;
              if (broken) return;
              try {
                onResult(rec);
              } catch (e) {
                broken = true;
                reject(e);
                return;
              }
              next();
            });
        }
        if (inflight === 0 && (exhausted || control.stopped)) resolve();
      };
      try {
        next();
      } catch (e) {
        reject(e);
      }
    });
  } finally {
    await pool.destroy();
  }
}
