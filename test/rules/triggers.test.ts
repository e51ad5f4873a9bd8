/**
 * Rules of the trigger events (sim/models/luck2018/triggers.ts): each kind on its day and on no
 * other, what each changes (the leadership's shock, the hardliners, the state's weakness, the
 * organised force's engagement, an assault on the venues, the settlement, the crisis), and the
 * fading of the shock and the crisis by their half-lives. Every kind has its own distinct shock
 * here, so that a rule reading another kind's parameter is caught.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../sim/engine/streams';
import { leadershipStep } from '../../sim/models/luck2018/agents/leadership';
import { r2pKernel } from '../../sim/models/luck2018/kernel';
import { SERIES, SERIES_INDEX } from '../../sim/models/luck2018/observables';
import type { Params } from '../../sim/models/luck2018/params';
import { shockPersistence, triggersStep } from '../../sim/models/luck2018/triggers';
import type { World } from '../../sim/models/luck2018/world';
import { ScriptedStreams, eventLines, normalsByTick, params, tickContext, tinyWorld } from '../helpers/luck-world';

const DAYS = ['electionDay', 'leaderKilledDay', 'coupDay', 'uprisingDay', 'offensiveDay', 'townFallsDay', 'clashDay', 'agreementDay'] as const;
type DayName = (typeof DAYS)[number];

const NONE: Partial<Params> = Object.fromEntries(DAYS.map((d) => [d, -1]));
const DISTINCT: Partial<Params> = {
  shockElection: 0.11,
  shockLeaderKilled: 0.13,
  shockCoup: 0.17,
  shockUprising: 0.19,
  shockOffensive: 0.23,
  shockClash: 0.29,
  leaderKilledHardening: 0.4,
  coupWeakening: 0.3,
  shockHalfLife: 10,
  crisisHalfLife: 40,
  offensiveHalfLife: 25,
};

function world(over: Partial<Params> = {}) {
  const { w, p } = tinyWorld({ n: 10, params: { ...NONE, ...DISTINCT, ...over } });
  w.leadership.hardliners = 0.5;
  return { w, p };
}

/** What a trigger may change. */
const snapshot = (w: World) => ({
  shock: w.leadership.shock,
  crisis: w.crisis,
  hardliners: w.leadership.hardliners,
  weaknessAdded: w.weaknessAdded,
  offensive: w.offensive,
  uprisen: w.uprisen,
  assault: w.assault,
  settlement: w.settlement,
  settled: w.settled,
  events: eventLines(w).length,
});

function dayOf(w: World, p: Params, tick: number) {
  triggersStep(tickContext(w, p, { tick }));
  return snapshot(w);
}

describe('each trigger on its day, and on no other', () => {
  const p0 = params(DISTINCT);
  const quiet = { shock: 0, crisis: 0, hardliners: 0.5, weaknessAdded: 0, offensive: 0, uprisen: false, assault: false, settlement: 0, settled: false, events: 0 };
  /** What each kind changes on its day (from the quiet state), and the event it logs. */
  const EFFECT: Record<DayName, { change: Partial<typeof quiet>; event: string }> = {
    electionDay: { change: { shock: p0.shockElection, crisis: 1 }, event: 'trigger election' },
    leaderKilledDay: { change: { shock: p0.shockLeaderKilled, crisis: 1, hardliners: 0.5 + p0.leaderKilledHardening * 0.5 }, event: 'trigger leader-killed' },
    coupDay: { change: { shock: p0.shockCoup, crisis: 1, weaknessAdded: p0.coupWeakening }, event: 'trigger coup' },
    uprisingDay: { change: { shock: p0.shockUprising, crisis: 1, uprisen: true }, event: 'trigger uprising' },
    offensiveDay: { change: { shock: p0.shockOffensive, crisis: 1, offensive: 1 }, event: 'trigger offensive' },
    townFallsDay: { change: { crisis: 1, offensive: 1, assault: true }, event: 'trigger town-assault' },
    clashDay: { change: { shock: p0.shockClash, crisis: 1 }, event: 'trigger clash' },
    agreementDay: { change: { settlement: 1, settled: true }, event: 'trigger agreement-signed' },
  };

  for (const kind of DAYS) {
    it(`${kind}: changes what it changes on day 10, nothing on days 9 and 11 but the fading`, () => {
      const { w, p } = world({ [kind]: 10 });
      const e = EFFECT[kind];
      expect(dayOf(w, p, 9)).toEqual(quiet);
      const on = dayOf(w, p, 10);
      expect(on).toEqual({ ...quiet, ...e.change, events: 1 });
      expect(eventLines(w)).toEqual([e.event]);
      expect(w.events[0].tick).toBe(10);
      // The day after: the shock and the crisis fade, an assault is over, lasting changes stay.
      const after = dayOf(w, p, 11);
      expect(after).toEqual({
        ...on,
        shock: on.shock * shockPersistence(p.shockHalfLife),
        crisis: on.crisis * shockPersistence(p.crisisHalfLife),
        offensive: on.offensive * shockPersistence(p.offensiveHalfLife),
        assault: false,
      });
    });
  }

  it('none fires with every day at -1 (the default), over a year', () => {
    const { w, p } = tinyWorld({ n: 10 });
    for (const d of DAYS) expect(p[d], d).toBe(-1);
    for (let t = 0; t < 400; t++) triggersStep(tickContext(w, p, { tick: t }));
    expect(w.events).toEqual([]);
    expect([w.leadership.shock, w.crisis, w.offensive, w.settled]).toEqual([0, 0, 0, false]);
  });

  it('events on the same day add their shocks; the crisis is set to 1, not added', () => {
    const { w, p } = world({ electionDay: 5, clashDay: 5, offensiveDay: 5 });
    w.crisis = 0.5;
    dayOf(w, p, 5);
    expect(w.leadership.shock).toBeCloseTo(p.shockElection + p.shockOffensive + p.shockClash, 15);
    expect(w.crisis).toBe(1);
    expect(eventLines(w)).toEqual(['trigger election', 'trigger offensive', 'trigger clash']);
  });

  it('the day’s shock comes on top of what is left of earlier ones', () => {
    const { w, p } = world({ uprisingDay: 10 });
    w.leadership.shock = 0.5;
    dayOf(w, p, 10);
    expect(w.leadership.shock).toBe(0.5 * shockPersistence(p.shockHalfLife) + p.shockUprising);
  });

  it('a killed leader moves the hardliners towards 1 by leaderKilledHardening; a coup adds weakness up to 1', () => {
    const { w, p } = world({ leaderKilledDay: 3, coupDay: 3 });
    w.leadership.hardliners = 0.8;
    w.weaknessAdded = 0.9;
    dayOf(w, p, 3);
    expect(w.leadership.hardliners).toBeCloseTo(0.8 + p.leaderKilledHardening * 0.2, 15);
    expect(w.weaknessAdded).toBe(1);
  });

  it('an agreement opens no crisis, and one already signed is not signed again', () => {
    const { w, p } = world({ agreementDay: 0 });
    dayOf(w, p, 0);
    expect([w.settled, w.settlement, w.crisis]).toEqual([true, 1, 0]);
    const signed = world({ agreementDay: 4 });
    signed.w.settled = true;
    signed.w.settlement = 1;
    dayOf(signed.w, signed.p, 4);
    expect(signed.w.events).toEqual([]);
  });

  it('a town’s fall brings the force to bear, the push fading by offensiveHalfLife, and the assault lasts its one day', () => {
    const { w, p } = world({ townFallsDay: 2, offensiveHalfLife: 2 });
    const seen = [1, 2, 3, 4].map((t) => {
      dayOf(w, p, t);
      return [w.assault, w.offensive];
    });
    expect(seen.map(([a]) => a)).toEqual([false, true, false, false]);
    expect(seen[0][1]).toBe(0);
    expect(seen[1][1]).toBe(1);
    expect(seen[2][1]).toBeCloseTo(2 ** -0.5, 14);
    expect(seen[3][1]).toBeCloseTo(0.5, 14);
  });

  it('an offensive\u2019s push fades by offensiveHalfLife, by its own name, and a new offensive renews it', () => {
    for (const offensiveHalfLife of [5, 20]) {
      const { w, p } = world({ offensiveDay: 1, offensiveHalfLife, shockHalfLife: 7, crisisHalfLife: 9 });
      for (let t = 1; t <= 1 + offensiveHalfLife; t++) dayOf(w, p, t);
      expect(w.offensive).toBeCloseTo(0.5, 12);
    }
  });
});

describe('the fading of shocks and crises', () => {
  it('persistence per day is 2^(-1/halfLife) within 1e-15', () => {
    for (const h of [1, 2, 7, 10, 30, 45, 120, 365, 3650]) expect(Math.abs(shockPersistence(h) - 2 ** (-1 / h)), `half-life ${h}`).toBeLessThanOrEqual(1e-15);
  });

  it('the shock fades by shockHalfLife and the crisis by crisisHalfLife, each by its own name', () => {
    for (const [shockHalfLife, crisisHalfLife] of [
      [10, 40],
      [40, 10],
    ]) {
      const { w, p } = world({ shockHalfLife, crisisHalfLife });
      w.leadership.shock = 0.8;
      w.crisis = 0.6;
      dayOf(w, p, 1);
      expect(Math.abs(w.leadership.shock / 0.8 - 2 ** (-1 / shockHalfLife))).toBeLessThanOrEqual(1e-15);
      expect(Math.abs(w.crisis / 0.6 - 2 ** (-1 / crisisHalfLife))).toBeLessThanOrEqual(1e-15);
    }
  });

  it('halves over a half-life of days', () => {
    const { w, p } = world({ electionDay: 0 });
    for (let t = 0; t <= p.shockHalfLife; t++) dayOf(w, p, t);
    expect(w.leadership.shock).toBeCloseTo(p.shockElection / 2, 14);
    for (let t = p.shockHalfLife + 1; t <= p.crisisHalfLife; t++) dayOf(w, p, t);
    expect(w.crisis).toBeCloseTo(0.5, 14);
  });
});

describe('triggers move the leadership’s clock', () => {
  it('an election lifts a leadership over a bar it would never reach, and it steps down on the day the shock has faded below the margin', () => {
    // stakes 0.1 against incitement's bar 0.25 (margin 0.125): never climbs without the election; with
    // a shock s it wants incitement by 0.1 + s - 0.25 and holds while 0.1 + s - 0.25 >= -0.125.
    const run = (electionDay: number) => {
      const { w, p } = world({
        electionDay,
        shockElection: 0.5,
        stakes: 0.1,
        existentialStakes: 0,
        stateWeakness: 0,
        priorAtrocities: 0,
        spoilerPropensity: 0,
        deterrence: 0,
        barIncitement: 0.25,
        barOrganising: 2,
        stepDownMargin: 0.125,
        planningEffort: 0.5,
      });
      w.leadership.hardliners = 1;
      const streams = new ScriptedStreams({ 'leadership/decide': normalsByTick(() => 0) });
      const rungs: number[] = [];
      for (let t = 0; t < 120; t++) {
        triggersStep(tickContext(w, p, { tick: t }));
        leadershipStep(tickContext(w, p, { tick: t, streams, highRisk: false }));
        rungs.push(w.leadership.rung);
      }
      return { rungs, p };
    };
    expect(run(-1).rungs.every((r) => r === 0)).toBe(true);
    const { rungs, p } = run(5);
    // The shock on each day, as the rule fades it; the first day it no longer holds incitement.
    let shock = 0;
    let expectedDown = -1;
    for (let t = 0; t < 120 && expectedDown < 0; t++) {
      shock = shock * shockPersistence(p.shockHalfLife) + (t === 5 ? p.shockElection : 0);
      if (t > 5 && 0.1 + shock - 0.25 < -0.125) expectedDown = t;
    }
    expect(rungs.indexOf(1)).toBe(6); // prepared in two days: 0.35 then 0.35 x persistence
    expect(rungs.lastIndexOf(1)).toBe(expectedDown - 1);
    expect(rungs.slice(6, expectedDown).every((r) => r === 1)).toBe(true);
    expect(rungs.slice(expectedDown).every((r) => r === 0)).toBe(true);
  });

  it('the kernel applies the day’s events before the leadership decides: the motive carries the shock the same day', () => {
    const run = (electionDay: number) => {
      const p = params({ agents: 200, electionDay });
      const streams = new Streams('triggers-kernel');
      const w = r2pKernel.create(p, streams);
      const out = new Float64Array(SERIES.length);
      for (let t = 0; t <= 3; t++) r2pKernel.step(w, p, t, streams, out);
      return { w, p, out };
    };
    const without = run(-1);
    const withElection = run(3);
    expect(withElection.w.leadership.motive - without.w.leadership.motive).toBeCloseTo(withElection.p.shockElection, 12);
    expect(withElection.out[SERIES_INDEX.get('triggerShock')!]).toBe(withElection.p.shockElection);
    expect(eventLines(withElection.w)).toContain('trigger election');
  });
});
