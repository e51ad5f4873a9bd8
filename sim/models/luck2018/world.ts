/**
 * The state of one run: the population in typed arrays (struct of arrays, one byte of state per
 * agent), and the few collective agents (leadership, mediators, UN organs) as small records.
 * Everything the model reads or writes between ticks lives here, so a run is (params, seed) in,
 * World out, and nothing else.
 */
import { smallWorld, type Network } from './network';
import type { Params } from './params';
import { STREAM } from './streams';
import { normal, type Streams } from '../../engine/streams';

/** Population agent states (one byte each). */
export const PASSIVE = 0;
/** Joined the perpetrators (only members of the non-targeted groups join). */
export const JOINED = 1;
/** Resisting or sheltering others. */
export const RESISTING = 2;
/** Fled: displaced out of reach. */
export const FLED = 3;
/** Under protection, at a peacekeeper base or in a declared safe area. */
export const PROTECTED = 4;
/** Killed (targeted group only). */
export const DEAD = 5;

/** A venue's `fallen` state: standing, overrun by the mobilised population, or taken by the organised force. */
export const STANDING = 0;
export const OVERRUN = 1;
export const TAKEN = 2;

export const OTHER_GROUP = 0;
export const TARGET_GROUP = 1;

/** The leadership's ladder (after Stanton's stages, collapsed to five choices). */
export const RUNGS = ['latent', 'incitement', 'organising', 'targeted-attacks', 'mass-killing'] as const;
export const TOP_RUNG = RUNGS.length - 1;

export const FRAMES = ['conflict', 'humanitarian', 'atrocity'] as const;
export type Frame = (typeof FRAMES)[number];

export const SECRETARIAT_ACTIONS = ['silent', 'quiet-diplomacy', 'public-message', 'article-99-briefing'] as const;
export type SecretariatAction = (typeof SECRETARIAT_ACTIONS)[number];

export const MEDIATOR_ACTIONS = ['step-back', 'engage-quietly', 'carry-warning', 'name-publicly'] as const;
export type MediatorAction = (typeof MEDIATOR_ACTIONS)[number];

/** The Security Council's measures, in the order a strict last-resort doctrine takes them. */
export const COUNCIL_MEASURES = [
  'none',
  'statement',
  'sanctions-arms-embargo',
  'icc-referral',
  'protection-mandate',
  'preventive-deployment',
  'authorise-force',
] as const;
export type CouncilMeasure = (typeof COUNCIL_MEASURES)[number];
export const FORCE_LEVEL = COUNCIL_MEASURES.length - 1;

export const ASSEMBLY_STEPS = ['investigative-mechanism', 'referral-to-council', 'consent-deployment'] as const;

export interface SimEvent {
  readonly tick: number;
  readonly actor: string;
  readonly action: string;
  readonly detail?: string;
}

export interface Leadership {
  rung: number;
  /** Day the leadership reached its current rung. */
  rungSince: number;
  /** Preparation made for the next rung (motive x days), towards planningEffort. */
  prep: number;
  /** Motive added by trigger events, decaying with shockHalfLife. */
  shock: number;
  /** Weight of hardliners against moderates, in [0, 1]. */
  hardliners: number;
  /** Last computed motive and expected cost of full escalation (observables). */
  motive: number;
  cost: number;
}

export interface Mediator {
  access: number;
  action: MediatorAction;
}

export interface Secretariat {
  frame: Frame;
  action: SecretariatAction;
  signal: number;
  lastBriefing: number;
}

export interface Council {
  /** Each member's offset from councilWillingness (drawn at set-up); members 0-4 are permanent. */
  readonly dispositionOffset: Float64Array;
  /** Highest measure adopted so far (index into COUNCIL_MEASURES). */
  level: number;
  lastAdopted: number;
  lastConsidered: number;
  lastVeto: number;
  vetoes: number;
  /** Risk as the Council perceives it, from briefings and what it can see. */
  perceivedRisk: number;
  briefing: number;
  /** Tick at which an authorised force arrives; -1 if none authorised. */
  forceArrives: number;
  adopted: number[];
}

export interface World {
  readonly n: number;
  readonly net: Network;
  readonly group: Uint8Array;
  state: Uint8Array;
  next: Uint8Array;
  readonly threshold: Float32Array;
  /**
   * Each agent's draw against the mobilisable share, in [0, 1): a bystander can join only while it
   * is below today's pool (mobilisableShare, widened by conscription where the administration compels; ODD 7.13, 7.15).
   */
  readonly willing: Float64Array;
  /** Neighbours of each agent that are JOINED / RESISTING as of yesterday (kept incrementally). */
  readonly joinedNbrs: Uint16Array;
  readonly resistNbrs: Uint16Array;
  /** Agents whose state changed in the last population step (scratch, length n). */
  readonly changed: Int32Array;
  readonly exposure: Float32Array;
  /**
   * Each agent's place in the order in which targeted attacks single people out, in [0, 1): the
   * fractional part of i x 0.618... (the golden ratio's inverse), so any first share is spread
   * evenly over the agents and regions, with no random draw. Killing on the targeted-attacks rung
   * reaches the agents below selectiveShare; mass killing reaches all (ODD 7.15).
   */
  readonly selectRank: Float32Array;
  /** For protected agents: the region of the venue (base or safe area) sheltering them. */
  readonly refuge: Uint16Array;
  /** Daily uniforms, two per agent, refilled from the population stream each tick. */
  readonly draws: Float64Array;
  readonly regionStart: Int32Array;
  readonly targets: number;
  /** Per-region, per-tick scratch and venue state. */
  readonly region: RegionState;
  leadership: Leadership;
  mediators: Mediator[];
  secretariat: Secretariat;
  council: Council;
  /** Collective quantities carried from tick to tick. */
  legitimacy: number;
  voice: number;
  warnings: number;
  councilSignal: number;
  /** Pressure on the Council from Assembly referrals and inquiry reports. */
  referral: number;
  forceOnGround: boolean;
  /** A non-UN protective force (outsideForceDay) is on the ground. */
  outsideOnGround: boolean;
  realisedCost: number;
  armsFactor: number;
  settlement: number;
  settled: boolean;
  /** Peacekeeper coverage added by the organs' deployments, on top of peacekeeperCoverage. */
  deployed: number;
  /** Coverage in force this tick (derived in peacekeepers.ts). */
  coverage: number;
  /** A robust mandate given by the Council. */
  robust: boolean;
  /** Multiplier on stateWeakness from the PBC's structural work (starts at 1). */
  weaknessFactor: number;
  /** Weakness of state structures added by trigger events (a coup), on top of the parameter. */
  weaknessAdded: number;
  /** Upheaval opened by trigger events, in [0, 1] (fading): an opportunity for the killing rungs. */
  crisis: number;
  /** The push of an offensive, in [0, 1]: 1 on its day, fading with offensiveHalfLife (0: none). */
  offensive: number;
  /** A popular uprising has begun (its day has come): from then on it is a challenge coercion answers (ODD 7.13). */
  uprisen: boolean;
  /** A town or enclave is under assault today (its venues face the organised force at full strength). */
  assault: boolean;
  /** The population's resilience to incitement, built by counter-messaging (a lasting stock in [0, 1]). */
  resilience: number;
  /** Deaths by the organised force (cumulative) and the first and last day anyone was killed (-1: none). */
  cumDeathsByForce: number;
  firstDeathTick: number;
  lastDeathTick: number;
  /** The framing lens in force last tick, to notice a scheduled change of lens. */
  lens: Frame;
  assemblyStep: number;
  assemblyLast: number;
  inquiryOpened: number;
  inquiryReported: boolean;
  pbcEngaged: boolean;
  /** Population tallies from the last population step. */
  tally: Tally;
  deathsByTick: number[];
  cumDeaths: number;
  /** Deaths over the last RECENT_DAYS ticks and over the atrocity window (running sums). */
  recentDeaths: number;
  windowDeaths: number;
  /** Scratch for the 14 risk factors of a tick. */
  riskFactors: Float64Array;
  massAtrocityTick: number;
  onsetTick: number;
  daysSpokenHighRisk: number;
  daysSilentHighRisk: number;
  readonly events: SimEvent[];
  // ---- organs' own state (un/*.ts, agents/mediators.ts): add new organ fields below ----------
  /** A Council meeting called (Provisional Rules, rule 3) by an Article 99 briefing or an Assembly referral: the day, -1 none. */
  councilCalled: number;
  /** The resolution the Council is drafting (index into COUNCIL_MEASURES, 0: none) and the day its draft was opened. */
  draftLevel: number;
  draftSince: number;
  /** The Council's perceived risk when it last adopted a measure (a measure is failing once risk rises past it). */
  adoptedRisk: number;
  /** Consent-based deployments requested and not yet on the ground: arrives -1 until the host consents. */
  deployments: { readonly what: string; readonly share: number; nextAsk: number; arrives: number }[];
  /** Day a special session of the Human Rights Council was requested (first killing or high risk), -1 none. */
  hrcRequested: number;
  // ---- end of organs' own state ------------------------------------------------------------
}

export interface RegionState {
  readonly count: number;
  readonly covered: Uint8Array;
  /** 1 where a UN presence has a base the threatened can shelter at (a venue, with the safe areas); a non-UN force covers without one. */
  readonly base: Uint8Array;
  /** Order in which regions are covered as coverage grows (rank 0 first): nested and spread out. */
  readonly coverageRank: Int32Array;
  readonly safeArea: Uint8Array;
  readonly fallen: Uint8Array;
  /** 1 where a fallen venue fell to the organised force (taken, or overrun by an attack mostly its own): its massacre is the force's. */
  readonly fallenToForce: Uint8Array;
  readonly protection: Float64Array;
  readonly restraint: Float64Array;
  readonly defence: Float64Array;
  readonly danger: Float64Array;
  /** Today's kill chance from perpetrators searching the region (roaming killers), per hunted person. */
  readonly roam: Float64Array;
  /** Today's chance that a hunted person's flight from the region is stopped at a roadblock. */
  readonly blocked: Float64Array;
  readonly joined: Int32Array;
  readonly others: Int32Array;
  readonly targetsAlive: Int32Array;
  readonly deaths: Int32Array;
  readonly sheltered: Int32Array;
  readonly safeAreaList: number[];
}

export interface Tally {
  joined: number;
  /** Of deathsToday, those killed by the organised force. */
  deathsByForce: number;
  resisting: number;
  /** Fled, both groups; of them, the targeted group's. */
  fled: number;
  fledTargeted: number;
  protectedCount: number;
  deathsToday: number;
  exposureSum: number;
  othersAlive: number;
}

export function emptyTally(): Tally {
  return { joined: 0, deathsByForce: 0, resisting: 0, fled: 0, fledTargeted: 0, protectedCount: 0, deathsToday: 0, exposureSum: 0, othersAlive: 0 };
}

/** The order in which targeted attacks single agents out: frac(i x golden ratio inverse). */
export function selectRanks(n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const x = i * 0.6180339887498949;
    out[i] = x - Math.floor(x);
  }
  return out;
}

export function createWorld(p: Params, streams: Streams): World {
  const n = p.agents;
  const net = smallWorld(n, p.networkDegree, p.rewiring, streams.at(STREAM.network, -1));
  const group = new Uint8Array(n);
  const threshold = new Float32Array(n);
  const willing = new Float64Array(n);
  const traits = streams.at(STREAM.traits, -1);
  let targets = 0;
  for (let i = 0; i < n; i++) {
    const isTarget = traits() < p.targetShare;
    group[i] = isTarget ? TARGET_GROUP : OTHER_GROUP;
    if (isTarget) targets++;
    const th = p.thresholdMean + p.thresholdSd * normal(traits);
    // Outside today's mobilisable pool (children, the old, the unwilling unless conscripted) an
    // agent never joins: the population step compares this draw with the pool.
    willing[i] = traits();
    threshold[i] = th < 0 ? 0 : th > 1 ? 1 : th;
  }
  const R = Math.min(p.regions, n);
  const regionStart = new Int32Array(R + 1);
  for (let r = 0; r <= R; r++) regionStart[r] = Math.floor((r * n) / R);
  const region: RegionState = {
    count: R,
    covered: new Uint8Array(R),
    base: new Uint8Array(R),
    coverageRank: coverageRanks(R),
    safeArea: new Uint8Array(R),
    fallen: new Uint8Array(R),
    fallenToForce: new Uint8Array(R),
    protection: new Float64Array(R),
    restraint: new Float64Array(R),
    defence: new Float64Array(R),
    danger: new Float64Array(R),
    roam: new Float64Array(R),
    blocked: new Float64Array(R),
    joined: new Int32Array(R),
    others: new Int32Array(R),
    targetsAlive: new Int32Array(R),
    deaths: new Int32Array(R),
    sheltered: new Int32Array(R),
    safeAreaList: [],
  };
  const councilDraw = streams.at(STREAM.council, -1);
  const dispositionOffset = new Float64Array(15);
  for (let m = 0; m < 15; m++) dispositionOffset[m] = p.memberSpread * (councilDraw() - 0.5);

  return {
    n,
    net,
    group,
    state: new Uint8Array(n),
    next: new Uint8Array(n),
    threshold,
    willing,
    joinedNbrs: new Uint16Array(n),
    resistNbrs: new Uint16Array(n),
    changed: new Int32Array(n),
    exposure: new Float32Array(n),
    selectRank: selectRanks(n),
    refuge: new Uint16Array(n),
    draws: new Float64Array(2 * n),
    regionStart,
    targets,
    region,
    leadership: { rung: 0, rungSince: 0, prep: 0, shock: 0, hardliners: p.hardliners, motive: 0, cost: 0 },
    // Access is a share (0-1): strict impartiality cannot buy more than full access.
    mediators: Array.from({ length: p.mediators }, () => ({ access: clamp01(p.accessStart + p.accessImpartiality * p.impartiality), action: 'step-back' as MediatorAction })),
    secretariat: { frame: p.framingLens as Frame, action: 'silent', signal: 0, lastBriefing: -Infinity },
    council: {
      dispositionOffset,
      level: 0,
      lastAdopted: -Infinity,
      lastConsidered: -Infinity,
      lastVeto: -Infinity,
      vetoes: 0,
      perceivedRisk: 0,
      briefing: 0,
      forceArrives: -1,
      adopted: [],
    },
    legitimacy: p.legitimacy,
    voice: 0,
    warnings: 0,
    councilSignal: 0,
    referral: 0,
    forceOnGround: false,
    outsideOnGround: false,
    realisedCost: 0,
    armsFactor: 1,
    settlement: 0,
    settled: false,
    deployed: 0,
    coverage: p.peacekeeperCoverage,
    robust: false,
    weaknessFactor: 1,
    weaknessAdded: 0,
    crisis: 0,
    offensive: 0,
    uprisen: false,
    assault: false,
    resilience: 0,
    cumDeathsByForce: 0,
    firstDeathTick: -1,
    lastDeathTick: -1,
    lens: p.framingLens as Frame,
    assemblyStep: 0,
    assemblyLast: -Infinity,
    inquiryOpened: -1,
    inquiryReported: false,
    pbcEngaged: false,
    tally: emptyTally(),
    deathsByTick: [],
    cumDeaths: 0,
    recentDeaths: 0,
    windowDeaths: 0,
    riskFactors: new Float64Array(14),
    massAtrocityTick: -1,
    onsetTick: -1,
    daysSpokenHighRisk: 0,
    daysSilentHighRisk: 0,
    events: [],
    // ---- organs' own state: initial values below ----
    councilCalled: -1,
    draftLevel: 0,
    draftSince: -1,
    adoptedRisk: 0,
    deployments: [],
    hrcRequested: -1,
    // ---- end of organs' own state ----
  };
}

/**
 * Ranks of the regions in the order peacekeepers cover them: by the fractional part of r times
 * the golden ratio's inverse, so that any first k regions are spread over the network and a
 * larger coverage covers a superset of a smaller one (deployments add regions, never move them).
 */
export function coverageRanks(R: number): Int32Array {
  const key = (r: number) => {
    const x = r * 0.6180339887498949;
    return x - Math.floor(x);
  };
  const order = Array.from({ length: R }, (_, r) => r).sort((a, b) => key(a) - key(b) || a - b);
  const rank = new Int32Array(R);
  order.forEach((r, k) => (rank[r] = k));
  return rank;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Weakness of state structures in force: the parameter, lowered by the PBC's work. */
export function stateWeakness(p: Params, w: World): number {
  return Math.min(1, p.stateWeakness + w.weaknessAdded) * w.weaknessFactor;
}
