/**
 * Rules of deterrence, the leadership's expected cost (sim/models/luck2018/deterrence.ts;
 * docs/ODD.md 7.11): credibility, the article's three limits, and appeasement, each limit by its
 * parameter (set to distinct values here, so that a rule reading the wrong one is caught).
 */
import { describe, expect, it } from 'vitest';
import { appeasement, credibility, deterrenceLimit, expectedCost, perpetratorSensitivity } from '../../sim/models/luck2018/deterrence';
import type { Params } from '../../sim/models/luck2018/params';
import { params, tickContext, tinyWorld } from '../helpers/luck-world';

const LIMITS: Partial<Params> = { existentialDiscount: 0.8, patronDiscount: 0.65, armedGroupSensitivity: 0.7, extremistSensitivity: 0.2, appeasementWeight: 0.6 };
const p0 = params(LIMITS);

describe('deterrence', () => {
  // credibility = clamp(deterrence + warnings + councilSignal).
  it('credibility adds the baseline, the warnings carried and what the organs did, up to 1', () => {
    const { w, p } = tinyWorld({ n: 10, params: { deterrence: 0.3 } });
    w.warnings = 0.1;
    w.councilSignal = 0.2;
    expect(credibility(p, w)).toBeCloseTo(0.6, 15);
    w.councilSignal = 0.9;
    expect(credibility(p, w)).toBe(1);
  });

  it('each kind of perpetrator keeps its own share of a government’s sensitivity', () => {
    const s = (perpetratorType: Params['perpetratorType'], over: Partial<Params> = {}) => perpetratorSensitivity(params({ ...LIMITS, perpetratorType, ...over }));
    expect(s('government')).toBe(1);
    expect(s('armed-group')).toBe(p0.armedGroupSensitivity);
    expect(s('extremist-armed-group')).toBe(p0.extremistSensitivity);
    expect(s('armed-group', { armedGroupSensitivity: 0.1 })).toBe(0.1);
    expect(s('extremist-armed-group', { extremistSensitivity: 0.9 })).toBe(0.9);
  });

  // limit = (1 - existentialDiscount E) (1 - patronDiscount if patron) sensitivity(perpetratorType).
  it('falls on deaf ears with existential stakes, a patron, or extremist armed groups', () => {
    const limit = (over: Partial<Params>) => deterrenceLimit(params({ ...LIMITS, existentialStakes: 0, patron: false, perpetratorType: 'government', ...over }));
    expect(limit({})).toBe(1);
    expect(limit({ existentialStakes: 1 })).toBeCloseTo(1 - p0.existentialDiscount, 15);
    expect(limit({ existentialStakes: 0.5 })).toBeCloseTo(1 - p0.existentialDiscount * 0.5, 15);
    expect(limit({ existentialStakes: 0.5, existentialDiscount: 0.4 })).toBeCloseTo(0.8, 15);
    expect(limit({ patron: true })).toBeCloseTo(1 - p0.patronDiscount, 15);
    expect(limit({ patron: true, patronDiscount: 0.1 })).toBeCloseTo(0.9, 15);
    expect(limit({ perpetratorType: 'armed-group' })).toBe(p0.armedGroupSensitivity);
    expect(limit({ perpetratorType: 'extremist-armed-group' })).toBe(p0.extremistSensitivity);
    expect(limit({ existentialStakes: 0.5, patron: true, perpetratorType: 'armed-group' })).toBeCloseTo(
      (1 - p0.existentialDiscount * 0.5) * (1 - p0.patronDiscount) * p0.armedGroupSensitivity,
      15,
    );
  });

  // appeasement = appeasementWeight x impartiality on high-risk days, else 0.
  it('impartiality held while risk is high reads as appeasement, in proportion to appeasementWeight', () => {
    expect(appeasement(params({ ...LIMITS, impartiality: 0.5 }), true)).toBeCloseTo(p0.appeasementWeight * 0.5, 15);
    expect(appeasement(params({ ...LIMITS, impartiality: 0.5, appeasementWeight: 0.2 }), true)).toBeCloseTo(0.1, 15);
    expect(appeasement(params({ ...LIMITS, impartiality: 0.5 }), false)).toBe(0);
  });

  // cost = credibility x deterrenceSeverity x limit x (1 - appeasement).
  it('the expected cost is credibility x severity x limit x (1 - appeasement)', () => {
    const { w, p } = tinyWorld({ n: 10, params: { ...LIMITS, deterrence: 0.5, deterrenceSeverity: 0.8, existentialStakes: 0.5, patron: false, perpetratorType: 'armed-group', impartiality: 0.5 } });
    const limit = (1 - p.existentialDiscount * 0.5) * p.armedGroupSensitivity;
    expect(expectedCost(tickContext(w, p, { highRisk: false }))).toBeCloseTo(0.5 * 0.8 * limit, 15);
    expect(expectedCost(tickContext(w, p, { highRisk: true }))).toBeCloseTo(0.5 * 0.8 * limit * (1 - p.appeasementWeight * 0.5), 15);
  });

  it('risk counts as high from the highRisk parameter (as the harness and the kernel read it)', () => {
    const { w, p } = tinyWorld({ n: 10, params: { ...LIMITS, deterrence: 1, deterrenceSeverity: 1, existentialStakes: 0, patron: false, perpetratorType: 'government', impartiality: 1, highRisk: 0.4 } });
    expect(expectedCost(tickContext(w, p, { trueRisk: 0.4 }))).toBeCloseTo(1 - p.appeasementWeight, 15);
    expect(expectedCost(tickContext(w, p, { trueRisk: 0.4 - 1e-9 }))).toBe(1);
  });
});
