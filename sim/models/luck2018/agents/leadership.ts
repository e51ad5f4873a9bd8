/**
 * Perpetrator leadership: each tick it climbs one rung of the escalation ladder, holds, or steps
 * down ("Mass atrocities are not spontaneous events. They require some degree of planning and
 * mobilization, flowing from a series of destructive choices over time", Luck 2018, Implications).
 *
 *   motive  = hardliners * (stakes + 0.5 existential + 0.2 stateWeakness + 0.2 priorAtrocities)
 *             + spoilerPropensity * settlement * hardliners          (spoilers: Rwanda, Srebrenica)
 *             once a settlement is signed: the first term is halved and the spoiler term is 0
 *   climb   if motive - RUNG_BAR[r+1] - cost * RUNG_COST[r+1] + noise > 0, after rungDwell days
 *   step down if motive - RUNG_BAR[r] - cost * RUNG_COST[r] - realisedCost + noise < -STEP_DOWN_MARGIN
 *
 * `cost` is the expected cost of full escalation (deterrence.ts). The faction balance moves with
 * quiet diplomacy, which splits moderates off a divided regime early on and does little against a
 * united one that sees the struggle as existential (Luck 2018, Shortcomings).
 */
import type { TickContext } from '../context';
import { expectedCost } from '../deterrence';
import { STREAM } from '../streams';
import { normal } from '../../../engine/streams';
import { RUNGS, TOP_RUNG, clamp01, stateWeakness } from '../world';

/** Motive a rung needs before costs: each step up asks for more resolve. */
export const RUNG_BAR = [0, 0.05, 0.15, 0.25, 0.35];
/** Share of the full expected cost that standing on a rung risks. */
export const RUNG_COST = [0, 0.15, 0.4, 0.7, 1];
export const STEP_DOWN_MARGIN = 0.05;

export function leadershipMotive(ctx: TickContext): number {
  const { p, w } = ctx;
  const h = w.leadership.hardliners;
  const settledFactor = w.settled ? 0.5 : 1; // a signed settlement halves what is at stake
  const base = p.stakes + 0.5 * p.existentialStakes + 0.2 * stateWeakness(p, w) + 0.2 * p.priorAtrocities;
  const spoiler = w.settled ? 0 : p.spoilerPropensity * w.settlement * h;
  return h * base * settledFactor + spoiler;
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
    0.002 * p.existentialStakes * (1 - h) + // existential framing hardens the leadership
    0.004 * ctx.joinedShare * (1 - h) - // a mobilisation that works emboldens hardliners
    0.004 * ctx.quietDiplomacy * (1 - p.cohesion) * (1 - r / TOP_RUNG) * (1 - p.existentialStakes) * h - // quiet diplomacy
    0.003 * w.realisedCost * (1 - p.cohesion) * h; // costs borne divide the regime
  L.hardliners = clamp01(h + dh);

  const motive = leadershipMotive(ctx);
  const cost = expectedCost(ctx);
  L.motive = motive;
  L.cost = cost;
  if (r < TOP_RUNG && tick - L.rungSince >= p.rungDwell) {
    const up = motive - RUNG_BAR[r + 1] - cost * RUNG_COST[r + 1] + noise;
    if (up > 0) {
      L.rung = r + 1;
      L.rungSince = tick;
      ctx.log('leadership', 'climb', RUNGS[r + 1]);
      return;
    }
  }
  if (r > 0) {
    const hold = motive - RUNG_BAR[r] - cost * RUNG_COST[r] - w.realisedCost + noise;
    if (hold < -STEP_DOWN_MARGIN) {
      L.rung = r - 1;
      L.rungSince = tick;
      ctx.log('leadership', 'step-down', RUNGS[r - 1]);
    }
  }
}
