/**
 * How each documented pattern (scenarios/targets/schema.ts) is read from a run, as the outcomes of
 * a sweep job (analysis/sweep/outcomes.ts): the calibration runs on the sweep runner, so a
 * pattern is a summary field or an outcome expression, evaluated in the worker, and only the
 * numbers travel back. A pattern with no value in a run (the onset, the shape or the force's
 * share when no one was killed) is missing (null), and distance.ts says how a missing value counts.
 */
import type { OutcomePlan, OutcomeSet, OutcomeValue } from '../sweep/index';
import { PATTERN_NAMES, type CaseTargets, type PatternName } from './targets';

/** The plan of one pattern for a case whose runs last `ticks` days. */
function plan(name: PatternName, targets: CaseTargets, ticks: number): OutcomePlan {
  switch (name) {
    case 'toll':
      return { name, kind: 'field', field: 'deathsPeople', type: 'number' };
    case 'killingDays':
      return { name, kind: 'field', field: 'killingDays', type: 'number' };
    case 'onsetDay':
      // The first killing of the run (the episode's onset; null when no one was killed).
      return { name, kind: 'field', field: 'firstKillingTick', type: 'number' };
    case 'forceShare':
      return { name, kind: 'expr', expr: 'deaths > 0 ? forceDeathShare : NaN', type: 'number' };
    case 'participants':
      // The peak number taking part, in people: a lower bound on the documented total who ever took part.
      return { name, kind: 'expr', expr: 'peakPerpetrators * params.peoplePerAgent', type: 'number' };
    case 'displaced':
      return { name, kind: 'field', field: 'displacedPeople', type: 'number' };
    case 'earlyShare': {
      // Deaths up to day onset + days - 1 (or the run's last day) over all deaths.
      const days = targets.patterns.earlyShare?.days ?? 1;
      return { name, kind: 'expr', expr: `deaths > 0 ? at(series.deaths, min(firstKillingTick + ${days - 1}, ${ticks - 1})) / deaths : NaN`, type: 'number' };
    }
  }
}

/** The patterns a case's targets document, in the schema's order. */
export function documentedPatterns(targets: CaseTargets): PatternName[] {
  return PATTERN_NAMES.filter((n) => targets.patterns[n] !== undefined);
}

/** The outcome set that reads a case's documented patterns from each of its runs. */
export function patternOutcomes(targets: CaseTargets, ticks: number): OutcomeSet {
  const outcomes = documentedPatterns(targets).map((n) => plan(n, targets, ticks));
  return { outcomes, series: outcomes.some((o) => o.name === 'earlyShare') ? ['deaths'] : [] };
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
