/**
 * Secretariat and Secretary-General, with the Special Adviser on the Prevention of Genocide.
 * "Early warning ... is much less of a problem than assessment and framing" (Luck 2018,
 * Implications). Each tick the Secretariat reads a noisy signal of the true risk through its
 * frame, may be moved to the atrocity frame by the Special Adviser, and then stays silent,
 * engages in quiet diplomacy, pushes back on incitement in public, or briefs the Council under
 * Article 99, trimming what it says to what the Council wants to hear (self-censorship). A
 * briefing calls a Council meeting (Provisional Rules of Procedure, rule 3). Constants are
 * parameters (calibration-organs.ts); docs/ODD.md 7.5 gives every rule.
 *
 *   signal     = clamp(trueRisk + earlyWarningNoise * z)
 *   attention  = 1 (atrocity) | attentionHumanitarian | attentionConflict + (1 - attentionConflict) armedConflict
 *   perceived  = signal * attention
 *   reframe to 'atrocity' with daily chance reframeRate * signal * channel * habit,
 *      channel = 1 direct | filteredAccess; habit = humanitarianHabit for the humanitarian frame, else 1
 *   censor     = selfCensorship * reluctance,  reluctance = patronReluctance with a patron, else 1 - councilWillingness
 *   brief (Article 99) if frame atrocity (or conflict with perceived >= conflictBriefRisk),
 *      perceived >= briefRisk, briefingInterval days since the last, and u > censor;
 *      the Council hears perceived * (1 - censorTrim censor) (x conflictBriefWeight if conflict-framed)
 *   public message with chance mandate * (messageBase + messageAtrocity IR | messageConflict IR |
 *      messageHumanitarian IR), IR = individualResponsibility, mandate = mandateBoost once the Council acted
 *   else quiet diplomacy; silent when perceived < engageRisk
 */
import type { TickContext } from '../context';
import type { Params } from '../params';
import { STREAM } from '../streams';
import { normal } from '../../../engine/streams';
import { clamp01, type Frame, type SecretariatAction } from '../world';

/** How much of the risk signal a frame lets the Secretariat see as atrocity risk. */
export function attention(frame: Frame, p: Params): number {
  if (frame === 'atrocity') return 1;
  if (frame === 'humanitarian') return p.attentionHumanitarian;
  // A conflict lens sees what looks like conflict: full attention only in open armed conflict.
  return p.attentionConflict + (1 - p.attentionConflict) * p.armedConflict;
}

export function secretariatStep(ctx: TickContext): void {
  const { p, w, tick } = ctx;
  const sec = w.secretariat;
  const council = w.council;
  const draw = ctx.streams.at(STREAM.secretariat, tick);
  // Fixed draw order: signal noise, reframing, briefing, messaging.
  // Early warning: the true risk read with noise, either way (Luck 2018, Shortcomings: risks exaggerated too).
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
    const channel = p.specialAdviserAccess === 'direct' ? 1 : p.filteredAccess;
    const habit = sec.frame === 'humanitarian' ? p.humanitarianHabit : 1;
    if (uFrame < p.reframeRate * signal * channel * habit) {
      ctx.log('secretariat', 'reframe', `${sec.frame}->atrocity`);
      sec.frame = 'atrocity';
    }
  } else if (p.framingLens !== 'atrocity' && signal < p.frameLapse && w.leadership.rung === 0) {
    ctx.log('secretariat', 'reframe', `atrocity->${p.framingLens}`);
    sec.frame = p.framingLens as Frame;
  }

  const perceived = signal * attention(sec.frame, p);
  // Self-censorship: telling the Council what it wants to hear bites harder when it is reluctant.
  const reluctance = p.patron ? p.patronReluctance : 1 - p.councilWillingness;
  const censor = p.selfCensorship * reluctance;
  let action: SecretariatAction = 'silent';
  if (perceived >= p.engageRisk) {
    // Article 99: an atrocity frame (or a conflict frame at high risk) can bring the matter to the Council.
    const canBrief =
      (sec.frame === 'atrocity' || (sec.frame === 'conflict' && perceived >= p.conflictBriefRisk)) &&
      perceived >= p.briefRisk &&
      tick - sec.lastBriefing >= p.briefingInterval;
    // Acting without a mandate (individual responsibility); a Council measure is a mandate to point to.
    const ir = p.individualResponsibility;
    const mandate = council.level > 0 ? p.mandateBoost : 1;
    const messageChance =
      (sec.frame === 'atrocity' ? p.messageBase + p.messageAtrocity * ir : sec.frame === 'conflict' ? p.messageConflict * ir : p.messageHumanitarian * ir) *
      mandate;
    if (canBrief && uBrief > censor) action = 'article-99-briefing';
    else if (uMessage < messageChance) action = 'public-message';
    else action = 'quiet-diplomacy';
  }

  switch (action) {
    case 'article-99-briefing': {
      // What the Council is told: the Secretariat's reading, trimmed by self-censorship.
      const told = perceived * (1 - p.censorTrim * censor) * (sec.frame === 'atrocity' ? 1 : p.conflictBriefWeight);
      council.briefing = Math.max(council.briefing, told);
      sec.lastBriefing = tick;
      // Rule 3 of the Council's Provisional Rules: an Article 99 matter calls a meeting.
      if (w.councilCalled < 0) w.councilCalled = tick;
      ctx.spoke = true;
      ctx.log('secretariat', 'article-99-briefing', `risk ${told.toFixed(2)}`);
      break;
    }
    case 'public-message':
      // Pushing back on incitement: the voice that counter-messaging carries.
      w.voice = clamp01(w.voice + p.messageVoice);
      ctx.spoke = true;
      break;
    case 'quiet-diplomacy':
      // Quiet diplomacy by the Secretary-General, stronger when the crisis is read as atrocity risk.
      ctx.quietDiplomacy += sec.frame === 'atrocity' ? p.quietAtrocity : p.quietOther;
      break;
    case 'silent':
      break;
  }
  if (action !== sec.action && action !== 'article-99-briefing') ctx.log('secretariat', action);
  sec.action = action;
}
