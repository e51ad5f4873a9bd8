/**
 * The calibration pipeline, independent of where the runs happen: the caller passes a batch
 * runner (the sweep's worker pool in the CLI, this thread in tests), and gets back a report that
 * is plain data.
 *
 *   1. search: the training cases ('fit') at every point the search asks for (search.ts), each
 *      over the same seeds (common random numbers); a point's objective is the mean over the
 *      training cases of their pattern distances (distance.ts), with a risk target (the default
 *      scenario at risk, RiskTarget) as one more term when the caller gives one; then racing:
 *      the best few distinct points (settings.race) run again at more seeds (settings.raceSeeds),
 *      and the best of them there is the fitted point;
 *   2. leave-one-case-out: for each training case, the evaluated point that best fits the other
 *      training cases, then that case predicted at it (it was not used to choose the point);
 *   3. validation: every case, training and held out, at the defaults before the fit and at the
 *      fitted point, over more seeds: each pattern's median and 90% interval beside its documented
 *      range, and the run readings (prevented, curbed, failed).
 *
 * The leave-one-out fits reuse the search's evaluations: each chooses among the same evaluated
 * points, by the objective without its case. That is cheaper than a search per case, and it is
 * still out of sample (the left-out case plays no part in the choice); docs/calibration.md says so.
 */
import { defaultParams, type ParamValue, type Params } from '../../sim/index';
import type { CaseTargets, PatternName } from './targets';
import { quantile } from '../stats';
import type { OutcomeSet, RunRecord, SweepJob } from '../sweep/index';
import { constantValues, factorValuesOf, informedAlone, searchFactors, type CalibratedConstant, type CalibrationSettings } from './constants';
import { PATTERN_SCALES, caseDistance, medianRun, objective, withinFactor, type CaseDistance } from './distance';
import { patternOutcomes, patternValues } from './patterns';
import { acceptedRanges, search, type Accepted } from './search';

/** A case ready to run: its scenario's mapped parameters, run length and documented patterns. */
export interface CaseSetup {
  /** The case profile (only its id is read here). */
  readonly scenario: { readonly id: string };
  readonly targets: CaseTargets;
  readonly params: Params;
  readonly ticks: number;
  /** The day the case's period closes: each pattern is read up to it (or to the run's end where its window says so). */
  readonly close: number;
}

/** Runs a batch of jobs (in any order, on any number of threads); records in the jobs' order. */
export type RunBatch = (jobs: readonly SweepJob[]) => Promise<RunRecord[]>;

/** The outcomes the validation adds to the patterns: the run's reading. */
const READING: OutcomeSet['outcomes'] = [
  { name: 'massAtrocity', kind: 'field', field: 'massAtrocity', type: 'number' },
  { name: 'deaths', kind: 'field', field: 'deaths', type: 'number' },
];

function outcomeSet(c: CaseSetup): OutcomeSet {
  const p = patternOutcomes(c.targets, c.ticks, c.close);
  return { outcomes: [...p.outcomes, ...READING], series: p.series };
}

/**
 * A design target beside the documented patterns: a scenario whose P(mass atrocity) should fall
 * within [low, high] (issue 13: the default scenario "a situation at risk, not a foregone one",
 * so that interventions can move it either way). Not a documented fact: it enters the search's
 * objective as one more term, weighed as one case, and the report says so.
 */
export interface RiskTarget {
  readonly id: string;
  readonly params: Params;
  readonly ticks: number;
  readonly low: number;
  readonly high: number;
}

/** The risk target's distance: 0 inside the band, else the gap to it over 0.2 (capped at 10 like a pattern's). */
export function riskDistance(p: number, low: number, high: number): number {
  return Math.min(10, Math.max(0, low - p, p - high) / 0.2);
}

const RISK_OUTCOMES: OutcomeSet = { outcomes: [READING[0]], series: [] };

/** The risk target's runs at the constants `values`, seeds 1..n, task indices from `first`. */
export const riskJobs = (risk: RiskTarget, values: Readonly<Record<string, number>>, seeds: number, first = 0): SweepJob[] =>
  seedJobs(risk.params, values, risk.ticks, RISK_OUTCOMES, seeds, first);

/** P(mass atrocity) over the records of riskJobs. */
export const riskShare = (records: readonly RunRecord[]): number => records.filter((r) => r.outcomes?.[0] === 1).length / records.length;

/** One evaluated point of the search: the constants and every training case's distance there. */
export interface PointRecord {
  readonly values: Readonly<Record<string, number>>;
  readonly objective: number;
  readonly perCase: Readonly<Record<string, number>>;
  /** The risk target's P(mass atrocity) over the search's risk seeds, and its distance (absent without a risk target). */
  readonly risk?: { readonly p: number; readonly distance: number };
}

/** A pattern of a case at one parameter set, over the validation seeds. */
export interface PatternResult {
  readonly pattern: PatternName;
  readonly low: number;
  readonly high: number;
  /** The model's median, 5% and 95% quantiles over the seeds with a value (null: no seed had one). */
  readonly median: number | null;
  readonly q05: number | null;
  readonly q95: number | null;
  /** Seeds without a value (no killing). */
  readonly missing: number;
  readonly distance: number;
  /** The median inside the documented range. */
  readonly inRange: boolean;
  /** Counts only: the median within a factor of 3 of the documented range (the criterion for tolls). */
  readonly withinFactor3: boolean | null;
}

/** A case at one parameter set over the validation seeds. */
export interface CaseResult {
  readonly id: string;
  readonly use: 'fit' | 'holdout';
  readonly distance: number;
  readonly patterns: readonly PatternResult[];
  readonly pMassAtrocity: number;
  readonly readings: { readonly prevented: number; readonly curbed: number; readonly failed: number };
}

export interface CalibrationReport {
  readonly constants: readonly CalibratedConstant[];
  readonly settings: CalibrationSettings;
  readonly training: readonly string[];
  readonly holdout: readonly string[];
  readonly defaults: Readonly<Record<string, number>>;
  readonly fitted: Readonly<Record<string, number>>;
  /** The risk target the search's objective counted beside the patterns (null: none). */
  readonly risk: { readonly id: string; readonly low: number; readonly high: number; readonly seeds: number; readonly pFitted: number } | null;
  /**
   * Racing (settings.race): the search's best distinct points, their objective in the search and
   * at the race's seeds (the same objective, the risk target included when there is one), in the
   * search's order of merit; the fitted point is the best at the race's seeds.
   */
  readonly race: readonly { readonly values: Readonly<Record<string, number>>; readonly searchObjective: number; readonly raceObjective: number; readonly chosen: boolean }[];
  /** Mean pattern distance over the training cases at the validation seeds (the risk target is not in it). */
  readonly objectiveAtDefaults: number;
  readonly objectiveFitted: number;
  readonly evaluations: number;
  readonly stopped: 'converged' | 'budget';
  readonly history: readonly PointRecord[];
  /** How well the patterns pin each constant down: the spread among the best evaluations. */
  readonly accepted: Accepted;
  /** Leave-one-case-out: the point chosen without each training case, and that case predicted there. */
  /**
   * Each training case predicted from the point that best fits the others; `alone`: the constants
   * only it informs among the training cases (informedAlone), whose values there are inherited,
   * so the prediction is not one (absent in reports written before it was added: none).
   */
  readonly leaveOneOut: readonly { readonly left: string; readonly values: Readonly<Record<string, number>>; readonly prediction: CaseResult; readonly alone?: readonly string[] }[];
  /** Every case at the defaults and at the fitted constants. */
  readonly before: readonly CaseResult[];
  readonly after: readonly CaseResult[];
  /** Runs made in all. */
  readonly runs: number;
}

export interface CalibrateOptions {
  readonly constants: readonly CalibratedConstant[];
  readonly settings: CalibrationSettings;
  readonly run: RunBatch;
  /** The design's random source (seeded by the caller: seedrandom.alea). */
  readonly rng: () => number;
  /**
   * More warm starts beside the defaults: each a set of the constants' values (the rest at their
   * defaults), screened with the design (for example a guess from exploratory runs after a
   * mechanism change).
   */
  readonly starts?: readonly Readonly<Record<string, number>>[];
  /** A risk target for the search's objective (settings.riskSeeds seeds a point); none: the documented patterns alone. */
  readonly risk?: RiskTarget;
  /** Progress: the evaluations done and the budget, then the validation runs. */
  readonly onProgress?: (stage: 'search' | 'race' | 'validate', done: number, total: number) => void;
}

/**
 * Sweep jobs of the main model at seeds 1..n: `params` with the constants `values` on top, the
 * task indices from `first` (the caller's batch order).
 */
export function seedJobs(params: Readonly<Record<string, ParamValue>>, values: Readonly<Record<string, number>>, ticks: number, outcomes: OutcomeSet, seeds: number, first = 0): SweepJob[] {
  const merged = { ...params, ...values };
  return Array.from({ length: seeds }, (_, k) => ({
    task: { index: first + k, point: 0, replicate: k, seed: k + 1, model: 'r2p-luck-2018', params: merged, schedule: [], ticks, factors: values },
    outcomes,
    figures: {},
  }));
}

/** The jobs of one case at one set of constants, seeds 1..n. */
const caseJobs = (c: CaseSetup, values: Readonly<Record<string, number>>, seeds: number, first: number): SweepJob[] =>
  seedJobs(c.params, values, c.ticks, outcomeSet(c), seeds, first);

/** Per-seed values of each pattern, and the readings, from a case's records. */
function collect(c: CaseSetup, records: readonly RunRecord[]) {
  const set = outcomeSet(c);
  const byPattern: Partial<Record<PatternName, (number | null)[]>> = {};
  const readings = { prevented: 0, curbed: 0, failed: 0 };
  for (const r of records) {
    if (r.error !== null || r.outcomes === null) throw new Error(`calibration: case ${c.scenario.id}, seed ${r.seed}: ${r.error ?? 'no outcomes'}`);
    const v = patternValues(set, r.outcomes);
    for (const name of Object.keys(c.targets.patterns) as PatternName[]) (byPattern[name] ??= []).push(v[name] ?? null);
    const mass = r.outcomes[set.outcomes.length - 2];
    const deaths = r.outcomes[set.outcomes.length - 1];
    if (mass === 1) readings.failed++;
    else if (typeof deaths === 'number' && deaths > 0) readings.curbed++;
    else readings.prevented++;
  }
  return { byPattern, readings };
}

function caseResult(c: CaseSetup, records: readonly RunRecord[]): CaseResult {
  const { byPattern, readings } = collect(c, records);
  const d: CaseDistance = caseDistance(c.targets, byPattern);
  const patterns: PatternResult[] = [];
  for (const [name, pd] of Object.entries(d.patterns) as [PatternName, NonNullable<CaseDistance['patterns'][PatternName]>][]) {
    const range = c.targets.patterns[name]!;
    const xs = (byPattern[name] ?? []).filter((x): x is number => x !== null && !Number.isNaN(x));
    const isCount = PATTERN_SCALES[name] === 'log';
    const median = medianRun(byPattern[name] ?? []);
    patterns.push({
      pattern: name,
      low: range.low,
      high: range.high,
      median,
      q05: xs.length ? quantile(xs, 0.05) : null,
      q95: xs.length ? quantile(xs, 0.95) : null,
      missing: pd.missing,
      distance: pd.distance,
      inRange: median !== null && median >= range.low && median <= range.high,
      withinFactor3: isCount ? median !== null && withinFactor(median, range.low, range.high, 3) : null,
    });
  }
  const n = records.length;
  return {
    id: c.scenario.id,
    use: c.targets.use,
    distance: d.distance,
    patterns,
    pMassAtrocity: readings.failed / n,
    readings: { prevented: readings.prevented / n, curbed: readings.curbed / n, failed: readings.failed / n },
  };
}

/** The `k` best records by objective, each set of values once (the earliest of equals first). */
export function contenders(history: readonly PointRecord[], k: number): PointRecord[] {
  const seen = new Set<string>();
  const out: PointRecord[] = [];
  const order = history.map((h, i) => [h, i] as const).sort((a, b) => a[0].objective - b[0].objective || a[1] - b[1]);
  for (const [h] of order) {
    const key = JSON.stringify(h.values);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(h);
    if (out.length === k) break;
  }
  return out;
}

/** The point that best fits `cases` among the records (mean of their distances; the earliest among equals). */
export function bestFor(history: readonly PointRecord[], cases: readonly string[]): PointRecord {
  let best: PointRecord | undefined;
  let bestScore = Infinity;
  for (const h of history) {
    const score = objective(cases.map((id) => h.perCase[id]));
    if (score < bestScore) [best, bestScore] = [h, score];
  }
  if (!best) throw new Error('bestFor: no evaluations');
  return best;
}

export async function calibrate(cases: readonly CaseSetup[], opts: CalibrateOptions): Promise<CalibrationReport> {
  const { constants, settings, run, rng, onProgress } = opts;
  const risk = opts.risk && settings.riskSeeds > 0 ? opts.risk : undefined;
  const training = cases.filter((c) => c.targets.use === 'fit');
  const holdout = cases.filter((c) => c.targets.use === 'holdout');
  if (training.length < 2) throw new Error(`calibration: at least two training cases are needed for leave-one-out, got ${training.length}`);
  const factors = searchFactors(constants);
  const history: PointRecord[] = [];
  let runs = 0;

  // 1. The search over the training cases: each point's objective at `seeds` seeds a case.
  const score = async (valuesOf: readonly Readonly<Record<string, number>>[], seeds: number): Promise<PointRecord[]> => {
    const jobs: SweepJob[] = [];
    const slices: [number, number][] = [];
    const riskSlices: [number, number][] = [];
    for (const values of valuesOf) {
      for (const c of training) {
        const start = jobs.length;
        jobs.push(...caseJobs(c, values, seeds, start));
        slices.push([start, jobs.length]);
      }
      if (risk) {
        const start = jobs.length;
        jobs.push(...riskJobs(risk, values, settings.riskSeeds, start));
        riskSlices.push([start, jobs.length]);
      }
    }
    const records = await run(jobs);
    runs += jobs.length;
    return valuesOf.map((values, i) => {
      const perCase: Record<string, number> = {};
      training.forEach((c, j) => {
        const [a, b] = slices[i * training.length + j];
        perCase[c.scenario.id] = caseDistance(c.targets, collect(c, records.slice(a, b)).byPattern).distance;
      });
      if (!risk) return { values, objective: objective(Object.values(perCase)), perCase };
      const [a, b] = riskSlices[i];
      const p = riskShare(records.slice(a, b));
      const distance = riskDistance(p, risk.low, risk.high);
      // The risk target weighs as one more case.
      return { values, objective: objective([...Object.values(perCase), distance]), perCase, risk: { p, distance } };
    });
  };
  const evaluate = async (points: Record<string, number>[]): Promise<number[]> => {
    const scored = await score(
      points.map((pt) => constantValues(constants, pt)),
      settings.seeds,
    );
    history.push(...scored);
    return scored.map((s) => s.objective);
  };
  const defaults: Record<string, number> = {};
  const unfitted = defaultParams();
  // A default outside the searched range (0 for a mechanism not yet fitted, off) starts at the range's nearest end.
  for (const k of constants) defaults[k.param] = Math.min(k.max, Math.max(k.min, Number(unfitted[k.param as keyof Params])));
  onProgress?.('search', 0, settings.budget);
  const result = await search(factors, evaluate, {
    // Warm start: the defaults (a previous fit's constants) are screened beside the design.
    starts: [defaults, ...(opts.starts ?? []).map((s) => ({ ...defaults, ...s }))].map((v) => factorValuesOf(constants, v)),
    screen: settings.screen,
    budget: settings.budget,
    step: settings.step,
    tol: settings.tol,
    rng,
    onBatch: (done, total) => onProgress?.('search', done, total),
  });
  // 1b. Racing: the best few points again at more seeds; the best there is fitted (the earliest of equals).
  const racing = contenders(history, settings.race);
  onProgress?.('race', 0, racing.length);
  const raced = await score(
    racing.map((h) => h.values),
    settings.raceSeeds,
  );
  onProgress?.('race', racing.length, racing.length);
  let winner = 0;
  raced.forEach((r, i) => {
    if (r.objective < raced[winner].objective) winner = i;
  });
  const fitted = racing[winner].values;
  const race = racing.map((h, i) => ({ values: h.values, searchObjective: h.objective, raceObjective: raced[i].objective, chosen: i === winner }));

  // 2 and 3. Validation runs, in one batch: every case before and after, each left-out case at its point.
  const ids = training.map((c) => c.scenario.id);
  const loo = training.map((c) => ({ c, point: bestFor(history, ids.filter((id) => id !== c.scenario.id)) }));
  const plan: { c: CaseSetup; values: Readonly<Record<string, number>> }[] = [
    ...cases.map((c) => ({ c, values: defaults })),
    ...cases.map((c) => ({ c, values: fitted })),
    ...loo.map(({ c, point }) => ({ c, values: point.values })),
  ];
  const jobs: SweepJob[] = [];
  const slices: [number, number][] = [];
  for (const { c, values } of plan) {
    const start = jobs.length;
    jobs.push(...caseJobs(c, values, settings.validationSeeds, start));
    slices.push([start, jobs.length]);
  }
  onProgress?.('validate', 0, jobs.length);
  const records = await run(jobs);
  onProgress?.('validate', jobs.length, jobs.length);
  runs += jobs.length;
  const results = plan.map(({ c }, i) => caseResult(c, records.slice(slices[i][0], slices[i][1])));
  const n = cases.length;
  const before = results.slice(0, n);
  const after = results.slice(n, 2 * n);
  const leaveOneOut = loo.map(({ c, point }, i) => ({
    left: c.scenario.id,
    values: point.values,
    prediction: results[2 * n + i],
    alone: informedAlone(constants, c.params, training.filter((o) => o !== c).map((o) => o.params)),
  }));

  return {
    constants,
    settings,
    training: ids,
    holdout: holdout.map((c) => c.scenario.id),
    defaults,
    fitted,
    risk: risk ? { id: risk.id, low: risk.low, high: risk.high, seeds: settings.riskSeeds, pFitted: raced[winner].risk!.p } : null,
    race,
    objectiveAtDefaults: objective(before.filter((r) => r.use === 'fit').map((r) => r.distance)),
    objectiveFitted: objective(after.filter((r) => r.use === 'fit').map((r) => r.distance)),
    evaluations: result.evaluations,
    stopped: result.stopped,
    history,
    accepted: acceptedRanges(
      result.history.map((h, i) => ({ ...h, values: history[i].values })),
      constants.map((c) => ({ name: c.param, min: c.min, max: c.max })),
      settings.accept,
    ),
    leaveOneOut,
    before,
    after,
    runs,
  };
}
