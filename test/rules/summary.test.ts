/**
 * Rules of the run summary (sim/models/luck2018/summary.ts): the continuous outcomes beside the
 * flag (share of deaths by the organised force, peak participation, people displaced, the days
 * from the first killing to the last) and the outcome read as prevented, curbed or failed; first
 * on a hand-made world and series, then on whole runs, where every figure must agree with the
 * run's own series.
 */
import { describe, expect, it } from 'vitest';
import { runModel } from '../../sim/models/index';
import { recordDeaths } from '../../sim/models/luck2018/kernel';
import type { Params } from '../../sim/models/luck2018/params';
import { summarise, type RunSummary } from '../../sim/models/luck2018/summary';
import type { World } from '../../sim/models/luck2018/world';
import { tickContext, tinyWorld } from '../helpers/luck-world';

/** A world of 20 agents, 5 targeted (15 bystanders), and series of `ticks` days. */
function made(over: Partial<Params> = {}, ticks = 10) {
  const { w, p } = tinyWorld({ n: 20, targeted: [0, 4, 8, 12, 16], params: { peoplePerAgent: 50, atrocityThreshold: 1000, ...over } });
  const series: Record<string, Float64Array> = {
    perpetrators: new Float64Array(ticks),
    rung: new Float64Array(ticks),
    displaced: new Float64Array(ticks),
    displacedTargeted: new Float64Array(ticks),
    protected: new Float64Array(ticks),
  };
  return { w, p, series, ticks };
}

/** Deaths by day through the kernel's own bookkeeping (recordDeaths), `byForce` of them by the force. */
function kill(w: World, p: Params, deaths: number[], byForce: number[] = []) {
  deaths.forEach((d, t) => {
    w.tally.deathsByForce = byForce[t] ?? 0;
    recordDeaths(tickContext(w, p, { tick: t }), d);
  });
}

describe('the summary’s continuous outcomes', () => {
  it('forceDeathShare: the organised force’s share of the deaths, 0 when no one was killed', () => {
    const { w, p, series, ticks } = made();
    kill(w, p, [0, 3, 0, 5], [0, 1, 0, 1]);
    expect(summarise(w, series, ticks, p).forceDeathShare).toBe(2 / 8);
    const none = made();
    expect(summarise(none.w, none.series, none.ticks, none.p).forceDeathShare).toBe(0);
    const all = made();
    kill(all.w, all.p, [2], [2]);
    expect(summarise(all.w, all.series, all.ticks, all.p).forceDeathShare).toBe(1);
  });

  it('peakParticipationShare: the peak of perpetrators over the bystanders at the start', () => {
    const { w, p, series, ticks } = made();
    series.perpetrators.set([0, 3, 6, 2]);
    const s = summarise(w, series, ticks, p);
    expect([s.peakPerpetrators, s.peakPerpetratorsTick, s.peakParticipationShare]).toEqual([6, 2, 6 / 15]);
    const none = made();
    const s0 = summarise(none.w, none.series, none.ticks, none.p);
    expect([s0.peakPerpetrators, s0.peakPerpetratorsTick, s0.peakParticipationShare]).toEqual([0, null, 0]);
  });

  it('displacedPeople: the displaced at the end times peoplePerAgent', () => {
    for (const peoplePerAgent of [10, 50]) {
      const { w, p, series, ticks } = made({ peoplePerAgent });
      series.displaced.set([0, 4, 7, 3], ticks - 4);
      series.displacedTargeted.set([0, 2, 5, 1], ticks - 4);
      const s = summarise(w, series, ticks, p);
      expect([s.displaced, s.displacedPeople]).toEqual([3, 3 * peoplePerAgent]);
      expect([s.displacedTargeted, s.displacedTargetedPeople]).toEqual([1, peoplePerAgent]);
    }
  });

  it('killingDays: from the first killing to the last, both counted; 0 and null days when no one was killed', () => {
    const at = (deaths: number[]) => {
      const { w, p, series, ticks } = made();
      kill(w, p, deaths);
      const s = summarise(w, series, ticks, p);
      return [s.firstKillingTick, s.lastKillingTick, s.killingDays];
    };
    expect(at([0, 0, 0, 2, 0, 0, 0, 1, 0, 0])).toEqual([3, 7, 5]);
    expect(at([0, 4, 0])).toEqual([1, 1, 1]);
    expect(at([1])).toEqual([0, 0, 1]);
    expect(at([0, 0, 0])).toEqual([null, null, 0]);
  });

  it('deathShare: the share of the targeted group killed', () => {
    const { w, p, series, ticks } = made();
    kill(w, p, [1, 1]);
    expect(summarise(w, series, ticks, p).deathShare).toBe(2 / 5);
  });
});

describe('the outcome: prevented, curbed or failed', () => {
  // prevented: no one killed; curbed: killing below the mass-atrocity threshold; failed: the threshold crossed.
  const outcome = (deaths: number[], over: Partial<Params> = {}) => {
    const { w, p, series, ticks } = made(over);
    kill(w, p, deaths);
    const s = summarise(w, series, ticks, p);
    return [s.outcome, s.massAtrocity];
  };

  it('prevented when no one was killed', () => {
    expect(outcome([0, 0, 0])).toEqual(['prevented', false]);
  });

  it('curbed when anyone was killed but the threshold was not crossed, up to one agent short of it', () => {
    // 1000 people at 50 per agent: 20 agents.
    expect(outcome([1])).toEqual(['curbed', false]);
    expect(outcome([10, 9])).toEqual(['curbed', false]);
  });

  it('failed once the threshold is crossed', () => {
    expect(outcome([10, 10])).toEqual(['failed', true]);
    expect(outcome([0, 25, 0])).toEqual(['failed', true]);
  });

  it('curbed when the deaths are spread thinner than the window', () => {
    expect(outcome([10, 0, 0, 10], { atrocityWindow: 3 })).toEqual(['curbed', false]);
  });
});

describe('whole runs: the summary agrees with the run’s own series', () => {
  const BASE = { agents: 600, deterrence: 0, armedConflict: 1 };
  const RUNS: Record<string, { params: Record<string, unknown>; outcome: RunSummary['outcome'] }> = {
    // The leadership never reaches a killing rung: no one can be killed.
    prevented: { params: { ...BASE, barIncitement: 1, barOrganising: 1, barTargeted: 1, barMassKilling: 1.5 }, outcome: 'prevented' },
    // Only the organised force kills (nobody can be mobilised), and the threshold is out of reach.
    // No peacekeepers, safe areas or Council deployments: a venue the force's attack overruns counts its massacre as the
    // mob's (only a venue taken by assault counts as the force's), a bookkeeping rule of its own.
    curbed: { params: { ...BASE, stakes: 1, planningEffort: 0.1, organisedForce: 1, mobilisableShare: 0, atrocityThreshold: 1_000_000, peacekeeperCoverage: 0, safeAreas: 0, councilWillingness: 0 }, outcome: 'curbed' },
    // Everything pushes to a mass atrocity.
    failed: {
      params: { ...BASE, stakes: 1, planningEffort: 0.05, incitement: 1, incitementReach: 1, organisedForce: 1, forceKillRate: 0.5, killRate: 1, thresholdMean: 0.1, lethalityTargeted: 1 },
      outcome: 'failed',
    },
  };

  for (const [name, run] of Object.entries(RUNS)) {
    it(`${name}`, () => {
      const r = runModel({ params: run.params, seed: 3, ticks: 150 });
      const s = r.summary;
      const deathsToday = Array.from(r.series.deathsToday);
      const killingDays = deathsToday.flatMap((d, t) => (d > 0 ? [t] : []));
      const last = r.ticks - 1;
      expect(s.outcome).toBe(run.outcome);
      expect(s.massAtrocity).toBe(run.outcome === 'failed');
      expect(s.deaths > 0).toBe(run.outcome !== 'prevented');
      expect(s.firstKillingTick).toBe(killingDays.length ? killingDays[0] : null);
      expect(s.lastKillingTick).toBe(killingDays.length ? killingDays[killingDays.length - 1] : null);
      expect(s.killingDays).toBe(killingDays.length ? killingDays[killingDays.length - 1] - killingDays[0] + 1 : 0);
      expect(s.deaths).toBe(r.series.deaths[last]);
      expect(s.forceDeathShare).toBe(s.deaths > 0 ? r.series.deathsByForce[last] / s.deaths : 0);
      expect(s.peakParticipationShare).toBe(Math.max(...r.series.perpetrators) / (s.agents - s.targetedAgents));
      expect(s.displacedPeople).toBe(r.series.displaced[last] * r.params.peoplePerAgent);
      expect(s.displacedTargetedPeople).toBe(r.series.displacedTargeted[last] * r.params.peoplePerAgent);
      expect(s.displacedTargeted).toBeLessThanOrEqual(s.displaced);
      if (name === 'curbed') expect([s.forceDeathShare, s.peakParticipationShare]).toEqual([1, 0]); // killing without mass participation
    });
  }
});
