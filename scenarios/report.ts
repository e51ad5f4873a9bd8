/**
 * The case report: a scenario's outcomes over many seeds, set beside the article's reading.
 * The model's reading of one run, and of a case, follow one documented rule (docs/scenarios.md);
 * where it differs from the article, the report says so. Nothing here feeds back into a run.
 */
import { median, quantile } from 'd3';
import { wilson } from '../analysis/stats';
import type { RunSummary } from '../sim/index';
import { scenarioDate } from './timeline';
import type { ArticleReading, Scenario, ScenarioKind, Verdict } from './types';

/** What the case report keeps of one run. */
export interface CaseRunOutcome {
  readonly seed: number;
  readonly massAtrocity: boolean;
  readonly deathsPeople: number;
  readonly onsetTick: number | null;
  readonly reading: Verdict;
  /** The continuous outcomes set beside the documented patterns (scenarios/targets). */
  readonly killingDays: number;
  readonly firstKillingTick: number | null;
  /** The organised force's share of the deaths (null when no one was killed). */
  readonly forceShare: number | null;
  readonly displacedPeople: number;
}

/**
 * The model's reading of one run, on the article's scale: failed = a mass atrocity by the
 * threshold (atrocityThreshold people within atrocityWindow days); curbed = killing happened but
 * stayed below it; prevented = no one of the targeted group was killed.
 */
export function runReading(s: Pick<RunSummary, 'massAtrocity' | 'deaths'>): Verdict {
  if (s.massAtrocity) return 'failed';
  return s.deaths > 0 ? 'curbed' : 'prevented';
}

export function runOutcome(seed: number, s: RunSummary): CaseRunOutcome {
  return {
    seed,
    massAtrocity: s.massAtrocity,
    deathsPeople: s.deathsPeople,
    onsetTick: s.onsetTick,
    reading: runReading(s),
    killingDays: s.killingDays,
    firstKillingTick: s.firstKillingTick,
    forceShare: s.deaths > 0 ? s.forceDeathShare : null,
    displacedPeople: s.displacedPeople,
  };
}

export interface CaseStats {
  readonly id: string;
  readonly title: string;
  readonly kind: ScenarioKind;
  readonly seeds: number;
  /** Days each run lasted, and the agents of each run. */
  readonly ticks: number;
  readonly agents: number;
  /** Share of seeds with a mass atrocity, and its 95% Wilson interval. */
  readonly pMassAtrocity: number;
  readonly pMassAtrocityCi: readonly [number, number];
  /** People of the targeted group killed: median and the 5th-95th percentile range over seeds. */
  readonly deathsMedian: number;
  readonly deathsInterval: readonly [number, number];
  /** Medians over seeds of the continuous outcomes (first killing and force share over the seeds with killing; null when none). */
  readonly killingDaysMedian: number;
  readonly firstKillingMedian: number | null;
  readonly forceShareMedian: number | null;
  readonly displacedMedian: number;
  /** Median onset tick over the seeds with a mass atrocity (null when none). */
  readonly onsetMedian: number | null;
  /** The calendar date of the median onset day (rounded), when the scenario is dated. */
  readonly onsetDate: string | null;
  readonly onsetSeeds: number;
  /** Share of seeds the model reads as prevented, curbed, failed. */
  readonly readingShares: Readonly<Record<Verdict, number>>;
  /** The model's reading of the case: the median run on the scale prevented < curbed < failed. */
  readonly modelReading: Verdict;
  readonly article: ArticleReading | null;
  /** Whether the model's reading matches the article's (null when the article gives none). */
  readonly agrees: boolean | null;
}

export function caseStats(s: Scenario, outcomes: readonly CaseRunOutcome[], ticks: number, agents: number): CaseStats {
  const n = outcomes.length;
  const mass = outcomes.filter((o) => o.massAtrocity).length;
  const deaths = outcomes.map((o) => o.deathsPeople);
  const onsets = outcomes.flatMap((o) => (o.onsetTick === null ? [] : [o.onsetTick]));
  const count = (v: Verdict) => outcomes.filter((o) => o.reading === v).length;
  const shares = { prevented: count('prevented') / Math.max(1, n), curbed: count('curbed') / Math.max(1, n), failed: count('failed') / Math.max(1, n) };
  // The median of an ordinal outcome: failed if more than half the seeds failed, else curbed if
  // more than half saw killing, else prevented.
  const modelReading: Verdict = shares.failed > 0.5 ? 'failed' : shares.failed + shares.curbed > 0.5 ? 'curbed' : 'prevented';
  const article = s.articleReading ?? null;
  const onsetMedian = median(onsets) ?? null;
  return {
    id: s.id,
    title: s.title,
    kind: s.kind,
    seeds: n,
    ticks,
    agents,
    pMassAtrocity: n > 0 ? mass / n : 0,
    pMassAtrocityCi: wilson(mass, n),
    deathsMedian: median(deaths) ?? 0,
    deathsInterval: [quantile(deaths, 0.05) ?? 0, quantile(deaths, 0.95) ?? 0],
    killingDaysMedian: median(outcomes.map((o) => o.killingDays)) ?? 0,
    firstKillingMedian: median(outcomes.flatMap((o) => (o.firstKillingTick === null ? [] : [o.firstKillingTick]))) ?? null,
    forceShareMedian: median(outcomes.flatMap((o) => (o.forceShare === null ? [] : [o.forceShare]))) ?? null,
    displacedMedian: median(outcomes.map((o) => o.displacedPeople)) ?? 0,
    onsetMedian,
    onsetDate: onsetMedian === null ? null : scenarioDate(s, Math.round(onsetMedian)),
    onsetSeeds: onsets.length,
    readingShares: shares,
    modelReading,
    article,
    agrees: article ? article.verdict === modelReading : null,
  };
}
