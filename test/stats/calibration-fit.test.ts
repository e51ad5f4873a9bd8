/**
 * The fit of issue 13 held by a test: at the fitted defaults (sim/models/luck2018/fitted.ts),
 * documented patterns of several cases, over many seeds, stay within one tolerance of their
 * documented ranges (the distances of analysis/calibrate/distance.ts: a factor of 3 for counts and
 * durations, 14 days for an onset, 0.25 for a share). The claim is about the median: its 99%
 * distribution-free interval must reach into the band, so a change that moves a fitted pattern
 * well outside it fails, while seed noise does not. Only patterns the calibration met are checked
 * (docs/calibration.md lists the misses beside them); a pattern that stops being met after a
 * refit is dropped from FITTED with the reason, never loosened.
 */
import { describe, expect, it } from 'vitest';
import { toleranceBand } from '../../analysis/calibrate/distance';
import { patternOutcomes, patternValues } from '../../analysis/calibrate/patterns';
import type { PatternName } from '../../analysis/calibrate/targets';
import { orderStatisticCi } from '../../analysis/stats';
import { runSweepJob } from '../../analysis/sweep/index';
import { builtInScenario, scenarioCloseDay, scenarioParams, scenarioTicks } from '../../scenarios/index';
import { targetsFor } from '../../scenarios/targets/index';
import { FITTED } from '../../sim/models/luck2018/fitted';

const SEEDS = 40;

/** The patterns the fit met, by case (fast cases: 10,000-26,000 agents; and Rwanda's 142,000). */
// Kyrgyzstan's killing days left at r2p-luck-2018/7 (1 day against 4-6); at /8 the median run
// kills on 4 days, but its runs spread from none to a month, too wide to hold.
// Displacement of Sinjar and Myanmar added at /8: flight ahead of the killing (singledOutTerror).
// Sinjar's toll and Burundi's added at /11: an outside force keeps no base that could fall with
// the threatened in it, and coercive mass killing follows the armed challenge (unarmedMassKilling,
// since /14 unchallengedLethality).
// Rwanda's toll and participation added at /13: conscription where the administration compels.
// Mali's toll and force's share added at /14: coercion kills as far as the challenge it answers.
const FITTED_PATTERNS: Readonly<Record<string, readonly PatternName[]>> = {
  'rwanda-1994': ['toll', 'participants'],
  'srebrenica-1995': ['toll', 'killingDays', 'forceShare'],
  'sri-lanka-2009': ['toll', 'onsetDay', 'forceShare'],
  'iraq-sinjar-2014': ['toll', 'killingDays', 'onsetDay', 'forceShare', 'displaced'],
  'mali-2013': ['toll', 'forceShare'],
  'burundi-2015': ['toll', 'forceShare'],
  'myanmar-2017': ['toll', 'onsetDay', 'displaced'],
};

describe('the fitted defaults reproduce documented patterns (40 seeds a case)', () => {
  it('runs at fitted defaults written by a calibration', () => {
    expect(FITTED.provenance, 'sim/models/luck2018/fitted.ts holds no fit').not.toBeNull();
  });

  for (const [id, names] of Object.entries(FITTED_PATTERNS)) {
    it(`${id}: ${names.join(', ')} within one tolerance of the documented range`, () => {
      const scenario = builtInScenario(id)!;
      const targets = targetsFor(id)!;
      const ticks = scenarioTicks(scenario);
      const set = patternOutcomes(targets, ticks, scenarioCloseDay(scenario));
      const params = scenarioParams(scenario);
      const values: Partial<Record<PatternName, number[]>> = {};
      for (let seed = 1; seed <= SEEDS; seed++) {
        const rec = runSweepJob({ task: { index: 0, point: 0, replicate: seed - 1, seed, model: 'r2p-luck-2018', params, schedule: [], ticks, factors: {} }, outcomes: set, figures: {} });
        expect(rec.error).toBeNull();
        const v = patternValues(set, rec.outcomes!);
        for (const name of names) if (v[name] !== null && v[name] !== undefined) (values[name] ??= []).push(v[name]!);
      }
      for (const name of names) {
        const range = targets.patterns[name]!;
        const xs = values[name] ?? [];
        // A pattern with no value on most seeds (no killing) is not met.
        expect(xs.length, `${id}.${name}: seeds with a value`).toBeGreaterThan(SEEDS / 2);
        const ci = orderStatisticCi(xs, 0.5, 0.99);
        const [lo, hi] = toleranceBand(name, range.low, range.high);
        expect(ci.hi, `${id}.${name}: the median's 99% interval [${ci.lo}, ${ci.hi}] against the band [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo);
        expect(ci.lo, `${id}.${name}: the median's 99% interval [${ci.lo}, ${ci.hi}] against the band [${lo}, ${hi}]`).toBeLessThanOrEqual(hi);
      }
      // Rwanda's 142,000 agents take minutes on a busy 2-core machine: room, not a timing claim.
    }, 600_000);
  }
});
