/**
 * The engine: a model is created from (parameters, seed, ticks, schedule) and stepped one tick
 * at a time by whoever drives it (CLI loop, worker, browser animation frame); the tick knows
 * nothing of timers. Each tick runs the rules in a fixed order:
 *
 *   1. scheduled parameter changes take effect;
 *   2. the UN organs and the mediators act on yesterday's population state, in this order, each
 *      seeing what the ones before it did today (Secretariat, Security Council, General Assembly,
 *      Human Rights Council, PBC, mediators);
 *   3. the perpetrator leadership climbs, holds or steps down;
 *   4. peacekeepers and safe areas are updated by region;
 *   5. the population moves (synchronously);
 *   6. legitimacy, the mass-atrocity flag and the observables are recorded.
 */
import type { TickContext } from './context';
import { leadershipStep } from './agents/leadership';
import { mediatorsStep } from './agents/mediators';
import { populationStep, type PopulationInputs } from './agents/population';
import { SERIES, SERIES_INDEX, RISK_FACTOR_OFFSET } from './observables';
import type { Params, ParamName, ParamValue } from './params/schema';
import {
  resolveParams,
  validateSchedule,
  validateSeed,
  validateTicks,
  type ScheduledChange,
} from './params/validate';
import { HIGH_RISK, riskFactors, trueRisk } from './risk';
import { STREAM, Streams, seedText, type DrawObserver } from './rng';
import { summarise, type RunSummary } from './summary';
import { assemblyStep } from './un/assembly';
import { councilStep } from './un/council';
import { hrcStep } from './un/hrc';
import { pbcStep } from './un/pbc';
import { peacekeepersStep } from './un/peacekeepers';
import { secretariatStep } from './un/secretariat';
import {
  FRAMES,
  SECRETARIAT_ACTIONS,
  clamp01,
  createWorld,
  type SimEvent,
  type World,
} from './world';

/** Lethality of each rung: no killing before organising, sporadic, targeted, then mass killing. */
export const LETHALITY = [0, 0, 0.005, 0.3, 1];
/** Daily kill chance in a venue that has fallen, as a multiple of killRate. */
export const MASSACRE_MULTIPLIER = 3;
export const RECENT_DAYS = 30;
export const DEFAULT_TICKS = 365;

export interface RunSpec {
  /** Overrides of the defaults; anything not named keeps its default. */
  readonly params?: Readonly<Partial<Record<ParamName, ParamValue>>> | Readonly<Record<string, unknown>>;
  readonly seed: number | string;
  readonly ticks?: number;
  readonly schedule?: readonly ScheduledChange[];
}

export interface ModelOptions {
  /** Sees every random draw (tests of the twin-run property). */
  readonly drawObserver?: DrawObserver;
}

export interface RunResult {
  readonly params: Params;
  readonly schedule: readonly ScheduledChange[];
  readonly seed: number | string;
  readonly ticks: number;
  readonly summary: RunSummary;
  /** One array per series in SERIES order, each `ticks` long. */
  readonly series: Readonly<Record<string, Float64Array>>;
  readonly events: readonly SimEvent[];
}

export interface Model {
  readonly seed: number | string;
  readonly ticks: number;
  readonly initialParams: Params;
  readonly schedule: readonly ScheduledChange[];
  /** The parameters in force at the current tick. */
  readonly params: Params;
  /** Ticks completed so far. */
  readonly tick: number;
  readonly done: boolean;
  /** Advance one tick. */
  step(): void;
  /** Step to the end and return the result. */
  run(): RunResult;
  /** The observables of the last completed tick, by series name. */
  observe(): Record<string, number>;
  /** A series so far (a view of length `tick`). */
  series(name: string): Float64Array;
  events(): readonly SimEvent[];
  summary(): RunSummary;
  result(): RunResult;
  /** Read-only access to the world, for views that draw agents (the app's network view). */
  readonly world: Readonly<World>;
}

export function createModel(spec: RunSpec, options: ModelOptions = {}): Model {
  if (spec === null || typeof spec !== 'object') throw new TypeError('createModel needs a spec {params, seed, ticks, schedule}');
  const seed = validateSeed(spec.seed);
  const ticks = validateTicks(spec.ticks ?? DEFAULT_TICKS);
  const initialParams = resolveParams((spec.params ?? {}) as Record<string, unknown>);
  const schedule = validateSchedule(spec.schedule ?? [], ticks).sort((a, b) => a.tick - b.tick);
  // Changes at tick 0 are part of the initial set-up (structural ones included).
  let params: Params = applyChanges(initialParams, schedule.filter((c) => c.tick === 0));
  const streams = new Streams(seedText(seed), options.drawObserver);
  const w = createWorld(params, streams);
  const S = SERIES.length;
  const data = new Float64Array(S * ticks);
  const rf = new Float64Array(14);
  let tick = 0;
  let nextChange = schedule.findIndex((c) => c.tick > 0);
  if (nextChange < 0) nextChange = schedule.length;
  let recentDeaths = 0;
  let windowDeaths = 0;

  const log = (actor: string, action: string, detail?: string) => {
    w.events.push(detail === undefined ? { tick, actor, action } : { tick, actor, action, detail });
  };

  function step(): void {
    if (tick >= ticks) throw new Error(`the run is complete (${ticks} ticks)`);
    const t = tick;
    // 1. Scheduled changes.
    const start = nextChange;
    while (nextChange < schedule.length && schedule[nextChange].tick === t) nextChange++;
    if (nextChange > start) {
      const changes = schedule.slice(start, nextChange);
      params = applyChanges(params, changes);
      for (const c of changes) log('user', 'set', `${c.name}=${String(c.value)}`);
    }
    const p = params;
    w.voice *= 0.95;
    w.warnings *= 0.97;
    const joinedShare = w.tally.othersAlive > 0 ? w.tally.joined / w.tally.othersAlive : 0;
    const risk = t === 0 ? 0 : trueRisk(w);
    const ctx: TickContext = {
      tick: t,
      p,
      w,
      streams,
      trueRisk: risk,
      highRisk: risk >= HIGH_RISK,
      joinedShare,
      spoke: false,
      quietDiplomacy: 0,
      log,
    };
    // 2. Organs and mediators.
    secretariatStep(ctx);
    const visibleRisk = clamp01((20 * recentDeaths) / Math.max(1, w.targets));
    councilStep(ctx, visibleRisk, w.referral);
    assemblyStep(ctx);
    hrcStep(ctx);
    pbcStep(ctx);
    mediatorsStep(ctx);
    ctx.quietDiplomacy = Math.min(1, ctx.quietDiplomacy);
    // 3. Leadership.
    leadershipStep(ctx);
    // 4. Peacekeepers, with the restraint that bears on foot soldiers.
    const rung = w.leadership.rung;
    const counterMessaging = clamp01(
      (p.counterMessaging + 0.6 * w.voice) * w.legitimacy * (0.25 + 1.5 * p.localPartners),
    );
    const lethality = LETHALITY[rung] * w.armsFactor;
    const restraintBase = 0.5 * counterMessaging + 0.3 * w.leadership.cost;
    peacekeepersStep(ctx, restraintBase, lethality);
    // 5. Population.
    const reachToday = rung >= 1 ? p.incitementReach : 0;
    const inputs: PopulationInputs = {
      organising: rung >= 2,
      reachToday,
      incitement: p.incitement,
      counterMessaging,
      exposureMemory: p.exposureMemory,
      demobilisation: p.demobilisation,
      killPerAttacker: p.killRate * lethality,
      massacreRate: Math.min(1, MASSACRE_MULTIPLIER * p.killRate * lethality),
      fleeRate: p.fleeRate,
      seekRate: p.seekProtectionRate,
      resistChance: p.resistRate * (0.5 + p.localPartners) * (1 + counterMessaging),
      shelterEffect: p.shelterEffect,
      safeAreaPull: w.region.safeAreaList.length > 0 ? 1 : 0,
    };
    streams.fill(STREAM.population, t, w.draws);
    populationStep(w, inputs);
    // 6. Bookkeeping.
    const today = w.tally.deathsToday;
    w.cumDeaths += today;
    w.deathsByTick.push(today);
    recentDeaths += today - (t >= RECENT_DAYS ? w.deathsByTick[t - RECENT_DAYS] : 0);
    windowDeaths += today - (t >= p.atrocityWindow ? w.deathsByTick[t - p.atrocityWindow] : 0);
    if (w.massAtrocityTick < 0 && windowDeaths * p.peoplePerAgent >= p.atrocityThreshold) {
      w.massAtrocityTick = t;
      // Onset: the first killing within the window that crossed the threshold.
      let onset = t;
      for (let k = Math.max(0, t - p.atrocityWindow + 1); k <= t; k++) {
        if (w.deathsByTick[k] > 0) {
          onset = k;
          break;
        }
      }
      w.onsetTick = onset;
      log('outcome', 'mass-atrocity', `threshold crossed; onset tick ${onset}`);
    }
    // Legitimacy falls when the UN looks away while risk is high, and rises when it speaks.
    if (ctx.highRisk) {
      if (ctx.spoke) {
        w.daysSpokenHighRisk++;
        w.legitimacy = clamp01(w.legitimacy + 0.002 * (1 - w.legitimacy));
      } else {
        w.daysSilentHighRisk++;
        w.legitimacy = clamp01(w.legitimacy - 0.003);
      }
    }
    if (today > 0 && !ctx.spoke) w.legitimacy = clamp01(w.legitimacy - 0.002);

    riskFactors(ctx, { motive: w.leadership.motive, reachToday, counterMessaging, recentDeaths }, rf);
    record(t, ctx, counterMessaging);
    tick = t + 1;
  }

  function record(t: number, ctx: TickContext, counterMessaging: number): void {
    const put = (name: string, v: number) => {
      data[SERIES_INDEX.get(name)! * ticks + t] = v;
    };
    const ta = w.tally;
    const reg = w.region;
    let fallen = 0;
    for (let r = 0; r < reg.count; r++) fallen += reg.fallen[r];
    let engaged = 0;
    let warning = 0;
    let naming = 0;
    let access = 0;
    for (const m of w.mediators) {
      if (m.action === 'engage-quietly') engaged++;
      else if (m.action === 'carry-warning') warning++;
      else if (m.action === 'name-publicly') naming++;
      access += m.access;
    }
    put('deaths', w.cumDeaths);
    put('deathsToday', ta.deathsToday);
    put('deathsPeople', w.cumDeaths * params.peoplePerAgent);
    put('perpetrators', ta.joined);
    put('resisting', ta.resisting);
    put('displaced', ta.fled);
    put('protected', ta.protectedCount);
    put('exposure', ta.othersAlive > 0 ? ta.exposureSum / ta.othersAlive : 0);
    put('rung', w.leadership.rung);
    put('hardliners', w.leadership.hardliners);
    put('motive', w.leadership.motive);
    put('expectedCost', w.leadership.cost);
    put('settlement', w.settlement);
    put('trueRisk', ctx.trueRisk);
    put('signal', w.secretariat.signal);
    put('framing', FRAMES.indexOf(w.secretariat.frame));
    put('secretariatAction', SECRETARIAT_ACTIONS.indexOf(w.secretariat.action));
    put('councilPerceivedRisk', w.council.perceivedRisk);
    put('councilLevel', w.council.level);
    put('vetoes', w.council.vetoes);
    put('assemblySteps', w.assemblyStep);
    put('coverage', w.coverage);
    put('venuesFallen', fallen);
    put('mediatorsEngaged', engaged);
    put('mediatorsWarning', warning);
    put('mediatorsNaming', naming);
    put('mediatorsAccess', w.mediators.length > 0 ? access / w.mediators.length : 0);
    put('counterMessaging', counterMessaging);
    put('legitimacy', w.legitimacy);
    put('spokeOut', ctx.spoke ? 1 : 0);
    put('highRisk', ctx.highRisk ? 1 : 0);
    put('daysSpokenHighRisk', w.daysSpokenHighRisk);
    put('daysSilentHighRisk', w.daysSilentHighRisk);
    put('massAtrocity', w.massAtrocityTick >= 0 ? 1 : 0);
    for (let k = 0; k < 14; k++) data[(RISK_FACTOR_OFFSET + k) * ticks + t] = rf[k];
  }

  function seriesView(name: string): Float64Array {
    const idx = SERIES_INDEX.get(name);
    if (idx === undefined) throw new Error(`unknown series "${name}"; known: ${SERIES.map((s) => s.name).join(', ')}`);
    return data.subarray(idx * ticks, idx * ticks + tick);
  }

  function allSeries(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    for (const s of SERIES) out[s.name] = seriesView(s.name);
    return out;
  }

  const model: Model = {
    seed,
    ticks,
    initialParams,
    schedule,
    get params() {
      return params;
    },
    get tick() {
      return tick;
    },
    get done() {
      return tick >= ticks;
    },
    world: w,
    step,
    run() {
      while (tick < ticks) step();
      return model.result();
    },
    observe() {
      const out: Record<string, number> = {};
      if (tick === 0) return out;
      for (const s of SERIES) out[s.name] = data[SERIES_INDEX.get(s.name)! * ticks + tick - 1];
      return out;
    },
    series: seriesView,
    events: () => w.events,
    summary: () => summarise(w, allSeries(), tick, params),
    result() {
      return {
        params: initialParams,
        schedule,
        seed,
        ticks: tick,
        summary: model.summary(),
        series: allSeries(),
        events: w.events,
      };
    },
  };
  return model;
}

function applyChanges(p: Params, changes: readonly ScheduledChange[]): Params {
  if (changes.length === 0) return p;
  const out: Record<string, ParamValue> = { ...p };
  for (const c of changes) out[c.name] = c.value;
  return out as Params;
}

/** Run a spec to the end: the one-call form of createModel(spec).run(). */
export function runModel(spec: RunSpec, options?: ModelOptions): RunResult {
  return createModel(spec, options).run();
}
