/** Human-readable summaries for the terminal. */
import type { RunSummary } from '../sim/index';

const tick = (t: number | null) => (t === null ? 'never' : `day ${t}`);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatSummary(s: RunSummary, label: string): string {
  const lines = [
    `${label}: ${s.ticks} days, ${int(s.agents)} agents (${int(s.targetedAgents)} in the targeted group)`,
    `  mass atrocity:     ${s.massAtrocity ? `YES, onset ${tick(s.onsetTick)} (threshold crossed ${tick(s.flaggedTick)})` : 'no'}`,
    `  killed:            ${int(s.deaths)} agents = ${int(s.deathsPeople)} people (${(100 * s.deathShare).toFixed(1)}% of the targeted group)`,
    `  perpetrators:      peak ${int(s.peakPerpetrators)} on ${tick(s.peakPerpetratorsTick)}; leadership reached "${s.maxRung}", ended at "${s.finalRung}"`,
    `  displaced:         ${int(s.displaced)}   protected: ${int(s.protected)}   venues fallen: ${s.venuesFallen}`,
    `  Secretariat:       first Article 99 briefing ${tick(s.firstArticle99Tick)}; final frame "${s.finalFrame}"`,
    `  Security Council:  ${s.councilMeasures.length ? s.councilMeasures.join(', ') : 'no measure'} (first ${tick(s.firstCouncilMeasureTick)}); vetoes ${s.vetoes}`,
    `  other organs:      Assembly steps ${s.assemblySteps}; inquiry opened ${tick(s.inquiryOpenedTick)}; settlement ${s.settlementSigned ? 'signed' : 'not signed'}`,
    `  voice:             spoke out ${s.daysSpokenHighRisk} / silent ${s.daysSilentHighRisk} days while risk was high; legitimacy ${s.finalLegitimacy.toFixed(2)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Any model's summary: one line per field, in the order the model gives them. */
export function formatGenericSummary(summary: object, label: string): string {
  const entries = Object.entries(summary as Record<string, unknown>);
  const w = Math.max(...entries.map(([k]) => k.length), 8);
  const show = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? int(v) : v.toFixed(3)) : v === null ? '-' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return `${label}\n${entries.map(([k, v]) => `  ${`${k}:`.padEnd(w + 2)} ${show(v)}`).join('\n')}\n`;
}
