/**
 * The main model, r2p-luck-2018, as a kernel of the engine (sim/engine/): its world, and one tick
 * with the rules in a fixed order:
 *
 *   1. (the engine applies scheduled parameter changes); trigger events of the day (triggers.ts);
 *   2. the UN organs and the mediators act on yesterday's population state, in this order, each
 *      seeing what the ones before it did today (Secretariat, Security Council, General Assembly,
 *      Human Rights Council, PBC, mediators);
 *   3. the perpetrator leadership climbs, holds or steps down;
 *   4. peacekeepers and safe areas are updated by region;
 *   5. the population moves (synchronously);
 *   6. legitimacy, the mass-atrocity flag and the observables are recorded.
 */
import type { TickContext } from './context';
import { leadershipStep, opportunity, standingRung } from './agents/leadership';
import { mediatorsStep } from './agents/mediators';
import { huntedExposed, populationStep, type PopulationInputs } from './agents/population';
import type { ModelKernel } from '../../engine/kernel';
import { SERIES, SERIES_INDEX, RISK_FACTOR_OFFSET } from './observables';
import type { ParamDef } from '../../engine/params';
import { PARAM_DEFS, type Params } from './params';
import { riskFactors, trueRisk } from './risk';
import { STREAM } from './streams';
import type { Streams } from '../../engine/streams';
import { summarise, type RunSummary } from './summary';
import { assemblyStep } from './un/assembly';
import { councilStep } from './un/council';
import { hrcStep } from './un/hrc';
import { pbcStep } from './un/pbc';
import { peacekeepersStep } from './un/peacekeepers';
import { secretariatStep } from './un/secretariat';
import { forceEngagement, triggersStep } from './triggers';
import { exp } from '../../engine/portable-math';
import { ParamError } from '../../engine/validate';
import { FRAMES, SECRETARIAT_ACTIONS, STANDING, clamp01, createWorld, type World } from './world';

const LN2 = 0.6931471805599453;

/**
 * Resolution: a run must be able to resolve its own outcome, so the mass-atrocity threshold must
 * stand for at least MIN_THRESHOLD_AGENTS agents; otherwise refuse, with the fix.
 */
export function checkResolution(p: Params): void {
  const agentsAtThreshold = p.atrocityThreshold / p.peoplePerAgent;
  if (agentsAtThreshold >= MIN_THRESHOLD_AGENTS) return;
  const maxScale = p.atrocityThreshold / MIN_THRESHOLD_AGENTS;
  const needed = Math.ceil((p.agents * p.peoplePerAgent) / maxScale);
  throw new ParamError(
    'peoplePerAgent',
    p.peoplePerAgent,
    `at most ${maxScale} people per agent, so that the mass-atrocity threshold (${p.atrocityThreshold} people) is at least ${MIN_THRESHOLD_AGENTS} agents (it is ${Number(agentsAtThreshold.toPrecision(3))}); ` +
      `use ${needed} agents or more for this population, or model the at-risk population rather than the whole country`,
  );
}

/**
 * Lethality of each rung (ODD 7.13): none before organising, lethalityOrganising,
 * lethalityTargeted, then mass killing (1); under an aim to coerce, each times the share of the
 * coercion's violence that kills against the challenge it faces today (coercionLethality).
 */
export function lethalityOf(p: Params, rung: number, challenge: number): number {
  const base = rung === 2 ? p.lethalityOrganising : rung === 3 ? p.lethalityTargeted : rung === 4 ? 1 : 0;
  return base === 0 ? 0 : base * coercionLethality(p, challenge);
}

/**
 * The challenge coercion answers today, in [0, 1] (ODD 7.13): the largest of the armed challenge
 * (an insurgency or war the perpetrators face), the violence on both sides, and, from its day, a
 * popular uprising (uprisingChallenge). What the profile documents, never the toll.
 */
export function challengeFaced(p: Params, w: World): number {
  return Math.max(p.armedChallenge, p.reprisals, w.uprisen ? p.uprisingChallenge : 0);
}

/**
 * Share of the coercion's violence that kills (ODD 7.13): repression answers the challenge it
 * faces (Davenport 2007's law of coercive responsiveness), and killing strikes the civilians an
 * armed or mass challenge draws on (Valentino 2004; Valentino, Huth and Balch-Lindsay 2004), so a
 * population that mounts none (held by the armed groups that rule it, or an opposition that
 * challenges by the vote) is beaten, flogged, tortured and detained far more than killed
 * (unchallengedLethality of it); the rest comes with the challenge. 1 under an aim to destroy or
 * to expel.
 */
export function coercionLethality(p: Params, challenge: number): number {
  if (p.perpetratorAim !== 'coerce') return 1;
  return p.unchallengedLethality + (1 - p.unchallengedLethality) * challenge;
}

export const RECENT_DAYS = 30;
/** The mass-atrocity threshold must stand for at least this many agents (one death cannot cross it). */
export const MIN_THRESHOLD_AGENTS = 20;
export const DEFAULT_TICKS = 365;
/** The model's versioned name, written into run files: bump it when results change. */
export const MODEL_VERSION = 'r2p-luck-2018/15';

/** The main model on the engine: parameters, series, world and tick. */
export const r2pKernel: ModelKernel<World, RunSummary> = {
  id: 'r2p-luck-2018',
  version: MODEL_VERSION,
  title: 'Luck (2018): why the UN underperforms at preventing mass atrocities',
  params: PARAM_DEFS as readonly ParamDef[],
  series: SERIES,
  defaultTicks: DEFAULT_TICKS,
  check: (p) => checkResolution(p as Params),
  create: (p, streams) => {
    const w = createWorld(p as Params, streams);
    // The leadership starts on the rung its standing incentives already support (ODD 7.11).
    w.leadership.rung = standingRung(p as Params, w);
    return w;
  },
  step: (w, p, t, streams, out) => tickStep(w, p as Params, t, streams, out),
  summarise: (w, series, ticks, p) => summarise(w, series, ticks, p as Params),
  events: (w) => w.events,
  agentCount: (w) => w.n,
  // The population by region, for drawing (copies: nothing a run reads is touched).
  view: (w) => ({
    kind: 'regions',
    states: w.state.slice(),
    group: w.group.slice(),
    regionStart: w.regionStart.slice(),
    covered: w.region.covered.slice(),
    safeArea: w.region.safeArea.slice(),
    fallen: w.region.fallen.slice(),
  }),
};

function tickStep(w: World, p: Params, t: number, streams: Streams, out: Float64Array): void {
  const log = (actor: string, action: string, detail?: string) => {
    w.events.push(detail === undefined ? { tick: t, actor, action } : { tick: t, actor, action, detail });
  };
  // Voice and warnings fade: remembered for weeks.
  w.voice *= p.voicePersistence;
  w.warnings *= p.warningPersistence;
  const joinedShare = w.tally.othersAlive > 0 ? w.tally.joined / w.tally.othersAlive : 0;
  const risk = t === 0 ? 0 : trueRisk(p, w);
  const ctx: TickContext = {
    tick: t,
    p,
    w,
    streams,
    trueRisk: risk,
    highRisk: risk >= p.highRisk,
    joinedShare,
    spoke: false,
    quietDiplomacy: 0,
    log,
  };
  // 1. The day's trigger events.
  triggersStep(ctx);
  // 2. Organs and mediators.
  secretariatStep(ctx);
  councilStep(ctx, visibleRisk(p, w), w.referral);
  assemblyStep(ctx);
  hrcStep(ctx);
  pbcStep(ctx);
  mediatorsStep(ctx);
  ctx.quietDiplomacy = Math.min(1, ctx.quietDiplomacy);
  // 3. Leadership.
  leadershipStep(ctx);
  // 4. Counter-messaging builds resilience; peacekeepers, with the restraint that bears on foot soldiers.
  buildResilience(p, w);
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
export function visibleRisk(p: Params, w: World): number {
  return clamp01((p.visibleRiskScale * w.recentDeaths) / Math.max(1, w.targets));
}

export interface DerivedInputs {
  /** Effective counter-messaging in [0, 1] today (it builds the resilience stock). */
  readonly counterMessaging: number;
  /** Lethality of today's rung, cut by the arms embargo. */
  readonly lethality: number;
  /** Restraint on every bystander before peacekeepers: resilience and expected cost. */
  readonly restraintBase: number;
}

/** Counter-messaging reaching the population today, in [0, 1]: the standing effort and the UN's voice, carried by its legitimacy and by local partners. */
export function counterMessagingToday(p: Params, w: World): number {
  return clamp01((p.counterMessaging + p.voiceWeight * w.voice) * w.legitimacy * (p.partnerBase + p.partnerWeight * p.localPartners));
}

/**
 * Counter-messaging acts through a lasting stock: it builds the population's resilience to
 * incitement, which fades with resilienceHalfLife, so an early pulse works after it ends.
 * Updates w.resilience once a day; returns today's counter-messaging.
 */
export function buildResilience(p: Params, w: World): number {
  const counterMessaging = counterMessagingToday(p, w);
  w.resilience = clamp01(w.resilience * exp(-LN2 / p.resilienceHalfLife) + p.resilienceGain * counterMessaging * (1 - w.resilience));
  return counterMessaging;
}

/** The derived daily inputs of ODD 7.13, from today's rung, the resilience stock and the leadership's expected cost (no side effects). */
export function derivedInputs(p: Params, w: World): DerivedInputs {
  const counterMessaging = counterMessagingToday(p, w);
  const lethality = lethalityOf(p, w.leadership.rung, challengeFaced(p, w)) * w.armsFactor;
  const restraintBase = p.restraintMessaging * w.resilience + p.restraintCost * w.leadership.cost;
  return { counterMessaging, lethality, restraintBase };
}

/**
 * Share of the targeted group today's killing reaches (ODD 7.15): targeted attacks single people
 * out (selectiveShare); mass killing reaches the whole group only when the aim is to destroy it
 * (Genocide Convention, art. II), and otherwise the communities taken for the opponents' base
 * (coerciveReach: Valentino 2004's coercive and dispossessive mass killing).
 */
export function killingReach(p: Params, rung: number): number {
  if (rung < 4) return p.selectiveShare;
  return p.perpetratorAim === 'destroy' ? 1 : Math.max(p.selectiveShare, p.coerciveReach);
}

/**
 * Weight with which the killing hunts the singled-out people who do not resist (ODD 7.15): under
 * an aim to coerce it concentrates on those who challenge it (challengeFocus; Davenport 2007's
 * law of coercive responsiveness), so the killing ends when the challenge does; otherwise 1.
 */
export function unresistingHunted(p: Params): number {
  return p.perpetratorAim === 'coerce' ? 1 - p.challengeFocus : 1;
}

/**
 * Resisters cowed (ODD 7.13, 7.15): only under an aim to coerce does giving up resistance spare
 * anyone, so only then does repression deter the challenge (Lichbach 1987).
 */
export function cowingToday(p: Params): number {
  return p.perpetratorAim === 'coerce' ? p.cowing : 0;
}

/**
 * The organised force's daily kill chance for each targeted person it hunts (ODD 7.13): a rate per
 * person (forceKillRate), saturating at what the force can do in a day (forceKillCapacity people),
 * both scaled by its drive today (strength x engagement x lethality). The limit is a handling
 * capacity (Holling's type II response): a force hunting a larger group does not kill more
 * people a day, so mass repression's toll follows the force and the time, not the group's size.
 */
export function forceHazardToday(p: Params, w: World, drive: number, selective: number): number {
  const perPerson = Math.min(1, p.forceKillRate * drive);
  if (perPerson === 0) return 0;
  const capacity = (p.forceKillCapacity * drive) / p.peoplePerAgent;
  // No one to count when even the whole targeted group at the rate per person is within capacity.
  if (perPerson * w.targets <= capacity) return perPerson;
  const exposed = huntedExposed(w, selective, unresistingHunted(p));
  if (exposed === 0) return perPerson;
  return Math.min(perPerson, capacity / exposed);
}

/**
 * Roadblocks manned today (ODD 7.15): the authorities order barriers once they mobilise, so their
 * density per perpetrator is roadblocks x orders (Des Forges 1999: barriers set up and manned on
 * the orders of prefects, bourgmestres and cell leaders); and only where the aim is to destroy the
 * group, since killers who mean to expel it let it go and a coercion has what it wants when its
 * opponents leave.
 */
export function roadblocksManned(p: Params, mobilising: boolean): number {
  return mobilising && p.perpetratorAim === 'destroy' ? p.roadblocks * p.orders : 0;
}

/**
 * Share of the bystanders who can be mobilised (ODD 7.13): the mobilisable share, widened by
 * conscription where the administration compels participation, since where it calls every man out
 * and refusing is dangerous, men join who would not have volunteered (Straus 2006: most Rwandan
 * perpetrators took part under orders from local authorities and pressure from peers; Fujii 2009;
 * Des Forges 1999: men called out for "work" and for the barriers by bourgmestres and cell leaders).
 */
export function mobilisablePool(p: Params): number {
  return Math.min(1, p.mobilisableShare + p.conscription * p.compulsion);
}

/** What the population step reads today (ODD 7.13); after the peacekeeper step (safe areas). */
export function populationInputs(p: Params, w: World, counterMessaging: number, lethality: number): PopulationInputs {
  const rung = w.leadership.rung;
  // Bystanders are called to take part once the leadership orders attacks (rung >= targeted
  // attacks); while it organises, only its own force prepares (Straus 2006: mass mobilisation
  // followed the order to kill).
  const mobilising = rung >= 3;
  const engagement = forceEngagement(p, w);
  const selective = killingReach(p, rung);
  return {
    mobilising,
    reachToday: rung >= 1 ? p.incitementReach : 0,
    incitement: p.incitement,
    resilience: w.resilience,
    orders: mobilising ? p.orders : 0,
    pool: mobilisablePool(p),
    exposureMemory: p.exposureMemory,
    demobilisation: p.demobilisation,
    killPerAttacker: p.killRate * lethality,
    roamReach: p.roamReach,
    roadblocks: roadblocksManned(p, mobilising),
    forceHazard: forceHazardToday(p, w, p.organisedForce * engagement * lethality, selective),
    massacreRate: Math.min(1, p.massacreMultiplier * p.killRate * lethality),
    // Killers who mean to drive the group out deport those they take in a fallen venue
    // (East Timor 1999: deportation to West Timor, A/54/726-S/2000/59).
    fallenDeported: p.perpetratorAim === 'expel',
    selective,
    unresistingHunted: unresistingHunted(p),
    cowing: cowingToday(p),
    fleeRate: p.fleeRate,
    seekRate: p.seekProtectionRate,
    resistChance: p.resistRate * (p.resistBase + p.localPartners) * (1 + counterMessaging),
    shelterEffect: p.shelterEffect,
    bystanderFlee: p.bystanderFlee,
    // Those the attacks single out flee the threat itself once attacks are ordered (ODD 7.15).
    singledOutTerror: rung >= 3 ? p.singledOutTerror : 0,
    // The promise, not the capacity: any declared safe area draws the threatened in.
    safeAreaPull: w.region.safeAreaList.length > 0 ? 1 : 0,
  };
}

/** Today's deaths into the running sums, and the mass-atrocity flag with its onset (ODD 7.16). */
export function recordDeaths(ctx: TickContext, today: number): void {
  const { p, w, tick: t } = ctx;
  w.cumDeaths += today;
  w.cumDeathsByForce += w.tally.deathsByForce;
  if (today > 0) {
    if (w.firstDeathTick < 0) w.firstDeathTick = t;
    w.lastDeathTick = t;
  }
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
  const { p, w } = ctx;
  if (ctx.highRisk) {
    if (ctx.spoke) {
      w.daysSpokenHighRisk++;
      w.legitimacy = clamp01(w.legitimacy + p.legitimacyGain * (1 - w.legitimacy));
    } else {
      w.daysSilentHighRisk++;
      w.legitimacy = clamp01(w.legitimacy - p.legitimacyLossSilent);
    }
  }
  if (today > 0 && !ctx.spoke) w.legitimacy = clamp01(w.legitimacy - p.legitimacyLossKilling);
}

function record(w: World, p: Params, ctx: TickContext, counterMessaging: number, out: Float64Array): void {
  const put = (name: string, v: number) => {
    out[SERIES_INDEX.get(name)!] = v;
  };
  const ta = w.tally;
  const reg = w.region;
  let fallen = 0;
  for (let r = 0; r < reg.count; r++) if (reg.fallen[r] !== STANDING) fallen++;
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
  put('deathsByForce', w.cumDeathsByForce);
  put('perpetrators', ta.joined);
  put('resisting', ta.resisting);
  put('displaced', ta.fled);
  put('displacedTargeted', ta.fledTargeted);
  put('protected', ta.protectedCount);
  put('exposure', ta.othersAlive > 0 ? ta.exposureSum / ta.othersAlive : 0);
  put('rung', w.leadership.rung);
  put('hardliners', w.leadership.hardliners);
  put('motive', w.leadership.motive);
  put('triggerShock', w.leadership.shock);
  put('preparation', w.leadership.prep);
  put('opportunity', opportunity(p, w));
  put('realisedCost', w.realisedCost);
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
  put('resilience', w.resilience);
  put('legitimacy', w.legitimacy);
  put('spokeOut', ctx.spoke ? 1 : 0);
  put('highRisk', ctx.highRisk ? 1 : 0);
  put('daysSpokenHighRisk', w.daysSpokenHighRisk);
  put('daysSilentHighRisk', w.daysSilentHighRisk);
  put('massAtrocity', w.massAtrocityTick >= 0 ? 1 : 0);
  for (let k = 0; k < 14; k++) out[RISK_FACTOR_OFFSET + k] = w.riskFactors[k];
}
