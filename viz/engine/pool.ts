/**
 * Many runs on every core: a pool of Web Workers (workerpool) running whole specs in
 * batch-worker.ts. Results arrive as they finish, with progress; cancelling stops every worker
 * at once (they are terminated, and a fresh pool starts on the next batch).
 */
import workerpool from 'workerpool';
import type { RunSpec } from '../../sim/index';
import type { BatchAnswer, ReplayAnswer } from './batch-worker';
import batchWorkerUrl from './batch-worker.ts?worker&url';

export type { BatchAnswer, ReplayAnswer };

export interface BatchJob {
  readonly spec: RunSpec;
  /** Series to send back whole (e.g. deathsPeople for a fan chart); none by default. */
  readonly series?: readonly string[];
}

export interface BatchHandlers {
  /** Each result as it arrives (job index, answer). */
  onResult?(index: number, answer: BatchAnswer): void;
  /** A run the engine refused or that failed: the job's index and the engine's message. */
  onError?(index: number, message: string): void;
  onProgress?(done: number, total: number): void;
}

export interface BatchRun {
  /** Every job's answer in job order (undefined for a failed job); rejects only when cancelled. */
  readonly done: Promise<(BatchAnswer | undefined)[]>;
  cancel(): void;
}

/** Workers in the pool: every core the browser reports. */
export const POOL_SIZE = Math.max(1, globalThis.navigator?.hardwareConcurrency || 2);

let pool: ReturnType<typeof workerpool.pool> | null = null;

function thePool() {
  pool ??= workerpool.pool(batchWorkerUrl, { maxWorkers: POOL_SIZE, workerType: 'web', workerOpts: { type: 'module' } });
  return pool;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export function runBatch(jobs: readonly BatchJob[], handlers: BatchHandlers = {}): BatchRun {
  const p = thePool();
  const answers: (BatchAnswer | undefined)[] = new Array(jobs.length).fill(undefined);
  let finished = 0;
  let cancelled = false;
  handlers.onProgress?.(0, jobs.length);
  const tasks = jobs.map((job, i) =>
    p
      .exec('run', [job.spec, job.series ?? []])
      .then((a: BatchAnswer) => {
        answers[i] = a;
        handlers.onResult?.(i, a);
      })
      .catch((e: unknown) => {
        if (!cancelled) handlers.onError?.(i, e instanceof Error ? e.message : String(e));
      })
      .then(() => {
        if (!cancelled) handlers.onProgress?.(++finished, jobs.length);
      }),
  );
  const done = Promise.all(tasks).then(() => {
    if (cancelled) throw new Cancelled();
    return answers;
  });
  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      // Terminate at once: a run in progress cannot be interrupted any other way.
      const old = pool;
      pool = null;
      void old?.terminate(true);
    },
  };
}

/** Parse and rerun a run file's text in a pool worker (the page stays responsive); rejects with the file's first problem. */
export async function replayFile(text: string, source: string): Promise<ReplayAnswer> {
  try {
    return (await thePool().exec('replay', [text, source])) as ReplayAnswer;
  } catch (e) {
    // workerpool rebuilds the worker's error: keep its message only.
    throw new Error(e instanceof Error ? e.message : String(e));
  }
}
