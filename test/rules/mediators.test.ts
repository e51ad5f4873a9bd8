/**
 * Rules of the mediators (sim/models/luck2018/agents/mediators.ts; docs/ODD.md 7.10): the choice
 * among naming the perpetrators, carrying a warning, engaging quietly and stepping back, what
 * each does, and the settlement. Each mediator m draws three numbers from `mediator/<m>`: two for
 * the normal of its perception noise (0 here unless a test says), then its action draw u.
 */
import { describe, expect, it } from 'vitest';
import { mediatorsStep } from '../../sim/models/luck2018/agents/mediators';
import type { Params } from '../../sim/models/luck2018/params';
import type { World } from '../../sim/models/luck2018/world';
import { ScriptedStreams, eventLines, normalDraws, params, tickContext, tinyWorld } from '../helpers/luck-world';

interface Day {
  tick?: number;
  trueRisk?: number;
  rung?: number;
  access?: number;
  /** Action draw of each mediator, in index order (one mediator unless more are given). */
  u?: number[];
  z?: number;
  params?: Partial<Params>;
  setup?: (w: World) => void;
}

/** One mediators' step at tick 100 (impartiality 0.2: sides 0.8). */
function day(d: Day = {}) {
  const us = d.u ?? [0.999];
  const { w, p } = tinyWorld({ n: 10, params: { impartiality: 0.2, mediationTrack: true, ...d.params, mediators: us.length } });
  w.leadership.rung = d.rung ?? 0;
  for (const m of w.mediators) m.access = d.access ?? 0.5;
  d.setup?.(w);
  const script: Record<string, number[]> = {};
  us.forEach((u, m) => (script[`mediator/${m}`] = [...normalDraws(d.z ?? 0), u]));
  const streams = new ScriptedStreams(script);
  const ctx = tickContext(w, p, { tick: d.tick ?? 100, trueRisk: d.trueRisk ?? 0, streams });
  mediatorsStep(ctx);
  return { w, ctx, streams, med: w.mediators[0] };
}

describe('access at the start (ODD 5)', () => {
  it('is accessStart + accessImpartiality x impartiality, capped at full access', () => {
    const at = (accessStart: number, accessImpartiality: number, impartiality: number) =>
      tinyWorld({ n: 4, params: { accessStart, accessImpartiality, impartiality, mediators: 2 } }).w.mediators.map((m) => m.access);
    expect(at(0.3, 0.5, 0.6)).toEqual([0.6, 0.6]);
    expect(at(0, 0.5, 1)).toEqual([0.5, 0.5]);
    // Impartiality cannot buy more than full access (a share): 1 + 0.5 x 0.6 is 1.
    expect(at(1, 0.5, 0.6)).toEqual([1, 1]);
    expect(at(0.8, 1, 1)).toEqual([1, 1]);
  });
});

describe('when the mediators come', () => {
  // ODD 7.10: the mediators act only from mediationStartDay on (-1: never); before it they neither draw nor act.
  it('act from mediationStartDay on, and not before', () => {
    const at = (tick: number, mediationStartDay: number) => day({ tick, params: { mediationStartDay } });
    const before = at(21, 22);
    expect([before.med.action, before.w.settlement, before.streams.count('mediator/0', 21)]).toEqual(['step-back', 0, 0]);
    expect(before.med.access).toBe(0.5);
    const on = at(22, 22);
    expect([on.med.action, on.streams.count('mediator/0', 22)]).toEqual(['engage-quietly', 3]);
    expect(on.w.settlement).toBeGreaterThan(0);
    expect(at(0, 0).med.action).toBe('engage-quietly');
    const never = at(1000, -1);
    expect([never.med.action, never.streams.count('mediator/0', 1000)]).toEqual(['step-back', 0]);
    expect(params().mediationStartDay).toBe(0);
  });

  it('before they come they neither warn nor name, however high the risk', () => {
    const r = day({ tick: 5, trueRisk: 0.9, rung: 4, u: [0], params: { mediationStartDay: 10 } });
    expect([r.w.warnings, r.w.voice, r.ctx.spoke, eventLines(r.w)]).toEqual([0, 0, false, []]);
  });

  it('without a mediation track they come on the day but never engage quietly', () => {
    const r = day({ tick: 10, params: { mediationStartDay: 10, mediationTrack: false } });
    expect([r.med.action, r.streams.count('mediator/0', 10)]).toEqual(['step-back', 3]);
  });
});

describe('the choice of action', () => {
  // ODD 7.10: name-publicly if perceived > nameRisk, rung >= nameRung and u < nameChance sides; carry-warning if perceived > warnRisk and
  // u < warnBase + warnSides sides; engage-quietly if access > accessFloor, a mediation track and no settlement; else step-back.
  // perceived = trueRisk + mediatorNoise z.
  it('names the perpetrators in public only at high perceived risk, from targeted attacks, and when taking sides', () => {
    expect(day({ trueRisk: 0.7, rung: 3, u: [0.4 - 1e-9] }).med.action).toBe('name-publicly');
    expect(day({ trueRisk: 0.7, rung: 3, u: [0.5 * (1 - 0.2)] }).med.action).toBe('carry-warning'); // u = 0.5 sides does not name
    expect(day({ trueRisk: 0.6, rung: 3, u: [0] }).med.action).toBe('carry-warning');
    expect(day({ trueRisk: 0.7, rung: 2, u: [0] }).med.action).toBe('carry-warning');
    expect(day({ trueRisk: 0.7, rung: 4, u: [0], params: { impartiality: 1 } }).med.action).not.toBe('name-publicly');
    // nameRisk, nameRung and nameChance are parameters.
    expect(day({ trueRisk: 0.55, rung: 3, u: [0], params: { nameRisk: 0.5 } }).med.action).toBe('name-publicly');
    expect(day({ trueRisk: 0.7, rung: 2, u: [0], params: { nameRung: 2 } }).med.action).toBe('name-publicly');
    expect(day({ trueRisk: 0.7, rung: 3, u: [0.6 * 0.8 - 1e-9], params: { nameChance: 0.6 } }).med.action).toBe('name-publicly');
    expect(day({ trueRisk: 0.7, rung: 3, u: [0.6 * 0.8 + 1e-9], params: { nameChance: 0.6 } }).med.action).toBe('carry-warning');
  });

  it('carries a warning above perceived risk 0.3 with chance 0.1 + 0.6 sides', () => {
    expect(day({ trueRisk: 0.4, u: [0.58 - 1e-9] }).med.action).toBe('carry-warning');
    expect(day({ trueRisk: 0.4, u: [0.58 + 1e-9] }).med.action).toBe('engage-quietly');
    expect(day({ trueRisk: 0.3, u: [0] }).med.action).toBe('engage-quietly');
    expect(day({ trueRisk: 0.4, u: [0.1 - 1e-9], params: { impartiality: 1 } }).med.action).toBe('carry-warning');
    expect(day({ trueRisk: 0.4, u: [0.1 + 1e-9], params: { impartiality: 1 } }).med.action).toBe('engage-quietly');
    // warnRisk, warnBase and warnSides are parameters.
    expect(day({ trueRisk: 0.25, u: [0], params: { warnRisk: 0.2 } }).med.action).toBe('carry-warning');
    expect(day({ trueRisk: 0.4, u: [0.2 + 0.4 * 0.8 - 1e-9], params: { warnBase: 0.2, warnSides: 0.4 } }).med.action).toBe('carry-warning');
    expect(day({ trueRisk: 0.4, u: [0.2 + 0.4 * 0.8 + 1e-9], params: { warnBase: 0.2, warnSides: 0.4 } }).med.action).toBe('engage-quietly');
  });

  it('perceives the true risk with noise mediatorNoise x z', () => {
    expect(day({ trueRisk: 0.25, z: 1, u: [0] }).med.action).toBe('carry-warning');
    expect(day({ trueRisk: 0.35, z: -1, u: [0] }).med.action).toBe('engage-quietly');
    expect(day().streams.count('mediator/0', 100)).toBe(3);
    expect(day({ trueRisk: 0.15, z: 1, u: [0], params: { mediatorNoise: 0.2 } }).med.action).toBe('carry-warning');
    expect(day({ trueRisk: 0.15, z: 1, u: [0], params: { mediatorNoise: 0.1 } }).med.action).toBe('engage-quietly');
  });

  it('engages quietly while it has access above 0.15, a track is open and nothing is signed', () => {
    expect(day({ access: 0.15 + 1e-9 }).med.action).toBe('engage-quietly');
    expect(day({ access: 0.15 }).med.action).toBe('step-back');
    expect(day({ params: { mediationTrack: false } }).med.action).toBe('step-back');
    expect(day({ setup: (w) => (w.settled = true) }).med.action).toBe('step-back');
    expect(day({ access: 0.25, params: { accessFloor: 0.25 } }).med.action).toBe('step-back');
  });
});

describe('what each action does', () => {
  // ODD 7.10: effects with access as it stood before today's action.
  it('engaging quietly advances the settlement (slower as the rung rises), adds quiet diplomacy and buys access', () => {
    const r = day({ access: 0.5, rung: 2 });
    expect(r.w.settlement).toBeCloseTo(0.006 * 0.5 * 0.5, 15);
    expect(r.ctx.quietDiplomacy).toBe(0.25);
    expect(r.med.access).toBeCloseTo(0.5 + 0.02 * 0.2 * 0.5, 15);
    expect(day({ access: 0.5, rung: 4 }).w.settlement).toBe(0);
    expect(r.ctx.spoke).toBe(false);
    const tuned = day({ access: 0.5, rung: 0, params: { settlementRate: 0.02, mediatorQuiet: 0.8, accessGain: 0.1 } });
    expect(tuned.w.settlement).toBeCloseTo(0.02 * 0.5, 15);
    expect(tuned.ctx.quietDiplomacy).toBeCloseTo(0.4, 15);
    expect(tuned.med.access).toBeCloseTo(0.5 + 0.1 * 0.2 * 0.5, 15);
  });

  it('carrying a warning adds 0.03 (0.5 + access)(1 - 0.7 impartiality) and costs 0.02 sides of access', () => {
    const r = day({ trueRisk: 0.4, u: [0], access: 0.5 });
    expect(r.w.warnings).toBeCloseTo(0.03 * 1 * (1 - 0.14), 15);
    expect(r.med.access).toBeCloseTo(0.5 - 0.02 * 0.8, 15);
    expect(r.ctx.spoke).toBe(false);
    const tuned = day({ trueRisk: 0.4, u: [0], access: 0.5, params: { warnSize: 0.1, warnAccessBase: 1, warnSoftening: 0.5, warnAccessCost: 0.1 } });
    expect(tuned.w.warnings).toBeCloseTo(0.1 * 1.5 * (1 - 0.5 * 0.2), 15);
    expect(tuned.med.access).toBeCloseTo(0.5 - 0.1 * 0.8, 15);
  });

  it('naming adds 0.06 to the warnings and 0.05 to the voice, speaks out, and costs 0.15 of access (not below 0)', () => {
    const r = day({ trueRisk: 0.7, rung: 3, u: [0], access: 0.5, setup: (w) => (w.voice = 0.1) });
    expect([r.w.warnings, r.ctx.spoke]).toEqual([0.06, true]);
    expect(r.w.voice).toBeCloseTo(0.15, 15);
    expect(r.med.access).toBeCloseTo(0.35, 15);
    expect(day({ trueRisk: 0.7, rung: 3, u: [0], access: 0.1 }).med.access).toBe(0);
    const tuned = day({ trueRisk: 0.7, rung: 3, u: [0], access: 0.5, params: { nameWarning: 0.1, nameVoice: 0.2, nameAccessCost: 0.3 } });
    expect([tuned.w.warnings, tuned.w.voice]).toEqual([0.1, 0.2]);
    expect(tuned.med.access).toBeCloseTo(0.2, 15);
  });

  it('stepping back slowly rebuilds access (+0.005 (1 - access))', () => {
    expect(day({ access: 0.1 }).med.access).toBeCloseTo(0.1 + 0.005 * 0.9, 15);
    expect(day({ access: 0.1, params: { accessRecovery: 0.05 } }).med.access).toBeCloseTo(0.1 + 0.05 * 0.9, 15);
  });

  it('logs a mediator’s action when it changes', () => {
    expect(eventLines(day({ access: 0.1 }).w)).toEqual([]);
    expect(eventLines(day({ u: [0.999, 0], trueRisk: 0.4 }).w)).toEqual(['mediator-1 engage-quietly', 'mediator-2 carry-warning']);
  });
});

describe('several mediators and the settlement', () => {
  // ODD 7.10: mediators act in index order, each from its own stream; a settlement is signed when settlement >= 1 after all have acted.
  it('each mediator draws from its own stream and acts on what the ones before it did', () => {
    const { w, streams } = day({ u: [0.999, 0.999], access: 0.5 });
    expect([streams.count('mediator/0', 100), streams.count('mediator/1', 100)]).toEqual([3, 3]);
    expect(w.settlement).toBeCloseTo(2 * 0.006 * 0.5, 15);
  });

  it('signs the settlement when progress reaches 1, once, and nobody engages quietly afterwards', () => {
    const { w } = day({ access: 1, setup: (w) => (w.settlement = 0.995) });
    expect([w.settlement, w.settled]).toEqual([1, true]);
    expect(eventLines(w)).toEqual(['mediator-1 engage-quietly', 'mediators settlement-signed']);
    expect(day({ access: 1, setup: (w) => (w.settlement = 0.993) }).w.settled).toBe(false);
    const after = day({ access: 1, setup: (w) => ((w.settlement = 1), (w.settled = true)) });
    expect(after.med.action).toBe('step-back');
    expect(eventLines(after.w)).toEqual([]);
  });
});
