/** The real bin (cli/r2p-sim.mjs) run as a user would, for the end-to-end tests. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliOptions {
  /** Options for node itself, before the bin (e.g. ['--import', preload]). */
  readonly nodeArgs?: readonly string[];
  /** Working directory (the repository root by default). */
  readonly cwd?: string;
}

/** Run `r2p-sim ...args` from the repository root; `what` is the whole exchange, for failure messages. */
export function cli(...args: string[]) {
  return cliWith({}, ...args);
}

export function cliWith(opts: CliOptions, ...args: string[]) {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), `${ROOT}/cli/r2p-sim.mjs`, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, what: `r2p-sim ${args.join(' ')}\n${r.stdout}\n${r.stderr}` };
}
