/**
 * A sweep's output folder: the inputs kept beside the results (sweep.json, scenario.json,
 * design.json), the journal, and the tidy results written from the journal at the end, in run
 * order: runs.csv and runs.parquet (one row per run), summary.csv (per design point and outcome:
 * mean, median, 5th and 95th percentile) and manifest.json. Each result file is written to a
 * temporary file, flushed and renamed into place, and streamed: only one design point's runs are
 * held at a time, so memory stays flat however many runs there are.
 *
 * Parquet: hyparquet-writer (pure JavaScript, no native code; the companion of the hyparquet reader
 * the app uses), one row group per 10,000 runs, Snappy compression.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { ENGINE } from '../../sim/index';
import { csvLine, pointSummary, runColumns, runRow, summaryColumns, type Cell, type Column, type DesignPlan, type ResolvedSweep, type RunRecord } from '../../analysis/sweep/index';
import { WriteError } from '../files';
import type { LoadedSweep } from './env';
import type { JournalIndex, LineReader } from './journal';

export const RESULT_FILES = ['runs.csv', 'runs.parquet', 'summary.csv', 'manifest.json'] as const;
const ROW_GROUP = 10_000;

/** A file written whole or not at all: a temporary file beside it, flushed, then renamed over it. */
export class AtomicFile {
  private fd: number;
  private buf: string[] = [];
  private bytes = 0;
  readonly tmp: string;

  constructor(readonly path: string) {
    this.tmp = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.tmp, 'w', 0o644);
  }

  write(s: string): void {
    this.buf.push(s);
    this.bytes += s.length;
    if (this.bytes > 1 << 20) this.flush();
  }

  private flush(): void {
    const b = Buffer.from(this.buf.join(''));
    let done = 0;
    while (done < b.length) done += writeSync(this.fd, b, done, b.length - done);
    this.buf = [];
    this.bytes = 0;
  }

  commit(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }
}

/** Write `data` to `path` atomically (and durably). */
export function writeWhole(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      const b = typeof data === 'string' ? Buffer.from(data) : data;
      let done = 0;
      while (done < b.length) done += writeSync(fd, b, done, b.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    throw new WriteError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** The inputs kept beside the results: the sweep file's bytes, the scenario, the design. */
export function writeInputs(dir: string, loaded: LoadedSweep, plan: DesignPlan): void {
  writeWhole(join(dir, 'sweep.json'), loaded.bytes);
  if (loaded.scenario) writeWhole(join(dir, 'scenario.json'), json(loaded.scenario));
  const r = loaded.resolved;
  writeWhole(
    join(dir, 'design.json'),
    `${JSON.stringify({
      kind: plan.kind,
      factors: r.factors.map((f) => ({ name: f.name, target: f.target, kind: f.kind, levels: f.levels, min: f.min, max: f.max })),
      replicates: r.replicates,
      seeds: r.seeds,
      points: plan.points,
      values: plan.values,
      ...(plan.trajectories ? { trajectories: plan.trajectories } : {}),
      ...(plan.saltelli ? { saltelli: plan.saltelli } : {}),
    })}\n`,
  );
}

export interface Manifest {
  readonly format: 'r2p-sim/sweep-results@1';
  readonly status: 'running' | 'complete';
  readonly sweep: { readonly id: string; readonly file: string; readonly hash: string; readonly scenario: string | null; readonly scenarioHash: string | null };
  readonly engine: { readonly name: string; readonly version: string };
  readonly model: { readonly id: string; readonly version: string };
  readonly design: { readonly kind: string; readonly points: number; readonly replicates: number; readonly factors: readonly string[]; readonly outcomes: readonly string[] };
  readonly seeds: { readonly policy: string; readonly base: number };
  /** This folder's runs: all of the sweep's, or a shard's (run index mod count = index - 1). */
  readonly shard: { readonly index: number; readonly count: number } | null;
  readonly mergedFrom?: readonly { readonly dir: string; readonly shard: { readonly index: number; readonly count: number } | null }[];
  readonly runs: { readonly total: number; readonly done: number; readonly failed: number; readonly sweep: number };
  readonly started: string;
  readonly ended: string | null;
  readonly outputs: readonly string[];
}

export function manifestOf(loaded: LoadedSweep, file: string, shard: Manifest['shard'], runs: Manifest['runs'], started: string, ended: string | null, extra: Partial<Manifest> = {}): Manifest {
  const r = loaded.resolved;
  return {
    format: 'r2p-sim/sweep-results@1',
    status: ended ? 'complete' : 'running',
    sweep: { id: r.sweep.id, file, hash: loaded.hash, scenario: r.scenario?.id ?? null, scenarioHash: loaded.scenarioHash },
    engine: { name: ENGINE.name, version: ENGINE.version },
    model: r.model,
    design: { kind: r.design.kind, points: r.points, replicates: r.replicates, factors: r.factors.map((f) => f.name), outcomes: r.outcomes.outcomes.map((o) => o.name) },
    seeds: r.seeds,
    shard,
    runs,
    started,
    ended,
    outputs: ended ? [...RESULT_FILES] : [],
    ...extra,
  };
}

export const writeManifest = (dir: string, m: Manifest) => writeWhole(join(dir, 'manifest.json'), json(m));

function parquetSchema(cols: readonly Column[]): SchemaElement[] {
  const physical = { int32: 'INT32', int64: 'INT64', double: 'DOUBLE', text: 'BYTE_ARRAY', boolean: 'BOOLEAN' } as const;
  return [
    { name: 'root', num_children: cols.length },
    ...cols.map(
      (c): SchemaElement => ({
        name: c.name,
        type: physical[c.type],
        ...(c.type === 'text' ? { converted_type: 'UTF8' as const } : {}),
        repetition_type: c.nullable ? 'OPTIONAL' : 'REQUIRED',
      }),
    ),
  ];
}

/**
 * Write runs.csv, runs.parquet and summary.csv from the journal (through `index`), for the runs
 * `runs` yields in ascending order. Returns the runs written and how many failed.
 */
export function writeResults(dir: string, r: ResolvedSweep, plan: DesignPlan, runs: Iterable<number>, index: JournalIndex, reader: LineReader, seedOfRun: (run: number) => number): { done: number; failed: number } {
  const cols = runColumns(r);
  const csv = new AtomicFile(join(dir, 'runs.csv'));
  const summary = new AtomicFile(join(dir, 'summary.csv'));
  const parquetPath = join(dir, 'runs.parquet');
  const parquetTmp = `${parquetPath}.${process.pid}.tmp`;
  try {
    csv.write(csvLine(cols.map((c) => c.name)));
    summary.write(csvLine(summaryColumns(r)));
    const pw = new ParquetWriter({ writer: fileWriter(parquetTmp), schema: parquetSchema(cols), createdBy: `${ENGINE.name} ${ENGINE.version} (hyparquet-writer)` });
    let chunk: Cell[][] = cols.map(() => []);
    let rows = 0;
    const flushParquet = () => {
      if (rows === 0) return;
      pw.write({ columnData: cols.map((c, k) => ({ name: c.name, data: chunk[k] as never })), rowGroupSize: ROW_GROUP });
      chunk = cols.map(() => []);
      rows = 0;
    };
    let point = -1;
    let pointRuns: RunRecord[] = [];
    const flushPoint = () => {
      if (point >= 0) for (const row of pointSummary(r, plan, point, pointRuns)) summary.write(csvLine(row));
      pointRuns = [];
    };
    let done = 0;
    let failed = 0;
    for (const run of runs) {
      if (!index.has(run)) throw new Error(`run ${run} is not in the journal`);
      const rec = reader.record(index.file[run], index.offset[run], index.length[run], r, seedOfRun);
      const row = runRow(r, plan, rec);
      csv.write(csvLine(row));
      row.forEach((v, k) => chunk[k].push(cols[k].type === 'int64' && typeof v === 'number' ? (BigInt(v) as unknown as Cell) : v));
      if (++rows >= ROW_GROUP) flushParquet();
      if (rec.point !== point) {
        flushPoint();
        point = rec.point;
      }
      pointRuns.push(rec);
      done++;
      if (rec.error !== null) failed++;
    }
    flushPoint();
    flushParquet();
    pw.finish();
    const fd = openSync(parquetTmp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(parquetTmp, parquetPath);
    csv.commit();
    summary.commit();
    return { done, failed };
  } catch (e) {
    for (const f of [csv.tmp, summary.tmp, parquetTmp]) {
      try {
        unlinkSync(f);
      } catch {
        // already gone
      }
    }
    if (e instanceof Error && /^run \d+ is not in the journal/.test(e.message)) throw e;
    throw new WriteError(`cannot write the results in ${dir}: ${(e as Error).message}`);
  }
}
