/**
 * The run summary: what a reader wants first from a run, all derived from the world and the
 * recorded series (nothing here feeds back into the model).
 */
import type { Params } from './params';
import { COUNCIL_MEASURES, RUNGS, type World } from './world';

export interface RunSummary {
  readonly ticks: number;
  readonly agents: number;
  readonly targetedAgents: number;
  readonly deaths: number;
  readonly deathsPeople: number;
  /** Share of the targeted group killed. */
  readonly deathShare: number;
  /** Share of the deaths the organised force caused (0 when no one was killed). */
  readonly forceDeathShare: number;
  readonly peakPerpetrators: number;
  readonly peakPerpetratorsTick: number | null;
  /** Peak share of the non-targeted population taking part in the killing. */
  readonly peakParticipationShare: number;
  readonly displaced: number;
  /** People displaced at the end, both groups (displaced agents x peoplePerAgent). */
  readonly displacedPeople: number;
  /** Of the displaced, the targeted group's: agents, and people. */
  readonly displacedTargeted: number;
  readonly displacedTargetedPeople: number;
  /** First and last day anyone was killed, and the days from the one to the other (0: no killing). */
  readonly firstKillingTick: number | null;
  readonly lastKillingTick: number | null;
  readonly killingDays: number;
  /** prevented: no one killed; curbed: killing below the mass-atrocity threshold; failed: a mass atrocity. */
  readonly outcome: 'prevented' | 'curbed' | 'failed';
  readonly protected: number;
  readonly maxRung: string;
  readonly finalRung: string;
  readonly massAtrocity: boolean;
  /** First killing of the 12-month window that crossed the threshold. */
  readonly onsetTick: number | null;
  /** Tick the threshold was crossed. */
  readonly flaggedTick: number | null;
  readonly firstArticle99Tick: number | null;
  readonly firstCouncilMeasureTick: number | null;
  readonly councilMeasures: readonly string[];
  readonly vetoes: number;
  readonly assemblySteps: number;
  readonly inquiryOpenedTick: number | null;
  readonly daysSpokenHighRisk: number;
  readonly daysSilentHighRisk: number;
  readonly finalLegitimacy: number;
  readonly finalFrame: string;
  readonly settlementSigned: boolean;
  readonly venuesFallen: number;
}

function firstEvent(w: World, actor: string, action: string): number | null {
  const e = w.events.find((ev) => ev.actor === actor && ev.action === action);
  return e ? e.tick : null;
}

function maxOf(a: Float64Array): [number, number] {
  let best = 0;
  let at = -1;
  for (let i = 0; i < a.length; i++) if (a[i] > best) [best, at] = [a[i], i];
  return [best, at];
}

export function summarise(w: World, series: Record<string, Float64Array>, ticks: number, p: Params): RunSummary {
  const [peak, peakAt] = maxOf(series.perpetrators);
  const [maxRung] = maxOf(series.rung);
  const last = ticks - 1;
  let fallen = 0;
  for (let r = 0; r < w.region.count; r++) if (w.region.fallen[r] !== 0) fallen++;
  // Bystanders at the start: everyone outside the targeted group.
  const others = w.n - w.targets;
  const displaced = last >= 0 ? series.displaced[last] : 0;
  const displacedTargeted = last >= 0 ? series.displacedTargeted[last] : 0;
  const massAtrocity = w.massAtrocityTick >= 0;
  return {
    ticks,
    agents: w.n,
    targetedAgents: w.targets,
    deaths: w.cumDeaths,
    deathsPeople: w.cumDeaths * p.peoplePerAgent,
    deathShare: w.targets > 0 ? w.cumDeaths / w.targets : 0,
    forceDeathShare: w.cumDeaths > 0 ? w.cumDeathsByForce / w.cumDeaths : 0,
    peakPerpetrators: peak,
    peakPerpetratorsTick: peakAt >= 0 ? peakAt : null,
    peakParticipationShare: others > 0 ? peak / others : 0,
    displaced,
    displacedPeople: displaced * p.peoplePerAgent,
    displacedTargeted,
    displacedTargetedPeople: displacedTargeted * p.peoplePerAgent,
    firstKillingTick: w.firstDeathTick >= 0 ? w.firstDeathTick : null,
    lastKillingTick: w.lastDeathTick >= 0 ? w.lastDeathTick : null,
    killingDays: w.firstDeathTick >= 0 ? w.lastDeathTick - w.firstDeathTick + 1 : 0,
    outcome: massAtrocity ? 'failed' : w.cumDeaths > 0 ? 'curbed' : 'prevented',
    protected: last >= 0 ? series.protected[last] : 0,
    maxRung: RUNGS[maxRung],
    finalRung: RUNGS[w.leadership.rung],
    massAtrocity,
    onsetTick: w.onsetTick >= 0 ? w.onsetTick : null,
    flaggedTick: w.massAtrocityTick >= 0 ? w.massAtrocityTick : null,
    firstArticle99Tick: firstEvent(w, 'secretariat', 'article-99-briefing'),
    firstCouncilMeasureTick: firstEvent(w, 'council', 'adopted'),
    councilMeasures: w.council.adopted.map((l) => COUNCIL_MEASURES[l]),
    vetoes: w.council.vetoes,
    assemblySteps: w.assemblyStep,
    inquiryOpenedTick: w.inquiryOpened >= 0 ? w.inquiryOpened : null,
    daysSpokenHighRisk: w.daysSpokenHighRisk,
    daysSilentHighRisk: w.daysSilentHighRisk,
    finalLegitimacy: w.legitimacy,
    finalFrame: w.secretariat.frame,
    settlementSigned: w.settled,
    venuesFallen: fallen,
  };
}
