/**
 * Perpetrator leadership: each tick it climbs one rung of the escalation ladder, holds, or steps
 * down ("Mass atrocities are not spontaneous events. They require some degree of planning and
 * mobilization, flowing from a series of destructive choices over time", Luck 2018, Implications).
 *
 *   base    = stakes + motiveExistentialWeight existential + motiveWeaknessWeight stateWeakness
 *             + motivePriorWeight priorAtrocities
 *   threat  = 1 - settlementInclusion (1 - existential)     share of hardliners a settlement threatens
 *   offer   = (settled ? settlementRelief : mediationOffer) x progress x (1 - threat)
 *   motive  = h base (1 - offer) + spoilerPropensity x progress x h x threat + shock
 *             (progress: the settlement's progress, 1 once signed; shock: trigger events)
 *   net(k)  = motive x opp_k - bar_k - cost x costShare_k - realisedCost   (cost: deterrence.ts)
 *             opp_k = 1 for rungs up to organising; for the killing rungs (targeted attacks, mass
 *             killing) the opportunity: max(armed conflict now, an offensive's fading push, crisis)
 *             (Harff 2003: genocides and politicides follow political upheaval; Straus 2006: war)
 *   prep    = max(0, prep + net(r+1) + noise)                          (planning the next rung)
 *   climb   when prep >= planningEffort and net(r+1) > 0               (only onto a rung it expects to hold)
 *   step down when net(r) < -stepDownMargin                            (only when something changed)
 *
 * There is no fixed dwell: a strong motive prepares a rung in days, a marginal one in months, and
 * trigger events (triggers.ts) move the clock. A run starts on the standing rung: the highest its
 * incentives support before any trigger (standingRung), not on rung 0. The faction balance moves with quiet diplomacy,
 * which splits moderates off a divided regime early on and does little against a united one that
 * sees the struggle as existential (Luck 2018, Shortcomings).
 */
import type { TickContext } from '../context';
import type { Params } from '../params';
import { expectedCost, expectedCostAt } from '../deterrence';
import { STREAM } from '../streams';
import { normal } from '../../../engine/streams';
import { RUNGS, TOP_RUNG, clamp01, stateWeakness, type World } from '../world';

/** Motive rung k needs before costs (k = 1..4; rung 0 needs nothing). */
export function rungBar(p: Params, k: number): number {
  return k === 1 ? p.barIncitement : k === 2 ? p.barOrganising : k === 3 ? p.barTargeted : k === 4 ? p.barMassKilling : 0;
}

/** Share of the full expected cost that standing on rung k risks (mass killing risks all of it). */
export function rungCostShare(p: Params, k: number): number {
  return k === 1 ? p.costShareIncitement : k === 2 ? p.costShareOrganising : k === 3 ? p.costShareTargeted : k === 4 ? 1 : 0;
}

/** Share of the hardliners whom a settlement threatens: the excluded, and the included who see the struggle as existential. */
export function settlementThreat(p: Params): number {
  return 1 - p.settlementInclusion * (1 - p.existentialStakes);
}

/** The leadership's motive (see the header): stakes weighed by the hardliners, offers, spoiling and trigger shocks. */
export function leadershipMotive(p: Params, w: World): number {
  const h = w.leadership.hardliners;
  const base = p.stakes + p.motiveExistentialWeight * p.existentialStakes + p.motiveWeaknessWeight * stateWeakness(p, w) + p.motivePriorWeight * p.priorAtrocities;
  const progress = w.settled ? 1 : w.settlement;
  const threat = settlementThreat(p);
  // Mediation works on those a settlement would include (offers, power sharing) ...
  const offer = (w.settled ? p.settlementRelief : p.mediationOffer) * progress * (1 - threat);
  // ... and tempts those it threatens to spoil it (Luck 2018, Shortcomings; Stedman 1997).
  const spoiler = p.spoilerPropensity * progress * h * threat;
  return h * base * (1 - offer) + spoiler + w.leadership.shock;
}

/**
 * Opportunity for the killing rungs, in [0, 1]: the armed conflict in force (halved by a signed
 * settlement), an offensive's push, or the crisis a trigger event opened, whichever is most.
 */
export function opportunity(p: Params, w: World): number {
  const conflict = Math.max(w.offensive, p.armedConflict * (w.settled ? 0.5 : 1));
  return clamp01(Math.max(conflict, w.crisis));
}

/** Net value of standing on rung k: motive (times the opportunity, for killing rungs) less the rung's bar, its share of the expected cost, and costs already borne. */
export function rungNet(p: Params, w: World, motive: number, cost: number, k: number): number {
  const drive = k >= 3 ? motive * opportunity(p, w) : motive;
  return drive - rungBar(p, k) - cost * rungCostShare(p, k) - w.realisedCost;
}

/**
 * The rung the leadership stands on when the period opens: the highest rung it would hold on its
 * standing incentives, each rung up to it worth holding (net > 0) before any trigger event (no
 * crisis, no offensive, no shock; the opportunity of the killing rungs is the armed conflict in
 * force) and before the UN has done anything (the expected cost of the deterrence in place). A
 * leadership does not start from nothing every period: what it has planned and organised before
 * the profile's first day is where its incentives have already taken it (a spin-up to the
 * incentives' resting point, not a documented feature; ODD 7.11).
 */
export function standingRung(p: Params, w: World): number {
  const motive = leadershipMotive(p, w);
  const cost = expectedCostAt(p, w, false);
  let k = 0;
  while (k < TOP_RUNG && rungNet(p, w, motive, cost, k + 1) > 0) k++;
  return k;
}

export function leadershipStep(ctx: TickContext): void {
  const { p, w, tick } = ctx;
  const L = w.leadership;
  const draw = ctx.streams.at(STREAM.leadership, tick);
  const noise = p.leadershipNoise * normal(draw);

  // Faction balance (hardliners vs moderates).
  const r = L.rung;
  const h = L.hardliners;
  const dh =
    p.existentialHardening * p.existentialStakes * (1 - h) + // existential framing hardens the leadership
    p.mobilisationHardening * ctx.joinedShare * (1 - h) - // a mobilisation that works emboldens hardliners
    p.diplomacySplit * ctx.quietDiplomacy * (1 - p.cohesion) * (1 - r / TOP_RUNG) * (1 - p.existentialStakes) * h - // quiet diplomacy
    p.costSplit * w.realisedCost * (1 - p.cohesion) * h; // costs borne divide the regime
  L.hardliners = clamp01(h + dh);

  const motive = leadershipMotive(p, w);
  const cost = expectedCost(ctx);
  L.motive = motive;
  L.cost = cost;
  if (r < TOP_RUNG) {
    // Planning the next rung: the margin by which it is wanted, summed over days (noisy).
    const want = rungNet(p, w, motive, cost, r + 1);
    L.prep = Math.max(0, L.prep + want + noise);
    // Climb only onto a rung it expects to hold: realised costs count, no noise in the test.
    if (L.prep >= p.planningEffort && want > 0) {
      L.rung = r + 1;
      L.rungSince = tick;
      L.prep = 0;
      ctx.log('leadership', 'climb', RUNGS[r + 1]);
      return;
    }
  }
  // Step down when holding has become a loss (motive fell or costs rose since the climb).
  if (r > 0 && rungNet(p, w, motive, cost, r) < -p.stepDownMargin) {
    L.rung = r - 1;
    L.rungSince = tick;
    L.prep = 0;
    ctx.log('leadership', 'step-down', RUNGS[r - 1]);
  }
}
