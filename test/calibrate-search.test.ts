/**
 * The calibration search (analysis/calibrate/search.ts) on a synthetic problem with known
 * constants: a toy 'model' of four constants whose patterns, over nine seeds with common random
 * numbers, are scored by the real distance functions against ranges generated from the known
 * constants. The search must improve on its screening, recover every constant within a stated
 * tolerance, be deterministic, stay in bounds and pass the batch sizes it promises.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { caseDistance, objective } from '../analysis/calibrate/distance';
import { NELDER_MEAD, acceptedRanges, search, toPoint, toValues, type Evaluation, type Factor, type FactorValues } from '../analysis/calibrate/search';
import type { CaseTargets, PatternName } from '../scenarios/targets/schema';

const rng = (seed: string) => seedrandom.alea(seed);

// ---- the synthetic problem -----------------------------------------------------------------------

const FACTORS: Factor[] = [
  { name: 'alpha', min: 0, max: 1 },
  { name: 'beta', min: 0.5, max: 3 },
  { name: 'lag', min: 5, max: 60, integer: true },
  { name: 'gamma', min: 0, max: 1 },
];
/** The constants the targets are generated from; gamma near its range's top, to exercise the clamping. */
const TRUTH: FactorValues = { alpha: 0.62, beta: 1.4, lag: 23, gamma: 0.9 };
/** Recovery tolerance: each constant within this share of its range of the truth. */
const TOLERANCE = 0.05;

const SEEDS = 9;
/** Common random numbers: seed j's noise, in [-1, 1), is the same at every point. */
const NOISE = Array.from({ length: SEEDS }, (_, j) => 2 * rng(`crn-${j + 1}`)() - 1);
const CASES = [
  { case: 'small', size: 1, index: 0 },
  { case: 'large', size: 4, index: 1 },
];

/** The toy model: each case's patterns over the seeds, a smooth function of the constants plus the seed's noise. */
function model(v: FactorValues, c: (typeof CASES)[number]): Partial<Record<PatternName, (number | null)[]>> {
  const toll = NOISE.map((z) => 1000 * c.size * Math.exp(3 * v.alpha + 0.4 * v.beta) * (1 + 0.1 * z));
  return {
    toll,
    killingDays: NOISE.map((z) => 10 * v.beta * (1 + 0.5 * v.alpha) * Math.pow(c.size, 0.2) * (1 + 0.1 * z)),
    onsetDay: NOISE.map((z) => Math.round(v.lag + 5 * c.index + 3 * z)),
    forceShare: NOISE.map((z) => Math.min(1, Math.max(0, v.gamma * (0.6 + 0.1 * c.index) + 0.02 * z))),
    // No value on a seed with a small toll: exercises the worst-case rule away from the truth.
    earlyShare: toll.map((t, j) => (t < 3000 ? null : 0.3 + 0.4 * v.alpha + 0.01 * NOISE[j])),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) / 2];

/** Targets generated from the truth: each pattern's range is the truth's median, +-0.5% (or +-0 days). */
const TARGETS: CaseTargets[] = CASES.map((c) => {
  const patterns: Record<string, { low: number; high: number; source: string; days?: number }> = {};
  for (const [name, values] of Object.entries(model(TRUTH, c))) {
    const m = median(values!.map((x) => x!));
    patterns[name] = name === 'onsetDay' ? { low: m, high: m, source: 'truth' } : { low: m * 0.995, high: m * 1.005, source: 'truth', ...(name === 'earlyShare' ? { days: 7 } : {}) };
  }
  return { case: c.case, use: 'fit', patterns };
});

const fit = (v: FactorValues): number => objective(CASES.map((c, i) => caseDistance(TARGETS[i], model(v, c))));

/** The batch objective, recording each batch's size. */
function evaluator() {
  const batches: number[] = [];
  const evaluate = async (points: FactorValues[]) => {
    batches.push(points.length);
    return points.map(fit);
  };
  return { batches, evaluate };
}

const OPTIONS = { screen: 24, budget: 150, step: 0.1, tol: 1e-6 };

// ---- tests ---------------------------------------------------------------------------------------

describe('the synthetic problem', () => {
  it('has its minimum, 0, at the known constants, and is larger a little away from them', () => {
    expect(fit(TRUTH)).toBe(0);
    for (const f of FACTORS) {
      const delta = (f.integer ? 2 : 0.05) * (f.integer ? 1 : f.max - f.min);
      expect(fit({ ...TRUTH, [f.name]: TRUTH[f.name] - delta })).toBeGreaterThan(0.01);
    }
  });
});

describe('search', () => {
  it('improves on the screening and recovers the known constants within 5% of their ranges', async () => {
    const { evaluate } = evaluator();
    const result = await search(FACTORS, evaluate, { ...OPTIONS, rng: rng('calibrate') });
    const screened = Math.min(...result.history.filter((h) => h.stage === 'screen').map((h) => h.objective));
    expect(result.best.objective).toBeLessThan(screened);
    expect(result.best.objective).toBeLessThan(0.05);
    for (const f of FACTORS) {
      expect(Math.abs(result.best.values[f.name] - TRUTH[f.name]), f.name).toBeLessThanOrEqual(TOLERANCE * (f.max - f.min));
    }
    expect(result.evaluations).toBeLessThanOrEqual(OPTIONS.budget);
    expect(result.evaluations).toBe(result.history.length);
    expect(result.best.objective).toBe(Math.min(...result.history.map((h) => h.objective)));
    expect(result.best.values).toEqual(toValues(result.best.point, FACTORS));
    // It reached a perfect fit and stopped there, inside the budget.
    expect(result.best.objective).toBe(0);
    expect(result.stopped).toBe('converged');
    expect(result.evaluations).toBeLessThan(OPTIONS.budget);
  });

  it('is deterministic: the same seed gives the same history, another seed another screening', async () => {
    const a = await search(FACTORS, evaluator().evaluate, { ...OPTIONS, rng: rng('same') });
    const b = await search(FACTORS, evaluator().evaluate, { ...OPTIONS, rng: rng('same') });
    const c = await search(FACTORS, evaluator().evaluate, { ...OPTIONS, rng: rng('other') });
    expect(b.history).toEqual(a.history);
    expect(b.best).toEqual(a.best);
    expect(c.history[0].point).not.toEqual(a.history[0].point);
  });

  it('keeps every point inside the ranges, integers whole, and screens with a Latin hypercube', async () => {
    for (const seed of ['b1', 'b2', 'b3']) {
      const result = await search(FACTORS, evaluator().evaluate, { ...OPTIONS, rng: rng(seed) });
      for (const h of result.history) {
        h.point.forEach((u) => {
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(1);
        });
        for (const f of FACTORS) {
          const x = h.values[f.name];
          expect(x).toBeGreaterThanOrEqual(f.min);
          expect(x).toBeLessThanOrEqual(f.max);
          if (f.integer) expect(Number.isInteger(x)).toBe(true);
        }
      }
      const screen = result.history.filter((h) => h.stage === 'screen');
      expect(screen).toHaveLength(OPTIONS.screen);
      for (let j = 0; j < FACTORS.length; j++) {
        const strata = screen.map((h) => Math.floor(h.point[j] * OPTIONS.screen)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: OPTIONS.screen }, (_, i) => i));
      }
    }
  });

  it('passes batches of the promised sizes: the screen, then k vertices, then 1 or k (a shrink), within the budget', async () => {
    const k = FACTORS.length;
    for (const [seed, tol] of [['s1', 1e-6], ['s2', 0], ['s3', 0]] as const) {
      const { batches, evaluate } = evaluator();
      const progress: [number, number][] = [];
      // With tol = xtol = 0 and an objective kept above 0, only the budget can stop it.
      const objectiveFn = tol === 0 ? async (ps: FactorValues[]) => (await evaluate(ps)).map((x) => x + 1) : evaluate;
      const result = await search(FACTORS, objectiveFn, { ...OPTIONS, tol, xtol: tol, rng: rng(seed), onBatch: (done, total) => progress.push([done, total]) });
      expect(batches[0]).toBe(OPTIONS.screen);
      expect(batches[1]).toBe(k);
      for (const n of batches.slice(2)) expect([1, k]).toContain(n);
      expect(batches.reduce((s, n) => s + n, 0)).toBe(result.evaluations);
      expect(result.evaluations).toBeLessThanOrEqual(OPTIONS.budget);
      // Then it runs until the next step would not fit in the budget.
      if (tol === 0) {
        expect(result.stopped).toBe('budget');
        expect(result.evaluations).toBeGreaterThan(OPTIONS.budget - k);
      }
      // One progress call per batch, counting up to the evaluations, out of the budget.
      expect(progress).toHaveLength(batches.length);
      let done = 0;
      progress.forEach(([d, total], i) => {
        done += batches[i];
        expect(d).toBe(done);
        expect(total).toBe(OPTIONS.budget);
      });
    }
  });

  it('spends no more than the budget when it is tight, and stops on a flat objective', async () => {
    const tight = evaluator();
    const only = await search(FACTORS, tight.evaluate, { ...OPTIONS, budget: 24 + 3, rng: rng('t') });
    expect(tight.batches).toEqual([24]); // k = 4 initial vertices do not fit
    expect(only.evaluations).toBe(24);
    expect(only.history.every((h) => h.stage === 'screen')).toBe(true);

    const flat = await search(FACTORS, async (ps) => ps.map(() => 1), { ...OPTIONS, rng: rng('f') });
    expect(flat.stopped).toBe('converged');
    expect(flat.evaluations).toBe(24 + FACTORS.length);
    expect(flat.best.objective).toBe(1);
    expect(flat.best.point).toEqual(flat.history[0].point); // the earliest among equals
  });

  /** A screening of one point at (0.5, 0.5): a Latin hypercube of one point with every draw 0.5. */
  const centre = { screen: 1, step: 0.1, tol: 1e-9, rng: () => 0.5 };
  const unit2: Factor[] = [
    { name: 'x', min: 0, max: 1 },
    { name: 'y', min: 0, max: 1 },
  ];
  const near = (p: readonly number[], q: readonly number[]) => p.every((x, i) => Math.abs(x - q[i]) < 1e-12);

  it('reflects and expands, by hand: f = -x - 2y from (0.5, 0.5), the third expansion clamped to the cube', async () => {
    const batches: number[] = [];
    const result = await search(
      unit2,
      async (ps) => {
        batches.push(ps.length);
        return ps.map((p) => -p.x - 2 * p.y);
      },
      { ...centre, budget: 9 },
    );
    const points = result.history.map((h) => h.point);
    const expected = [
      [0.5, 0.5], // the screen
      [0.6, 0.5], // the initial simplex
      [0.5, 0.6],
      [0.6, 0.6], // reflect A through the centroid (0.55, 0.55) of C and B
      [0.65, 0.65], // better than the best: expand, and keep it
      [0.55, 0.75], // reflect B through (0.575, 0.625)
      [0.525, 0.875], // expand, keep
      [0.675, 0.925], // reflect C through (0.5875, 0.7625)
      [0.7625, 1], // expand to (0.7625, 1.0875), clamped
    ];
    expect(points).toHaveLength(expected.length);
    points.forEach((p, i) => expect(near(p, expected[i]), `evaluation ${i}: ${p}`).toBe(true));
    expect(batches).toEqual([1, 2, 1, 1, 1, 1, 1, 1]);
    expect(result.stopped).toBe('budget');
    expect(result.best.objective).toBeCloseTo(-2.7625, 12);
  });

  it('contracts outside, and shrinks when that fails, by hand; starts the simplex inwards at the top of the cube', async () => {
    // f: A = (0.5, 0.5) 1, B = (0.6, 0.5) 2, C = (0.5, 0.6) 3; C reflected to R = (0.6, 0.4) 2.5, between
    // B and C; R contracted towards the centroid (0.55, 0.5) to (0.575, 0.45) 2.8, worse than R; else 4.
    const table: [number[], number][] = [
      [[0.5, 0.5], 1],
      [[0.6, 0.5], 2],
      [[0.5, 0.6], 3],
      [[0.6, 0.4], 2.5],
      [[0.575, 0.45], 2.8],
    ];
    const f = (p: FactorValues) => table.find(([q]) => near([p.x, p.y], q))?.[1] ?? 4;
    const batches: number[] = [];
    const result = await search(
      unit2,
      async (ps) => {
        batches.push(ps.length);
        return ps.map(f);
      },
      { ...centre, budget: 7 },
    );
    const points = result.history.map((h) => h.point);
    const expected = [[0.5, 0.5], [0.6, 0.5], [0.5, 0.6], [0.6, 0.4], [0.575, 0.45], [0.55, 0.5], [0.5, 0.55]];
    expect(points).toHaveLength(expected.length);
    points.forEach((p, i) => expect(near(p, expected[i]), `evaluation ${i}: ${p}`).toBe(true));
    expect(batches).toEqual([1, 2, 1, 1, 2]);

    const top = await search(unit2, async (ps) => ps.map(() => 0), { ...centre, rng: () => 0.95, budget: 3 });
    expect(top.history.map((h) => h.point.map((x) => Math.round(x * 1e9) / 1e9))).toEqual([
      [0.95, 0.95],
      [0.85, 0.95],
      [0.95, 0.85],
    ]);
  });

  it('contracts, shrinks towards the best, and restarts once from a better point, by hand', async () => {
    // f: 2 at the start A, 1 at B = A + 0.1 x, 3 at C = A + 0.1 y, 4 everywhere else.
    const f = (p: FactorValues) => (near([p.x, p.y], [0.5, 0.5]) ? 2 : near([p.x, p.y], [0.6, 0.5]) ? 1 : near([p.x, p.y], [0.5, 0.6]) ? 3 : 4);
    const batches: number[] = [];
    const result = await search(
      unit2,
      async (ps) => {
        batches.push(ps.length);
        return ps.map(f);
      },
      { ...centre, budget: 1000 },
    );
    const points = result.history.map((h) => h.point);
    // Round 1: reflect C through (0.55, 0.5) to (0.6, 0.4): worse than C; the inside contraction
    // (0.525, 0.55) is no better; shrink A and C halfway to B.
    expect(near(points[3], [0.6, 0.4])).toBe(true);
    expect(near(points[4], [0.525, 0.55])).toBe(true);
    expect(near(points[5], [0.55, 0.5])).toBe(true);
    expect(near(points[6], [0.55, 0.55])).toBe(true);
    // Seven shrinks take the simplex (edge 0.1) below DEFAULT_XTOL (0.1 / 2^7 < 0.001): 2 + 7 x 4
    // evaluations. The round ended at B, better than A, so a second round starts from B; it
    // finds nothing better and the search stops.
    expect(batches.slice(0, 7)).toEqual([1, 2, 1, 1, 2, 1, 1]);
    expect(near(points[31], [0.7, 0.5])).toBe(true);
    expect(near(points[32], [0.6, 0.6])).toBe(true);
    expect(batches[16]).toBe(2);
    expect(result.evaluations).toBe(1 + 2 * (2 + 7 * 4));
    expect(result.stopped).toBe('converged');
    expect(result.best.point).toEqual([0.6, 0.5]);
    expect(result.best.objective).toBe(1);
  });

  it('minimises a smooth bowl to the tolerance (the Nelder-Mead steps are right)', async () => {
    const target = [0.3, 0.7, 0.55];
    const factors: Factor[] = target.map((_, i) => ({ name: `x${i}`, min: 0, max: 1 }));
    const bowl = async (ps: FactorValues[]) => ps.map((p) => target.reduce((s, t, i) => s + (p[`x${i}`] - t) ** 2, 0));
    const result = await search(factors, bowl, { screen: 10, budget: 200, step: 0.1, tol: 1e-12, rng: rng('bowl') });
    result.best.point.forEach((u, i) => expect(Math.abs(u - target[i])).toBeLessThan(1e-3));
    expect(NELDER_MEAD).toEqual({ reflect: 1, expand: 2, contract: 0.5, shrink: 0.5 });
  });

  it('screens a warm start beside the design, and starts the simplex there when it is the best point', async () => {
    const { evaluate } = evaluator();
    const cold = await search(FACTORS, evaluator().evaluate, { ...OPTIONS, rng: rng('warm') });
    const warm = await search(FACTORS, evaluate, { ...OPTIONS, rng: rng('warm'), starts: [TRUTH] });
    const screened = warm.history.filter((h) => h.stage === 'screen');
    expect(screened).toHaveLength(OPTIONS.screen + 1);
    // The design is the same as without the start; the start is screened after it, at the truth.
    expect(screened.slice(0, OPTIONS.screen).map((h) => h.point)).toEqual(cold.history.slice(0, OPTIONS.screen).map((h) => h.point));
    expect(screened[OPTIONS.screen].values).toEqual(toValues(toPoint(TRUTH, FACTORS), FACTORS));
    expect(warm.best.objective).toBeLessThanOrEqual(screened[OPTIONS.screen].objective);
    // A start outside the ranges is clamped into them; a missing value is refused.
    const outside = Object.fromEntries(FACTORS.map((f) => [f.name, f.max + 10]));
    expect(toValues(toPoint(outside, FACTORS), FACTORS)).toEqual(Object.fromEntries(FACTORS.map((f) => [f.name, f.max])));
    await expect(search(FACTORS, evaluate, { ...OPTIONS, rng: rng('warm'), starts: [{}] })).rejects.toThrow(/needs a finite number/);
    await expect(search(FACTORS, evaluate, { ...OPTIONS, rng: rng('warm'), budget: OPTIONS.screen, starts: [TRUTH] })).rejects.toThrow(/screen \+ starts/);
  });

  it('refuses bad factors, options and objectives', async () => {
    const ok = evaluator().evaluate;
    const o = { ...OPTIONS, rng: rng('x') };
    await expect(search([], ok, o)).rejects.toThrow(/no factors/);
    await expect(search([FACTORS[0], FACTORS[0]], ok, o)).rejects.toThrow(/twice/);
    await expect(search([{ name: 'a', min: 1, max: 1 }], ok, o)).rejects.toThrow(/min < max/);
    await expect(search([{ name: 'a', min: 0.5, max: 3, integer: true }], ok, o)).rejects.toThrow(/whole/);
    await expect(search(FACTORS, ok, { ...o, screen: 0 })).rejects.toThrow(/screen/);
    await expect(search(FACTORS, ok, { ...o, budget: 10 })).rejects.toThrow(/budget/);
    await expect(search(FACTORS, ok, { ...o, step: 0 })).rejects.toThrow(/step/);
    await expect(search(FACTORS, ok, { ...o, tol: -1 })).rejects.toThrow(/tol/);
    await expect(search(FACTORS, ok, { ...o, xtol: -1 })).rejects.toThrow(/xtol/);
    await expect(search(FACTORS, async (ps) => ps.slice(1).map(() => 0), o)).rejects.toThrow(/returned/);
    await expect(search(FACTORS, async (ps) => ps.map(() => Number.NaN), o)).rejects.toThrow(/not a number/);
  });
});

describe('toValues', () => {
  it('maps reals linearly and integers to equal bins, the ends included', () => {
    const f: Factor[] = [
      { name: 'r', min: -2, max: 2 },
      { name: 'i', min: 1, max: 4, integer: true },
    ];
    expect(toValues([0, 0], f)).toEqual({ r: -2, i: 1 });
    expect(toValues([1, 1], f)).toEqual({ r: 2, i: 4 });
    expect(toValues([0.5, 0.249], f)).toEqual({ r: 0, i: 1 });
    expect(toValues([0.75, 0.25], f)).toEqual({ r: 1, i: 2 });
    expect(toValues([0.25, 0.74], f)).toEqual({ r: -1, i: 3 });
    expect(toValues([0.25, 0.75], f)).toEqual({ r: -1, i: 4 });
    expect(() => toValues([0.5], f)).toThrow(/coordinates/);
  });
});

describe('acceptedRanges', () => {
  const f: Factor[] = [
    { name: 'a', min: 0, max: 10 },
    { name: 'b', min: 0, max: 1 },
  ];
  const h = (objective: number, a: number, b: number, stage: Evaluation['stage'] = 'screen'): Evaluation => ({
    stage,
    point: [a / 10, b],
    values: { a, b },
    objective,
  });
  const history = [h(5, 9, 0.9), h(0.1, 2, 0.5), h(0.3, 4, 0.1), h(0.2, 3, 0.4), h(9, 0, 0), h(0.05, 2.5, 0.45, 'local'), h(7, 1, 1), h(6, 8, 0.2), h(8, 7, 0.3), h(4, 6, 0.6)];

  it('reports each constant among the best share of evaluations', () => {
    const acc = acceptedRanges(history, f, 0.3);
    expect(acc.count).toBe(3);
    expect(acc.threshold).toBe(0.2);
    expect(acc.ranges.a).toEqual({ min: 2, median: 2.5, max: 3 });
    expect(acc.ranges.b).toEqual({ min: 0.4, median: 0.45, max: 0.5 });
  });

  it('keeps at least one, includes ties at the threshold, and can use the screening alone', () => {
    expect(acceptedRanges(history, f, 0.01).count).toBe(1);
    expect(acceptedRanges(history, f, 0.01).ranges.a).toEqual({ min: 2.5, median: 2.5, max: 2.5 });
    const tied = [...history, h(0.2, 5, 0.5)];
    expect(acceptedRanges(tied, f, 0.25).count).toBe(4); // ceil(2.75) = 3: the third is 0.2, and so is the fourth
    const screenOnly = acceptedRanges(history, f, 0.2, ['screen']);
    expect(screenOnly.count).toBe(2);
    expect(screenOnly.ranges.a).toEqual({ min: 2, median: 2.5, max: 3 });
    expect(acceptedRanges(history, f, 1).count).toBe(history.length);
    expect(() => acceptedRanges(history, f, 0)).toThrow(/quantile/);
    expect(() => acceptedRanges([], f, 0.1)).toThrow(/no evaluations/);
  });

  it('narrows around the known constants after a search', async () => {
    const result = await search(FACTORS, evaluator().evaluate, { ...OPTIONS, rng: rng('calibrate') });
    const acc = acceptedRanges(result.history, FACTORS, 0.1);
    for (const f of FACTORS) {
      const r = acc.ranges[f.name];
      expect(r.min).toBeLessThanOrEqual(r.median);
      expect(r.median).toBeLessThanOrEqual(r.max);
      expect(Math.abs(r.median - TRUTH[f.name]), f.name).toBeLessThanOrEqual(2 * TOLERANCE * (f.max - f.min));
    }
  });
});
