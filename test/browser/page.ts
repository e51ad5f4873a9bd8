/**
 * The test page's module: runs a spec with the engine's public API on the page's main thread, or
 * hands it to a Web Worker (worker.ts), and answers with the results hash. test/browser.test.ts
 * calls these through Playwright.
 */
import { hashResult, runModel, type RunSpec } from '../../sim/index';
import type { WorkerAnswer } from './worker';

declare global {
  interface Window {
    hashOnPage(spec: RunSpec): string;
    hashInWorker(spec: RunSpec): Promise<string>;
    ready: boolean;
  }
}

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const pending = new Map<number, { resolve(hash: string): void; reject(e: Error): void }>();
let nextId = 0;

worker.addEventListener('message', (ev: MessageEvent<WorkerAnswer>) => {
  const p = pending.get(ev.data.id);
  pending.delete(ev.data.id);
  if (ev.data.hash !== undefined) p?.resolve(ev.data.hash);
  else p?.reject(new Error(`worker: ${ev.data.error}`));
});
// A worker that fails to load reports only here; fail every request instead of hanging.
worker.addEventListener('error', (ev) => {
  for (const p of pending.values()) p.reject(new Error(`worker failed: ${ev.message}`));
  pending.clear();
});

window.hashOnPage = (spec) => hashResult(runModel(spec));
window.hashInWorker = (spec) =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, spec });
  });
window.ready = true;
