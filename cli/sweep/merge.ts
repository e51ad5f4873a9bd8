/**
 * `r2p-sim merge DIR... --out DIR`: the shards of one sweep joined into the results of the whole.
 * Refused, in one line, when the folders hold different sweep files (or scenarios), were made by
 * different engine or model versions, overlap (a run in two of them) or leave runs out. The merged
 * folder has the same files as a sweep run on one machine (its journal in run order), and its
 * runs.csv, runs.parquet and summary.csv are the same bytes.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { designPlan } from '../../analysis/sweep/index';
import { UsageError } from '../errors';
import { count, int } from '../format';
import { readSavedSweep } from './env';
import { JOURNAL, JournalIndex, LineReader, scanJournal } from './journal';
import { AtomicFile, RESULT_FILES, writeInputs, type Manifest } from './outputs';
import { finishOutputs, readManifest, seedOfRun, shardRuns } from './runner';

const shardText = (m: Manifest) => (m.shard ? `shard ${m.shard.index}/${m.shard.count}` : 'a whole sweep');
const short = (h: string | null) => (h ? `${h.slice(0, 12)}...` : 'none');

export function mergeSweeps(dirs: readonly string[], out: string): void {
  if (dirs.length === 0) throw new UsageError('merge: give the output folders of the shards to merge: r2p-sim merge DIR... --out DIR');
  const real = dirs.map((d) => {
    if (!existsSync(d)) throw new UsageError(`merge: ${d}: no such folder`);
    return realpathSync(d);
  });
  real.forEach((p, k) => {
    const j = real.indexOf(p);
    if (j !== k) throw new UsageError(`merge: ${dirs[k]} is given twice (as ${dirs[j]} too)`);
  });
  if (existsSync(out) && real.includes(realpathSync(out))) throw new UsageError(`merge: --out ${out} is one of the folders to merge; choose a new folder`);
  const manifests = dirs.map((d) => {
    const m = readManifest(d);
    if (!m) throw new UsageError(`merge: ${d}: no manifest.json: not the output folder of a sweep`);
    return m;
  });
  const [m0] = manifests;
  manifests.forEach((m, k) => {
    if (m.sweep.hash !== m0.sweep.hash) {
      throw new UsageError(
        `merge: ${dirs[k]} holds sweep "${m.sweep.id}" (${m.sweep.file}, SHA-256 ${short(m.sweep.hash)}) but ${dirs[0]} holds "${m0.sweep.id}" (${m0.sweep.file}, SHA-256 ${short(m0.sweep.hash)}): shards of different sweep files cannot be merged`,
      );
    }
    if (m.sweep.scenarioHash !== m0.sweep.scenarioHash) {
      throw new UsageError(`merge: ${dirs[k]} and ${dirs[0]} ran sweep "${m.sweep.id}" with different scenario files (SHA-256 ${short(m.sweep.scenarioHash)} and ${short(m0.sweep.scenarioHash)}): they cannot be merged`);
    }
    if (m.engine.version !== m0.engine.version || m.model.id !== m0.model.id || m.model.version !== m0.model.version) {
      throw new UsageError(
        `merge: ${dirs[k]} was made by engine ${m.engine.version}, model ${m.model.version}, and ${dirs[0]} by engine ${m0.engine.version}, model ${m0.model.version}: results of different versions cannot be merged`,
      );
    }
  });
  if (existsSync(join(out, 'manifest.json')) || existsSync(join(out, JOURNAL))) throw new UsageError(`merge: --out ${out} already holds a sweep's results; choose a new folder`);

  const loaded = readSavedSweep(dirs[0]);
  if (loaded.hash !== m0.sweep.hash) throw new UsageError(`merge: ${dirs[0]}/sweep.json is not the sweep file its manifest names (SHA-256 ${short(loaded.hash)}, not ${short(m0.sweep.hash)})`);
  const r = loaded.resolved;
  const plan = designPlan(r);
  const index = new JournalIndex(r.runs);
  const seedFn = seedOfRun(r);
  const journals = dirs.map((d) => join(d, JOURNAL));
  const found: number[] = [];
  journals.forEach((path, k) => {
    const scan = scanJournal(path, k, r, seedFn, index);
    if (scan.overlaps.length) {
      const o = scan.overlaps[0];
      throw new UsageError(
        `merge: run ${o.run} is in both ${dirs[o.first]} (${shardText(manifests[o.first])}) and ${dirs[k]} (${shardText(manifests[k])})${scan.overlaps.length > 1 ? `, and ${int(scan.overlaps.length - 1)} more runs` : ''}: the folders overlap; merge each run's folder once`,
      );
    }
    found.push(scan.records);
  });
  if (index.count < r.runs) {
    const missing: number[] = [];
    for (let run = 0; run < r.runs && missing.length < 5; run++) if (!index.has(run)) missing.push(run);
    const incomplete = manifests.map((m, k) => ({ m, k })).filter(({ m, k }) => found[k] < m.runs.total);
    const counts = new Set(manifests.map((m) => m.shard?.count ?? 0));
    let hint: string;
    if (incomplete.length) {
      const { m, k } = incomplete[0];
      hint = `${dirs[k]} (${shardText(m)}) has ${int(found[k])} of ${count(m.runs.total, 'run')}: finish it with r2p-sim sweep ${m.sweep.file} --out ${dirs[k]}${m.shard ? ` --shard ${m.shard.index}/${m.shard.count}` : ''} --resume`;
    } else if (counts.size === 1 && !counts.has(0)) {
      const n = [...counts][0];
      const given = new Set(manifests.map((m) => m.shard!.index));
      const absent = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !given.has(i));
      hint = `shard${absent.length > 1 ? 's' : ''} ${absent.slice(0, 8).map((i) => `${i}/${n}`).join(', ')}${absent.length > 8 ? ', ...' : ''} not given`;
    } else hint = 'the folders given do not cover the sweep';
    throw new UsageError(`merge: ${int(r.runs - index.count)} of ${count(r.runs, 'run')} missing (run ${missing.join(', ')}${r.runs - index.count > missing.length ? ', ...' : ''}): ${hint}`);
  }

  mkdirSync(out, { recursive: true });
  writeInputs(out, loaded, plan);
  // The merged journal, in run order: the folder is then like any sweep's (and can be merged again).
  const reader = new LineReader(journals);
  try {
    const merged = new AtomicFile(join(out, JOURNAL));
    for (const run of shardRuns(r.runs, null)) merged.write(reader.read(index.file[run], index.offset[run], index.length[run]));
    merged.commit();
  } finally {
    reader.close();
  }
  const started = manifests.map((m) => m.started).sort()[0];
  const m = finishOutputs(out, loaded, m0.sweep.file, plan, null, index, journals, started, {
    mergedFrom: dirs.map((d, k) => ({ dir: resolve(d), shard: manifests[k].shard })),
  });
  process.stdout.write(
    `merge ${r.sweep.id}: ${count(dirs.length, 'folder')}, ${count(m.runs.done, 'run')} (${int(m.runs.failed)} failed)\nresults: ${RESULT_FILES.map((f) => join(out, f)).join(', ')}\n`,
  );
}
