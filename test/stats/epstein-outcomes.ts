/**
 * Per-seed outcomes of the runs behind test/stats/epstein-results.test.ts: one record per seed
 * with every figure that test's assertions use. Shared with bench/false-failure-rates.ts, which
 * computes them for a pool of fresh seeds and evaluates the same checks (epstein-checks.ts) on
 * many subsets, so the rates it measures are the rates of the assertions as written.
 *
 * Each function takes the parameters as an argument (the test's preset by default) so the bench
 * can run the same outcome on a variant in which the effect is absent.
 */
import { createModel, modelKernel, presetValues, runModel, type KernelParams, type RunSpec } from '../../sim/index';
import { outburstStats, type EthnicSummary } from '../../sim/models/epstein/index';
import { average, peak } from '../../bench/series-stats';

export const CIVIL = 'epstein-civil-violence';
export const ETHNIC = 'epstein-ethnic-violence';

export const preset = (model: string, name: string): KernelParams => presetValues(modelKernel(model), name);

/** A scheduled change of a reference model's parameter. */
export interface Change {
  readonly tick: number;
  readonly name: string;
  readonly value: number;
}

/**
 * One Model I run. RunSpec types a schedule's names as the main model's parameter names; the
 * engine checks them against the model's own schema at run time, hence the cast.
 */
export const runCivil = (params: KernelParams, seed: number, ticks: number, schedule: readonly Change[] = []) =>
  runModel({ model: CIVIL, params, seed, ticks, schedule: schedule as unknown as RunSpec['schedule'] });

// ---- (a) punctuated equilibrium ------------------------------------------------------------------

/** (a): the set-up transient dropped (every run starts with a burst in its first ticks), then the window counted. */
export const A_BURN_IN = 100;
export const A_WINDOW = 1000;

export interface OutburstRow {
  readonly seed: number;
  readonly outbursts: number;
  /** Share of the window's ticks with at most outburstThreshold (50) actives. */
  readonly quietShare: number;
  /** Mean quiet wait between outbursts, and mean outburst length; null with fewer than 2 / 1 outbursts. */
  readonly meanWait: number | null;
  readonly meanOutburstLength: number | null;
}

export function outburstRow(seed: number, params: KernelParams = preset(CIVIL, 'netlogo'), window = A_WINDOW): OutburstRow {
  const active = runCivil(params, seed, A_BURN_IN + window).series.active;
  return outburstRowOf(seed, active.subarray(A_BURN_IN, A_BURN_IN + window), params.outburstThreshold as number);
}

/** The outburst figures of one window of a run's active series. */
export function outburstRowOf(seed: number, active: Float64Array, threshold: number): OutburstRow {
  const s = outburstStats(active, threshold);
  return { seed, outbursts: s.outbursts, quietShare: 1 - s.outburstTicks / active.length, meanWait: s.meanWait, meanOutburstLength: s.meanOutburstLength };
}

// ---- (b) legitimacy drop -------------------------------------------------------------------------

export const B_DROP = 77;
export const B_TICKS = 130;
/** The paper's run 3: legitimacy 0.9 -> 0.7 in one change at t = 77. */
export const SUDDEN: readonly Change[] = [{ tick: B_DROP, name: 'legitimacy', value: 0.7 }];
/** Run 4: the same drop made gradually, 0.89 at t = 77 down to 0.70 at t = 96 (20 changes of 0.01). */
export const GRADUAL: readonly Change[] = Array.from({ length: 20 }, (_, i): Change => ({ tick: B_DROP + i, name: 'legitimacy', value: (89 - i) / 100 }));

export interface LegitimacyRow {
  readonly seed: number;
  /** Peak actives from t = 77 on, after the sudden and after the gradual drop. */
  readonly sudden: number;
  readonly gradual: number;
  /** Peak actives before t = 77 in either arm (0 at L 0.9: G = 0.9 H (1 - 0.9) <= 0.1 = T). */
  readonly before: number;
}

export function legitimacyRow(seed: number, params: KernelParams = preset(CIVIL, 'run3')): LegitimacyRow {
  const s = runCivil(params, seed, B_TICKS, SUDDEN).series.active;
  const g = runCivil(params, seed, B_TICKS, GRADUAL).series.active;
  return { seed, sudden: peak(s, B_DROP), gradual: peak(g, B_DROP), before: Math.max(peak(s, 0, B_DROP), peak(g, 0, B_DROP)) };
}

// ---- (c) cops ------------------------------------------------------------------------------------

export const C_TICKS = 400;
/** Step-down: 0.074 to 0.030 in steps of 0.004 every 25 ticks from t = 50 (reached at t = 300). */
export const STEP_DOWN: readonly Change[] = Array.from({ length: 11 }, (_, i): Change => ({ tick: 50 + 25 * i, name: 'copDensity', value: (70 - 4 * i) / 1000 }));

export interface CopsRow {
  readonly seed: number;
  /** Mean actives per tick with cop density 0.074 and 0.03 from the start. */
  readonly meanMany: number;
  readonly meanFew: number;
  /** Peak actives with the constant 0.074 and with the step-down. */
  readonly peakConstant: number;
  readonly peakStepped: number;
}

/** The run5 preset (L 0.8, infinite Jmax, cop density 0.074, NetLogo's rules), three arms. */
export function copsRow(seed: number, params: KernelParams = preset(CIVIL, 'run5')): CopsRow {
  const many = runCivil({ ...params, copDensity: 0.074 }, seed, C_TICKS).series.active;
  const few = runCivil({ ...params, copDensity: 0.03 }, seed, C_TICKS).series.active;
  const stepped = runCivil({ ...params, copDensity: 0.074 }, seed, C_TICKS, STEP_DOWN).series.active;
  return { seed, meanMany: average(many), meanFew: average(few), peakConstant: peak(many), peakStepped: peak(stepped) };
}

// ---- (d), (e) Model II ---------------------------------------------------------------------------

/** Each Model II run stops at elimination or at this cap. */
export const CAP = 1500;

export interface Elimination {
  /** The tick (0-based) at whose end a group had no members, or null if both were left at the cap. */
  readonly tick: number | null;
  readonly survivor: EthnicSummary['survivor'];
}

/** Run Model II until a group is gone or the cap. */
export function untilElimination(params: KernelParams, seed: number, cap = CAP): Elimination {
  const m = createModel({ model: ETHNIC, params, seed, ticks: cap });
  while (!m.done) {
    m.step();
    const o = m.observe();
    if (o.groupA === 0 || o.groupB === 0) break;
  }
  const s = m.summary() as unknown as EthnicSummary;
  return { tick: s.eliminationTick, survivor: s.survivor };
}

export interface PeacekeeperRow {
  readonly seed: number;
  /** Run 7 (no peacekeepers): the elimination and its survivor. */
  readonly none: Elimination;
  /** Ticks to elimination with peacekeepers 0.04 and 0.08 from t = 50 (a run left at the cap counts as the cap). */
  readonly t4: number;
  readonly t8: number;
}

export const ticksOrCap = (e: Elimination): number => e.tick ?? CAP;

export function peacekeeperRow(seed: number, params: KernelParams = preset(ETHNIC, 'run7')): PeacekeeperRow {
  return {
    seed,
    none: untilElimination({ ...params, copDensity: 0 }, seed),
    t4: ticksOrCap(untilElimination({ ...params, copDensity: 0.04 }, seed)),
    t8: ticksOrCap(untilElimination({ ...params, copDensity: 0.08 }, seed)),
  };
}
