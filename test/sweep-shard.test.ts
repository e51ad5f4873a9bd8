/**
 * Beyond one machine: `--shard i/n` runs the runs whose index mod n is i - 1 (so the shards are
 * disjoint and cover the sweep), each shard's folder is stamped with its shard, and `r2p-sim merge`
 * joins them into the same runs.csv, runs.parquet and summary.csv, byte for byte, as one machine
 * running the whole sweep. Merging refuses, in one line, folders of different sweep files, of
 * different engine or model versions, folders that overlap and folders that leave runs out.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShard, shardRuns, shardSize } from '../cli/sweep/runner';
import { ROOT, cli } from './helpers/cli';
import { fileLines } from './helpers/sweep';

const TINY = join(ROOT, 'sweeps', 'tiny.json');
const RESULTS = ['runs.csv', 'runs.parquet', 'summary.csv', 'design.json', 'sweep.json', 'scenario.json'];
let dir: string;
const shard = (i: number) => join(dir, `shard-${i}`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'r2p-sweep-shard-'));
  const whole = cli('sweep', TINY, '--out', join(dir, 'whole'), '--workers', '2', '--no-progress');
  expect(whole.status, whole.what).toBe(0);
  for (const i of [1, 2, 3]) {
    const r = cli('sweep', TINY, '--out', shard(i), '--shard', `${i}/3`, '--workers', '1', '--no-progress');
    expect(r.status, r.what).toBe(0);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('--shard i/n', () => {
  it('parses i/n and refuses anything else', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/3', '4/3', '1/0', 'x', '1-3', '1/3/4', '-1/3']) expect(() => parseShard(bad), bad).toThrow(/--shard: got .*expected i\/n/);
  });

  it('takes the runs whose index mod n is i - 1: disjoint, covering every run', () => {
    for (const runs of [0, 1, 7, 12, 100]) {
      for (const n of [1, 2, 3, 5, 16]) {
        const all: number[] = [];
        for (let i = 1; i <= n; i++) {
          const mine = [...shardRuns(runs, { index: i, count: n })];
          expect(mine.length).toBe(shardSize(runs, { index: i, count: n }));
          for (const run of mine) expect(run % n).toBe(i - 1);
          all.push(...mine);
        }
        expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: runs }, (_, k) => k));
      }
    }
  });

  it('writes a shard-stamped manifest and only its own runs', () => {
    for (const i of [1, 2, 3]) {
      const m = JSON.parse(readFileSync(join(shard(i), 'manifest.json'), 'utf8'));
      expect(m.shard).toEqual({ index: i, count: 3 });
      expect(m.runs).toEqual({ total: 4, done: 4, failed: 0, sweep: 12 });
      const runs = fileLines(join(shard(i), 'runs.csv')).slice(1).map((l) => Number(l.split(',')[0]));
      expect(runs).toEqual([0, 1, 2, 3].map((k) => 3 * k + i - 1));
    }
  });

  it('`sweep check --shard` says how many runs a shard holds', () => {
    const r = cli('sweep', 'check', TINY, '--shard', '2/5');
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toMatch(/12 runs/);
    expect(r.stdout).toMatch(/shard 2\/5: 3 runs/);
  });

  it('refuses to resume a folder as another shard', () => {
    const r = cli('sweep', TINY, '--out', shard(1), '--shard', '2/3', '--resume');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds shard 1\/3, not shard 2\/3/);
  });
});

describe('r2p-sim merge', () => {
  it('joins the shards into the files of the whole sweep, byte for byte', () => {
    const out = join(dir, 'merged');
    const r = cli('merge', shard(3), shard(1), shard(2), '--out', out);
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toMatch(/merge tiny: 3 folders, 12 runs \(0 failed\)/);
    for (const f of RESULTS) expect(readFileSync(join(out, f)).equals(readFileSync(join(dir, 'whole', f))), f).toBe(true);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.shard).toBeNull();
    expect(m.runs).toEqual({ total: 12, done: 12, failed: 0, sweep: 12 });
    expect(m.mergedFrom.map((x: { shard: unknown }) => x.shard)).toEqual([3, 1, 2].map((i) => ({ index: i, count: 3 })));
    // The merged journal is in run order, and the merged folder merges again like any other.
    expect(fileLines(join(out, 'journal.jsonl')).map((l) => (JSON.parse(l) as { run: number }).run)).toEqual(Array.from({ length: 12 }, (_, k) => k));
    const again = cli('merge', out, '--out', join(dir, 'merged-again'));
    expect(again.status, again.what).toBe(0);
    expect(readFileSync(join(dir, 'merged-again', 'runs.parquet')).equals(readFileSync(join(out, 'runs.parquet')))).toBe(true);
  });

  const refused = (args: string[], pattern: RegExp) => {
    const r = cli('merge', ...args);
    expect(r.status, r.what).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n').length, r.stderr).toBe(1);
  };

  it('refuses missing runs, naming the shard not given', () => {
    refused([shard(1), shard(3), '--out', join(dir, 'm1')], /merge: 4 of 12 runs missing \(run 1, 4, 7, 10\): shard 2\/3 not given/);
  });

  it('refuses a shard that is not finished, saying how to finish it', () => {
    const partial = join(dir, 'partial');
    cpSync(shard(2), partial, { recursive: true });
    const j = join(partial, 'journal.jsonl');
    writeFileSync(j, `${fileLines(j).slice(0, 2).join('\n')}\n`);
    refused([shard(1), partial, shard(3), '--out', join(dir, 'm2')], /merge: 2 of 12 runs missing .*partial \(shard 2\/3\) has 2 of 4 runs: finish it with r2p-sim sweep .*tiny\.json --out .*partial --shard 2\/3 --resume/);
  });

  it('refuses overlapping folders, and one folder given twice', () => {
    refused([shard(1), shard(2), shard(3), join(dir, 'whole'), '--out', join(dir, 'm3')], /merge: run \d+ is in both .* \(shard \d\/3\) and .*whole \(a whole sweep\), and \d+ more runs: the folders overlap/);
    refused([shard(1), shard(1), '--out', join(dir, 'm4')], /is given twice/);
  });

  it('refuses shards of different sweep files', () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, readFileSync(TINY, 'utf8').replace('"title": "Tiny sweep', '"title": "Another tiny sweep'));
    const r = cli('sweep', other, '--out', join(dir, 'other-2'), '--shard', '2/3', '--workers', '1', '--no-progress');
    expect(r.status, r.what).toBe(0);
    refused([shard(1), join(dir, 'other-2'), shard(3), '--out', join(dir, 'm5')], /merge: .*other-2 holds sweep "tiny" \(.*other\.json, SHA-256 [0-9a-f]{12}\.\.\.\) but .*shard-1 holds "tiny" \(.*tiny\.json, SHA-256 [0-9a-f]{12}\.\.\.\): shards of different sweep files cannot be merged/);
  });

  it('refuses shards made by different engine or model versions', () => {
    for (const [what, edit] of [
      ['engine', (m: { engine: { version: string } }) => (m.engine.version = '0.0.9')],
      ['model', (m: { model: { version: string } }) => (m.model.version = 'r2p-luck-2018/2')],
    ] as const) {
      const old = join(dir, `old-${what}`);
      cpSync(shard(2), old, { recursive: true });
      const m = JSON.parse(readFileSync(join(old, 'manifest.json'), 'utf8'));
      (edit as (x: typeof m) => void)(m);
      writeFileSync(join(old, 'manifest.json'), JSON.stringify(m));
      refused([shard(1), old, shard(3), '--out', join(dir, `m-${what}`)], /merge: .* was made by engine .*, model .*, and .* by engine .*, model .*: results of different versions cannot be merged/);
    }
  });

  it('refuses a folder that is no sweep\'s output, and an --out that holds results', () => {
    refused([join(ROOT, 'sweeps'), '--out', join(dir, 'm6')], /sweeps: no manifest\.json: not the output folder of a sweep/);
    refused([shard(1), shard(2), shard(3), '--out', join(dir, 'whole')], /--out .*whole already holds a sweep's results/);
  });
});
