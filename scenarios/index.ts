/**
 * Scenarios: documented situations turned into parameters by one mapping (features.ts).
 * Built-in scenarios are the JSON files beside this module, validated like any user file; a
 * test checks that every file in scenarios/ is listed here.
 */
import defaultScenario from './default.json';
import burundi2015 from './cases/burundi-2015.json';
import eastTimor1999 from './cases/east-timor-1999.json';
import iraqSinjar2014 from './cases/iraq-sinjar-2014.json';
import kenya2008 from './cases/kenya-2008.json';
import kenya2013 from './cases/kenya-2013.json';
import kyrgyzstan2010 from './cases/kyrgyzstan-2010.json';
import libya2011 from './cases/libya-2011.json';
import mali2013 from './cases/mali-2013.json';
import myanmar2017 from './cases/myanmar-2017.json';
import rwanda1994 from './cases/rwanda-1994.json';
import southSudan2013 from './cases/south-sudan-2013.json';
import srebrenica1995 from './cases/srebrenica-1995.json';
import sriLanka2009 from './cases/sri-lanka-2009.json';
import syria2011 from './cases/syria-2011.json';
import zimbabwe2008 from './cases/zimbabwe-2008.json';
import incitementCascade from './teaching/incitement-cascade.json';
import patronBlock from './teaching/patron-block-uniting-for-peace.json';
import quietDiplomacy from './teaching/quiet-diplomacy-divided-regime.json';
import safeArea from './teaching/safe-area-without-capacity.json';
import selfCensoring from './teaching/self-censoring-secretariat.json';
import { validateScenario } from './load';
import type { Scenario } from './types';

/** Each built-in scenario with the path it is reported under. */
const FILES: readonly (readonly [string, unknown])[] = [
  ['scenarios/default.json', defaultScenario],
  // Cases in chronological order.
  ['scenarios/cases/rwanda-1994.json', rwanda1994],
  ['scenarios/cases/srebrenica-1995.json', srebrenica1995],
  ['scenarios/cases/east-timor-1999.json', eastTimor1999],
  ['scenarios/cases/kenya-2008.json', kenya2008],
  ['scenarios/cases/zimbabwe-2008.json', zimbabwe2008],
  ['scenarios/cases/sri-lanka-2009.json', sriLanka2009],
  ['scenarios/cases/kyrgyzstan-2010.json', kyrgyzstan2010],
  ['scenarios/cases/libya-2011.json', libya2011],
  ['scenarios/cases/syria-2011.json', syria2011],
  ['scenarios/cases/mali-2013.json', mali2013],
  ['scenarios/cases/kenya-2013.json', kenya2013],
  ['scenarios/cases/south-sudan-2013.json', southSudan2013],
  ['scenarios/cases/iraq-sinjar-2014.json', iraqSinjar2014],
  ['scenarios/cases/burundi-2015.json', burundi2015],
  ['scenarios/cases/myanmar-2017.json', myanmar2017],
  ['scenarios/teaching/incitement-cascade.json', incitementCascade],
  ['scenarios/teaching/quiet-diplomacy-divided-regime.json', quietDiplomacy],
  ['scenarios/teaching/safe-area-without-capacity.json', safeArea],
  ['scenarios/teaching/patron-block-uniting-for-peace.json', patronBlock],
  ['scenarios/teaching/self-censoring-secretariat.json', selfCensoring],
];

export const BUILT_IN_FILES: readonly string[] = FILES.map(([f]) => f);

export const BUILT_IN: readonly Scenario[] = FILES.map(([file, data]) => validateScenario(data, file));

export const CASES: readonly Scenario[] = BUILT_IN.filter((s) => s.kind === 'case');

export function builtInScenario(id: string): Scenario | undefined {
  return BUILT_IN.find((s) => s.id === id);
}

export { FEATURE_DEFS, FEATURE_BY_NAME, NEUTRAL_RULE, featureParams, featureTargets, type FeatureDef } from './features';
export { ScenarioError, parseScenario, validateScenario, type ScenarioIssue } from './load';
export { MAX_RESOLUTION_AGENTS, MIN_THRESHOLD_AGENTS, leastAgents, scenarioMapping, scenarioParams, type ParamOrigin, type ScenarioMapping } from './mapping';
export {
  AFTERMATH_DAYS,
  EVENT_KINDS,
  EVENT_PARAM,
  dayNumber,
  dateOfDayNumber,
  daysBetween,
  isDated,
  placeEvents,
  scenarioDate,
  scenarioCloseDay,
  scenarioTicks,
  timelineIssues,
  timelineTicks,
  type EventKind,
  type PeriodBound,
  type PlacedEvent,
  type Timeline,
  type TimelineEvent,
} from './timeline';
export { SCENARIO_SCHEMA, SCENARIO_KINDS, VERDICTS, CLAIMS, scenarioJsonSchema } from './schema';
export type { ArticleReading, FeatureEntry, Scenario, ScenarioKind, ScenarioOverride, SuggestedComparison, Verdict } from './types';
export { caseStats, runOutcome, runReading, type CaseRunOutcome, type CaseStats } from './report';
