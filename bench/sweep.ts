/**
 * `npm run bench:sweep [-- --runs 1000] [-- --only tiny]`: the sweep runner's speed, as whole CLI
 * processes (as a user runs it): runs per second with 1 and 2 workers on sweeps/tiny.json and on a
 * sweep of the default scenario at 10,000 agents (a grid over incitement, replicated to --runs
 * runs), the parallel efficiency (runs/s on 2 workers / (2 x runs/s on 1)), the overhead per
 * run beside bare `r2p-sim run`s of the same inputs, and the peak memory of the sweep process (flat
 * in the number of runs: compare --runs 100 with --runs 1000). Prints a table; `--json` one object
 * per line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const json = args.includes('--json');
const only = args.includes('--only') ? arg('only', '') : '';
const runs = Number(arg('runs', '1000'));
const dir = mkdtempSync(join(tmpdir(), 'r2p-bench-sweep-'));
const cli = (...a: string[]) => execFileSync(process.execPath, [join(ROOT, 'cli/r2p-sim.mjs'), ...a], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });

/** Seconds and peak resident memory (MB, the process with its worker threads) for one whole sweep, in a fresh output folder. */
function sweepRun(file: string, workers: number): { sec: number; peakMb: number | null } {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const args = [join(ROOT, 'cli/r2p-sim.mjs'), 'sweep', file, '--out', out, '--workers', String(workers), '--no-progress'];
  const t0 = process.hrtime.bigint();
  // GNU time reports the peak resident set; without it, time only.
  const timed = existsSync('/usr/bin/time');
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`sweep failed: ${r.stderr}`);
  const kb = timed ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { sec, peakMb: Number.isFinite(kb) ? kb / 1024 : null };
}

// The default scenario at 10,000 agents for a year: 10 incitement levels x runs/10 replicates.
const reps = Math.max(1, Math.round(runs / 10));
const big = join(dir, 'default-10k.json');
writeFileSync(
  big,
  JSON.stringify({
    id: 'bench-default-10k',
    scenario: 'default',
    factors: [{ param: 'incitement', min: 0.1, max: 1, steps: 10 }],
    design: { kind: 'grid' },
    replicates: reps,
    outcomes: ['deathsPeople', 'massAtrocity'],
  }),
);

const rows: Record<string, unknown>[] = [];
for (const [name, file, n] of [
  ['tiny', join(ROOT, 'sweeps/tiny.json'), 12],
  ['default-10k', big, 10 * reps],
] as const) {
  if (only && only !== name) continue;
  const one = sweepRun(file, 1);
  const two = sweepRun(file, 2);
  rows.push({ sweep: name, runs: n, workers1RunsPerSec: n / one.sec, workers2RunsPerSec: n / two.sec, efficiency: one.sec / (2 * two.sec), peakMb1: one.peakMb, peakMb2: two.peakMb });
}
// Overhead per run: a bare `run` of one of the big sweep's runs, as separate processes, against
// the sweep's time per run on one worker (the process start is the bare run's own overhead).
if (!only || only === 'default-10k') {
  const bare = 5;
  const t0 = process.hrtime.bigint();
  for (let s = 1; s <= bare; s++) cli('run', '--scenario', 'default', '--incitement', '0.5', '--seed', String(s), '--out', join(dir, `bare-${s}.run.json`));
  const bareSec = Number(process.hrtime.bigint() - t0) / 1e9 / bare;
  const row = rows.find((r) => r.sweep === 'default-10k');
  if (row) Object.assign(row, { bareRunSec: bareSec, sweepSecPerRun1: 1 / (row.workers1RunsPerSec as number) });
}
rmSync(dir, { recursive: true, force: true });

if (json) for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
else {
  process.stdout.write('sweep         runs   runs/s (1 worker)  runs/s (2 workers)  efficiency  s/run in sweep  s per bare run  peak MB (1 / 2 workers)\n');
  for (const r of rows) {
    const f = (x: unknown, d = 2) => (typeof x === 'number' ? x.toFixed(d) : '-');
    process.stdout.write(
      `${String(r.sweep).padEnd(12)}  ${String(r.runs).padStart(4)}   ${f(r.workers1RunsPerSec).padStart(17)}  ${f(r.workers2RunsPerSec).padStart(18)}  ${`${f((r.efficiency as number) * 100, 0)}%`.padStart(10)}  ${f(r.sweepSecPerRun1, 3).padStart(14)}  ${f(r.bareRunSec, 3).padStart(14)}  ${f(r.peakMb1, 0).padStart(8)} / ${f(r.peakMb2, 0)}\n`,
    );
  }
}
