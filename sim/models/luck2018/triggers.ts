/**
 * Trigger events: the documented events that set a case's clock (Luck 2018, Implications: mass
 * atrocities flow "from a series of destructive choices over time"; the choices answer events).
 * A scenario places each event on its day (the `timeline` parameters, -1 for none). On that day
 * the event changes what the leadership weighs (motive), what its forces can reach
 * (opportunity) or the state it works in; it decides nothing by itself: the leadership's own
 * rule (leadership.ts) and the population's decide what follows. Every event but an agreement
 * or an outside force's arrival also opens a crisis (crisis = 1, fading with crisisHalfLife): the political upheaval that gives
 * the killing rungs their opportunity (Harff 2003).
 *
 *   every day     shock *= 2^(-1 / shockHalfLife); crisis *= 2^(-1 / crisisHalfLife);
 *                 offensive *= 2^(-1 / offensiveHalfLife)
 *   election      shock += shockElection                            (power is decided)
 *   leader killed hardliners += leaderKilledHardening (1 - h); shock += shockLeaderKilled
 *   coup          weaknessAdded += coupWeakening; shock += shockCoup
 *   uprising      shock += shockUprising                            (survival threatened);
 *                 from now on a challenge coercion answers (uprisingChallenge, kernel.ts)
 *   offensive     offensive = 1: the organised force fully engaged, fading back to its base
 *                 engagement with offensiveHalfLife (a campaign ends); shock += shockOffensive
 *   town falls    today the organised force assaults every venue (peacekeepers.ts decides
 *                 whether each falls); offensive = 1
 *   clash         shock += shockClash                               (first street violence)
 *   leadership change  hardliners = hardlinersAfterChange; planning starts afresh (prep = 0)
 *   outside force arrives  a non-UN protective force is on the ground (peacekeepers.ts, deterrence.ts)
 *   agreement     the settlement is signed (settlement = 1)
 *
 * Violence on both sides (reprisals), every day: the targeted side strikes back in proportion to
 * the killing it suffered yesterday, and its strikes return to the leadership as a shock:
 *   shock += reprisals x reprisalShock x min(1, yesterday's deaths / targeted / reprisalSaturation)
 * A consented UN deployment (peacekeepersFromDay) is not an event: peacekeepers.ts counts its
 * coverage from that day, and it opens no crisis.
 */
import type { TickContext } from './context';
import { exp } from '../../engine/portable-math';
import type { Params } from './params';
import { clamp01, type World } from './world';

const LN2 = 0.6931471805599453;

/** Daily persistence of a trigger's added motive, for a half-life in days. */
export function shockPersistence(halfLife: number): number {
  return exp(-LN2 / halfLife);
}

/**
 * Share of the organised force brought to bear on the targeted population: all of it at an
 * offensive's height, back towards the base as its push fades; and, where the aim is to coerce or
 * to expel, only the share such an aim needs (coerciveEngagement: killing to make an example, not
 * to destroy; Valentino 2004, Kalyvas 2006).
 */
export function forceEngagement(p: Params, w: World): number {
  const aim = p.perpetratorAim === 'destroy' ? 1 : p.coerciveEngagement;
  return aim * (p.forceEngagementBase + (1 - p.forceEngagementBase) * w.offensive);
}

export function triggersStep(ctx: TickContext): void {
  const { p, w, tick: t } = ctx;
  const L = w.leadership;
  L.shock *= shockPersistence(p.shockHalfLife);
  w.crisis *= shockPersistence(p.crisisHalfLife);
  w.offensive *= shockPersistence(p.offensiveHalfLife);
  w.assault = false;
  let upheaval = false; // every event but an agreement or an outside force's arrival opens a crisis
  if (t === p.electionDay) {
    L.shock += p.shockElection;
    ctx.log('trigger', 'election');
    upheaval = true;
  }
  if (t === p.leaderKilledDay) {
    L.hardliners = clamp01(L.hardliners + p.leaderKilledHardening * (1 - L.hardliners));
    L.shock += p.shockLeaderKilled;
    ctx.log('trigger', 'leader-killed');
    upheaval = true;
  }
  if (t === p.coupDay) {
    w.weaknessAdded = clamp01(w.weaknessAdded + p.coupWeakening);
    L.shock += p.shockCoup;
    ctx.log('trigger', 'coup');
    upheaval = true;
  }
  if (t === p.uprisingDay) {
    L.shock += p.shockUprising;
    w.uprisen = true;
    ctx.log('trigger', 'uprising');
    upheaval = true;
  }
  if (t === p.offensiveDay) {
    w.offensive = 1;
    L.shock += p.shockOffensive;
    ctx.log('trigger', 'offensive');
    upheaval = true;
  }
  if (t === p.townFallsDay) {
    w.assault = true;
    w.offensive = 1;
    ctx.log('trigger', 'town-assault');
    upheaval = true;
  }
  if (t === p.clashDay) {
    L.shock += p.shockClash;
    ctx.log('trigger', 'clash');
    upheaval = true;
  }
  if (t === p.leadershipChangeDay) {
    L.hardliners = p.hardlinersAfterChange;
    L.prep = 0;
    ctx.log('trigger', 'leadership-change');
    upheaval = true;
  }
  if (t === p.outsideForceDay) {
    w.outsideOnGround = true;
    ctx.log('trigger', 'outside-force-arrives');
  }
  // Upheaval is the killing rungs' opportunity (Harff 2003).
  if (upheaval) w.crisis = 1;
  // Violence on both sides: yesterday's killing provokes reprisals that harden the leadership.
  if (p.reprisals > 0 && w.targets > 0) {
    L.shock += p.reprisals * p.reprisalShock * Math.min(1, w.tally.deathsToday / w.targets / p.reprisalSaturation);
  }
  if (t === p.agreementDay && !w.settled) {
    w.settlement = 1;
    w.settled = true;
    ctx.log('trigger', 'agreement-signed');
  }
}
