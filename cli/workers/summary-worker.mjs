// Piscina worker entry when the CLI runs from source: the engine is TypeScript, so register tsx
// before loading the tasks (the compiled CLI uses build/cli/workers/summary-worker.mjs instead).
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./summary-task.ts');
export const withDigests = tasks.withDigests;
export const withOutcomes = tasks.withOutcomes;
export const sweepJob = tasks.sweepJob;
