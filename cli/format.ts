/**
 * Text for the terminal: every model's run summary in the same layout (a heading, then one
 * labelled line per topic), and the number, plural and date wording all commands share.
 */
import type { CivilSummary, EthnicSummary, RunSummary } from '../sim/index';

/** 1,234 (rounded, grouped). */
export const int = (n: number) => Math.round(n).toLocaleString('en-US');
/** "1 day", "36,500 days": a count with its noun in the right number. */
export const count = (n: number, one: string, many = `${one}s`) => `${int(n)} ${Math.round(n) === 1 ? one : many}`;
export const dayCount = (n: number) => count(n, 'day');
const share = (x: number) => `${(100 * x).toFixed(1)}%`;
const fixed = (x: number | null, digits = 1) => (x === null ? '-' : x.toFixed(digits));

/** Width of the label column of every summary (and of the lines the commands add below it). */
export const LABEL_WIDTH = 19;

/** One line "  label:  text" in the summaries' layout. */
export const labelled = (label: string, text: string) => `  ${`${label}:`.padEnd(LABEL_WIDTH)} ${text}`;

/** A heading, then lines "  label:  text", aligned. */
function block(heading: string, rows: readonly (readonly [string, string])[]): string {
  return `${heading}\n${rows.map(([k, v]) => labelled(k, v)).join('\n')}\n`;
}

/** A parameter value for reading: numbers to 6 significant digits (3333.333333333 -> 3333.33). */
export const paramText = (v: unknown) => (typeof v === 'number' ? String(Number(v.toPrecision(6))) : String(v));

/** A calendar date for a day of the run, or null (a scenario without dates): scenarios' scenarioDate. */
export type DateOf = (day: number) => string | null;

/** "day 183", or "day 183 (1994-04-06)" when the run is dated. */
export const dayText = (t: number, dateOf?: DateOf) => {
  const date = dateOf?.(t);
  return `day ${int(t)}${date ? ` (${date})` : ''}`;
};

/** The model's reading of a run, in words. */
const OUTCOME_TEXT: Readonly<Record<RunSummary['outcome'], string>> = {
  prevented: 'prevented (no one killed)',
  curbed: 'curbed (killing below the mass-atrocity threshold)',
  failed: 'failed (a mass atrocity)',
};

/**
 * The main model's summary. Days are 0-based ticks, written "day N", with the calendar date
 * beside them when the scenario is dated; what never happened is said so.
 */
export function formatSummary(s: RunSummary, label: string, dateOf?: DateOf): string {
  const day = (t: number) => dayText(t, dateOf);
  const measures = s.councilMeasures.length ? `${s.councilMeasures.join(', ')}; first on ${day(s.firstCouncilMeasureTick!)}` : 'no measure adopted';
  return block(`${label}: ${dayCount(s.ticks)}, ${count(s.agents, 'agent')} (${int(s.targetedAgents)} in the targeted group)`, [
    ['outcome', OUTCOME_TEXT[s.outcome]],
    ['mass atrocity', s.massAtrocity ? `YES, onset on ${day(s.onsetTick!)}; threshold crossed on ${day(s.flaggedTick!)}` : 'no'],
    [
      'killed',
      `${count(s.deaths, 'agent')} = ${count(s.deathsPeople, 'person', 'people')} (${share(s.deathShare)} of the targeted group)` +
        (s.killingDays > 0 ? `, over ${dayCount(s.killingDays)} (${day(s.firstKillingTick!)} to ${day(s.lastKillingTick!)}); ${share(s.forceDeathShare)} by the organised force` : ''),
    ],
    [
      'perpetrators',
      `${s.peakPerpetrators > 0 ? `peak ${int(s.peakPerpetrators)} (${share(s.peakParticipationShare)} of the others) on ${day(s.peakPerpetratorsTick!)}` : 'none joined'}; leadership reached "${s.maxRung}", ended at "${s.finalRung}"`,
    ],
    ['displaced', `${int(s.displaced)} agents = ${count(s.displacedPeople, 'person', 'people')}; protected ${int(s.protected)}; ${count(s.venuesFallen, 'venue')} fallen`],
    ['Secretariat', `${s.firstArticle99Tick === null ? 'no Article 99 briefing' : `first Article 99 briefing on ${day(s.firstArticle99Tick)}`}; final frame "${s.finalFrame}"`],
    ['Security Council', `${measures}; ${count(s.vetoes, 'veto', 'vetoes')}`],
    [
      'other organs',
      `${count(s.assemblySteps, 'Assembly step')}; ${s.inquiryOpenedTick === null ? 'no inquiry' : `inquiry opened on ${day(s.inquiryOpenedTick)}`}; settlement ${s.settlementSigned ? 'signed' : 'not signed'}`,
    ],
    ['voice', `spoke out on ${dayCount(s.daysSpokenHighRisk)}, silent on ${dayCount(s.daysSilentHighRisk)} while risk was high; legitimacy ${s.finalLegitimacy.toFixed(2)}`],
  ]);
}

/** Epstein's Model I (civil violence): outbursts of open rebellion. */
export function formatCivilSummary(s: CivilSummary, ticks: number, label: string): string {
  const tick = (t: number) => `tick ${int(t)}`;
  return block(`${label}: ${count(ticks, 'tick')}, ${count(s.citizens, 'citizen')}`, [
    ['peak active', s.peakActiveTick === null ? '-' : `${int(s.peakActive)} on ${tick(s.peakActiveTick)}`],
    [
      'outbursts',
      s.outbursts === 0
        ? `none (no tick above ${int(s.outburstThreshold)} active)`
        : `${int(s.outbursts)} (above ${int(s.outburstThreshold)} active), ${count(s.outburstTicks, 'tick')} in all, ${fixed(s.meanOutburstLength)} ticks long on average`,
    ],
    ['between outbursts', s.meanWait === null ? 'fewer than two outbursts' : `quiet ${fixed(s.meanWait)} ticks on average (sd ${fixed(s.sdWait)}); ${fixed(s.meanInterval)} ticks start to start`],
    ['arrests', int(s.totalArrests)],
    ['at the end', `${int(s.final.quiet)} quiet, ${int(s.final.active)} active, ${int(s.final.jailed)} jailed; ${count(s.final.cops, 'cop')}`],
  ]);
}

/** Epstein's Model II (ethnic violence): killing between two groups, and peacekeepers. */
export function formatEthnicSummary(s: EthnicSummary, ticks: number, label: string): string {
  const tick = (t: number) => `tick ${int(t)}`;
  const elimination =
    s.eliminationTick === null
      ? 'neither group was eliminated'
      : s.survivor === 'neither'
        ? `both groups eliminated on ${tick(s.eliminationTick)}`
        : `group ${s.survivor === 'A' ? 'B' : 'A'} eliminated on ${tick(s.eliminationTick)}; group ${s.survivor} survived`;
  return block(`${label}: ${count(ticks, 'tick')}`, [
    ['elimination', elimination],
    ['killings', `${int(s.killsByA)} by group A, ${int(s.killsByB)} by group B; ${s.firstKillTick === null ? 'no killing' : `first on ${tick(s.firstKillTick)}`}`],
    ['peak active', int(s.peakActive)],
    ['births and deaths', `${count(s.births, 'birth')}, ${count(s.deathsByAge, 'death')} of old age`],
    ['arrests', int(s.arrests)],
    ['at the end', `group A ${int(s.final.groupA)}, group B ${int(s.final.groupB)}, ${int(s.final.jailed)} jailed; ${count(s.final.cops, 'cop')}`],
  ]);
}

/** Any other model's summary: one line per field, in the order the model gives them. */
export function formatGenericSummary(summary: object, label: string): string {
  const show = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? int(v) : v.toFixed(3)) : v === null ? '-' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return block(label, Object.entries(summary as Record<string, unknown>).map(([k, v]) => [k, show(v)] as const));
}

/** The summary of a run of any model, by its id; `dateOf` dates the main model's days. */
export function formatRunSummary(model: string, summary: object, ticks: number, label: string, dateOf?: DateOf): string {
  switch (model) {
    case 'r2p-luck-2018':
      return formatSummary(summary as RunSummary, label, dateOf);
    case 'epstein-civil-violence':
      return formatCivilSummary(summary as CivilSummary, ticks, label);
    case 'epstein-ethnic-violence':
      return formatEthnicSummary(summary as EthnicSummary, ticks, label);
    default:
      return formatGenericSummary(summary, label);
  }
}

/** "about 3 s", "about 4 min", "about 1.2 h". */
export function duration(seconds: number): string {
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}

/** "120 MB", "1.4 GB". */
export function bytes(n: number): string {
  return n < 1e9 ? `${Math.max(1, Math.round(n / 1e6))} MB` : `${(n / 1e9).toFixed(1)} GB`;
}
