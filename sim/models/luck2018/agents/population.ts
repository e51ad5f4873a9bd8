/**
 * The population's rule: every agent, every tick, picks one action from what its group allows.
 * The update is synchronous (all agents read yesterday's states and write today's), so the
 * result does not depend on the order agents are visited in.
 *
 * Bystanders (non-targeted groups): stay passive, join the perpetrators, or resist/shelter.
 *   Granovetter (1978) threshold rule: an agent joins when
 *     w = (joined neighbours / neighbours) + incitement * exposure * (1 - counterMessaging)
 *   reaches its personal threshold plus today's restraint (counter-messaging, deterrence of foot
 *   soldiers, peacekeepers in its region), discounted by (1 - incitement * exposure): incitement
 *   "lowers the population's thresholds and the cost of violence against the targeted group". It leaves only when w falls `demobilisation` below that
 *   (participation is sticky). Joining needs a leadership that organises (rung >= organising).
 * Targeted group: is killed with a daily hazard from perpetrator neighbours; otherwise, when in
 *   danger, seeks protection where protection is promised (perceived, not real, capacity: the
 *   safe-area moral hazard), flees, or stays.
 */
import {
  DEAD,
  FLED,
  JOINED,
  OTHER_GROUP,
  PASSIVE,
  PROTECTED,
  RESISTING,
  type World,
} from '../world';

/** Per-tick inputs computed by the model from the collective agents. */
export interface PopulationInputs {
  /** The leadership organises militias (rung >= organising): joining is possible. */
  organising: boolean;
  /** Share of agents the hate media reach today (0 when the leadership does not incite). */
  reachToday: number;
  incitement: number;
  /** Effective counter-messaging in [0, 1]: cuts the incitement term. */
  counterMessaging: number;
  exposureMemory: number;
  demobilisation: number;
  /** Daily kill chance per perpetrator neighbour (killRate x lethality of the current rung). */
  killPerAttacker: number;
  /** Daily kill chance for the sheltered in a venue that has fallen. */
  massacreRate: number;
  fleeRate: number;
  seekRate: number;
  /** Daily chance that a bystander next to violence starts resisting. */
  resistChance: number;
  shelterEffect: number;
  /** Perceived protection offered by declared safe areas anywhere (0 when none). */
  safeAreaPull: number;
}

const MAX_SHIELD = 64;
const shieldPow = new Float64Array(MAX_SHIELD + 1);

export function populationStep(w: World, inp: PopulationInputs): void {
  const { offsets, nbrs } = w.net;
  const state = w.state;
  const next = w.next;
  const group = w.group;
  const threshold = w.threshold;
  const exposure = w.exposure;
  const refuge = w.refuge;
  const u = w.draws;
  const joinedNbrs = w.joinedNbrs;
  const resistNbrs = w.resistNbrs;
  const changed = w.changed;
  let nChanged = 0;
  const reg = w.region;
  const starts = w.regionStart;
  const t = w.tally;
  t.joined = t.resisting = t.fled = t.protectedCount = t.deathsToday = 0;
  t.exposureSum = t.othersAlive = 0;
  reg.joined.fill(0);
  reg.others.fill(0);
  reg.targetsAlive.fill(0);
  reg.deaths.fill(0);
  reg.sheltered.fill(0);

  shieldPow[0] = 1;
  for (let k = 1; k <= MAX_SHIELD; k++) shieldPow[k] = shieldPow[k - 1] * (1 - inp.shelterEffect);

  const mem = inp.exposureMemory;
  const keep = 1 - mem;
  const reach = inp.reachToday;
  const inc = inp.incitement;
  const push = inc * (1 - inp.counterMessaging);
  const organising = inp.organising;
  const demob = inp.demobilisation;
  const killPer = inp.killPerAttacker;
  const resistChance = inp.resistChance;
  // Bystanders flee violence far less readily than those it targets.
  const bystanderFlee = 0.2 * inp.fleeRate;
  const safeList = reg.safeAreaList;
  const nSafe = safeList.length;

  for (let r = 0; r < reg.count; r++) {
    const restraint = reg.restraint[r];
    const unprotected = 1 - reg.protection[r];
    const regionDanger = reg.danger[r];
    const localVenue = reg.covered[r] === 1 && reg.fallen[r] === 0;
    // Where protection is promised locally (peacekeepers) or by a declared safe area elsewhere.
    const pull = localVenue ? Math.max(0.5 + 0.5 * (1 - unprotected), inp.safeAreaPull) : inp.safeAreaPull;
    const seekBase = inp.seekRate * pull;
    const fleeBase = inp.fleeRate;
    let rJoined = 0;
    let rOthers = 0;
    let rTargets = 0;
    let rDeaths = 0;
    const end = starts[r + 1];
    for (let i = starts[r]; i < end; i++) {
      const s = state[i];
      // Killed and fled are absorbing within a run.
      if (s === DEAD || s === FLED) {
        next[i] = s;
        if (s === FLED) t.fled++;
        continue;
      }
      const u1 = u[2 * i];
      const u2 = u[2 * i + 1];
      if (group[i] === OTHER_GROUP) {
        rOthers++;
        // Exposure to hate media builds and fades with memory `mem`.
        const x = keep * exposure[i] + (u1 < reach ? mem : 0);
        exposure[i] = x;
        t.exposureSum += x;
        const joinedN = joinedNbrs[i];
        const deg = offsets[i + 1] - offsets[i];
        const pressure = (deg > 0 ? joinedN / deg : 0) + push * x;
        // Incitement also cheapens violence: it discounts the restraint an exposed agent feels.
        const bar = threshold[i] + restraint * (1 - inc * x);
        let ns = PASSIVE;
        if (s === JOINED) {
          // Sticky participation: stay while pressure holds within `demob` of the bar.
          if (organising && pressure >= bar - demob) ns = JOINED;
        } else if (organising && pressure >= bar) {
          ns = JOINED;
        } else if (joinedN > 0) {
          // Next to violence: resist or shelter others, or (rarely) flee it.
          if (s === RESISTING || u2 < resistChance) ns = RESISTING;
          else if (u2 < resistChance + bystanderFlee * (joinedN / deg)) ns = FLED;
        }
        next[i] = ns;
        if (ns !== s) changed[nChanged++] = i;
        if (ns === JOINED) rJoined++;
        else if (ns === RESISTING) t.resisting++;
        else if (ns === FLED) t.fled++;
      } else {
        // Targeted group.
        if (s === PROTECTED) {
          const v = refuge[i];
          if (reg.fallen[v] === 1 && u1 < inp.massacreRate) {
            next[i] = DEAD;
            rDeaths++;
          } else {
            next[i] = PROTECTED;
            reg.sheltered[v]++;
            t.protectedCount++;
            rTargets++;
          }
          continue;
        }
        const joinedN = joinedNbrs[i];
        const resistN = resistNbrs[i];
        // Daily hazard: each perpetrator neighbour may kill; resisters shelter; peacekeepers protect.
        const hazard = killPer * joinedN * shieldPow[resistN > MAX_SHIELD ? MAX_SHIELD : resistN] * unprotected;
        if (u1 < hazard) {
          next[i] = DEAD;
          changed[nChanged++] = i;
          rDeaths++;
          continue;
        }
        rTargets++;
        const deg = offsets[i + 1] - offsets[i];
        const danger = (deg > 0 ? joinedN / deg : 0) + regionDanger;
        let ns = s;
        if (danger > 0) {
          const pSeek = seekBase * danger;
          if (u2 < pSeek) {
            ns = PROTECTED;
            // Shelter locally at a peacekeeper base, else in a declared safe area.
            refuge[i] = localVenue ? r : nSafe > 0 ? safeList[i % nSafe] : r;
          } else if (u2 < pSeek + fleeBase * danger) {
            ns = FLED;
          } else if (u2 < pSeek + fleeBase * danger + resistChance) {
            ns = RESISTING;
          }
        }
        next[i] = ns;
        if (ns !== s) changed[nChanged++] = i;
        if (ns === RESISTING) t.resisting++;
        if (ns === PROTECTED) {
          reg.sheltered[refuge[i]]++;
          t.protectedCount++;
        } else if (ns === FLED) {
          t.fled++;
          rTargets--;
        }
      }
    }
    reg.joined[r] = rJoined;
    reg.others[r] = rOthers;
    reg.targetsAlive[r] = rTargets;
    reg.deaths[r] = rDeaths;
    t.joined += rJoined;
    t.othersAlive += rOthers;
    t.deathsToday += rDeaths;
  }
  // Keep neighbour counts current: only agents that changed state touch their neighbours.
  for (let c = 0; c < nChanged; c++) {
    const i = changed[c];
    const before = state[i];
    const after = next[i];
    const dj = (after === JOINED ? 1 : 0) - (before === JOINED ? 1 : 0);
    const dr = (after === RESISTING ? 1 : 0) - (before === RESISTING ? 1 : 0);
    if (dj === 0 && dr === 0) continue;
    for (let k = offsets[i], b = offsets[i + 1]; k < b; k++) {
      const j = nbrs[k];
      joinedNbrs[j] += dj;
      resistNbrs[j] += dr;
    }
  }
  // Swap buffers: today's states become the ones tomorrow reads.
  w.next = state;
  w.state = next;
}
