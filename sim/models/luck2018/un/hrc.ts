/**
 * Human Rights Council. Once killings begin or the Council's perceived risk reaches inquiryRisk,
 * a special session is requested; specialSessionDelay days later it meets, condemns the
 * violations in public (voice) and dispatches a commission of inquiry. inquiryDelay days after
 * that, the commission's report names the perpetrators: its evidence adds to the credibility of
 * consequences, to the Council's perceived risk (referral pressure) and to the UN's voice, and
 * restores some legitimacy (Luck 2018, Shortcomings: the Commissions of Inquiry on the DPRK and
 * Syria "have both been outspoken about the growing evidence of mass atrocity crimes"). One
 * commission per run. Constants are parameters (calibration-organs.ts); docs/ODD.md 7.8.
 */
import type { TickContext } from '../context';
import { clamp01 } from '../world';

export function hrcStep(ctx: TickContext): void {
  const { p, w, tick } = ctx;
  if (!p.inquiries) return;
  // The request for a special session: the first killing, or risk the Council already sees as high.
  if (w.hrcRequested < 0 && (w.cumDeaths > 0 || w.council.perceivedRisk >= p.inquiryRisk)) {
    w.hrcRequested = tick;
    ctx.log('hrc', 'special-session-requested');
  }
  if (w.inquiryOpened < 0) {
    if (w.hrcRequested < 0 || tick - w.hrcRequested < p.specialSessionDelay) return;
    // The special session condemns the violations in public and dispatches a commission of inquiry.
    w.inquiryOpened = tick;
    w.voice = clamp01(w.voice + p.sessionVoice);
    ctx.spoke = true;
    ctx.log('hrc', 'commission-of-inquiry');
    return;
  }
  if (!w.inquiryReported && tick - w.inquiryOpened >= p.inquiryDelay) {
    // The report: evidence naming the perpetrators, after a delay.
    w.inquiryReported = true;
    w.councilSignal += p.coiSignal;
    w.referral += p.coiReferral;
    w.voice = clamp01(w.voice + p.coiVoice);
    w.legitimacy = clamp01(w.legitimacy + p.coiLegitimacy);
    ctx.spoke = true;
    ctx.log('hrc', 'inquiry-report');
  }
}
