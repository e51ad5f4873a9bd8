/**
 * Sensitivity indices from the designs of designs.ts: Morris's elementary effects (mu, mu*,
 * sigma) and Sobol' first-order and total indices, each with a seeded percentile bootstrap
 * interval. y[i] is the outcome at design point i (for a stochastic model, typically its mean
 * over replicates). docs/sweeps-analysis.md describes the estimators.
 */
import seedrandom from 'seedrandom';
import type { MorrisTrajectory } from './designs';
import { quantile } from './stats';

export interface BootstrapInterval {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

function checkBootstrap(resamples: number, confidence: number, who: string): void {
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`${who}: resamples must be a positive integer, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`${who}: confidence must be strictly between 0 and 1, got ${confidence}`);
}

/** The two-sided percentile interval of bootstrap replicates; replicates that are not finite (a resample with no variance) are left out. */
function percentile(replicates: readonly number[], confidence: number): { lo: number; hi: number } {
  const finite = replicates.filter(Number.isFinite);
  if (finite.length === 0) return { lo: NaN, hi: NaN };
  const tail = (1 - confidence) / 2;
  return { lo: quantile(finite, tail), hi: quantile(finite, 1 - tail) };
}

// ---- Morris --------------------------------------------------------------------------------------

export interface MorrisOptions {
  /** Each factor's range [lo, hi]: with it, each result also gives the effects per unit of the factor. */
  readonly ranges?: readonly (readonly [number, number])[];
  /** Bootstrap resamples for mu*'s interval (default 1000). */
  readonly resamples?: number;
  /** Two-sided level of that interval (default 0.95). */
  readonly confidence?: number;
  /** The resampling's random numbers (default: seedrandom.alea('morris-bootstrap')). */
  readonly rng?: () => number;
}

export interface MorrisStats {
  /** Mean elementary effect (signed: effects of opposite sign cancel). */
  readonly mu: number;
  /** Mean absolute elementary effect, with its percentile-bootstrap interval. */
  readonly muStar: BootstrapInterval;
  /** Standard deviation of the elementary effects (n - 1 denominator): non-linearity or interactions. */
  readonly sigma: number;
}

export interface MorrisFactor extends MorrisStats {
  readonly factor: number;
  /** Elementary effects used (steps whose two outcomes are both finite). */
  readonly effects: number;
  /** With opts.ranges: the same per unit of the factor (each divided by hi - lo). */
  readonly perUnit?: MorrisStats;
}

export interface MorrisIndices {
  readonly factors: MorrisFactor[];
  readonly resamples: number;
  readonly confidence: number;
}

/**
 * Morris (1991) screening with Campolongo, Cariboni and Saltelli's (2007) mu*. An elementary
 * effect is (y after a step - y before) / the step's delta: the change in y per unit of the unit
 * cube, i.e. the change over the factor's whole range for a linear effect (so mu* ranks factors
 * on a common scale, as SALib does). Steps with a non-finite outcome are skipped, and counted.
 * mu*'s interval resamples each factor's effects with replacement.
 */
export function morrisIndices(design: { readonly trajectories: readonly MorrisTrajectory[] }, y: readonly number[], opts: MorrisOptions = {}): MorrisIndices {
  const resamples = opts.resamples ?? 1000;
  const confidence = opts.confidence ?? 0.95;
  checkBootstrap(resamples, confidence, 'morrisIndices');
  const rng = opts.rng ?? seedrandom.alea('morris-bootstrap');
  const trajectories = design.trajectories;
  if (trajectories.length === 0) throw new RangeError('morrisIndices: the design has no trajectories');
  const k = trajectories[0].factorOrder.length;
  if (opts.ranges && opts.ranges.length !== k) throw new RangeError(`morrisIndices: ${opts.ranges.length} ranges for ${k} factors`);
  opts.ranges?.forEach(([lo, hi], i) => {
    if (!(hi > lo)) throw new RangeError(`morrisIndices: ranges[${i}] must have hi > lo, got [${lo}, ${hi}]`);
  });
  const effects: number[][] = Array.from({ length: k }, () => []);
  trajectories.forEach((t, ti) => {
    const order = [...t.factorOrder].sort((a, b) => a - b);
    if (t.factorOrder.length !== k || t.deltas.length !== k || order.some((f, i) => f !== i)) {
      throw new RangeError(`morrisIndices: trajectory ${ti} does not move each of the ${k} factors once`);
    }
    if (!Number.isInteger(t.start) || t.start < 0 || t.start + k >= y.length) {
      throw new RangeError(`morrisIndices: trajectory ${ti} (points ${t.start}..${t.start + k}) is not within the ${y.length} outcomes`);
    }
    for (let s = 0; s < k; s++) {
      const ee = (y[t.start + s + 1] - y[t.start + s]) / t.deltas[s];
      if (Number.isFinite(ee)) effects[t.factorOrder[s]].push(ee);
    }
  });
  const factors = effects.map((ees, i): MorrisFactor => {
    const boot = new Array<number>(resamples);
    const m = ees.length;
    for (let b = 0; b < resamples; b++) {
      let sum = 0;
      for (let j = 0; j < m; j++) sum += Math.abs(ees[Math.floor(rng() * m)]);
      boot[b] = m > 0 ? sum / m : NaN;
    }
    const ci = percentile(boot, confidence);
    const range = opts.ranges?.[i];
    const out = { factor: i, effects: m, ...morrisStats(ees, ci, 1) };
    return range ? { ...out, perUnit: morrisStats(ees, ci, range[1] - range[0]) } : out;
  });
  return { factors, resamples, confidence };
}

function morrisStats(ees: readonly number[], ci: { lo: number; hi: number }, scale: number): MorrisStats {
  const m = ees.length;
  const mu = ees.reduce((a, b) => a + b, 0) / m;
  const muStar = ees.reduce((a, b) => a + Math.abs(b), 0) / m;
  const sigma = m > 1 ? Math.sqrt(ees.reduce((a, b) => a + (b - mu) * (b - mu), 0) / (m - 1)) : NaN;
  return { mu: mu / scale, muStar: { estimate: muStar / scale, lo: ci.lo / scale, hi: ci.hi / scale }, sigma: sigma / scale };
}

// ---- Sobol' --------------------------------------------------------------------------------------

export interface SobolOptions {
  /** Bootstrap resamples (default 1000). */
  readonly resamples?: number;
  /** The resampling's random numbers. */
  readonly rng: () => number;
  /** Two-sided level of the intervals (default 0.95). */
  readonly confidence?: number;
}

export interface SobolIndices {
  readonly n: number;
  readonly k: number;
  /** Base rows used: those whose k + 2 outcomes are all finite. */
  readonly used: number;
  /** Var(Y): the population variance of the outcomes at the rows of A and B (0: every index NaN). */
  readonly variance: number;
  /** First-order indices S1_i (Saltelli et al. 2010), by factor. */
  readonly s1: BootstrapInterval[];
  /** Total indices ST_i (Jansen 1999), by factor. */
  readonly st: BootstrapInterval[];
  readonly resamples: number;
  readonly confidence: number;
}

/** S1 and ST of every factor from the base rows `rows` (indices into 0..n-1). */
function sobolEstimates(ya: Float64Array, yb: Float64Array, yab: Float64Array[], rows: ArrayLike<number>): { variance: number; s1: number[]; st: number[] } {
  const m = rows.length;
  let mean = 0;
  for (let j = 0; j < m; j++) mean += ya[rows[j]] + yb[rows[j]];
  mean /= 2 * m;
  let v = 0;
  for (let j = 0; j < m; j++) v += (ya[rows[j]] - mean) ** 2 + (yb[rows[j]] - mean) ** 2;
  v /= 2 * m;
  if (v === 0) return { variance: 0, s1: yab.map(() => NaN), st: yab.map(() => NaN) };
  const s1: number[] = [];
  const st: number[] = [];
  for (const yi of yab) {
    let first = 0;
    let total = 0;
    for (let j = 0; j < m; j++) {
      const r = rows[j];
      // Centring f(B) changes no expectation (E[f(AB_i) - f(A)] = 0) but removes the noise a large mean adds.
      first += (yb[r] - mean) * (yi[r] - ya[r]);
      total += (ya[r] - yi[r]) ** 2;
    }
    s1.push(first / m / v);
    st.push(total / (2 * m) / v);
  }
  return { variance: v, s1, st };
}

/**
 * First-order and total Sobol' indices from a saltelli() design's outcomes (y in the design's
 * row order: A, B, AB_1 .. AB_k). S1_i = mean(f(B) (f(AB_i) - f(A))) / V (Saltelli et al. 2010,
 * table 2 (b)); ST_i = mean((f(A) - f(AB_i))^2) / (2V) (Jansen 1999); V the variance of the
 * outcomes at A and B. Each with a percentile-bootstrap interval over the n base rows (a
 * resample redraws whole rows, each with its k + 2 outcomes, and recomputes V too). Base rows
 * with any non-finite outcome are left out (counted in `used`).
 */
export function sobolIndices(design: { readonly layout: 'saltelli-2010'; readonly n: number; readonly k: number }, y: readonly number[], opts: SobolOptions): SobolIndices {
  const { n, k } = design;
  if (design.layout !== 'saltelli-2010') throw new RangeError(`sobolIndices: needs a saltelli-2010 design, got ${String(design.layout)}`);
  if (y.length !== n * (k + 2)) throw new RangeError(`sobolIndices: a design of n = ${n}, k = ${k} has ${n * (k + 2)} points, got ${y.length} outcomes`);
  const resamples = opts.resamples ?? 1000;
  const confidence = opts.confidence ?? 0.95;
  checkBootstrap(resamples, confidence, 'sobolIndices');
  const block = (b: number) => Float64Array.from(y.slice(b * n, (b + 1) * n));
  const ya = block(0);
  const yb = block(1);
  const yab = Array.from({ length: k }, (_, i) => block(i + 2));
  const rows: number[] = [];
  for (let j = 0; j < n; j++) if ([ya, yb, ...yab].every((col) => Number.isFinite(col[j]))) rows.push(j);
  if (rows.length < 2) throw new RangeError(`sobolIndices: needs at least 2 base rows with finite outcomes, got ${rows.length}`);
  const point = sobolEstimates(ya, yb, yab, rows);
  const m = rows.length;
  const bootS1: number[][] = Array.from({ length: k }, () => []);
  const bootSt: number[][] = Array.from({ length: k }, () => []);
  const sample = new Int32Array(m);
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < m; j++) sample[j] = rows[Math.floor(opts.rng() * m)];
    const e = sobolEstimates(ya, yb, yab, sample);
    for (let i = 0; i < k; i++) {
      bootS1[i].push(e.s1[i]);
      bootSt[i].push(e.st[i]);
    }
  }
  return {
    n,
    k,
    used: m,
    variance: point.variance,
    s1: point.s1.map((estimate, i) => ({ estimate, ...percentile(bootS1[i], confidence) })),
    st: point.st.map((estimate, i) => ({ estimate, ...percentile(bootSt[i], confidence) })),
    resamples,
    confidence,
  };
}
