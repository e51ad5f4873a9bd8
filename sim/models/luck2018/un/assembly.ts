/**
 * General Assembly under Uniting for Peace. When the Council has been blocked by a veto in the
 * last BLOCKED_WINDOW days and the Council's perceived risk is at least AGENDA_RISK, the Assembly
 * votes (193 members, two-thirds majority) at most every ASSEMBLY_INTERVAL days on its next step:
 * an investigative mechanism, a referral back to the Council (Article 11(3)), then a deployment
 * with the host's consent and without enforcement (Luck 2018, Shortcomings).
 *
 *   member yes with p = 0.4 + 0.5 * perceivedRisk * legitimacy
 */
import type { TickContext } from '../context';
import { STREAM } from '../streams';
import { ASSEMBLY_STEPS } from '../world';
import { AGENDA_RISK, deploy } from './council';

export const BLOCKED_WINDOW = 30;
export const ASSEMBLY_INTERVAL = 30;
export const MEMBERS = 193;

export function assemblyStep(ctx: TickContext): void {
  const { p, w, tick } = ctx;
  const c = w.council;
  if (!p.unitingForPeace || w.assemblyStep >= ASSEMBLY_STEPS.length) return;
  if (tick - c.lastVeto > BLOCKED_WINDOW || c.perceivedRisk < AGENDA_RISK) return;
  if (tick - w.assemblyLast < ASSEMBLY_INTERVAL) return;
  w.assemblyLast = tick;
  const draw = ctx.streams.at(STREAM.assembly, tick);
  const pYes = 0.4 + 0.5 * c.perceivedRisk * w.legitimacy;
  let yes = 0;
  for (let m = 0; m < MEMBERS; m++) if (draw() < pYes) yes++;
  const step = ASSEMBLY_STEPS[w.assemblyStep];
  if (3 * yes < 2 * MEMBERS) {
    ctx.log('assembly', 'not-adopted', `${step} (${yes}/${MEMBERS})`);
    return;
  }
  w.assemblyStep++;
  ctx.spoke = true;
  ctx.log('assembly', 'adopted', `${step} (${yes}/${MEMBERS})`);
  switch (step) {
    case 'investigative-mechanism':
      w.councilSignal += 0.05; // evidence gathered raises the prospect of accountability
      break;
    case 'referral-to-council':
      w.referral += 0.1; // the Council feels the Assembly's pressure
      break;
    case 'consent-deployment':
      deploy(ctx, 0.2, 'assembly-deployment');
      break;
  }
}
