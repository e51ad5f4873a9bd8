/**
 * The calibration report's honesty about leave-one-out: a constant whose rule acts on one training
 * case alone cannot be learnt from the others, so that case's left-out value is inherited, not
 * predicted, and the toll criterion does not count it (analysis/calibrate/constants.ts
 * informedAlone; report.ts criteria). And the sensitivity screenings read no fitted default: each
 * screens every calibrated constant over its searched range.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CALIBRATED, informedAlone } from '../analysis/calibrate/constants';
import type { CalibrationReport, CaseResult } from '../analysis/calibrate/fit';
import { criteria, renderReport } from '../analysis/calibrate/report';
import { builtInScenario, scenarioParams } from '../scenarios/index';
import { BUILT_IN_TARGETS } from '../scenarios/targets/index';
import { params } from './helpers/luck-world';

const SWEEPS = fileURLToPath(new URL('../sweeps', import.meta.url));

describe('constants a case alone informs', () => {
  it('a rule acting on the left-out case and on none of the others is named; acting on another too, it is not', () => {
    const compels = params({ perpetratorAim: 'destroy', orders: 0.5, compulsion: 1 });
    const orders = params({ perpetratorAim: 'destroy', orders: 0.5, compulsion: 0 });
    const coerces = params({ perpetratorAim: 'coerce', uprisingDay: 3 });
    expect(informedAlone(CALIBRATED, compels, [orders, coerces])).toEqual(['conscription']);
    expect(informedAlone(CALIBRATED, compels, [orders, compels])).toEqual([]);
    // The uprising's weight acts only on a coercion with an uprising; the coercion's other constants on any.
    expect(informedAlone(CALIBRATED, coerces, [orders, params({ perpetratorAim: 'coerce' })])).toEqual(['uprisingChallenge']);
    // Alone, a case informs every constant whose condition it meets, and never one without a condition.
    expect(informedAlone(CALIBRATED, coerces, [])).toEqual(['coerciveReach', 'coerciveEngagement', 'challengeFocus', 'cowing', 'unchallengedLethality', 'uprisingChallenge']);
  });

  it('among the training profiles, only Rwanda informs a constant alone: conscription (its strong orders)', () => {
    const training = BUILT_IN_TARGETS.filter((t) => t.use === 'fit').map((t) => ({ id: t.case, p: scenarioParams(builtInScenario(t.case)!) }));
    const alone = Object.fromEntries(
      training.map(({ id, p }) => [id, informedAlone(CALIBRATED, p, training.filter((o) => o.id !== id).map((o) => o.p))]).filter(([, a]) => a.length > 0),
    );
    expect(alone).toEqual({ 'rwanda-1994': ['conscription'] });
  });
});

describe('the toll criterion counts predictions only', () => {
  const toll = (id: string, within: boolean, use: 'fit' | 'holdout' = 'fit'): CaseResult => ({
    id,
    use,
    distance: 0,
    pMassAtrocity: 1,
    readings: { prevented: 0, curbed: 0, failed: 1 },
    patterns: [{ pattern: 'toll', low: 10, high: 20, median: within ? 15 : 1000, q05: 0, q95: 0, missing: 0, distance: 0, inRange: within, withinFactor3: within }],
  });
  const report = (alone: readonly string[]) =>
    ({
      constants: CALIBRATED,
      settings: { seeds: 1, screen: 1, budget: 1, step: 0.1, tol: 0.01, validationSeeds: 1, race: 1, raceSeeds: 1, riskSeeds: 1, designSeed: 1, accept: 0.15 },
      training: ['a', 'b', 'c', 'd'],
      holdout: ['e'],
      defaults: {},
      fitted: {},
      risk: null,
      race: [],
      objectiveAtDefaults: 0,
      objectiveFitted: 0,
      evaluations: 0,
      stopped: 'budget',
      history: [],
      accepted: { count: 0, threshold: 0, ranges: {} },
      leaveOneOut: ['a', 'b', 'c', 'd'].map((id) => ({ left: id, values: {}, prediction: toll(id, true), alone: id === 'a' ? alone : [] })),
      before: [],
      after: [...['a', 'b', 'c', 'd'].map((id) => toll(id, true)), toll('e', true, 'holdout')],
      runs: 0,
    }) as unknown as CalibrationReport;

  it('a left-out case that inherits a constant only it informs counts as not within, and is named', () => {
    const all = criteria(report([]), {})[0];
    expect([all.result, all.met]).toEqual(['5 of 5 (100%)', true]);
    const one = criteria(report(['conscription']), {})[0];
    expect(one.result).toBe('4 of 5 (80%); not predicted, so not counted: a (only it informs `conscription`)');
    expect(one.met).toBe(true);
  });

  it('the case table marks the inherited value as not a prediction', () => {
    const r = report(['conscription']);
    const text = renderReport({ ...r, constants: [], before: r.after } as CalibrationReport, {});
    expect(text).toContain('| a | fit | toll |');
    expect(text).toContain('| in range (left out, inherits `conscription`: not a prediction) |');
    expect(text).toContain('| b | fit | toll | 10 - 20 | 15 | 15 [0 - 0] | 15 [0 - 0] | in range (left out) |');
  });
});

describe('the sensitivity screenings (sweeps/calibration-morris-<case>.json)', () => {
  // Every calibrated constant a factor over its searched range: the screening then reads no fitted
  // default, so a refit that changes no rule leaves its results as they were (docs/calibration.md).
  const files = readdirSync(SWEEPS).filter((f) => f.startsWith('calibration-morris-'));
  it('are the five cases docs/calibration.md reports', () => {
    expect(files.map((f) => f.slice('calibration-morris-'.length, -'.json'.length)).sort()).toEqual(['burundi-2015', 'kenya-2008', 'kyrgyzstan-2010', 'rwanda-1994', 'srebrenica-1995']);
  });
  for (const f of files) {
    it(`${f} screens every calibrated constant over its searched range`, () => {
      const sweep = JSON.parse(readFileSync(join(SWEEPS, f), 'utf8')) as { factors: { param: string; min: number; max: number }[] };
      expect(sweep.factors.map(({ param, min, max }) => ({ param, min, max }))).toEqual(CALIBRATED.map(({ param, min, max }) => ({ param, min, max })));
    });
  }
});
