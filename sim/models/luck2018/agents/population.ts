/**
 * The population's rule: every agent, every tick, picks one action from what its group allows.
 * The update is synchronous (all agents read yesterday's states and write today's), so the
 * result does not depend on the order agents are visited in.
 *
 * Bystanders (non-targeted groups): stay passive, join the perpetrators, or resist/shelter.
 *   Granovetter (1978) threshold rule: an agent joins when its pressure
 *     w = joined neighbours / neighbours                  (peer pressure)
 *       + incitement x exposure x (1 - resilience)        (hate media, cut by the lasting stock
 *                                                          that counter-messaging builds)
 *       + orders                                          (orders and coercion by authorities and
 *                                                          the organised force, Straus 2006)
 *   reaches its personal threshold plus today's restraint (counter-messaging's stock, deterrence of
 *   foot soldiers, peacekeepers in its region), discounted by (1 - incitement x exposure):
 *   incitement "lowers the population's thresholds and the cost of violence against the targeted
 *   group". It leaves only when w falls `demobilisation` below that (participation is sticky).
 *   Joining needs a leadership that has ordered attacks (rung >= targeted attacks: mass
 *   mobilisation follows the order to kill, Straus 2006); below it every perpetrator returns to
 *   passive. Only agents inside today's mobilisable pool join or stay (their `willing` draw, set
 *   at start, below `pool`): the mobilisable share, widened by conscription where the
 *   administration compels.
 * Targeted group: is killed with a daily hazard from perpetrator neighbours, from perpetrators
 *   searching its region (roamingKillers), at roadblocks when it flees (roadblocksToday), and
 *   from the organised force (which kills without mass participation, up to its daily capacity,
 *   spread over those it hunts: huntedExposed), if the killing reaches it (under an aim to
 *   coerce, those who resist above all: unresistingHunted):
 *   targeted attacks single out a share of the group (selectiveShare: leaders, activists, men of
 *   fighting age), mass killing reaches everyone; otherwise, when in danger, seeks
 *   protection where protection is promised (perceived, not real, capacity: the safe-area moral
 *   hazard), flees, resists, or stays; under an aim to coerce, a resister may be cowed back to
 *   passive (cowing). Those sheltering in a venue that has fallen are massacred (under an aim to
 *   expel, deported: fallenDeported). The danger it reads is the share of its neighbours who joined,
 *   the news of killing in its region, and, if the killing singles it out, the campaign's own
 *   terror (singledOutTerror: people flee a threat ahead of the killing).
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

// The state codes as module constants: read once here, not through the import binding on every
// agent-day (a transpiled import is a property read; measured ~20% of the step under tsx).
const S_DEAD = DEAD;
const S_FLED = FLED;
const S_JOINED = JOINED;
const S_OTHER = OTHER_GROUP;
const S_PASSIVE = PASSIVE;
const S_PROTECTED = PROTECTED;
const S_RESISTING = RESISTING;

/** Per-tick inputs computed by the model from the collective agents. */
export interface PopulationInputs {
  /** The leadership has ordered attacks (rung >= targeted attacks): bystanders are called to join. */
  mobilising: boolean;
  /** Share of agents the hate media reach today (0 when the leadership does not incite). */
  reachToday: number;
  incitement: number;
  /** The population's resilience to incitement in [0, 1] (a stock built by counter-messaging): cuts the incitement term. */
  resilience: number;
  /** Pressure to join from orders and coercion today (0 unless the leadership organises). */
  orders: number;
  /**
   * Share of the bystanders who can join today (those whose `willing` draw is below it): the
   * mobilisable share, widened by conscription where the administration compels (mobilisablePool
   * in the kernel).
   */
  pool: number;
  exposureMemory: number;
  demobilisation: number;
  /** Daily kill chance per perpetrator neighbour (killRate x lethality of the current rung). */
  killPerAttacker: number;
  /** Targeted people of its region each perpetrator meets a day beyond its ties (roadblocks, search parties). */
  roamReach: number;
  /** People whose flight each perpetrator can stop at roadblocks today (roadblocksManned; 0: flight is never stopped). */
  roadblocks: number;
  /** Daily kill chance from the organised force for a targeted agent it can reach (before protection). */
  forceHazard: number;
  /** Daily kill chance for the sheltered in a venue that has fallen (under an aim to expel, the chance they are driven out). */
  massacreRate: number;
  /** Those taken in a fallen venue are driven out rather than killed (an aim to expel: deportation). */
  fallenDeported: boolean;
  /**
   * Share of the targeted group today's killing reaches (outside fallen venues): those whose
   * selectRank is below it. Targeted attacks single people out (selectiveShare); mass killing
   * reaches everyone (1).
   */
  selective: number;
  fleeRate: number;
  seekRate: number;
  /** Daily chance that a bystander next to violence starts resisting. */
  resistChance: number;
  shelterEffect: number;
  /** Bystanders' flight from violence next to them, as a share of fleeRate. */
  bystanderFlee: number;
  /**
   * Weight with which the killing hunts the people it singles out who do not resist (1; under an
   * aim to coerce, 1 - challengeFocus): those who resist are hunted in full.
   */
  unresistingHunted: number;
  /** Daily chance per unit of danger that a resister of the targeted group is cowed back to passive (0 unless the aim is to coerce). */
  cowing: number;
  /** Danger the people today's killing singles out feel from the campaign itself (0 before attacks are ordered). */
  singledOutTerror: number;
  /** Perceived protection offered by declared safe areas anywhere (0 when none). */
  safeAreaPull: number;
}

/**
 * How many targeted people the organised force can find today, in agents: those alive, not
 * sheltering and not fled whose selectRank is below `selective`, each weighted by its region's
 * want of protection and, if it does not resist, by `unresisting` (as the step's `hunted`). The
 * force's daily capacity is spread over them.
 */
export function huntedExposed(w: World, selective: number, unresisting: number): number {
  const state = w.state;
  const group = w.group;
  const selectRank = w.selectRank;
  const starts = w.regionStart;
  const reg = w.region;
  let sum = 0;
  for (let r = 0; r < reg.count; r++) {
    const unprotected = 1 - reg.protection[r];
    if (unprotected === 0) continue;
    let n = 0;
    for (let i = starts[r], end = starts[r + 1]; i < end; i++) {
      if (group[i] === S_OTHER || selectRank[i] >= selective) continue;
      const s = state[i];
      if (s === S_RESISTING) n++;
      else if (s !== S_DEAD && s !== S_FLED && s !== S_PROTECTED) n += unresisting;
    }
    sum += n * unprotected;
  }
  return sum;
}

/**
 * Roaming killers (ODD 7.15): beyond its ties, each perpetrator searches its region for the
 * targeted (roadblocks, search parties, house-to-house sweeps), meeting `roamReach` of them a day,
 * and kills a hunted person it meets with killPerAttacker. Spread over yesterday's targeted people
 * of the region, each faces min(1, killPer x roamReach x perpetrators / targeted): a killer's pace
 * is bounded by its searches (a handling limit per killer), so the toll follows participation and
 * time, and the last of a region's targeted are found. Reads yesterday's region counts.
 */
export function roamingKillers(w: World, killPer: number, roamReach: number): void {
  const reg = w.region;
  const rate = killPer * roamReach;
  for (let r = 0; r < reg.count; r++) {
    const targets = reg.targetsAlive[r];
    reg.roam[r] = rate > 0 && targets > 0 ? Math.min(1, (rate * reg.joined[r]) / targets) : 0;
  }
}

/**
 * Roadblocks (ODD 7.15): perpetrators man barriers and checkpoints across their region (as many
 * as the authorities order: roadblocksManned in the kernel); a hunted person who tries to flee it
 * is stopped, and killed, with chance
 * blocked_r = min(1, roadblocks x perpetrators_r / people_r) (yesterday's counts: perpetrators,
 * and the targeted and others present). Flight is an escape only where the killers are few.
 */
export function roadblocksToday(w: World, roadblocks: number): void {
  const reg = w.region;
  for (let r = 0; r < reg.count; r++) {
    const people = reg.targetsAlive[r] + reg.others[r];
    reg.blocked[r] = roadblocks > 0 && people > 0 ? Math.min(1, (roadblocks * reg.joined[r]) / people) : 0;
  }
}

const MAX_SHIELD = 64;
const shieldPow = new Float64Array(MAX_SHIELD + 1);

export function populationStep(w: World, inp: PopulationInputs): void {
  const { offsets, nbrs } = w.net;
  const state = w.state;
  const next = w.next;
  const group = w.group;
  const threshold = w.threshold;
  const willing = w.willing;
  const exposure = w.exposure;
  const selectRank = w.selectRank;
  const refuge = w.refuge;
  const u = w.draws;
  const joinedNbrs = w.joinedNbrs;
  const resistNbrs = w.resistNbrs;
  const changed = w.changed;
  let nChanged = 0;
  const reg = w.region;
  const starts = w.regionStart;
  const t = w.tally;
  t.joined = t.resisting = t.fled = t.fledTargeted = t.protectedCount = t.deathsToday = t.deathsByForce = 0;
  t.exposureSum = t.othersAlive = 0;
  roamingKillers(w, inp.killPerAttacker, inp.roamReach);
  roadblocksToday(w, inp.roadblocks);
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
  const push = inc * (1 - inp.resilience);
  const orders = inp.orders;
  const pool = inp.pool;
  const forceHazard = inp.forceHazard;
  const mobilising = inp.mobilising;
  const demob = inp.demobilisation;
  const killPer = inp.killPerAttacker;
  const selective = inp.selective;
  const singledOutTerror = inp.singledOutTerror;
  const unresistingHunted = inp.unresistingHunted;
  const cowing = inp.cowing;
  const resistChance = inp.resistChance;
  // Bystanders flee violence far less readily than those it targets.
  const bystanderFlee = inp.bystanderFlee * inp.fleeRate;
  const safeList = reg.safeAreaList;
  const nSafe = safeList.length;

  for (let r = 0; r < reg.count; r++) {
    const restraint = reg.restraint[r];
    const unprotected = 1 - reg.protection[r];
    const regionDanger = reg.danger[r];
    const roam = reg.roam[r];
    const blocked = reg.blocked[r];
    const localVenue = reg.base[r] === 1 && reg.fallen[r] === 0;
    // Where protection is promised locally (peacekeepers) or by a declared safe area elsewhere.
    const pull = localVenue ? Math.max(0.5 + 0.5 * (1 - unprotected), inp.safeAreaPull) : inp.safeAreaPull;
    const seekBase = inp.seekRate * pull;
    const fleeBase = inp.fleeRate;
    let rJoined = 0;
    let rOthers = 0;
    let rTargets = 0;
    let rDeaths = 0;
    let rForce = 0;
    const end = starts[r + 1];
    for (let i = starts[r]; i < end; i++) {
      const s = state[i];
      // Killed and fled are absorbing within a run.
      if (s === S_DEAD || s === S_FLED) {
        next[i] = s;
        if (s === S_FLED) {
          t.fled++;
          if (group[i] !== S_OTHER) t.fledTargeted++;
        }
        continue;
      }
      const u1 = u[2 * i];
      const u2 = u[2 * i + 1];
      if (group[i] === S_OTHER) {
        // Exposure to hate media builds and fades with memory `mem`.
        const x = keep * exposure[i] + (u1 < reach ? mem : 0);
        exposure[i] = x;
        const joinedN = joinedNbrs[i];
        const deg = offsets[i + 1] - offsets[i];
        const pressure = (deg > 0 ? joinedN / deg : 0) + push * x + orders;
        // Incitement also cheapens violence: it discounts the restraint an exposed agent feels.
        const bar = threshold[i] + restraint * (1 - inc * x);
        // Only the mobilisable pool can join, or stay: a conscript serves while compelled.
        const callable = mobilising && willing[i] < pool;
        let ns = S_PASSIVE;
        if (s === S_JOINED) {
          // Sticky participation: stay while pressure holds within `demob` of the bar.
          if (callable && pressure >= bar - demob) ns = S_JOINED;
        } else if (callable && pressure >= bar) {
          ns = S_JOINED;
        } else if (joinedN > 0) {
          // Next to violence: resist or shelter others, or (rarely) flee it.
          if (s === S_RESISTING || u2 < resistChance) ns = S_RESISTING;
          else if (u2 < resistChance + bystanderFlee * (joinedN / deg)) ns = S_FLED;
        }
        next[i] = ns;
        if (ns !== s) changed[nChanged++] = i;
        // Those who fled today are gone: not counted among the bystanders present.
        if (ns !== S_FLED) {
          rOthers++;
          t.exposureSum += x;
        }
        if (ns === S_JOINED) rJoined++;
        else if (ns === S_RESISTING) t.resisting++;
        else if (ns === S_FLED) t.fled++;
      } else {
        // Targeted group.
        if (s === S_PROTECTED) {
          const v = refuge[i];
          // In a fallen venue the sheltered are massacred, by the organised force where the venue
          // fell to it; under an aim to expel they are deported instead (ODD 7.15).
          if (reg.fallen[v] !== 0 && u1 < inp.massacreRate) {
            if (inp.fallenDeported) {
              next[i] = S_FLED;
              t.fled++;
              t.fledTargeted++;
            } else {
              next[i] = S_DEAD;
              rDeaths++;
              rForce += reg.fallenToForce[v];
            }
          } else {
            next[i] = S_PROTECTED;
            reg.sheltered[v]++;
            t.protectedCount++;
            rTargets++;
          }
          continue;
        }
        const joinedN = joinedNbrs[i];
        const resistN = resistNbrs[i];
        // Daily hazard: the organised force, each perpetrator neighbour and the region's roaming
        // killers (resisters shelter from both); peacekeepers protect from all. One draw decides,
        // force first.
        // Only those the attacks single out are hunted (all of them under mass killing); under an
        // aim to coerce, those who resist most of all (repression answers the challenge).
        const singled = selectRank[i] < selective ? unprotected : 0;
        const hunted = s === S_RESISTING ? singled : singled * unresistingHunted;
        const byForce = forceHazard * hunted;
        const hazard = byForce + (killPer * joinedN + roam) * shieldPow[resistN > MAX_SHIELD ? MAX_SHIELD : resistN] * hunted;
        if (u1 < hazard) {
          next[i] = S_DEAD;
          changed[nChanged++] = i;
          rDeaths++;
          if (u1 < byForce) rForce++;
          continue;
        }
        rTargets++;
        const deg = offsets[i + 1] - offsets[i];
        // Danger seen: attackers next door, news of killing nearby, and, for those the campaign
        // singles out, the campaign's threat itself (lists, raids, those like them taken).
        const danger = (deg > 0 ? joinedN / deg : 0) + regionDanger + singledOutTerror * singled;
        let ns = s;
        if (danger > 0) {
          const pSeek = seekBase * danger;
          if (u2 < pSeek) {
            ns = S_PROTECTED;
            // Shelter locally at a peacekeeper base, else in a declared safe area.
            refuge[i] = localVenue ? r : nSafe > 0 ? safeList[i % nSafe] : r;
          } else if (u2 < pSeek + fleeBase * danger) {
            // A flight is stopped at a roadblock with chance blocked x hunted: where u2 falls
            // within the flight band (uniform given flight) decides, so no further draw is needed.
            if ((u2 - pSeek) < fleeBase * danger * blocked * hunted) {
              next[i] = S_DEAD;
              changed[nChanged++] = i;
              rDeaths++;
              rTargets--;
              continue;
            }
            ns = S_FLED;
          } else if (u2 < pSeek + fleeBase * danger + resistChance) {
            ns = S_RESISTING;
          } else if (s === S_RESISTING && u2 >= 1 - cowing * danger) {
            // Cowed (Lichbach 1987): under coercion, repression deters the challenge it answers.
            // The top of u2's range, below the other bands in priority, so no draw is added.
            ns = S_PASSIVE;
          }
        }
        next[i] = ns;
        if (ns !== s) changed[nChanged++] = i;
        if (ns === S_RESISTING) t.resisting++;
        if (ns === S_PROTECTED) {
          reg.sheltered[refuge[i]]++;
          t.protectedCount++;
        } else if (ns === S_FLED) {
          t.fled++;
          t.fledTargeted++;
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
    t.deathsByForce += rForce;
  }
  // Keep neighbour counts current: only agents that changed state touch their neighbours.
  for (let c = 0; c < nChanged; c++) {
    const i = changed[c];
    const before = state[i];
    const after = next[i];
    const dj = (after === S_JOINED ? 1 : 0) - (before === S_JOINED ? 1 : 0);
    const dr = (after === S_RESISTING ? 1 : 0) - (before === S_RESISTING ? 1 : 0);
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
