/**
 * Deterrence as the leadership and its foot soldiers perceive it: credibility times severity,
 * cut by the limits Luck (2018) names. "That message tends to fall on deaf ears when the targeted
 * leadership already sees the struggle in existential terms, has the backing of a permanent
 * member of the Security Council, or the atrocities are being committed by extremist armed
 * groups." Impartiality held while risk is high and imminent reads as appeasement (Fall of
 * Srebrenica, quoted in Luck 2018, Remedies) and cuts credibility further.
 */
import type { TickContext } from './context';
import type { Params } from './params';
import { clamp01, type World } from './world';

/** How much of a government's sensitivity to threats each kind of perpetrator keeps. */
export function perpetratorSensitivity(p: Params): number {
  if (p.perpetratorType === 'armed-group') return p.armedGroupSensitivity;
  if (p.perpetratorType === 'extremist-armed-group') return p.extremistSensitivity;
  return 1;
}

/** Multiplier in [0, 1] on credibility from the article's three limits (deaf ears). */
export function deterrenceLimit(p: Params): number {
  const existential = 1 - p.existentialDiscount * p.existentialStakes;
  const patron = p.patron ? 1 - p.patronDiscount : 1;
  return existential * patron * perpetratorSensitivity(p);
}

/**
 * Credibility of consequences: the baseline, regional organisations' leverage, Council sanctions
 * already in force, warnings carried, what the UN organs did, and a non-UN protective force on
 * the ground (outsideForceDeterrence per unit of its capacity).
 */
export function credibility(p: Params, w: World): number {
  const outside = w.outsideOnGround ? p.outsideForceDeterrence * p.outsideForceCapacity : 0;
  return clamp01(p.deterrence + p.regionalPressure + p.sanctionsInForce + w.warnings + w.councilSignal + outside);
}

/** Appeasement: impartiality kept while risk is high and imminent, in [0, appeasementWeight]. */
export function appeasement(p: Params, highRisk: boolean): number {
  return highRisk ? p.appeasementWeight * p.impartiality : 0;
}

/** Expected cost (credibility x severity x limits x (1 - appeasement)) of a full escalation. */
export function expectedCost(ctx: TickContext): number {
  return expectedCostAt(ctx.p, ctx.w, ctx.highRisk);
}

/** The same, outside a tick (the standing rung at set-up reads it with risk not high). */
export function expectedCostAt(p: Params, w: World, highRisk: boolean): number {
  return credibility(p, w) * p.deterrenceSeverity * deterrenceLimit(p) * (1 - appeasement(p, highRisk));
}
