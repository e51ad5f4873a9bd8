/**
 * Rules of the perpetrator leadership (sim/models/luck2018/agents/leadership.ts; docs/ODD.md
 * 7.12): the faction balance, the motive, and the climb, hold or step down. The stream
 * `leadership/decide` gives two uniforms for one normal (0 unless a test says). The baseline
 * isolates one term at a time: hardliners 1, no existential stakes, no state weakness, no prior
 * atrocities, no spoilers and no deterrence, so that motive = stakes and cost = 0.
 */
import { describe, expect, it } from 'vitest';
import { RUNG_BAR, RUNG_COST, STEP_DOWN_MARGIN, leadershipMotive, leadershipStep } from '../../sim/models/luck2018/agents/leadership';
import type { Params } from '../../sim/models/luck2018/params';
import { RUNGS, TOP_RUNG, type World } from '../../sim/models/luck2018/world';
import { ScriptedStreams, eventLines, normalDraws, tickContext, tinyWorld } from '../helpers/luck-world';

const STREAM = 'leadership/decide';

interface Day {
  rung?: number;
  rungSince?: number;
  hardliners?: number;
  params?: Partial<Params>;
  z?: number;
  joinedShare?: number;
  quietDiplomacy?: number;
  highRisk?: boolean;
  setup?: (w: World) => void;
}

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
  rungDwell: 14,
  leadershipNoise: 0.1,
};

/** One leadership step at tick 100. */
function day(d: Day = {}) {
  const { w, p } = tinyWorld({ n: 10, params: { ...BASE, ...d.params } });
  const L = w.leadership;
  L.rung = d.rung ?? 0;
  L.rungSince = d.rungSince ?? 0;
  L.hardliners = d.hardliners ?? 1;
  d.setup?.(w);
  const streams = new ScriptedStreams({ [STREAM]: normalDraws(d.z ?? 0) });
  const ctx = tickContext(w, p, { tick: 100, streams, joinedShare: d.joinedShare, quietDiplomacy: d.quietDiplomacy, highRisk: d.highRisk ?? false });
  leadershipStep(ctx);
  return { w, L, ctx, streams };
}

describe('the climb', () => {
  // ODD 7.12: climb if r < 4, t - rungSince >= rungDwell and motive - RUNG_BAR[r+1] - cost RUNG_COST[r+1] + noise > 0.
  it('climbs one rung when the motive clears the next rung’s bar, and holds when it only equals it', () => {
    for (let r = 0; r < TOP_RUNG; r++) {
      const up = day({ rung: r, params: { stakes: RUNG_BAR[r + 1] + 1e-9 } });
      expect(up.L.rung, `from ${RUNGS[r]}`).toBe(r + 1);
      expect(up.L.rungSince).toBe(100);
      expect(eventLines(up.w)).toEqual([`leadership climb ${RUNGS[r + 1]}`]);
      expect(day({ rung: r, params: { stakes: RUNG_BAR[r + 1] } }).L.rung, `at ${RUNGS[r]}`).toBe(r);
    }
  });

  it('weighs the share RUNG_COST of the expected cost the next rung risks', () => {
    // deterrence 0.5, severity 1, no limits: cost 0.5; organising risks 0.4 of it.
    const to2 = (stakes: number) => day({ rung: 1, params: { stakes, deterrence: 0.5 } });
    expect(to2(0.15 + 0.5 * RUNG_COST[2] + 1e-9).L.rung).toBe(2);
    expect(to2(0.15 + 0.5 * RUNG_COST[2] - 1e-9).L.rung).toBe(1);
    expect(to2(0.3).L.cost).toBe(0.5);
  });

  it('adds the noise leadershipNoise x z to its assessment', () => {
    // stakes 0: the margin to incitement is -0.05; noise +-0.1
    expect(day({ params: { stakes: 0 }, z: 1 }).L.rung).toBe(1);
    expect(day({ params: { stakes: 0.1 }, z: -1 }).L.rung).toBe(0);
    expect(day({ params: { stakes: 0.1 }, z: 0 }).L.rung).toBe(1);
    expect(day().streams.count(STREAM, 100)).toBe(2);
  });

  it('stays at least rungDwell days on a rung before climbing again', () => {
    expect(day({ rung: 1, rungSince: 100 - 13, params: { stakes: 1 } }).L.rung).toBe(1);
    expect(day({ rung: 1, rungSince: 100 - 14, params: { stakes: 1 } }).L.rung).toBe(2);
  });

  it('never climbs above mass killing', () => {
    const top = day({ rung: TOP_RUNG, params: { stakes: 1 } });
    expect([top.L.rung, eventLines(top.w)]).toEqual([TOP_RUNG, []]);
  });

  it('ignores costs already borne when it climbs', () => {
    expect(day({ params: { stakes: 0.06, cohesion: 1 }, setup: (w) => (w.realisedCost = 0.5) }).L.rung).toBe(1);
  });
});

describe('the step down', () => {
  // ODD 7.12: step down if r > 0 and motive - RUNG_BAR[r] - cost RUNG_COST[r] - realisedCost + noise < -STEP_DOWN_MARGIN.
  it('steps down when the motive falls more than the margin below its rung’s bar', () => {
    for (let r = 1; r <= TOP_RUNG; r++) {
      const edge = RUNG_BAR[r] - STEP_DOWN_MARGIN;
      const down = day({ rung: r, rungSince: 99, params: { stakes: edge - 1e-9 } });
      expect(down.L.rung, `from ${RUNGS[r]}`).toBe(r - 1);
      expect(down.L.rungSince).toBe(100);
      expect(eventLines(down.w)).toEqual([`leadership step-down ${RUNGS[r - 1]}`]);
      expect(day({ rung: r, rungSince: 99, params: { stakes: edge + 1e-9 } }).L.rung, `at ${RUNGS[r]}`).toBe(r);
    }
  });

  it('costs already borne push it down, on any day', () => {
    // Rung 1 with stakes 0.1: holds by 0.05 + 0.05; a realised cost of 0.1 + tiny tips it (cohesion 1: no faction effect).
    const at = (realisedCost: number) => day({ rung: 1, rungSince: 100, params: { stakes: 0.1, cohesion: 1 }, setup: (w) => (w.realisedCost = realisedCost) });
    expect(at(0.1 - 1e-9).L.rung).toBe(1);
    expect(at(0.1 + 1e-9).L.rung).toBe(0);
  });

  it('weighs the share RUNG_COST of the expected cost of its rung', () => {
    // Rung 3, cost 0.5: hold = stakes - 0.25 - 0.35
    const at = (stakes: number) => day({ rung: 3, rungSince: 100, params: { stakes, deterrence: 0.5 } }).L.rung;
    expect(at(0.25 + 0.5 * RUNG_COST[3] - STEP_DOWN_MARGIN - 1e-9)).toBe(2);
    expect(at(0.25 + 0.5 * RUNG_COST[3] - STEP_DOWN_MARGIN + 1e-9)).toBe(3);
  });

  it('never steps below latent', () => {
    expect(day({ rung: 0, params: { stakes: 0 }, z: -3 }).L.rung).toBe(0);
  });
});

describe('the faction balance', () => {
  // ODD 7.12: dh = 0.002 E (1-h) + 0.004 joinedShare (1-h) - 0.004 QD (1-cohesion)(1-r/4)(1-E) h - 0.003 realisedCost (1-cohesion) h.
  // h = 0.25, so that a term's (1 - h) = 0.75 and h = 0.25 cannot be mistaken for each other.
  const h = (d: Day) => day({ hardliners: 0.25, ...d }).L.hardliners;

  it('existential framing hardens the leadership (+0.002 E (1 - h))', () => {
    expect(h({ params: { existentialStakes: 0.5 } })).toBeCloseTo(0.25 + 0.002 * 0.5 * 0.75, 12);
    expect(h({ params: { existentialStakes: 1 } })).toBeGreaterThan(h({ params: { existentialStakes: 0 } }));
  });

  it('a mobilisation that works emboldens hardliners (+0.004 joinedShare (1 - h))', () => {
    expect(h({ joinedShare: 0.5 })).toBeCloseTo(0.25 + 0.004 * 0.5 * 0.75, 12);
  });

  it('quiet diplomacy splits a divided regime early, less so as the rung rises or the stakes become existential', () => {
    expect(h({ quietDiplomacy: 1, params: { cohesion: 0 } })).toBeCloseTo(0.25 - 0.004 * 0.25, 12);
    expect(h({ quietDiplomacy: 1, params: { cohesion: 0.5 }, rung: 2 })).toBeCloseTo(0.25 - 0.004 * 0.5 * 0.5 * 0.25, 12);
    expect(h({ quietDiplomacy: 1, params: { cohesion: 1 } })).toBe(0.25);
    // Its effect (h with quiet diplomacy minus h without) shrinks by (1 - E).
    const effect = (E: number) => h({ quietDiplomacy: 1, params: { cohesion: 0, existentialStakes: E } }) - h({ params: { cohesion: 0, existentialStakes: E } });
    expect(effect(0)).toBeCloseTo(-0.001, 12);
    expect(effect(0.5)).toBeCloseTo(-0.0005, 12);
    expect(effect(1)).toBeCloseTo(0, 12);
  });

  it('costs borne divide the regime (-0.003 realisedCost (1 - cohesion) h)', () => {
    expect(h({ params: { cohesion: 0 }, setup: (w) => (w.realisedCost = 1) })).toBeCloseTo(0.25 - 0.003 * 0.25, 12);
  });
});

describe('the motive', () => {
  // ODD 7.12: motive = h (stakes + 0.5 E + 0.2 stateWeakness_in_force + 0.2 priorAtrocities) (0.5 if settled) + (settled ? 0 : spoilerPropensity settlement h).
  const motive = (over: Partial<Params>, setup: (w: World) => void = () => {}) => {
    const { w, p } = tinyWorld({ n: 10, params: { ...BASE, ...over } });
    w.leadership.hardliners = 0.5;
    setup(w);
    return leadershipMotive(tickContext(w, p));
  };
  const full = { stakes: 0.4, existentialStakes: 0.2, stateWeakness: 0.5, priorAtrocities: 0.5 };

  it('is the hardliners’ weight times what is at stake', () => {
    expect(motive(full)).toBeCloseTo(0.5 * (0.4 + 0.1 + 0.1 + 0.1), 12);
    expect(motive({ ...full, existentialStakes: 0 })).toBeCloseTo(0.5 * 0.6, 12);
  });

  it('reads the state weakness in force, lowered by the PBC', () => {
    expect(motive(full, (w) => (w.weaknessFactor = 0.5))).toBeCloseTo(0.5 * (0.4 + 0.1 + 0.05 + 0.1), 12);
  });

  it('progress towards a settlement tempts spoilers; a signed settlement halves the motive and ends them', () => {
    expect(motive({ ...full, spoilerPropensity: 0.5 }, (w) => (w.settlement = 0.4))).toBeCloseTo(0.35 + 0.5 * 0.4 * 0.5, 12);
    expect(motive({ ...full, spoilerPropensity: 0.5 }, (w) => ((w.settlement = 1), (w.settled = true)))).toBeCloseTo(0.175, 12);
  });

  it('is recorded with the expected cost on the leadership', () => {
    const { L } = day({ hardliners: 1, params: { stakes: 0.3, deterrence: 0.2 } });
    expect([L.motive, L.cost]).toEqual([0.3, 0.2]);
  });
});

describe('existential stakes, all in one direction', () => {
  // ODD 7.11 and 7.12: existential stakes raise the motive, harden the leadership, blunt deterrence and quiet diplomacy.
  it('make a leadership that would hold climb', () => {
    // Rung 2: at E = 0 motive 0.4 and cost 0.6 (targeted attacks risk 0.42 of it); at E = 1 motive 0.9 and cost 0.12 (0.084).
    const climbs = (E: number) => day({ rung: 2, params: { stakes: 0.4, existentialStakes: E, deterrence: 0.6 } }).L.rung;
    expect(climbs(0)).toBe(2);
    expect(climbs(1)).toBe(3);
  });

  it('make a leadership that is pressed to step down hold', () => {
    // Rung 1 facing quiet diplomacy and a realised cost of 0.2.
    const rung = (E: number) =>
      day({ rung: 1, rungSince: 100, hardliners: 0.3, quietDiplomacy: 1, params: { stakes: 0.3, existentialStakes: E, cohesion: 0 }, setup: (w) => (w.realisedCost = 0.2) }).L.rung;
    expect(rung(0)).toBe(0);
    expect(rung(1)).toBe(1);
  });
});
