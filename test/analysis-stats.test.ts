/**
 * The statistics helpers of analysis/stats.ts against known values: exact fractions worked by
 * hand, R's documented examples (binom.test(c(682, 243), p = 3/4); wilcox.test on Hollander and
 * Wolfe's depression data, ?wilcox.test), SciPy 1.17's scipy.stats.binom / binomtest (the same
 * algorithms as R's pbinom / qbinom / binom.test), and brute-force enumeration.
 */
import { describe, expect, it } from 'vitest';
import {
  allowedCount,
  binomialCdf,
  binomialPmf,
  binomialQuantile,
  binomialUpperTail,
  clopperPearson,
  hodgesLehmann,
  median,
  minSeedsForHodgesLehmann,
  minSeedsForQuantileCi,
  minSeedsForSignTest,
  orderStatisticCi,
  quantile,
  requireSeeds,
  requiredCount,
  signTest,
  signedRankCdf,
} from '../analysis/stats';

/** Relative closeness, for probabilities spanning many orders of magnitude. */
const expectRel = (got: number, want: number, rel = 1e-9) => expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want));

describe('binomial', () => {
  it('pmf, cdf and upper tail agree with exact fractions and with R / SciPy', () => {
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 14); // 1 + 10 + 45 of 1024
    expect(binomialCdf(2, 10, 0.5)).toBeCloseTo(56 / 1024, 14);
    expect(binomialPmf(3, 4, 0.5)).toBeCloseTo(4 / 16, 14);
    expectRel(binomialCdf(3, 20, 0.3), 0.10708680450373087);
    expectRel(binomialUpperTail(5, 40, 0.0175), 0.0006483184122571176);
    expectRel(binomialUpperTail(3, 400, 0.001), 0.00788343125882217);
    expectRel(binomialPmf(500, 1000, 0.5), 0.025225018178360804);
    expectRel(binomialCdf(10, 1000, 0.05), 2.7977985614855385e-12, 1e-7); // a far tail keeps its digits
    // Edges: k outside 0..n, p = 0 or 1.
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(1, 10, 0)).toBe(0);
    expect(binomialCdf(9, 10, 1)).toBe(0);
    expect(binomialUpperTail(0, 0, 0.5)).toBe(1);
    expect(() => binomialCdf(1, 10, 1.5)).toThrow(/probability/);
  });

  it('cdf + upper tail = 1 and the pmf sums to 1', () => {
    for (const [n, p] of [[1, 0.5], [7, 0.13], [40, 0.0175], [300, 0.6]] as const) {
      let s = 0;
      for (let k = 0; k <= n; k++) {
        s += binomialPmf(k, n, p);
        expect(binomialCdf(k, n, p) + binomialUpperTail(k + 1, n, p)).toBeCloseTo(1, 12);
      }
      expect(s).toBeCloseTo(1, 12);
    }
  });

  it('quantile is R\'s qbinom', () => {
    expect(binomialQuantile(0.99, 40, 0.036)).toBe(5);
    expect(binomialQuantile(0.5, 10, 0.5)).toBe(5);
    expect(binomialQuantile(0.95, 30, 0.2)).toBe(10);
    expect(binomialQuantile(0, 30, 0.2)).toBe(0);
    expect(binomialQuantile(1, 30, 0.2)).toBe(30);
    // Exactly at a cdf value: P(X <= 2) = 56/1024 for Binomial(10, 1/2).
    expect(binomialQuantile(56 / 1024, 10, 0.5)).toBe(2);
  });

  it('allowedCount and requiredCount bound a count at the stated error', () => {
    // Binomial(40, 0.0175): P(X >= 4) = 0.0052 <= 0.01 < P(X >= 3) = 0.0327 (SciPy).
    expect(allowedCount(40, 0.0175, 0.01)).toBe(3);
    expect(binomialUpperTail(4, 40, 0.0175)).toBeLessThanOrEqual(0.01);
    expect(binomialUpperTail(3, 40, 0.0175)).toBeGreaterThan(0.01);
    expect(allowedCount(30, 0, 0.01)).toBe(0);
    expect(allowedCount(30, 1, 0.01)).toBe(30);
    // A coin in 30 tosses: P(X <= 7) = 0.0026 <= 0.005 < P(X <= 8) = 0.0081, so at least 8.
    expect(requiredCount(30, 0.5, 0.005)).toBe(8);
    expect(binomialCdf(7, 30, 0.5)).toBeCloseTo(0.002611, 6);
    expect(requiredCount(5, 0.1, 0.01)).toBe(0); // no count can be required
    expect(requiredCount(30, 1, 0.01)).toBe(30);
  });

  it('Clopper-Pearson intervals are R\'s binom.test intervals', () => {
    // ?binom.test: binom.test(c(682, 243), p = 3/4): 95% CI 0.7076683 0.7654066.
    const a = clopperPearson(682, 925, 0.95);
    expect(a.lo).toBeCloseTo(0.707668264079039, 9);
    expect(a.hi).toBeCloseTo(0.7654065582414781, 9);
    const b = clopperPearson(7, 400, 0.95);
    expect(b.lo).toBeCloseTo(0.007064128220753902, 9);
    expect(b.hi).toBeCloseTo(0.03572287359361954, 9);
    expect(clopperPearson(0, 20, 0.95)).toEqual({ lo: 0, hi: expect.closeTo(0.16843347098308548, 9) });
    expect(clopperPearson(20, 20, 0.9)).toEqual({ lo: expect.closeTo(0.8608916593316243, 9), hi: 1 });
    expect(() => clopperPearson(3, 2, 0.95)).toThrow(/at most n/);
  });
});

describe('sign test', () => {
  it('matches binom.test on the non-tied differences', () => {
    // 8 of 10 positive (two ties dropped): one-sided p 56/1024 = 0.0546875, two-sided 0.109375.
    const r = signTest([1, 2, 3, 4, 5, 6, 7, 8, -1, -2, 0, 0]);
    expect(r).toEqual({ positive: 8, negative: 2, ties: 2, pGreater: expect.closeTo(0.0546875, 14), pLess: expect.closeTo(0.9892578125, 14), pTwoSided: expect.closeTo(0.109375, 14) });
    const s = signTest([-3, -1, 2, -5, -0.5, -2, -9, -1, -1, 7]); // 2 of 10 positive
    expect(s.pLess).toBeCloseTo(0.0546875, 14);
    expect(s.pGreater).toBeCloseTo(0.9892578125, 14);
    // 15 of 17: SciPy binomtest(15, 17): greater 0.0011749267578125, two-sided 0.002349853515625.
    const t = signTest([...Array(15).fill(1), -1, -1]);
    expect(t.pGreater).toBeCloseTo(0.0011749267578125, 14);
    expect(t.pTwoSided).toBeCloseTo(0.002349853515625, 14);
    // Balanced: two-sided 1 (R: 1); all ties or no data: nothing to test, every p 1.
    expect(signTest([1, -1, 2, -2, 3, -3, 4, -4, 5, -5]).pTwoSided).toBe(1);
    expect(signTest([0, 0, 0])).toEqual({ positive: 0, negative: 0, ties: 3, pGreater: 1, pLess: 1, pTwoSided: 1 });
    expect(signTest([])).toMatchObject({ pGreater: 1, pLess: 1, pTwoSided: 1 });
    // Ten of ten positive: 2^-10.
    expect(signTest(Array(10).fill(0.1)).pGreater).toBeCloseTo(1 / 1024, 15);
    expect(() => signTest([1, NaN])).toThrow(/NaN/);
  });

  it('minSeedsForSignTest is the fewest all-positive pairs reaching alpha', () => {
    expect(minSeedsForSignTest(0.001)).toBe(10); // 2^-10 = 0.00098
    expect(minSeedsForSignTest(0.01)).toBe(7); // 2^-7 = 0.0078, 2^-6 = 0.0156
    expect(minSeedsForSignTest(1 / 1024)).toBe(10); // exactly attainable
    for (const alpha of [0.05, 0.01, 0.001, 1e-4]) {
      const n = minSeedsForSignTest(alpha);
      expect(signTest(Array(n).fill(1)).pGreater).toBeLessThanOrEqual(alpha);
      expect(signTest(Array(n - 1).fill(1)).pGreater).toBeGreaterThan(alpha);
    }
  });
});

describe('quantiles and order-statistic intervals', () => {
  it('quantile is R\'s type 7', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(quantile([5], 0.3)).toBe(5);
  });

  it('the median\'s 95% interval from 10 values is [x(2), x(9)], coverage 1 - 2 x 11/1024', () => {
    // B ~ Binomial(10, 1/2): P(B <= 1) = 11/1024 <= 0.025 < P(B <= 2) = 56/1024.
    const xs = [9, 3, 7, 1, 10, 5, 2, 8, 6, 4];
    const c = orderStatisticCi(xs, 0.5, 0.95);
    expect(c).toEqual({ n: 10, estimate: 5.5, lo: 2, hi: 9, loRank: 2, hiRank: 9, coverage: expect.closeTo(1 - 22 / 1024, 14) });
  });

  it('an upper quantile\'s interval: q 0.9 from 100 values', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1); // x(r) = r
    const c = orderStatisticCi(xs, 0.9, 0.95);
    // SciPy: binom.cdf(83, 100, 0.9) = 0.0206 <= 0.025 < binom.cdf(84, 100, 0.9) = 0.0399 -> l = 84;
    // binom.sf(95, 100, 0.9) = P(B >= 96) = 0.0237 <= 0.025 < P(B >= 95) = 0.0576 -> u = 96.
    expect([c.lo, c.hi]).toEqual([84, 96]);
    expect(c.coverage).toBeGreaterThanOrEqual(0.95);
    expect(binomialCdf(c.loRank - 1, 100, 0.9)).toBeLessThanOrEqual(0.025);
    expect(binomialCdf(c.loRank, 100, 0.9)).toBeGreaterThan(0.025);
    expect(binomialUpperTail(c.hiRank, 100, 0.9)).toBeLessThanOrEqual(0.025);
    expect(binomialUpperTail(c.hiRank - 1, 100, 0.9)).toBeGreaterThan(0.025);
  });

  it('covers the true quantile at least as often as it says (exact enumeration over ranks)', () => {
    // With continuous data, the q-quantile lies below exactly B of the n values, B ~ Binomial(n, 1 - q);
    // the interval misses it iff B falls outside its ranks. Its coverage is that probability.
    for (const [n, q] of [[6, 0.5], [20, 0.25], [37, 0.8]] as const) {
      const c = orderStatisticCi(Array.from({ length: n }, (_, i) => i), q, 0.95);
      let covered = 0;
      for (let below = 0; below <= n; below++) if (below >= c.loRank && below <= c.hiRank - 1) covered += binomialPmf(below, n, q);
      expect(covered).toBeCloseTo(c.coverage, 12);
      expect(covered).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('refuses too few values, naming the minimum', () => {
    expect(minSeedsForQuantileCi(0.5, 0.95)).toBe(6); // 2^-6 <= 0.025 < 2^-5
    expect(minSeedsForQuantileCi(0.9, 0.95)).toBe(36); // 0.9^35 = 0.02503 > 0.025 >= 0.9^36 = 0.0225
    expect(() => orderStatisticCi([1, 2, 3, 4, 5], 0.5, 0.95)).toThrow('needs at least 6 values, got 5');
    expect(() => orderStatisticCi([1, 2, 3, 4, 5, 6], 0.5, 0.95)).not.toThrow();
  });
});

describe('Wilcoxon signed rank and Hodges-Lehmann', () => {
  it('the signed-rank distribution is the enumeration of every sign pattern', () => {
    for (const n of [1, 5, 9, 12]) {
      const counts = new Array((n * (n + 1)) / 2 + 1).fill(0);
      for (let mask = 0; mask < 2 ** n; mask++) {
        let t = 0;
        for (let r = 1; r <= n; r++) if (mask & (1 << (r - 1))) t += r;
        counts[t]++;
      }
      const cdf = signedRankCdf(n);
      let c = 0;
      counts.forEach((k, t) => {
        c += k;
        expect(cdf[t]).toBeCloseTo(c / 2 ** n, 14);
      });
    }
    // The textbook critical values: psignrank(5, 9) = 10/512, psignrank(8, 10) = 25/1024.
    expect(signedRankCdf(9)[5]).toBeCloseTo(10 / 512, 15);
    expect(signedRankCdf(9)[6]).toBeCloseTo(14 / 512, 15);
    expect(signedRankCdf(10)[8]).toBeCloseTo(25 / 1024, 15);
  });

  it('R\'s example: the depression data (?wilcox.test), pseudo-median 0.46, 95% CI [0.010, 0.786]', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const hl = hodgesLehmann(x.map((xi, i) => xi - y[i]), 0.95);
    expect(hl.n).toBe(9);
    expect(hl.estimate).toBeCloseTo(0.46, 10);
    expect(hl.lo).toBeCloseTo(0.01, 10);
    expect(hl.hi).toBeCloseTo(0.786, 10);
    // k = 6 (P(T+ <= 5) = 10/512 <= 0.025 < 14/512): the 6th smallest and 6th largest of 45.
    expect(hl.coverage).toBeCloseTo(1 - 20 / 512, 14);
  });

  it('is the inversion of the exact signed-rank test (brute force)', () => {
    // For continuous data, theta is outside the interval iff a one-sided signed-rank test of
    // d - theta rejects at (1 - level) / 2 on either side.
    const d = [2.1, -0.4, 3.3, 1.7, 0.2, 5.9, -1.2, 2.8, 0.9, 4.4, 1.1, -0.7];
    const hl = hodgesLehmann(d, 0.9);
    const cdf = signedRankCdf(d.length);
    const tPlus = (theta: number) => {
      const e = d.map((v) => v - theta);
      const ranks = e.map((v) => e.filter((w) => Math.abs(w) <= Math.abs(v)).length); // no ties here
      return e.reduce((s, v, i) => s + (v > 0 ? ranks[i] : 0), 0);
    };
    const m = (d.length * (d.length + 1)) / 2;
    const rejects = (theta: number) => cdf[tPlus(theta)] <= 0.05 || cdf[m - tPlus(theta)] <= 0.05;
    for (let theta = -2; theta <= 5; theta += 0.0137) {
      if (Math.abs(theta - hl.lo) < 1e-9 || Math.abs(theta - hl.hi) < 1e-9) continue;
      expect(rejects(theta), `theta ${theta}, interval [${hl.lo}, ${hl.hi}]`).toBe(theta < hl.lo || theta > hl.hi);
    }
    // The estimate is the median of the 78 Walsh averages.
    const walsh: number[] = [];
    for (let i = 0; i < d.length; i++) for (let j = i; j < d.length; j++) walsh.push((d[i] + d[j]) / 2);
    expect(hl.estimate).toBe(median(walsh));
  });

  it('keeps zeros and ties; refuses too few differences, naming the minimum', () => {
    const hl = hodgesLehmann([0, 0, 0, 0, 0, 0, 1, 1], 0.95);
    expect(hl.lo).toBe(0);
    expect(hl.estimate).toBe(0);
    expect(minSeedsForHodgesLehmann(0.95)).toBe(6); // 2^-6 = 0.0156 <= 0.025 < 2^-5
    expect(minSeedsForHodgesLehmann(0.998)).toBe(10); // 2^-10 <= 0.001
    expect(() => hodgesLehmann([1, 2, 3, 4, 5], 0.95)).toThrow('needs at least 6 differences, got 5');
    expect(hodgesLehmann([1, 2, 3, 4, 5, 6], 0.95)).toMatchObject({ lo: 1, hi: 6, estimate: 3.5 });
  });
});

describe('requireSeeds', () => {
  it('names the test, the minimum and the count', () => {
    expect(() => requireSeeds(5, 10, '(b) legitimacy drop')).toThrow('(b) legitimacy drop: needs at least 10 seeds, got 5');
    expect(() => requireSeeds(10, 10, 'x')).not.toThrow();
    expect(() => requireSeeds(2.5, 1, 'x')).toThrow('x: needs at least 1 seeds, got 2.5');
  });
});
