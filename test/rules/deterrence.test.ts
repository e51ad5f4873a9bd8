/**
 * Rules of deterrence, the leadership's expected cost (sim/models/luck2018/deterrence.ts;
 * docs/ODD.md 7.11): credibility, the article's three limits, and appeasement.
 */
import { describe, expect, it } from 'vitest';
import { appeasement, credibility, deterrenceLimit, expectedCost } from '../../sim/models/luck2018/deterrence';
import type { Params } from '../../sim/models/luck2018/params';
import { params, tickContext, tinyWorld } from '../helpers/luck-world';

describe('deterrence', () => {
  // ODD 7.11: credibility = clamp(deterrence + warnings + councilSignal).
  it('credibility adds the baseline, the warnings carried and what the organs did, up to 1', () => {
    const { w, p } = tinyWorld({ n: 10, params: { deterrence: 0.3 } });
    w.warnings = 0.1;
    w.councilSignal = 0.2;
    expect(credibility(p, w)).toBeCloseTo(0.6, 15);
    w.councilSignal = 0.9;
    expect(credibility(p, w)).toBe(1);
  });

  // ODD 7.11: limit = (1 - 0.8 existentialStakes) (0.35 if patron) S[perpetratorType], S = government 1, armed group 0.7, extremist 0.2.
  it('falls on deaf ears with existential stakes, a patron, or extremist armed groups', () => {
    const limit = (over: Partial<Params>) => deterrenceLimit(params({ existentialStakes: 0, patron: false, perpetratorType: 'government', ...over }));
    expect(limit({})).toBe(1);
    expect(limit({ existentialStakes: 1 })).toBeCloseTo(0.2, 15);
    expect(limit({ existentialStakes: 0.5 })).toBeCloseTo(0.6, 15);
    expect(limit({ patron: true })).toBe(0.35);
    expect(limit({ perpetratorType: 'armed-group' })).toBe(0.7);
    expect(limit({ perpetratorType: 'extremist-armed-group' })).toBe(0.2);
    expect(limit({ existentialStakes: 0.5, patron: true, perpetratorType: 'armed-group' })).toBeCloseTo(0.6 * 0.35 * 0.7, 15);
  });

  // ODD 7.11: appeasement = 0.6 impartiality on high-risk days, else 0.
  it('impartiality held while risk is high reads as appeasement', () => {
    expect(appeasement(params({ impartiality: 0.5 }), true)).toBeCloseTo(0.3, 15);
    expect(appeasement(params({ impartiality: 0.5 }), false)).toBe(0);
  });

  // ODD 7.11: cost = credibility x deterrenceSeverity x limit x (1 - appeasement).
  it('the expected cost is credibility x severity x limit x (1 - appeasement)', () => {
    const { w, p } = tinyWorld({ n: 10, params: { deterrence: 0.5, deterrenceSeverity: 0.8, existentialStakes: 0.5, patron: false, perpetratorType: 'armed-group', impartiality: 0.5 } });
    expect(expectedCost(tickContext(w, p, { highRisk: false }))).toBeCloseTo(0.5 * 0.8 * 0.6 * 0.7, 15);
    expect(expectedCost(tickContext(w, p, { highRisk: true }))).toBeCloseTo(0.5 * 0.8 * 0.6 * 0.7 * 0.7, 15);
  });
});
