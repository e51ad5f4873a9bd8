/**
 * Secretariat and Secretary-General, with the Special Adviser on the Prevention of Genocide.
 * "Early warning ... is much less of a problem than assessment and framing" (Luck 2018,
 * Implications). Each tick the Secretariat reads a noisy signal of the true risk through its
 * frame, may be moved to the atrocity frame by the Special Adviser, and then stays silent,
 * engages in quiet diplomacy, pushes back on incitement in public, or briefs the Council under
 * Article 99, trimming what it says to what the Council wants to hear (self-censorship).
 *
 *   signal     = clamp(trueRisk + earlyWarningNoise * z)
 *   attention  = 1 (atrocity frame) | 0.6 (humanitarian) | 0.3 + 0.7 armedConflict (conflict)
 *   perceived  = signal * attention
 *   reframe to 'atrocity' with daily chance 0.05 * signal * channel * habit,
 *      channel = 1 direct access | 0.35 filtered; habit = 0.5 for the humanitarian frame
 *   censor     = selfCensorship * councilReluctance,  reluctance = 0.8 with a patron else 1 - councilWillingness
 *   brief (Article 99) if frame atrocity (or conflict with perceived >= 0.6), perceived >= 0.45,
 *      14 days since the last briefing, and u > censor; the Council hears perceived * (1 - 0.5 censor)
 *      (a conflict-framed briefing carries 0.6 of that)
 *   public message with chance (atrocity 0.3 + 0.7 IR | conflict 0.3 IR | humanitarian 0.1 IR), IR
 *      the individual responsibility setting (acting without a mandate); doubled once the Council acted
 *   else quiet diplomacy; silent when perceived < 0.25
 */
import type { TickContext } from '../context';
import { STREAM } from '../streams';
import { normal } from '../../../engine/streams';
import { clamp01, type Frame, type SecretariatAction } from '../world';

export const BRIEFING_INTERVAL = 14;

export function attention(frame: Frame, armedConflict: number): number {
  if (frame === 'atrocity') return 1;
  if (frame === 'humanitarian') return 0.6;
  return 0.3 + 0.7 * armedConflict;
}

export function secretariatStep(ctx: TickContext): void {
  const { p, w, tick } = ctx;
  const sec = w.secretariat;
  const council = w.council;
  const draw = ctx.streams.at(STREAM.secretariat, tick);
  // Fixed draw order: signal noise, reframing, briefing, messaging.
  const signal = clamp01(ctx.trueRisk + p.earlyWarningNoise * normal(draw));
  const uFrame = draw();
  const uBrief = draw();
  const uMessage = draw();
  sec.signal = signal;

  // A scheduled change of lens re-frames the crisis at once (an institutional decision).
  if (p.framingLens !== w.lens) {
    ctx.log('secretariat', 'reframe', `${sec.frame}->${p.framingLens} (lens changed)`);
    sec.frame = p.framingLens as Frame;
    w.lens = p.framingLens as Frame;
  }
  // Framing: the Special Adviser can move the frame to atrocity risk; it lapses when risk is gone.
  if (sec.frame !== 'atrocity') {
    const channel = p.specialAdviserAccess === 'direct' ? 1 : 0.35;
    const habit = sec.frame === 'humanitarian' ? 0.5 : 1;
    if (uFrame < 0.05 * signal * channel * habit) {
      ctx.log('secretariat', 'reframe', `${sec.frame}->atrocity`);
      sec.frame = 'atrocity';
    }
  } else if (p.framingLens !== 'atrocity' && signal < 0.1 && w.leadership.rung === 0) {
    ctx.log('secretariat', 'reframe', `atrocity->${p.framingLens}`);
    sec.frame = p.framingLens as Frame;
  }

  const perceived = signal * attention(sec.frame, p.armedConflict);
  const reluctance = p.patron ? 0.8 : 1 - p.councilWillingness;
  const censor = p.selfCensorship * reluctance;
  let action: SecretariatAction = 'silent';
  if (perceived >= 0.25) {
    const canBrief =
      (sec.frame === 'atrocity' || (sec.frame === 'conflict' && perceived >= 0.6)) &&
      perceived >= 0.45 &&
      tick - sec.lastBriefing >= BRIEFING_INTERVAL;
    const ir = p.individualResponsibility;
    const mandate = council.level > 0 ? 2 : 1;
    const messageChance =
      (sec.frame === 'atrocity' ? 0.3 + 0.7 * ir : sec.frame === 'conflict' ? 0.3 * ir : 0.1 * ir) * mandate;
    if (canBrief && uBrief > censor) action = 'article-99-briefing';
    else if (uMessage < messageChance) action = 'public-message';
    else action = 'quiet-diplomacy';
  }

  switch (action) {
    case 'article-99-briefing': {
      const told = perceived * (1 - 0.5 * censor) * (sec.frame === 'atrocity' ? 1 : 0.6);
      council.briefing = Math.max(council.briefing, told);
      sec.lastBriefing = tick;
      ctx.spoke = true;
      ctx.log('secretariat', 'article-99-briefing', `risk ${told.toFixed(2)}`);
      break;
    }
    case 'public-message':
      // Pushing back on incitement: the voice that counter-messaging carries.
      w.voice = clamp01(w.voice + 0.05);
      ctx.spoke = true;
      break;
    case 'quiet-diplomacy':
      ctx.quietDiplomacy += sec.frame === 'atrocity' ? 0.5 : 0.25;
      break;
    case 'silent':
      break;
  }
  if (action !== sec.action && action !== 'article-99-briefing') ctx.log('secretariat', action);
  sec.action = action;
}
