/**
 * Human Rights Council: opens a commission of inquiry once killings begin or the Council's
 * perceived risk reaches INQUIRY_RISK; after `inquiryDelay` days the report adds evidence
 * (credibility of consequences), raises the Council's perceived risk and restores some
 * legitimacy (Luck 2018, Shortcomings: the Commissions of Inquiry on the DPRK and Syria).
 */
import type { TickContext } from '../context';
import { clamp01 } from '../world';

export const INQUIRY_RISK = 0.5;

export function hrcStep(ctx: TickContext): void {
  const { p, w, tick } = ctx;
  if (!p.inquiries) return;
  if (w.inquiryOpened < 0) {
    if (w.cumDeaths > 0 || w.council.perceivedRisk >= INQUIRY_RISK) {
      w.inquiryOpened = tick;
      ctx.log('hrc', 'commission-of-inquiry');
    }
    return;
  }
  if (!w.inquiryReported && tick - w.inquiryOpened >= p.inquiryDelay) {
    w.inquiryReported = true;
    w.councilSignal += 0.1;
    w.referral += 0.1;
    w.legitimacy = clamp01(w.legitimacy + 0.02);
    ctx.spoke = true;
    ctx.log('hrc', 'inquiry-report');
  }
}
