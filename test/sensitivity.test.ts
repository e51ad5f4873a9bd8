/**
 * Sensitivity indices (analysis/sensitivity.ts) on functions whose answers are known: Sobol'
 * indices of the Ishigami function (Ishigami and Homma 1990; the values as in Saltelli et al.
 * 2008, and SALib's tests) and of a linear function; Morris's mu* and sigma on a linear function
 * (exact) and on one with an interaction.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { morrisTrajectories, saltelli } from '../analysis/designs';
import { morrisIndices, sobolIndices, type BootstrapInterval } from '../analysis/sensitivity';

const rng = (seed: string) => seedrandom.alea(seed);
const scale = (u: readonly number[], ranges: readonly (readonly [number, number])[]) => u.map((v, i) => ranges[i][0] + v * (ranges[i][1] - ranges[i][0]));

describe('Sobol indices', () => {
  // Ishigami: f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x uniform on [-pi, pi]^3, a = 7, b = 0.1.
  const ishigami = (u: readonly number[]) => {
    const [x1, x2, x3] = scale(u, [[-Math.PI, Math.PI], [-Math.PI, Math.PI], [-Math.PI, Math.PI]]);
    return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
  };
  const S1 = [0.3139, 0.4424, 0];
  const ST = [0.5576, 0.4424, 0.2437];
  // V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
  const V = 49 / 8 + (0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 18 + 0.5;
  const design = saltelli(4096, 3, rng('ishigami'));
  const result = sobolIndices(design, design.points.map(ishigami), { rng: rng('ishigami-bootstrap') });

  // 0.03 at n = 4096: over 100 design seeds the largest error of any index was 0.019 and the
  // root-mean-square error at most 0.0042 (a pseudo-random base sample: 0.057 and 0.022).
  it('match the Ishigami function\'s known indices within 0.03 at n = 4096', () => {
    result.s1.forEach((s, i) => expect(Math.abs(s.estimate - S1[i]), `S1 of x${i + 1}: ${s.estimate}`).toBeLessThan(0.03));
    result.st.forEach((s, i) => expect(Math.abs(s.estimate - ST[i]), `ST of x${i + 1}: ${s.estimate}`).toBeLessThan(0.03));
    expect(result.variance / V).toBeGreaterThan(0.98);
    expect(result.variance / V).toBeLessThan(1.02);
    expect(result).toMatchObject({ n: 4096, k: 3, used: 4096, resamples: 1000, confidence: 0.95 });
  });

  it('give 95% bootstrap intervals that hold the estimate and cover the true values', () => {
    const covers = (b: BootstrapInterval, truth: number) => b.lo <= truth && truth <= b.hi;
    result.s1.forEach((s, i) => {
      expect(s.lo).toBeLessThan(s.estimate);
      expect(s.hi).toBeGreaterThan(s.estimate);
      expect(covers(s, S1[i]), `S1 of x${i + 1}: [${s.lo}, ${s.hi}]`).toBe(true);
    });
    result.st.forEach((s, i) => expect(covers(s, ST[i]), `ST of x${i + 1}: [${s.lo}, ${s.hi}]`).toBe(true));
    // Not vacuous: the intervals are narrow.
    for (const s of [...result.s1, ...result.st]) expect(s.hi - s.lo).toBeLessThan(0.1);
  });

  it('are S1 = ST = c_i^2 / sum c^2 for a linear function', () => {
    const d = saltelli(1024, 3, rng('linear'));
    const r = sobolIndices(d, d.points.map((u) => u[0] + 2 * u[1]), { rng: rng('b'), resamples: 200 });
    [0.2, 0.8, 0].forEach((want, i) => {
      expect(r.s1[i].estimate).toBeCloseTo(want, 2);
      expect(r.st[i].estimate).toBeCloseTo(want, 2);
    });
    // x3 has no effect at all: AB_3 gives the same outputs as A, so its total index is exactly 0.
    expect(r.st[2]).toEqual({ estimate: 0, lo: 0, hi: 0 });
  });

  it('are a pure function of the outcomes and the rng seed; the seed moves only the intervals', () => {
    const d = saltelli(256, 3, rng('small'));
    const y = d.points.map(ishigami);
    const a = sobolIndices(d, y, { rng: rng('x'), resamples: 300 });
    expect(sobolIndices(d, y, { rng: rng('x'), resamples: 300 })).toEqual(a);
    const b = sobolIndices(d, y, { rng: rng('y'), resamples: 300 });
    expect(b.s1.map((s) => s.estimate)).toEqual(a.s1.map((s) => s.estimate));
    expect(b.s1.map((s) => s.lo)).not.toEqual(a.s1.map((s) => s.lo));
  });

  it('leave out base rows with a non-finite outcome', () => {
    const d = saltelli(256, 3, rng('small'));
    const y = d.points.map(ishigami);
    y[5] = NaN; // row 5 of A
    y[2 * 256 + 9] = Infinity; // row 9 of AB_1
    const r = sobolIndices(d, y, { rng: rng('x'), resamples: 50 });
    expect(r.used).toBe(254);
    for (const s of [...r.s1, ...r.st]) expect(Number.isFinite(s.estimate)).toBe(true);
  });

  it('are NaN when the outcome does not vary', () => {
    const d = saltelli(16, 2, rng('flat'));
    const r = sobolIndices(d, d.points.map(() => 3), { rng: rng('x'), resamples: 20 });
    expect(r.variance).toBe(0);
    expect(r.s1.every((s) => Number.isNaN(s.estimate) && Number.isNaN(s.lo))).toBe(true);
  });

  it('refuse outcomes that do not fit the design', () => {
    const d = saltelli(16, 2, rng('flat'));
    expect(() => sobolIndices(d, new Array(63).fill(0), { rng: rng('x') })).toThrow(/64 points, got 63/);
    expect(() => sobolIndices(d, new Array(64).fill(0), { rng: rng('x'), confidence: 1 })).toThrow(/confidence/);
  });
});

describe('Morris indices', () => {
  const ranges: [number, number][] = [[10, 20], [-1, 1], [0, 100]];

  it('of a linear function: mu* = |coefficient x range| exactly, sigma 0, mu* 0 for a factor with no effect', () => {
    const design = morrisTrajectories(20, 3, 4, rng('linear'));
    const y = design.points.map((u) => {
      const [a, b] = scale(u, ranges);
      return 3 * a - 2 * b; // the third factor has no effect
    });
    const { factors } = morrisIndices(design, y, { ranges });
    const want = [30, -4, 0]; // coefficient x range
    factors.forEach((f, i) => {
      expect(f.factor).toBe(i);
      expect(f.effects).toBe(20);
      expect(f.mu).toBeCloseTo(want[i], 10);
      expect(f.muStar.estimate).toBeCloseTo(Math.abs(want[i]), 10);
      expect(f.muStar.lo).toBeCloseTo(Math.abs(want[i]), 10);
      expect(f.muStar.hi).toBeCloseTo(Math.abs(want[i]), 10);
      expect(f.sigma).toBeCloseTo(0, 10);
      // Per unit of the factor: the coefficient itself.
      expect(f.perUnit!.mu).toBeCloseTo([3, -2, 0][i], 10);
      expect(f.perUnit!.muStar.estimate).toBeCloseTo([3, 2, 0][i], 10);
    });
    expect(factors[2].muStar.estimate).toBe(0);
  });

  it('of an interaction: sigma > 0, and mu* is the mean |effect|', () => {
    // y = x1 x2 on the unit cube: x1's elementary effect is x2's value, on levels 0, 1/3, 2/3, 1.
    const design = morrisTrajectories(50, 3, 4, rng('interaction'));
    const { factors } = morrisIndices(design, design.points.map((u) => u[0] * u[1]), { rng: rng('boot') });
    for (const f of factors.slice(0, 2)) {
      expect(f.sigma).toBeGreaterThan(0.2);
      expect(f.muStar.estimate).toBeGreaterThan(0.3);
      expect(f.muStar.estimate).toBeLessThan(0.7);
      expect(f.muStar.lo).toBeLessThan(f.muStar.estimate);
      expect(f.muStar.hi).toBeGreaterThan(f.muStar.estimate);
      expect(f.perUnit).toBeUndefined();
    }
    expect(factors[2]).toMatchObject({ mu: 0, sigma: 0, muStar: { estimate: 0, lo: 0, hi: 0 } });
    // mu* is the mean absolute effect, recomputed here from the design.
    const ee: number[] = [];
    for (const t of design.trajectories) {
      const s = t.factorOrder.indexOf(0);
      const [a, b] = [design.points[t.start + s], design.points[t.start + s + 1]];
      ee.push(Math.abs((b[0] * b[1] - a[0] * a[1]) / t.deltas[s]));
    }
    expect(factors[0].muStar.estimate).toBeCloseTo(ee.reduce((x, y) => x + y, 0) / ee.length, 12);
  });

  it('tell mu (signed) from mu* (absolute) when effects change sign', () => {
    // y = (x1 - 1/2)^2: effects on either side of 1/2 cancel in mu, not in mu*.
    const design = morrisTrajectories(40, 2, 4, rng('sign'));
    const [f] = morrisIndices(design, design.points.map((u) => (u[0] - 0.5) ** 2)).factors;
    expect(Math.abs(f.mu)).toBeLessThan(f.muStar.estimate / 2);
    expect(f.muStar.estimate).toBeGreaterThan(0.1);
  });

  it('skip effects with a non-finite outcome, and are deterministic', () => {
    const design = morrisTrajectories(10, 3, 4, rng('nan'));
    const y = design.points.map((u) => u[0] + u[1] + u[2]);
    const before = morrisIndices(design, y);
    expect(morrisIndices(design, y)).toEqual(before);
    y[1] = NaN; // inside trajectory 0: its first two steps lose their effects
    const r = morrisIndices(design, y);
    const order = design.trajectories[0].factorOrder;
    expect(r.factors[order[0]].effects).toBe(9);
    expect(r.factors[order[1]].effects).toBe(9);
    expect(r.factors[order[2]].effects).toBe(10);
  });

  it('refuse a design that does not fit the outcomes', () => {
    const design = morrisTrajectories(3, 2, 4, rng('short'));
    expect(() => morrisIndices(design, new Array(8).fill(0))).toThrow(/not within the 8 outcomes/);
    expect(() => morrisIndices(design, new Array(9).fill(0), { ranges: [[0, 1]] })).toThrow(/1 ranges for 2 factors/);
    expect(() => morrisIndices(design, new Array(9).fill(0), { ranges: [[0, 1], [1, 1]] })).toThrow(/hi > lo/);
  });
});
