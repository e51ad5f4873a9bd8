/**
 * How each documented pattern is read from a run (analysis/calibrate/patterns.ts), checked against
 * the run's own summary and series computed by hand: the toll, the killing days, the onset, the
 * force's share, the early share over `days`, participants in people and the displaced; and a run
 * without killing gives no onset, share or shape (missing, not 0).
 */
import { describe, expect, it } from 'vitest';
import { documentedPatterns, patternOutcomes, patternValues } from '../analysis/calibrate/patterns';
import { runSweepJob } from '../analysis/sweep/index';
import type { CaseTargets } from '../analysis/calibrate/targets';
import { runModel, type RunSummary } from '../sim/index';

const r = (low: number, high: number) => ({ low, high, source: 'test' });
const ALL: CaseTargets = {
  case: 'test',
  use: 'fit',
  patterns: { toll: r(1, 2), killingDays: r(1, 2), onsetDay: r(1, 2), earlyShare: { ...r(0, 1), days: 10 }, forceShare: r(0, 1), participants: r(1, 2), displaced: r(1, 2) },
};

function both(params: Record<string, number>, ticks: number, close?: number, targets: CaseTargets = ALL) {
  const set = patternOutcomes(targets, ticks, close);
  const rec = runSweepJob({ task: { index: 0, point: 0, replicate: 0, seed: 3, model: 'r2p-luck-2018', params, schedule: [], ticks, factors: {} }, outcomes: set, figures: {} });
  expect(rec.error).toBeNull();
  const values = patternValues(set, rec.outcomes!);
  const run = runModel({ params, seed: 3, ticks });
  return { values, s: run.summary as RunSummary, series: run.series, p: run.params as unknown as Record<string, number> };
}

describe('patterns read from a run', () => {
  it('lists the documented patterns in the schema order, reading the deaths series only for the shape', () => {
    expect(documentedPatterns(ALL)).toEqual(['toll', 'killingDays', 'onsetDay', 'earlyShare', 'forceShare', 'participants', 'displaced']);
    expect(patternOutcomes(ALL, 100).series).toEqual(['deaths']);
    expect(patternOutcomes({ ...ALL, patterns: { toll: r(1, 2) } }, 100).series).toEqual([]);
  });

  it('match the summary and the series of a run with killing', () => {
    const ticks = 150;
    const { values, s, series, p } = both({ agents: 3000, peoplePerAgent: 50, electionDay: 10, stakes: 0.9 }, ticks);
    expect(s.deaths).toBeGreaterThan(0);
    expect(values.toll).toBe(s.deathsPeople);
    expect(values.killingDays).toBe(s.killingDays);
    expect(values.onsetDay).toBe(s.firstKillingTick);
    expect(values.forceShare).toBeCloseTo(s.forceDeathShare, 12);
    expect(values.participants).toBeCloseTo(s.peakPerpetrators * p.peoplePerAgent, 9);
    expect(values.displaced).toBe(s.displacedTargetedPeople);
    const first = s.firstKillingTick!;
    const cum = series.deaths;
    expect(values.earlyShare).toBeCloseTo(cum[Math.min(first + 9, ticks - 1)] / s.deaths, 12);
  });

  it("are read up to the period's close: every count, duration and share over the window only, by hand from the series", () => {
    const ticks = 150;
    const params = { agents: 3000, peoplePerAgent: 50, electionDay: 10, stakes: 0.9 };
    const full = both(params, ticks);
    const first = full.s.firstKillingTick!;
    // A close inside the killing, so that the window and the run differ.
    const close = first + 12;
    expect(full.s.lastKillingTick!).toBeGreaterThan(close);
    const { values, s, series, p } = both(params, ticks, close);
    const today = Array.from(series.deathsToday).slice(0, close + 1);
    const lastBy = today.reduce((at, x, i) => (x > 0 ? i : at), -1);
    expect(values.toll).toBe(series.deathsPeople[close]);
    expect(values.toll).toBeLessThan(s.deathsPeople);
    expect(values.killingDays).toBe(lastBy - first + 1);
    expect(values.onsetDay).toBe(first);
    expect(values.forceShare).toBeCloseTo(series.deathsByForce[close] / series.deaths[close], 12);
    expect(values.participants).toBeCloseTo(Math.max(...Array.from(series.perpetrators).slice(0, close + 1)) * p.peoplePerAgent, 9);
    expect(values.displaced).toBe(series.displacedTargeted[close] * p.peoplePerAgent);
    expect(values.earlyShare).toBeCloseTo(series.deaths[Math.min(first + 9, close)] / series.deaths[close], 12);
  });

  it("read a pattern whose window runs past the period (until: 'end') to the run's end, and the others to the close", () => {
    const ticks = 150;
    const params = { agents: 3000, peoplePerAgent: 50, electionDay: 10, stakes: 0.9 };
    const targets: CaseTargets = { ...ALL, patterns: { toll: { ...r(1, 2), until: 'end' }, displaced: r(1, 2) } };
    const { values, s, series, p } = both(params, ticks, 40, targets);
    expect(values.toll).toBe(s.deathsPeople);
    expect(values.displaced).toBe(series.displacedTargeted[40] * p.peoplePerAgent);
    // No killing by the close: no killing days in the window (0), whatever comes after.
    const early = both(params, ticks, 5);
    expect(early.s.firstKillingTick!).toBeGreaterThan(5);
    expect(early.values.killingDays).toBe(0);
    expect(early.values.toll).toBe(0);
  });

  it("count the targeted group's displaced by default, and everyone displaced where the source does (counts: 'all')", () => {
    const ticks = 150;
    const params = { agents: 3000, peoplePerAgent: 50, electionDay: 10, stakes: 0.9, bystanderFlee: 0.5 };
    const all: CaseTargets = { ...ALL, patterns: { displaced: { ...r(1, 2), counts: 'all' } } };
    const targeted: CaseTargets = { ...ALL, patterns: { displaced: { ...r(1, 2), counts: 'targeted' } } };
    // Both groups flee in this run, so the two readings differ.
    const a = both(params, ticks, undefined, all);
    expect(a.s.displacedTargetedPeople).toBeGreaterThan(0);
    expect(a.s.displacedPeople).toBeGreaterThan(a.s.displacedTargetedPeople);
    expect(a.values.displaced).toBe(a.s.displacedPeople);
    expect(both(params, ticks, undefined, targeted).values.displaced).toBe(a.s.displacedTargetedPeople);
    // Read to a close inside the run, from the matching series.
    const c = both(params, ticks, 40, all);
    expect(c.values.displaced).toBe(c.series.displaced[40] * c.p.peoplePerAgent);
    expect(both(params, ticks, 40, targeted).values.displaced).toBe(c.series.displacedTargeted[40] * c.p.peoplePerAgent);
  });

  it('give no onset, force share or shape when no one is killed (missing, not 0), and a toll of 0', () => {
    const { values, s } = both({ agents: 3000, peoplePerAgent: 50, stakes: 0, existentialStakes: 0 }, 60);
    expect(s.deaths).toBe(0);
    expect(values.toll).toBe(0);
    expect(values.onsetDay).toBeNull();
    expect(values.forceShare).toBeNull();
    expect(values.earlyShare).toBeNull();
  });
});
