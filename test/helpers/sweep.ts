/** Helpers for the sweep tests: sweep files in memory, read as the CLI reads them, and the CLI run in the background. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadSweep, type ResolvedSweep } from '../../analysis/sweep/index';
import { fileEnv } from '../../cli/sweep/env';
import { ROOT } from './cli';

/** A small sweep over the default scenario that runs in well under a second per run. */
export function smallSweep(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'small',
    scenario: 'default',
    ticks: 80,
    params: { agents: 1000, peoplePerAgent: 50 },
    factors: [{ param: 'incitement', levels: [0.4, 0.8] }],
    design: { kind: 'grid' },
    replicates: 2,
    outcomes: ['deathsPeople'],
    ...over,
  };
}

/** Resolve a sweep given as an object, as the CLI would from `file`. */
export function resolve(sweep: unknown, file = 'test.json'): ResolvedSweep {
  return loadSweep(JSON.stringify(sweep), file, fileEnv(`${ROOT}/sweeps/${file}`));
}

/** The error a sweep is refused with (fails the test when it is accepted). */
export function refusal(sweep: unknown, file = 'test.json'): Error & { issues?: { path: string; value: unknown; expected: string }[] } {
  try {
    resolve(sweep, file);
  } catch (e) {
    return e as Error;
  }
  throw new Error(`accepted: ${JSON.stringify(sweep)}`);
}

/** The CLI started in the background (to be killed). */
export function startCli(args: readonly string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [`${ROOT}/cli/r2p-sim.mjs`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((res) => child.on('close', (code, signal) => res({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Lines of a file (without the trailing empty one); [] when it is missing. */
export function fileLines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  } catch {
    return [];
  }
}
