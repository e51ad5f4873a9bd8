/** The test page's Web Worker: runs each spec it is sent and posts back its results hash. */
import { hashResult, runModel, type RunSpec } from '../../sim/index';

export type WorkerAnswer = { id: number; hash: string; error?: undefined } | { id: number; hash?: undefined; error: string };

// The project's type check uses the DOM library, whose `self` is a Window; in a worker it is
// the worker's global scope, whose postMessage takes no target origin.
const scope = self as unknown as { postMessage(a: WorkerAnswer): void; addEventListener: typeof self.addEventListener };

scope.addEventListener('message', (ev: MessageEvent<{ id: number; spec: RunSpec }>) => {
  const { id, spec } = ev.data;
  try {
    scope.postMessage({ id, hash: hashResult(runModel(spec)) });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
