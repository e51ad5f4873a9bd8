/**
 * A one-node SLURM cluster for tests, from Debian's `slurm-wlm` and `munge` (installed by
 * .ci/run): munged, slurmctld and slurmd started as root on this machine with their own socket,
 * ports, state and logs in a temporary folder (nothing under /etc is touched), and stopped again
 * by `stop()`. Configuration as the sweeps issue asks: proctrack/linuxproc, task/none,
 * select/cons_tres, and the node's real CPU count. Not a test file itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

const BINARIES = ['/usr/sbin/munged', '/usr/sbin/slurmctld', '/usr/sbin/slurmd', '/usr/bin/sbatch', '/usr/bin/sinfo'];

/** Why a SLURM cluster cannot be started here, or null when it can. */
export function slurmMissing(): string | null {
  const missing = BINARIES.filter((b) => !existsSync(b));
  if (missing.length) return `not installed: ${missing.join(', ')} (apt-get install slurm-wlm munge)`;
  if (process.getuid?.() !== 0) return 'the daemons must run as root';
  return null;
}

export interface SlurmCluster {
  readonly dir: string;
  /** Environment for client commands (sbatch, squeue): SLURM_CONF points at this cluster. */
  readonly env: NodeJS.ProcessEnv;
  /** Submit a batch script as a job array 1..n and wait for every task to end; returns sbatch's exit status. */
  submitArray(script: string, n: number, workdir: string): { status: number; output: string };
  stop(): void;
}

/** Start the cluster; throws with the daemons' logs if the node does not come up idle in time. */
export function startSlurm(): SlurmCluster {
  const dir = mkdtempSync(join(tmpdir(), 'r2p-slurm-'));
  const host = hostname().split('.')[0];
  // Ports of our own, so that a cluster already on this machine is not disturbed.
  const base = 20_000 + Math.floor(Math.random() * 20_000);
  const key = join(dir, 'munge.key');
  writeFileSync(key, randomBytes(1024), { mode: 0o600 });
  for (const d of ['state', 'spool']) mkdirSync(join(dir, d));
  const socket = join(dir, 'munge.socket');
  const conf = join(dir, 'slurm.conf');
  writeFileSync(
    conf,
    [
      'ClusterName=r2ptest',
      `SlurmctldHost=${host}`,
      'SlurmUser=root',
      'SlurmdUser=root',
      'AuthType=auth/munge',
      `AuthInfo=socket=${socket}`,
      'CredType=cred/munge',
      `StateSaveLocation=${join(dir, 'state')}`,
      `SlurmdSpoolDir=${join(dir, 'spool')}`,
      `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
      `SlurmctldPort=${base}`,
      `SlurmdPort=${base + 1}`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'SchedulerType=sched/backfill',
      'ReturnToService=2',
      'MpiDefault=none',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      `SlurmctldLogFile=${join(dir, 'slurmctld.log')}`,
      `SlurmdLogFile=${join(dir, 'slurmd.log')}`,
      `NodeName=${host} CPUs=${availableParallelism()} State=UNKNOWN`,
      `PartitionName=test Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
      '',
    ].join('\n'),
  );
  const env = { ...process.env, SLURM_CONF: conf };
  const pidFiles = ['slurmd.pid', 'slurmctld.pid', 'munged.pid'].map((f) => join(dir, f));
  const stop = () => {
    const pids = pidFiles.filter(existsSync).map((f) => Number(readFileSync(f, 'utf8').trim()));
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    // Wait (up to 10 s) for the daemons to exit, then remove their folder.
    for (let i = 0; i < 100 && pids.some(alive); i++) sleep(100);
    for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync('/usr/sbin/munged', ['--force', `--socket=${socket}`, `--key-file=${key}`, `--pid-file=${join(dir, 'munged.pid')}`, `--log-file=${join(dir, 'munged.log')}`, `--seed-file=${join(dir, 'munge.seed')}`]);
    execFileSync('/usr/sbin/slurmctld', ['-f', conf]);
    execFileSync('/usr/sbin/slurmd', ['-f', conf]);
    // The node must come up idle.
    let state = '';
    for (let i = 0; i < 100; i++) {
      state = spawnSync('/usr/bin/sinfo', ['-h', '-o', '%t'], { env, encoding: 'utf8' }).stdout.trim();
      if (state === 'idle') break;
      sleep(200);
    }
    if (state !== 'idle') throw new Error(`the SLURM node did not come up idle (state "${state}"); logs in ${dir}`);
  } catch (e) {
    const logs = ['munged.log', 'slurmctld.log', 'slurmd.log']
      .map((f) => join(dir, f))
      .filter(existsSync)
      .map((f) => `--- ${f}\n${readFileSync(f, 'utf8').split('\n').slice(-15).join('\n')}`)
      .join('\n');
    stop();
    throw new Error(`${(e as Error).message}\n${logs}`);
  }
  return {
    dir,
    env,
    submitArray(script, n, workdir) {
      const r = spawnSync('/usr/bin/sbatch', ['--wait', `--array=1-${n}`, `--chdir=${workdir}`, `--output=${join(workdir, 'slurm-%A_%a.out')}`, script], { env, encoding: 'utf8', timeout: 300_000 });
      return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
    },
    stop,
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
