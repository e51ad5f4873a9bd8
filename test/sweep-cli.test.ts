/**
 * `r2p-sim sweep` end to end on sweeps/tiny.json: the output folder holds the inputs, the
 * journal and the tidy results, consistent with each other; a row's hash is the hash `r2p-sim
 * run` gives for the same inputs; runs.parquet read back by an independent reader (DuckDB) holds
 * the rows of runs.csv; the results do not depend on the number of workers; a run the model
 * refuses is recorded with its message while the sweep completes; a folder holding results is not
 * overwritten.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, MODEL_VERSION } from '../sim/index';
import { quantile } from '../analysis/stats';
import { ROOT, cli } from './helpers/cli';
import { fileLines, smallSweep } from './helpers/sweep';

const TINY = join(ROOT, 'sweeps', 'tiny.json');
let dir: string;
let out: string;

/** A CSV file as rows of cells (the files here quote nothing but plain cells). */
function csv(path: string): { head: string[]; rows: string[][] } {
  const [head, ...rows] = fileLines(path).map((l) => l.split(','));
  return { head, rows };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'r2p-sweep-cli-'));
  out = join(dir, 'tiny');
  const r = cli('sweep', TINY, '--out', out, '--workers', '2');
  expect(r.status, r.what).toBe(0);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('r2p-sim sweep sweeps/tiny.json', () => {
  it('writes the inputs, the journal and the results', () => {
    for (const f of ['sweep.json', 'scenario.json', 'design.json', 'journal.jsonl', 'runs.csv', 'runs.parquet', 'summary.csv', 'manifest.json']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(existsSync(join(out, '.lock'))).toBe(false);
    expect(readFileSync(join(out, 'sweep.json'))).toEqual(readFileSync(TINY));
  });

  it('runs.csv: one row per run, in run order, with point, replicate, seed, factors, outcomes, hash and error', () => {
    const { head, rows } = csv(join(out, 'runs.csv'));
    expect(head).toEqual(['run', 'point', 'replicate', 'seed', 'incitement', 'cmDay', 'massAtrocity', 'deathsPeople', 'outcome', 'killedShare', 'firstKillingDay', 'perpetrators_max', 'hash', 'error']);
    expect(rows.length).toBe(12);
    rows.forEach((r, i) => {
      expect(r.slice(0, 4)).toEqual([String(i), String(Math.floor(i / 3)), String(i % 3), String(1 + (i % 3))]);
      expect(r[4]).toBe(['0.4', '0.4', '0.8', '0.8'][Math.floor(i / 3)]);
      expect(r[5]).toBe(['15', '45'][Math.floor(i / 3) % 2]);
      expect(r[12]).toMatch(/^[0-9a-f]{64}$/);
      expect(r[13]).toBe('');
      expect(Number(r[9])).toBeCloseTo(Number(r[7]) / 50_000, 12);
    });
    // The journal holds the same runs, each once.
    const journal = fileLines(join(out, 'journal.jsonl')).map((l) => JSON.parse(l) as { run: number; hash: string });
    expect(journal.map((j) => j.run).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
    for (const j of journal) expect(j.hash).toBe(rows[j.run][12]);
  });

  it('manifest.json: engine and model versions, the sweep file\'s hash, start and end, counts', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.status).toBe('complete');
    expect(m.engine).toEqual({ name: ENGINE.name, version: ENGINE.version });
    expect(m.model).toEqual({ id: 'r2p-luck-2018', version: MODEL_VERSION });
    expect(m.sweep.hash).toBe(createHash('sha256').update(readFileSync(TINY)).digest('hex'));
    expect(m.sweep.id).toBe('tiny');
    expect(m.runs).toEqual({ total: 12, done: 12, failed: 0, sweep: 12 });
    expect(m.shard).toBeNull();
    expect(Date.parse(m.ended)).toBeGreaterThanOrEqual(Date.parse(m.started));
    expect(m.design).toMatchObject({ kind: 'grid', points: 4, replicates: 3, factors: ['incitement', 'cmDay'] });
  });

  it('summary.csv: per point and numeric outcome, the mean, median, 5th and 95th percentile of runs.csv', () => {
    const runs = csv(join(out, 'runs.csv'));
    const { head, rows } = csv(join(out, 'summary.csv'));
    expect(head).toEqual(['point', 'incitement', 'cmDay', 'outcome', 'runs', 'failed', 'values', 'mean', 'median', 'p05', 'p95']);
    const numeric = ['massAtrocity', 'deathsPeople', 'killedShare', 'firstKillingDay', 'perpetrators_max'];
    expect(rows.length).toBe(4 * numeric.length);
    for (const row of rows) {
      const point = Number(row[0]);
      const col = runs.head.indexOf(row[3]);
      const xs = runs.rows.filter((r) => Number(r[1]) === point && r[col] !== '').map((r) => Number(r[col]));
      expect(row.slice(4, 7)).toEqual(['3', '0', String(xs.length)]);
      if (xs.length === 0) {
        expect(row.slice(7)).toEqual(['', '', '', '']);
        continue;
      }
      expect(Number(row[7])).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 9);
      expect(Number(row[8])).toBeCloseTo(quantile(xs, 0.5), 9);
      expect(Number(row[9])).toBeCloseTo(quantile(xs, 0.05), 9);
      expect(Number(row[10])).toBeCloseTo(quantile(xs, 0.95), 9);
    }
  });

  it('a row\'s hash is the hash of `r2p-sim run` with the same inputs', () => {
    const { rows } = csv(join(out, 'runs.csv'));
    for (const i of [4, 9]) {
      const [, , , seed, incitement, cmDay] = rows[i];
      const r = cli('run', '--scenario', 'default', '--agents', '1000', '--people-per-agent', '50', '--ticks', '90', '--incitement', incitement, '--set', `counterMessaging=0.7@${cmDay}`, '--seed', seed, '--json', '--out', join(dir, `run${i}.run.json`));
      expect(r.status, r.what).toBe(0);
      const run = JSON.parse(r.stdout) as { hash: string; deathsPeople: number };
      expect(run.hash).toBe(rows[i][12]);
      expect(String(run.deathsPeople)).toBe(rows[i][7]);
    }
  });

  it('runs.parquet read back with DuckDB holds the rows of runs.csv', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      const res = await con.runAndReadAll(`SELECT * FROM read_parquet('${join(out, 'runs.parquet').replace(/'/g, "''")}') ORDER BY run`);
      const { head, rows } = csv(join(out, 'runs.csv'));
      expect(res.columnNames()).toEqual(head);
      const parquet = res.getRowsJS().map((r) => r.map((v) => (v === null ? '' : String(v))));
      expect(parquet).toEqual(rows);
      const types = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(out, 'runs.parquet').replace(/'/g, "''")}')`);
      const typeOf = Object.fromEntries(types.getRowObjectsJS().map((r) => [r.column_name, r.column_type]));
      expect(typeOf).toMatchObject({ run: 'INTEGER', seed: 'BIGINT', incitement: 'DOUBLE', cmDay: 'INTEGER', outcome: 'VARCHAR', deathsPeople: 'DOUBLE', hash: 'VARCHAR', error: 'VARCHAR' });
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });

  it('gives the same files on one worker as on two', () => {
    const one = join(dir, 'one');
    const r = cli('sweep', TINY, '--out', one, '--workers', '1', '--no-progress');
    expect(r.status, r.what).toBe(0);
    for (const f of ['runs.csv', 'runs.parquet', 'summary.csv', 'design.json']) expect(readFileSync(join(one, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  });

  it('refuses a folder that holds results without --resume; --resume on a finished sweep runs nothing and writes the same files', () => {
    const again = cli('sweep', TINY, '--out', out);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already holds a sweep's results \(tiny, 12 of 12 runs done\); add --resume/);
    const before = readFileSync(join(out, 'runs.parquet'));
    const resumed = cli('sweep', TINY, '--out', out, '--resume');
    expect(resumed.status, resumed.what).toBe(0);
    expect(resumed.stdout).toMatch(/12 runs done, 0 failed \(0 run now, 12 before\)/);
    expect(readFileSync(join(out, 'runs.parquet')).equals(before)).toBe(true);
    expect(fileLines(join(out, 'journal.jsonl')).length).toBe(12);
  });

  it('refuses to resume another sweep file into the folder', () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, readFileSync(TINY, 'utf8').replace('"replicates": 3', '"replicates": 2'));
    const r = cli('sweep', other, '--out', out, '--resume');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--resume: .* holds the results of another sweep file \(\S*tiny\.json, SHA-256 /);
    expect(r.stderr.trim().split('\n').length).toBe(1);
  });
});

describe('a failed run', () => {
  it('is recorded with its message and the sweep completes', () => {
    const file = join(dir, 'failing.json');
    // A threshold of 500 people is 10 agents of 50 people: the model refuses to run it.
    writeFileSync(file, JSON.stringify(smallSweep({ id: 'failing', factors: [{ param: 'atrocityThreshold', levels: [1000, 500] }], replicates: 2, outcomes: ['deathsPeople'] })));
    const dest = join(dir, 'failing');
    const r = cli('sweep', file, '--out', dest, '--workers', '2');
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toMatch(/4 runs done, 2 failed/);
    const { head, rows } = csv(join(dest, 'runs.csv'));
    const err = head.indexOf('error');
    // The message holds commas, so the error cell is quoted: read it from the end of the line.
    const lines = fileLines(join(dest, 'runs.csv')).slice(1);
    expect(rows.length).toBe(4);
    lines.slice(0, 2).forEach((l) => expect(l.endsWith(',')).toBe(true));
    lines.slice(2).forEach((l) => expect(l).toMatch(/,"peoplePerAgent: got 50, expected at most 25 people per agent.*"$/));
    expect(err).toBe(head.length - 1);
    const m = JSON.parse(readFileSync(join(dest, 'manifest.json'), 'utf8'));
    expect(m.runs).toEqual({ total: 4, done: 4, failed: 2, sweep: 4 });
    const summary = csv(join(dest, 'summary.csv'));
    expect(summary.rows.map((x) => x.slice(0, 6))).toEqual([
      ['0', '1000', 'deathsPeople', '2', '0', '2'],
      ['1', '500', 'deathsPeople', '2', '2', '0'],
    ]);
  });
});
