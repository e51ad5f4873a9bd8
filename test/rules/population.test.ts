/**
 * Rules of the population (sim/models/luck2018/agents/population.ts; docs/ODD.md 7.15), one at a
 * time, on tiny hand-built networks with scripted draws (u1 = draws[2i], u2 = draws[2i + 1]).
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../sim/engine/streams';
import { huntedExposed, populationStep, roadblocksToday, roamingKillers, type PopulationInputs } from '../../sim/models/luck2018/agents/population';
import { DEAD, FLED, JOINED, OVERRUN, PASSIVE, PROTECTED, RESISTING, TAKEN, createWorld, selectRanks, type World } from '../../sim/models/luck2018/world';
import { populationInputs } from '../../sim/models/luck2018/kernel';
import {
  above32,
  countNeighbours,
  params,
  fillPopulationDraws,
  quietInputs,
  ring,
  star,
  states,
  tinyWorld,
  type AgentSpec,
} from '../helpers/luck-world';

/** One population step with the given draws; returns the new states. */
function step(w: World, inputs: Partial<PopulationInputs> = {}, draws: Record<number, readonly [number, number]> = {}): number[] {
  fillPopulationDraws(w, draws);
  populationStep(w, quietInputs(inputs));
  return states(w);
}

/** Agent 0 at the centre of four leaves, of which the first `joined` are JOINED (and stay so). */
function hub(centre: AgentSpec, joined = 1, extra: Record<number, AgentSpec> = {}) {
  const agents: Record<number, AgentSpec> = { 0: centre };
  for (let k = 1; k <= joined; k++) agents[k] = { state: JOINED, threshold: 0 };
  return tinyWorld({ n: 5, edges: star(0, [1, 2, 3, 4]), agents: { ...agents, ...extra } });
}

describe('bystanders: the threshold rule', () => {
  // ODD 7.15: JOINED when mobilising and pressure >= bar, pressure = joined/deg + push * x, bar = threshold + restraint (1 - incitement x).
  it('joins when the share of joined neighbours is exactly its threshold', () => {
    const { w } = hub({ threshold: 0.25 }); // 1 of 4 neighbours joined: w = 0.25
    expect(step(w)[0]).toBe(JOINED);
  });

  it('does not join when its threshold is just above that share', () => {
    const { w } = hub({ threshold: above32(0.25) });
    expect(step(w)[0]).toBe(PASSIVE);
  });

  it('a zero-threshold agent joins with no joined neighbour at all', () => {
    const { w } = hub({ threshold: 0 }, 0);
    expect(step(w)[0]).toBe(JOINED);
  });

  // ODD 7.15: the update is synchronous; each agent reads yesterday's neighbour states.
  it('a zero-threshold agent starts a cascade on a ring, one ring of neighbours a day', () => {
    const agents: Record<number, AgentSpec> = { 0: { threshold: 0 } };
    for (let i = 1; i < 7; i++) agents[i] = { threshold: 0.5 };
    const { w } = tinyWorld({ n: 7, edges: ring(7), agents });
    const J = JOINED;
    const _ = PASSIVE;
    expect(step(w)).toEqual([J, _, _, _, _, _, _]);
    expect(step(w)).toEqual([J, J, _, _, _, _, J]);
    expect(step(w)).toEqual([J, J, J, _, _, J, J]);
    expect(step(w)).toEqual([J, J, J, J, J, J, J]);
  });

  it('the cascade stops at the seed when the others need more than half their neighbours', () => {
    const agents: Record<number, AgentSpec> = { 0: { threshold: 0 } };
    for (let i = 1; i < 7; i++) agents[i] = { threshold: above32(0.5) };
    const { w } = tinyWorld({ n: 7, edges: ring(7), agents });
    for (let t = 0; t < 4; t++) step(w);
    expect(states(w)).toEqual([JOINED, 0, 0, 0, 0, 0, 0]);
  });

  // ODD 7.15: restraint_r is added to the bar.
  it("adds its region's restraint to the bar", () => {
    const joins = (restraint: number) => {
      const { w } = hub({ threshold: 0.125 });
      w.region.restraint[0] = restraint;
      return step(w)[0];
    };
    expect(joins(0.125)).toBe(JOINED); // 0.25 >= 0.125 + 0.125
    expect(joins(0.125 + 1e-9)).toBe(PASSIVE);
  });

  // ODD 7.15: pressure = joined/deg + incitement (1 - resilience) x + orders; bar = threshold + restraint (1 - incitement x).
  it('incitement pushes exposed agents and discounts their restraint; resilience cuts the push, not the discount', () => {
    // x = (1 - 0.1) * 0.5 = 0.45 (not reached today); pressure and bar by the ODD's formulas.
    const cases = [
      { incitement: 0.5, resilience: 0.5, restraint: 0.2 },
      { incitement: 0.8, resilience: 0, restraint: 0.3 },
      { incitement: 0.8, resilience: 0.9, restraint: 0.3 },
      { incitement: 0.8, resilience: 1, restraint: 0.3 },
      { incitement: 0, resilience: 0, restraint: 0.1 },
    ];
    for (const c of cases) {
      const x = 0.9 * 0.5;
      const pressure = 0.25 + c.incitement * (1 - c.resilience) * x;
      const discount = c.restraint * (1 - c.incitement * x);
      for (const [margin, expected] of [[-1e-6, JOINED], [1e-6, PASSIVE]] as const) {
        const { w } = hub({ threshold: pressure - discount + margin, exposure: 0.5 });
        w.region.restraint[0] = c.restraint;
        expect(step(w, { incitement: c.incitement, resilience: c.resilience })[0], JSON.stringify({ ...c, margin })).toBe(expected);
      }
    }
  });

  it('full resilience leaves peer pressure and orders whole', () => {
    // 1 of 4 joined (0.25) + orders 0.125 = 0.375, whatever the incitement, at resilience 1.
    const joins = (threshold: number) => step(hub({ threshold, exposure: 1 }).w, { incitement: 1, resilience: 1, orders: 0.125 })[0];
    expect(joins(0.375)).toBe(JOINED);
    expect(joins(above32(0.375))).toBe(PASSIVE);
  });

  // ODD 7.15: exposure <- (1 - exposureMemory) exposure + (exposureMemory if u1 < reachToday).
  it('exposure is a moving average of being reached by hate media (u1 < reach)', () => {
    const { w } = hub({ exposure: 0.5 }, 0, { 1: { exposure: 0.5 } });
    step(w, { reachToday: 0.5, exposureMemory: 0.1 }, { 0: [0.5 - 1e-9, 0.99], 1: [0.5, 0.99] });
    expect(w.exposure[0]).toBeCloseTo(0.9 * 0.5 + 0.1, 6);
    expect(w.exposure[1]).toBeCloseTo(0.9 * 0.5, 6);
  });

  // ODD 7.15: joining is impossible, and every perpetrator returns to PASSIVE, while rung < targeted attacks.
  it('joins only while the leadership organises; below it every perpetrator goes home', () => {
    const { w } = hub({ threshold: 0 }, 2);
    expect(step(w, { mobilising: false })).toEqual([PASSIVE, PASSIVE, PASSIVE, PASSIVE, PASSIVE]);
    const { w: w2 } = hub({ threshold: 0 }, 2);
    expect(step(w2, { mobilising: true }).slice(0, 3)).toEqual([JOINED, JOINED, JOINED]);
  });

  // Orders and coercion (Straus 2006): added to every bystander's pressure while the leadership organises.
  it('orders add to every bystander’s pressure, with or without joined neighbours', () => {
    const alone = (threshold: number, orders: number) => step(hub({ threshold }, 0).w, { orders })[0];
    expect(alone(0.25, 0.25)).toBe(JOINED);
    expect(alone(0.25, 0.25 - 1e-9)).toBe(PASSIVE);
    expect(alone(0.25, 0)).toBe(PASSIVE);
    // With one of four neighbours joined: 0.25 + orders.
    const withPeer = (threshold: number) => step(hub({ threshold }, 1).w, { orders: 0.125 })[0];
    expect(withPeer(0.375)).toBe(JOINED);
    expect(withPeer(above32(0.375))).toBe(PASSIVE);
  });

  it('orders move no one while the leadership does not organise', () => {
    const { w } = hub({ threshold: 0.1 }, 0);
    expect(step(w, { mobilising: false, orders: 1 })[0]).toBe(PASSIVE);
  });

  it('orders keep a perpetrator in: it stays while peer pressure and orders hold it within demobilisation of its bar', () => {
    const stays = (orders: number) => step(hub({ state: JOINED, threshold: 0.5 }, 1).w, { orders, demobilisation: 0.125 })[0];
    expect(stays(0.125)).toBe(JOINED); // 0.25 + 0.125 >= 0.5 - 0.125
    expect(stays(0.125 - 1e-9)).toBe(PASSIVE);
  });

  // ODD 7.15: only an agent whose `willing` draw is below today's pool can join, or stay joined.
  it('an agent outside the mobilisable pool never joins, whatever the pressure; inside it, it does', () => {
    const pressed = { orders: 1, incitement: 1, reachToday: 1, demobilisation: 1 };
    expect(step(hub({ threshold: 0, willing: 0.5, exposure: 1 }, 4).w, { ...pressed, pool: 0.5 })[0]).toBe(PASSIVE);
    expect(step(hub({ threshold: 0, willing: 0.5, exposure: 1 }, 4).w, { ...pressed, pool: 0.5000001 })[0]).toBe(JOINED);
  });

  it('a perpetrator outside the pool leaves, however strong the pressure (a conscript serves while compelled)', () => {
    const stays = (pool: number) => step(hub({ state: JOINED, threshold: 0, willing: 0.3 }, 4).w, { orders: 1, demobilisation: 1, pool })[0];
    expect(stays(0.31)).toBe(JOINED);
    expect(stays(0.3)).toBe(PASSIVE);
  });

  // ODD 7.15: a JOINED agent stays while pressure >= bar - demobilisation.
  it('hysteresis: a perpetrator stays while pressure is within demobilisation of its bar; a bystander at that pressure does not join', () => {
    const stay = (state: number, threshold: number, demobilisation: number) => {
      const { w } = hub({ state, threshold }); // pressure 0.25
      return step(w, { demobilisation })[0];
    };
    expect(stay(JOINED, 0.5, 0.25)).toBe(JOINED); // 0.25 >= 0.5 - 0.25
    expect(stay(JOINED, above32(0.5), 0.25)).toBe(PASSIVE);
    expect(stay(PASSIVE, 0.5, 0.25)).toBe(PASSIVE);
    expect(stay(JOINED, 0.5, 0)).toBe(PASSIVE);
  });
});

describe('bystanders next to violence: resistance and flight', () => {
  // ODD 7.15: with joined neighbours, RESISTING if already resisting or u2 < resistChance; FLED if u2 < resistChance + bystanderFlee fleeRate joined/deg.
  const inputs = { resistChance: 0.1, fleeRate: 0.5, bystanderFlee: 0.4 }; // flight band [0.1, 0.1 + 0.4 * 0.5 * 0.25 = 0.15)
  const next = (u2: number, state = PASSIVE, joined = 1) => {
    const { w } = hub({ state, threshold: 1 }, joined);
    return step(w, inputs, { 0: [0.99, u2] })[0];
  };

  it('resists with chance resistChance when a neighbour has joined', () => {
    expect(next(0.1 - 1e-9)).toBe(RESISTING);
    expect(next(0.1)).toBe(FLED); // u2 = resistChance does not resist
  });

  it('flees with chance bystanderFlee x fleeRate times the share of joined neighbours, after resisting', () => {
    expect(next(0.15 - 1e-9)).toBe(FLED);
    expect(next(0.15 + 1e-9)).toBe(PASSIVE);
    // Two joined neighbours double the band: [0.1, 0.2).
    expect(next(0.2 - 1e-9, PASSIVE, 2)).toBe(FLED);
    expect(next(0.2 + 1e-9, PASSIVE, 2)).toBe(PASSIVE);
  });

  it('those who flee today are no longer counted among the bystanders present', () => {
    // Five bystanders; agent 1 has joined; agent 0 (exposure 0.5 -> 0.45) flees; the others have no exposure.
    const count = (u2: number) => {
      const { w } = hub({ threshold: 1, exposure: 0.5 }, 1);
      step(w, inputs, { 0: [0.99, u2] });
      return [w.state[0], w.tally.othersAlive, w.region.others[0], w.tally.fled, +w.tally.exposureSum.toFixed(6)];
    };
    expect(count(0.12)).toEqual([FLED, 4, 4, 1, 0]);
    // A bystander's flight is not the targeted group's.
    const { w } = hub({ threshold: 1 }, 1);
    step(w, inputs, { 0: [0.99, 0.12] });
    expect([w.tally.fled, w.tally.fledTargeted]).toEqual([1, 0]);
    expect(count(0.5)).toEqual([PASSIVE, 5, 5, 0, 0.45]);
  });

  it('keeps resisting while violence is next door, and goes home when it is not', () => {
    expect(next(0.99, RESISTING)).toBe(RESISTING);
    expect(next(0, RESISTING, 0)).toBe(PASSIVE);
    expect(next(0, PASSIVE, 0)).toBe(PASSIVE); // no joined neighbour: no resistance, no flight
  });

  // ODD 7.15: FLED and DEAD are absorbing.
  it('never returns from flight or death', () => {
    const { w } = hub({ state: FLED, threshold: 0 }, 2, { 3: { state: DEAD }, 4: { state: FLED } });
    expect(step(w, { resistChance: 1 }, { 0: [0, 0], 3: [0, 0], 4: [0, 0] })).toEqual([FLED, JOINED, JOINED, DEAD, FLED]);
  });
});

describe('targeted group: the kill hazard from perpetrator neighbours', () => {
  // ODD 7.15: hazard = killPerAttacker * joinedNbrs * (1 - shelterEffect)^resistNbrs * (1 - protection_r); DEAD if u1 < hazard.
  const killed = (u1: number, opts: { joined?: number; resisting?: number; protection?: number; killPerAttacker?: number } = {}) => {
    const extra: Record<number, AgentSpec> = {};
    for (let k = 0; k < (opts.resisting ?? 0); k++) extra[4 - k] = { state: RESISTING };
    const { w } = hub({ threshold: 1 }, opts.joined ?? 2, extra);
    w.group[0] = 1;
    w.region.protection[0] = opts.protection ?? 0;
    return step(w, { killPerAttacker: opts.killPerAttacker ?? 0.1, shelterEffect: 0.5 }, { 0: [u1, 0.99] })[0] === DEAD;
  };

  it('each perpetrator neighbour adds killPerAttacker to the daily hazard (summed)', () => {
    expect(killed(0.2 - 1e-9)).toBe(true); // 2 x 0.1
    expect(killed(0.2)).toBe(false); // u1 = hazard survives
    expect(killed(0.1 - 1e-9, { joined: 1 })).toBe(true);
    expect(killed(0.1 + 1e-9, { joined: 1 })).toBe(false);
  });

  it('no perpetrator neighbour, no hazard', () => {
    expect(killed(0, { joined: 0 })).toBe(false);
  });

  it('each resisting neighbour shields by (1 - shelterEffect)', () => {
    expect(killed(0.1 - 1e-9, { resisting: 1 })).toBe(true); // 0.2 x 0.5
    expect(killed(0.1 + 1e-9, { resisting: 1 })).toBe(false);
    expect(killed(0.05 + 1e-9, { resisting: 2 })).toBe(false); // 0.2 x 0.25
    expect(killed(0.05 - 1e-9, { resisting: 2 })).toBe(true);
  });

  it("peacekeepers' protection cuts the hazard by (1 - protection)", () => {
    expect(killed(0.14 - 1e-9, { protection: 0.3 })).toBe(true); // 0.2 x 0.7
    expect(killed(0.14 + 1e-9, { protection: 0.3 })).toBe(false);
  });

  // ODD 7.15: more than 64 resisting neighbours count as 64 (MAX_SHIELD).
  it('counts at most 64 resisting neighbours in the shield', () => {
    const { w } = hub({ threshold: 1 }, 1);
    w.group[0] = 1;
    w.resistNbrs[0] = 100; // a count, as the cache holds it; the network need not have 100 ties
    // hazard 0.5 x 0.99^64 = 0.2628 (capped), 0.5 x 0.99^100 = 0.183 (uncapped)
    step(w, { killPerAttacker: 0.5, shelterEffect: 0.01 }, { 0: [0.2, 0.99] });
    expect(w.state[0]).toBe(DEAD);
  });

  it('a killing is counted in the tallies and in the neighbours’ counts', () => {
    const { w } = hub({ threshold: 1, state: RESISTING }, 2);
    w.group[0] = 1;
    step(w, { killPerAttacker: 0.5 }, { 0: [0.5, 0.99] });
    expect(w.state[0]).toBe(DEAD);
    expect([w.tally.deathsToday, w.region.deaths[0], w.tally.resisting]).toEqual([1, 1, 0]);
    expect(Array.from(w.resistNbrs)).toEqual([0, 0, 0, 0, 0]); // the dead resister no longer shields
  });
});

describe('targeted group: roaming killers (roamReach)', () => {
  // ODD 7.15: roam_r = min(1, killPerAttacker x roamReach x joined_r / targetsAlive_r), from yesterday's
  // region counts; it adds to the neighbours' hazard: (killPer x joinedNbrs + roam_r) x shield x hunted.
  it('each perpetrator of the region meets roamReach of its targeted people a day: the chance is spread over them, at most 1', () => {
    const { w } = tinyWorld({ n: 4, regions: 2 });
    w.region.joined.set([3, 5]);
    w.region.targetsAlive.set([10, 2]);
    roamingKillers(w, 0.1, 2);
    expect(w.region.roam[0]).toBeCloseTo((0.1 * 2 * 3) / 10, 15);
    expect(w.region.roam[1]).toBeCloseTo(0.5, 15); // 0.1 x 2 x 5 / 2
    roamingKillers(w, 0.5, 2);
    expect(w.region.roam[1]).toBe(1); // 0.5 x 2 x 5 / 2 = 2.5, capped
    roamingKillers(w, 0.1, 0);
    expect(Array.from(w.region.roam)).toEqual([0, 0]); // roamReach 0: killers stay among their ties
    w.region.targetsAlive.set([0, 2]);
    roamingKillers(w, 0.1, 2);
    expect(w.region.roam[0]).toBe(0); // no one left to find, no NaN
  });

  const roamDie = (u1: number, opts: { yesterdayJoined?: number; protection?: number; selective?: number; resisting?: number } = {}) => {
    const extra: Record<number, AgentSpec> = {};
    for (let k = 0; k < (opts.resisting ?? 0); k++) extra[4 - k] = { state: RESISTING };
    const { w } = hub({ threshold: 1 }, 0, extra);
    w.group[0] = 1;
    w.region.protection[0] = opts.protection ?? 0;
    // Yesterday: 2 perpetrators and 4 targeted people alive in the region.
    w.region.joined[0] = opts.yesterdayJoined ?? 2;
    w.region.targetsAlive[0] = 4;
    step(w, { killPerAttacker: 0.1, roamReach: 1, shelterEffect: 0.5, selective: opts.selective ?? 1 }, { 0: [u1, 0.99] });
    return [w.state[0], w.tally.deathsToday, w.tally.deathsByForce];
  };

  it('kills a hunted person with no perpetrator among its ties, not counted as the force', () => {
    // roam = 0.1 x 1 x 2 / 4 = 0.05
    expect(roamDie(0.05 - 1e-9)).toEqual([DEAD, 1, 0]);
    expect(roamDie(0.05)[0]).toBe(PASSIVE);
    expect(roamDie(0, { yesterdayJoined: 0 })[0]).toBe(PASSIVE); // no perpetrators yesterday, no search today
  });

  it('spares those the killing does not single out and is cut by protection and by resisting neighbours', () => {
    expect(roamDie(0, { selective: 0 })[0]).toBe(PASSIVE);
    expect(roamDie(0.025 - 1e-9, { protection: 0.5 })[0]).toBe(DEAD);
    expect(roamDie(0.025 + 1e-9, { protection: 0.5 })[0]).toBe(PASSIVE);
    expect(roamDie(0.025 - 1e-9, { resisting: 1 })[0]).toBe(DEAD);
    expect(roamDie(0.025 + 1e-9, { resisting: 1 })[0]).toBe(PASSIVE);
  });

  it("the step leaves today's region counts for tomorrow's search", () => {
    const { w } = hub({ threshold: 1 }, 2);
    w.group[0] = 1;
    step(w, { roamReach: 1 }, {});
    // Today: 2 perpetrators, 1 targeted person alive; tomorrow's roam reads them.
    expect([w.region.joined[0], w.region.targetsAlive[0]]).toEqual([2, 1]);
    step(w, { killPerAttacker: 0.1, roamReach: 1 }, { 0: [0.99, 0.99] });
    expect(w.region.roam[0]).toBeCloseTo(0.2, 15);
  });
});

describe('targeted group: roadblocks stop flight (roadblocks)', () => {
  // ODD 7.15: blocked_r = min(1, roadblocks x joined_r / (targetsAlive_r + others_r)), yesterday's counts;
  // a flight (u2 in the flight band) is stopped, and the fugitive killed, when u2 - pSeek < fleeRate x danger x blocked x hunted.
  it('each perpetrator stops the flight of `roadblocks` people of its region: the chance is spread over them, at most 1', () => {
    const { w } = tinyWorld({ n: 4, regions: 2 });
    w.region.joined.set([2, 5]);
    w.region.targetsAlive.set([10, 1]);
    w.region.others.set([30, 1]);
    roadblocksToday(w, 4);
    expect(w.region.blocked[0]).toBeCloseTo((4 * 2) / 40, 15);
    expect(w.region.blocked[1]).toBe(1); // 4 x 5 / 2, capped
    roadblocksToday(w, 0);
    expect(Array.from(w.region.blocked)).toEqual([0, 0]);
    w.region.targetsAlive.set([0, 0]);
    w.region.others.set([0, 0]);
    roadblocksToday(w, 4);
    expect(Array.from(w.region.blocked)).toEqual([0, 0]); // an empty region: no NaN
  });

  // Agent 0 with one joined neighbour of four (danger 0.25), fleeRate 0.4: flight band [0, 0.1).
  // Yesterday: 2 perpetrators among 4 + 4 people, roadblocks 1: blocked 0.25, so [0, 0.025) is stopped.
  const flee = (u2: number, opts: { roadblocks?: number; selective?: number; protection?: number } = {}) => {
    const { w } = hub({ threshold: 1 }, 1);
    w.group[0] = 1;
    w.region.protection[0] = opts.protection ?? 0;
    w.region.joined[0] = 2;
    w.region.targetsAlive[0] = 4;
    w.region.others[0] = 4;
    step(w, { fleeRate: 0.4, roadblocks: opts.roadblocks ?? 1, selective: opts.selective ?? 1 }, { 0: [0.99, u2] });
    return [w.state[0], w.tally.deathsToday, w.tally.deathsByForce, w.tally.fledTargeted, w.region.targetsAlive[0]];
  };

  it('a hunted fugitive is stopped and killed in the first blocked share of the flight band; the rest get away', () => {
    expect(flee(0.025 - 1e-9)).toEqual([DEAD, 1, 0, 0, 0]);
    expect(flee(0.025 + 1e-9)).toEqual([FLED, 0, 0, 1, 0]);
    expect(flee(0.1 - 1e-9)[0]).toBe(FLED);
    expect(flee(0, { roadblocks: 0 })[0]).toBe(FLED); // no roadblocks: every flight gets away
  });

  it('lets through those the killing does not single out, and protection thins the roadblocks as it thins the killing', () => {
    expect(flee(0, { selective: 0 })[0]).not.toBe(DEAD);
    // protection 0.5 halves the stopped share (the danger seen is the neighbour's, unchanged): stopped [0, 0.0125)
    expect(flee(0.0125 - 1e-9, { protection: 0.5 })[0]).toBe(DEAD);
    expect(flee(0.0125 + 1e-9, { protection: 0.5 })[0]).toBe(FLED);
  });
});

describe('targeted group: coercion answers the challenge (unresistingHunted)', () => {
  // ODD 7.15: hunted = singled x (RESISTING ? 1 : unresistingHunted); the terror reads singled alone.
  const hit = (u1: number, state: number, unresistingHunted: number) => {
    const { w } = hub({ threshold: 1, state }, 0);
    w.group[0] = 1;
    step(w, { forceHazard: 0.4, unresistingHunted, selective: 1 }, { 0: [u1, 0.99] });
    return w.state[0];
  };

  it('a singled-out person who resists is hunted in full; one who does not, with weight unresistingHunted', () => {
    expect(hit(0.4 - 1e-9, RESISTING, 0.25)).toBe(DEAD);
    expect(hit(0.1 - 1e-9, PASSIVE, 0.25)).toBe(DEAD); // 0.4 x 0.25
    expect(hit(0.1 + 1e-9, PASSIVE, 0.25)).toBe(PASSIVE);
    expect(hit(0, PASSIVE, 0)).toBe(PASSIVE); // only challengers are hunted
    expect(hit(0.4 - 1e-9, PASSIVE, 1)).toBe(DEAD); // weight 1: as before
  });

  it('the campaign still frightens every singled-out person, hunted or not', () => {
    const { w } = hub({ threshold: 1 }, 0);
    w.group[0] = 1;
    // danger = singledOutTerror x singled = 0.2, flee band [0, 0.08) at fleeRate 0.4
    step(w, { singledOutTerror: 0.2, unresistingHunted: 0, fleeRate: 0.4 }, { 0: [0.99, 0.08 - 1e-9] });
    expect(w.state[0]).toBe(FLED);
  });

  it("the force's capacity is spread over the hunted as weighted: resisters count 1, the others unresistingHunted", () => {
    const { w } = tinyWorld({ n: 4, targeted: [0, 1, 2, 3] });
    w.state[0] = RESISTING;
    w.state[3] = DEAD;
    expect(huntedExposed(w, 1, 0.25)).toBeCloseTo(1 + 2 * 0.25, 15);
    expect(huntedExposed(w, 1, 1)).toBe(3);
    expect(huntedExposed(w, 1, 0)).toBe(1);
  });
});

describe('targeted group: resisters cowed by repression (cowing)', () => {
  // ODD 7.15: a RESISTING targeted agent outside the seek, flee and resist bands goes back to PASSIVE
  // when u2 >= 1 - cowing x danger (the top of u2's range; cowing is 0 unless the aim is to coerce).
  // Agent 0 resisting, one joined neighbour of four: danger 0.25; no seek, flee or resist band.
  const cow = (u2: number, opts: { cowing?: number; state?: number; joined?: number; resistChance?: number } = {}) => {
    const { w } = hub({ threshold: 1, state: opts.state ?? RESISTING }, opts.joined ?? 1);
    w.group[0] = 1;
    step(w, { cowing: opts.cowing ?? 0.8, resistChance: opts.resistChance ?? 0 }, { 0: [0.99, u2] });
    return [w.state[0], w.tally.resisting];
  };

  it('a resister gives up with chance cowing x danger: the top of the draw', () => {
    // 1 - 0.8 x 0.25 = 0.8
    expect(cow(0.8)).toEqual([PASSIVE, 0]);
    expect(cow(0.8 - 1e-9)).toEqual([RESISTING, 1]);
    expect(cow(0.999, { cowing: 0 })[0]).toBe(RESISTING); // no cowing: resistance lasts
    expect(cow(0.999, { joined: 0 })[0]).toBe(RESISTING); // no danger seen, nothing to deter
  });

  it('only resisters are cowed, and the resist band comes first', () => {
    expect(cow(0.9, { state: PASSIVE })[0]).toBe(PASSIVE); // a passive agent stays as it is
    // resist band [0, 0.85) overlaps the cowing band [0.8, 1): the resist band wins
    expect(cow(0.84, { resistChance: 0.85 })[0]).toBe(RESISTING);
    expect(cow(0.86, { resistChance: 0.85 })[0]).toBe(PASSIVE);
    expect(cow(0.999, { cowing: 10 })[0]).toBe(PASSIVE); // cowing x danger above 1: certain
  });
});

describe('targeted group: the organised force’s own hazard', () => {
  // hazard = forceHazard (1 - protection) + killPerAttacker joined shield (1 - protection); one draw u1, force first.
  const die = (u1: number, opts: { joined?: number; resisting?: number; protection?: number; forceHazard?: number } = {}) => {
    const extra: Record<number, AgentSpec> = {};
    for (let k = 0; k < (opts.resisting ?? 0); k++) extra[4 - k] = { state: RESISTING };
    const { w } = hub({ threshold: 1 }, opts.joined ?? 0, extra);
    w.group[0] = 1;
    w.region.protection[0] = opts.protection ?? 0;
    step(w, { forceHazard: opts.forceHazard ?? 0.3, killPerAttacker: 0.1, shelterEffect: 0.5 }, { 0: [u1, 0.99] });
    return [w.state[0], w.tally.deathsToday, w.tally.deathsByForce, w.region.deaths[0]];
  };

  it('kills with chance forceHazard without any perpetrator neighbour, and is counted apart', () => {
    expect(die(0.3 - 1e-9)).toEqual([DEAD, 1, 1, 1]);
    expect(die(0.3)).toEqual([PASSIVE, 0, 0, 0]);
    expect(die(0, { forceHazard: 0 })).toEqual([PASSIVE, 0, 0, 0]);
  });

  it("peacekeepers' protection cuts it by (1 - protection)", () => {
    expect(die(0.15 - 1e-9, { protection: 0.5 })[0]).toBe(DEAD);
    expect(die(0.15 + 1e-9, { protection: 0.5 })[0]).toBe(PASSIVE);
  });

  it('adds to the perpetrator neighbours’ hazard; the same draw decides, the force first', () => {
    // Two perpetrator neighbours: 0.3 + 2 x 0.1 = 0.5.
    expect(die(0.3 - 1e-9, { joined: 2 })).toEqual([DEAD, 1, 1, 1]);
    expect(die(0.3, { joined: 2 })).toEqual([DEAD, 1, 0, 1]);
    expect(die(0.5 - 1e-9, { joined: 2 })).toEqual([DEAD, 1, 0, 1]);
    expect(die(0.5, { joined: 2 })[0]).toBe(PASSIVE);
  });

  it('resisting neighbours shield from neighbours, not from the force', () => {
    // One resister: 0.3 + 2 x 0.1 x 0.5 = 0.4; the force's part is whole.
    expect(die(0.4 - 1e-9, { joined: 2, resisting: 1 })).toEqual([DEAD, 1, 0, 1]);
    expect(die(0.4, { joined: 2, resisting: 1 })[0]).toBe(PASSIVE);
    expect(die(0.3 - 1e-9, { joined: 0, resisting: 2 })).toEqual([DEAD, 1, 1, 1]);
  });

  it('the count of force deaths is today’s: it starts again each step', () => {
    const { w } = hub({ threshold: 1 }, 0);
    w.group[0] = 1;
    step(w, { forceHazard: 1 }, { 0: [0, 0.99] });
    expect(w.tally.deathsByForce).toBe(1);
    step(w, { forceHazard: 1 }, { 0: [0, 0.99] });
    expect([w.tally.deathsByForce, w.tally.deathsToday]).toEqual([0, 0]);
  });
});

describe('targeted group: seeking protection, flight, resistance', () => {
  // ODD 7.15: danger = joined/deg + danger_r; one draw u2 chooses PROTECTED (u2 < pSeek), FLED (< pSeek + fleeRate danger), RESISTING (< ... + resistChance).
  // pSeek = seekRate * pull * danger; pull = max(0.5 + 0.5 protection, safeAreaPull) at a working local base (a UN base), else safeAreaPull.
  // A UN presence keeps a base where it covers (base = covered unless a setup says otherwise); a non-UN force covers without one.
  type Setup = { covered?: number; base?: number; fallen?: number; protection?: number; regionDanger?: number; joined?: number; safeAreas?: number[]; state?: number };
  const choose = (u2: number, s: Setup = {}, inputs: Partial<PopulationInputs> = {}) => {
    const { w } = hub({ threshold: 1, state: s.state ?? PASSIVE }, s.joined ?? 1);
    w.group[0] = 1;
    w.region.covered[0] = s.covered ?? 0;
    w.region.base[0] = s.base ?? s.covered ?? 0;
    w.region.fallen[0] = s.fallen ?? 0;
    w.region.protection[0] = s.protection ?? 0;
    w.region.danger[0] = s.regionDanger ?? 0;
    w.region.safeAreaList.push(...(s.safeAreas ?? []));
    const pull = (s.safeAreas ?? []).length > 0 ? 1 : 0;
    step(w, { seekRate: 0.4, fleeRate: 0.4, resistChance: 0.05, safeAreaPull: pull, ...inputs }, { 0: [0.99, u2] });
    return { state: w.state[0], refuge: w.refuge[0], w };
  };

  it('with no protection promised anywhere it cannot seek it: flees, resists or stays', () => {
    // danger 0.25: flee band [0, 0.1), resist band [0.1, 0.15)
    expect(choose(0.1 - 1e-9).state).toBe(FLED);
    expect(choose(0.1 + 1e-9).state).toBe(RESISTING);
    expect(choose(0.15 - 1e-9).state).toBe(RESISTING);
    expect(choose(0.15 + 1e-9).state).toBe(PASSIVE);
  });

  it('seeks protection at a working local base first, with pull 0.5 + 0.5 protection, and shelters there', () => {
    // pSeek = 0.4 x 0.7 x 0.25 = 0.07, then flight [0.07, 0.17)
    const base = { covered: 1, protection: 0.4 };
    expect(choose(0.07 - 1e-9, base)).toMatchObject({ state: PROTECTED, refuge: 0 });
    expect(choose(0.07 + 1e-9, base).state).toBe(FLED);
    expect(choose(0.17 + 1e-9, base).state).toBe(RESISTING);
  });

  it('a region a non-UN force covers, with no base, offers no shelter: the threatened flee, resist or stay', () => {
    // covered and protected, base 0: pull 0, so the bands are those with no protection promised.
    const outside = { covered: 1, base: 0, protection: 0.4 };
    expect(choose(0.01, outside).state).toBe(FLED);
    expect(choose(0.1 - 1e-9, outside).state).toBe(FLED);
    expect(choose(0.1 + 1e-9, outside).state).toBe(RESISTING);
  });

  it('a fallen base promises nothing', () => {
    expect(choose(0.01, { covered: 1, fallen: 1, protection: 0.4 }).state).toBe(FLED);
  });

  it('a declared safe area anywhere pulls at the full rate whatever its capacity (the promise, not the capacity)', () => {
    // pull 1: pSeek = 0.4 x 1 x 0.25 = 0.1, even next to a local base with no protection
    const r = choose(0.1 - 1e-9, { safeAreas: [0] });
    expect(r.state).toBe(PROTECTED);
    expect(choose(0.1 + 1e-9, { safeAreas: [0] }).state).toBe(FLED);
    expect(choose(0.1 - 1e-9, { safeAreas: [0], covered: 1, protection: 0 }).state).toBe(PROTECTED);
  });

  it('without a working local base the agent is sent to safe area i mod nSafe', () => {
    // agent 0 of region 0 with safe areas in regions [0, 0]: refuge safeAreaList[0]; an agent 3 would get [1]
    const { w } = tinyWorld({ n: 4, regions: 2, edges: [[3, 0], [3, 1]], targeted: [3], agents: { 0: { state: JOINED, threshold: 0 } } });
    w.region.safeAreaList.push(0, 1);
    w.region.covered[1] = 0;
    fillPopulationDraws(w, { 3: [0.99, 0] });
    populationStep(w, quietInputs({ seekRate: 1, safeAreaPull: 1 }));
    expect([w.state[3], w.refuge[3]]).toEqual([PROTECTED, 1]);
    expect([w.region.sheltered[0], w.region.sheltered[1]]).toEqual([0, 1]);
  });

  it("the news of killing in its region counts as danger even without a perpetrator neighbour", () => {
    // danger 0.2: flee band [0, 0.08)
    expect(choose(0.08 - 1e-9, { joined: 0, regionDanger: 0.2 }).state).toBe(FLED);
    expect(choose(0.08 + 1e-9, { joined: 0, regionDanger: 0.2 }).state).toBe(RESISTING);
    expect(choose(0, { joined: 0, regionDanger: 0 }).state).toBe(PASSIVE);
  });

  it("those the killing singles out feel the campaign's terror as danger, with no killing near them", () => {
    // danger = singledOutTerror x hunted = 0.2 for agent 0 (rank 0, hunted at any selective > 0): flee band [0, 0.08)
    const alone = { joined: 0, regionDanger: 0 };
    expect(choose(0.08 - 1e-9, alone, { singledOutTerror: 0.2, selective: 0.5 }).state).toBe(FLED);
    expect(choose(0.08 + 1e-9, alone, { singledOutTerror: 0.2, selective: 0.5 }).state).toBe(RESISTING);
    // Not singled out (selective 0): no terror, no danger, nothing changes.
    expect(choose(0, alone, { singledOutTerror: 0.2, selective: 0 }).state).toBe(PASSIVE);
    // It adds to the other dangers: 0.25 from the joined neighbour + 0.2 = 0.45, flee band [0, 0.18).
    expect(choose(0.18 - 1e-9, {}, { singledOutTerror: 0.2 }).state).toBe(FLED);
    expect(choose(0.18 + 1e-9, {}, { singledOutTerror: 0.2 }).state).toBe(RESISTING);
  });

  it("peacekeepers' protection cuts the terror as it cuts the hazard", () => {
    // protection 0.5 without a local venue: danger 0.2 x 0.5 = 0.1, flee band [0, 0.04)
    const guarded = { joined: 0, protection: 0.5 };
    expect(choose(0.04 - 1e-9, guarded, { singledOutTerror: 0.2 }).state).toBe(FLED);
    expect(choose(0.04 + 1e-9, guarded, { singledOutTerror: 0.2 }).state).toBe(RESISTING);
  });

  it("the targeted group's flight is counted apart, today and on every later day", () => {
    const { w } = choose(0.01);
    expect([w.state[0], w.tally.fled, w.tally.fledTargeted]).toEqual([FLED, 1, 1]);
    step(w, {}, {});
    expect([w.tally.fled, w.tally.fledTargeted]).toEqual([1, 1]);
  });

  it('a targeted resister keeps resisting when it sees no danger', () => {
    expect(choose(0, { joined: 0, state: RESISTING }).state).toBe(RESISTING);
  });
});

describe('targeted group: the sheltered', () => {
  // ODD 7.15: PROTECTED agents die if their refuge has fallen and u1 < massacreRate; otherwise they stay, counted at the refuge.
  const shelter = (fallen: number, u1: number, toForce = fallen === TAKEN ? 1 : 0, fallenDeported = false) => {
    // region 0: agents 0, 1; region 1: agents 2, 3. Agent 0 shelters in region 1.
    const { w } = tinyWorld({ n: 4, regions: 2, targeted: [0], agents: { 0: { state: PROTECTED, refuge: 1 } } });
    w.region.fallen[1] = fallen;
    w.region.fallenToForce[1] = toForce;
    step(w, { massacreRate: 0.3, fallenDeported }, { 0: [u1, 0] });
    return w;
  };

  // ODD 7.15 (model /12): under an aim to expel, those taken in a fallen venue are deported (FLED), not killed.
  it('are driven out, not killed, at the same rate once it has fallen, where the aim is to expel', () => {
    for (const fallen of [OVERRUN, TAKEN]) {
      const w = shelter(fallen, 0.3 - 1e-9, 1, true);
      expect(w.state[0]).toBe(FLED);
      expect([w.tally.deathsToday, w.tally.deathsByForce, w.tally.fled, w.tally.fledTargeted, w.tally.protectedCount]).toEqual([0, 0, 1, 1, 0]);
      expect(shelter(fallen, 0.3 + 1e-9, 1, true).state[0]).toBe(PROTECTED);
    }
    expect(populationInputs(params({ perpetratorAim: 'expel' }), tinyWorld({ n: 4 }).w, 0, 1).fallenDeported).toBe(true);
    for (const perpetratorAim of ['destroy', 'coerce'] as const) expect(populationInputs(params({ perpetratorAim }), tinyWorld({ n: 4 }).w, 0, 1).fallenDeported).toBe(false);
  });

  it('are safe while the venue holds, and counted where they shelter', () => {
    const w = shelter(0, 0);
    expect(w.state[0]).toBe(PROTECTED);
    expect([w.region.sheltered[0], w.region.sheltered[1], w.tally.protectedCount, w.region.targetsAlive[0]]).toEqual([0, 1, 1, 1]);
  });

  it('die at the massacre rate once it has fallen, counted as deaths of their home region', () => {
    for (const fallen of [OVERRUN, TAKEN]) {
      expect(shelter(fallen, 0.3 - 1e-9).state[0]).toBe(DEAD);
      const w = shelter(fallen, 0.3 - 1e-9);
      expect([w.region.deaths[0], w.region.deaths[1], w.tally.deathsToday]).toEqual([1, 0, 1]);
      expect(shelter(fallen, 0.3 + 1e-9).state[0]).toBe(PROTECTED);
    }
  });

  it('a massacre in a venue that fell to the organised force counts as the force’s; one in a venue the population overran does not', () => {
    expect(shelter(TAKEN, 0).tally.deathsByForce).toBe(1);
    expect(shelter(OVERRUN, 0).tally.deathsByForce).toBe(0);
    // Overrun by an attack mostly the force's (fallenToForce, set by the peacekeeper step).
    expect(shelter(OVERRUN, 0, 1).tally.deathsByForce).toBe(1);
    expect(shelter(OVERRUN, 0, 1).tally.deathsToday).toBe(1);
  });
});

describe('bookkeeping of the step', () => {
  // ODD 2.2: joinedNbrs and resistNbrs always equal the counts of yesterday's neighbour states.
  it('keeps the neighbour counts equal to a recount, day after day', () => {
    const agents: Record<number, AgentSpec> = {};
    for (let i = 0; i < 12; i++) agents[i] = { threshold: (i * 7) % 12 / 24, group: i % 4 === 3 ? 1 : 0 };
    const { w } = tinyWorld({ n: 12, regions: 3, edges: [...ring(12, 2), [0, 6], [3, 9]], agents });
    for (let t = 0; t < 6; t++) {
      const draws: Record<number, [number, number]> = {};
      for (let i = 0; i < 12; i++) draws[i] = [((i * 5 + t * 3) % 11) / 11, ((i * 3 + t * 7) % 13) / 13];
      step(w, { resistChance: 0.2, fleeRate: 0.1, killPerAttacker: 0.2, seekRate: 0.2, shelterEffect: 0.3 }, draws);
      const cached = [Array.from(w.joinedNbrs), Array.from(w.resistNbrs)];
      countNeighbours(w);
      expect(cached).toEqual([Array.from(w.joinedNbrs), Array.from(w.resistNbrs)]);
    }
    expect(states(w).some((s) => s !== PASSIVE)).toBe(true);
  });
});

describe('the mobilisable draw (createWorld)', () => {
  // An extra traits draw per agent (`willing`, uniform): the population step compares it with the pool.
  const world = (mobilisableShare: number) => createWorld(params({ agents: 2000, mobilisableShare }), new Streams('mobilisable'));

  it('draws each agent a uniform `willing` in [0, 1) and a finite threshold in [0, 1]', () => {
    const w = world(0.3);
    const willing = Array.from(w.willing);
    expect(willing.every((u) => u >= 0 && u < 1)).toBe(true);
    const below = willing.filter((u) => u < 0.3).length / willing.length;
    expect(below).toBeGreaterThan(0.25);
    expect(below).toBeLessThan(0.35);
    expect(Array.from(w.threshold).every((t) => t >= 0 && t <= 1)).toBe(true);
  });

  it('does not depend on the share, so pools are nested: whoever can join at 0.3 can join at 0.6', () => {
    const a = world(0.3);
    const b = world(0.6);
    expect(Array.from(a.group)).toEqual(Array.from(b.group));
    expect(Array.from(a.willing)).toEqual(Array.from(b.willing));
    expect(Array.from(a.threshold)).toEqual(Array.from(b.threshold));
  });
});

describe('targeted attacks single people out; mass killing reaches everyone', () => {
  // An agent is hunted when its selectRank (frac(i x 0.618...)) is below `selective`.
  const killed = (selective: number, n = 20) => {
    const agents: Record<number, AgentSpec> = {};
    for (let i = 0; i < n; i++) agents[i] = { threshold: 1 };
    const { w } = tinyWorld({ n, agents, targeted: Array.from({ length: n }, (_, i) => i) });
    const draws: Record<number, readonly [number, number]> = {};
    for (let i = 0; i < n; i++) draws[i] = [0, 0.99];
    step(w, { forceHazard: 0.5, selective }, draws);
    return Array.from(w.state).flatMap((s, i) => (s === DEAD ? [i] : []));
  };

  it('kills exactly the agents whose rank is below the selective share', () => {
    const ranks = Array.from(selectRanks(20));
    for (const s of [0, 0.1, 0.35, 0.5, 0.9]) {
      expect(killed(s), `selective ${s}`).toEqual(ranks.flatMap((r, i) => (r < s ? [i] : [])));
    }
    expect(killed(1)).toHaveLength(20);
    expect(killed(0)).toEqual([]);
  });

  it('the ranks are frac(i x golden ratio inverse): any first share is spread evenly (at share 1/3, no run of more than 4 agents in a row passed over)', () => {
    const r = selectRanks(3000);
    expect(r[0]).toBe(0);
    expect(r[1]).toBe(Math.fround(0.6180339887498949));
    const chosen = Array.from(r).flatMap((x, i) => (x < 1 / 3 ? [i] : []));
    expect(chosen.length).toBeGreaterThan(990);
    expect(chosen.length).toBeLessThan(1010);
    for (let k = 1; k < chosen.length; k++) expect(chosen[k] - chosen[k - 1]).toBeLessThanOrEqual(5);
  });
});
