/**
 * Scenarios: documented situations turned into parameters by one mapping. For now the generic
 * `default` scenario with explicit overrides only; case profiles and their feature mapping
 * come with the scenarios issue.
 */
import { ParamError, resolveParams, type Params } from '../sim/index';
import defaultScenario from './default.json';

export interface ScenarioOverride {
  readonly value: unknown;
  readonly reason: string;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly period: string;
  readonly summary: string;
  readonly features: Readonly<Record<string, unknown>>;
  readonly overrides: Readonly<Record<string, ScenarioOverride>>;
}

export const BUILT_IN: readonly Scenario[] = [defaultScenario as Scenario];

export function builtInScenario(id: string): Scenario | undefined {
  return BUILT_IN.find((s) => s.id === id);
}

/** The one mapping from a scenario to parameters (features come with the scenarios issue). */
export function scenarioParams(s: Scenario, source = s.id): Params {
  const overrides: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(s.overrides ?? {})) {
    if (o === null || typeof o !== 'object' || typeof o.reason !== 'string' || o.reason.trim() === '') {
      throw new ParamError(`${source}: overrides.${name}`, o, 'an object {value, reason} with a non-empty reason');
    }
    overrides[name] = o.value;
  }
  try {
    return resolveParams(overrides);
  } catch (e) {
    if (e instanceof ParamError) throw new ParamError(`${source}: overrides.${e.field.replace(/^params\./, '')}`, e.value, e.expected);
    throw e;
  }
}
