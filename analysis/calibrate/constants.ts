/**
 * Which of the model's calibration constants the fit searches, over which range, on which scale,
 * and the settings of a full and a quick calibration. Everything else keeps its default (the
 * sensitivity analysis in docs/calibration.md shows which others matter).
 *
 * The twenty-four were chosen for the patterns the targets document: how fast each kind of killing
 * runs, how many it reaches by the perpetrators' aim, how far coercion concentrates on those who
 * resist and deters them, how lethal coercion is without a challenge and against an uprising, and the most the organised force can kill a day (the toll, the force's
 * share, the shape); how far perpetrators search beyond their ties and stop those who flee (the toll of mass
 * participation); how many can be mobilised, how many more an administration that compels conscripts, and how much each kills
 * (participation: killRate is a population parameter, fitted here beside the calibration group); how long a crisis or an offensive gives the killing
 * rungs their opportunity and what it takes to step down (the duration); the bar to mass killing
 * (whether an episode escalates at all); and flight, with the terror of a campaign to expel and
 * the threat felt by those a campaign singles out (displacement, and the toll it spares). A range is the span the mechanism can plausibly take, narrower than the
 * parameter's hard limits; rates spanning orders of magnitude are searched on a log scale.
 */
import type { Params } from '../../sim/index';
import type { Factor } from './search';

export interface CalibratedConstant {
  /** A parameter of the main model, most of the calibration group (sim/models/luck2018/calibration.ts). */
  readonly param: string;
  readonly min: number;
  readonly max: number;
  /** 'log': searched uniformly in log10(value), for rates that span orders of magnitude. */
  readonly scale: 'linear' | 'log';
  /** The patterns it shapes, in a few words. */
  readonly shapes: string;
  /**
   * Where its rule acts (the rule's own condition, read from a case's parameters), when not in
   * every case: a case that does not meet it cannot inform the constant (informedAlone).
   */
  readonly actsIf?: { readonly when: string; readonly test: (p: Params) => boolean };
}

const COERCE = { when: 'an aim to coerce', test: (p: Params) => p.perpetratorAim === 'coerce' };
const COERCE_OR_EXPEL = { when: 'an aim to coerce or to expel', test: (p: Params) => p.perpetratorAim !== 'destroy' };

export const CALIBRATED: readonly CalibratedConstant[] = [
  { param: 'lethalityTargeted', min: 0.001, max: 0.5, scale: 'log', shapes: 'toll, shape (killing on the targeted-attacks rung)' },
  { param: 'massacreMultiplier', min: 1, max: 30, scale: 'log', shapes: 'toll, shape (mass killing over targeted attacks)' },
  { param: 'selectiveShare', min: 0.001, max: 1, scale: 'log', shapes: 'toll (how many targeted attacks single out, before mass killing)' },
  { param: 'coerciveReach', min: 0.001, max: 0.5, scale: 'log', shapes: 'toll (how many mass killing reaches when the aim is to coerce or to expel)', actsIf: COERCE_OR_EXPEL },
  { param: 'coerciveEngagement', min: 0.01, max: 1, scale: 'log', shapes: "toll (how much of its strength the organised force brings to bear when the aim is to coerce or to expel)", actsIf: COERCE_OR_EXPEL },
  { param: 'expulsionTerror', min: 0.005, max: 1, scale: 'log', shapes: 'displacement (flight ahead of the killing in a campaign to expel)', actsIf: { when: 'an aim to expel', test: (p) => p.perpetratorAim === 'expel' } },
  { param: 'singledOutTerror', min: 0.001, max: 1, scale: 'log', shapes: 'displacement, toll (flight ahead of the killing by those it singles out)' },
  { param: 'challengeFocus', min: 0, max: 1, scale: 'linear', shapes: 'toll (how far coercive killing concentrates on those who resist)', actsIf: COERCE },
  { param: 'cowing', min: 0, max: 5, scale: 'linear', shapes: 'toll (how fast coercion deters those who resist, so the killing ends with the challenge)', actsIf: COERCE },
  { param: 'unchallengedLethality', min: 0, max: 1, scale: 'linear', shapes: 'toll (how much of the violence of a coercion that answers no challenge kills)', actsIf: COERCE },
  { param: 'uprisingChallenge', min: 0, max: 1, scale: 'linear', shapes: 'toll (how lethal the coercion of a popular uprising is)', actsIf: { when: 'an aim to coerce and an uprising', test: (p) => p.perpetratorAim === 'coerce' && p.uprisingDay >= 0 } },
  { param: 'forceKillRate', min: 0.00001, max: 0.02, scale: 'log', shapes: "toll, the force's share" },
  { param: 'forceKillCapacity', min: 5, max: 5000, scale: 'log', shapes: "toll (the most the organised force can kill a day, however large the group)" },
  { param: 'killRate', min: 0.01, max: 1, scale: 'log', shapes: 'toll, participation (how much each perpetrator kills)' },
  { param: 'roamReach', min: 0, max: 2, scale: 'linear', shapes: 'toll, duration (how many targeted each perpetrator meets beyond its ties)' },
  { param: 'roadblocks', min: 0, max: 1000, scale: 'linear', shapes: 'toll, displacement (how many fugitives the killers stop at roadblocks)', actsIf: { when: 'an aim to destroy under orders', test: (p) => p.perpetratorAim === 'destroy' && p.orders > 0 } },
  { param: 'mobilisableShare', min: 0.005, max: 0.9, scale: 'log', shapes: 'participation, toll' },
  { param: 'conscription', min: 0, max: 0.3, scale: 'linear', shapes: 'participation, toll (how many more an administration that compels calls out)', actsIf: { when: 'an administration that compels', test: (p) => p.compulsion > 0 } },
  { param: 'forceEngagementBase', min: 0.01, max: 1, scale: 'log', shapes: 'toll, duration (how much the force kills between offensives)' },
  { param: 'crisisHalfLife', min: 7, max: 180, scale: 'log', shapes: 'duration (how long a trigger opens the killing rungs)' },
  { param: 'offensiveHalfLife', min: 3, max: 365, scale: 'log', shapes: 'duration (how long a campaign keeps the force fully engaged)' },
  { param: 'stepDownMargin', min: 0, max: 0.3, scale: 'linear', shapes: 'duration (what it takes to step down)' },
  { param: 'barMassKilling', min: 0.3, max: 1.2, scale: 'linear', shapes: 'escalation to mass killing, toll' },
  { param: 'bystanderFlee', min: 0.02, max: 0.6, scale: 'log', shapes: 'displacement' },
];

/**
 * The constants a left-out case alone informs among the training cases: those whose rule acts on
 * it (actsIf) and on none of the others. Its leave-one-out point cannot have learnt them from
 * the others, so its value there is inherited from the search's evaluations, not predicted.
 */
export function informedAlone(constants: readonly CalibratedConstant[], left: Params, others: readonly Params[]): string[] {
  return constants.filter((c) => c.actsIf !== undefined && c.actsIf.test(left) && !others.some((o) => c.actsIf!.test(o))).map((c) => c.param);
}

/** The search's factors: log-scale constants are searched in log10 space. */
export function searchFactors(constants: readonly CalibratedConstant[]): Factor[] {
  return constants.map((c) => (c.scale === 'log' ? { name: c.param, min: Math.log10(c.min), max: Math.log10(c.max) } : { name: c.param, min: c.min, max: c.max }));
}

/** Parameter values as the search's factor values (log-scale constants as log10): the inverse of constantValues, for a warm start. */
export function factorValuesOf(constants: readonly CalibratedConstant[], values: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of constants) {
    const v = values[c.param];
    if (!(v > 0) && c.scale === 'log') throw new RangeError(`factorValuesOf: ${c.param} is searched on a log scale and needs a positive value, got ${v}`);
    out[c.param] = c.scale === 'log' ? Math.log10(v) : v;
  }
  return out;
}

/**
 * A warm start written as `name=value,name=value` (the calibrate command's --start): the named
 * constants' values, each a fitted constant within its searched range. Bad text gets an error
 * naming the pair, the value and what was expected.
 */
export function parseStart(text: string, constants: readonly CalibratedConstant[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of text.split(',').map((t) => t.trim()).filter((t) => t !== '')) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new RangeError(`--start: "${pair}" is not name=value (for example forceKillRate=0.01)`);
    const name = pair.slice(0, eq).trim();
    const c = constants.find((k) => k.param === name);
    if (!c) throw new RangeError(`--start: "${name}" is not a fitted constant; expected one of ${constants.map((k) => k.param).join(', ')}`);
    const raw = pair.slice(eq + 1).trim();
    const v = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(v) || v < c.min || v > c.max) throw new RangeError(`--start: ${name}=${raw} is not a number within its searched range ${c.min} - ${c.max}`);
    out[name] = v;
  }
  if (Object.keys(out).length === 0) throw new RangeError(`--start: "${text}" names no constant; expected name=value pairs, comma-separated`);
  return out;
}

/** A search point's values as parameter values (log-scale ones exponentiated, rounded to 6 significant digits so defaults read cleanly). */
export function constantValues(constants: readonly CalibratedConstant[], point: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of constants) {
    const v = point[c.param];
    const raw = c.scale === 'log' ? 10 ** v : v;
    out[c.param] = Math.min(c.max, Math.max(c.min, Number(raw.toPrecision(6))));
  }
  return out;
}

export interface CalibrationSettings {
  /** Seeds per case at each point the search evaluates (the same seeds at every point). */
  readonly seeds: number;
  /** Latin-hypercube points screened. */
  readonly screen: number;
  /** Evaluations in all (screening included). */
  readonly budget: number;
  /** The Nelder-Mead simplex's initial edge (unit cube). */
  readonly step: number;
  /** Stop when the simplex's objectives differ by less than this. */
  readonly tol: number;
  /** Seeds per case in the validation runs (in-sample, leave-one-out, held out). */
  readonly validationSeeds: number;
  /**
   * Racing: the search's best `race` distinct points are run again at `raceSeeds` seeds a case
   * (the search's seeds among them), and the best of them there is the fitted point. At a few
   * seeds a point the search's best is partly luck (the winner's curse); more seeds on a few
   * contenders cost little and choose among them on firmer ground.
   */
  readonly race: number;
  readonly raceSeeds: number;
  /** Seeds of the design target (the default scenario at risk) at each point the search evaluates; 0: no design target. */
  readonly riskSeeds: number;
  /** The seed of the screening design. */
  readonly designSeed: number;
  /** Share of the best evaluations whose constants' spread is reported (ABC-style acceptance). */
  readonly accept: number;
}

/**
 * The full calibration on this project's 2-core machine (the measured figure is in
 * docs/calibration.md). 2 seeds per case and point, with common random numbers, make the
 * objective a deterministic function of the constants that the simplex can follow; the race then
 * judges the best few at 10 seeds, and the validation runs use 20 seeds for medians and 90%
 * intervals. At 3 seeds a point the search alone took 50 of the 63 minutes at model /14, over
 * the hour issue 13 allows; a third fewer runs a point keeps the budget of evaluations whole.
 */
export const FULL_SETTINGS: CalibrationSettings = { seeds: 2, screen: 48, budget: 128, step: 0.15, tol: 0.005, validationSeeds: 20, race: 4, raceSeeds: 10, riskSeeds: 12, designSeed: 1, accept: 0.15 };

/** The quick mode for tests and a first look: seconds, on a few short runs (the caller also shortens the runs). */
export const QUICK_SETTINGS: CalibrationSettings = { seeds: 1, screen: 4, budget: 8, step: 0.2, tol: 0.01, validationSeeds: 2, race: 2, raceSeeds: 2, riskSeeds: 2, designSeed: 1, accept: 0.5 };
