/**
 * General Assembly under Uniting for Peace (A/RES/377 (V)). When the Council has been blocked by
 * a veto in the last blockedWindow days (and at least assemblyDelay days ago) and the Council's
 * perceived risk is at least agendaRisk, the Assembly votes (193 members, two-thirds majority) at
 * most every assemblyInterval days on its next step: an investigative mechanism, a referral back
 * to the Council (Article 11(3)), then a deployment with the host's consent and without
 * enforcement (Luck 2018, Shortcomings). Every resolution it adopts also condemns and names the
 * perpetrators, adding to the UN's voice in proportion to the majority behind it.
 *
 *   member yes with p = assemblyYesBase + assemblyYesRisk * perceivedRisk * legitimacy
 *   adopted: voice += assemblyVoice * yes / 193; then, by step,
 *     investigative mechanism:  councilSignal += mechanismSignal   (the prospect of accountability)
 *     referral to the Council:  referral += assemblyReferral; a Council meeting is called (rule 3)
 *     consent deployment:       deploy(assemblyDeployShare)        (host consent, consentDelay)
 */
import type { TickContext } from '../context';
import { STREAM } from '../streams';
import { ASSEMBLY_STEPS, clamp01 } from '../world';
import { deploy } from './council';

/** The Member States of the United Nations; a resolution needs two-thirds of them (Charter, Article 18(2), counted here over all 193). */
export const MEMBERS = 193;

export function assemblyStep(ctx: TickContext): void {
  const { p, w, tick } = ctx;
  const c = w.council;
  if (!p.unitingForPeace || w.assemblyStep >= ASSEMBLY_STEPS.length) return;
  // Uniting for Peace: the Council failed "because of lack of unanimity of the permanent members".
  const sinceVeto = tick - c.lastVeto;
  if (sinceVeto > p.blockedWindow || sinceVeto < p.assemblyDelay || c.perceivedRisk < p.agendaRisk) return;
  if (tick - w.assemblyLast < p.assemblyInterval) return;
  w.assemblyLast = tick;
  // The vote: one draw per Member State; the UN's legitimacy carries the risk the Council sees.
  const draw = ctx.streams.at(STREAM.assembly, tick);
  const pYes = p.assemblyYesBase + p.assemblyYesRisk * c.perceivedRisk * w.legitimacy;
  let yes = 0;
  for (let m = 0; m < MEMBERS; m++) if (draw() < pYes) yes++;
  const step = ASSEMBLY_STEPS[w.assemblyStep];
  if (3 * yes < 2 * MEMBERS) {
    ctx.log('assembly', 'not-adopted', `${step} (${yes}/${MEMBERS})`);
    return;
  }
  w.assemblyStep++;
  ctx.spoke = true;
  // A pointed resolution condemns and names: the broader the majority, the louder the voice.
  w.voice = clamp01(w.voice + (p.assemblyVoice * yes) / MEMBERS);
  ctx.log('assembly', 'adopted', `${step} (${yes}/${MEMBERS})`);
  switch (step) {
    case 'investigative-mechanism':
      w.councilSignal += p.mechanismSignal; // evidence gathered raises the prospect of accountability
      break;
    case 'referral-to-council':
      w.referral += p.assemblyReferral; // the Council feels the Assembly's pressure (Article 11(3))
      if (w.councilCalled < 0) w.councilCalled = tick; // and must meet on it (rule 3); it meets tomorrow
      break;
    case 'consent-deployment':
      deploy(ctx, p.assemblyDeployShare, 'assembly-deployment'); // Chapter VI: with the host's consent
      break;
  }
}
