/**
 * The analyses of a finished sweep (analysis/sweep/analyse.ts), on results folders built by hand
 * from functions with known answers, in the files' own format (design.json, runs.csv): Morris and
 * Sobol rank the factors as the function says, replicates are averaged per point, PRIM finds a
 * known box from a condition written as an expression, and what cannot be analysed is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { smallSweep } from './helpers/sweep';
import { morrisTrajectories, saltelli } from '../analysis/designs';
import { discover, parseDesign, parseRuns, pointMeans, sensitivity, SweepAnalysisError } from '../analysis/sweep/analyse';
import { csvLine } from '../analysis/sweep/index';

const FACTORS = [
  { name: 'a', kind: 'number', min: 0, max: 1 },
  { name: 'b', kind: 'number', min: 0, max: 10 },
  { name: 'c', kind: 'number', min: -1, max: 1 },
];
const scale = (u: number[]) => u.map((x, i) => FACTORS[i].min + x * (FACTORS[i].max - FACTORS[i].min));

/** design.json and runs.csv for a design and a function of the factor values, `replicates` noisy runs a point. */
function folder(kind: 'morris' | 'sobol' | 'lhs', points: number[][], f: (v: number[]) => number, extra: Record<string, unknown>, replicates = 2) {
  const values = points.map(scale);
  const design = JSON.stringify({ kind, factors: FACTORS, replicates, seeds: { policy: 'common', base: 1 }, points, values, ...extra });
  const noise = seedrandom.alea('noise');
  const lines = [csvLine(['run', 'point', 'replicate', 'seed', 'a', 'b', 'c', 'y', 'flag', 'hash', 'error'])];
  let run = 0;
  values.forEach((v, p) => {
    // Two replicates differ by noise that averages out exactly over the pair (+e, -e).
    const size = 0.01 * noise();
    for (let r = 0; r < replicates; r++) {
      const e = (r === 0 ? 1 : -1) * size;
      lines.push(csvLine([run++, p, r, r + 1, v[0], v[1], v[2], f(v) + (replicates === 2 ? e : 0), f(v) > 5 ? 1 : 0, 'x', null]));
    }
  });
  return { design: parseDesign(design), runs: parseRuns(lines.join('')) };
}

describe('sensitivity of a finished sweep', () => {
  it('Morris ranks the factors by their effect over their ranges, averaging each point over its replicates', () => {
    const m = morrisTrajectories(20, 3, 4, seedrandom.alea('m'));
    // y = 3a + 0.5b (over b's range 0..10: an effect of 5) + 0c: b first, a second, c nothing.
    const { design, runs } = folder('morris', m.points, (v) => 3 * v[0] + 0.5 * v[1], { trajectories: m.trajectories });
    const y = pointMeans(design, runs, 'y');
    expect(y).toHaveLength(m.points.length);
    expect(y[0]).toBeCloseTo(3 * scale(m.points[0])[0] + 0.5 * scale(m.points[0])[1], 12);
    const [s] = sensitivity(design, runs, { outcomes: ['y'], resamples: 200 });
    expect(s.method).toBe('morris');
    expect(s.factors.map((f) => f.factor)).toEqual(['b', 'a', 'c']);
    expect(s.factors[0].muStar!.estimate).toBeCloseTo(5, 6);
    expect(s.factors[1].muStar!.estimate).toBeCloseTo(3, 6);
    expect(s.factors[2].muStar!.estimate).toBeCloseTo(0, 9);
    expect(s.factors[0].sigma).toBeCloseTo(0, 6);
  });

  it('Sobol gives the shares of variance of an additive function, ranked by total index', () => {
    const d = saltelli(1024, 3, seedrandom.alea('s'));
    // y = a + 0.2 b: variances 1/12 and 4 x 100/12 /... (b over 0..10): b dominates, c is nothing.
    const { design, runs } = folder('sobol', d.points, (v) => v[0] + 0.2 * v[1], { saltelli: { layout: d.layout, n: d.n, k: d.k } });
    const [s] = sensitivity(design, runs, { outcomes: ['y'], resamples: 200 });
    const va = 1 / 12;
    const vb = (0.2 * 10) ** 2 / 12;
    expect(s.factors.map((f) => f.factor)).toEqual(['b', 'a', 'c']);
    expect(s.factors[0].st!.estimate).toBeCloseTo(vb / (va + vb), 1);
    expect(s.factors[1].s1!.estimate).toBeCloseTo(va / (va + vb), 1);
    expect(Math.abs(s.factors[2].st!.estimate)).toBeLessThan(0.01);
  });

  it('refuses a design with no sensitivity estimator, and an outcome the runs do not have', () => {
    const { design, runs } = folder('lhs', [[0.1, 0.2, 0.3]], () => 1, {});
    expect(() => sensitivity(design, runs)).toThrow(/morris or sobol design.*"lhs"/);
    const m = morrisTrajectories(2, 3, 4, seedrandom.alea('m'));
    const f = folder('morris', m.points, () => 1, { trajectories: m.trajectories });
    expect(() => sensitivity(f.design, f.runs, { outcomes: ['nope'] })).toThrow(SweepAnalysisError);
    expect(() => parseDesign('{"kind":"nope"}')).toThrow(/not a sweep's design/);
    expect(() => parseRuns('x,y\n1,2\n')).toThrow(/no "run" column/);
  });
});

describe('scenario discovery on a finished sweep', () => {
  it('finds the box where a condition holds, from the condition as an expression over the runs\' columns', () => {
    const rng = seedrandom.alea('prim');
    const points = Array.from({ length: 2000 }, () => [rng(), rng(), rng()]);
    // y > 5 exactly where a > 0.5 and b > 6 (y = 10 there, else 0).
    const { design, runs } = folder('lhs', points, (v) => (v[0] > 0.5 && v[1] > 6 ? 10 : 0), {}, 1);
    const d = discover(design, runs, 'y > 5', { threshold: 0.95 });
    expect(d.cases).toBe(runs.rows.filter((r) => Number(r.y) > 5).length);
    const box = d.trajectory[d.chosen];
    expect(box.density).toBeGreaterThanOrEqual(0.95);
    expect(box.restricted).not.toContain('c');
    expect(box.limits.a[0]).toBeGreaterThan(0.45);
    expect(box.limits.b[0]).toBeGreaterThan(5.5);
    // The same through another column and a boolean expression.
    expect(discover(design, runs, 'flag == 1 and b >= 0', { threshold: 0.95 }).cases).toBe(d.cases);
  });

  it('refuses a condition that is not an expression over the runs\' columns, and never evaluates code', () => {
    const { design, runs } = folder('lhs', [[0.1, 0.2, 0.3]], () => 1, {}, 1);
    expect(() => discover(design, runs, 'nosuch > 1')).toThrow(/a known name, not "nosuch"/);
    expect(() => discover(design, runs, 'import({}, {})')).toThrow(SweepAnalysisError);
    expect(() => discover(design, runs, 'evaluate("1+1")')).toThrow(SweepAnalysisError);
    expect(() => discover(design, runs, 'y.constructor')).toThrow(SweepAnalysisError);
  });
});

describe('r2p-sim sensitivity and discover on a real sweep', () => {
  it('rank the factors of a small Morris sweep and find where mass atrocities happen, as tables and CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'r2p-sens-'));
    const file = join(dir, 'morris.json');
    writeFileSync(
      file,
      JSON.stringify(
        smallSweep({
          id: 'small-morris',
          ticks: 100,
          params: { agents: 1000, peoplePerAgent: 50, electionDay: 20 },
          factors: [
            { param: 'incitement', min: 0, max: 1 },
            { param: 'organisedForce', min: 0, max: 1 },
            { param: 'counterMessaging', min: 0, max: 1 },
          ],
          design: { kind: 'morris', trajectories: 4, levels: 4, seed: 3 },
          replicates: 1,
          outcomes: ['deathsPeople', 'massAtrocity'],
        }),
      ),
    );
    const run = cli('sweep', file, '--out', join(dir, 'out'), '--workers', '1');
    expect(run.status, run.what).toBe(0);
    const s = cli('sensitivity', join(dir, 'out'), '--resamples', '100');
    expect(s.status, s.what).toBe(0);
    expect(s.stdout).toMatch(/^deathsPeople \(Morris elementary effects; 16 of 16 design points with a value\):$/m);
    expect(s.stdout).toMatch(/^ {2}rank {2}factor +mu\* \[95% CI\]/m);
    for (const f of ['incitement', 'organisedForce', 'counterMessaging']) expect(s.stdout).toContain(f);
    const csv = cli('sensitivity', join(dir, 'out'), '--csv', '--resamples', '100', '--outcome', 'deathsPeople');
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('outcome,method,rank,factor,index,estimate,lo,hi');
    expect(rows).toHaveLength(1 + 3 * 3);
    const d = cli('discover', join(dir, 'out'), '--outcome', 'massAtrocity == 1');
    expect(d.status, d.what).toBe(0);
    expect(d.stdout).toMatch(/^Scenario discovery \(PRIM\): "massAtrocity == 1" holds in \d+ of 16 runs/m);
    expect(d.stdout).toMatch(/^\* chosen \(/m);
    // Refusals in one line: a grid sweep has no sensitivity estimator; a bad folder; a bad condition.
    const grid = cli('sweep', 'sweeps/tiny.json', '--out', join(dir, 'grid'), '--workers', '1');
    expect(grid.status, grid.what).toBe(0);
    const g = cli('sensitivity', join(dir, 'grid'));
    expect(g.status).toBe(2);
    expect(g.stderr).toMatch(/morris or sobol design.*"grid"/);
    expect(cli('sensitivity', join(dir, 'nowhere')).stderr).toMatch(/cannot read it; expected the results folder of a finished r2p-sim sweep/);
    expect(cli('discover', join(dir, 'out'), '--outcome', 'process.exit(1)').status).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
