/**
 * Progress and size estimates for long work. A run expected to take more than a few seconds
 * says so before it starts (time and memory) and shows a progress bar on a terminal, or a plain
 * line every tenth of the way when stderr is a file or a pipe.
 */
import { SingleBar } from 'cli-progress';
import { bytes, count, duration, int } from './format';

/**
 * Rough single-thread speeds and memory per agent, from `npm run bench` on a 2-core machine
 * (agent-steps per second; bytes per agent while the run is held). An estimate, not a promise.
 */
const SPEED: Readonly<Record<string, { stepsPerSec: number; bytesPerAgent: number }>> = {
  'r2p-luck-2018': { stepsPerSec: 2.5e7, bytesPerAgent: 100 },
  'epstein-civil-violence': { stepsPerSec: 3e6, bytesPerAgent: 700 },
  'epstein-ethnic-violence': { stepsPerSec: 2e6, bytesPerAgent: 700 },
};
const FALLBACK = { stepsPerSec: 2e6, bytesPerAgent: 1000 };

/** Show progress when a run is expected to take longer than this. */
export const PROGRESS_AFTER_SECONDS = 3;

export interface RunEstimate {
  readonly seconds: number;
  readonly bytes: number;
  readonly text: string;
}

/** Time and memory a run of `agents` x `ticks` is expected to need; `seriesCount` series are kept per tick. */
export function estimateRun(model: string, agents: number, ticks: number, seriesCount: number, unit = 'tick'): RunEstimate {
  const s = SPEED[model] ?? FALLBACK;
  const seconds = (agents * ticks) / s.stepsPerSec;
  // The world, the series (8 bytes a value) and the run file's text (about 20 bytes a value, twice while it is built).
  const memory = agents * s.bytesPerAgent + seriesCount * ticks * (8 + 40);
  return { seconds, bytes: memory, text: `${duration(seconds)} and ${bytes(memory)} of memory for ${count(agents, 'agent')} x ${count(ticks, unit)}` };
}

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** A progress display on stderr for `total` units named `unit` (a bar on a terminal, else plain lines). */
export function startProgress(label: string, total: number, unit: string): Progress {
  const err = process.stderr;
  if (err.isTTY) {
    const bar = new SingleBar({ format: `${label} {bar} {percentage}% | ${unit} {value}/{total} | {eta_formatted} left`, etaBuffer: 100, stream: err, hideCursor: true });
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  const started = Date.now();
  let nextTenth = 1;
  return {
    update(done) {
      if (done < (nextTenth * total) / 10) return;
      while (done >= (nextTenth * total) / 10) nextTenth++;
      const elapsed = (Date.now() - started) / 1000;
      const left = done > 0 && done < total ? `, ${duration((elapsed * (total - done)) / done)} left` : '';
      err.write(`${label}: ${Math.floor((100 * done) / total)}% (${int(done)} of ${count(total, unit)})${left}\n`);
    },
    stop() {},
  };
}

/**
 * A bar for many runs (`cases`, `compare`) on a terminal; nothing when stderr is not one or the
 * output is data (--json, --csv), so that piped output stays clean.
 */
export function startRunsBar(label: string, total: number, quiet: boolean): Progress | undefined {
  if (quiet || !process.stderr.isTTY) return undefined;
  const bar = new SingleBar({ format: `${label} {bar} {value}/{total} runs | {eta_formatted} left`, etaBuffer: 50, stream: process.stderr });
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
