/**
 * `npm run bench [-- --json] [-- --only NAME]`: engine speed and memory, single thread: the main
 * model on the default scenario at four sizes, and Epstein's civil-violence Model I with the
 * mesa preset at the two sizes Mesa was measured at (docs/sources/epstein-2002-reference.md). Agent-steps per second counts stepping only (set-up is reported apart);
 * bytes per agent is the growth of the JS heap plus array buffers while the finished model is
 * still held, after a full GC (run under --expose-gc), divided by agents: median over repeats.
 * It includes each run's fixed costs (the per-tick series, about 48 x ticks x 8 bytes), which
 * dominate at 1k agents.
 */
import { MODELS, createModel, defaultParams, type RunSpec } from '../sim/index';

interface Workload {
  readonly workload: string;
  readonly model: string;
  readonly preset?: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly ticks: number;
  readonly repeats: number;
}

// The default scenario's parameters: the defaults with its one trigger event, an election on day 60.
const main = (agents: number) => ({ ...defaultParams(), electionDay: 60, agents });

const WORKLOADS: readonly Workload[] = [
  { workload: 'default-1k', model: 'r2p-luck-2018', params: main(1_000), ticks: 365, repeats: 7 },
  { workload: 'default-10k', model: 'r2p-luck-2018', params: main(10_000), ticks: 365, repeats: 5 },
  { workload: 'default-100k', model: 'r2p-luck-2018', params: main(100_000), ticks: 365, repeats: 3 },
  { workload: 'default-1m', model: 'r2p-luck-2018', params: main(1_000_000), ticks: 60, repeats: 1 },
  // Mesa's figures: about 32,000 agent-steps/s at 40x40 x 200 steps and 22,000 at 100x100 x 100.
  { workload: 'epstein-mesa-40', model: 'epstein-civil-violence', preset: 'mesa', params: { width: 40, height: 40 }, ticks: 200, repeats: 7 },
  { workload: 'epstein-mesa-100', model: 'epstein-civil-violence', preset: 'mesa', params: { width: 100, height: 100 }, ticks: 100, repeats: 5 },
].filter((w) => MODELS.some((m) => m.id === w.model));

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc && !json) process.stderr.write('note: run with node --expose-gc for memory figures (npm run bench does)\n');

/** Heap plus array buffers after full GCs; array-buffer backing stores are released
 * asynchronously, so let the event loop turn before reading. */
async function heapBytes(): Promise<number> {
  for (let k = 0; k < 3; k++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One run in its own frame, so that no earlier model is still reachable when memory is read. */
async function runOnce(w: Workload, seed: number): Promise<{ setupMs: number; rate: number; bytes: number; agents: number }> {
  const before = await heapBytes();
  const t0 = performance.now();
  const model = createModel({ model: w.model, preset: w.preset, seed, ticks: w.ticks, params: w.params } as RunSpec);
  const t1 = performance.now();
  // Agent-steps count the agents that act each tick (Mesa's measure: every agent, jailed too).
  const agents = model.kernel.agentCount(model.world, model.params);
  while (!model.done) model.step();
  const t2 = performance.now();
  const bytes = (await heapBytes()) - before;
  if (model.tick !== w.ticks) throw new Error('run did not complete'); // keeps the model alive until here
  return { setupMs: t1 - t0, rate: (agents * w.ticks) / ((t2 - t1) / 1000), bytes, agents };
}

async function measure(w: Workload) {
  const stepRates: number[] = [];
  const setups: number[] = [];
  const bytes: number[] = [];
  let agents = 0;
  for (let rep = 0; rep < w.repeats; rep++) {
    const r = await runOnce(w, rep + 1);
    stepRates.push(r.rate);
    setups.push(r.setupMs);
    bytes.push(r.bytes);
    agents = r.agents;
  }
  return {
    workload: w.workload,
    model: w.model,
    agents,
    ticks: w.ticks,
    agentStepsPerSec: Math.round(median(stepRates)),
    bytesPerAgent: gc ? Math.round(median(bytes) / agents) : null,
    setupMs: Math.round(median(setups)),
    repeats: w.repeats,
  };
}

// Warm the JIT first, so that small workloads measure the engine and not the compiler.
for (let k = 0; k < 20; k++) createModel({ seed: 1000 + k, ticks: 365, params: main(1_000) }).run();
for (const w of WORKLOADS.filter((x) => x.model !== 'r2p-luck-2018')) for (let k = 0; k < 5; k++) createModel({ model: w.model, preset: w.preset, seed: 1000 + k, ticks: 50, params: w.params } as RunSpec).run();

if (!json) {
  process.stdout.write(`r2p-sim bench: single thread, node ${process.version}\n`);
  process.stdout.write('workload            agents     ticks  agent-steps/s   bytes/agent  set-up ms\n');
}
for (const w of WORKLOADS) {
  if (only && w.workload !== only) continue;
  const r = await measure(w);
  if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
  else {
    process.stdout.write(
      `${r.workload.padEnd(16)} ${String(r.agents).padStart(8)} ${String(r.ticks).padStart(8)} ${(r.agentStepsPerSec / 1e6).toFixed(1).padStart(10)} M ${String(r.bytesPerAgent ?? '-').padStart(12)} ${String(r.setupMs).padStart(10)}\n`,
    );
  }
}
