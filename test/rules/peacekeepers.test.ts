/**
 * Rules of peacekeepers and safe areas (sim/models/luck2018/un/peacekeepers.ts; docs/ODD.md 7.14)
 * and of the host's consent to a deployment (deploy in un/council.ts; ODD 7.6), on a world of 40
 * agents in 4 regions of 10, 20 of them targeted (5 per region). The per-region tallies a rule
 * reads (yesterday's joined, others, sheltered, deaths) are set by hand.
 */
import { describe, expect, it } from 'vitest';
import { populationStep } from '../../sim/models/luck2018/agents/population';
import type { Params } from '../../sim/models/luck2018/params';
import { deploy } from '../../sim/models/luck2018/un/council';
import { peacekeepersStep } from '../../sim/models/luck2018/un/peacekeepers';
import { DEAD, JOINED, PROTECTED, type World } from '../../sim/models/luck2018/world';
import { eventLines, fillPopulationDraws, quietInputs, tickContext, tinyWorld } from '../helpers/luck-world';

const EVEN = Array.from({ length: 20 }, (_, k) => 2 * k);

function world(over: Partial<Params> = {}) {
  return tinyWorld({ n: 40, regions: 4, targeted: EVEN, params: { peacekeeperCapacity: 0.5, mandate: 'weak', safeAreas: 0, ...over } });
}

/** One peacekeeper step; `regions` sets yesterday's tallies of some regions first. */
function keep(
  w: World,
  p: Params,
  opts: { tick?: number; restraintBase?: number; lethality?: number; joinedShare?: number; regions?: Record<number, Partial<Record<'joined' | 'others' | 'sheltered' | 'deaths' | 'targetsAlive', number>>> } = {},
) {
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

describe("the host's consent to a deployment", () => {
  // ODD 7.6: consentChance = 0.2 + 0.6 impartiality for a government, 1 otherwise; deployed if u < consentChance (stream host/consent/<what>).
  const deployWith = (perpetratorType: Params['perpetratorType'], impartiality: number, u: number, already = 0) => {
    const { w, p } = world({ perpetratorType, impartiality });
    w.deployed = already;
    const ctx = tickContext(w, p, { tick: 5, streams: { 'host/consent/preventive-deployment': [u] } });
    deploy(ctx, 0.3, 'preventive-deployment');
    return w;
  };

  it('a government consents with chance 0.2 + 0.6 impartiality', () => {
    expect(deployWith('government', 0.5, 0.5 - 1e-9).deployed).toBeCloseTo(0.3, 12);
    const refused = deployWith('government', 0.5, 0.5 + 1e-9);
    expect(refused.deployed).toBe(0);
    expect(eventLines(refused)).toEqual(['host consent-refused preventive-deployment']);
    expect(deployWith('government', 0, 0.2 - 1e-9).deployed).toBeCloseTo(0.3, 12);
    expect(deployWith('government', 0, 0.2 + 1e-9).deployed).toBe(0);
    expect(deployWith('government', 1, 0.8 - 1e-9).deployed).toBeCloseTo(0.3, 12);
    expect(deployWith('government', 1, 0.8 + 1e-9).deployed).toBe(0);
  });

  it('when an armed group is the perpetrator the host consents always', () => {
    for (const type of ['armed-group', 'extremist-armed-group'] as const) {
      for (const imp of [0, 1]) {
        const w = deployWith(type, imp, 0.999999);
        expect(w.deployed, `${type} impartiality ${imp}`).toBeCloseTo(0.3, 12);
        expect(eventLines(w)).toEqual(['peacekeepers deployed preventive-deployment: +0.3 of regions']);
      }
    }
  });

  it('adds the share to the coverage deployed, up to 1', () => {
    expect(deployWith('armed-group', 0, 0.5, 0.2).deployed).toBeCloseTo(0.5, 12);
    expect(deployWith('armed-group', 0, 0.5, 0.9).deployed).toBe(1);
  });
});

describe('presence by region', () => {
  // ODD 7.14: coverage = clamp(peacekeeperCoverage + deployed); region r covered if floor((r+1) coverage) > floor(r coverage).
  it('spreads floor(R x coverage) covered regions evenly', () => {
    const covered = (peacekeeperCoverage: number, deployed = 0) => {
      const { w, p } = world({ peacekeeperCoverage });
      w.deployed = deployed;
      keep(w, p);
      return [w.coverage, Array.from(w.region.covered)];
    };
    expect(covered(0)).toEqual([0, [0, 0, 0, 0]]);
    expect(covered(0.5)).toEqual([0.5, [0, 1, 0, 1]]);
    expect(covered(0.5, 0.25)).toEqual([0.75, [0, 1, 1, 1]]);
    expect(covered(0.8, 0.5)).toEqual([1, [1, 1, 1, 1]]);
  });

  // ODD 7.14: protection_r = covered capacity (0.7 robust | 0.2 weak); restraint_r = restraintBase + covered capacity (0.25 | 0.1).
  it('protects and restrains in covered regions, more under a robust mandate', () => {
    const at = (mandate: 'weak' | 'robust', councilRobust = false) => {
      const { w, p } = world({ peacekeeperCoverage: 0.5, mandate });
      w.robust = councilRobust;
      keep(w, p, { restraintBase: 0.1 });
      return { protection: Array.from(w.region.protection), restraint: Array.from(w.region.restraint) };
    };
    const weak = at('weak');
    expect(weak.protection).toEqual([0, 0.5 * 0.2, 0, 0.5 * 0.2]);
    expect(weak.restraint.map((x) => +x.toFixed(12))).toEqual([0.1, 0.15, 0.1, 0.15]);
    const robust = at('robust');
    expect(robust.protection).toEqual([0, 0.5 * 0.7, 0, 0.5 * 0.7]);
    expect(robust.restraint.map((x) => +x.toFixed(12))).toEqual([0.1, 0.225, 0.1, 0.225]);
    expect(at('weak', true)).toEqual(robust); // a protection mandate from the Council
  });

  // ODD 7.14: once t >= forceArrives the force is on the ground: coverage 1, robust, capacity + 0.7.
  it('an authorised force covers every region, robustly, when it arrives', () => {
    const { w, p } = world({ peacekeeperCoverage: 0 });
    w.council.forceArrives = 10;
    keep(w, p, { tick: 9 });
    expect([w.forceOnGround, w.coverage]).toEqual([false, 0]);
    keep(w, p, { tick: 10 });
    expect([w.forceOnGround, w.robust, w.coverage]).toEqual([true, true, 1]);
    expect(Array.from(w.region.protection)).toEqual([0.7, 0.7, 0.7, 0.7]); // capacity min(1, 0.5 + 0.7) x 0.7
    keep(w, p, { tick: 11 });
    expect(eventLines(w)).toEqual(['peacekeepers force-arrives']);
  });
});

describe('safe areas', () => {
  // ODD 7.14: nSafe = min(safeAreas, R), at regions floor((k + 0.5) R / nSafe).
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

  // ODD 7.14: a safe area is attacked by max(national, local) mobilisation; a base by its region's only.
  it('are attacked by the mobilisation of the whole country, bases only by their own region', () => {
    // National mobilisation min(1, 3 x 0.2) = 0.6; no local perpetrators; 5 sheltered (crowding 1).
    // Safe area (region 2, capacity 0.2, weak): defence 0.07 < attack 0.1 x 0.6 x 1.5 = 0.09.
    const { w, p } = world({ safeAreas: 1, safeAreaCapacity: 0.2, peacekeeperCoverage: 0.5 });
    keep(w, p, { lethality: 0.1, joinedShare: 0.2, regions: { 1: { sheltered: 5 }, 2: { sheltered: 5 } } });
    expect(Array.from(w.region.fallen)).toEqual([0, 0, 1, 0]);
    expect(eventLines(w)).toEqual(['peacekeepers venue-fell region 2 (safe area)']);
  });

  it('a covered safe area is defended by the better of its capacity and the peacekeepers’', () => {
    // Region 1 is covered (coverage 0.5) and a safe area (safeAreas 2): defence max(0.2, 0.5) x 0.35 = 0.175.
    const fell = (lethality: number) => {
      const { w, p } = world({ safeAreas: 2, safeAreaCapacity: 0.2, peacekeeperCoverage: 0.5 });
      keep(w, p, { lethality, joinedShare: 0.2, regions: { 1: { sheltered: 5 } } });
      return w.region.fallen[1];
    };
    expect(fell(0.175 / 0.9 - 1e-9)).toBe(0);
    expect(fell(0.175 / 0.9 + 1e-9)).toBe(1);
  });
});

describe('venues falling and being relieved', () => {
  // ODD 7.14: attack = lethality mobilised (1 + 0.5 min(3, crowding)); defence = base (1 robust | 0.35 weak);
  // falls if attack > defence and sheltered > 0; relieved when attack <= defence; a fallen venue protects no one.
  // Region 1 is a base (coverage 0.5), capacity 0.5, weak: defence 0.175; 1 of 10 joined: mobilised 0.3.
  const base = (lethality: number, sheltered: number, opts: { fallen?: boolean; mandate?: 'weak' | 'robust' } = {}) => {
    const { w, p } = world({ peacekeeperCoverage: 0.5, mandate: opts.mandate ?? 'weak' });
    if (opts.fallen) w.region.fallen[1] = 1;
    keep(w, p, { lethality, regions: { 1: { joined: 1, others: 10, sheltered } } });
    return w;
  };
  const attackPerLethality = (crowding: number) => 0.3 * (1 + 0.5 * Math.min(3, crowding));

  it('a base falls when the attack outweighs its defence and people shelter there', () => {
    const edge = 0.175 / attackPerLethality(1); // 5 sheltered, 5 targeted per region
    expect(base(edge * (1 - 1e-9), 5).region.fallen[1]).toBe(0);
    const w = base(edge * (1 + 1e-9), 5);
    expect(w.region.fallen[1]).toBe(1);
    expect(w.region.protection[1]).toBe(0);
    expect(eventLines(w)).toEqual(['peacekeepers venue-fell region 1']);
  });

  it('an empty venue does not fall', () => {
    expect(base(1, 0).region.fallen[1]).toBe(0);
  });

  it('crowding makes a venue a bigger target, up to three times the region’s targeted', () => {
    const edge10 = 0.175 / attackPerLethality(2); // 10 sheltered: crowding 2
    expect(base(edge10 * (1 - 1e-9), 10).region.fallen[1]).toBe(0);
    expect(base(edge10 * (1 + 1e-9), 10).region.fallen[1]).toBe(1);
    const edgeCap = 0.175 / attackPerLethality(3); // crowding 10 counts as 3
    expect(base(edgeCap * (1 - 1e-9), 50).region.fallen[1]).toBe(0);
    expect(base(edgeCap * (1 + 1e-9), 50).region.fallen[1]).toBe(1);
  });

  it('a robust mandate defends at full capacity', () => {
    const edge = 0.5 / attackPerLethality(1);
    expect(base(edge * (1 - 1e-9), 5, { mandate: 'robust' }).region.fallen[1]).toBe(0);
    expect(base(edge * (1 + 1e-9), 5, { mandate: 'robust' }).region.fallen[1]).toBe(1);
  });

  it('a fallen venue is relieved once the attack no longer outweighs its defence, and protects again', () => {
    const relieved = base(0, 5, { fallen: true });
    expect(relieved.region.fallen[1]).toBe(0);
    expect(relieved.region.protection[1]).toBeCloseTo(0.1, 12);
    expect(eventLines(relieved)).toEqual(['peacekeepers venue-relieved region 1']);
    const held = base(1, 0, { fallen: true }); // still attacked, even with nobody left inside
    expect(held.region.fallen[1]).toBe(1);
    expect(held.region.protection[1]).toBe(0);
    // At the edge: relieved as soon as the attack is no more than the defence.
    const edge = 0.175 / attackPerLethality(1);
    expect(base(edge * (1 - 1e-9), 5, { fallen: true }).region.fallen[1]).toBe(0);
    expect(base(edge * (1 + 1e-9), 5, { fallen: true }).region.fallen[1]).toBe(1);
  });

  // ODD 7.15 with 7.14: PROTECTED agents die at massacreRate only where their venue has fallen.
  it('protects the sheltered until the venue falls, then exposes them to the massacre rate', () => {
    const { w, p } = world({ peacekeeperCoverage: 0.5 });
    for (const i of [10, 12, 14]) {
      w.state[i] = PROTECTED;
      w.refuge[i] = 1;
    }
    const day = (lethality: number, tick: number) => {
      keep(w, p, { tick, lethality, regions: { 1: { joined: 1, others: 5, sheltered: 3 } } });
      fillPopulationDraws(w, { 10: [0.5, 0.99], 12: [0.5, 0.99], 14: [0.5, 0.99] });
      populationStep(w, quietInputs({ massacreRate: 0.6 }));
      return [w.state[10], w.state[12], w.state[14]];
    };
    expect(day(0.1, 1)).toEqual([PROTECTED, PROTECTED, PROTECTED]); // attack 0.1 x 0.6 x 1.3 < 0.175
    expect(day(1, 2)).toEqual([DEAD, DEAD, DEAD]); // attack 0.78 > 0.175: falls
  });
});

describe('danger from the news of killing', () => {
  // ODD 7.14: danger_r = min(0.5, 10 deaths_r / targetsAlive_r), 0 where no targeted agent is alive.
  it('grows with yesterday’s deaths in the region, up to 0.5', () => {
    const { w, p } = world();
    keep(w, p, {
      regions: { 0: { deaths: 1, targetsAlive: 40 }, 1: { deaths: 3, targetsAlive: 10 }, 2: { deaths: 2, targetsAlive: 0 }, 3: { deaths: 0, targetsAlive: 5 } },
    });
    expect(Array.from(w.region.danger)).toEqual([0.25, 0.5, 0, 0]);
  });
});

describe('restraint feeds the threshold rule', () => {
  // ODD 7.15 with 7.14: restraint_r is added to every bystander's bar in region r.
  it('a bystander who would join joins only where there are no peacekeepers', () => {
    const { w, p } = tinyWorld({ n: 8, regions: 2, params: { peacekeeperCoverage: 0.5, peacekeeperCapacity: 1, mandate: 'robust' }, agents: { 0: { threshold: 0 }, 4: { threshold: 0 } } });
    keep(w, p, { restraintBase: 0 });
    expect(Array.from(w.region.restraint)).toEqual([0, 0.25]);
    fillPopulationDraws(w);
    populationStep(w, quietInputs());
    expect([w.state[0], w.state[4]]).toEqual([JOINED, 0]);
  });
});
