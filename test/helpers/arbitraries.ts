/**
 * fast-check arbitraries for valid engine inputs, drawn from the one parameter schema
 * (PARAM_DEFS) so that a new parameter is covered by every property without touching the tests.
 * Not a test file itself (vitest only collects *.test.ts).
 */
import fc from 'fast-check';
import {
  PARAM_DEFS,
  type ParamDef,
  type ParamName,
  type ParamValue,
  type RunSpec,
  type ScheduledChange,
} from '../../sim/index';

export const DEFS = PARAM_DEFS as readonly ParamDef[];

/** Parameters whose cost grows with their value; the properties set `agents` themselves. */
const SIZE_PARAMS = new Set(['agents']);

/** Every parameter a property may override (all but the population size). */
export const OVERRIDABLE = DEFS.filter((d) => !SIZE_PARAMS.has(d.name));

/** Parameters that may be scheduled to change mid-run. */
export const SCHEDULABLE = DEFS.filter((d) => !d.structural);

/**
 * A valid value for one parameter, tail-biased: about 2 draws in 5 are a bound itself (and -0
 * where 0 is the lower bound, which the validator accepts), 1 in 5 lies within 1% of the range
 * from a bound, the rest anywhere in [min, max]. Uniform draws alone almost never reach the
 * bounds, where rules meet their edge cases (a zero rate, a full share, the longest delay).
 */
export function valueArb(d: ParamDef): fc.Arbitrary<ParamValue> {
  switch (d.kind) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...d.values);
    case 'integer': {
      const edge = Math.max(1, Math.floor((d.max - d.min) / 100));
      return fc.oneof(
        { arbitrary: fc.integer({ min: d.min, max: d.max }), weight: 2 },
        { arbitrary: fc.constantFrom(...bounds(d)), weight: 2 },
        { arbitrary: fc.oneof(fc.integer({ min: d.min, max: Math.min(d.max, d.min + edge) }), fc.integer({ min: Math.max(d.min, d.max - edge), max: d.max })), weight: 1 },
      );
    }
    case 'number': {
      const edge = (d.max - d.min) / 100;
      const near = fc.oneof(
        fc.double({ min: d.min, max: d.min + edge, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: d.max - edge, max: d.max, noNaN: true, noDefaultInfinity: true }),
      );
      return fc.oneof(
        { arbitrary: fc.double({ min: d.min, max: d.max, noNaN: true, noDefaultInfinity: true }), weight: 2 },
        { arbitrary: fc.constantFrom(...bounds(d)), weight: 2 },
        { arbitrary: near, weight: 1 },
      );
    }
  }
}

/** The bounds of a numeric parameter, and -0 where 0 is the lower bound (the validator accepts it). */
function bounds(d: { readonly min: number; readonly max: number }): number[] {
  return d.min === 0 ? [d.min, -0, d.max] : [d.min, d.max];
}

/** A bound of a parameter (min or max; false or true; the first or last enum value). */
export function extremeArb(d: ParamDef): fc.Arbitrary<ParamValue> {
  switch (d.kind) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(d.values[0], d.values[d.values.length - 1]);
    default:
      return fc.constantFrom(d.min, d.max);
  }
}

/** Two distinct parameters, each at one of its extremes: where two edge cases meet. */
export function extremePairArb(defs: readonly ParamDef[] = OVERRIDABLE): fc.Arbitrary<Record<string, ParamValue>> {
  return fc
    .uniqueArray(fc.constantFrom(...defs), { minLength: 2, maxLength: 2, selector: (d) => d.name })
    .chain(([a, b]) => fc.tuple(extremeArb(a), extremeArb(b)).map(([va, vb]) => ({ [a.name]: va, [b.name]: vb })));
}

/**
 * Overrides made resolvable: the main model refuses a mass-atrocity threshold of fewer than 20
 * agents (checkResolution in sim/models/luck2018/kernel.ts), so where drawn values would give one,
 * the threshold is raised to 20 agents' worth of people (it can always be: its range reaches 20
 * x the largest peoplePerAgent). Other models' parameters pass through.
 */
export function resolvable(o: Record<string, ParamValue>): Record<string, ParamValue> {
  if (!DEFS.some((d) => d.name === 'atrocityThreshold')) return o;
  const ppa = Number(o.peoplePerAgent ?? 50);
  const threshold = Number(o.atrocityThreshold ?? 1000);
  return threshold / ppa >= 20 ? o : { ...o, atrocityThreshold: Math.ceil(20 * ppa) };
}

/** `[name, value]` for one parameter chosen from `defs`. */
export function settingArb(defs: readonly ParamDef[]): fc.Arbitrary<[ParamName, ParamValue]> {
  return fc
    .constantFrom(...defs)
    .chain((d) => valueArb(d).map((v): [ParamName, ParamValue] => [d.name as ParamName, v]));
}

/** A few overrides of any parameter but `agents`. */
export function overridesArb(maxLength = 6): fc.Arbitrary<Record<string, ParamValue>> {
  return fc.array(settingArb(OVERRIDABLE), { maxLength }).map((pairs) => resolvable(Object.fromEntries(pairs)));
}

/** A run seed: a safe integer or a short non-empty string. */
export const seedArb: fc.Arbitrary<number | string> = fc.oneof(
  fc.maxSafeInteger(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** One scheduled change of a non-structural parameter at a tick in [minTick, ticks). */
export function changeArb(ticks: number, minTick = 0): fc.Arbitrary<ScheduledChange> {
  return fc
    .tuple(fc.integer({ min: minTick, max: ticks - 1 }), settingArb(SCHEDULABLE))
    .map(([tick, [name, value]]) => ({ tick, name, value }));
}

export interface SpecBounds {
  readonly agents: readonly [number, number];
  readonly ticks: readonly [number, number];
  readonly maxOverrides?: number;
  readonly maxChanges?: number;
}

/** A complete valid RunSpec: seed, agents, ticks, overrides and 0..maxChanges scheduled changes. */
export function specArb(b: SpecBounds): fc.Arbitrary<RunSpec & { ticks: number; schedule: readonly ScheduledChange[] }> {
  return fc
    .record({
      seed: seedArb,
      agents: fc.integer({ min: b.agents[0], max: b.agents[1] }),
      ticks: fc.integer({ min: b.ticks[0], max: b.ticks[1] }),
      overrides: overridesArb(b.maxOverrides ?? 6),
    })
    .chain(({ seed, agents, ticks, overrides }) =>
      fc.array(changeArb(ticks), { maxLength: b.maxChanges ?? 3 }).map((schedule) => ({
        seed,
        ticks,
        params: { ...overrides, agents },
        schedule,
      })),
    );
}

/**
 * Sub-ranges of the parameters that drive a crisis all the way: fast escalation, mobilisation
 * and killing, peacekeepers and safe areas that can fall, a Council that acts and a force that
 * arrives. Uniform draws over the full ranges rarely reach those code paths in a short run.
 */
const CRISIS: Readonly<Record<string, readonly [number, number] | readonly (string | boolean)[]>> = {
  incitement: [0.7, 1],
  incitementReach: [0.6, 1],
  stakes: [0.7, 1],
  existentialStakes: [0, 1],
  planningEffort: [0.01, 0.5],
  electionDay: [0, 10],
  organisedForce: [0.3, 1],
  orders: [0, 0.6],
  deterrence: [0, 0.3],
  killRate: [0.1, 1],
  thresholdMean: [0.1, 0.5],
  peacekeeperCoverage: [0, 1],
  peacekeeperCapacity: [0, 0.5],
  safeAreas: [0, 20],
  safeAreaCapacity: [0, 0.3],
  seekProtectionRate: [0.3, 1],
  councilWillingness: [0.5, 1],
  measureWait: [1, 14],
  forceDelay: [0, 20],
  mandate: ['weak', 'robust'],
  forceDoctrine: ['strict-last-resort', 'measure-of-last-resort'],
  patron: [true, false],
};

function crisisOverridesArb(): fc.Arbitrary<Record<string, ParamValue>> {
  const parts: Record<string, fc.Arbitrary<ParamValue>> = {};
  for (const [name, range] of Object.entries(CRISIS)) {
    const d = DEFS.find((x) => x.name === name);
    if (!d) throw new Error(`CRISIS names unknown parameter ${name}`);
    if (d.kind === 'number') parts[name] = fc.double({ min: range[0] as number, max: range[1] as number, noNaN: true });
    else if (d.kind === 'integer') parts[name] = fc.integer({ min: range[0] as number, max: range[1] as number });
    else parts[name] = fc.constantFrom(...(range as readonly (string | boolean)[]));
  }
  return fc.record(parts);
}

/** Like specArb, but in the crisis regime (CRISIS), with a few random overrides on top. */
export function crisisSpecArb(b: SpecBounds): fc.Arbitrary<RunSpec & { ticks: number; schedule: readonly ScheduledChange[] }> {
  return fc
    .tuple(specArb(b), crisisOverridesArb())
    .map(([spec, crisis]) => ({ ...spec, params: resolvable({ ...crisis, ...(spec.params as Record<string, ParamValue>) }) }));
}

/** Compact description of a spec for failure messages. */
export function describeSpec(spec: RunSpec): string {
  return JSON.stringify(spec, (_k, v: unknown) => (Object.is(v, -0) ? '-0' : v));
}
