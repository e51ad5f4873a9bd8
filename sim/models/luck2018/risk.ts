/**
 * Risk as the model knows it. `trueRisk` is what the noisy early-warning signal measures; the
 * fourteen risk factors of the UN Framework of Analysis for Atrocity Crimes (2014) are read off
 * the state each tick, each in [0, 1], so that a run shows them moving (Luck 2018,
 * Implications: the Framework "lacks a dynamic dimension"). They are reported, not summed: the
 * model itself gives them no weights.
 */
import type { TickContext } from './context';
import type { Params } from './params';
import { opportunity, settlementThreat } from './agents/leadership';
import { TOP_RUNG, clamp01, stateWeakness, type World } from './world';

/** Risk of mass atrocity from yesterday's state: the leadership's plan and the mobilisation. */
export function trueRisk(p: Params, w: World): number {
  const others = Math.max(1, w.tally.othersAlive);
  const plan = p.riskPlanWeight;
  return clamp01((plan * w.leadership.rung) / TOP_RUNG + (1 - plan) * Math.min(1, (p.riskMobilisationScale * w.tally.joined) / others));
}

export const RISK_FACTORS = [
  { id: 'rf01', name: 'Armed conflict or other instability', formula: 'opportunity: max(armedConflict, halved once a settlement is signed, 1 once an offensive began; the crisis a trigger event opened)' },
  { id: 'rf02', name: 'Record of serious violations', formula: 'min(1, priorAtrocities + 10 * deaths / targeted population)' },
  { id: 'rf03', name: 'Weakness of State structures', formula: 'stateWeakness, lowered while the PBC is engaged' },
  { id: 'rf04', name: 'Motives or incentives', formula: 'min(1, leadership motive)' },
  { id: 'rf05', name: 'Capacity to commit atrocity crimes', formula: 'armsFactor * min(1, 0.5 [rung >= organising] + 2 * mobilised share)' },
  { id: 'rf06', name: 'Absence of mitigating factors', formula: '1 - mean(localPartners, counter-messaging, coverage * capacity, legitimacy)' },
  { id: 'rf07', name: 'Enabling circumstances or preparatory action', formula: '(rung >= organising ? 1 : rung = incitement ? 0.4 : 0) * (1 - 0.5 localPartners)' },
  { id: 'rf08', name: 'Triggering factors', formula: 'min(1, incitement * reach today + spoilerPropensity * settlement progress * threat + trigger shock)' },
  { id: 'rf09', name: 'Intergroup tensions, discrimination', formula: 'incitement * mean exposure of bystanders' },
  { id: 'rf10', name: 'Signs of intent to destroy a group', formula: 'rung = mass killing ? 1 : rung = targeted attacks ? 0.5 : 0.2 * incitement [rung >= incitement]' },
  { id: 'rf11', name: 'Widespread or systematic attack on civilians', formula: 'min(1, 20 * deaths in last 30 days / targeted population)' },
  { id: 'rf12', name: 'Plan or policy to attack civilians', formula: 'rung / 4' },
  { id: 'rf13', name: 'Threats to those protected under IHL', formula: 'min(1, share of sheltered in fallen venues + 5 * deaths today / targeted)' },
  { id: 'rf14', name: 'Threats to humanitarian or peacekeeping operations', formula: 'share of venues fallen, or rung >= targeted attacks with peacekeepers present: 0.5 * coverage' },
] as const;

export interface RiskInputs {
  motive: number;
  reachToday: number;
  counterMessaging: number;
  recentDeaths: number;
}

export function riskFactors(ctx: TickContext, inp: RiskInputs, out: Float64Array): void {
  const { p, w } = ctx;
  const rung = w.leadership.rung;
  const targets = Math.max(1, w.targets);
  const t = w.tally;
  const others = Math.max(1, t.othersAlive);
  const reg = w.region;
  let venues = 0;
  let fallen = 0;
  let shelteredFallen = 0;
  for (let r = 0; r < reg.count; r++) {
    const isFallen = reg.fallen[r] !== 0;
    // A venue is a UN base or a safe area (a non-UN force keeps none); one that fell still counts, even with no
    // defence left or after coverage moved, so that the share of venues fallen stays in [0, 1].
    if (reg.base[r] || reg.safeArea[r] || isFallen) venues++;
    if (isFallen) {
      fallen++;
      shelteredFallen += reg.sheltered[r];
    }
  }
  const capacity = p.peacekeeperCapacity;
  out[0] = opportunity(p, w);
  out[1] = clamp01(p.priorAtrocities + (10 * w.cumDeaths) / targets);
  out[2] = clamp01(stateWeakness(p, w));
  out[3] = clamp01(inp.motive);
  out[4] = clamp01(w.armsFactor * Math.min(1, (rung >= 2 ? 0.5 : 0) + (2 * t.joined) / others));
  out[5] = clamp01(1 - (p.localPartners + inp.counterMessaging + w.coverage * capacity + w.legitimacy) / 4);
  out[6] = (rung >= 2 ? 1 : rung === 1 ? 0.4 : 0) * (1 - 0.5 * p.localPartners);
  out[7] = clamp01(p.incitement * inp.reachToday + p.spoilerPropensity * (w.settled ? 1 : w.settlement) * settlementThreat(p) + w.leadership.shock);
  out[8] = clamp01((p.incitement * t.exposureSum) / others);
  out[9] = rung >= 4 ? 1 : rung === 3 ? 0.5 : rung >= 1 ? 0.2 * p.incitement : 0;
  out[10] = clamp01((20 * inp.recentDeaths) / targets);
  out[11] = rung / TOP_RUNG;
  out[12] = clamp01((t.protectedCount > 0 ? shelteredFallen / t.protectedCount : 0) + (5 * t.deathsToday) / targets);
  out[13] = venues > 0 && fallen > 0 ? fallen / venues : rung >= 3 ? 0.5 * w.coverage : 0;
}

