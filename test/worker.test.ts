/**
 * The same spec gives the same hash in a worker thread as in the main thread (the browser app
 * runs the engine in a Web Worker; a Node worker is the closest stand-in a test can start).
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { hashResult, runModel, type RunSpec } from '../sim/index';

const WORKER = new URL('./fixtures/hash-worker.mjs', import.meta.url);

function hashInWorker(spec: RunSpec): Promise<string> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { workerData: spec });
    let answered = false;
    w.once('message', (h: unknown) => {
      answered = true;
      if (typeof h === 'string') resolve(h);
      else reject(new Error(`worker posted ${String(h)}`));
    });
    w.once('error', reject);
    w.once('exit', (code) => {
      if (!answered) reject(new Error(`worker exited with code ${code} without a hash`));
    });
  });
}

describe('worker thread', () => {
  const specs: RunSpec[] = [
    { seed: 42, ticks: 120, params: { agents: 2000 } },
    {
      seed: 'worker',
      ticks: 90,
      params: { agents: 1500, incitement: 0.9, patron: true, perpetratorType: 'armed-group' },
      schedule: [{ tick: 30, name: 'deterrence', value: 0.8 }],
    },
  ];

  it('gives the same hash as the main thread', async () => {
    const inWorkers = await Promise.all(specs.map(hashInWorker));
    specs.forEach((spec, i) => {
      const here = hashResult(runModel(spec));
      expect(inWorkers[i], JSON.stringify(spec)).toMatch(/^[0-9a-f]{64}$/);
      expect(inWorkers[i], JSON.stringify(spec)).toBe(here);
    });
    // ...and the two specs really are different runs.
    expect(inWorkers[0]).not.toBe(inWorkers[1]);
  });
});
