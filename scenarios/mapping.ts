/**
 * From a scenario to parameters: defaults, then each documented feature through the one
 * mapping (features.ts) (a case profile's omitted features at their neutral levels), then the timeline's events on their days (timeline.ts), then the
 * scenario's explicit overrides, then the resolution rule. Every parameter keeps a record of
 * where its value came from, for `r2p-sim scenarios show` and the app.
 *
 * The resolution rule (issue 11, point 6): a run must be able to tell its outcomes apart, so the
 * mass-atrocity threshold is never fewer than MIN_THRESHOLD_AGENTS agents (atrocityThreshold /
 * peoplePerAgent >= 20); otherwise one agent's death could cross it. A documented population too
 * large for the scenario's agents raises the agent count to the least that satisfies the rule
 * (origin 'resolution'), up to MAX_RESOLUTION_AGENTS; beyond it, and for an agent count chosen at
 * run time that is too small, the mapping refuses with the reason and the fix.
 */
import { PARAM_BY_NAME, PARAM_DEFS, ParamError, defaultParams, resolveParams, type ParamName, type ParamValue, type Params } from '../sim/index';
import { FEATURE_DEFS, featureParams, type CountFeature } from './features';
import { placeEvents, scenarioTicks, type EventKind } from './timeline';
import type { Scenario } from './types';

/** The least mass-atrocity threshold in agents (the model refuses any parameter set below it). */
export const MIN_THRESHOLD_AGENTS = 20;

/**
 * The most agents the mapping raises a scenario to by itself. At about 30 million agent-steps a
 * second, 500,000 agents over a year of days is some 6 s a run; a case that needs more should
 * represent its documented at-risk population instead of a whole country.
 */
export const MAX_RESOLUTION_AGENTS = 500_000;

export type ParamOrigin =
  | { readonly from: 'default' }
  | { readonly from: 'feature'; readonly feature: string; readonly level: string | number }
  /** A feature the case profile leaves out, at its neutral level (features.ts, NEUTRAL_RULE). */
  | { readonly from: 'neutral'; readonly feature: string; readonly level: string }
  /** A trigger event of the timeline, placed on its day (days from the day the period opens). */
  | {
      readonly from: 'timeline';
      readonly kind: EventKind;
      readonly day: number;
      readonly date?: string;
      readonly what: string;
      readonly source: string;
    }
  | { readonly from: 'override'; readonly reason: string }
  /**
   * The agent count and the people each agent stands for, chosen for the run to resolve its
   * outcome: the agents raised by the mapping, or chosen at run time (`--agents`).
   */
  | { readonly from: 'resolution'; readonly agents: number; readonly reason: string };

export interface ScenarioMapping {
  readonly params: Params;
  readonly origins: Readonly<Record<ParamName, ParamOrigin>>;
  /** The run length in days (the timeline's, or the model's default): the CLI's default --ticks. */
  readonly ticks: number;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
/** A count of people per agent or of agents, to 3 significant decimals at most: 2366.67, 0.42. */
const num = (x: number) => (Number.isInteger(x) ? int(x) : String(Number(x.toPrecision(x < 1 ? 2 : 6))));
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** The fewest agents over which `people` give a threshold of at least MIN_THRESHOLD_AGENTS agents. */
export function leastAgents(people: number, threshold: number): number {
  let n = Math.max(1, Math.ceil((MIN_THRESHOLD_AGENTS * people) / threshold - 1e-9));
  // peoplePerAgent is rounded to 9 decimals where it is computed: step past any rounding up.
  while (threshold / round9(people / n) < MIN_THRESHOLD_AGENTS) n++;
  return n;
}

export function scenarioMapping(s: Scenario, file: string = s.id, agentsOverride?: number): ScenarioMapping {
  const values: Record<string, ParamValue> = {};
  const origins: Record<string, ParamOrigin> = {};
  const base = defaultParams();
  for (const d of PARAM_DEFS) origins[d.name] = { from: 'default' };
  const ownAgents = Number(s.overrides.agents?.value ?? base.agents);
  const threshold = Number(s.overrides.atrocityThreshold?.value ?? base.atrocityThreshold);

  // The documented population (a count spread over the agents), when the scenario has one.
  const popDef = FEATURE_DEFS.find((d): d is CountFeature => d.kind === 'count' && d.perAgent === true && s.features[d.name] !== undefined);
  const population = popDef ? (s.features[popDef.name].value as number) * popDef.scale : undefined;
  const spread = population !== undefined && s.overrides[popDef!.param] === undefined;

  // Counts spread over the agents (the affected population) need the agent count first.
  let agents = agentsOverride ?? ownAgents;
  let raised: ParamOrigin | undefined;
  if (spread) {
    const least = leastAgents(population, threshold);
    if (agentsOverride !== undefined && agentsOverride < least) throw tooFewAgents(file, agentsOverride, least, population, threshold, `the case runs at ${int(least)} agents`);
    if (agentsOverride === undefined && ownAgents < least) {
      if (least > MAX_RESOLUTION_AGENTS) {
        throw new ParamError(
          `${file}: features.${popDef!.name}`,
          s.features[popDef!.name].value,
          `a population the model can resolve with at most ${int(MAX_RESOLUTION_AGENTS)} agents: ${int(population)} people need ${int(least)} agents for the mass-atrocity threshold (${int(threshold)} people) to be at least ${MIN_THRESHOLD_AGENTS} agents; represent the documented at-risk population instead (${popDef!.name} and targetGroupShare for that same area, with their source), or raise atrocityThreshold in overrides (with the reason)`,
        );
      }
      agents = least;
      raised = {
        from: 'resolution',
        agents: least,
        reason: `raised from ${int(ownAgents)} to ${int(least)} agents, the fewest over which ${int(population)} people (features.${popDef!.name}) give ${num(round9(population / least))} people per agent, so that the mass-atrocity threshold (${int(threshold)} people) is at least ${MIN_THRESHOLD_AGENTS} agents`,
      };
    }
  }

  // Feature order is the table's order; no two features set the same parameter (a test checks).
  for (const def of FEATURE_DEFS) {
    const entry = s.features[def.name];
    if (!entry) {
      // A case profile's silence is neutral, not the model's default (NEUTRAL_RULE).
      if (s.kind === 'case' && def.kind === 'levels') {
        for (const [name, value] of Object.entries(def.levels[def.neutral]) as [ParamName, ParamValue][]) {
          values[name] = value;
          origins[name] = { from: 'neutral', feature: def.name, level: def.neutral };
        }
      }
      continue;
    }
    const mapped = featureParams(def, entry.value, agents);
    if (def.kind === 'count' && def.perAgent) {
      const least = spread ? leastAgents(population, threshold) : 1;
      checkSpread(def.param, mapped[def.param] as number, `${file}: features.${def.name}`, entry.value as number, def.scale, agents, least);
    }
    for (const [name, value] of Object.entries(mapped) as [ParamName, ParamValue][]) {
      values[name] = value;
      origins[name] = { from: 'feature', feature: def.name, level: entry.value };
    }
  }
  // The timeline: each event on its day, counted from the day the period opens.
  if (s.timeline) {
    for (const e of placeEvents(s.timeline, file)) {
      values[e.param] = e.day;
      origins[e.param] = { from: 'timeline', kind: e.kind, day: e.day, ...(e.date === undefined ? {} : { date: e.date }), what: e.what, source: e.source };
    }
  }
  for (const [name, o] of Object.entries(s.overrides) as [ParamName, { value: ParamValue; reason: string }][]) {
    values[name] = o.value;
    origins[name] = { from: 'override', reason: o.reason };
  }
  if (raised) {
    values.agents = agents;
    origins.agents = raised;
  }
  // The one rule for a chosen agent count: it is a resolution. The modelled population stays
  // and is spread over the agents. A documented population (a perAgent feature) was spread above;
  // otherwise the scenario's own agents x peoplePerAgent is kept.
  if (agentsOverride !== undefined && origins.peoplePerAgent.from !== 'feature') {
    const ownScale = Number(values.peoplePerAgent ?? base.peoplePerAgent);
    const people = ownScale * ownAgents;
    const perAgent = round9(people / agentsOverride);
    const least = leastAgents(people, threshold);
    checkSpread('peoplePerAgent', perAgent, `${file}: population (${ownAgents} agents x ${ownScale} people)`, people, 1, agentsOverride, least);
    if (agentsOverride < least) throw tooFewAgents(file, agentsOverride, least, people, threshold, `the scenario runs at its own ${int(ownAgents)}`);
    values.peoplePerAgent = perAgent;
    origins.peoplePerAgent = { from: 'resolution', agents: agentsOverride, reason: `the scenario's ${int(people)} people spread over ${int(agentsOverride)} agents (--agents)` };
  } else if (agentsOverride !== undefined && spread) {
    origins.peoplePerAgent = { from: 'resolution', agents: agentsOverride, reason: `${int(population)} people (features.${popDef!.name}) spread over ${int(agentsOverride)} agents (--agents)` };
  }
  let params: Params;
  try {
    params = resolveParams(values, base, PARAM_DEFS) as Params;
  } catch (e) {
    // Only reachable for a scenario object that skipped validation (built in code, not read).
    if (e instanceof ParamError) throw new ParamError(`${file}: ${e.field}`, e.value, e.expected);
    throw e;
  }
  // What no agent count can fix: a scale or a threshold set outright (overrides).
  const ppa = Number(params.peoplePerAgent);
  if (Number(params.atrocityThreshold) / ppa < MIN_THRESHOLD_AGENTS) {
    const o = origins.peoplePerAgent;
    const why = o.from === 'override' ? ` (overrides.peoplePerAgent: ${o.reason})` : o.from === 'default' ? ' (the default)' : '';
    throw new ParamError(
      `${file}: peoplePerAgent`,
      ppa,
      `at most ${num(Number(params.atrocityThreshold) / MIN_THRESHOLD_AGENTS)} people per agent${why}: the mass-atrocity threshold (${int(Number(params.atrocityThreshold))} people) must be at least ${MIN_THRESHOLD_AGENTS} agents, or one agent's death could cross it; lower peoplePerAgent or raise atrocityThreshold`,
    );
  }
  return { params, origins: origins as Record<ParamName, ParamOrigin>, ticks: scenarioTicks(s) };
}

/** The one-line refusal of an agent count chosen at run time that cannot resolve the outcome. */
function tooFewAgents(file: string, agents: number, least: number, people: number, threshold: number, otherwise: string): ParamError {
  const perAgent = people / agents;
  return new ParamError(
    `${file}: --agents`,
    agents,
    `at least ${int(least)} agents: ${int(people)} people over ${int(agents)} agents is ${num(perAgent)} people per agent, which puts the mass-atrocity threshold (${int(threshold)} people) at ${num(threshold / perAgent)} agents, and it must be at least ${MIN_THRESHOLD_AGENTS}; leave --agents out (${otherwise}), give --agents ${least} or more, or give --people-per-agent ${num(threshold / MIN_THRESHOLD_AGENTS)} or less to model fewer people`,
  );
}

/**
 * A total spread over too many or too few agents: say which agent counts would work (`least`:
 * the fewest the resolution rule allows).
 */
function checkSpread(param: ParamName, perAgent: number, field: string, value: number, scale: number, agents: number, least: number): void {
  const d = PARAM_BY_NAME.get(param)!;
  if (d.kind !== 'number' || (perAgent >= d.min && perAgent <= d.max)) return;
  const total = value * scale;
  const lo = Math.max(Math.ceil(total / d.max), least);
  const hi = Math.floor(total / d.min);
  throw new ParamError(
    `${field} over ${agents} agents`,
    value,
    `a total that gives ${param} from ${d.min} to ${d.max} (got ${perAgent}); with this population choose between ${lo} and ${hi} agents`,
  );
}

/**
 * The one mapping from a scenario to parameters. `agents` is a resolution chosen elsewhere (the
 * command line): documented totals such as the affected population are spread over it.
 */
export function scenarioParams(s: Scenario, file: string = s.id, agents?: number): Params {
  const { params } = scenarioMapping(s, file, agents);
  return agents === undefined ? params : { ...params, agents };
}
