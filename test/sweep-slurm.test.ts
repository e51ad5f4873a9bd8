/**
 * A sweep beyond one machine, on a real batch scheduler: a one-node SLURM cluster from Debian's
 * packages (test/support/slurm.ts starts munged, slurmctld and slurmd and stops them after),
 * the tiny sweep submitted as a job array (`sbatch --array=1-3`, each task one `--shard i/3`),
 * the shards merged with `r2p-sim merge`, and the result compared with the same sweep run on one
 * machine: the same rows, byte for byte, after sorting. Needs root and slurm-wlm + munge, which
 * .ci/run installs; elsewhere it is skipped with the reason.
 */
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { slurmMissing, startSlurm, type SlurmCluster } from './support/slurm';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARDS = 3;
const missing = slurmMissing();

const sortedLines = (path: string) => {
  const [head, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  return [head, ...rows.sort()].join('\n');
};

describe.skipIf(missing !== null)(`a sweep as a SLURM job array${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let cluster: SlurmCluster;
  let dir: string;
  beforeAll(() => {
    cluster = startSlurm();
    dir = mkdtempSync(join(tmpdir(), 'r2p-slurm-sweep-'));
  }, 60_000);
  afterAll(() => {
    cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the shards as array tasks, and their merge equals the single-machine sweep', () => {
    const script = join(dir, 'sweep-array.sh');
    // The job-array script of docs/sweeps.md: task i runs shard i of n.
    writeFileSync(
      script,
      [
        '#!/bin/bash',
        'set -euo pipefail',
        `cd ${JSON.stringify(ROOT)}`,
        `node cli/r2p-sim.mjs sweep sweeps/tiny.json --out ${JSON.stringify(dir)}/shard-$SLURM_ARRAY_TASK_ID --shard $SLURM_ARRAY_TASK_ID/${SHARDS} --workers 1`,
        '',
      ].join('\n'),
    );
    chmodSync(script, 0o755);
    const job = cluster.submitArray(script, SHARDS, dir);
    expect(job.status, job.output).toBe(0);

    const shards = Array.from({ length: SHARDS }, (_, i) => join(dir, `shard-${i + 1}`));
    const merged = cli('merge', ...shards, '--out', join(dir, 'merged'));
    expect(merged.status, merged.what).toBe(0);
    const single = cli('sweep', 'sweeps/tiny.json', '--out', join(dir, 'single'));
    expect(single.status, single.what).toBe(0);

    for (const f of ['runs.csv', 'summary.csv']) {
      expect(sortedLines(join(dir, 'merged', f)), f).toBe(sortedLines(join(dir, 'single', f)));
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'merged', 'manifest.json'), 'utf8'));
    const singleManifest = JSON.parse(readFileSync(join(dir, 'single', 'manifest.json'), 'utf8'));
    expect(manifest.runs).toEqual(singleManifest.runs);
    expect(manifest.runs.failed).toBe(0);
    expect(manifest.status).toBe('complete');
    // The shards really ran as array tasks of the cluster: SLURM wrote each task's output file.
    expect(readdirSync(dir).filter((f) => /^slurm-\d+_\d+\.out$/.test(f))).toHaveLength(SHARDS);
  }, 300_000);
});
