/**
 * The per-tick observables: one numeric series each, recorded into a column of a preallocated
 * Float64Array. This list is the single definition of what a run reports (run files, CSV
 * columns, charts), with units.
 */
import type { SeriesDef } from '../../engine/kernel';
import { RISK_FACTORS } from './risk';

export type { SeriesDef };

const CORE: readonly SeriesDef[] = [
  { name: 'deaths', unit: 'agents', description: 'Targeted-group agents killed so far (cumulative).' },
  { name: 'deathsToday', unit: 'agents/day', description: 'Targeted-group agents killed this tick.' },
  { name: 'deathsPeople', unit: 'people', description: 'People killed so far: deaths x peoplePerAgent.' },
  { name: 'deathsByForce', unit: 'agents', description: 'Of the deaths so far, those killed by the organised force (not by mobilised bystanders).' },
  { name: 'perpetrators', unit: 'agents', description: 'Population agents who have joined the perpetrators.' },
  { name: 'resisting', unit: 'agents', description: 'Agents resisting or sheltering others.' },
  { name: 'displaced', unit: 'agents', description: 'Agents who have fled (both groups).' },
  { name: 'displacedTargeted', unit: 'agents', description: 'Targeted-group agents who have fled.' },
  { name: 'protected', unit: 'agents', description: 'Targeted agents sheltering at a peacekeeper base or in a safe area.' },
  { name: 'exposure', unit: 'share', description: 'Mean exposure of bystanders to hate media.' },
  { name: 'rung', unit: 'rung 0-4', description: 'Leadership rung: 0 latent, 1 incitement, 2 organising, 3 targeted attacks, 4 mass killing.' },
  { name: 'hardliners', unit: 'share', description: 'Weight of hardliners in the leadership.' },
  { name: 'motive', unit: 'index', description: 'The leadership\'s motive to escalate.' },
  { name: 'triggerShock', unit: 'index', description: 'Motive added by trigger events (fading).' },
  { name: 'opportunity', unit: 'share', description: 'Opportunity for the killing rungs: armed conflict in force or the crisis a trigger opened.' },
  { name: 'realisedCost', unit: 'index', description: 'Costs the leadership has borne (sanctions, an authorised force).' },
  { name: 'preparation', unit: 'motive x days', description: 'Preparation made for the next rung (the leadership climbs at planningEffort).' },
  { name: 'expectedCost', unit: 'index', description: 'Expected cost of full escalation as the leadership perceives it.' },
  { name: 'settlement', unit: 'share', description: 'Progress of the mediation track towards a settlement.' },
  { name: 'trueRisk', unit: 'index', description: 'True risk of mass atrocity (what early warning measures).' },
  { name: 'signal', unit: 'index', description: 'The Secretariat\'s noisy early-warning signal.' },
  { name: 'framing', unit: 'code', description: 'Secretariat frame: 0 conflict, 1 humanitarian, 2 atrocity risk.' },
  { name: 'secretariatAction', unit: 'code', description: '0 silent, 1 quiet diplomacy, 2 public message, 3 Article 99 briefing.' },
  { name: 'councilPerceivedRisk', unit: 'index', description: 'Risk as the Security Council perceives it.' },
  { name: 'councilLevel', unit: 'code 0-6', description: 'Highest Council measure adopted: 1 statement ... 6 authorise force.' },
  { name: 'vetoes', unit: 'count', description: 'Vetoes cast so far.' },
  { name: 'assemblySteps', unit: 'count', description: 'Uniting for Peace steps adopted by the General Assembly.' },
  { name: 'coverage', unit: 'share of regions', description: 'Regions with peacekeepers present.' },
  { name: 'venuesFallen', unit: 'regions', description: 'Peacekeeper bases or safe areas that have fallen.' },
  { name: 'mediatorsEngaged', unit: 'mediators', description: 'Mediators engaging quietly.' },
  { name: 'mediatorsWarning', unit: 'mediators', description: 'Mediators carrying warnings.' },
  { name: 'mediatorsNaming', unit: 'mediators', description: 'Mediators naming the perpetrators in public.' },
  { name: 'mediatorsAccess', unit: 'index', description: 'Mean access of the mediators to the leadership.' },
  { name: 'counterMessaging', unit: 'index', description: 'Effective counter-messaging reaching the population.' },
  { name: 'resilience', unit: 'share', description: 'The population\'s resilience to incitement, a lasting stock built by counter-messaging.' },
  { name: 'legitimacy', unit: 'index', description: 'UN legitimacy.' },
  { name: 'spokeOut', unit: '0/1', description: '1 if any UN organ or mediator spoke out in public this tick.' },
  { name: 'highRisk', unit: '0/1', description: '1 if the true risk was high and imminent this tick.' },
  { name: 'daysSpokenHighRisk', unit: 'days', description: 'Days the UN spoke out while risk was high (cumulative).' },
  { name: 'daysSilentHighRisk', unit: 'days', description: 'Days the UN stayed silent while risk was high (cumulative).' },
  { name: 'massAtrocity', unit: '0/1', description: '1 from the tick the mass-atrocity threshold is crossed.' },
];

export const SERIES: readonly SeriesDef[] = [
  ...CORE,
  ...RISK_FACTORS.map((f) => ({ name: f.id, unit: 'index', description: `Risk factor: ${f.name}.` })),
];

export type SeriesName = string;
export const SERIES_INDEX: ReadonlyMap<string, number> = new Map(SERIES.map((s, i) => [s.name, i]));
export const RISK_FACTOR_OFFSET = CORE.length;
