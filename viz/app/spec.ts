/**
 * From the app's state to the engine's RunSpec, by the CLI's rule (cli/spec.ts resolveRun), so
 * the same inputs give the same run and the same hash in the page, in a worker and in the CLI:
 * the scenario's mapped parameters (the agent count a resolution over its documented
 * population, unless the scale is set outright), then the parameters set from day 0, then the
 * changes during the run as the schedule.
 */
import { DEFAULT_MODEL, parseSeed, type ParamValue, type RunSpec } from '../../sim/index';
import { scenarioMapping, scenarioTicks, type ParamOrigin, type Scenario } from '../../scenarios/index';
import { scenarioById } from './scenarios';
import type { AppState } from './state';

export interface ResolvedSpec {
  readonly spec: RunSpec & { readonly model: string; readonly ticks?: number };
  readonly scenario: Scenario | null;
  /** The scenario's own values before the state's changes (the form's "reset" targets). */
  readonly base: Readonly<Record<string, ParamValue>>;
  /** Where each of the scenario's values comes from, in words (a feature, the timeline, an override); undefined: the model's default. */
  origin(name: string): string | undefined;
}

/** A parameter's origin in a scenario, in a few words for the form's hint. */
export function originText(o: ParamOrigin | undefined): string | undefined {
  if (!o) return undefined;
  switch (o.from) {
    case 'default':
      return undefined;
    case 'feature':
      return `from the feature ${o.feature} = ${String(o.level)}`;
    case 'neutral':
      return `the feature ${o.feature} is not documented: its neutral level ${o.level}`;
    case 'timeline':
      return `the timeline: ${o.what}, day ${o.day}${o.date ? ` (${o.date})` : ''}`;
    case 'override':
      return `set by the scenario: ${o.reason}`;
    case 'resolution':
      return o.reason;
  }
}

/** Throws the engine's or the scenario's error (ParamError, ScenarioError) when the state is not runnable. */
export function resolveSpec(state: AppState): ResolvedSpec {
  const isMain = state.model === DEFAULT_MODEL;
  const scenario = isMain ? (scenarioById(state.scenario) ?? null) : null;
  if (isMain && !scenario) throw new Error(`scenario: got "${state.scenario}", expected a built-in scenario id`);
  const day0 = state.schedule.filter((c) => c.tick === 0);
  const set = (name: string) => state.params[name] ?? day0.find((c) => c.name === name)?.value;
  let base: Record<string, ParamValue> = {};
  let origins: Readonly<Record<string, ParamOrigin>> = {};
  if (scenario) {
    // As scenarioParams: a chosen agent count spreads the documented population over it.
    const agents = set('agents') as number | undefined;
    const scaleGiven = set('peoplePerAgent') !== undefined;
    const m = scenarioMapping(scenario, scenario.id, scaleGiven ? undefined : agents);
    base = { ...(m.params as Record<string, ParamValue>), ...(!scaleGiven && agents !== undefined ? { agents } : {}) };
    origins = m.origins;
  }
  const params: Record<string, ParamValue> = { ...base, ...state.params };
  for (const c of day0) params[c.name] = c.value as ParamValue;
  const ticks = state.ticks ?? (scenario ? scenarioTicks(scenario) : undefined);
  return {
    spec: {
      model: state.model,
      params,
      seed: parseSeed(state.seed, 'seed'),
      ...(ticks !== undefined ? { ticks } : {}),
      schedule: state.schedule.filter((c) => c.tick > 0),
    },
    scenario,
    base,
    origin: (name) => originText(origins[name]),
  };
}
