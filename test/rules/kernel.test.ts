/**
 * Rules the kernel applies between the agents (sim/models/luck2018/kernel.ts and risk.ts;
 * docs/ODD.md 3, 7.3, 7.6, 7.13, 7.16): the true risk, the risk the Council can see, the
 * derived daily inputs, deaths and the mass-atrocity flag, legitimacy, and the order of a tick.
 */
import { describe, expect, it } from 'vitest';
import { SERIES } from '../../sim/models/luck2018/observables';
import type { Params } from '../../sim/models/luck2018/params';
import { HIGH_RISK, trueRisk } from '../../sim/models/luck2018/risk';
import { LETHALITY, derivedInputs, populationInputs, r2pKernel, recordDeaths, updateLegitimacy, visibleRisk } from '../../sim/models/luck2018/kernel';
import { peacekeepersStep } from '../../sim/models/luck2018/un/peacekeepers';
import { JOINED, PASSIVE } from '../../sim/models/luck2018/world';
import { ScriptedStreams, eventLines, tickContext, tinyWorld } from '../helpers/luck-world';

describe('risk', () => {
  // ODD 7.3: trueRisk = clamp(0.55 rung / 4 + 0.45 min(1, 5 joined / max(1, othersAlive))); high and imminent from 0.5.
  it('is the plan and the mobilisation, from yesterday’s state', () => {
    const { w } = tinyWorld({ n: 10 });
    const at = (rung: number, joined: number, othersAlive: number) => {
      w.leadership.rung = rung;
      w.tally.joined = joined;
      w.tally.othersAlive = othersAlive;
      return trueRisk(w);
    };
    expect(at(0, 0, 100)).toBe(0);
    expect(at(3, 0, 100)).toBeCloseTo(0.4125, 15);
    expect(at(3, 2, 100)).toBeCloseTo(0.4125 + 0.45 * 0.1, 15);
    expect(at(2, 30, 100)).toBeCloseTo(0.275 + 0.45, 15);
    expect(at(4, 100, 100)).toBe(1);
    expect(at(0, 1, 0)).toBeCloseTo(0.45, 15); // othersAlive counts as at least 1
    expect(HIGH_RISK).toBe(0.5);
  });

  // ODD 7.6: visibleRisk = clamp(20 recentDeaths / max(1, targets)).
  it('the Council sees 20 x the recent deaths per targeted agent', () => {
    const { w } = tinyWorld({ n: 10, targeted: [0, 1, 2, 3] });
    w.recentDeaths = 0.05;
    expect(visibleRisk(w)).toBeCloseTo(0.25, 15);
    w.recentDeaths = 1;
    expect(visibleRisk(w)).toBe(1);
  });
});

describe('derived daily inputs', () => {
  const world = (over: Partial<Params> = {}) => tinyWorld({ n: 10, params: { counterMessaging: 0.2, localPartners: 0.5, killRate: 0.1, resistRate: 0.1, incitementReach: 0.4, ...over } });

  // ODD 7.13: counterMessaging = clamp((counterMessaging + 0.6 voice) legitimacy (0.25 + 1.5 localPartners)); lethality = LETHALITY[rung] armsFactor; restraintBase = 0.5 cm + 0.3 cost.
  it('counter-messaging, lethality and restraint', () => {
    const { w, p } = world();
    w.voice = 0.1;
    w.legitimacy = 0.5;
    w.leadership.rung = 3;
    w.armsFactor = 0.8;
    w.leadership.cost = 0.2;
    const d = derivedInputs(p, w);
    expect(d.counterMessaging).toBeCloseTo(0.26 * 0.5 * 1, 15);
    expect(d.lethality).toBeCloseTo(0.3 * 0.8, 15);
    expect(d.restraintBase).toBeCloseTo(0.5 * 0.13 + 0.3 * 0.2, 15);
    w.voice = 1;
    w.legitimacy = 1;
    expect(derivedInputs({ ...p, localPartners: 1 }, w).counterMessaging).toBe(1);
    expect(LETHALITY).toEqual([0, 0, 0.005, 0.3, 1]);
  });

  // ODD 7.13: organising = rung >= 2; reach = incitementReach from rung 1; killPerAttacker = killRate lethality; massacreRate = min(1, 3 killRate lethality);
  // resistChance = resistRate (0.5 + localPartners)(1 + cm).
  it('what the population step reads', () => {
    const { w, p } = world();
    const at = (rung: number) => {
      w.leadership.rung = rung;
      return populationInputs(p, w, 0.5, 0.3);
    };
    expect([at(0).organising, at(0).reachToday]).toEqual([false, 0]);
    expect([at(1).organising, at(1).reachToday]).toEqual([false, 0.4]);
    expect([at(2).organising, at(2).reachToday]).toEqual([true, 0.4]);
    const i = at(3);
    expect(i.killPerAttacker).toBeCloseTo(0.03, 15);
    expect(i.massacreRate).toBeCloseTo(0.09, 15);
    expect(i.resistChance).toBeCloseTo(0.1 * 1 * 1.5, 15);
    expect(populationInputs({ ...p, killRate: 1 }, w, 0.5, 1).massacreRate).toBe(1);
  });

  // ODD 7.13 and 7.15: safeAreaPull = 1 if any safe area is declared, whatever its capacity (the promise, not the capacity).
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
  // ODD 7.16: flagged once, when deaths within atrocityWindow x peoplePerAgent >= atrocityThreshold; onset = first killing in that window.
  const run = (deaths: number[], over: Partial<Params> = {}) => {
    const { w, p } = tinyWorld({ n: 10, params: { peoplePerAgent: 100, atrocityThreshold: 1000, atrocityWindow: 365, ...over } });
    deaths.forEach((d, t) => recordDeaths(tickContext(w, p, { tick: t }), d));
    return w;
  };

  it('is raised on the day the threshold is crossed, with the onset of the episode', () => {
    const w = run([0, 0, 3, 0, 4, 3, 5]);
    expect([w.massAtrocityTick, w.onsetTick, w.cumDeaths]).toEqual([5, 2, 15]);
    expect(eventLines(w)).toEqual(['outcome mass-atrocity threshold crossed; onset tick 2']);
    expect(run([0, 0, 3, 0, 4, 2]).massAtrocityTick).toBe(-1);
  });

  it('counts only deaths within the window', () => {
    expect(run([5, 0, 0, 5], { atrocityWindow: 3 }).massAtrocityTick).toBe(-1);
    const w = run([5, 0, 5, 0, 5], { atrocityWindow: 3 });
    expect([w.massAtrocityTick, w.onsetTick]).toEqual([2, 0]);
    const later = run([5, 0, 0, 0, 5, 5], { atrocityWindow: 3 });
    expect([later.massAtrocityTick, later.onsetTick]).toEqual([5, 4]);
  });

  it('keeps the deaths of the last 30 days for the Council', () => {
    const w = run(new Array(40).fill(1));
    expect([w.recentDeaths, w.cumDeaths]).toEqual([30, 40]);
  });
});

describe('legitimacy', () => {
  // ODD 7.16: on high-risk days +0.002 (1 - L) when the UN spoke, -0.003 when silent; -0.002 more on a killing day without a voice.
  const day = (highRisk: boolean, spoke: boolean, deaths: number, legitimacy = 0.5) => {
    const { w, p } = tinyWorld({ n: 10 });
    w.legitimacy = legitimacy;
    const ctx = tickContext(w, p, { highRisk });
    ctx.spoke = spoke;
    updateLegitimacy(ctx, deaths);
    return [+w.legitimacy.toFixed(12), w.daysSpokenHighRisk, w.daysSilentHighRisk];
  };

  it('rises slowly when the UN speaks while risk is high, and falls when it is silent', () => {
    expect(day(true, true, 0)).toEqual([0.501, 1, 0]);
    expect(day(true, false, 0)).toEqual([0.497, 0, 1]);
    expect(day(false, false, 0)).toEqual([0.5, 0, 0]);
    expect(day(false, true, 0)).toEqual([0.5, 0, 0]);
  });

  it('falls further on a killing day without a voice', () => {
    expect(day(false, false, 2)).toEqual([0.498, 0, 0]);
    expect(day(true, false, 2)).toEqual([0.495, 0, 1]);
    expect(day(true, true, 2)).toEqual([0.501, 1, 0]);
    expect(day(true, false, 2, 0.001)).toEqual([0, 0, 1]);
  });
});

describe('the order of a tick', () => {
  // ODD 3: the leadership moves (step 3) before the population (step 5), which reads today's rung.
  it('bystanders can join on the very day the leadership reaches organising', () => {
    const tick = (stakes: number) => {
      const { w, p } = tinyWorld({
        n: 6,
        agents: { 0: { threshold: 0 } },
        params: { stakes, existentialStakes: 0, stateWeakness: 0, priorAtrocities: 0, deterrence: 0, rungDwell: 1, counterMessaging: 0, mediators: 1, unitingForPeace: false, inquiries: false },
      });
      w.leadership.rung = 1;
      w.leadership.hardliners = 1;
      const streams = new ScriptedStreams({
        'un/secretariat': [0, 0, 0.999, 0.999, 0.999],
        'mediator/0': [0, 0, 0.999],
        'leadership/decide': [0, 0],
        'population/decide': () => 0.99,
      });
      r2pKernel.step(w, p, 5, streams, new Float64Array(SERIES.length));
      return [w.leadership.rung, w.state[0]];
    };
    expect(tick(0.5)).toEqual([2, JOINED]);
    expect(tick(0.1)).toEqual([1, PASSIVE]);
  });
});
