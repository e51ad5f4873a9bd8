/**
 * The compare view's statistics off the page's thread: compareArms (analysis/compare.ts) over the
 * runs' summaries. Its bootstrap resamples every outcome of every arm 2,000 times, which takes
 * seconds over a thousand seeds and several arms; the page stays responsive meanwhile.
 */
import { compareArms, type ArmReport } from '../../analysis/compare';

export interface StatsRequest {
  readonly arms: Parameters<typeof compareArms>[0];
}

export type StatsAnswer = { readonly reports: ArmReport[] } | { readonly error: string };

self.addEventListener('message', (ev: MessageEvent<StatsRequest>) => {
  let answer: StatsAnswer;
  try {
    answer = { reports: compareArms(ev.data.arms) };
  } catch (e) {
    answer = { error: e instanceof Error ? e.message : String(e) };
  }
  (self as unknown as Worker).postMessage(answer);
});
