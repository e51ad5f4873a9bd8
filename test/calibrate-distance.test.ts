/**
 * The calibration's stated distance per pattern (analysis/calibrate/distance.ts): 0 inside the
 * documented range, 1 at one tolerance outside on each scale (a factor of 3 for counts, 14 days for
 * the onset, 0.25 for shares), the cap, the floor that keeps a count of 0 finite, the median over
 * seeds, the worst-case rule for seeds without a value, and the weights of the case and the
 * objective means.
 */
import { describe, expect, it } from 'vitest';
import { riskDistance } from '../analysis/calibrate/fit';
import {
  COUNT_FACTOR,
  DISTANCE_CAP,
  ONSET_TOLERANCE_DAYS,
  PATTERN_SCALES,
  SHARE_TOLERANCE,
  caseDistance,
  medianRun,
  objective,
  patternDistance,
  scaledDistance,
  toleranceBand,
  withinFactor,
} from '../analysis/calibrate/distance';
import { PATTERN_NAMES, type CaseTargets, type PatternRange } from '../scenarios/targets/schema';

const r = (low: number, high: number, extra: Partial<PatternRange> = {}): PatternRange => ({ low, high, source: 'test', ...extra });

describe('the tolerances', () => {
  it('are the stated ones, and every pattern has a scale', () => {
    expect(COUNT_FACTOR).toBe(3);
    expect(ONSET_TOLERANCE_DAYS).toBe(14);
    expect(SHARE_TOLERANCE).toBe(0.25);
    expect(DISTANCE_CAP).toBe(10);
    expect(Object.keys(PATTERN_SCALES).sort()).toEqual([...PATTERN_NAMES].sort());
    for (const p of ['toll', 'participants', 'displaced', 'killingDays'] as const) expect(PATTERN_SCALES[p]).toBe('log');
    expect(PATTERN_SCALES.onsetDay).toBe('days');
    expect(PATTERN_SCALES.earlyShare).toBe('share');
    expect(PATTERN_SCALES.forceShare).toBe('share');
  });
});

describe('counts (log scale)', () => {
  const counts = ['toll', 'participants', 'displaced', 'killingDays'] as const;

  it('are 0 inside the range and on its edges', () => {
    for (const p of counts) {
      expect(patternDistance(p, r(100, 200), [150]).distance).toBe(0);
      expect(patternDistance(p, r(100, 200), [100]).distance).toBe(0);
      expect(patternDistance(p, r(100, 200), [200]).distance).toBe(0);
    }
  });

  it('are 1 at a factor of 3 outside, on either side, and grow as the log', () => {
    for (const p of counts) {
      expect(patternDistance(p, r(100, 200), [600]).distance).toBeCloseTo(1, 12);
      expect(patternDistance(p, r(100, 200), [100 / 3]).distance).toBeCloseTo(1, 12);
      expect(patternDistance(p, r(100, 200), [1800]).distance).toBeCloseTo(2, 12);
      expect(patternDistance(p, r(100, 200), [100 / 9]).distance).toBeCloseTo(2, 12);
      expect(Math.abs(patternDistance(p, r(100, 200), [400]).distance - Math.log(2) / Math.log(3))).toBeLessThan(1e-12);
    }
  });

  it('keep a count of 0 finite: 0 against 500,000 is ln(500000)/ln(3) before the cap, the cap after', () => {
    const d = patternDistance('toll', r(500_000, 500_000), [0]);
    expect(d.uncapped).toBeCloseTo(Math.log(500_000) / Math.log(3), 12);
    expect(d.uncapped).toBeGreaterThan(11.9);
    expect(d.uncapped).toBeLessThan(12);
    expect(d.distance).toBe(DISTANCE_CAP);
    // A documented 0 and a model 0 agree; a model 3 against a documented 0 is one factor out.
    expect(patternDistance('toll', r(0, 0), [0]).distance).toBe(0);
    expect(patternDistance('toll', r(0, 0), [3]).distance).toBeCloseTo(1, 12);
    expect(patternDistance('toll', r(0, 10), [0.5]).distance).toBe(0);
  });
});

describe('the onset (days) and shares', () => {
  it('onsetDay: 0 inside and on the edges, 1 at 14 days outside, linear', () => {
    expect(patternDistance('onsetDay', r(10, 20), [15]).distance).toBe(0);
    expect(patternDistance('onsetDay', r(10, 20), [10]).distance).toBe(0);
    expect(patternDistance('onsetDay', r(10, 20), [20]).distance).toBe(0);
    expect(patternDistance('onsetDay', r(10, 20), [34]).distance).toBeCloseTo(1, 12);
    expect(patternDistance('onsetDay', r(10, 20), [0]).distance).toBeCloseTo(10 / 14, 12);
    expect(patternDistance('onsetDay', r(10, 20), [48]).distance).toBeCloseTo(2, 12);
  });

  it('shares: 0 inside and on the edges, 1 at 0.25 outside, linear', () => {
    for (const p of ['earlyShare', 'forceShare'] as const) {
      expect(patternDistance(p, r(0.4, 0.6, { days: 7 }), [0.5]).distance).toBe(0);
      expect(patternDistance(p, r(0.4, 0.6), [0.4]).distance).toBe(0);
      expect(patternDistance(p, r(0.4, 0.6), [0.6]).distance).toBe(0);
      expect(patternDistance(p, r(0.4, 0.6), [0.85]).distance).toBeCloseTo(1, 12);
      expect(patternDistance(p, r(0.4, 0.6), [0.15]).distance).toBeCloseTo(1, 12);
      expect(patternDistance(p, r(0.5, 0.5), [0.625]).distance).toBeCloseTo(0.5, 12);
    }
  });

  it('caps every pattern at 10', () => {
    expect(patternDistance('onsetDay', r(0, 0), [14 * 25]).distance).toBe(DISTANCE_CAP);
    expect(patternDistance('onsetDay', r(0, 0), [14 * 25]).uncapped).toBeCloseTo(25, 12);
    expect(patternDistance('toll', r(1, 1), [3 ** 11]).distance).toBe(DISTANCE_CAP);
    expect(patternDistance('toll', r(1, 1), [3 ** 9]).distance).toBeCloseTo(9, 12);
  });

  it('refuses a non-finite statistic and an inverted range', () => {
    expect(() => scaledDistance('share', Infinity, 0, 1)).toThrow(/finite/);
    expect(() => scaledDistance('days', 1, 2, 1)).toThrow(/low/);
  });
});

describe('the statistic over seeds', () => {
  it('is the median, not the mean', () => {
    // Median 100 (inside), mean 100,060 (far outside).
    const d = patternDistance('toll', r(50, 200), [90, 100, 500_000, 100, 10]);
    expect(d.statistic).toBe(100);
    expect(d.distance).toBe(0);
    // An even number of seeds: the middle two averaged (type 7).
    expect(patternDistance('onsetDay', r(0, 0), [10, 20, 30, 1000]).statistic).toBe(25);
  });

  it('a seed without a value scores the cap; the pattern mixes it with the median of the rest by their shares', () => {
    const range = r(0.4, 0.6, { days: 7 });
    expect(patternDistance('earlyShare', range, [])).toMatchObject({ statistic: null, distance: DISTANCE_CAP, missing: 0 });
    expect(patternDistance('earlyShare', range, [null, null, null])).toMatchObject({ statistic: null, distance: DISTANCE_CAP, missing: 3 });
    // One seed of two with a value inside the range: half the cap.
    expect(patternDistance('earlyShare', range, [0.5, null])).toMatchObject({ statistic: 0.5, distance: DISTANCE_CAP / 2, missing: 1 });
    expect(patternDistance('earlyShare', range, [0.5, Number.NaN, undefined, 0.5])).toMatchObject({ statistic: 0.5, distance: DISTANCE_CAP / 2, missing: 2 });
    expect(patternDistance('earlyShare', range, [0.5, null, 0.55])).toMatchObject({ statistic: 0.525, missing: 1 });
    expect(patternDistance('earlyShare', range, [0.5, null, 0.55]).distance).toBeCloseTo(DISTANCE_CAP / 3, 12);
    // Outside the range: the present seeds carry their median's distance (0.85 is one tolerance above 0.6).
    expect(patternDistance('earlyShare', range, [0.85, null, 0.85, 0.85]).distance).toBeCloseTo((DISTANCE_CAP + 3 * 1) / 4, 12);
    // No seed missing: the median's distance alone.
    expect(patternDistance('earlyShare', range, [0.85, 0.85]).distance).toBeCloseTo(1, 12);
  });

  it('the median run the reports show: the median of the seeds with a value, none when at least half have none', () => {
    expect(medianRun([1, 2, null])).toBe(1.5);
    expect(medianRun([1, null])).toBeNull();
    expect(medianRun([1, Number.NaN, undefined, 3, 5])).toBe(3);
    expect(medianRun([])).toBeNull();
  });

  it('more seeds without a value never lower the distance, and it moves in steps of the seeds, not at a cliff', () => {
    const range = r(100, 200);
    const at = (missing: number) => patternDistance('toll', range, [...Array(10 - missing).fill(600), ...Array(missing).fill(null)]).distance;
    const ds = [...Array(11).keys()].map(at);
    for (let k = 1; k <= 10; k++) {
      expect(ds[k]).toBeGreaterThan(ds[k - 1]);
      expect(ds[k] - ds[k - 1]).toBeCloseTo((DISTANCE_CAP - 1) / 10, 12);
    }
  });

  it('killing no one never scores better than killing badly, when killing is documented', () => {
    const targets: CaseTargets = {
      case: 'x',
      use: 'fit',
      patterns: { toll: r(500_000, 800_000), earlyShare: r(0.7, 0.8, { days: 30 }) },
    };
    const none = caseDistance(targets, { toll: [0, 0, 0], earlyShare: [null, null, null] });
    const bad = caseDistance(targets, { toll: [10, 10, 10], earlyShare: [0, 0, 0] });
    expect(none.distance).toBe(DISTANCE_CAP);
    expect(none.distance).toBeGreaterThanOrEqual(bad.distance);
  });
});

describe('the case distance and the objective', () => {
  const targets: CaseTargets = {
    case: 'x',
    use: 'fit',
    patterns: { toll: r(100, 200), onsetDay: r(10, 20), forceShare: r(0.5, 0.5), displaced: r(1000, 2000) },
  };

  it('is the mean over the documented patterns the model measures; the others are skipped or ignored', () => {
    const c = caseDistance(targets, { toll: [600], onsetDay: [48], forceShare: [0.5], participants: [1e9] });
    expect(c.distance).toBeCloseTo((1 + 2 + 0) / 3, 12);
    expect(c.skipped).toEqual(['displaced']);
    expect(Object.keys(c.patterns).sort()).toEqual(['forceShare', 'onsetDay', 'toll']);
    expect(c.patterns.participants).toBeUndefined();
    expect(c.patterns.toll?.distance).toBeCloseTo(1, 12);
  });

  it('counts a measured pattern without values as the cap, not as skipped', () => {
    const c = caseDistance(targets, { toll: [150], onsetDay: [15], forceShare: [], displaced: [1500] });
    expect(c.skipped).toEqual([]);
    expect(c.distance).toBeCloseTo(DISTANCE_CAP / 4, 12);
  });

  it('refuses a case with nothing to compare', () => {
    expect(() => caseDistance(targets, { participants: [1] })).toThrow(/no documented pattern/);
  });

  it('the objective weighs each case the same, whatever its number of patterns', () => {
    const one: CaseTargets = { case: 'a', use: 'fit', patterns: { toll: r(100, 100) } };
    const four = targets;
    const a = caseDistance(one, { toll: [900] }); // 2
    const b = caseDistance(four, { toll: [150], onsetDay: [15], forceShare: [0.5], displaced: [1500] }); // 0
    expect(a.distance).toBeCloseTo(2, 12);
    expect(b.distance).toBe(0);
    // Per case: (2 + 0) / 2 = 1; per pattern it would be 2 / 5.
    expect(objective([a, b])).toBeCloseTo(1, 12);
    expect(objective([2, 0])).toBeCloseTo(1, 12);
    expect(objective([0.5])).toBe(0.5);
    expect(() => objective([])).toThrow(/no cases/);
    expect(() => objective([Number.NaN])).toThrow();
  });
});

describe('withinFactor', () => {
  it('is the issue criterion: within a factor of the range, the edges included', () => {
    expect(withinFactor(150, 100, 200, 3)).toBe(true);
    expect(withinFactor(600, 100, 200, 3)).toBe(true);
    expect(withinFactor(601, 100, 200, 3)).toBe(false);
    expect(withinFactor(100 / 3, 100, 200, 3)).toBe(true);
    expect(withinFactor(33, 100, 200, 3)).toBe(false);
    expect(withinFactor(150, 100, 200, 1)).toBe(true);
    expect(withinFactor(250, 100, 200, 1)).toBe(false);
    expect(withinFactor(0, 500_000, 800_000, 3)).toBe(false);
    expect(withinFactor(0, 0, 0, 3)).toBe(true);
    expect(withinFactor(Number.NaN, 0, 10, 3)).toBe(false);
    expect(() => withinFactor(1, 1, 2, 0.5)).toThrow(/factor/);
  });
});

describe('the tolerance band', () => {
  it('holds exactly the values within one tolerance (distance <= 1) on each scale', () => {
    for (const [name, low, high] of [['toll', 500, 800], ['toll', 0, 5], ['onsetDay', 10, 12], ['forceShare', 0.2, 0.5]] as const) {
      const [from, to] = toleranceBand(name, low, high);
      const scale = PATTERN_SCALES[name];
      // Below one person a count is floored (a toll of 0 against 0-5 is no distance at all).
      if (!(scale === 'log' && from < 1)) expect(scaledDistance(scale, from, low, high), `${name} lower edge`).toBeCloseTo(1, 12);
      expect(scaledDistance(scale, to, low, high), `${name} upper edge`).toBeCloseTo(1, 12);
      const inside = (from + to) / 2;
      expect(scaledDistance(scale, inside, low, high)).toBeLessThanOrEqual(1);
    }
    expect(toleranceBand('toll', 500, 800)).toEqual([500 / 3, 2400]);
    expect(toleranceBand('onsetDay', 10, 12)).toEqual([-4, 26]);
    expect(toleranceBand('forceShare', 0.2, 0.5)).toEqual([0.2 - 0.25, 0.75]);
  });
});

describe('the risk target’s distance (the default scenario at risk)', () => {
  it('is 0 inside the band and the gap over 0.2 outside, capped at 10', () => {
    expect([0.3, 0.5, 0.7].map((p) => riskDistance(p, 0.3, 0.7))).toEqual([0, 0, 0]);
    expect(riskDistance(0, 0.3, 0.7)).toBeCloseTo(1.5, 12);
    expect(riskDistance(1, 0.3, 0.7)).toBeCloseTo(1.5, 12);
    expect(riskDistance(0.8, 0.3, 0.7)).toBeCloseTo(0.5, 12);
    expect(riskDistance(10, 0, 0)).toBe(10);
  });
});
