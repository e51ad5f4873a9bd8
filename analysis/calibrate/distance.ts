/**
 * The stated distance between a case's documented patterns and the model's, one pattern at a time,
 * then combined: pattern-oriented modelling (Grimm et al. 2005, Science 310:987), in which a model
 * is fitted to several patterns at once, each compared on its own scale, so that no single figure
 * (the toll, say) can be matched at the price of the others.
 *
 * Every distance is 0 inside the documented range [low, high] and grows outside it, scaled so that
 * 1 means "one tolerance outside": a factor of COUNT_FACTOR for counts, ONSET_TOLERANCE_DAYS for the
 * onset, SHARE_TOLERANCE for shares. The model's statistic is the median over the seeds of one
 * parameter set (robust to the few runs in which an episode never starts or never ends). Pure
 * functions: no Node, no randomness.
 */
import type { CaseTargets, PatternName, PatternRange } from './targets';
import { median } from '../stats';

// ---- the tolerances ------------------------------------------------------------------------------

/** Counts within this factor of the range are one tolerance out: sources on tolls and participants disagree by factors of 2-3, and the model's population is a scaled abstraction. */
export const COUNT_FACTOR = 3;

/** Counts below this are raised to it before taking logarithms, so that a count of 0 gives a large but finite distance (one person is the smallest count that means something). */
export const COUNT_FLOOR = 1;

/** An onset this many days outside the range is one tolerance out: a crisis clock in days cannot place the first killing closer than within a couple of weeks. */
export const ONSET_TOLERANCE_DAYS = 14;

/** A share this far outside the range is one tolerance out: documented shares (force against civilians, early deaths) are coarse estimates, rarely better than a quarter either way. */
export const SHARE_TOLERANCE = 0.25;

/** No pattern scores more than this, so one absurd pattern (a toll of 0 against 500,000 is 11.9 uncapped) cannot swamp every other pattern and case. */
export const DISTANCE_CAP = 10;

/** How a pattern is compared: on a log scale (counts and durations), in days, or as a share. */
export type PatternScale = 'log' | 'days' | 'share';

/** Each pattern's scale. killingDays is a duration, compared like a count: 10 days against 100 is as wrong as 100 against 1,000. */
export const PATTERN_SCALES: Readonly<Record<PatternName, PatternScale>> = {
  toll: 'log',
  participants: 'log',
  displaced: 'log',
  killingDays: 'log',
  onsetDay: 'days',
  earlyShare: 'share',
  forceShare: 'share',
};

/** One line per scale, for the docs: what 1 means. */
export const SCALE_DESCRIPTIONS: Readonly<Record<PatternScale, string>> = {
  log: `max(0, ln(low'/m'), ln(m'/high')) / ln(${COUNT_FACTOR}), with x' = max(x, ${COUNT_FLOOR}): a factor of ${COUNT_FACTOR} outside the range is 1`,
  days: `days outside the range / ${ONSET_TOLERANCE_DAYS}: ${ONSET_TOLERANCE_DAYS} days outside is 1`,
  share: `share outside the range / ${SHARE_TOLERANCE}: ${SHARE_TOLERANCE} outside is 1`,
};

// ---- one pattern ---------------------------------------------------------------------------------

/** How far `m` lies outside [low, high] (0 inside). */
const outside = (m: number, low: number, high: number): number => Math.max(0, low - m, m - high);

/** The uncapped distance of a statistic m from [low, high] on the given scale. */
export function scaledDistance(scale: PatternScale, m: number, low: number, high: number): number {
  if (!Number.isFinite(m)) throw new RangeError(`scaledDistance: the model's statistic must be finite, got ${m}`);
  if (!(low <= high)) throw new RangeError(`scaledDistance: low (${low}) must be <= high (${high})`);
  switch (scale) {
    case 'log': {
      const mm = Math.max(m, COUNT_FLOOR);
      const lo = Math.max(low, COUNT_FLOOR);
      const hi = Math.max(high, COUNT_FLOOR);
      return Math.max(0, Math.log(lo / mm), Math.log(mm / hi)) / Math.log(COUNT_FACTOR);
    }
    case 'days':
      return outside(m, low, high) / ONSET_TOLERANCE_DAYS;
    case 'share':
      return outside(m, low, high) / SHARE_TOLERANCE;
  }
}

/** The values within one tolerance of [low, high] on a pattern's scale (distance <= 1), as [from, to]. */
export function toleranceBand(name: PatternName, low: number, high: number): [number, number] {
  switch (PATTERN_SCALES[name]) {
    case 'log':
      return [Math.max(low, COUNT_FLOOR) / COUNT_FACTOR, Math.max(high, COUNT_FLOOR) * COUNT_FACTOR];
    case 'days':
      return [low - ONSET_TOLERANCE_DAYS, high + ONSET_TOLERANCE_DAYS];
    case 'share':
      return [low - SHARE_TOLERANCE, high + SHARE_TOLERANCE];
  }
}

/** A pattern's comparison: the model's statistic (null when it has none), the distance (capped) and the distance before the cap. */
export interface PatternDistance {
  readonly statistic: number | null;
  readonly distance: number;
  readonly uncapped: number;
  /** Seeds on which the model produced no value for the pattern. */
  readonly missing: number;
}

/** A seed's value is missing when it is null, undefined or NaN (earlyShare on a run in which no one was killed). */
const isMissing = (v: number | null | undefined): boolean => v === null || v === undefined || Number.isNaN(v);

/**
 * The median run's value, as the reports show it: the median of the seeds with a value, or none
 * (null) when at least half the seeds have none (the distance weighs those seeds apart).
 */
export function medianRun(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => !isMissing(v));
  return 2 * present.length > values.length ? median(present) : null;
}

/**
 * The distance of one pattern: the median over seeds of the model's values against the documented
 * range, weighed with the seeds that have no value. A seed with no value (null, undefined or NaN:
 * earlyShare when no one was killed) scores DISTANCE_CAP, the worst case; the seeds with a value
 * score the distance of their median; the pattern's distance is the mix of the two by their shares
 * of the seeds: (missing x CAP + present x d(median of present)) / seeds. No seeds, or none with a
 * value, scores the cap. Producing no killing therefore never lowers the distance of a pattern
 * that documents killing, and the distance moves smoothly with the share of runs in which the
 * episode happens (a rule that scored the cap from half the seeds on made the search chase runs
 * across that cliff: model /7's first fit, docs/calibration.md).
 */
export function patternDistance(name: PatternName, range: PatternRange, values: readonly (number | null | undefined)[]): PatternDistance {
  const scale = PATTERN_SCALES[name];
  if (scale === undefined) throw new RangeError(`patternDistance: unknown pattern "${name}"`);
  const present = values.filter((v): v is number => !isMissing(v));
  const missing = values.length - present.length;
  if (present.length === 0) return { statistic: null, distance: DISTANCE_CAP, uncapped: DISTANCE_CAP, missing };
  const statistic = median(present);
  const d = scaledDistance(scale, statistic, range.low, range.high);
  const mix = (x: number) => (missing * DISTANCE_CAP + present.length * x) / values.length;
  return { statistic, distance: mix(Math.min(d, DISTANCE_CAP)), uncapped: mix(d), missing };
}

// ---- a case, then every case ---------------------------------------------------------------------

export interface CaseDistance {
  /** The mean of the pattern distances compared. */
  readonly distance: number;
  /** Each pattern compared, by name. */
  readonly patterns: Readonly<Partial<Record<PatternName, PatternDistance>>>;
  /** Patterns the case documents that the model does not measure (absent from its values): left out. */
  readonly skipped: readonly PatternName[];
}

/**
 * A case's distance: the mean of the distances of the patterns the target documents and the model
 * measures. A pattern absent from `valuesByPattern` is one the model does not measure at all and
 * is left out (listed in `skipped`); a pattern present with no value on a seed is scored by
 * patternDistance's worst-case rule, never left out. Patterns the case does not document are
 * ignored. A case with no pattern in common is an error: it could be fitted by anything.
 */
export function caseDistance(
  targets: Pick<CaseTargets, 'case' | 'patterns'>,
  valuesByPattern: Readonly<Partial<Record<PatternName, readonly (number | null | undefined)[]>>>,
): CaseDistance {
  const patterns: Partial<Record<PatternName, PatternDistance>> = {};
  const skipped: PatternName[] = [];
  let sum = 0;
  let n = 0;
  for (const name of Object.keys(targets.patterns) as PatternName[]) {
    const range = targets.patterns[name];
    if (range === undefined) continue;
    const values = valuesByPattern[name];
    if (values === undefined) {
      skipped.push(name);
      continue;
    }
    const d = patternDistance(name, range, values);
    patterns[name] = d;
    sum += d.distance;
    n++;
  }
  if (n === 0) throw new RangeError(`caseDistance: case "${targets.case}" has no documented pattern the model measures`);
  return { distance: sum / n, patterns, skipped };
}

/**
 * The calibration objective: the mean over cases of the case distances, so each case weighs the
 * same whatever the number of patterns it documents (a well-documented case does not outvote the
 * others). Takes the case distances, or the caseDistance results.
 */
export function objective(perCase: readonly (number | Pick<CaseDistance, 'distance'>)[]): number {
  if (perCase.length === 0) throw new RangeError('objective: no cases');
  let sum = 0;
  for (const c of perCase) {
    const d = typeof c === 'number' ? c : c.distance;
    if (!(d >= 0)) throw new RangeError(`objective: a case distance must be a number >= 0, got ${d}`);
    sum += d;
  }
  return sum / perCase.length;
}

/**
 * The success criterion: m within `factor` of [low, high], i.e. low/factor <= m <=
 * high*factor, with COUNT_FLOOR applied to each as in the log distance (so a toll of 0 is within
 * any factor of a documented 0). Equivalent to the log distance being at most ln(factor)/ln(COUNT_FACTOR).
 */
export function withinFactor(m: number, low: number, high: number, factor: number): boolean {
  if (!(factor >= 1)) throw new RangeError(`withinFactor: factor must be >= 1, got ${factor}`);
  if (!(low <= high)) throw new RangeError(`withinFactor: low (${low}) must be <= high (${high})`);
  if (Number.isNaN(m)) return false;
  const mm = Math.max(m, COUNT_FLOOR);
  return mm * factor >= Math.max(low, COUNT_FLOOR) && mm <= Math.max(high, COUNT_FLOOR) * factor;
}
