/**
 * From a sweep to its runs: the number of design points and runs of every design, the order of
 * runs (point-major, replicates consecutive; a grid's last factor fastest), the seed policies
 * (common random numbers by default; independent seeds derived from the base seed), schedule
 * factors put into the schedule (and day-0 changes folded into the parameters, as `run` does),
 * integer rounding, level mapping and the resolution rule for an agents factor.
 */
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../sim/index';
import { builtInScenario, scenarioParams } from '../scenarios/index';
import { designPlan, factorValue, seedOf, taskAt, type ResolvedFactor } from '../analysis/sweep/index';
import { resolve, smallSweep } from './helpers/sweep';

const unit = (k: number) => ({ param: ['incitement', 'deterrence', 'impartiality', 'organisedForce', 'localPartners'][k], min: 0, max: 1 });

describe('design points and runs', () => {
  it('grid: the product of the level counts, last factor fastest, times replicates', () => {
    const r = resolve(smallSweep({ factors: [{ param: 'incitement', min: 0.2, max: 0.8, steps: 4 }, { param: 'perpetratorType' }, { param: 'patron' }], replicates: 3 }));
    expect(r.points).toBe(4 * 3 * 2);
    expect(r.runs).toBe(72);
    const plan = designPlan(r);
    expect(plan.values.length).toBe(24);
    expect(plan.values[0]).toEqual([0.2, 'government', false]);
    expect(plan.values[1]).toEqual([0.2, 'government', true]);
    expect(plan.values[2]).toEqual([0.2, 'armed-group', false]);
    expect(plan.values[23]).toEqual([0.8, 'extremist-armed-group', true]);
    // Evenly spaced steps, tidied: 0.4, not 0.4000000000000001.
    expect([...new Set(plan.values.map((v) => v[0]))]).toEqual([0.2, 0.4, 0.6, 0.8]);
  });

  it('lhs: samples points; morris: r(k+1); sobol: n(k+2); each times replicates', () => {
    const lhs = resolve(smallSweep({ factors: [unit(0), unit(1), unit(2)], design: { kind: 'lhs', samples: 7 }, replicates: 2 }));
    expect([lhs.points, lhs.runs, designPlan(lhs).values.length]).toEqual([7, 14, 7]);
    const morris = resolve(smallSweep({ factors: [unit(0), unit(1), unit(2)], design: { kind: 'morris', trajectories: 5, levels: 4 }, replicates: 3 }));
    const mp = designPlan(morris);
    expect([morris.points, morris.runs, mp.values.length, mp.trajectories?.length]).toEqual([20, 60, 20, 5]);
    const sobol = resolve(smallSweep({ factors: [unit(0), unit(1), unit(2), unit(3)], design: { kind: 'sobol', samples: 8 }, replicates: 1 }));
    const sp = designPlan(sobol);
    expect([sobol.points, sobol.runs, sp.values.length]).toEqual([48, 48, 48]);
    expect(sp.saltelli).toEqual({ layout: 'saltelli-2010', n: 8, k: 4 });
  });

  it('a design is the same for the same seed, and another for another seed', () => {
    const a = designPlan(resolve(smallSweep({ factors: [unit(0), unit(1)], design: { kind: 'lhs', samples: 5, seed: 3 } })));
    const b = designPlan(resolve(smallSweep({ factors: [unit(0), unit(1)], design: { kind: 'lhs', samples: 5, seed: 3 } })));
    const c = designPlan(resolve(smallSweep({ factors: [unit(0), unit(1)], design: { kind: 'lhs', samples: 5, seed: 4 } })));
    expect(a.values).toEqual(b.values);
    expect(a.values).not.toEqual(c.values);
  });

  it('run i is point floor(i / R), replicate i mod R', () => {
    const r = resolve(smallSweep({ factors: [{ param: 'incitement', levels: [0.1, 0.2, 0.3] }], replicates: 4 }));
    const plan = designPlan(r);
    for (let i = 0; i < r.runs; i++) {
      const t = taskAt(r, plan, i);
      expect([t.index, t.point, t.replicate]).toEqual([i, Math.floor(i / 4), i % 4]);
      expect(t.factors.incitement).toBe([0.1, 0.2, 0.3][t.point]);
      expect(t.params.incitement).toBe(t.factors.incitement);
    }
  });
});

describe('the seed policy', () => {
  const factors = [{ param: 'incitement', levels: [0.1, 0.2, 0.3] }];

  it('common (default): replicate k has seed base + k at every point', () => {
    const r = resolve(smallSweep({ factors, replicates: 5 }));
    const plan = designPlan(r);
    for (let i = 0; i < r.runs; i++) {
      const t = taskAt(r, plan, i);
      expect(t.seed).toBe(1 + t.replicate);
    }
    const based = resolve(smallSweep({ factors, replicates: 2, seeds: { base: 100 } }));
    expect([0, 1, 2, 3].map((i) => taskAt(based, designPlan(based), i).seed)).toEqual([100, 101, 100, 101]);
  });

  it('independent: every run its own seed, derived from the base seed, the point and the replicate', () => {
    const r = resolve(smallSweep({ factors, replicates: 50, seeds: { policy: 'independent', base: 7 } }));
    const plan = designPlan(r);
    const seeds = Array.from({ length: r.runs }, (_, i) => taskAt(r, plan, i).seed);
    expect(new Set(seeds).size).toBe(r.runs);
    for (const s of seeds) expect(Number.isSafeInteger(s) && s >= 0 && s < 2 ** 48).toBe(true);
    // The same again (no hidden state), and other seeds from another base.
    expect(Array.from({ length: r.runs }, (_, i) => taskAt(r, plan, i).seed)).toEqual(seeds);
    const other = resolve(smallSweep({ factors, replicates: 50, seeds: { policy: 'independent', base: 8 } }));
    expect(seedOf(other, 0, 0)).not.toBe(seedOf(r, 0, 0));
    // Not common: a replicate's seed differs between points.
    expect(seedOf(r, 0, 3)).not.toBe(seedOf(r, 1, 3));
  });
});

describe('schedule factors', () => {
  it('put the value and the day into the change; day-0 changes become settings', () => {
    const r = resolve(
      smallSweep({
        schedule: ['counterMessaging={cm}@{day}', 'deterrence=0.9@70', 'stakes={cm}@0'],
        factors: [
          { name: 'cm', levels: [0.3, 0.9] },
          { name: 'day', levels: [0, 25, 50] },
        ],
      }),
    );
    const plan = designPlan(r);
    expect(r.points).toBe(6);
    const t = taskAt(r, plan, 2 * 1); // point 1: cm 0.3, day 25
    expect(t.factors).toEqual({ cm: 0.3, day: 25 });
    expect(t.schedule).toEqual([
      { name: 'counterMessaging', value: 0.3, tick: 25 },
      { name: 'deterrence', value: 0.9, tick: 70 },
    ]);
    expect(t.params.stakes).toBe(0.3);
    const t0 = taskAt(r, plan, 2 * 3); // point 3: cm 0.9, day 0: a setting from the start
    expect(t0.factors).toEqual({ cm: 0.9, day: 0 });
    expect(t0.schedule).toEqual([{ name: 'deterrence', value: 0.9, tick: 70 }]);
    expect(t0.params.counterMessaging).toBe(0.9);
  });

  it('a sampled day is a whole day within the range', () => {
    const r = resolve(smallSweep({ schedule: ['counterMessaging=0.7@{day}'], factors: [{ name: 'day', min: 10, max: 60 }], design: { kind: 'lhs', samples: 40 } }));
    const plan = designPlan(r);
    const days = plan.values.map((v) => v[0] as number);
    for (const d of days) expect(Number.isInteger(d) && d >= 10 && d <= 60).toBe(true);
    // A Latin hypercube spreads them: 40 points over 51 days take at least 30 distinct days.
    expect(new Set(days).size).toBeGreaterThanOrEqual(30);
    for (let i = 0; i < r.runs; i++) {
      const t = taskAt(r, plan, i);
      expect(t.schedule).toEqual([{ name: 'counterMessaging', value: 0.7, tick: t.factors.day }]);
    }
  });
});

describe('values from the unit cube', () => {
  const f = (over: Partial<ResolvedFactor>): ResolvedFactor => ({ name: 'x', target: { kind: 'param', param: 'x' }, kind: 'number', levels: null, min: 2, max: 4, ...over });

  it('numbers: min + u (max - min)', () => {
    expect([0, 0.25, 1].map((u) => factorValue(f({}), u))).toEqual([2, 2.5, 4]);
  });

  it('integers: each whole value equally likely, u = 1 giving max', () => {
    const g = f({ kind: 'integer', min: 4, max: 16 });
    const counts = new Map<number, number>();
    const n = 13 * 1000;
    for (let i = 0; i < n; i++) {
      const v = factorValue(g, (i + 0.5) / n) as number;
      expect(Number.isInteger(v)).toBe(true);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => 4 + i));
    for (const c of counts.values()) expect(c).toBe(1000);
    expect(factorValue(g, 1)).toBe(16);
    expect(factorValue(g, 0)).toBe(4);
  });

  it('levels: level floor(u L), the last at u = 1', () => {
    const g = f({ kind: 'enum', levels: ['a', 'b', 'c'], min: null, max: null });
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999, 1].map((u) => factorValue(g, u))).toEqual(['a', 'a', 'b', 'b', 'c', 'c', 'c']);
  });

  it('an integer parameter sampled by a design is always a whole number in range', () => {
    const r = resolve(smallSweep({ factors: [{ param: 'networkDegree', min: 4, max: 16 }, unit(0)], design: { kind: 'morris', trajectories: 6, levels: 4 } }));
    const plan = designPlan(r);
    for (const v of plan.values) expect(Number.isInteger(v[0]) && (v[0] as number) >= 4 && (v[0] as number) <= 16).toBe(true);
    // Morris's 4 levels: 0, 1/3, 2/3, 1 give 4, 8, 12, 16.
    expect([...new Set(plan.values.map((v) => v[0]))].sort((a, b) => (a as number) - (b as number))).toEqual([4, 8, 12, 16]);
  });

  it('integer grid steps are rounded', () => {
    const r = resolve(smallSweep({ factors: [{ param: 'networkDegree', min: 4, max: 9, steps: 4 }] }));
    expect(r.factors[0].levels).toEqual([4, 6, 7, 9]);
  });
});

describe('the parameters of a run', () => {
  it('are the scenario\'s, then the base params, then the factors, as `run` builds them', () => {
    const r = resolve(smallSweep({ params: { agents: 1000, peoplePerAgent: 50, deterrence: 0.7 } }));
    const t = taskAt(r, designPlan(r), 0);
    const expected = { ...scenarioParams(builtInScenario('default')!), agents: 1000, peoplePerAgent: 50, deterrence: 0.7, incitement: 0.4 };
    expect(t.params).toEqual(expected);
    expect(t.ticks).toBe(80);
    expect(t.model).toBe('r2p-luck-2018');
  });

  it('an agents factor without peoplePerAgent is a resolution: the scenario\'s population spread over the agents', () => {
    const r = resolve({ id: 'res', scenario: 'rwanda-1994', ticks: 10, factors: [{ param: 'agents', levels: [150_000, 300_000] }], design: { kind: 'grid' }, outcomes: ['deathsPeople'] });
    const plan = designPlan(r);
    const rwanda = builtInScenario('rwanda-1994')!;
    for (const i of [0, 1]) {
      const t = taskAt(r, plan, i);
      expect(t.error).toBeUndefined();
      expect(t.params.peoplePerAgent).toBe(scenarioParams(rwanda, rwanda.id, t.params.agents as number).peoplePerAgent);
    }
    expect(taskAt(r, plan, 0).params.peoplePerAgent).toBeCloseTo(2 * (taskAt(r, plan, 1).params.peoplePerAgent as number), 6);
  });

  it('an agent count the population cannot be spread over is a failed run, not a refused sweep', () => {
    const r = resolve({ id: 'res', scenario: 'rwanda-1994', ticks: 10, factors: [{ param: 'agents', levels: [1000, 150_000] }], design: { kind: 'grid' }, outcomes: ['deathsPeople'] });
    const plan = designPlan(r);
    expect(taskAt(r, plan, 0).error).toMatch(/at least 142,000 agents/);
    expect(taskAt(r, plan, 1).error).toBeUndefined();
  });

  it('a model without a scenario starts from its defaults (or preset)', () => {
    const r = resolve({ id: 'e', model: 'epstein-civil-violence', preset: 'mesa', ticks: 5, factors: [{ param: 'legitimacy', levels: [0.6, 0.9] }], design: { kind: 'grid' }, outcomes: ['peakActive'] });
    const t = taskAt(r, designPlan(r), 1);
    expect(t.preset).toBe('mesa');
    expect(t.params.legitimacy).toBe(0.9);
    expect(defaultParams().incitement).toBeDefined();
  });
});
