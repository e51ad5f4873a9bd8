/**
 * `r2p-sim compare`: paired arms over the same seeds. The statistics (analysis/compare.ts) on
 * runs whose answers are known, and the command end to end: arms from the command line, a file
 * or a scenario's suggested comparison; arms' changes never reaching the baseline; common random
 * numbers (an arm parts from the baseline no earlier than its first change, and a change that
 * changes nothing never parts); the same output on one thread or two.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareArms, firstParting, tickDigests, type ArmRun } from '../analysis/compare';
import { defaultParams, runModel, type RunSummary } from '../sim/index';
import { cli } from './helpers/cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'r2p-compare-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A summary with the given outcomes (the rest taken from a real run, for the types). */
const base = runModel({ seed: 1, ticks: 5, params: { ...defaultParams(), agents: 200 } }).summary;
const summary = (deathsPeople: number, massAtrocity = deathsPeople >= 1000): RunSummary => ({ ...base, deathsPeople, massAtrocity, deathShare: deathsPeople / 1e5 });
const runsOf = (deaths: readonly number[], partsAt: number | null = null): ArmRun[] => deaths.map((d, i) => ({ seed: i + 1, summary: summary(d), partsAt }));

describe('the statistics of paired arms', () => {
  it('report the median paired difference, its interval and the sign test', () => {
    const baseline = [0, 2000, 5000, 800, 3000, 0, 1500, 4000, 2500, 900];
    const arm = baseline.map((d) => Math.max(0, d - 700));
    const [b, a] = compareArms([
      { name: 'baseline', changes: [], runs: runsOf(baseline) },
      { name: 'less', changes: ['deterrence=0.9'], runs: runsOf(arm, 12) },
    ]);
    expect(b.pMassAtrocity).toBe(0.6);
    expect(b.outcomes[0].difference).toBeUndefined();
    const d = a.outcomes.find((o) => o.name === 'deathsPeople')!.difference!;
    expect(d.estimate).toBe(-700);
    expect(d.negative).toBe(8); // two seeds have no deaths in either arm
    expect(d.ties).toBe(2);
    expect(d.lo).toBeLessThanOrEqual(d.estimate);
    expect(d.hi).toBeGreaterThanOrEqual(d.estimate);
    expect(d.pSign).toBeLessThan(0.01);
    // One seed of ten drops below the 1,000-people threshold (seed 7: 1,500 -> 800).
    expect(a.pDifference!.estimate).toBeCloseTo(-0.1, 10);
    expect(a.partsAt).toEqual({ median: 12, parted: 10, never: 0 });
  });

  it('say when an arm changes nothing, and refuse arms run at other seeds', () => {
    const same = [100, 2000, 0, 5000];
    const [, a] = compareArms([
      { name: 'baseline', changes: [], runs: runsOf(same) },
      { name: 'same', changes: ['x=1'], runs: runsOf(same) },
    ]);
    expect(a.outcomes[0].difference).toMatchObject({ estimate: 0, lo: 0, hi: 0, positive: 0, negative: 0, ties: 4, pSign: 1 });
    expect(a.partsAt).toEqual({ median: null, parted: 0, never: 4 });
    const other = runsOf(same).map((r) => ({ ...r, seed: r.seed + 1 }));
    expect(() => compareArms([{ name: 'baseline', changes: [], runs: runsOf(same) }, { name: 'x', changes: [], runs: other }])).toThrow(/not run at the baseline's seeds/);
    expect(() => compareArms([{ name: 'baseline', changes: [], runs: runsOf(same) }])).toThrow(/at least one arm/);
  });

  it('find the first tick at which two runs part', () => {
    const spec = { seed: 4, ticks: 60, params: { ...defaultParams(), agents: 500, incitement: 0.9, electionDay: 10 } };
    const a = runModel(spec);
    const same = runModel(spec);
    // Counter-messaging from day 15 shows in its own series that day, whatever the run's killing
    // (a change that acts only through killing parts no run that kills no one).
    const later = runModel({ ...spec, schedule: [{ tick: 15, name: 'counterMessaging', value: 0.9 }] });
    expect(firstParting(tickDigests(a.series, a.ticks), tickDigests(same.series, same.ticks))).toBeNull();
    expect(firstParting(tickDigests(a.series, a.ticks), tickDigests(later.series, later.ticks))).toBe(15);
    // The digest sees a change in any one series at any tick.
    const edited = { ...a.series, signal: Float64Array.from(a.series.signal) };
    edited.signal[17] += 1e-12;
    expect(firstParting(tickDigests(a.series, a.ticks), tickDigests(edited, a.ticks))).toBe(17);
  });
});

const SMALL = ['--seeds', '6', '--agents', '800', '--people-per-agent', '50', '--ticks', '90'];
const json = (r: ReturnType<typeof cli>) => {
  expect(r.status, r.what).toBe(0);
  return JSON.parse(r.stdout) as { arms: { name: string; changes: string[]; pMassAtrocity: number; outcomes: { name: string; median: number }[]; partsAt?: { median: number | null; parted: number; never: number } }[] };
};

describe('r2p-sim compare', () => {
  it("runs a scenario's suggested comparison with nothing else given", () => {
    const r = cli('compare', '--scenario', 'incitement-cascade', ...SMALL);
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toContain('Compare: scenario "incitement-cascade", 6 seeds (1-6, the same in every arm), 90 days, 800 agents.');
    expect(r.stdout).toMatch(/^Counter-messaging from day 15 +counterMessaging=0\.7@15 /m);
    expect(r.stdout).toMatch(/parts from the baseline on day \d+/);
  });

  it("keeps each arm's changes out of the baseline and the other arms", () => {
    const one = json(cli('compare', ...SMALL, '--incitement', '0.8', '--arm', 'deter', '--set', 'deterrence=0.9', '--json'));
    const two = json(cli('compare', ...SMALL, '--incitement', '0.8', '--arm', 'kill', '--kill-rate', '0.5', '--arm', 'deter', '--set', 'deterrence=0.9', '--json'));
    expect(two.arms[0]).toEqual(one.arms[0]);
    expect(two.arms[2]).toEqual(one.arms[1]);
    expect(two.arms[1].changes).toEqual(['killRate=0.5']);
    // The baseline is the same run as `run` gives for those settings.
    const csv = cli('compare', ...SMALL, '--incitement', '0.8', '--arm', 'deter', '--set', 'deterrence=0.9', '--csv');
    const row = csv.stdout.split('\n').find((l) => l.startsWith('baseline,1,'))!;
    const run = cli('run', '--seed', '1', '--agents', '800', '--people-per-agent', '50', '--ticks', '90', '--incitement', '0.8', '--json', '--out', join(dir, 'b.run.json'));
    expect(Number(row.split(',')[4])).toBe(JSON.parse(run.stdout).deathsPeople);
  });

  it('shares random numbers: an arm parts no earlier than its change, and a change to the same value never parts', () => {
    const r = json(cli('compare', ...SMALL, '--arm', 'late', '--set', 'killRate=0.5@40', '--arm', 'noop', '--set', `deterrence=${defaultParams().deterrence}`, '--json'));
    const late = r.arms.find((a) => a.name === 'late')!;
    const noop = r.arms.find((a) => a.name === 'noop')!;
    expect(late.partsAt!.median === null || late.partsAt!.median >= 40).toBe(true);
    expect(noop.partsAt).toEqual({ median: null, parted: 0, never: 6 });
  });

  it('reads arms from a file, gives the same report on one thread or two, and writes tidy CSV', () => {
    const file = join(dir, 'arms.json');
    writeFileSync(file, JSON.stringify({ arms: [{ name: 'pk', set: ['peacekeeperCoverage=1', 'mandate=robust'] }, { name: 'deter, early', set: ['deterrence=0.9@10'] }] }));
    const a = cli('compare', ...SMALL, '--arms', file, '--jobs', '1');
    const b = cli('compare', ...SMALL, '--arms', file, '--jobs', '2');
    expect(a.status, a.what).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const csv = cli('compare', ...SMALL, '--arms', file, '--csv');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('arm,seed,outcome,mass_atrocity,deaths_people,death_share,peak_participation_share,displaced_people,killing_days,force_death_share,parts_at');
    expect(lines).toHaveLength(1 + 3 * 6);
    expect(lines.some((l) => l.startsWith('"deter, early",6,'))).toBe(true);
  });

  it('refuses what it cannot run, in one line naming the arm', () => {
    const refused = (r: ReturnType<typeof cli>, ...parts: string[]) => {
      expect(r.status, r.what).toBe(2);
      expect(r.stderr.trim().split('\n'), r.what).toHaveLength(1);
      for (const p of parts) expect(r.stderr, r.what).toContain(p);
    };
    refused(cli('compare', ...SMALL), 'no arm to compare', 'scenario default suggests none');
    refused(cli('compare', ...SMALL, '--arm', 'x'), '--arm x: no changes given');
    refused(cli('compare', ...SMALL, '--arm', 'x', '--set', 'deterrence=2'), 'arm "x": --set deterrence: got 2');
    refused(cli('compare', ...SMALL, '--arm', 'x', '--set', 'deterrence=0.5@400'), 'arm "x": deterrence@400');
    refused(cli('compare', ...SMALL, '--arm', 'x', '--scenario', 'default'), '--arm x: --scenario cannot change an arm');
    refused(cli('compare', ...SMALL, '--arm', 'x', '--set', 'deterrence=0.5', '--arm', 'x', '--set', 'deterrence=0.6'), 'two arms have this name');
    refused(cli('compare', ...SMALL, '--seed', '3', '--arm', 'x', '--set', 'deterrence=0.5'), '--seed: compare runs seeds 1..N');
    const bad = join(dir, 'bad-arms.json');
    writeFileSync(bad, JSON.stringify({ arms: [{ name: 'a', set: 'deterrence=0.5' }] }));
    refused(cli('compare', ...SMALL, '--arms', bad), `${bad}: arms[0].set`);
  });
});
