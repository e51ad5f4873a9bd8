/**
 * Rules of the vocabulary added for more cases (issue 13): regional leverage and Council
 * sanctions in the credibility of consequences, a non-UN protective force (its arrival, its
 * protection, its credibility), a consented UN deployment from its day, a change of leadership,
 * and violence on both sides (reprisals). Each parameter is set to a distinct value, so a rule
 * reading the wrong one is caught.
 */
import { describe, expect, it } from 'vitest';
import { credibility } from '../../sim/models/luck2018/deterrence';
import type { Params } from '../../sim/models/luck2018/params';
import { triggersStep } from '../../sim/models/luck2018/triggers';
import { peacekeepersStep } from '../../sim/models/luck2018/un/peacekeepers';
import { coverageRanks, type World } from '../../sim/models/luck2018/world';
import { eventLines, tickContext, tinyWorld } from '../helpers/luck-world';

const NO_DAYS: Partial<Params> = {
  electionDay: -1, leaderKilledDay: -1, coupDay: -1, uprisingDay: -1, offensiveDay: -1, townFallsDay: -1,
  clashDay: -1, agreementDay: -1, leadershipChangeDay: -1, outsideForceDay: -1,
};

describe('credibility: regional leverage, sanctions in force, an outside force on the ground', () => {
  it('adds regionalPressure and sanctionsInForce, each by its name, up to 1', () => {
    const { w, p } = tinyWorld({ n: 10, params: { deterrence: 0.2, regionalPressure: 0.1, sanctionsInForce: 0.05 } });
    expect(credibility(p, w)).toBeCloseTo(0.35, 15);
    expect(credibility({ ...p, regionalPressure: 0.3 }, w)).toBeCloseTo(0.55, 15);
    expect(credibility({ ...p, sanctionsInForce: 0.25 }, w)).toBeCloseTo(0.55, 15);
    expect(credibility({ ...p, regionalPressure: 0.9 }, w)).toBe(1);
  });

  it('adds outsideForceDeterrence x outsideForceCapacity only once the force is on the ground', () => {
    const { w, p } = tinyWorld({ n: 10, params: { deterrence: 0.2, outsideForceCapacity: 0.5, outsideForceDeterrence: 0.4 } });
    expect(credibility(p, w)).toBeCloseTo(0.2, 15);
    w.outsideOnGround = true;
    expect(credibility(p, w)).toBeCloseTo(0.4, 15);
    expect(credibility({ ...p, outsideForceCapacity: 0.25 }, w)).toBeCloseTo(0.3, 15);
  });
});

function triggerWorld(over: Partial<Params> = {}) {
  const { w, p } = tinyWorld({ n: 10, params: { ...NO_DAYS, shockHalfLife: 1e9, crisisHalfLife: 1e9, ...over } });
  w.leadership.hardliners = 0.6;
  w.leadership.prep = 0.4;
  return { w, p };
}
const day = (w: World, p: Params, tick: number) => triggersStep(tickContext(w, p, { tick }));

describe('a change of leadership', () => {
  it('on its day sets the hardliners to hardlinersAfterChange, restarts the planning and opens a crisis; on no other day', () => {
    const { w, p } = triggerWorld({ leadershipChangeDay: 10, hardlinersAfterChange: 0.2 });
    day(w, p, 9);
    expect([w.leadership.hardliners, w.leadership.prep, w.crisis]).toEqual([0.6, 0.4, 0]);
    day(w, p, 10);
    expect([w.leadership.hardliners, w.leadership.prep, w.crisis]).toEqual([0.2, 0, 1]);
    expect(eventLines(w)).toEqual(['trigger leadership-change']);
    w.leadership.hardliners = 0.7;
    day(w, p, 11);
    expect(w.leadership.hardliners).toBe(0.7);
  });
});

describe('an outside force arrives', () => {
  it('is on the ground from its day, opens no crisis and adds no shock', () => {
    const { w, p } = triggerWorld({ outsideForceDay: 5 });
    day(w, p, 4);
    expect(w.outsideOnGround).toBe(false);
    day(w, p, 5);
    expect([w.outsideOnGround, w.crisis, w.leadership.shock]).toEqual([true, 0, 0]);
    expect(eventLines(w)).toEqual(['trigger outside-force-arrives']);
  });
});

describe('violence on both sides: reprisals', () => {
  // shock += reprisals x reprisalShock x min(1, yesterday's deaths / targeted / reprisalSaturation)
  const setup = (over: Partial<Params>, deathsYesterday: number) => {
    const { w, p } = tinyWorld({ n: 100, targeted: Array.from({ length: 50 }, (_, k) => k), params: { ...NO_DAYS, shockHalfLife: 1e9, ...over } });
    w.tally.deathsToday = deathsYesterday;
    day(w, p, 3);
    return w.leadership.shock;
  };
  it('return yesterday\u2019s killing to the leadership as a shock, in proportion below saturation', () => {
    // 1 of 50 killed = 0.02; saturation 0.04: half strength.
    expect(setup({ reprisals: 0.5, reprisalShock: 0.2, reprisalSaturation: 0.04 }, 1)).toBeCloseTo(0.5 * 0.2 * 0.5, 15);
    expect(setup({ reprisals: 0.25, reprisalShock: 0.2, reprisalSaturation: 0.04 }, 1)).toBeCloseTo(0.25 * 0.2 * 0.5, 15);
    expect(setup({ reprisals: 0.5, reprisalShock: 0.3, reprisalSaturation: 0.04 }, 1)).toBeCloseTo(0.5 * 0.3 * 0.5, 15);
    expect(setup({ reprisals: 0.5, reprisalShock: 0.2, reprisalSaturation: 0.08 }, 1)).toBeCloseTo(0.5 * 0.2 * 0.25, 15);
  });
  it('saturate at reprisalSaturation, and add nothing without killing or without reprisals', () => {
    expect(setup({ reprisals: 0.5, reprisalShock: 0.2, reprisalSaturation: 0.01 }, 5)).toBeCloseTo(0.1, 15);
    expect(setup({ reprisals: 0.5, reprisalShock: 0.2, reprisalSaturation: 0.01 }, 0)).toBe(0);
    expect(setup({ reprisals: 0, reprisalShock: 0.2, reprisalSaturation: 0.01 }, 5)).toBe(0);
  });
});

describe('protection by an outside force and by a consented UN deployment', () => {
  const RANK4 = Array.from(coverageRanks(4));
  const world = (over: Partial<Params>) =>
    tinyWorld({ n: 40, regions: 4, targeted: Array.from({ length: 20 }, (_, k) => 2 * k), params: { peacekeeperCapacity: 0.4, mandate: 'weak', safeAreas: 0, ...over } });
  const keep = (w: World, p: Params, tick: number) => peacekeepersStep(tickContext(w, p, { tick, joinedShare: 0 }), 0, 0);

  it('an outside force covers every region robustly, its capacity added to the UN\u2019s where the UN is present', () => {
    const { w, p } = world({ peacekeeperCoverage: 0.5, outsideForceCapacity: 0.3 });
    keep(w, p, 1);
    const unOnly = Array.from(w.region.defence);
    expect(unOnly.filter((d) => d > 0)).toHaveLength(2);
    w.outsideOnGround = true;
    keep(w, p, 2);
    for (let r = 0; r < 4; r++) {
      const capacity = RANK4[r] < 2 ? 0.4 + 0.3 : 0.3;
      expect(w.region.covered[r]).toBe(1);
      // robust: no weakMandateDefence cut; a defence only at the UN's bases (the outside force keeps none)
      expect(w.region.defence[r]).toBeCloseTo(RANK4[r] < 2 ? capacity : 0, 15);
      expect(w.region.protection[r]).toBeCloseTo(capacity * p.protectionRobust, 15);
      expect(w.region.restraint[r]).toBeCloseTo(capacity * p.restraintRobust, 15);
    }
  });

  it('an outside force keeps no base: it protects where it fights, but no venue stands to shelter in or to fall', () => {
    const { w, p } = world({ peacekeeperCoverage: 0.5, outsideForceCapacity: 0.3, organisedForce: 0.9, forceAttack: 1 });
    w.outsideOnGround = true;
    // Someone shelters everywhere, and the attack (lethality 1: 0.9 > every defence) would overrun any venue.
    w.region.sheltered.fill(1);
    peacekeepersStep(tickContext(w, p, { tick: 2, joinedShare: 0 }), 0, 1);
    for (let r = 0; r < 4; r++) {
      const un = RANK4[r] < 2;
      expect([w.region.covered[r], w.region.base[r]]).toEqual([1, un ? 1 : 0]);
      // Only the UN's bases are venues: they fall; the outside force's regions keep their protection.
      expect(w.region.fallen[r] !== 0).toBe(un);
      expect(w.region.defence[r]).toBe(un ? 0.7 : 0);
      if (!un) expect(w.region.protection[r]).toBeCloseTo(0.3 * p.protectionRobust, 15);
    }
  });

  it('a consented deployment covers nothing before peacekeepersFromDay and its coverage from that day', () => {
    const { w, p } = world({ peacekeeperCoverage: 0.5, peacekeepersFromDay: 20 });
    keep(w, p, 19);
    expect([w.coverage, Array.from(w.region.covered).reduce((a, b) => a + b, 0)]).toEqual([0, 0]);
    keep(w, p, 20);
    expect([w.coverage, Array.from(w.region.covered).reduce((a, b) => a + b, 0)]).toEqual([0.5, 2]);
  });
});
