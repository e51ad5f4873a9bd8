/**
 * Distribution-free statistics over many seeds, for reports (`compare`, `cases`) and tests: exact binomial tails and quantiles,
 * Clopper-Pearson bounds of a rate, the sign test, the Hodges-Lehmann estimate with its Wilcoxon
 * signed-rank interval, order-statistic intervals of a quantile, and the seed-count checks that
 * go before them.
 *
 * Why these and not t-intervals of means: the outcomes of seeded simulations are often heavy
 * tailed (most runs quiet, a few explode), and a mean's t-interval then passes or fails on the
 * luck of one seed. These methods assume only independent seeds (and, for the signed-rank
 * interval, a distribution of paired differences symmetric about its centre); their error rates
 * hold exactly for any sample size they accept.
 *
 * Outside sim/: this uses Math.log / Math.exp, which sim/ may not (see the house rules); a
 * report's statistics do not feed back into a run.
 *
 * Conventions: `level` is a two-sided confidence level (0.95 leaves 0.025 in each tail); an
 * interval's `coverage` is the exact level it achieves for continuous data, at least `level`
 * (with ties in the data the closed interval covers at least as often). Every function that
 * needs a minimum number of observations throws an error naming that minimum; call
 * requireSeeds(n, min..., 'test name') first to fail with the test's name instead.
 */

// ---- seed counts ---------------------------------------------------------------------------------

/** Throws `${what}: needs at least ${min} seeds, got ${n}` unless n >= min. */
export function requireSeeds(n: number, min: number, what: string): void {
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`${what}: needs at least ${min} seeds, got ${n}`);
  }
}

/**
 * The fewest non-tied pairs for which a one-sided sign test can reach p <= alpha (all of them on
 * one side: p = 2^-n).
 */
export function minSeedsForSignTest(alpha: number): number {
  checkProbability(alpha, 'alpha', true);
  return Math.max(1, Math.ceil(-Math.log2(alpha) - 1e-12));
}

/** The fewest observations for which orderStatisticCi(xs, q, level) has both ends. */
export function minSeedsForQuantileCi(q: number, level: number): number {
  checkProbability(q, 'q', true);
  checkProbability(level, 'level', true);
  const tail = (1 - level) / 2;
  // Both ends exist when (1 - q)^n <= tail and q^n <= tail.
  let n = 1;
  while ((1 - q) ** n > tail || q ** n > tail) n++;
  return n;
}

/** The fewest differences for which hodgesLehmann(d, level) has an interval: 2^-n <= (1 - level) / 2. */
export function minSeedsForHodgesLehmann(level: number): number {
  checkProbability(level, 'level', true);
  return Math.max(1, Math.ceil(-Math.log2((1 - level) / 2) - 1e-12));
}

// ---- binomial ------------------------------------------------------------------------------------

function checkProbability(p: number, name: string, open = false): void {
  if (!(p >= 0 && p <= 1) || (open && (p === 0 || p === 1))) {
    throw new RangeError(`${name} must be a probability${open ? ' strictly between 0 and 1' : ' in [0, 1]'}, got ${p}`);
  }
}

function checkCount(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

/** log C(n, k), as a sum of logs (exact enough for n up to millions). */
function logChoose(n: number, k: number): number {
  const m = Math.min(k, n - k);
  let s = 0;
  for (let i = 1; i <= m; i++) s += Math.log((n - m + i) / i);
  return s;
}

/** P(X = k), X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  checkCount(n, 'n');
  checkProbability(p, 'p');
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** The pmf of Binomial(n, p) over 0..n, by the ratio recurrence from the mode (no underflow there). */
function binomialPmfs(n: number, p: number): Float64Array {
  checkCount(n, 'n');
  checkProbability(p, 'p');
  const f = new Float64Array(n + 1);
  if (p === 0) {
    f[0] = 1;
    return f;
  }
  if (p === 1) {
    f[n] = 1;
    return f;
  }
  const mode = Math.min(n, Math.floor((n + 1) * p));
  f[mode] = binomialPmf(mode, n, p);
  const r = p / (1 - p);
  for (let k = mode + 1; k <= n; k++) f[k] = (f[k - 1] * (n - k + 1) * r) / k;
  for (let k = mode - 1; k >= 0; k--) f[k] = (f[k + 1] * (k + 1)) / ((n - k) * r);
  return f;
}

/** P(X <= k), X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  const f = binomialPmfs(n, p);
  if (k < 0) return 0;
  if (k >= n) return 1;
  let lower = 0;
  for (let i = 0; i <= Math.floor(k); i++) lower += f[i];
  let upper = 0;
  for (let i = Math.floor(k) + 1; i <= n; i++) upper += f[i];
  // Sum the smaller tail, so that tiny tail probabilities keep their precision.
  return lower <= upper ? lower : 1 - upper;
}

/** P(X >= k), X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  const f = binomialPmfs(n, p);
  if (k <= 0) return 1;
  if (k > n) return 0;
  let upper = 0;
  for (let i = Math.ceil(k); i <= n; i++) upper += f[i];
  let lower = 0;
  for (let i = 0; i < Math.ceil(k); i++) lower += f[i];
  return upper <= lower ? upper : 1 - lower;
}

/** R's qbinom(q, n, p): the smallest k with P(X <= k) >= q, X ~ Binomial(n, p). */
export function binomialQuantile(q: number, n: number, p: number): number {
  checkProbability(q, 'q');
  const f = binomialPmfs(n, p);
  if (q === 1) return p === 0 ? 0 : n; // R's convention: the top of the support
  let c = 0;
  for (let k = 0; k < n; k++) {
    c += f[k];
    if (c >= q * (1 - 64 * Number.EPSILON)) return k;
  }
  return n;
}

/**
 * For a bound "at most k of n runs show E": the smallest k with P(X > k) <= alpha, X ~
 * Binomial(n, rate). If the true rate of E is at most `rate`, the bound fails with probability
 * at most alpha.
 */
export function allowedCount(n: number, rate: number, alpha: number): number {
  checkProbability(alpha, 'alpha', true);
  for (let k = 0; k < n; k++) if (binomialUpperTail(k + 1, n, rate) <= alpha) return k;
  return n;
}

/**
 * For a bound "at least k of n runs show E": the largest k with P(X < k) <= alpha, X ~
 * Binomial(n, rate). If the true rate of E is at least `rate`, the bound fails with probability
 * at most alpha. Can be 0 (then the bound is empty: too few runs or too low a rate).
 */
export function requiredCount(n: number, rate: number, alpha: number): number {
  checkProbability(alpha, 'alpha', true);
  for (let k = n; k >= 1; k--) if (binomialCdf(k - 1, n, rate) <= alpha) return k;
  return 0;
}

/** The p in [0, 1] at which the decreasing function g(p) crosses target, by bisection. */
function bisect(g: (p: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (g(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Clopper-Pearson (exact) interval of a rate from x successes in n trials, as R's
 * binom.test(x, n, conf.level = level)$conf.int: each end leaves (1 - level) / 2 outside.
 * Its `hi` is a one-sided upper bound at confidence 1 - (1 - level) / 2.
 */
export function clopperPearson(x: number, n: number, level: number): { lo: number; hi: number } {
  checkCount(n, 'n');
  checkCount(x, 'x');
  if (x > n) throw new RangeError(`x (${x}) must be at most n (${n})`);
  checkProbability(level, 'level', true);
  const tail = (1 - level) / 2;
  // lo: P(X >= x | lo) = tail (increasing in p); hi: P(X <= x | hi) = tail (decreasing in p).
  const lo = x === 0 ? 0 : bisect((p) => -binomialUpperTail(x, n, p), -tail);
  const hi = x === n ? 1 : bisect((p) => binomialCdf(x, n, p), tail);
  return { lo, hi };
}

// ---- a share's interval -------------------------------------------------------------------------

/** Wilson score interval for a binomial share (95%); honest at 0 and 1, unlike the normal one. */
export function wilson(successes: number, n: number, z = 1.959964): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

// ---- sign test -----------------------------------------------------------------------------------

export interface SignTestResult {
  /** Differences above 0, below 0, and equal to 0 (dropped from the test). */
  readonly positive: number;
  readonly negative: number;
  readonly ties: number;
  /** P(X >= positive), X ~ Binomial(positive + negative, 1/2): evidence that differences tend to be positive. */
  readonly pGreater: number;
  /** P(X <= positive): evidence that they tend to be negative. */
  readonly pLess: number;
  /** R's binom.test(positive, positive + negative)$p.value: min(1, 2 min(pGreater, pLess)). */
  readonly pTwoSided: number;
}

/**
 * The exact sign test of paired differences (ties dropped), as R's
 * binom.test(sum(d > 0), sum(d != 0), 0.5). Tests that the median difference is 0; NaN is refused.
 */
export function signTest(diffs: readonly number[]): SignTestResult {
  let positive = 0;
  let negative = 0;
  let ties = 0;
  for (const d of diffs) {
    if (Number.isNaN(d)) throw new RangeError('signTest: a difference is NaN');
    if (d > 0) positive++;
    else if (d < 0) negative++;
    else ties++;
  }
  const n = positive + negative;
  const pGreater = binomialUpperTail(positive, n, 0.5);
  const pLess = binomialCdf(positive, n, 0.5);
  return { positive, negative, ties, pGreater, pLess, pTwoSided: Math.min(1, 2 * Math.min(pGreater, pLess)) };
}

// ---- order statistics ----------------------------------------------------------------------------

const ascending = (xs: readonly number[]): number[] => {
  if (xs.some((x) => Number.isNaN(x))) throw new RangeError('a value is NaN');
  return [...xs].sort((a, b) => a - b);
};

/** The q-quantile by linear interpolation between order statistics (R's type 7, quantile()'s default). */
export function quantile(xs: readonly number[], q: number): number {
  checkProbability(q, 'q');
  if (xs.length === 0) throw new RangeError('quantile of no values');
  const s = ascending(xs);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

export interface Interval {
  readonly n: number;
  /** The point estimate (the sample quantile; the Hodges-Lehmann estimate). */
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
  /** The exact confidence the interval achieves (at least the level asked for). */
  readonly coverage: number;
}

export interface OrderStatisticInterval extends Interval {
  /** 1-based ranks of the order statistics that bound it. */
  readonly loRank: number;
  readonly hiRank: number;
}

/**
 * Distribution-free confidence interval of the q-quantile: [x_(l), x_(u)], with l the largest rank
 * with P(B <= l - 1) <= (1 - level) / 2 and u the smallest with P(B >= u) <= (1 - level) / 2,
 * B ~ Binomial(n, q); coverage P(l <= B <= u - 1). Each end is a one-sided bound at confidence
 * 1 - (1 - level) / 2. Throws, naming the minimum, when n < minSeedsForQuantileCi(q, level).
 */
export function orderStatisticCi(xs: readonly number[], q: number, level: number): OrderStatisticInterval {
  checkProbability(q, 'q', true);
  checkProbability(level, 'level', true);
  const n = xs.length;
  const min = minSeedsForQuantileCi(q, level);
  if (n < min) throw new RangeError(`orderStatisticCi: a ${level} interval of the ${q}-quantile needs at least ${min} values, got ${n}`);
  const s = ascending(xs);
  const tail = (1 - level) / 2;
  let l = 1;
  while (l + 1 <= n && binomialCdf(l, n, q) <= tail) l++;
  let u = n;
  while (u - 1 >= 1 && binomialUpperTail(u - 1, n, q) <= tail) u--;
  const coverage = binomialCdf(u - 1, n, q) - binomialCdf(l - 1, n, q);
  return { n, estimate: quantile(s, q), lo: s[l - 1], hi: s[u - 1], loRank: l, hiRank: u, coverage };
}

// ---- Wilcoxon signed rank / Hodges-Lehmann -------------------------------------------------------

/**
 * The exact null distribution of Wilcoxon's signed-rank statistic T+ for n untied, non-zero
 * differences: P(T+ <= t) for t = 0..n(n+1)/2 (R's psignrank(t, n)).
 */
export function signedRankCdf(n: number): Float64Array {
  checkCount(n, 'n');
  const m = (n * (n + 1)) / 2;
  let f = new Float64Array(m + 1);
  f[0] = 1;
  for (let r = 1; r <= n; r++) {
    const g = new Float64Array(m + 1);
    const top = (r * (r - 1)) / 2;
    for (let t = 0; t <= top; t++) {
      g[t] += f[t] / 2;
      g[t + r] += f[t] / 2;
    }
    f = g;
  }
  for (let t = 1; t <= m; t++) f[t] += f[t - 1];
  return f;
}

/**
 * The one-sample Hodges-Lehmann estimate of the centre of paired differences (the median of the
 * n(n+1)/2 Walsh averages (d_i + d_j) / 2, i <= j) with its distribution-free interval from the
 * exact signed-rank distribution, as R's wilcox.test(d, conf.int = TRUE, exact = TRUE): the k-th
 * smallest and k-th largest Walsh averages, k the largest with P(T+ <= k - 1) <= (1 - level) / 2.
 * Every difference is used, zeros included. Throws, naming the minimum, when
 * n < minSeedsForHodgesLehmann(level). Its `lo` > 0 is a one-sided signed-rank test at
 * (1 - level) / 2 that the differences are centred above 0.
 */
export function hodgesLehmann(diffs: readonly number[], level: number): Interval {
  checkProbability(level, 'level', true);
  const n = diffs.length;
  const min = minSeedsForHodgesLehmann(level);
  if (n < min) throw new RangeError(`hodgesLehmann: a ${level} interval needs at least ${min} differences, got ${n}`);
  const d = ascending(diffs);
  const walsh: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh.push((d[i] + d[j]) / 2);
  walsh.sort((a, b) => a - b);
  const m = walsh.length;
  const cdf = signedRankCdf(n);
  const tail = (1 - level) / 2;
  let k = 1; // P(T+ <= 0) = 2^-n <= tail, by the minimum
  while (k + 1 <= m && cdf[k] <= tail) k++;
  const estimate = m % 2 === 1 ? walsh[(m - 1) / 2] : (walsh[m / 2 - 1] + walsh[m / 2]) / 2;
  return { n, estimate, lo: walsh[k - 1], hi: walsh[m - k], coverage: 1 - 2 * cdf[k - 1] };
}
