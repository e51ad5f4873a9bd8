/**
 * Trigger events: the documented events that set a case's clock (Luck 2018, Implications: mass
 * atrocities flow "from a series of destructive choices over time"; the choices answer events).
 * A scenario places each event on its day (the `timeline` parameters, -1 for none). On that day
 * the event changes what the leadership weighs (motive), what its forces can reach
 * (opportunity) or the state it works in; it decides nothing by itself: the leadership's own
 * rule (leadership.ts) and the population's decide what follows. Every event but an agreement
 * also opens a crisis (crisis = 1, fading with crisisHalfLife): the political upheaval that gives
 * the killing rungs their opportunity (Harff 2003).
 *
 *   every day     shock *= 2^(-1 / shockHalfLife); crisis *= 2^(-1 / crisisHalfLife)
 *   election      shock += shockElection                            (power is decided)
 *   leader killed hardliners += leaderKilledHardening (1 - h); shock += shockLeaderKilled
 *   coup          weaknessAdded += coupWeakening; shock += shockCoup
 *   uprising      shock += shockUprising                            (survival threatened)
 *   offensive     the organised force is fully engaged from now on; shock += shockOffensive
 *   town falls    today the organised force assaults every venue (peacekeepers.ts decides
 *                 whether each falls); fully engaged from now on
 *   clash         shock += shockClash                               (first street violence)
 *   agreement     the settlement is signed (settlement = 1)
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

/** Share of the organised force brought to bear on the targeted population: all of it after an offensive. */
export function forceEngagement(p: Params, w: World): number {
  return w.offensive ? 1 : p.forceEngagementBase;
}

export function triggersStep(ctx: TickContext): void {
  const { p, w, tick: t } = ctx;
  const L = w.leadership;
  L.shock *= shockPersistence(p.shockHalfLife);
  w.crisis *= shockPersistence(p.crisisHalfLife);
  w.assault = false;
  const before = w.events.length;
  if (t === p.electionDay) {
    L.shock += p.shockElection;
    ctx.log('trigger', 'election');
  }
  if (t === p.leaderKilledDay) {
    L.hardliners = clamp01(L.hardliners + p.leaderKilledHardening * (1 - L.hardliners));
    L.shock += p.shockLeaderKilled;
    ctx.log('trigger', 'leader-killed');
  }
  if (t === p.coupDay) {
    w.weaknessAdded = clamp01(w.weaknessAdded + p.coupWeakening);
    L.shock += p.shockCoup;
    ctx.log('trigger', 'coup');
  }
  if (t === p.uprisingDay) {
    L.shock += p.shockUprising;
    ctx.log('trigger', 'uprising');
  }
  if (t === p.offensiveDay) {
    w.offensive = true;
    L.shock += p.shockOffensive;
    ctx.log('trigger', 'offensive');
  }
  if (t === p.townFallsDay) {
    w.assault = true;
    w.offensive = true;
    ctx.log('trigger', 'town-assault');
  }
  if (t === p.clashDay) {
    L.shock += p.shockClash;
    ctx.log('trigger', 'clash');
  }
  // Any event but an agreement opens a crisis: upheaval is the killing rungs' opportunity.
  if (w.events.length > before) w.crisis = 1;
  if (t === p.agreementDay && !w.settled) {
    w.settlement = 1;
    w.settled = true;
    ctx.log('trigger', 'agreement-signed');
  }
}
