/**
 * Paired arms: a baseline and arms that differ from it by a few changes, each run at the same
 * seeds (common random numbers: seed k draws the same numbers in every arm, so a per-seed
 * difference is the effect of the changes on that history). For each arm: P(mass atrocity) with
 * its 95% Wilson interval, each outcome's median with its 5th-95th percentile range, and the
 * paired difference from the baseline (median of per-seed differences, a percentile-bootstrap 95%
 * interval, an exact sign test), and the day the arm's run first parts from the baseline's.
 * Pure: the runs come from whoever drives the engine (the CLI's workers, the app's).
 */
import seedrandom from 'seedrandom';
import type { RunSummary } from '../sim/index';
import { quantile, signTest, wilson } from './stats';

/** One continuous outcome of a run, read from its summary. */
export interface OutcomeDef {
  readonly name: string;
  readonly label: string;
  /** A column heading. */
  readonly short: string;
  readonly unit: string;
  readonly of: (s: RunSummary) => number;
}

export const COMPARE_OUTCOMES: readonly OutcomeDef[] = [
  { name: 'deathsPeople', label: 'people killed', short: 'killed', unit: 'people', of: (s) => s.deathsPeople },
  { name: 'deathShare', label: 'share of the targeted group killed', short: 'killed (share)', unit: 'share', of: (s) => s.deathShare },
  { name: 'peakParticipationShare', label: 'peak share of the population taking part', short: 'taking part (peak share)', unit: 'share', of: (s) => s.peakParticipationShare },
  { name: 'displacedPeople', label: 'people displaced', short: 'displaced', unit: 'people', of: (s) => s.displacedPeople },
  { name: 'killingDays', label: 'days from the first killing to the last', short: 'killing days', unit: 'days', of: (s) => s.killingDays },
  { name: 'forceDeathShare', label: 'share of deaths by the organised force', short: 'by force (share)', unit: 'share', of: (s) => s.forceDeathShare },
];

/** What one run contributes: its summary and the first tick at which it parts from the baseline's run at the same seed (null: never; the baseline itself: null). */
export interface ArmRun {
  readonly seed: number;
  readonly summary: RunSummary;
  readonly partsAt: number | null;
}

export interface Interval {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

export interface OutcomeReport {
  readonly name: string;
  readonly label: string;
  readonly unit: string;
  /** Median over seeds and the 5th-95th percentile range. */
  readonly median: number;
  readonly p05: number;
  readonly p95: number;
  /** Against the baseline (absent for the baseline): the median per-seed difference, arm minus baseline. */
  readonly difference?: Interval & { readonly positive: number; readonly negative: number; readonly ties: number; readonly pSign: number };
}

export interface ArmReport {
  readonly name: string;
  readonly changes: readonly string[];
  readonly seeds: number;
  readonly pMassAtrocity: number;
  readonly pMassAtrocityCi: readonly [number, number];
  /** Runs by outcome class: no one killed, killing below the mass-atrocity threshold, a mass atrocity. */
  readonly classes: { readonly prevented: number; readonly curbed: number; readonly failed: number };
  /** Against the baseline: the difference in P(mass atrocity), paired bootstrap 95% interval, exact sign (McNemar) test. */
  readonly pDifference?: Interval & { readonly positive: number; readonly negative: number; readonly pSign: number };
  readonly outcomes: readonly OutcomeReport[];
  /** Days on which the arm first parts from the baseline: median over the seeds where it does, and how many never do. */
  readonly partsAt?: { readonly median: number | null; readonly parted: number; readonly never: number };
}

export interface CompareOptions {
  /** Bootstrap resamples (default 2,000) and the text that seeds them (results are reproducible). */
  readonly resamples?: number;
  readonly bootstrapSeed?: string;
}

/** Percentile bootstrap of a statistic of paired per-seed differences; resampling is seeded. */
function bootstrap(diffs: readonly number[], stat: (xs: number[]) => number, resamples: number, rng: () => number): { lo: number; hi: number } {
  const n = diffs.length;
  const values = new Float64Array(resamples);
  const sample = new Array<number>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = diffs[Math.floor(rng() * n)];
    values[b] = stat(sample);
  }
  values.sort();
  return { lo: quantile(Array.from(values), 0.025), hi: quantile(Array.from(values), 0.975) };
}

const medianOf = (xs: number[]) => quantile(xs, 0.5);
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The report of every arm, the baseline first; `arms[0]` is the baseline. Runs must share seeds, in the same order. */
export function compareArms(arms: readonly { name: string; changes: readonly string[]; runs: readonly ArmRun[] }[], opts: CompareOptions = {}): ArmReport[] {
  if (arms.length < 2) throw new Error('compare: needs a baseline and at least one arm');
  const base = arms[0];
  const n = base.runs.length;
  if (n < 2) throw new Error(`compare: needs at least 2 seeds, got ${n}`);
  for (const a of arms) {
    if (a.runs.length !== n || a.runs.some((r, i) => r.seed !== base.runs[i].seed)) throw new Error(`compare: arm "${a.name}" was not run at the baseline's seeds`);
  }
  const resamples = opts.resamples ?? 2000;
  return arms.map((arm, k) => {
    const isBase = k === 0;
    const rng = seedrandom.alea(`${opts.bootstrapSeed ?? 'compare'}|${arm.name}`);
    const flags = arm.runs.map((r) => (r.summary.massAtrocity ? 1 : 0));
    const mass = flags.reduce<number>((a, b) => a + b, 0);
    const report: ArmReport = {
      name: arm.name,
      changes: arm.changes,
      seeds: n,
      pMassAtrocity: mass / n,
      pMassAtrocityCi: wilson(mass, n),
      classes: {
        prevented: arm.runs.filter((r) => r.summary.outcome === 'prevented').length,
        curbed: arm.runs.filter((r) => r.summary.outcome === 'curbed').length,
        failed: arm.runs.filter((r) => r.summary.outcome === 'failed').length,
      },
      outcomes: COMPARE_OUTCOMES.map((o) => {
        const xs = arm.runs.map((r) => o.of(r.summary));
        const out: OutcomeReport = { name: o.name, label: o.label, unit: o.unit, median: medianOf(xs), p05: quantile(xs, 0.05), p95: quantile(xs, 0.95) };
        if (isBase) return out;
        const diffs = xs.map((x, i) => x - o.of(base.runs[i].summary));
        const t = signTest(diffs);
        return { ...out, difference: { estimate: medianOf(diffs), ...bootstrap(diffs, medianOf, resamples, rng), positive: t.positive, negative: t.negative, ties: t.ties, pSign: t.pTwoSided } };
      }),
    };
    if (isBase) return report;
    const flagDiffs = flags.map((f, i) => f - (base.runs[i].summary.massAtrocity ? 1 : 0));
    const t = signTest(flagDiffs);
    const parted = arm.runs.flatMap((r) => (r.partsAt === null ? [] : [r.partsAt]));
    return {
      ...report,
      pDifference: { estimate: meanOf(flagDiffs), ...bootstrap(flagDiffs, meanOf, resamples, rng), positive: t.positive, negative: t.negative, pSign: t.pTwoSided },
      partsAt: { median: parted.length ? medianOf(parted) : null, parted: parted.length, never: n - parted.length },
    };
  });
}

/**
 * A digest of each tick's observables (every series' value at that tick), so two runs' first
 * difference can be found from digests alone: 32-bit FNV-1a over the values' bytes.
 */
export function tickDigests(series: Readonly<Record<string, ArrayLike<number>>>, ticks: number): Uint32Array {
  const out = new Uint32Array(ticks);
  const f = new Float64Array(1);
  const w = new Uint32Array(f.buffer);
  const cols = Object.values(series);
  for (let t = 0; t < ticks; t++) {
    let h = 0x811c9dc5;
    for (const col of cols) {
      f[0] = col[t];
      for (let j = 0; j < 2; j++) {
        h ^= w[j];
        h = Math.imul(h, 0x01000193) >>> 0;
      }
    }
    out[t] = h;
  }
  return out;
}

/** The first tick at which two runs' digests differ, or null if they never do. */
export function firstParting(a: Uint32Array, b: Uint32Array): number | null {
  const n = Math.min(a.length, b.length);
  for (let t = 0; t < n; t++) if (a[t] !== b[t]) return t;
  return a.length === b.length ? null : n;
}
