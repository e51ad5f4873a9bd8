/**
 * Rules the kernel applies between the agents (sim/models/luck2018/kernel.ts and risk.ts;
 * docs/ODD.md 3, 7.3, 7.6, 7.13, 7.16): the resolution check, the true risk and when it counts
 * as high, the risk the Council can see, the risk factors a trigger moves, the derived daily
 * inputs (counter-messaging's lasting stock, lethality, restraint), what the population step
 * reads, deaths and the mass-atrocity flag, legitimacy, and the order of a tick.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../sim/engine/streams';
import { ParamError } from '../../sim/engine/validate';
import { opportunity, rungBar } from '../../sim/models/luck2018/agents/leadership';
import { huntedExposed, populationStep } from '../../sim/models/luck2018/agents/population';
import {
  MIN_THRESHOLD_AGENTS,
  checkResolution,
  buildResilience,
  challengeFaced,
  coercionLethality,
  cowingToday,
  derivedInputs,
  lethalityOf,
  populationInputs,
  r2pKernel,
  roadblocksManned,
  mobilisablePool,
  recordDeaths,
  updateLegitimacy,
  visibleRisk,
} from '../../sim/models/luck2018/kernel';
import { createModel } from '../../sim/models/index';
import { SERIES } from '../../sim/models/luck2018/observables';
import { STREAM } from '../../sim/models/luck2018/streams';
import type { Params } from '../../sim/models/luck2018/params';
import { riskFactors, trueRisk } from '../../sim/models/luck2018/risk';
import { peacekeepersStep } from '../../sim/models/luck2018/un/peacekeepers';
import { forceEngagement } from '../../sim/models/luck2018/triggers';
import { DEAD, FLED, JOINED, OTHER_GROUP, PASSIVE, PROTECTED, RESISTING } from '../../sim/models/luck2018/world';
import { eventLines, fillPopulationDraws, params, tickContext, tinyWorld } from '../helpers/luck-world';

describe('resolution: the mass-atrocity threshold stands for at least 20 agents', () => {
  const refusal = (over: Partial<Params>) => {
    try {
      checkResolution(params(over));
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it('accepts exactly 20 agents’ worth, and refuses 1e-9 less', () => {
    expect(MIN_THRESHOLD_AGENTS).toBe(20);
    expect(refusal({ atrocityThreshold: 1000, peoplePerAgent: 50 })).toBeUndefined();
    expect(refusal({ atrocityThreshold: 1000, peoplePerAgent: 50 + 1e-9 })).toBeInstanceOf(ParamError);
    expect(refusal({ atrocityThreshold: 20, peoplePerAgent: 1 })).toBeUndefined();
    expect(refusal({ atrocityThreshold: 19, peoplePerAgent: 1 })).toBeInstanceOf(ParamError);
    expect(refusal({ atrocityThreshold: 1000, peoplePerAgent: 10 })).toBeUndefined();
  });

  it('names peoplePerAgent, the most people per agent allowed, and the agents needed for the same population', () => {
    const e = refusal({ agents: 10_000, peoplePerAgent: 100, atrocityThreshold: 1000 }) as ParamError;
    expect(e).toBeInstanceOf(ParamError);
    expect(e.field).toBe('peoplePerAgent');
    expect(e.value).toBe(100);
    expect(e.message).toContain('peoplePerAgent');
    expect(e.message).toContain('at most 50 people per agent');
    expect(e.message).toContain('(it is 10)');
    expect(e.message).toContain('use 20000 agents or more');
    // The fix it names works, and is the least that does: 20000 agents for the same million people, not 19999.
    expect(refusal({ agents: 20_000, peoplePerAgent: 1_000_000 / 20_000, atrocityThreshold: 1000 })).toBeUndefined();
    expect(refusal({ agents: 19_999, peoplePerAgent: 1_000_000 / 19_999, atrocityThreshold: 1000 })).toBeInstanceOf(ParamError);
  });

  it('is the kernel’s check: a run is refused before it starts', () => {
    expect(() => r2pKernel.check!(params({ peoplePerAgent: 100, atrocityThreshold: 1000 }))).toThrow(ParamError);
    expect(() => createModel({ params: { agents: 200, peoplePerAgent: 100, atrocityThreshold: 1000 }, seed: 1, ticks: 2 })).toThrow(/peoplePerAgent/);
    expect(() => createModel({ params: { agents: 200 }, seed: 1, ticks: 2 })).not.toThrow();
  });
});

describe('risk', () => {
  // trueRisk = clamp(riskPlanWeight rung / 4 + (1 - riskPlanWeight) min(1, riskMobilisationScale joined / max(1, othersAlive))).
  it('is the plan and the mobilisation, from yesterday’s state, each by its parameter', () => {
    for (const over of [{}, { riskPlanWeight: 0.3, riskMobilisationScale: 2 }]) {
      const { w, p } = tinyWorld({ n: 10, params: over });
      const at = (rung: number, joined: number, othersAlive: number) => {
        w.leadership.rung = rung;
        w.tally.joined = joined;
        w.tally.othersAlive = othersAlive;
        return trueRisk(p, w);
      };
      const a = p.riskPlanWeight;
      const m = p.riskMobilisationScale;
      expect(at(0, 0, 100)).toBe(0);
      expect(at(3, 0, 100)).toBeCloseTo((a * 3) / 4, 15);
      expect(at(3, 2, 100)).toBeCloseTo((a * 3) / 4 + (1 - a) * Math.min(1, (m * 2) / 100), 15);
      expect(at(2, 30, 100)).toBeCloseTo(a / 2 + (1 - a) * Math.min(1, (m * 30) / 100), 15);
      expect(at(4, 100, 100)).toBe(1);
      expect(at(0, 1, 0)).toBeCloseTo((1 - a) * Math.min(1, m), 15); // othersAlive counts as at least 1
    }
  });

  it('counts as high and imminent from p.highRisk on, as the kernel reads it', () => {
    // Yesterday's state: rung 2, nobody joined; the kernel's tick counts a high-risk day as spoken or silent.
    const highDays = (highRisk: (risk: number) => number) => {
      const { w, p: p0 } = tinyWorld({ n: 20, params: { mediators: 0 } });
      w.leadership.rung = 2;
      w.tally.othersAlive = 10;
      const risk = trueRisk(p0, w);
      const p = { ...p0, highRisk: highRisk(risk) };
      r2pKernel.step(w, p, 5, new Streams('high-risk'), new Float64Array(SERIES.length));
      return w.daysSpokenHighRisk + w.daysSilentHighRisk;
    };
    expect(highDays((risk) => risk)).toBe(1);
    expect(highDays((risk) => risk + 1e-9)).toBe(0);
  });

  // visibleRisk = clamp(visibleRiskScale recentDeaths / max(1, targets)).
  it('the Council sees visibleRiskScale x the recent deaths per targeted agent', () => {
    const { w, p } = tinyWorld({ n: 10, targeted: [0, 1, 2, 3] });
    w.recentDeaths = 0.05;
    expect(visibleRisk(p, w)).toBeCloseTo((p.visibleRiskScale * 0.05) / 4, 15);
    expect(visibleRisk({ ...p, visibleRiskScale: 8 }, w)).toBeCloseTo(0.1, 15);
    w.recentDeaths = 100;
    expect(visibleRisk(p, w)).toBe(1);
  });
});

describe('risk factors moved by the new rules', () => {
  const factors = (over: Partial<Params>, setup: (w: ReturnType<typeof tinyWorld>['w']) => void = () => {}, reachToday = 0) => {
    const { w, p } = tinyWorld({ n: 10, params: over });
    setup(w);
    const out = new Float64Array(14);
    riskFactors(tickContext(w, p), { motive: 0, reachToday, counterMessaging: 0, recentDeaths: 0 }, out);
    return { out, p };
  };

  it('rf01 (armed conflict or other instability) is the killing rungs’ opportunity: 1 once an offensive began, else armedConflict (halved once settled) or the crisis', () => {
    expect(factors({ armedConflict: 0.4 }).out[0]).toBe(0.4);
    expect(factors({ armedConflict: 0.4 }, (w) => (w.settled = true)).out[0]).toBe(0.2);
    expect(factors({ armedConflict: 0 }, (w) => (w.offensive = 1)).out[0]).toBe(1);
    expect(factors({ armedConflict: 0.4 }, (w) => ((w.offensive = 1), (w.settled = true))).out[0]).toBe(1);
    expect(factors({ armedConflict: 0.4 }, (w) => (w.crisis = 0.7)).out[0]).toBe(0.7);
    expect(factors({ armedConflict: 0.4 }, (w) => (w.crisis = 0.3)).out[0]).toBe(0.4);
    const { w, p } = tinyWorld({ n: 10, params: { armedConflict: 0.6 } });
    w.crisis = 0.2;
    expect(factors({ armedConflict: 0.6 }, (x) => (x.crisis = 0.2)).out[0]).toBe(opportunity(p, w));
  });

  it('rf08 (triggering factors) adds the trigger shock and the spoiling a settlement threatens, up to 1', () => {
    const base = { incitement: 0.5, spoilerPropensity: 0.4, existentialStakes: 0 };
    expect(factors({ ...base, settlementInclusion: 0 }, (w) => (w.settlement = 0.5), 0.2).out[7]).toBeCloseTo(0.5 * 0.2 + 0.4 * 0.5, 15);
    expect(factors({ ...base, settlementInclusion: 1 }, (w) => (w.settlement = 0.5), 0.2).out[7]).toBeCloseTo(0.5 * 0.2, 15);
    expect(factors({ ...base, settlementInclusion: 1, existentialStakes: 1 }, (w) => (w.settlement = 0.5)).out[7]).toBeCloseTo(0.4 * 0.5, 15);
    expect(factors({ ...base, settlementInclusion: 0 }, (w) => ((w.settled = true), (w.settlement = 0.3))).out[7]).toBeCloseTo(0.4, 15);
    expect(factors({ ...base, settlementInclusion: 1 }, (w) => (w.leadership.shock = 0.25)).out[7]).toBeCloseTo(0.25, 15);
    expect(factors({ ...base, settlementInclusion: 0 }, (w) => ((w.leadership.shock = 0.9), (w.settlement = 0.5)), 1).out[7]).toBe(1);
  });
});

describe('derived daily inputs', () => {
  const world = (over: Partial<Params> = {}) =>
    tinyWorld({ n: 10, params: { counterMessaging: 0.2, localPartners: 0.5, killRate: 0.1, resistRate: 0.1, incitementReach: 0.4, voiceWeight: 0.6, partnerBase: 0.25, partnerWeight: 1.5, ...over } });

  // counterMessaging = clamp((counterMessaging + voiceWeight voice) legitimacy (partnerBase + partnerWeight localPartners)).
  it('counter-messaging: the baseline and the UN’s voice, by legitimacy and local partners', () => {
    const { w, p } = world();
    w.voice = 0.1;
    w.legitimacy = 0.5;
    expect(derivedInputs(p, w).counterMessaging).toBeCloseTo((0.2 + p.voiceWeight * 0.1) * 0.5 * (p.partnerBase + p.partnerWeight * 0.5), 15);
    expect(derivedInputs({ ...p, voiceWeight: 2, partnerBase: 0.5, partnerWeight: 1 }, w).counterMessaging).toBeCloseTo((0.2 + 0.2) * 0.5 * 1, 15);
    w.voice = 1;
    w.legitimacy = 1;
    expect(derivedInputs({ ...p, localPartners: 1 }, w).counterMessaging).toBe(1);
  });

  // resilience <- clamp(resilience 2^(-1/resilienceHalfLife) + resilienceGain cm (1 - resilience)).
  it('derivedInputs reads the stock and leaves it alone (no side effect: twice in a day changes nothing)', () => {
    const { w, p } = world({ counterMessaging: 0.8 });
    w.resilience = 0.4;
    const a = derivedInputs(p, w);
    expect(derivedInputs(p, w)).toEqual(a);
    expect(w.resilience).toBe(0.4);
  });

  it('counter-messaging builds the resilience stock by resilienceGain, towards 1', () => {
    const { w, p } = world({ resilienceGain: 0.1, resilienceHalfLife: 50 });
    w.legitimacy = 1;
    w.resilience = 0.3;
    const cm = buildResilience(p, w);
    expect(w.resilience).toBeCloseTo(0.3 * 2 ** (-1 / 50) + 0.1 * cm * 0.7, 15);
    const none = world({ resilienceGain: 0, resilienceHalfLife: 50 });
    none.w.resilience = 0.3;
    buildResilience(none.p, none.w);
    expect(none.w.resilience).toBeCloseTo(0.3 * 2 ** (-1 / 50), 15);
  });

  it('the stock lasts after counter-messaging stops, fading by 2^(-1/resilienceHalfLife) a day', () => {
    const { w, p } = world({ resilienceHalfLife: 40, counterMessaging: 0.8, voiceWeight: 0 });
    w.legitimacy = 1;
    for (let t = 0; t < 20; t++) buildResilience(p, w);
    const built = w.resilience;
    expect(built).toBeGreaterThan(0);
    const off = { ...p, counterMessaging: 0 };
    let before = built;
    for (let t = 0; t < 40; t++) {
      expect(buildResilience(off, w)).toBe(0);
      expect(Math.abs(w.resilience / before - 2 ** (-1 / 40))).toBeLessThanOrEqual(1e-15);
      before = w.resilience;
    }
    expect(w.resilience).toBeCloseTo(built / 2, 12);
  });

  it('an early pulse of counter-messaging keeps an exposed bystander out of the mobilisation after it ends', () => {
    // Agent 0: 1 of 4 neighbours joined (0.25) + incitement 1 x exposure 0.9 x (1 - resilience), threshold 0.8.
    const joinsAfter = (pulse: number) => {
      const { w, p } = tinyWorld({
        n: 5,
        edges: [[0, 1], [0, 2], [0, 3], [0, 4]],
        agents: { 0: { threshold: 0.8, exposure: 1 }, 1: { state: JOINED, threshold: 0 } },
        params: { incitement: 1, incitementReach: 0, exposureMemory: 0.1, orders: 0, counterMessaging: pulse, voiceWeight: 0, localPartners: 1, resilienceGain: 0.2, resilienceHalfLife: 120 },
      });
      w.legitimacy = 1;
      for (let t = 0; t < 15; t++) buildResilience(p, w); // the pulse
      const off = { ...p, counterMessaging: 0 };
      for (let t = 0; t < 30; t++) buildResilience(off, w); // a month after it ended
      w.leadership.rung = 4;
      const inputs = populationInputs(off, w, 0, 0);
      expect(inputs.resilience).toBe(w.resilience);
      w.region.restraint.fill(0);
      fillPopulationDraws(w);
      populationStep(w, inputs);
      return { state: w.state[0], resilience: w.resilience };
    };
    expect(joinsAfter(0)).toEqual({ state: JOINED, resilience: 0 });
    const pulsed = joinsAfter(1);
    expect(pulsed.resilience).toBeGreaterThan(0.1);
    expect(pulsed.state).toBe(PASSIVE);
  });

  // lethality = lethalityOf(rung) armsFactor; restraintBase = restraintMessaging resilience + restraintCost cost.
  it('lethality by rung, each by its parameter, cut by the arms embargo', () => {
    const p = params({ lethalityOrganising: 0.01, lethalityTargeted: 0.4 });
    expect([0, 1, 2, 3, 4].map((r) => lethalityOf(p, r, 0))).toEqual([0, 0, p.lethalityOrganising, p.lethalityTargeted, 1]);
    const { w, p: pw } = world({ lethalityTargeted: 0.4 });
    w.leadership.rung = 3;
    w.armsFactor = 0.8;
    expect(derivedInputs(pw, w).lethality).toBeCloseTo(0.4 * 0.8, 15);
  });

  // ODD 7.13: under an aim to coerce, every rung's lethality is times unchallengedLethality + (1 - it) x challenge,
  // the challenge the largest of armedChallenge, reprisals and (from its day) uprisingChallenge.
  it('coercion is as lethal as the challenge it answers, on every rung; other aims are not', () => {
    const coerce = (over: Partial<Params>) =>
      params({ perpetratorAim: 'coerce', lethalityOrganising: 0.02, lethalityTargeted: 0.1, unchallengedLethality: 0.2, armedChallenge: 0.5, reprisals: 0.25, uprisingChallenge: 0.75, ...over });
    expect(coercionLethality(coerce({}), 0.5)).toBeCloseTo(0.2 + 0.8 * 0.5, 15);
    expect(coercionLethality(coerce({}), 0)).toBeCloseTo(0.2, 15);
    expect(coercionLethality(coerce({}), 1)).toBe(1);
    // Every rung scaled alike: targeted attacks stay the same fraction of mass killing.
    expect([2, 3, 4].map((r) => lethalityOf(coerce({}), r, 0))).toEqual([0.02 * 0.2, 0.1 * 0.2, 0.2].map((x) => expect.closeTo(x, 15)));
    expect(lethalityOf(coerce({}), 1, 1)).toBe(0);
    // Off at 1, and no effect for the other aims.
    expect(coercionLethality(coerce({ unchallengedLethality: 1 }), 0)).toBe(1);
    for (const perpetratorAim of ['destroy', 'expel'] as const) {
      expect(coercionLethality(coerce({ perpetratorAim }), 0)).toBe(1);
      expect(lethalityOf(coerce({ perpetratorAim }), 3, 0)).toBe(0.1);
    }
  });

  it('the challenge faced: the largest of the armed challenge, the violence on both sides, and an uprising from its day', () => {
    const { w, p } = world({ perpetratorAim: 'coerce', armedChallenge: 0.2, reprisals: 0.4, uprisingChallenge: 0.7 });
    expect(challengeFaced(p, w)).toBe(0.4);
    w.uprisen = true;
    expect(challengeFaced(p, w)).toBe(0.7);
    expect(challengeFaced({ ...p, armedChallenge: 0.9 }, w)).toBe(0.9);
    expect(challengeFaced({ ...p, armedChallenge: 0, reprisals: 0, uprisingChallenge: 0 }, w)).toBe(0);
  });

  it('the day\'s lethality reads the challenge: a coercion that answers none kills at unchallengedLethality of the rung', () => {
    const { w, p } = world({ perpetratorAim: 'coerce', lethalityTargeted: 0.4, unchallengedLethality: 0.1, armedChallenge: 0, reprisals: 0, uprisingChallenge: 1 });
    w.leadership.rung = 3;
    w.armsFactor = 1;
    expect(derivedInputs(p, w).lethality).toBeCloseTo(0.04, 15);
    w.uprisen = true;
    expect(derivedInputs(p, w).lethality).toBeCloseTo(0.4, 15);
  });

  it('restraint on foot soldiers: restraintMessaging x today’s resilience + restraintCost x the expected cost', () => {
    const { w, p } = world({ restraintMessaging: 0.5, restraintCost: 0.3, resilienceGain: 0 });
    w.resilience = 0.4;
    w.leadership.cost = 0.2;
    const d = derivedInputs(p, w);
    expect(d.restraintBase).toBeCloseTo(p.restraintMessaging * w.resilience + p.restraintCost * 0.2, 15);
    expect(derivedInputs({ ...p, restraintMessaging: 1, restraintCost: 0 }, w).restraintBase).toBeCloseTo(w.resilience, 15);
  });
});

describe('what the population step reads', () => {
  const world = (over: Partial<Params> = {}) =>
    tinyWorld({ n: 10, params: { localPartners: 0.5, killRate: 0.1, resistRate: 0.1, incitementReach: 0.4, orders: 0.3, forceKillRate: 0.2, organisedForce: 0.5, forceEngagementBase: 0.4, massacreMultiplier: 3, ...over } });

  it('bystanders are called, and ordered, from targeted attacks on; hate media reach from incitement on', () => {
    const { w, p } = world();
    const at = (rung: number) => {
      w.leadership.rung = rung;
      const i = populationInputs(p, w, 0.5, 0.3);
      return [i.mobilising, i.orders, i.reachToday];
    };
    expect(at(0)).toEqual([false, 0, 0]);
    expect(at(1)).toEqual([false, 0, p.incitementReach]);
    expect(at(2)).toEqual([false, 0, p.incitementReach]);
    expect(at(3)).toEqual([true, p.orders, p.incitementReach]);
    expect(at(4)).toEqual([true, p.orders, p.incitementReach]);
  });

  it('killing reaches the selectiveShare singled out below mass killing, and everyone at mass killing', () => {
    const { w, p } = world({ selectiveShare: 0.15 });
    const sel = (rung: number, q = p) => {
      w.leadership.rung = rung;
      return populationInputs(q, w, 0, 0.3).selective;
    };
    expect([sel(0), sel(1), sel(2), sel(3), sel(4)]).toEqual([0.15, 0.15, 0.15, 0.15, 1]);
    expect(sel(3, { ...p, selectiveShare: 0.4 })).toBe(0.4);
  });

  it('mass killing reaches the whole group only when the aim is to destroy it; coerciveReach otherwise', () => {
    const { w, p } = world({ selectiveShare: 0.15, coerciveReach: 0.3 });
    const sel = (q: Params, rung = 4) => {
      w.leadership.rung = rung;
      return populationInputs(q, w, 0, 0.3).selective;
    };
    expect(sel({ ...p, perpetratorAim: 'destroy' })).toBe(1);
    expect(sel({ ...p, perpetratorAim: 'coerce' })).toBe(0.3);
    expect(sel({ ...p, perpetratorAim: 'expel' })).toBe(0.3);
    // Never below the targeted-attacks rung's reach, and the aim changes nothing below mass killing.
    expect(sel({ ...p, perpetratorAim: 'coerce', coerciveReach: 0.05 })).toBe(0.15);
    expect(sel({ ...p, perpetratorAim: 'coerce' }, 3)).toBe(0.15);
  });

  it('the organised force’s hazard: forceKillRate x organisedForce x engagement x lethality, full engagement after an offensive', () => {
    const { w, p } = world();
    w.leadership.rung = 3;
    expect(populationInputs(p, w, 0, 0.3).forceHazard).toBeCloseTo(p.forceKillRate * p.organisedForce * p.forceEngagementBase * 0.3, 15);
    w.offensive = 1;
    expect(populationInputs(p, w, 0, 0.3).forceHazard).toBeCloseTo(p.forceKillRate * p.organisedForce * 0.3, 15);
    expect(populationInputs(p, w, 0, 0).forceHazard).toBe(0); // no lethality, no killing
    expect(populationInputs({ ...p, forceKillRate: 1, organisedForce: 1 }, w, 0, 1).forceHazard).toBe(1);
    expect(populationInputs({ ...p, forceKillRate: 5, organisedForce: 1 }, w, 0, 1).forceHazard).toBe(1);
  });

  it('where the aim is to coerce or to expel, the force brings coerciveEngagement of its engagement to bear; all of it to destroy', () => {
    const { w, p } = world({ coerciveEngagement: 0.25 });
    w.leadership.rung = 4;
    const hazard = (aim: Params['perpetratorAim'], offensive: number) => {
      w.offensive = offensive;
      return populationInputs({ ...p, perpetratorAim: aim }, w, 0, 0.3).forceHazard;
    };
    const full = p.forceKillRate * p.organisedForce * 0.3;
    for (const offensive of [0, 1]) {
      const engagement = offensive ? 1 : p.forceEngagementBase;
      expect(hazard('destroy', offensive)).toBeCloseTo(full * engagement, 15);
      expect(hazard('coerce', offensive)).toBeCloseTo(full * engagement * 0.25, 15);
      expect(hazard('expel', offensive)).toBeCloseTo(full * engagement * 0.25, 15);
    }
    // The same engagement is what the force brings to an attack on a venue (peacekeepers.ts reads forceEngagement).
    w.offensive = 0;
    expect(forceEngagement({ ...p, perpetratorAim: 'coerce' }, w)).toBeCloseTo(0.25 * p.forceEngagementBase, 15);
    expect(forceEngagement({ ...p, perpetratorAim: 'destroy' }, w)).toBeCloseTo(p.forceEngagementBase, 15);
  });

  describe("the organised force's daily capacity (forceKillCapacity, a handling limit)", () => {
    // n agents, all targeted, in two regions; peoplePerAgent 10; full engagement after an offensive.
    const hunting = (n: number, over: Partial<Params> = {}) => {
      const built = tinyWorld({ n, regions: 2, targeted: [...Array(n).keys()], params: { forceKillRate: 0.2, organisedForce: 0.5, peoplePerAgent: 10, forceKillCapacity: 1e7, ...over } });
      built.w.leadership.rung = 4;
      built.w.offensive = 1;
      return built;
    };

    it('below the capacity, the rate per person; at it, the capacity spread over those the force can find', () => {
      const { w, p } = hunting(100, { perpetratorAim: 'destroy' });
      expect(populationInputs(p, w, 0, 1).forceHazard).toBeCloseTo(0.2 * 0.5, 15);
      // 40 people a day at full drive, x drive 0.5 = 20 people = 2 agents a day, over 100 hunted agents.
      const capped = populationInputs({ ...p, forceKillCapacity: 40 }, w, 0, 1).forceHazard;
      expect(capped).toBeCloseTo((40 * 0.5) / 10 / 100, 15);
      expect(capped * huntedExposed(w, 1, 1)).toBeCloseTo(2, 12);
    });

    it('a larger group does not make the force kill more a day: the expected toll is the capacity, whatever the size', () => {
      for (const n of [100, 400]) {
        const { w, p } = hunting(n, { perpetratorAim: 'destroy', forceKillCapacity: 40 });
        const { forceHazard } = populationInputs(p, w, 0, 1);
        expect(forceHazard * huntedExposed(w, 1, 1)).toBeCloseTo(2, 12);
      }
      // Lethality scales the capacity as it scales the rate.
      const { w, p } = hunting(100, { perpetratorAim: 'destroy', forceKillCapacity: 40 });
      expect(populationInputs(p, w, 0, 0.5).forceHazard * huntedExposed(w, 1, 1)).toBeCloseTo(1, 12);
    });

    it('the capacity is spread over the hunted only: alive, not fled, not sheltering, within the reach, and unprotected', () => {
      const { w } = hunting(8);
      expect(huntedExposed(w, 1, 1)).toBe(8);
      w.state[0] = DEAD;
      w.state[1] = FLED;
      w.state[2] = PROTECTED;
      expect(huntedExposed(w, 1, 1)).toBe(5);
      // Regions are halves (agents 0-3, 4-7): protection 0.5 in the second halves its four.
      w.region.protection[1] = 0.5;
      expect(huntedExposed(w, 1, 1)).toBe(1 + 2);
      // Within the reach: only agents whose selectRank is below it.
      const below = [...w.selectRank].filter((r, i) => r < 0.3 && i >= 3).length;
      const expected = [...w.selectRank].reduce((sum, r, i) => (i >= 3 && r < 0.3 ? sum + (i >= 4 ? 0.5 : 1) : sum), 0);
      expect(below).toBeGreaterThan(0);
      expect(huntedExposed(w, 0.3, 1)).toBeCloseTo(expected, 15);
      // Bystanders are never hunted.
      w.group.fill(OTHER_GROUP);
      expect(huntedExposed(w, 1, 1)).toBe(0);
    });

    it('with nobody to find, the rate per person stands (no division by zero)', () => {
      const { w, p } = hunting(4, { forceKillCapacity: 1 });
      w.state.fill(FLED);
      expect(populationInputs(p, w, 0, 1).forceHazard).toBeCloseTo(0.1, 15);
      expect(populationInputs({ ...p, forceKillCapacity: 0 }, w, 0, 1).forceHazard).toBeCloseTo(0.1, 15);
    });

    it('in the step: force deaths stay near the capacity whatever the group size', () => {
      for (const n of [2000, 8000]) {
        const { w, p } = hunting(n, { perpetratorAim: 'destroy', forceKillCapacity: 400, killRate: 0 });
        const inputs = populationInputs(p, w, 0, 1);
        new Streams(`capacity-${n}`).fill(STREAM.population, 1, w.draws);
        populationStep(w, inputs);
        // Expected 400 x 0.5 / 10 = 20 agents; binomial sd about 4.5.
        expect(w.tally.deathsByForce).toBeGreaterThan(5);
        expect(w.tally.deathsByForce).toBeLessThan(40);
      }
    });
  });

  it('kill rates, resistance, the resilience stock and the bystanders’ flight, each by its parameter', () => {
    const { w, p } = world({ resistBase: 0.5, bystanderFlee: 0.3 });
    w.leadership.rung = 3;
    w.resilience = 0.35;
    const i = populationInputs(p, w, 0.5, 0.3);
    expect(i.killPerAttacker).toBeCloseTo(p.killRate * 0.3, 15);
    expect(i.massacreRate).toBeCloseTo(p.massacreMultiplier * p.killRate * 0.3, 15);
    expect(i.resistChance).toBeCloseTo(p.resistRate * (p.resistBase + p.localPartners) * 1.5, 15);
    expect(i.resilience).toBe(0.35);
    expect(i.bystanderFlee).toBe(0.3);
    expect(populationInputs({ ...p, killRate: 1 }, w, 0.5, 1).massacreRate).toBe(1);
  });

  // ODD 7.15: those the killing singles out feel singledOutTerror once attacks are ordered (rung >= 3), whatever the aim.
  it('the terror of those singled out starts when attacks are ordered, not before', () => {
    for (const perpetratorAim of ['destroy', 'coerce', 'expel'] as const) {
      const { w, p } = world({ singledOutTerror: 0.3, perpetratorAim });
      for (const [rung, terror] of [[0, 0], [2, 0], [3, 0.3], [4, 0.3]] as const) {
        w.leadership.rung = rung;
        expect(populationInputs(p, w, 0, 1).singledOutTerror, `${perpetratorAim}, rung ${rung}`).toBe(terror);
      }
    }
  });

  // ODD 7.15: under an aim to coerce, the killing hunts singled-out people who do not resist with weight 1 - challengeFocus.
  it('coercion concentrates on those who resist by challengeFocus; an aim to expel or destroy hunts all it singles out alike', () => {
    for (const [perpetratorAim, weight] of [['coerce', 0.3], ['expel', 1], ['destroy', 1]] as const) {
      const { w, p } = world({ challengeFocus: 0.7, perpetratorAim });
      w.leadership.rung = 4;
      expect(populationInputs(p, w, 0, 1).unresistingHunted, perpetratorAim).toBeCloseTo(weight, 15);
    }
    const { w, p } = world({ challengeFocus: 0, perpetratorAim: 'coerce' });
    expect(populationInputs(p, w, 0, 1).unresistingHunted).toBe(1);
  });

  it("the force's capacity under coercion is spread over the weighted hunted: the fewer resist, the more each is hunted", () => {
    const base = { forceKillRate: 0.2, organisedForce: 0.5, peoplePerAgent: 10, forceKillCapacity: 40, perpetratorAim: 'coerce', coerciveEngagement: 1, selectiveShare: 1 } as const;
    const { w, p } = tinyWorld({ n: 100, targeted: [...Array(100).keys()], params: { ...base, challengeFocus: 0.5 } });
    w.leadership.rung = 4;
    w.offensive = 1;
    // Capacity 40 x 0.5 / 10 = 2 agents a day; the rate per person 0.2 x 0.5 = 0.1 caps it.
    expect(populationInputs({ ...p, challengeFocus: 0 }, w, 0, 1).forceHazard).toBeCloseTo(2 / 100, 15);
    expect(populationInputs(p, w, 0, 1).forceHazard).toBeCloseTo(2 / 50, 15); // 100 x 0.5
    for (let i = 0; i < 10; i++) w.state[i] = RESISTING;
    expect(populationInputs(p, w, 0, 1).forceHazard).toBeCloseTo(2 / (10 + 90 * 0.5), 15);
    expect(populationInputs({ ...p, challengeFocus: 1 }, w, 0, 1).forceHazard).toBeCloseTo(0.1, 15); // 2 / 10 = 0.2, capped at the rate
  });

  // ODD 7.13: cowing passes on only under an aim to coerce.
  it('resisters are cowed only where the aim is to coerce', () => {
    for (const [perpetratorAim, expected] of [['coerce', 0.7], ['destroy', 0], ['expel', 0]] as const) {
      const { w, p } = world({ cowing: 0.7, perpetratorAim });
      expect(populationInputs(p, w, 0, 1).cowing, perpetratorAim).toBe(expected);
      expect(cowingToday(p), perpetratorAim).toBe(expected);
    }
  });

  it('passes roamReach to the population as it is', () => {
    const { w, p } = world({ roamReach: 0.35 });
    expect(populationInputs(p, w, 0, 1).roamReach).toBe(0.35);
  });

  // ODD 7.15: roadblocks manned = roadblocks x orders, once the leadership mobilises (rung >= 3),
  // and only under an aim to destroy; 0 otherwise.
  it('roadblocks are manned on the orders of the authorities, once they mobilise, where the aim is to destroy', () => {
    const manned = (params: Partial<Params>, rung: number) => {
      const { w, p } = world({ roadblocks: 40, orders: 0.5, perpetratorAim: 'destroy', ...params });
      w.leadership.rung = rung;
      return populationInputs(p, w, 0, 1).roadblocks;
    };
    expect(manned({}, 3)).toBeCloseTo(20, 15);
    expect(manned({}, 4)).toBeCloseTo(20, 15);
    expect(manned({ orders: 0.2 }, 4)).toBeCloseTo(8, 15);
    expect(manned({ orders: 0 }, 4)).toBe(0); // no orders, no barriers (Libya, Srebrenica)
    expect(manned({}, 2)).toBe(0); // organising: no one is called out yet
    expect(manned({ perpetratorAim: 'expel' }, 4)).toBe(0); // who means to expel lets the group go
    expect(manned({ perpetratorAim: 'coerce' }, 4)).toBe(0); // a coercion has what it wants when opponents leave
    expect(roadblocksManned({ ...world({}).p, roadblocks: 100, orders: 0.3, perpetratorAim: 'destroy' }, true)).toBeCloseTo(30, 12);
  });

  // ODD 7.13: the pool that can join is mobilisableShare + conscription x compulsion, at most 1.
  it('an administration that compels widens the mobilisable pool by conscription, up to everyone', () => {
    const pool = (over: Partial<Params>) => {
      const { w, p } = world({ mobilisableShare: 0.1, conscription: 0.4, compulsion: 0.5, ...over });
      w.leadership.rung = 3;
      return populationInputs(p, w, 0, 1).pool;
    };
    expect(pool({})).toBeCloseTo(0.3, 15);
    expect(pool({ compulsion: 0 })).toBe(0.1); // only the willing answer: the mobilisable share
    expect(pool({ conscription: 0 })).toBe(0.1); // conscription off
    expect(pool({ orders: 0 })).toBeCloseTo(0.3, 15); // the pressure of orders is another term (7.15)
    expect(pool({ conscription: 1, compulsion: 1 })).toBe(1); // never above everyone
    expect(mobilisablePool({ ...world({}).p, mobilisableShare: 0.2, conscription: 0.5, compulsion: 0.2 })).toBeCloseTo(0.3, 15);
  });

  // safeAreaPull = 1 if any safe area is declared, whatever its capacity (the promise, not the capacity).
  it('a declared safe area pulls at full strength whatever its capacity', () => {
    for (const safeAreaCapacity of [0, 1]) {
      const { w, p } = world({ safeAreas: 1, safeAreaCapacity });
      expect(populationInputs(p, w, 0, 0).safeAreaPull).toBe(0); // not laid out before the peacekeeper step
      peacekeepersStep(tickContext(w, p), 0, 0);
      expect(populationInputs(p, w, 0, 0).safeAreaPull).toBe(1);
    }
    const { w, p } = world({ safeAreas: 0, peacekeeperCoverage: 1 });
    peacekeepersStep(tickContext(w, p), 0, 0);
    expect(populationInputs(p, w, 0, 0).safeAreaPull).toBe(0);
  });
});

describe('deaths and the mass-atrocity flag', () => {
  // Flagged once, when deaths within atrocityWindow x peoplePerAgent >= atrocityThreshold; onset = first killing in that window.
  const run = (deaths: number[], over: Partial<Params> = {}, byForce: number[] = []) => {
    const { w, p } = tinyWorld({ n: 10, params: { peoplePerAgent: 50, atrocityThreshold: 1000, atrocityWindow: 365, ...over } });
    deaths.forEach((d, t) => {
      w.tally.deathsByForce = byForce[t] ?? 0;
      recordDeaths(tickContext(w, p, { tick: t }), d);
    });
    return w;
  };

  it('is raised on the day the threshold is crossed, with the onset of the episode', () => {
    const w = run([0, 0, 6, 0, 8, 6, 10]);
    expect([w.massAtrocityTick, w.onsetTick, w.cumDeaths]).toEqual([5, 2, 30]);
    expect(eventLines(w)).toEqual(['outcome mass-atrocity threshold crossed; onset tick 2']);
    expect(run([0, 0, 6, 0, 8, 5]).massAtrocityTick).toBe(-1);
    expect(run([0, 0, 6, 0, 8, 6]).massAtrocityTick).toBe(5); // exactly 1000 people
  });

  it('counts only deaths within the window', () => {
    expect(run([10, 0, 0, 10], { atrocityWindow: 3 }).massAtrocityTick).toBe(-1);
    const w = run([10, 0, 10, 0, 10], { atrocityWindow: 3 });
    expect([w.massAtrocityTick, w.onsetTick]).toEqual([2, 0]);
    const later = run([10, 0, 0, 0, 10, 10], { atrocityWindow: 3 });
    expect([later.massAtrocityTick, later.onsetTick]).toEqual([5, 4]);
  });

  it('keeps the deaths of the last 30 days for the Council', () => {
    const w = run(new Array(40).fill(1));
    expect([w.recentDeaths, w.cumDeaths]).toEqual([30, 40]);
  });

  it('adds up the organised force’s deaths apart, and the first and last day of killing', () => {
    const w = run([0, 0, 3, 0, 0, 2, 0, 0], {}, [0, 0, 1, 0, 0, 2, 0, 0]);
    expect([w.cumDeaths, w.cumDeathsByForce, w.firstDeathTick, w.lastDeathTick]).toEqual([5, 3, 2, 5]);
    const none = run([0, 0, 0]);
    expect([none.cumDeathsByForce, none.firstDeathTick, none.lastDeathTick]).toEqual([0, -1, -1]);
    const one = run([0, 4, 0]);
    expect([one.firstDeathTick, one.lastDeathTick]).toEqual([1, 1]);
  });
});

describe('legitimacy', () => {
  // On high-risk days +legitimacyGain (1 - L) when the UN spoke, -legitimacyLossSilent when silent; -legitimacyLossKilling more on a killing day without a voice.
  const RATES: Partial<Params> = { legitimacyGain: 0.004, legitimacyLossSilent: 0.003, legitimacyLossKilling: 0.005 };
  const r = params(RATES);
  const day = (highRisk: boolean, spoke: boolean, deaths: number, legitimacy = 0.5) => {
    const { w, p } = tinyWorld({ n: 10, params: RATES });
    w.legitimacy = legitimacy;
    const ctx = tickContext(w, p, { highRisk });
    ctx.spoke = spoke;
    updateLegitimacy(ctx, deaths);
    return [+w.legitimacy.toFixed(12), w.daysSpokenHighRisk, w.daysSilentHighRisk];
  };
  const f = (x: number) => +x.toFixed(12);

  it('rises slowly when the UN speaks while risk is high, and falls when it is silent', () => {
    expect(day(true, true, 0)).toEqual([f(0.5 + r.legitimacyGain * 0.5), 1, 0]);
    expect(day(true, false, 0)).toEqual([f(0.5 - r.legitimacyLossSilent), 0, 1]);
    expect(day(false, false, 0)).toEqual([0.5, 0, 0]);
    expect(day(false, true, 0)).toEqual([0.5, 0, 0]);
  });

  it('falls further on a killing day without a voice', () => {
    expect(day(false, false, 2)).toEqual([f(0.5 - r.legitimacyLossKilling), 0, 0]);
    expect(day(true, false, 2)).toEqual([f(0.5 - r.legitimacyLossSilent - r.legitimacyLossKilling), 0, 1]);
    expect(day(true, true, 2)).toEqual([f(0.5 + r.legitimacyGain * 0.5), 1, 0]);
    expect(day(true, false, 2, 0.001)).toEqual([0, 0, 1]);
  });
});

describe('the order of a tick', () => {
  // ODD 3: the leadership moves (step 3) before the population (step 5), which reads today's rung.
  it('bystanders can join on the very day the leadership reaches the rung that calls on them', () => {
    const p0 = params();
    const callRung = [0, 1, 2, 3, 4].find((r) => {
      const { w } = tinyWorld({ n: 6 });
      w.leadership.rung = r;
      return populationInputs(p0, w, 0, 0).mobilising;
    })!;
    const tick = (stakes: number) => {
      const { w, p } = tinyWorld({
        n: 6,
        agents: { 0: { threshold: 0 } },
        params: { stakes, existentialStakes: 0, stateWeakness: 0, priorAtrocities: 0, deterrence: 0, armedConflict: 1, leadershipNoise: 0, counterMessaging: 0, mediators: 0 },
      });
      w.leadership.rung = callRung - 1;
      w.leadership.prep = p.planningEffort;
      w.leadership.hardliners = 1;
      r2pKernel.step(w, p, 5, new Streams('order'), new Float64Array(SERIES.length));
      return [w.leadership.rung, w.state[0]];
    };
    expect(tick(2)).toEqual([callRung, JOINED]);
    // Stakes at the bar of the rung below: it holds that rung (net 0) and does not want the next.
    expect(tick(rungBar(p0, callRung - 1))).toEqual([callRung - 1, PASSIVE]);
  });
});
