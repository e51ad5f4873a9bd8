/**
 * Determinism: the same (params, seed, ticks, schedule) always gives the same results hash,
 * whether the model is run in one call or stepped tick by tick, and whatever order the
 * parameter overrides are written in. Different seeds give different runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModel, hashResult, runModel, type RunSpec } from '../sim/index';
import { crisisSpecArb, describeSpec, specArb } from './helpers/arbitraries';
import { FIXED_SEED } from './support/fast-check';

const BOUNDS = { agents: [100, 1500], ticks: [5, 120], maxOverrides: 6, maxChanges: 3 } as const;

function reversedKeys(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).reverse());
}

describe('the properties themselves draw reproducibly', () => {
  // CI must not turn red by the luck of a fresh seed; `npm run test:explore` draws fresh ones.
  it.skipIf(process.env.FC_SEED !== undefined)('draw from the fixed seed unless FC_SEED says otherwise', () => {
    expect(fc.readConfigureGlobal().seed).toBe(FIXED_SEED);
    const draw = () => fc.sample(specArb(BOUNDS), 3).map(describeSpec);
    expect(draw()).toEqual(draw());
  });
});

describe('determinism', () => {
  it('runs the same spec to the same hash (run twice, stepped, keys reordered)', () => {
    fc.assert(
      fc.property(fc.oneof(specArb(BOUNDS), crisisSpecArb(BOUNDS)), (spec) => {
        const first = hashResult(runModel(spec));
        const second = hashResult(runModel(spec));
        expect(second, `rerun of ${describeSpec(spec)}`).toBe(first);

        // Driving the model one tick at a time (as the app does) must not change anything.
        const model = createModel({
          ...spec,
          params: reversedKeys(spec.params as Record<string, unknown>),
        });
        while (!model.done) model.step();
        expect(model.tick).toBe(spec.ticks);
        expect(hashResult(model.result()), `stepped run of ${describeSpec(spec)}`).toBe(first);
      }),
      { numRuns: 100 },
    );
  });

  it('gives a different hash for a different seed', () => {
    const base: RunSpec = { seed: 1, ticks: 120, params: { agents: 2000 } };
    const h1 = hashResult(runModel(base));
    const h2 = hashResult(runModel({ ...base, seed: 2 }));
    const hs = hashResult(runModel({ ...base, seed: 'one' }));
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
    expect(h2).not.toBe(h1);
    expect(hs).not.toBe(h1);
    expect(hs).not.toBe(h2);
  });

  it('gives a different hash for a different parameter value (the hash sees the results)', () => {
    const base: RunSpec = { seed: 7, ticks: 120, params: { agents: 2000 } };
    const h1 = hashResult(runModel(base));
    const h2 = hashResult(runModel({ ...base, params: { agents: 2000, incitement: 0.95, incitementReach: 0.9 } }));
    expect(h2).not.toBe(h1);
  });
});
