/**
 * The main model, r2p-luck-2018, as a kernel of the engine (sim/engine/): its world, and one tick
 * with the rules in a fixed order:
 *
 *   1. (the engine applies scheduled parameter changes);
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
import type { ModelKernel } from '../../engine/kernel';
import { SERIES, SERIES_INDEX, RISK_FACTOR_OFFSET } from './observables';
import type { ParamDef } from '../../engine/params';
import { PARAM_DEFS, type Params } from './params';
import { HIGH_RISK, riskFactors, trueRisk } from './risk';
import { STREAM } from './streams';
import type { Streams } from '../../engine/streams';
import { summarise, type RunSummary } from './summary';
import { assemblyStep } from './un/assembly';
import { councilStep } from './un/council';
import { hrcStep } from './un/hrc';
import { pbcStep } from './un/pbc';
import { peacekeepersStep } from './un/peacekeepers';
import { secretariatStep } from './un/secretariat';
import { FRAMES, SECRETARIAT_ACTIONS, clamp01, createWorld, type World } from './world';

/** Lethality of each rung: no killing before organising, sporadic, targeted, then mass killing. */
export const LETHALITY = [0, 0, 0.005, 0.3, 1];
/** Daily kill chance in a venue that has fallen, as a multiple of killRate. */
export const MASSACRE_MULTIPLIER = 3;
export const RECENT_DAYS = 30;
export const DEFAULT_TICKS = 365;
/** The model's versioned name, written into run files: bump it when results change. */
export const MODEL_VERSION = 'r2p-luck-2018/2';

/** The main model on the engine: parameters, series, world and tick. */
export const r2pKernel: ModelKernel<World, RunSummary> = {
  id: 'r2p-luck-2018',
  version: MODEL_VERSION,
  title: 'Luck (2018): why the UN underperforms at preventing mass atrocities',
  params: PARAM_DEFS as readonly ParamDef[],
  series: SERIES,
  defaultTicks: DEFAULT_TICKS,
  create: (p, streams) => createWorld(p as Params, streams),
  step: (w, p, t, streams, out) => tickStep(w, p as Params, t, streams, out),
  summarise: (w, series, ticks, p) => summarise(w, series, ticks, p as Params),
  events: (w) => w.events,
  agentCount: (w) => w.n,
};

function tickStep(w: World, p: Params, t: number, streams: Streams, out: Float64Array): void {
  const log = (actor: string, action: string, detail?: string) => {
    w.events.push(detail === undefined ? { tick: t, actor, action } : { tick: t, actor, action, detail });
  };
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
  councilStep(ctx, visibleRisk(w), w.referral);
  assemblyStep(ctx);
  hrcStep(ctx);
  pbcStep(ctx);
  mediatorsStep(ctx);
  ctx.quietDiplomacy = Math.min(1, ctx.quietDiplomacy);
  // 3. Leadership.
  leadershipStep(ctx);
  // 4. Peacekeepers, with the restraint that bears on foot soldiers.
  const { counterMessaging, lethality, restraintBase } = derivedInputs(p, w);
  peacekeepersStep(ctx, restraintBase, lethality);
  // 5. Population.
  const inputs = populationInputs(p, w, counterMessaging, lethality);
  streams.fill(STREAM.population, t, w.draws);
  populationStep(w, inputs);
  // 6. Bookkeeping.
  const today = w.tally.deathsToday;
  recordDeaths(ctx, today);
  updateLegitimacy(ctx, today);

  riskFactors(ctx, { motive: w.leadership.motive, reachToday: inputs.reachToday, counterMessaging, recentDeaths: w.recentDeaths }, w.riskFactors);
  record(w, p, ctx, counterMessaging, out);
}

/** Risk the Council can see for itself: deaths in the last RECENT_DAYS days (up to yesterday). */
export function visibleRisk(w: World): number {
  return clamp01((20 * w.recentDeaths) / Math.max(1, w.targets));
}

export interface DerivedInputs {
  /** Effective counter-messaging in [0, 1]. */
  readonly counterMessaging: number;
  /** Lethality of today's rung, cut by the arms embargo. */
  readonly lethality: number;
  /** Restraint on every bystander before peacekeepers: counter-messaging and expected cost. */
  readonly restraintBase: number;
}

/** The derived daily inputs of ODD 7.13, from today's rung and the leadership's expected cost. */
export function derivedInputs(p: Params, w: World): DerivedInputs {
  const counterMessaging = clamp01((p.counterMessaging + 0.6 * w.voice) * w.legitimacy * (0.25 + 1.5 * p.localPartners));
  const lethality = LETHALITY[w.leadership.rung] * w.armsFactor;
  const restraintBase = 0.5 * counterMessaging + 0.3 * w.leadership.cost;
  return { counterMessaging, lethality, restraintBase };
}

/** What the population step reads today (ODD 7.13); after the peacekeeper step (safe areas). */
export function populationInputs(p: Params, w: World, counterMessaging: number, lethality: number): PopulationInputs {
  const rung = w.leadership.rung;
  return {
    organising: rung >= 2,
    reachToday: rung >= 1 ? p.incitementReach : 0,
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
    // The promise, not the capacity: any declared safe area draws the threatened in.
    safeAreaPull: w.region.safeAreaList.length > 0 ? 1 : 0,
  };
}

/** Today's deaths into the running sums, and the mass-atrocity flag with its onset (ODD 7.16). */
export function recordDeaths(ctx: TickContext, today: number): void {
  const { p, w, tick: t } = ctx;
  w.cumDeaths += today;
  w.deathsByTick.push(today);
  w.recentDeaths += today - (t >= RECENT_DAYS ? w.deathsByTick[t - RECENT_DAYS] : 0);
  w.windowDeaths += today - (t >= p.atrocityWindow ? w.deathsByTick[t - p.atrocityWindow] : 0);
  if (w.massAtrocityTick < 0 && w.windowDeaths * p.peoplePerAgent >= p.atrocityThreshold) {
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
    ctx.log('outcome', 'mass-atrocity', `threshold crossed; onset tick ${onset}`);
  }
}

/** Legitimacy falls when the UN looks away while risk is high, and rises when it speaks (ODD 7.16). */
export function updateLegitimacy(ctx: TickContext, today: number): void {
  const w = ctx.w;
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
}

function record(w: World, p: Params, ctx: TickContext, counterMessaging: number, out: Float64Array): void {
  const put = (name: string, v: number) => {
    out[SERIES_INDEX.get(name)!] = v;
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
  put('deathsPeople', w.cumDeaths * p.peoplePerAgent);
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
  for (let k = 0; k < 14; k++) out[RISK_FACTOR_OFFSET + k] = w.riskFactors[k];
}
