/**
 * How each documented pattern (scenarios/targets/schema.ts) is read from a run, as the outcomes of
 * a sweep job (analysis/sweep/outcomes.ts): the calibration runs on the sweep runner, so a
 * pattern is a summary field or an outcome expression, evaluated in the worker, and only the
 * numbers travel back. A pattern with no value in a run (the onset, the shape or the force's
 * share when no one was killed) is missing (null), and distance.ts says how a missing value counts.
 */
import type { OutcomePlan, OutcomeSet, OutcomeValue } from '../sweep/index';
import { PATTERN_NAMES, type CaseTargets, type PatternName, type PatternRange } from './targets';

/**
 * The day a documented pattern is read up to: the period's close (`close`), or the run's last day
 * for a figure counted beyond the period (until: 'end'). A run shorter than the period is read to
 * its end.
 */
function readDay(range: PatternRange, ticks: number, close: number): number {
  return range.until === 'end' ? ticks - 1 : Math.min(close, ticks - 1);
}

/** One pattern's plan, and the series its expression reads (the evaluator hands only these over). */
interface Reading {
  readonly plan: OutcomePlan;
  readonly series: readonly string[];
}

/** The plan of one pattern, read over the run up to the day `d` (the run's last day is ticks - 1). */
function reading(name: PatternName, targets: CaseTargets, ticks: number, d: number): Reading {
  const field = (f: string): Reading => ({ plan: { name, kind: 'field', field: f, type: 'number' }, series: [] });
  const expr = (e: string, ...series: string[]): Reading => ({ plan: { name, kind: 'expr', expr: e, type: 'number' }, series });
  // Read to the run's end: the summary holds it.
  const atEnd = d >= ticks - 1;
  switch (name) {
    case 'toll':
      return atEnd ? field('deathsPeople') : expr(`at(series.deathsPeople, ${d})`, 'deathsPeople');
    case 'killingDays':
      // First to last day of killing, both counted, up to day d (0 without killing by then).
      return atEnd
        ? field('killingDays')
        : expr(`firstKillingTick <= ${d} ? lastAbove(upTo(series.deathsToday, ${d}), 0) - firstKillingTick + 1 : 0`, 'deathsToday');
    case 'onsetDay':
      // The first killing of the run (the episode's onset; null when no one was killed).
      return field('firstKillingTick');
    case 'forceShare':
      return atEnd
        ? expr('deaths > 0 ? forceDeathShare : NaN')
        : expr(`at(series.deaths, ${d}) > 0 ? at(series.deathsByForce, ${d}) / at(series.deaths, ${d}) : NaN`, 'deaths', 'deathsByForce');
    case 'participants':
      // The peak number taking part, in people: a lower bound on the documented total who ever took part.
      return atEnd ? expr('peakPerpetrators * params.peoplePerAgent') : expr(`max(upTo(series.perpetrators, ${d})) * params.peoplePerAgent`, 'perpetrators');
    case 'displaced': {
      // Whom the source counts: the targeted group (the default), or everyone displaced.
      const [total, series] = targets.patterns.displaced?.counts === 'all' ? ['displacedPeople', 'displaced'] : ['displacedTargetedPeople', 'displacedTargeted'];
      return atEnd ? field(total) : expr(`at(series.${series}, ${d}) * params.peoplePerAgent`, series);
    }
    case 'earlyShare': {
      // Deaths up to day onset + days - 1 (or day d) over all deaths up to day d.
      const days = targets.patterns.earlyShare?.days ?? 1;
      return expr(`at(series.deaths, ${d}) > 0 ? at(series.deaths, min(firstKillingTick + ${days - 1}, ${d})) / at(series.deaths, ${d}) : NaN`, 'deaths');
    }
  }
}

/** The patterns a case's targets document, in the schema's order. */
export function documentedPatterns(targets: CaseTargets): PatternName[] {
  return PATTERN_NAMES.filter((n) => targets.patterns[n] !== undefined);
}

/**
 * The outcome set that reads a case's documented patterns from each of its runs, which last
 * `ticks` days; `close` is the day the case's period closes (each pattern is read up to it, or to
 * the run's end where its window says so; the run's end when omitted).
 */
export function patternOutcomes(targets: CaseTargets, ticks: number, close = ticks - 1): OutcomeSet {
  const read = documentedPatterns(targets).map((n) => reading(n, targets, ticks, readDay(targets.patterns[n]!, ticks, close)));
  return { outcomes: read.map((r) => r.plan), series: [...new Set(read.flatMap((r) => r.series))] };
}

/** A run's values, by pattern (null: no value in this run). */
export function patternValues(set: OutcomeSet, values: readonly OutcomeValue[]): Partial<Record<PatternName, number | null>> {
  const out: Partial<Record<PatternName, number | null>> = {};
  set.outcomes.forEach((o, i) => {
    const v = values[i];
    out[o.name as PatternName] = typeof v === 'number' ? v : null;
  });
  return out;
}
