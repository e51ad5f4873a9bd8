/**
 * Rules of peacekeepers and safe areas (sim/models/luck2018/un/peacekeepers.ts; docs/ODD.md 7.14),
 * on a world of 40 agents in 4 regions of 10, 20 of them targeted (5 per region). The per-region
 * tallies a rule reads (yesterday's joined, others, sheltered, deaths) are set by hand. Presence
 * covers regions in the nested order of coverageRanks (world.ts); a venue's defence is its
 * capacity times its mandate; its attackers are the mobilised population and the organised force;
 * on the day of a town's fall (an assault) the force takes every venue whose defence is below its
 * full strength. The host's consent to deployments is the Council's rule (un/council.ts) and is
 * tested with it (test/rules/council.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { populationStep } from '../../sim/models/luck2018/agents/population';
import { lethalityOf } from '../../sim/models/luck2018/kernel';
import type { Params } from '../../sim/models/luck2018/params';
import { peacekeepersStep } from '../../sim/models/luck2018/un/peacekeepers';
import { DEAD, JOINED, OVERRUN, PROTECTED, STANDING, TAKEN, coverageRanks, type World } from '../../sim/models/luck2018/world';
import { eventLines, fillPopulationDraws, params, quietInputs, tickContext, tinyWorld } from '../helpers/luck-world';

const EVEN = Array.from({ length: 20 }, (_, k) => 2 * k);
/** The regions coverage 0.5 covers among 4 (ranks 0 and 1), and the others. */
const RANK4 = Array.from(coverageRanks(4));
const BASE_REGION = RANK4.indexOf(0);
const UNCOVERED = RANK4.indexOf(3);

function world(over: Partial<Params> = {}) {
  return tinyWorld({ n: 40, regions: 4, targeted: EVEN, params: { peacekeeperCapacity: 0.5, mandate: 'weak', safeAreas: 0, ...over } });
}

type Tallies = Partial<Record<'joined' | 'others' | 'sheltered' | 'deaths' | 'targetsAlive', number>>;

/** One peacekeeper step; `regions` sets yesterday's tallies of some regions first. */
function keep(w: World, p: Params, opts: { tick?: number; restraintBase?: number; lethality?: number; joinedShare?: number; regions?: Record<number, Tallies> } = {}) {
  for (const [r, t] of Object.entries(opts.regions ?? {})) {
    const reg = w.region;
    const k = Number(r);
    reg.others[k] = t.others ?? 10;
    reg.joined[k] = t.joined ?? 0;
    reg.sheltered[k] = t.sheltered ?? 0;
    reg.deaths[k] = t.deaths ?? 0;
    reg.targetsAlive[k] = t.targetsAlive ?? 5;
  }
  const ctx = tickContext(w, p, { tick: opts.tick ?? 1, joinedShare: opts.joinedShare ?? 0 });
  peacekeepersStep(ctx, opts.restraintBase ?? 0, opts.lethality ?? 0);
  return ctx;
}

const coveredSet = (c: Uint8Array) => Array.from(c).flatMap((x, r) => (x ? [r] : []));

describe('presence by region: nested coverage', () => {
  // covered_r = coverageRank_r < floor(R x coverage + 1e-9), coverage = clamp(peacekeeperCoverage + deployed).
  it('covers floor(R x coverage) regions, in the order of coverageRanks', () => {
    const covered = (peacekeeperCoverage: number, deployed = 0) => {
      const { w, p } = world({ peacekeeperCoverage });
      w.deployed = deployed;
      keep(w, p);
      return [w.coverage, Array.from(w.region.covered)];
    };
    expect(covered(0)).toEqual([0, [0, 0, 0, 0]]);
    expect(covered(0.5)).toEqual([0.5, RANK4.map((k) => (k < 2 ? 1 : 0))]);
    expect(covered(0.5, 0.25)).toEqual([0.75, RANK4.map((k) => (k < 3 ? 1 : 0))]);
    expect(covered(0.8, 0.5)).toEqual([1, [1, 1, 1, 1]]);
  });

  it('coverage 0.3 covers a subset of what 0.5 covers, and every larger coverage a superset of every smaller one', () => {
    const at = (R: number, peacekeeperCoverage: number) => {
      const { w, p } = tinyWorld({ n: 100, regions: R, params: { peacekeeperCoverage, safeAreas: 0 } });
      keep(w, p);
      return coveredSet(w.region.covered);
    };
    const small = at(10, 0.3);
    const large = at(10, 0.5);
    expect([small.length, large.length]).toEqual([3, 5]);
    expect(small.every((r) => large.includes(r))).toBe(true);
    for (const R of [1, 2, 3, 7, 10, 16, 25, 40]) {
      let before: number[] = [];
      for (let k = 0; k <= 20; k++) {
        const now = at(R, k / 20);
        expect(now.length, `R ${R} coverage ${k / 20}`).toBe(Math.floor((R * k) / 20 + 1e-9));
        expect(before.every((r) => now.includes(r)), `R ${R} coverage ${k / 20}`).toBe(true);
        before = now;
      }
    }
  });

  it('rounding does not lose a region: coverage 0.29 of 100 regions covers 29', () => {
    expect(100 * 0.29).toBeLessThan(29); // 28.999999999999996
    const { w, p } = tinyWorld({ n: 100, regions: 100, params: { peacekeeperCoverage: 0.29, safeAreas: 0 } });
    keep(w, p);
    expect(coveredSet(w.region.covered).length).toBe(29);
  });

  it('coverageRanks orders every region once and spreads any first k over the network (no gap above 2R/k)', () => {
    for (let R = 1; R <= 100; R++) {
      const rank = Array.from(coverageRanks(R));
      expect([...rank].sort((a, b) => a - b)).toEqual(Array.from({ length: R }, (_, k) => k));
      for (let k = 2; k <= R; k++) {
        const cov = rank.flatMap((x, r) => (x < k ? [r] : []));
        let gap = 0;
        for (let i = 0; i < cov.length; i++) gap = Math.max(gap, (i + 1 < cov.length ? cov[i + 1] : cov[0] + R) - cov[i]);
        expect(gap, `R ${R} k ${k}`).toBeLessThanOrEqual((2 * R) / k);
      }
    }
  });

  // protection_r = covered capacity (protectionRobust | protectionWeak); restraint_r = restraintBase + covered capacity (restraintRobust | restraintWeak).
  it('protects and restrains in covered regions, by the mandate’s own parameters', () => {
    const RATES = { protectionRobust: 0.7, protectionWeak: 0.2, restraintRobust: 0.25, restraintWeak: 0.1 };
    const pr = params(RATES);
    const at = (mandate: 'weak' | 'robust', councilRobust = false) => {
      const { w, p } = world({ peacekeeperCoverage: 0.5, mandate, ...RATES });
      w.robust = councilRobust;
      keep(w, p, { restraintBase: 0.1 });
      return { protection: Array.from(w.region.protection), restraint: Array.from(w.region.restraint).map((x) => +x.toFixed(12)) };
    };
    const on = (v: number, off: number) => RANK4.map((k) => (k < 2 ? v : off));
    expect(at('weak')).toEqual({ protection: on(0.5 * pr.protectionWeak, 0), restraint: on(+(0.1 + 0.5 * pr.restraintWeak).toFixed(12), 0.1) });
    expect(at('robust')).toEqual({ protection: on(0.5 * pr.protectionRobust, 0), restraint: on(+(0.1 + 0.5 * pr.restraintRobust).toFixed(12), 0.1) });
    expect(at('weak', true)).toEqual(at('robust')); // a protection mandate from the Council
  });

  // Once t >= forceArrives the force is on the ground: coverage 1, robust, capacity + forceCapacity (up to 1).
  it('an authorised force covers every region, robustly, with forceCapacity added, when it arrives', () => {
    for (const forceCapacity of [0.3, 0.7]) {
      const { w, p } = world({ peacekeeperCoverage: 0, forceCapacity });
      w.council.forceArrives = 10;
      keep(w, p, { tick: 9 });
      expect([w.forceOnGround, w.coverage]).toEqual([false, 0]);
      keep(w, p, { tick: 10 });
      expect([w.forceOnGround, w.robust, w.coverage]).toEqual([true, true, 1]);
      const capacity = Math.min(1, 0.5 + forceCapacity);
      expect(Array.from(w.region.protection)).toEqual(new Array(4).fill(capacity * p.protectionRobust));
      expect(Array.from(w.region.defence)).toEqual(new Array(4).fill(capacity));
      keep(w, p, { tick: 11 });
      expect(eventLines(w)).toEqual(['peacekeepers force-arrives']);
    }
  });
});

describe('safe areas', () => {
  // nSafe = min(safeAreas, R), at regions floor((k + 0.5) R / nSafe).
  it('are laid out evenly', () => {
    const layout = (safeAreas: number) => {
      const { w, p } = world({ safeAreas });
      keep(w, p);
      return [w.region.safeAreaList.slice(), Array.from(w.region.safeArea)];
    };
    expect(layout(1)).toEqual([[2], [0, 0, 1, 0]]);
    expect(layout(2)).toEqual([[1, 3], [0, 1, 0, 1]]);
    expect(layout(9)).toEqual([[0, 1, 2, 3], [1, 1, 1, 1]]);
  });

  it('are defended by the better of their own capacity and the peacekeepers’, times the mandate', () => {
    // safeAreas 4: every region a safe area; coverage 0.5 covers two of them.
    const { w, p } = world({ safeAreas: 4, safeAreaCapacity: 0.2, peacekeeperCoverage: 0.5, peacekeeperCapacity: 0.6 });
    keep(w, p);
    expect(Array.from(w.region.defence)).toEqual(RANK4.map((k) => (k < 2 ? 0.6 : 0.2) * p.weakMandateDefence));
    const robust = world({ safeAreas: 4, safeAreaCapacity: 0.8, peacekeeperCoverage: 0.5, peacekeeperCapacity: 0.6, mandate: 'robust' });
    keep(robust.w, robust.p);
    expect(Array.from(robust.w.region.defence)).toEqual([0.8, 0.8, 0.8, 0.8]);
  });

  it('are attacked by the mobilisation of the whole country, bases only by their own region', () => {
    // National mobilisation min(1, mobilisedScale x 0.2); no local perpetrators; organised force 0.
    const fell = (lethality: number) => {
      // Coverage 0.25: one base (rank 0), weaker than the safe area (region 2), which it does not cover.
      const { w, p } = world({ safeAreas: 1, safeAreaCapacity: 0.2, peacekeeperCoverage: 0.25, peacekeeperCapacity: 0.1, organisedForce: 0 });
      keep(w, p, { lethality, joinedShare: 0.2, regions: { [BASE_REGION]: { sheltered: 5 }, 2: { sheltered: 5 } } });
      expect([w.region.covered[BASE_REGION], w.region.covered[2], w.region.safeArea[2]]).toEqual([1, 0, 1]);
      return { fallen: Array.from(w.region.fallen) };
    };
    const p = params();
    const edge = (0.2 * p.weakMandateDefence) / (p.mobAttack * Math.min(1, p.mobilisedScale * 0.2));
    const holds = fell(edge * (1 - 1e-9));
    expect(holds.fallen).toEqual([0, 0, 0, 0]);
    const falls = fell(edge * (1 + 1e-9));
    expect(falls.fallen).toEqual([0, 0, OVERRUN, 0]); // the base (no local perpetrators) stands
    expect(BASE_REGION).not.toBe(2);
  });
});

describe('venues: defence = capacity x mandate, attack = lethality x (mobAttack x mobilised + forceAttack x organisedForce x engagement)', () => {
  // The base region, capacity 0.5, weak: defence 0.5 weakMandateDefence; 1 of 10 joined.
  const base = (lethality: number, opts: { sheltered?: number; fallen?: number; joined?: number; over?: Partial<Params>; setup?: (w: World) => void } = {}) => {
    const { w, p } = world({ peacekeeperCoverage: 0.5, ...opts.over });
    w.region.fallen[BASE_REGION] = opts.fallen ?? STANDING;
    opts.setup?.(w);
    keep(w, p, { lethality, regions: { [BASE_REGION]: { joined: opts.joined ?? 1, others: 10, sheltered: opts.sheltered ?? 5 } } });
    return { w, p, fallen: w.region.fallen[BASE_REGION] };
  };
  /** The attack per unit of lethality, by the rule's formula. */
  const attackPer = (p: Params, joinedShare: number, offensive = false) =>
    p.mobAttack * Math.min(1, p.mobilisedScale * joinedShare) + p.forceAttack * p.organisedForce * (offensive ? 1 : p.forceEngagementBase);

  it('records each venue’s defence: a base’s capacity, cut by weakMandateDefence under a weak mandate; 0 elsewhere', () => {
    for (const weakMandateDefence of [0.35, 0.6]) {
      const { w } = base(0, { over: { weakMandateDefence } });
      expect(w.region.defence[BASE_REGION]).toBe(0.5 * weakMandateDefence);
      expect(w.region.defence[UNCOVERED]).toBe(0);
    }
    expect(base(0, { over: { mandate: 'robust' } }).w.region.defence[BASE_REGION]).toBe(0.5);
  });

  it('a base falls (overrun) when the attack outweighs its defence and people shelter there', () => {
    const p = params();
    const edge = (0.5 * p.weakMandateDefence) / attackPer(p, 0.1);
    expect(base(edge * (1 - 1e-9)).fallen).toBe(STANDING);
    const { w, fallen } = base(edge * (1 + 1e-9));
    expect(fallen).toBe(OVERRUN);
    expect(w.region.protection[BASE_REGION]).toBe(0);
    expect(eventLines(w)).toEqual([`peacekeepers venue-fell region ${BASE_REGION}`]);
  });

  it('reads each term by its parameter: the mob alone, the force alone, mobilisedScale, and the offensive’s engagement', () => {
    const check = (over: Partial<Params>, opts: { joined?: number; offensive?: boolean } = {}) => {
      const p = params(over);
      const per = attackPer(p, (opts.joined ?? 1) / 10, opts.offensive);
      const edge = (0.5 * p.weakMandateDefence) / per;
      const setup = (w: World) => (w.offensive = opts.offensive ? 1 : 0);
      expect(base(edge * (1 - 1e-9), { over, joined: opts.joined, setup }).fallen, JSON.stringify({ over, opts })).toBe(STANDING);
      expect(base(edge * (1 + 1e-9), { over, joined: opts.joined, setup }).fallen, JSON.stringify({ over, opts })).toBe(OVERRUN);
    };
    check({ organisedForce: 0, mobAttack: 0.9 });
    check({ organisedForce: 0, mobAttack: 0.9, mobilisedScale: 5 });
    check({ organisedForce: 0, mobAttack: 0.9 }, { joined: 10 }); // mobilised capped at 1
    check({ mobAttack: 0, forceAttack: 1.3, organisedForce: 0.4 });
    check({ mobAttack: 0, forceAttack: 1.3, organisedForce: 0.4 }, { offensive: true });
    check({ mobAttack: 0, forceAttack: 1.3, organisedForce: 0.4, forceEngagementBase: 0.2 });
    check({});
  });

  it('a venue overrun falls to whoever made most of the attack: the force’s massacre if the force’s part was larger', () => {
    const fellTo = (over: Partial<Params>, joined: number) => {
      const { w, fallen } = base(1, { over, joined });
      expect(fallen, JSON.stringify(over)).toBe(OVERRUN);
      return w.region.fallenToForce[BASE_REGION];
    };
    // mob part = mobAttack x min(1, mobilisedScale x joined/10); force part = forceAttack x organisedForce x forceEngagementBase.
    const even = { mobAttack: 1, mobilisedScale: 1, forceAttack: 1, organisedForce: 1, forceEngagementBase: 0.5, weakMandateDefence: 0.1 };
    expect(fellTo(even, 4)).toBe(1); // 0.4 against 0.5
    expect(fellTo(even, 6)).toBe(0); // 0.6 against 0.5
    expect(fellTo(even, 5)).toBe(0); // a tie is the population's
    expect(fellTo({ ...even, organisedForce: 0 }, 10)).toBe(0);
    expect(fellTo({ ...even, mobAttack: 0 }, 10)).toBe(1);
  });

  it('a venue relieved is no longer the force’s', () => {
    const { w, p } = world({ peacekeeperCoverage: 0.5 });
    w.region.fallen[BASE_REGION] = OVERRUN;
    w.region.fallenToForce[BASE_REGION] = 1;
    keep(w, p, { lethality: 0, regions: { [BASE_REGION]: { joined: 0, others: 10, sheltered: 5 } } });
    expect([w.region.fallen[BASE_REGION], w.region.fallenToForce[BASE_REGION]]).toEqual([STANDING, 0]);
  });

  it('crowding plays no part: one person sheltering or fifty, the same edge', () => {
    const p = params();
    const edge = (0.5 * p.weakMandateDefence) / attackPer(p, 0.1);
    for (const sheltered of [1, 5, 50]) {
      expect(base(edge * (1 - 1e-9), { sheltered }).fallen).toBe(STANDING);
      expect(base(edge * (1 + 1e-9), { sheltered }).fallen).toBe(OVERRUN);
    }
  });

  it('an empty venue does not fall', () => {
    expect(base(1, { sheltered: 0, joined: 10 }).fallen).toBe(STANDING);
  });

  it('a robust mandate defends at full capacity', () => {
    const p = params();
    const edge = 0.5 / attackPer(p, 0.1);
    expect(base(edge * (1 - 1e-9), { over: { mandate: 'robust' } }).fallen).toBe(STANDING);
    expect(base(edge * (1 + 1e-9), { over: { mandate: 'robust' } }).fallen).toBe(OVERRUN);
  });

  it('an overrun venue is relieved once the attack is no more than its defence, and protects again; not before', () => {
    const p = params();
    const edge = (0.5 * p.weakMandateDefence) / attackPer(p, 0.1);
    const relieved = base(edge, { fallen: OVERRUN });
    expect(relieved.fallen).toBe(STANDING);
    expect(relieved.w.region.protection[BASE_REGION]).toBeCloseTo(0.5 * p.protectionWeak, 15);
    expect(eventLines(relieved.w)).toEqual([`peacekeepers venue-relieved region ${BASE_REGION}`]);
    const held = base(edge * (1 + 1e-9), { fallen: OVERRUN, sheltered: 0 }); // still attacked, even with nobody left inside
    expect(held.fallen).toBe(OVERRUN);
    expect(held.w.region.protection[BASE_REGION]).toBe(0);
  });

  it('capacity scales the defence at every rung: a venue holds exactly while capacity x mandate is at least the attack', () => {
    // A full mob (every bystander joined) with the organised force, at each killing rung's lethality.
    // Lethality of organising above 0 here (its default may be 0: no attack, nothing falls).
    for (const rung of [2, 3, 4]) {
      for (const mandate of ['robust', 'weak'] as const) {
        const p = params({ mandate, lethalityOrganising: 0.01 });
        const attack = lethalityOf(p, rung, 0) * attackPer(p, 1);
        const factor = mandate === 'robust' ? 1 : p.weakMandateDefence;
        const capacityEdge = attack / factor;
        if (capacityEdge > 1) continue; // no capacity holds: nothing to test at this rung
        expect(capacityEdge, `rung ${rung}`).toBeGreaterThan(0);
        const at = (peacekeeperCapacity: number) => base(lethalityOf(p, rung, 0), { joined: 10, over: { mandate, peacekeeperCapacity, lethalityOrganising: 0.01 } }).fallen;
        expect(at(capacityEdge * (1 + 1e-9)), `rung ${rung} ${mandate}`).toBe(STANDING);
        expect(at(capacityEdge * (1 - 1e-9)), `rung ${rung} ${mandate}`).toBe(OVERRUN);
      }
    }
  });

  it('a capable, robust presence holds against a full mob and the force on the offensive at the top rung, where a token one falls', () => {
    const p = params();
    const top = lethalityOf(p, 4, 0);
    const capable = (offensive: boolean) => base(top, { joined: 10, over: { peacekeeperCapacity: 1, mandate: 'robust' }, setup: (w) => (w.offensive = offensive ? 1 : 0) }).fallen;
    const token = (offensive: boolean) => base(top, { joined: 10, over: { peacekeeperCapacity: 0.1, mandate: 'weak' }, setup: (w) => (w.offensive = offensive ? 1 : 0) }).fallen;
    expect([capable(false), capable(true)]).toEqual([STANDING, STANDING]);
    expect([token(false), token(true)]).toEqual([OVERRUN, OVERRUN]);
  });

  // ODD 7.15 with 7.14: PROTECTED agents die at massacreRate only where their venue has fallen.
  it('protects the sheltered until the venue falls, then exposes them to the massacre rate', () => {
    const { w, p } = world({ peacekeeperCoverage: 0.5 });
    const inside = [0, 2, 4].map((k) => w.regionStart[BASE_REGION] + k).filter((i) => w.group[i] === 1);
    for (const i of inside) {
      w.state[i] = PROTECTED;
      w.refuge[i] = BASE_REGION;
    }
    const day = (lethality: number, tick: number) => {
      keep(w, p, { tick, lethality, regions: { [BASE_REGION]: { joined: 1, others: 5, sheltered: inside.length } } });
      fillPopulationDraws(w, Object.fromEntries(inside.map((i) => [i, [0.5, 0.99] as const])));
      populationStep(w, quietInputs({ massacreRate: 0.6 }));
      return inside.map((i) => w.state[i]);
    };
    const edge = (0.5 * p.weakMandateDefence) / attackPer(p, 0.2);
    expect(inside.length).toBeGreaterThan(0);
    expect(day(edge * (1 - 1e-9), 1)).toEqual(inside.map(() => PROTECTED));
    expect(day(edge * (1 + 1e-9), 2)).toEqual(inside.map(() => DEAD));
  });
});

describe('an assault: the day a town falls', () => {
  // On an assault day a STANDING or OVERRUN venue, with people sheltering in it or not, is TAKEN when forceAttack x organisedForce > defence, whatever the rung;
  // a TAKEN venue is relieved only when its defence exceeds forceAttack x organisedForce.
  const FORCE: Partial<Params> = { forceAttack: 1, organisedForce: 0.4, mandate: 'robust', peacekeeperCoverage: 0.25 }; // one base: BASE_REGION
  const assault = (peacekeeperCapacity: number, opts: { assault?: boolean; sheltered?: number; lethality?: number; fallen?: number; over?: Partial<Params>; joined?: number } = {}) => {
    const { w, p } = world({ ...FORCE, peacekeeperCapacity, ...opts.over });
    w.assault = opts.assault ?? true;
    w.region.fallen[BASE_REGION] = opts.fallen ?? STANDING;
    keep(w, p, { lethality: opts.lethality ?? 0, regions: { [BASE_REGION]: { sheltered: opts.sheltered ?? 5, joined: opts.joined ?? 0 } } });
    return { w, p, fallen: w.region.fallen[BASE_REGION] };
  };
  const full = (over: Partial<Params> = {}) => {
    const p = params({ ...FORCE, ...over });
    return p.forceAttack * p.organisedForce;
  };

  it('takes a venue whose defence is below the force’s full attack, even at lethality 0 (whatever the rung)', () => {
    const f = full();
    const taken = assault(f - 1e-9);
    expect(taken.fallen).toBe(TAKEN);
    expect(taken.w.region.protection[BASE_REGION]).toBe(0);
    expect(eventLines(taken.w)).toEqual([`peacekeepers venue-taken region ${BASE_REGION}`]);
    expect(assault(f).fallen).toBe(STANDING);
    // Under a weak mandate the edge is on capacity x weakMandateDefence.
    const weak = { mandate: 'weak', organisedForce: 0.2 } as const;
    const p = params(weak);
    const fw = full(weak);
    expect(assault(fw / p.weakMandateDefence - 1e-9, { over: weak }).fallen).toBe(TAKEN);
    expect(assault(fw / p.weakMandateDefence + 1e-9, { over: weak }).fallen).toBe(STANDING);
  });

  it('reads forceAttack and organisedForce by their names', () => {
    expect(assault(0.5, { over: { forceAttack: 2, organisedForce: 0.25 + 1e-9 } }).fallen).toBe(TAKEN);
    expect(assault(0.5, { over: { forceAttack: 2, organisedForce: 0.25 } }).fallen).toBe(STANDING);
    expect(assault(0.5, { over: { forceAttack: 0.5 + 1e-9, organisedForce: 1 } }).fallen).toBe(TAKEN);
  });

  it('takes nothing without an assault', () => {
    expect(assault(0.1, { assault: false }).fallen).toBe(STANDING);
    // The day's attack may still overrun it (at the defaults it does), but the force takes nothing.
    expect(assault(0.1, { assault: false, lethality: 0.5 }).fallen).not.toBe(TAKEN);
  });

  it('takes a venue even before anyone shelters in it (the town itself falls), by the same edge', () => {
    const f = full();
    expect(assault(f - 1e-9, { sheltered: 0 }).fallen).toBe(TAKEN);
    expect(assault(f, { sheltered: 0 }).fallen).toBe(STANDING);
    // Whereas the population overruns only a venue with people in it.
    expect(assault(0.1, { sheltered: 0, assault: false, lethality: 1, joined: 10 }).fallen).toBe(STANDING);
  });

  it('takes a safe area too', () => {
    const { w, p } = world({ ...FORCE, peacekeeperCoverage: 0, safeAreas: 1, safeAreaCapacity: 0.1 });
    w.assault = true;
    keep(w, p, { regions: { 2: { sheltered: 3 } } });
    expect(w.region.fallen[2]).toBe(TAKEN);
    expect(eventLines(w)).toEqual(['peacekeepers venue-taken region 2 (safe area)']);
  });

  it('is the force’s: a venue the force could take is taken, not overrun, even when the mob’s attack alone would do', () => {
    const taken = assault(0.1, { lethality: 1, joined: 10 });
    expect([taken.fallen, taken.w.region.fallenToForce[BASE_REGION]]).toEqual([TAKEN, 1]);
    // A venue the force alone cannot take still falls to the day's attack: overrun.
    const f = full({ mobAttack: 1 });
    const strong = assault(f, { lethality: 1, joined: 10, over: { mobAttack: 1 } });
    expect(strong.fallen).toBe(OVERRUN);
  });

  it('an assault takes a venue the population had overrun (it is not relieved that day by the weaker mob attack)', () => {
    const f = full();
    // Defence above the day's mob attack (lethality 0.3, no one joined) but below the force's full attack.
    expect(assault(f - 1e-9, { fallen: OVERRUN, lethality: 0.3 }).fallen).toBe(TAKEN);
    expect(assault(f + 1e-9, { fallen: OVERRUN, lethality: 0.3 }).fallen).toBe(STANDING);
  });

  it('a taken venue is relieved only once its defence exceeds the force’s full attack, not when the attack stops', () => {
    const f = full();
    // The day after the assault: no attack at all (lethality 0), defence equal to the force: still taken.
    expect(assault(f, { assault: false, fallen: TAKEN }).fallen).toBe(TAKEN);
    const relieved = assault(f + 1e-9, { assault: false, fallen: TAKEN });
    expect(relieved.fallen).toBe(STANDING);
    expect(relieved.w.region.protection[BASE_REGION]).toBeGreaterThan(0);
    expect(eventLines(relieved.w)).toEqual([`peacekeepers venue-relieved region ${BASE_REGION}`]);
    // An overrun venue at the same defence and no attack is relieved.
    expect(assault(f, { assault: false, fallen: OVERRUN }).fallen).toBe(STANDING);
  });

  it('a force that arrives with enough capacity relieves a taken enclave', () => {
    const { w, p } = world({ ...FORCE, peacekeeperCapacity: 0.2, forceCapacity: 0.7 });
    w.assault = true;
    keep(w, p, { tick: 1, regions: { [BASE_REGION]: { sheltered: 5 } } });
    expect(w.region.fallen[BASE_REGION]).toBe(TAKEN);
    w.assault = false;
    w.council.forceArrives = 5;
    keep(w, p, { tick: 4 });
    expect(w.region.fallen[BASE_REGION]).toBe(TAKEN);
    keep(w, p, { tick: 5 }); // capacity 0.9 > 0.4
    expect(w.region.fallen[BASE_REGION]).toBe(STANDING);
  });

  it('the sheltered in a taken venue are massacred by the force', () => {
    const { w, p } = world({ ...FORCE, peacekeeperCapacity: 0.1 });
    const i = w.regionStart[BASE_REGION] + (w.group[w.regionStart[BASE_REGION]] === 1 ? 0 : 1);
    w.state[i] = PROTECTED;
    w.refuge[i] = BASE_REGION;
    w.assault = true;
    keep(w, p, { regions: { [BASE_REGION]: { sheltered: 1 } } });
    fillPopulationDraws(w, { [i]: [0, 0.99] });
    populationStep(w, quietInputs({ massacreRate: 0.5 }));
    expect([w.state[i], w.tally.deathsToday, w.tally.deathsByForce]).toEqual([DEAD, 1, 1]);
  });
});

describe('danger from the news of killing', () => {
  // danger_r = min(dangerCap, dangerScale deaths_r / targetsAlive_r), 0 where no targeted agent is alive.
  it('grows with yesterday’s deaths in the region, up to dangerCap', () => {
    for (const over of [{}, { dangerScale: 4, dangerCap: 0.3 }]) {
      const { w, p } = world(over);
      keep(w, p, {
        regions: { 0: { deaths: 1, targetsAlive: 40 }, 1: { deaths: 3, targetsAlive: 10 }, 2: { deaths: 2, targetsAlive: 0 }, 3: { deaths: 0, targetsAlive: 5 } },
      });
      expect(Array.from(w.region.danger)).toEqual([Math.min(p.dangerCap, p.dangerScale / 40), Math.min(p.dangerCap, (3 * p.dangerScale) / 10), 0, 0]);
    }
  });

  // ODD 7.15: a campaign to expel (aim expel, rung >= targeted attacks) adds terror wherever
  // peacekeepers do not protect: danger_r = max(news_r, expulsionTerror (1 - protection_r)).
  const regions = { 0: { deaths: 1, targetsAlive: 40 }, 1: { deaths: 3, targetsAlive: 10 }, 2: { deaths: 0, targetsAlive: 10 }, 3: { deaths: 0, targetsAlive: 5 } };
  const dangerAt = (over: Partial<Params>, rung: number) => {
    const { w, p } = world({ dangerScale: 4, dangerCap: 0.3, expulsionTerror: 0.2, ...over });
    w.leadership.rung = rung;
    keep(w, p, { regions });
    return { danger: Array.from(w.region.danger), protection: Array.from(w.region.protection) };
  };
  it('a campaign to expel spreads terror in every unprotected region, even where no one was killed', () => {
    const { danger, protection } = dangerAt({ perpetratorAim: 'expel', peacekeeperCoverage: 0.5 }, 3);
    const news = [0.1, 0.3, 0, 0];
    expect(protection.some((x) => x > 0), 'some region protected').toBe(true);
    expect(danger).toEqual(news.map((n, r) => Math.max(n, 0.2 * (1 - protection[r]))));
    expect(danger[2]).toBeGreaterThan(0);
  });
  it('no terror before targeted attacks, nor when the aim is to coerce or to destroy', () => {
    const news = [0.1, 0.3, 0, 0];
    expect(dangerAt({ perpetratorAim: 'expel' }, 2).danger).toEqual(news);
    expect(dangerAt({ perpetratorAim: 'coerce' }, 4).danger).toEqual(news);
    expect(dangerAt({ perpetratorAim: 'destroy' }, 4).danger).toEqual(news);
  });
});

describe('restraint feeds the threshold rule', () => {
  // ODD 7.15 with 7.14: restraint_r is added to every bystander's bar in region r.
  it('a bystander who would join joins only where there are no peacekeepers', () => {
    const { w, p } = tinyWorld({ n: 8, regions: 2, params: { peacekeeperCoverage: 0.5, peacekeeperCapacity: 1, mandate: 'robust' }, agents: { 0: { threshold: 0 }, 4: { threshold: 0 } } });
    keep(w, p, { restraintBase: 0 });
    const covered = Array.from(coverageRanks(2)).indexOf(0);
    expect(w.region.restraint[covered]).toBe(p.restraintRobust);
    expect(w.region.restraint[1 - covered]).toBe(0);
    fillPopulationDraws(w);
    populationStep(w, quietInputs());
    const [inCovered, inOther] = covered === 0 ? [0, 4] : [4, 0];
    expect([w.state[inCovered], w.state[inOther]]).toEqual([0, JOINED]);
  });
});
