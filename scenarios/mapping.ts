/**
 * From a scenario to parameters: defaults, then each documented feature through the one
 * mapping (features.ts), then the scenario's explicit overrides. Every parameter keeps a
 * record of where its value came from, for `r2p-sim scenarios show` and the app.
 */
import { PARAM_BY_NAME, PARAM_DEFS, ParamError, defaultParams, resolveParams, type ParamName, type ParamValue, type Params } from '../sim/index';
import { FEATURE_DEFS, featureParams } from './features';
import type { Scenario } from './types';

export type ParamOrigin =
  | { readonly from: 'default' }
  | { readonly from: 'feature'; readonly feature: string; readonly level: string | number }
  | { readonly from: 'override'; readonly reason: string }
  /** The scenario's population respread over the agents chosen at run time (`--agents`). */
  | { readonly from: 'resolution'; readonly agents: number };

export interface ScenarioMapping {
  readonly params: Params;
  readonly origins: Readonly<Record<ParamName, ParamOrigin>>;
}

export function scenarioMapping(s: Scenario, file: string = s.id, agentsOverride?: number): ScenarioMapping {
  const values: Record<string, ParamValue> = {};
  const origins: Record<string, ParamOrigin> = {};
  const base = defaultParams();
  for (const d of PARAM_DEFS) origins[d.name] = { from: 'default' };
  // Feature order is the table's order; no two features set the same parameter (a test checks).
  // Counts spread over the agents (the affected population) need the agent count first.
  const agents = agentsOverride ?? Number(s.overrides.agents?.value ?? base.agents);
  for (const def of FEATURE_DEFS) {
    const entry = s.features[def.name];
    if (!entry) continue;
    const mapped = featureParams(def, entry.value, agents);
    if (def.kind === 'count' && def.perAgent) checkSpread(def.param, mapped[def.param] as number, `${file}: features.${def.name}`, entry.value as number, def.scale, agents);
    for (const [name, value] of Object.entries(mapped) as [ParamName, ParamValue][]) {
      values[name] = value;
      origins[name] = { from: 'feature', feature: def.name, level: entry.value };
    }
  }
  for (const [name, o] of Object.entries(s.overrides) as [ParamName, { value: ParamValue; reason: string }][]) {
    values[name] = o.value;
    origins[name] = { from: 'override', reason: o.reason };
  }
  // The one rule for a chosen agent count: it is a resolution. The modelled population stays
  // and is spread over the agents. A documented population (a perAgent feature) was spread above;
  // otherwise the scenario's own agents x peoplePerAgent is kept.
  if (agentsOverride !== undefined && origins.peoplePerAgent.from !== 'feature') {
    const ownAgents = Number(s.overrides.agents?.value ?? base.agents);
    const ownScale = Number(values.peoplePerAgent ?? base.peoplePerAgent);
    const perAgent = Math.round(((ownScale * ownAgents) / agentsOverride) * 1e9) / 1e9;
    checkSpread('peoplePerAgent', perAgent, `${file}: population (${ownAgents} agents x ${ownScale} people)`, ownAgents * ownScale, 1, agentsOverride);
    values.peoplePerAgent = perAgent;
    origins.peoplePerAgent = { from: 'resolution', agents: agentsOverride };
  }
  try {
    return { params: resolveParams(values, base, PARAM_DEFS) as Params, origins: origins as Record<ParamName, ParamOrigin> };
  } catch (e) {
    // Only reachable for a scenario object that skipped validation (built in code, not read).
    if (e instanceof ParamError) throw new ParamError(`${file}: ${e.field}`, e.value, e.expected);
    throw e;
  }
}

/** A total spread over too many or too few agents: say which agent counts would work. */
function checkSpread(param: ParamName, perAgent: number, field: string, value: number, scale: number, agents: number): void {
  const d = PARAM_BY_NAME.get(param)!;
  if (d.kind !== 'number' || (perAgent >= d.min && perAgent <= d.max)) return;
  const total = value * scale;
  const lo = Math.ceil(total / d.max);
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
