/**
 * `r2p-sim sweep FILE --out DIR`: a sweep run to the end, or resumed, or one shard of it.
 *
 * The output folder holds the inputs (sweep.json, scenario.json, design.json), a manifest that
 * says whose results these are, and the journal (journal.jsonl), to which the parent appends each
 * finished run and fsyncs before counting it done. `--resume` reads the journal (cutting off a
 * torn last line), checks that the folder holds this sweep file's results by the same engine and
 * model versions (and the same shard), and runs only the runs not in it; the results are then
 * written from the journal in run order, so a resumed sweep ends with exactly the files of an
 * uninterrupted one. `--shard i/n` runs the runs whose index mod n is i - 1.
 */
import { hostname } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE, ParamError } from '../../sim/index';
import { designPlan, journalLine, seedOf, taskAt, type DesignPlan, type ResolvedSweep, type RunRecord, type SweepJob } from '../../analysis/sweep/index';
import { UsageError } from '../errors';
import { WriteError } from '../files';
import { count, duration, int } from '../format';
import { readSweepFile, type LoadedSweep } from './env';
import { JOURNAL, JournalIndex, JournalWriter, LineReader, scanJournal } from './journal';
import { RESULT_FILES, manifestOf, writeInputs, writeManifest, writeResults, type Manifest } from './outputs';
import { runJobs, type PoolControl } from './pool';
import { sweepProgress } from './progress';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** "i/n" with 1 <= i <= n. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || n > 1_000_000 || i < 1 || i > n) throw new ParamError('--shard', text, 'i/n: shard i of n, 1 <= i <= n (e.g. 3/8 for the runs whose index mod 8 is 2)');
  return { index: i, count: n };
}

/** The runs of a sweep (or of one shard), in ascending order. */
export function* shardRuns(runs: number, shard: Shard | null): Generator<number> {
  const step = shard ? shard.count : 1;
  for (let run = shard ? shard.index - 1 : 0; run < runs; run += step) yield run;
}

export const shardSize = (runs: number, shard: Shard | null) => (!shard ? runs : shard.index - 1 >= runs ? 0 : Math.floor((runs - shard.index) / shard.count) + 1);

export const seedOfRun = (r: ResolvedSweep) => (run: number) => seedOf(r, Math.floor(run / r.replicates), run % r.replicates);

/** The manifest in `dir`, or null when there is none. */
export function readManifest(dir: string): Manifest | null {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (e) {
    throw new UsageError(`${path}: not a readable manifest (${(e as Error).message.slice(0, 100)})`);
  }
}

const shardText = (s: Shard | null) => (s ? `shard ${s.index}/${s.count}` : 'all runs (no shard)');

/** Refuse to resume into a folder that holds other results. */
function checkResumable(dir: string, m: Manifest, loaded: LoadedSweep, file: string, shard: Shard | null): void {
  const r = loaded.resolved;
  if (m.sweep.hash !== loaded.hash) {
    throw new UsageError(`--resume: ${dir} holds the results of another sweep file (${m.sweep.file}, SHA-256 ${m.sweep.hash.slice(0, 12)}...), not of ${file} (${loaded.hash.slice(0, 12)}...); choose another --out`);
  }
  if (m.sweep.scenarioHash !== loaded.scenarioHash) {
    throw new UsageError(`--resume: the scenario of ${file} (${r.scenario?.id ?? 'none'}) has changed since ${dir} was started; its runs would not match: choose another --out`);
  }
  if (m.engine.version !== ENGINE.version || m.model.id !== r.model.id || m.model.version !== r.model.version) {
    throw new UsageError(
      `--resume: ${dir} was made by engine ${m.engine.version}, model ${m.model.version}; this is engine ${ENGINE.version}, model ${r.model.version}: the runs would mix two versions; choose another --out`,
    );
  }
  const had = m.shard ? { index: m.shard.index, count: m.shard.count } : null;
  if ((had === null) !== (shard === null) || (had && shard && (had.index !== shard.index || had.count !== shard.count))) {
    throw new UsageError(`--resume: ${dir} holds ${shardText(had)}, not ${shardText(shard)}; give the same --shard, or another --out`);
  }
}

/** A lock so that two sweeps never append to one journal: the host and process holding it. */
function takeLock(dir: string): () => void {
  const path = join(dir, '.lock');
  const me = `${hostname()} ${process.pid}`;
  try {
    writeFileSync(path, me, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const [host, pidText] = readFileSync(path, 'utf8').split(' ');
    const pid = Number(pidText);
    let alive = false;
    if (host === hostname() && Number.isInteger(pid) && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (k) {
        alive = (k as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (alive) throw new UsageError(`${dir}: another r2p-sim sweep (process ${pid}) is writing there; wait for it, or stop it first`);
    if (host !== hostname()) process.stderr.write(`sweep: ${dir} was locked by a sweep on host ${host}; taking it over (that host's sweep must not be running)\n`);
    writeFileSync(path, me);
  }
  return () => {
    try {
      unlinkSync(path);
    } catch {
      // gone already
    }
  };
}

export interface SweepOptions {
  readonly out: string;
  readonly workers: number;
  readonly resume: boolean;
  readonly shard: Shard | null;
  readonly progress: boolean;
}

/** Write the results and the complete manifest from a full journal index. */
export function finishOutputs(dir: string, loaded: LoadedSweep, file: string, plan: DesignPlan, shard: Shard | null, index: JournalIndex, journals: readonly string[], started: string, extra: Partial<Manifest> = {}): Manifest {
  const r = loaded.resolved;
  const reader = new LineReader(journals);
  let counts: { done: number; failed: number };
  try {
    counts = writeResults(dir, r, plan, shardRuns(r.runs, shard), index, reader, seedOfRun(r));
  } finally {
    reader.close();
  }
  const m = manifestOf(loaded, file, shard, { total: shardSize(r.runs, shard), done: counts.done, failed: counts.failed, sweep: r.runs }, started, new Date().toISOString(), extra);
  writeManifest(dir, m);
  return m;
}

export async function runSweep(file: string, opts: SweepOptions): Promise<void> {
  const t0 = Date.now();
  const loaded = readSweepFile(file);
  const r = loaded.resolved;
  const plan = designPlan(r);
  const { out, shard } = opts;
  const total = shardSize(r.runs, shard);
  const s = existsSync(out) ? statSync(out) : null;
  if (s && !s.isDirectory()) throw new UsageError(`--out ${out}: is a file, expected a folder for the sweep's results`);
  mkdirSync(out, { recursive: true });
  const release = takeLock(out);
  try {
    // Temporary files of a sweep killed while writing (never the results themselves: those are renamed into place).
    for (const f of readdirSync(out)) if (/\.\d+\.tmp$/.test(f)) unlinkSync(join(out, f));
    const had = readManifest(out);
    const journalPath = join(out, JOURNAL);
    if ((had || existsSync(journalPath)) && !opts.resume) {
      throw new UsageError(`--out ${out}: already holds a sweep's results${had ? ` (${had.sweep.id}, ${int(had.runs.done)} of ${count(had.runs.total, 'run')} done)` : ''}; add --resume to continue it, or choose another folder`);
    }
    if (had) checkResumable(out, had, loaded, file, shard);
    const started = had?.started ?? new Date(t0).toISOString();
    if (!had) {
      writeInputs(out, loaded, plan);
      writeManifest(out, manifestOf(loaded, file, shard, { total, done: 0, failed: 0, sweep: r.runs }, started, null));
    }

    const index = new JournalIndex(r.runs);
    const seedFn = seedOfRun(r);
    const scan = scanJournal(journalPath, 0, r, seedFn, index, shard);
    const journal = new JournalWriter(journalPath, scan.validBytes);
    const torn = scan.size - scan.validBytes;
    const already = index.count;
    // No more threads than runs left to do.
    const workers = Math.max(1, Math.min(opts.workers, total - already));
    const label = `sweep ${r.sweep.id}${shard ? ` ${shard.index}/${shard.count}` : ''}`;
    if (opts.progress) {
      process.stderr.write(
        `${label}: ${count(total, 'run')} (${count(r.points, 'point')} x ${count(r.replicates, 'replicate')}${shard ? `, shard ${shard.index} of ${shard.count}` : ''})` +
          `${already ? `, ${int(already)} already done` : ''}${torn ? ` (a torn last line of ${count(torn, 'byte')} cut off)` : ''}, on ${count(workers, 'worker')}\n`,
      );
    }
    const progress = sweepProgress(label, total, already, opts.progress);
    const figures = r.scenario?.figures ?? {};
    function* jobs(): Generator<SweepJob> {
      for (const run of shardRuns(r.runs, shard)) if (!index.has(run)) yield { task: taskAt(r, plan, run), outcomes: r.outcomes, figures };
    }
    // Finished runs wait here until the next flush: one write and one fsync for all of them.
    let pending: RunRecord[] = [];
    let scheduled = false;
    const control: PoolControl = { stopped: false };
    let failure: Error | null = null;
    const flush = () => {
      scheduled = false;
      if (failure || pending.length === 0) return;
      const batch = pending;
      pending = [];
      const lines = batch.map(journalLine);
      let offsets: number[];
      try {
        offsets = journal.append(lines);
      } catch (e) {
        // A full disk or an I/O error: stop, keeping what is in the journal.
        failure = e as Error;
        control.stopped = true;
        return;
      }
      batch.forEach((rec, k) => index.add(rec.run, 0, offsets[k], Buffer.byteLength(lines[k]), rec.error !== null));
      progress.update(index.count);
    };
    const onSignal = (signal: NodeJS.Signals) => {
      control.stopped = true;
      flush();
      progress.stop();
      process.stderr.write(`\n${label}: stopped by ${signal} with ${int(index.count)} of ${count(total, 'run')} done and kept; continue with: r2p-sim sweep ${file} --out ${out}${shard ? ` --shard ${shard.index}/${shard.count}` : ''} --resume\n`);
      release();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await runJobs(jobs(), workers, (rec) => {
        pending.push(rec);
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }, control);
      flush();
    } finally {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      journal.close();
      progress.stop();
    }
    if (failure) {
      throw new WriteError(`cannot append to ${journalPath}: ${(failure as Error).message}; the ${int(index.count)} runs in it are kept: fix the cause and continue with --resume`);
    }
    if (index.count !== total) throw new Error(`the sweep ended with ${index.count} of ${total} runs in the journal`);
    const m = finishOutputs(out, loaded, had?.sweep.file ?? file, plan, shard, index, [journalPath], started);
    const secs = (Date.now() - t0) / 1000;
    const ran = total - already;
    process.stdout.write(
      `${label}: ${count(m.runs.done, 'run')} done, ${int(m.runs.failed)} failed${already ? ` (${int(ran)} run now, ${int(already)} before)` : ''}, in ${duration(secs)}` +
        `${ran > 0 && secs > 0 ? ` (${(ran / secs).toFixed(ran / secs >= 10 ? 0 : 1)} runs/s on ${count(workers, 'worker')})` : ''}\n` +
        `results: ${RESULT_FILES.map((f) => join(out, f)).join(', ')}\n`,
    );
    if (m.runs.failed > 0) process.stdout.write(`${count(m.runs.failed, 'run')} failed: their messages are in the error column of runs.csv\n`);
  } finally {
    release();
  }
}
