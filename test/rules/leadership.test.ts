/**
 * Rules of the perpetrator leadership (sim/models/luck2018/agents/leadership.ts; docs/ODD.md
 * 7.12): the rungs' bars and cost shares, the opportunity of the killing rungs, the preparation
 * clock, the climb, the hold and the step down, the faction balance, the motive with mediation's
 * offers and conditional spoiling. The stream `leadership/decide` gives two uniforms for one normal
 * (0 unless a test says). The baseline isolates one term at a time: hardliners 1, no existential
 * stakes, no state weakness, no prior atrocities, no spoilers, no deterrence and full armed
 * conflict (opportunity 1), so that motive = stakes and cost = 0.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../sim/engine/streams';
import {
  leadershipMotive,
  leadershipStep,
  opportunity,
  rungBar,
  rungCostShare,
  rungNet,
  settlementThreat,
  standingRung,
} from '../../sim/models/luck2018/agents/leadership';
import { r2pKernel } from '../../sim/models/luck2018/kernel';
import type { Params } from '../../sim/models/luck2018/params';
import { RUNGS, TOP_RUNG, stateWeakness, type World } from '../../sim/models/luck2018/world';
import { ScriptedStreams, engineNormal, eventLines, normalDraws, normalsByTick, params, tickContext, tinyWorld } from '../helpers/luck-world';

const STREAM = 'leadership/decide';

const BASE: Partial<Params> = {
  stakes: 0.3,
  existentialStakes: 0,
  stateWeakness: 0,
  priorAtrocities: 0,
  spoilerPropensity: 0,
  deterrence: 0,
  deterrenceSeverity: 1,
  perpetratorType: 'government',
  patron: false,
  impartiality: 0,
  cohesion: 0.5,
  leadershipNoise: 0.1,
  armedConflict: 1,
};

/** Bars, margin and effort exact in binary, so that an edge can be met exactly and missed by 1e-9. */
const EXACT: Partial<Params> = { barIncitement: 0.25, barOrganising: 0.5, barTargeted: 0.75, barMassKilling: 1, stepDownMargin: 0.125, planningEffort: 1 };

interface Day {
  rung?: number;
  prep?: number;
  hardliners?: number;
  params?: Partial<Params>;
  z?: number;
  joinedShare?: number;
  quietDiplomacy?: number;
  highRisk?: boolean;
  setup?: (w: World) => void;
}

/** A leadership on the baseline with some state and parameters changed. */
function leadership(d: Day = {}) {
  const { w, p } = tinyWorld({ n: 10, params: { ...BASE, ...d.params } });
  const L = w.leadership;
  L.rung = d.rung ?? 0;
  L.rungSince = 0;
  L.prep = d.prep ?? 0;
  L.hardliners = d.hardliners ?? 1;
  d.setup?.(w);
  return { w, p, L };
}

/** One leadership step at tick 100. */
function day(d: Day = {}) {
  const { w, p, L } = leadership(d);
  const streams = new ScriptedStreams({ [STREAM]: normalDraws(d.z ?? 0) });
  const ctx = tickContext(w, p, { tick: 100, streams, joinedShare: d.joinedShare, quietDiplomacy: d.quietDiplomacy, highRisk: d.highRisk ?? false });
  leadershipStep(ctx);
  return { w, p, L, ctx, streams };
}

/** Steps on ticks 1..days, with the normal zOf(tick) (default 0) and an optional change before each; the rung after each day. */
function days(d: Day, n: number, opts: { zOf?: (t: number) => number; streams?: Streams; before?: (w: World, t: number) => void } = {}) {
  const { w, p, L } = leadership(d);
  const streams = opts.streams ?? new ScriptedStreams({ [STREAM]: normalsByTick(opts.zOf ?? (() => 0)) });
  const rungs: number[] = [];
  for (let t = 1; t <= n; t++) {
    opts.before?.(w, t);
    leadershipStep(tickContext(w, p, { tick: t, streams, highRisk: false }));
    rungs.push(L.rung);
  }
  return { w, p, L, rungs };
}

/** Tick of the first climb (1-based), or -1. */
const firstClimb = (rungs: number[], from = 0) => rungs.findIndex((r) => r > from) + 1 || -1;

describe('the rungs, by parameter', () => {
  const distinct = params({ barIncitement: 0.11, barOrganising: 0.22, barTargeted: 0.33, barMassKilling: 0.44, costShareIncitement: 0.1, costShareOrganising: 0.2, costShareTargeted: 0.3 });

  it('rung k needs the bar of its own parameter (latent needs nothing)', () => {
    const p = distinct;
    expect([0, 1, 2, 3, 4].map((k) => rungBar(p, k))).toEqual([0, p.barIncitement, p.barOrganising, p.barTargeted, p.barMassKilling]);
    expect(new Set([p.barIncitement, p.barOrganising, p.barTargeted, p.barMassKilling]).size).toBe(4);
  });

  it('rung k risks the share of the expected cost of its own parameter; mass killing risks all of it', () => {
    const p = distinct;
    expect([0, 1, 2, 3, 4].map((k) => rungCostShare(p, k))).toEqual([0, p.costShareIncitement, p.costShareOrganising, p.costShareTargeted, 1]);
  });

  it('net(k) = motive x (opportunity for killing rungs) - bar_k - cost x share_k - realised cost', () => {
    const { w } = tinyWorld({ n: 10, params: { ...BASE, armedConflict: 0.5 } });
    const p = { ...distinct, armedConflict: 0.5 };
    w.realisedCost = 0.1;
    const opp = opportunity(p, w);
    expect(opp).toBe(0.5);
    for (let k = 0; k <= TOP_RUNG; k++) {
      const drive = k >= 3 ? 0.8 * opp : 0.8;
      expect(rungNet(p, w, 0.8, 0.4, k), `k = ${k}`).toBe(drive - rungBar(p, k) - 0.4 * rungCostShare(p, k) - 0.1);
    }
  });
});

describe('opportunity for the killing rungs', () => {
  // opp = clamp(max(offensive ? 1 : armedConflict (0.5 if settled), crisis)).
  const opp = (armedConflict: number, setup: (w: World) => void = () => {}) => {
    const { w, p } = tinyWorld({ n: 10, params: { armedConflict } });
    setup(w);
    return opportunity(p, w);
  };

  it('is the armed conflict in force, halved by a signed settlement', () => {
    expect(opp(0.6)).toBe(0.6);
    expect(opp(0.6, (w) => (w.settled = true))).toBe(0.3);
    expect(opp(0)).toBe(0);
  });

  it('or the crisis a trigger opened, whichever is more', () => {
    expect(opp(0.2, (w) => (w.crisis = 0.5))).toBe(0.5);
    expect(opp(0.7, (w) => (w.crisis = 0.5))).toBe(0.7);
  });

  it('is full once an offensive began, settled or not', () => {
    expect(opp(0, (w) => (w.offensive = 1))).toBe(1);
    expect(opp(0.4, (w) => ((w.offensive = 1), (w.settled = true)))).toBe(1);
  });

  it('bears on targeted attacks and mass killing only', () => {
    const { w, p } = tinyWorld({ n: 10, params: { ...BASE, armedConflict: 0 } });
    expect(rungNet(p, w, 1, 0, 1)).toBe(1 - p.barIncitement);
    expect(rungNet(p, w, 1, 0, 2)).toBe(1 - p.barOrganising);
    expect(rungNet(p, w, 1, 0, 3)).toBe(-p.barTargeted);
    expect(rungNet(p, w, 1, 0, 4)).toBe(-p.barMassKilling);
  });
});

describe('preparation (no fixed dwell)', () => {
  // prep = max(0, prep + net(r+1) + leadershipNoise z).
  it('adds the day’s margin net(r+1) and the noise leadershipNoise x z', () => {
    for (const z of [1.5, -0.7, 0]) {
      const { L, p, streams } = day({ prep: 0.5, z, params: { ...EXACT, planningEffort: 100 } });
      const want = p.stakes - p.barIncitement;
      expect(L.prep, `z = ${z}`).toBe(0.5 + want + p.leadershipNoise * engineNormal(z));
      expect(streams.count(STREAM, 100)).toBe(2);
    }
  });

  it('weighs leadershipNoise by its name', () => {
    const a = day({ prep: 0.5, z: 1, params: { ...EXACT, planningEffort: 100, leadershipNoise: 0.2 } });
    const b = day({ prep: 0.5, z: 1, params: { ...EXACT, planningEffort: 100, leadershipNoise: 0 } });
    expect(a.L.prep - b.L.prep).toBeCloseTo(0.2 * engineNormal(1), 15);
  });

  it('never falls below 0', () => {
    expect(day({ prep: 0.1, params: { ...EXACT, stakes: 0 } }).L.prep).toBe(0);
    expect(day({ prep: 0.1, z: -2, params: { ...EXACT, stakes: 0.3 } }).L.prep).toBe(0);
  });

  it('a rung is prepared in ceil(planningEffort / margin) days: a strong motive climbs fast, a marginal one slowly', () => {
    const p = params();
    for (const margin of [0.125, 0.25, 0.5, 1]) {
      const { rungs } = days({ params: { ...EXACT, planningEffort: p.planningEffort, stakes: 0.25 + margin } }, 40);
      expect(firstClimb(rungs), `margin ${margin}`).toBe(Math.ceil(p.planningEffort / margin));
    }
  });

  it('reads planningEffort by its name', () => {
    for (const planningEffort of [0.5, 1, 3]) {
      const { rungs } = days({ params: { ...EXACT, planningEffort, stakes: 0.5 } }, 40);
      expect(firstClimb(rungs)).toBe(Math.ceil(planningEffort / 0.25));
    }
  });

  it('starts again from nothing after a climb: the next rung takes its own days', () => {
    // Margin 0.5 to incitement (2 days at effort 1), then 0.25 to organising (4 more days).
    const { rungs } = days({ params: { ...EXACT, stakes: 0.75 } }, 8);
    expect(rungs).toEqual([0, 1, 1, 1, 1, 2, 2, 2]);
  });

  it('is reset to 0 by a climb and by a step down, and kept while the leadership holds', () => {
    expect(day({ prep: 5, params: { ...EXACT, stakes: 0.3 } }).L.prep).toBe(0); // climbed
    const held = day({ rung: 1, prep: 0.25, params: { ...EXACT, stakes: 0.375 } }); // net(1) = 0.125, net(2) = -0.125: holds
    expect([held.L.rung, held.L.prep]).toEqual([1, 0.125]);
    const down = day({ rung: 1, prep: 1, params: { ...EXACT, stakes: 0.1, planningEffort: 100 } }); // prep 1 - 0.4 > 0, then steps down
    expect([down.L.rung, down.L.prep]).toEqual([0, 0]);
  });

  it('is not accumulated on the top rung', () => {
    expect(day({ rung: TOP_RUNG, prep: 0.7, params: { ...EXACT, stakes: 2 } }).L.prep).toBe(0.7);
  });
});

describe('the climb', () => {
  // climb when prep >= planningEffort and net(r+1) > 0 (realised costs counted, no noise in the test).
  it('climbs one rung when prepared and the next rung’s net is above 0; holds when it is exactly 0', () => {
    for (let r = 0; r < TOP_RUNG; r++) {
      const p = params({ ...BASE });
      const bar = rungBar(p, r + 1);
      const up = day({ rung: r, prep: p.planningEffort, params: { stakes: bar + 1e-9 } });
      expect(up.L.rung, `from ${RUNGS[r]}`).toBe(r + 1);
      expect(up.L.rungSince).toBe(100);
      expect(rungNet(up.p, up.w, up.L.motive, up.L.cost, up.L.rung)).toBeGreaterThan(0);
      expect(eventLines(up.w)).toEqual([`leadership climb ${RUNGS[r + 1]}`]);
      const at = day({ rung: r, prep: p.planningEffort, params: { stakes: bar } });
      expect([at.L.rung, eventLines(at.w)], `at ${RUNGS[r]}`).toEqual([r, []]);
    }
  });

  it('needs prep >= planningEffort', () => {
    // Margin 0.25 to incitement at effort 1.
    expect(day({ prep: 0.75, params: { ...EXACT, stakes: 0.5 } }).L.rung).toBe(1);
    const short = day({ prep: 0.75 - 1e-9, params: { ...EXACT, stakes: 0.5 } });
    expect(short.L.rung).toBe(0);
    expect(short.L.prep).toBeCloseTo(1 - 1e-9, 15);
  });

  it('noise helps the preparation but never the decision', () => {
    // Noise can complete the preparation ...
    expect(day({ prep: 0.7, z: 1, params: { ...EXACT, stakes: 0.5 } }).L.rung).toBe(1);
    expect(day({ prep: 0.7, z: 0, params: { ...EXACT, stakes: 0.5 } }).L.rung).toBe(0);
    // ... but a rung not wanted today (net 0 or below) is not climbed, whatever the noise.
    for (const stakes of [0.25, 0.25 - 1e-9]) {
      const d = day({ prep: 5, z: 3, params: { ...EXACT, stakes } });
      expect([d.L.rung, d.L.prep > 1], `stakes ${stakes}`).toEqual([0, true]);
    }
  });

  it('counts costs already borne: no climb onto a rung it does not expect to hold', () => {
    // Margin before realised costs 0.125 (cohesion 1: the costs do not move the factions).
    const at = (realisedCost: number) => day({ prep: 1, params: { ...EXACT, stakes: 0.375, cohesion: 1 }, setup: (w) => (w.realisedCost = realisedCost) }).L.rung;
    expect(at(0.125 - 1e-9)).toBe(1);
    expect(at(0.125)).toBe(0);
    expect(at(0.5)).toBe(0);
  });

  it('weighs the share of the expected cost the next rung risks', () => {
    // deterrence 0.5, severity 1, no limits, no appeasement: cost 0.5.
    for (let r = 0; r < TOP_RUNG; r++) {
      const p = params({ ...BASE, ...EXACT, deterrence: 0.5 });
      const edge = rungBar(p, r + 1) + 0.5 * rungCostShare(p, r + 1);
      const up = day({ rung: r, prep: 1, params: { ...EXACT, deterrence: 0.5, stakes: edge + 1e-9 } });
      expect([up.L.rung, up.L.cost], `from ${RUNGS[r]}`).toEqual([r + 1, 0.5]);
      expect(day({ rung: r, prep: 1, params: { ...EXACT, deterrence: 0.5, stakes: edge - 1e-9 } }).L.rung, `at ${RUNGS[r]}`).toBe(r);
    }
  });

  it('the killing rungs need an opportunity: the motive is weighed by it', () => {
    // Rung 2 to 3 with stakes 1: net(3) = 1 x opp - 0.75.
    const up = (armedConflict: number, setup: (w: World) => void = () => {}) => day({ rung: 2, prep: 1, params: { ...EXACT, stakes: 1, armedConflict }, setup }).L.rung;
    expect(up(0.75 + 1e-9)).toBe(3);
    expect(up(0.75)).toBe(2);
    expect(up(0)).toBe(2);
    expect(up(0, (w) => (w.crisis = 1))).toBe(3);
    expect(up(0, (w) => (w.offensive = 1))).toBe(3);
    // Organising needs none: rung 1 to 2 without conflict.
    expect(day({ rung: 1, prep: 1, params: { ...EXACT, stakes: 1, armedConflict: 0 } }).L.rung).toBe(2);
  });

  it('climbs at most one rung a day, and never above mass killing', () => {
    expect(day({ prep: 100, params: { stakes: 5 } }).L.rung).toBe(1);
    const top = day({ rung: TOP_RUNG, prep: 100, params: { stakes: 5 } });
    expect([top.L.rung, eventLines(top.w)]).toEqual([TOP_RUNG, []]);
  });

  it('climbs only onto a rung worth holding: the net it climbed on is its rung’s net, and the next day it holds whatever the noise', () => {
    const cases: { r: number; deterrence: number; realisedCost: number; armedConflict: number }[] = [];
    for (let r = 0; r < TOP_RUNG; r++)
      for (const deterrence of [0, 0.3])
        for (const realisedCost of [0, 0.05, 0.2]) for (const armedConflict of [1, 0.9]) cases.push({ r, deterrence, realisedCost, armedConflict });
    for (const c of cases) {
      const over = { ...EXACT, cohesion: 1, deterrence: c.deterrence, armedConflict: c.armedConflict };
      const p = params({ ...BASE, ...over });
      const opp = c.r + 1 >= 3 ? c.armedConflict : 1;
      const stakes = (rungBar(p, c.r + 1) + c.deterrence * rungCostShare(p, c.r + 1) + c.realisedCost + 1e-6) / opp;
      const { w, p: pw, L } = leadership({ rung: c.r, prep: 100, params: { ...over, stakes }, setup: (w) => (w.realisedCost = c.realisedCost) });
      const streams = new ScriptedStreams({ [STREAM]: normalsByTick(() => -3) });
      leadershipStep(tickContext(w, pw, { tick: 1, streams, highRisk: false }));
      expect(L.rung, JSON.stringify(c)).toBe(c.r + 1);
      expect(rungNet(pw, w, L.motive, L.cost, L.rung)).toBeGreaterThan(0);
      leadershipStep(tickContext(w, pw, { tick: 2, streams, highRisk: false }));
      expect(L.rung, `next day ${JSON.stringify(c)}`).toBe(c.r + 1);
    }
  });
});

describe('the step down', () => {
  // step down when net(r) < -stepDownMargin (realised costs counted, no noise in the test).
  it('steps down when its rung’s net falls below -stepDownMargin, and holds at exactly -stepDownMargin', () => {
    for (let r = 1; r <= TOP_RUNG; r++) {
      const p = params({ ...BASE, ...EXACT });
      const edge = rungBar(p, r) - p.stepDownMargin;
      const down = day({ rung: r, params: { ...EXACT, stakes: edge - 1e-9 } });
      expect(down.L.rung, `from ${RUNGS[r]}`).toBe(r - 1);
      expect(down.L.rungSince).toBe(100);
      expect(eventLines(down.w)).toEqual([`leadership step-down ${RUNGS[r - 1]}`]);
      expect(day({ rung: r, params: { ...EXACT, stakes: edge } }).L.rung, `at ${RUNGS[r]}`).toBe(r);
    }
  });

  it('reads stepDownMargin by its name', () => {
    // Rung 1, net(1) = -0.2: down with margin 0.125, held with margin 0.25.
    expect(day({ rung: 1, params: { ...EXACT, stakes: 0.05 } }).L.rung).toBe(0);
    expect(day({ rung: 1, params: { ...EXACT, stakes: 0.05, stepDownMargin: 0.25 } }).L.rung).toBe(1);
  });

  it('noise never enters the step down', () => {
    expect(day({ rung: 2, z: -3, params: { ...EXACT, stakes: 0.5 - 0.125 + 1e-3 } }).L.rung).toBe(2);
    expect(day({ rung: 2, z: 3, params: { ...EXACT, stakes: 0.5 - 0.125 - 1e-3 } }).L.rung).toBe(1);
  });

  it('costs already borne push it down', () => {
    // Rung 1 with stakes 0.375: net 0.125 before realised costs (cohesion 1: no faction effect).
    const at = (realisedCost: number) => day({ rung: 1, params: { ...EXACT, stakes: 0.375, cohesion: 1 }, setup: (w) => (w.realisedCost = realisedCost) }).L.rung;
    expect(at(0.25)).toBe(1);
    expect(at(0.25 + 1e-9)).toBe(0);
  });

  it('weighs the share of the expected cost its rung risks', () => {
    const p = params({ ...BASE, ...EXACT, deterrence: 0.5 });
    const edge = p.barTargeted + 0.5 * p.costShareTargeted - p.stepDownMargin;
    const at = (stakes: number) => day({ rung: 3, params: { ...EXACT, stakes, deterrence: 0.5 } }).L.rung;
    expect(at(edge - 1e-9)).toBe(2);
    expect(at(edge + 1e-9)).toBe(3);
  });

  it('gives up a killing rung when its opportunity is gone', () => {
    expect(day({ rung: 3, params: { ...EXACT, stakes: 1, armedConflict: 1 } }).L.rung).toBe(3);
    expect(day({ rung: 3, params: { ...EXACT, stakes: 1, armedConflict: 0 } }).L.rung).toBe(2);
  });

  it('never steps below latent', () => {
    expect(day({ rung: 0, params: { stakes: 0 }, z: -3 }).L.rung).toBe(0);
  });
});

describe('no flicker', () => {
  // A climb needs net(r+1) > 0 and a step down net(r) < -stepDownMargin: with nothing changed since the climb, no step down.
  it('under constant conditions the rung never goes down, whatever the noise (20 seeds x 18 settings x 365 days)', () => {
    let climbs = 0;
    for (let seed = 1; seed <= 20; seed++)
      for (const stakes of [0.2, 0.3, 0.45, 0.6, 0.9, 1.2])
        for (const realisedCost of [0, 0.2, 0.4]) {
          const { rungs } = days(
            { params: { ...EXACT, stakes, deterrence: 0.2, cohesion: 1, leadershipNoise: 0.3, planningEffort: 3 }, setup: (w) => (w.realisedCost = realisedCost) },
            365,
            { streams: new Streams(`flicker-${seed}`) },
          );
          for (let t = 1; t < rungs.length; t++) expect(rungs[t], `seed ${seed} stakes ${stakes} realised ${realisedCost} day ${t + 1}`).toBeGreaterThanOrEqual(rungs[t - 1]);
          climbs += rungs[rungs.length - 1];
        }
    expect(climbs).toBeGreaterThan(100); // the leadership did climb, often
  });

  it('steps down only once something changed since the climb: here, costs borne', () => {
    // Climbs to incitement on day 2 (margin 0.5 at effort 1), holds 30 days of noise, then a cost of 0.6 + 1e-9 arrives on day 40.
    const { rungs, w } = days({ params: { ...EXACT, stakes: 0.75, barOrganising: 2, cohesion: 1 } }, 60, {
      zOf: (t) => ((t * 7) % 11) / 2 - 2.5,
      before: (w, t) => {
        if (t === 40) w.realisedCost = 0.625 + 1e-9;
      },
    });
    expect(rungs.slice(0, 39).every((r, i) => r === (i < 1 ? 0 : 1))).toBe(true);
    expect(rungs[39]).toBe(0);
    expect(eventLines(w).filter((e) => e.includes('step-down'))).toEqual(['leadership step-down latent']);
  });
});

describe('the faction balance', () => {
  // dh = existentialHardening E (1-h) + mobilisationHardening joinedShare (1-h)
  //      - diplomacySplit QD (1-cohesion)(1-r/4)(1-E) h - costSplit realisedCost (1-cohesion) h.
  // Distinct rates, and h = 0.25 so that a term's (1 - h) = 0.75 and h = 0.25 cannot be mistaken for each other.
  const RATES: Partial<Params> = { existentialHardening: 0.01, mobilisationHardening: 0.02, diplomacySplit: 0.03, costSplit: 0.04 };
  const h = (d: Day) => day({ hardliners: 0.25, ...d, params: { ...RATES, ...d.params } }).L.hardliners;
  const p = params(RATES);

  it('existential framing hardens the leadership (+existentialHardening E (1 - h))', () => {
    expect(h({ params: { existentialStakes: 0.5 } })).toBeCloseTo(0.25 + p.existentialHardening * 0.5 * 0.75, 15);
    expect(h({ params: { existentialStakes: 0 } })).toBe(0.25);
  });

  it('a mobilisation that works emboldens hardliners (+mobilisationHardening joinedShare (1 - h))', () => {
    expect(h({ joinedShare: 0.5 })).toBeCloseTo(0.25 + p.mobilisationHardening * 0.5 * 0.75, 15);
  });

  it('quiet diplomacy splits a divided regime early, less so as the rung rises or the stakes become existential', () => {
    expect(h({ quietDiplomacy: 1, params: { cohesion: 0 } })).toBeCloseTo(0.25 - p.diplomacySplit * 0.25, 15);
    expect(h({ quietDiplomacy: 1, params: { cohesion: 0.5, stakes: 2 }, rung: 2 })).toBeCloseTo(0.25 - p.diplomacySplit * 0.5 * 0.5 * 0.25, 15);
    expect(h({ quietDiplomacy: 1, params: { cohesion: 1 } })).toBe(0.25);
    // Its effect (h with quiet diplomacy minus h without) shrinks by (1 - E).
    const effect = (E: number) => h({ quietDiplomacy: 1, params: { cohesion: 0, existentialStakes: E } }) - h({ params: { cohesion: 0, existentialStakes: E } });
    expect(effect(0)).toBeCloseTo(-p.diplomacySplit * 0.25, 15);
    expect(effect(0.5)).toBeCloseTo(-p.diplomacySplit * 0.25 * 0.5, 15);
    expect(effect(1)).toBeCloseTo(0, 15);
  });

  it('costs borne divide the regime (-costSplit realisedCost (1 - cohesion) h)', () => {
    expect(h({ params: { cohesion: 0 }, setup: (w) => (w.realisedCost = 0.5) })).toBeCloseTo(0.25 - p.costSplit * 0.5 * 0.25, 15);
  });

  it('stays within [0, 1]', () => {
    expect(h({ hardliners: 0.001, quietDiplomacy: 1, params: { cohesion: 0, diplomacySplit: 0.1, costSplit: 0.1 }, setup: (w) => (w.realisedCost = 100) })).toBe(0);
  });
});

describe('the motive', () => {
  // motive = h base (1 - offer) + spoilerPropensity progress h threat + shock;
  // base = stakes + motiveExistentialWeight E + motiveWeaknessWeight stateWeakness + motivePriorWeight priorAtrocities.
  const WEIGHTS: Partial<Params> = { motiveExistentialWeight: 0.5, motiveWeaknessWeight: 0.3, motivePriorWeight: 0.1 };
  const world = (over: Partial<Params>, setup: (w: World) => void = () => {}) => {
    const { w, p } = tinyWorld({ n: 10, params: { ...BASE, ...WEIGHTS, ...over } });
    w.leadership.hardliners = 0.5;
    setup(w);
    return { w, p };
  };
  const motive = (over: Partial<Params>, setup?: (w: World) => void) => {
    const { w, p } = world(over, setup);
    return leadershipMotive(p, w);
  };
  const full = { stakes: 0.4, existentialStakes: 0.2, stateWeakness: 0.5, priorAtrocities: 0.5 };
  const pw = params(WEIGHTS);

  it('is the hardliners’ weight times what is at stake, each term by its weight', () => {
    const base = 0.4 + pw.motiveExistentialWeight * 0.2 + pw.motiveWeaknessWeight * 0.5 + pw.motivePriorWeight * 0.5;
    expect(motive(full)).toBeCloseTo(0.5 * base, 15);
    expect(motive({ ...full, existentialStakes: 0 })).toBeCloseTo(0.5 * (base - pw.motiveExistentialWeight * 0.2), 15);
    expect(motive({ ...full, stateWeakness: 0 })).toBeCloseTo(0.5 * (base - pw.motiveWeaknessWeight * 0.5), 15);
    expect(motive({ ...full, priorAtrocities: 0 })).toBeCloseTo(0.5 * (base - pw.motivePriorWeight * 0.5), 15);
  });

  it('reads the state weakness in force: a coup adds to it, the PBC lowers it', () => {
    const { w, p } = world(full, (w) => ((w.weaknessAdded = 0.2), (w.weaknessFactor = 0.5)));
    expect(stateWeakness(p, w)).toBeCloseTo((0.5 + 0.2) * 0.5, 15);
    expect(motive(full, (w) => ((w.weaknessAdded = 0.2), (w.weaknessFactor = 0.5)))).toBeCloseTo(0.5 * (0.4 + 0.1 + pw.motiveWeaknessWeight * 0.35 + 0.05), 15);
    expect(stateWeakness(p, Object.assign(w, { weaknessAdded: 0.9, weaknessFactor: 1 }))).toBe(1);
  });

  it('adds the trigger shock in full, whatever the hardliners’ weight', () => {
    expect(motive(full, (w) => (w.leadership.shock = 0.2)) - motive(full)).toBeCloseTo(0.2, 15);
  });

  it('is recorded with the expected cost on the leadership', () => {
    const { L } = day({ hardliners: 1, params: { stakes: 0.3, deterrence: 0.2 } });
    expect([L.motive, L.cost]).toEqual([0.3, 0.2]);
  });
});

describe('mediation: offers to those a settlement includes, spoiling by those it threatens', () => {
  // threat = 1 - settlementInclusion (1 - E); offer = (settled ? settlementRelief : mediationOffer) progress (1 - threat);
  // spoiler = spoilerPropensity progress h threat.
  const OVER: Partial<Params> = { stakes: 0.4, spoilerPropensity: 0.6, mediationOffer: 0.3, settlementRelief: 0.7, motiveExistentialWeight: 0.5 };
  const motive = (over: Partial<Params>, settlement: number, settled = false) => {
    const { w, p } = tinyWorld({ n: 10, params: { ...BASE, ...OVER, ...over } });
    w.leadership.hardliners = 0.5;
    w.settlement = settlement;
    w.settled = settled;
    return leadershipMotive(p, w);
  };

  it('threatens the excluded, and the included who see the struggle as existential', () => {
    const threat = (settlementInclusion: number, existentialStakes: number) => settlementThreat(params({ settlementInclusion, existentialStakes }));
    expect([threat(0, 0), threat(0, 1), threat(1, 0), threat(1, 1), threat(0.5, 0.5)]).toEqual([1, 1, 0, 1, 0.75]);
  });

  it('an excluded faction (inclusion 0) is tempted to spoil: the motive rises with progress, the offer is worth nothing', () => {
    const p = params(OVER);
    expect(motive({ settlementInclusion: 0 }, 0)).toBeCloseTo(0.5 * 0.4, 15);
    expect(motive({ settlementInclusion: 0 }, 0.5)).toBeCloseTo(0.5 * 0.4 + p.spoilerPropensity * 0.5 * 0.5, 15);
    expect(motive({ settlementInclusion: 0, mediationOffer: 1 }, 0.5)).toBe(motive({ settlementInclusion: 0, mediationOffer: 0 }, 0.5));
  });

  it('an included faction that does not see the struggle as existential (inclusion 1, E 0) is won over: the motive falls with progress, no spoiling', () => {
    const p = params(OVER);
    expect(motive({ settlementInclusion: 1 }, 0.5)).toBeCloseTo(0.5 * 0.4 * (1 - p.mediationOffer * 0.5), 15);
    expect(motive({ settlementInclusion: 1 }, 0.5)).toBeLessThan(motive({ settlementInclusion: 1 }, 0));
    expect(motive({ settlementInclusion: 1, spoilerPropensity: 1 }, 0.5)).toBe(motive({ settlementInclusion: 1, spoilerPropensity: 0 }, 0.5));
  });

  it('included but existential (inclusion 1, E 1): spoils as if excluded', () => {
    const p = params(OVER);
    const base = 0.4 + p.motiveExistentialWeight;
    expect(motive({ settlementInclusion: 1, existentialStakes: 1 }, 0.5)).toBeCloseTo(0.5 * base + p.spoilerPropensity * 0.5 * 0.5, 15);
    expect(motive({ settlementInclusion: 1, existentialStakes: 1 }, 0.5)).toBeGreaterThan(motive({ settlementInclusion: 1, existentialStakes: 1 }, 0));
    expect(motive({ settlementInclusion: 0, existentialStakes: 1 }, 0.5)).toBe(motive({ settlementInclusion: 1, existentialStakes: 1 }, 0.5));
  });

  it('a partial inclusion mixes both, in proportion to the threat', () => {
    const p = params({ ...OVER, settlementInclusion: 0.5, existentialStakes: 0.5 });
    const threat = settlementThreat(p); // 0.75
    const base = 0.4 + p.motiveExistentialWeight * 0.5;
    expect(motive({ settlementInclusion: 0.5, existentialStakes: 0.5 }, 0.4)).toBeCloseTo(0.5 * base * (1 - p.mediationOffer * 0.4 * (1 - threat)) + p.spoilerPropensity * 0.4 * 0.5 * threat, 15);
  });

  it('a signed settlement counts as full progress, with settlementRelief in place of mediationOffer', () => {
    const p = params(OVER);
    expect(motive({ settlementInclusion: 1 }, 1, true)).toBeCloseTo(0.5 * 0.4 * (1 - p.settlementRelief), 15);
    expect(motive({ settlementInclusion: 1, mediationOffer: 0 }, 1, true)).toBe(motive({ settlementInclusion: 1, mediationOffer: 1 }, 1, true));
    expect(motive({ settlementInclusion: 0 }, 1, true)).toBeCloseTo(0.5 * 0.4 + p.spoilerPropensity * 0.5, 15);
    // Signed, progress is 1 whatever the settlement variable says.
    expect(motive({ settlementInclusion: 1 }, 0.2, true)).toBe(motive({ settlementInclusion: 1 }, 1, true));
  });

  it('decides the climb: the same progress stops an included leadership and drives an excluded one up', () => {
    // Rung 1, net(2) without a settlement = 0.5 x 0.4 - 0.19 = 0.01 > 0; settlement 0.5: included 0.17 - 0.19, excluded 0.35 - 0.19.
    const up = (settlementInclusion: number, settlement: number) =>
      day({ rung: 1, prep: 100, hardliners: 0.5, params: { ...OVER, barOrganising: 0.19, settlementInclusion, cohesion: 1 }, setup: (w) => (w.settlement = settlement) }).L.rung;
    expect([up(0, 0), up(1, 0)]).toEqual([2, 2]);
    expect(up(0, 0.5)).toBe(2);
    expect(up(1, 0.5)).toBe(1);
  });
});

describe('existential stakes, all in one direction', () => {
  // Existential stakes raise the motive, harden the leadership, blunt deterrence and quiet diplomacy.
  it('make a leadership that would hold climb', () => {
    // Rung 2, deterrence 0.6: at E = 0 the cost outweighs the motive; at E = 1 the motive rises and deterrence falls on deaf ears.
    const climbs = (E: number) => {
      const p = params();
      return day({ rung: 2, prep: p.planningEffort, params: { stakes: 0.4, existentialStakes: E, deterrence: 0.6 } }).L.rung;
    };
    expect(climbs(0)).toBe(2);
    expect(climbs(1)).toBe(3);
  });

  it('make a leadership that is pressed to step down hold', () => {
    // Rung 1 facing quiet diplomacy and a realised cost of 0.2; the step-down margin pinned (the
    // claim is about the stakes' direction, not the calibrated margin).
    const rung = (E: number) =>
      day({ rung: 1, hardliners: 0.3, quietDiplomacy: 1, params: { stakes: 0.3, existentialStakes: E, cohesion: 0, stepDownMargin: 0.05 }, setup: (w) => (w.realisedCost = 0.2) }).L.rung;
    expect(rung(0)).toBe(0);
    expect(rung(1)).toBe(1);
  });
});

describe('the standing rung: where the leadership stands when the period opens (ODD 7.1, step 6)', () => {
  // Baseline: motive = stakes, cost 0, opportunity = armedConflict; bars 0.25, 0.5, 0.75, 1.
  const standing = (over: Partial<Params>) => {
    const { w, p } = tinyWorld({ n: 10, params: { ...BASE, ...EXACT, hardliners: 1, ...over } });
    return standingRung(p, w);
  };

  it('is the highest rung whose net value is above 0, every rung below it too', () => {
    expect([0.2, 0.3, 0.6, 0.8, 1.1].map((stakes) => standing({ stakes }))).toEqual([0, 1, 2, 3, 4]);
    // Exactly at a bar is not worth holding.
    expect(standing({ stakes: 0.25 })).toBe(0);
    expect(standing({ stakes: 0.5 + 1e-9 })).toBe(2);
    // A rung above one not worth holding is not reached, however attractive.
    expect(standing({ stakes: 0.55, barIncitement: 0.6 })).toBe(0);
  });

  it('reaches the killing rungs only with the armed conflict in force (no crisis or offensive before the first day)', () => {
    expect(standing({ stakes: 2, armedConflict: 0 })).toBe(2);
    // Opportunity 0.5: 1.6 x 0.5 = 0.8 clears the targeted-attacks bar (0.75), not mass killing's (1).
    expect(standing({ stakes: 1.6, armedConflict: 0.5 })).toBe(3);
  });

  it('weighs the expected cost of the deterrence in place', () => {
    // cost 0.5: net(2) = 0.8 - 0.5 - 0.5 x 0.4 = 0.1 > 0; net(3) = 0.8 - 0.75 - 0.5 x 0.7 < 0.
    expect(standing({ stakes: 0.8, deterrence: 0.5, costShareIncitement: 0.15, costShareOrganising: 0.4, costShareTargeted: 0.7 })).toBe(2);
    expect(standing({ stakes: 0.8, deterrence: 0, costShareIncitement: 0.15, costShareOrganising: 0.4, costShareTargeted: 0.7 })).toBe(3);
  });

  it('is where a run of the model starts', () => {
    for (const stakes of [0.2, 0.6, 1.1]) {
      const p = params({ ...BASE, ...EXACT, hardliners: 1, stakes, agents: 200 });
      const w = r2pKernel.create(p, new Streams('standing'));
      expect(w.leadership.rung).toBe(standingRung(p, w));
    }
    const p = params({ ...BASE, ...EXACT, hardliners: 1, stakes: 1.1, agents: 200 });
    expect(r2pKernel.create(p, new Streams('standing')).leadership.rung).toBe(4);
  });
});
