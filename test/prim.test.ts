/**
 * PRIM (analysis/prim.ts) on synthetic data with a known box: cases of interest where x1 is in
 * [0.2, 0.6] and x2 > 0.7, x3 irrelevant, 3% of labels flipped. Every box's coverage, density and
 * support are recomputed here from its limits alone.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { fullFactorial, latinHypercube } from '../analysis/designs';
import { prim, type PrimBox } from '../analysis/prim';

const names = ['x1', 'x2', 'x3'];

function synthetic(seed: string, n = 2000) {
  const rng = seedrandom.alea(seed);
  const x = latinHypercube(n, 3, rng);
  const y = x.map((p) => (p[0] >= 0.2 && p[0] <= 0.6 && p[1] > 0.7) !== rng() < 0.03);
  return { x, y };
}

/** Coverage, density and support of a box, from its limits (a missing factor is unrestricted). */
function measure(box: PrimBox, x: number[][], y: boolean[]) {
  const inside = x.map((p) => names.every((name, j) => !box.limits[name] || (box.limits[name][0] <= p[j] && p[j] <= box.limits[name][1])));
  const count = inside.filter(Boolean).length;
  const hits = inside.filter((v, i) => v && y[i]).length;
  return { coverage: hits / y.filter(Boolean).length, density: hits / count, support: count / x.length, count, interesting: hits };
}

describe('PRIM', () => {
  const { x, y } = synthetic('prim');
  const result = prim(x, y, { names });
  const { trajectory } = result;

  it('reports every box\'s coverage, density and support as its limits define them', () => {
    expect(trajectory.length).toBeGreaterThan(30);
    for (const box of trajectory) {
      const m = measure(box, x, y);
      expect(box.count).toBe(m.count);
      expect(box.interesting).toBe(m.interesting);
      expect(box.coverage).toBeCloseTo(m.coverage, 12);
      expect(box.density).toBeCloseTo(m.density, 12);
      expect(box.support).toBeCloseTo(m.support, 12);
      expect(box.restricted).toEqual(names.filter((name) => name in box.limits));
    }
  });

  it('peels from the whole space, about alpha of the box at a time, never below minSupport', () => {
    expect(trajectory[0]).toMatchObject({ restricted: [], support: 1, coverage: 1, count: 2000 });
    expect(trajectory[0].peeled).toBeUndefined();
    for (let s = 1; s < trajectory.length; s++) {
      const [before, after] = [trajectory[s - 1], trajectory[s]];
      const removed = before.count - after.count;
      expect(removed).toBeGreaterThanOrEqual(1);
      expect(removed).toBeLessThanOrEqual(Math.floor(0.05 * (before.count - 1)) + 1);
      expect(after.support).toBeGreaterThanOrEqual(0.05);
      expect(after.coverage).toBeLessThanOrEqual(before.coverage);
      // One limit of one factor moved inward, the one the peel names.
      const { factor, side } = after.peeled!;
      const k = side === 'lo' ? 0 : 1;
      const was = before.limits[factor]?.[k] ?? (side === 'lo' ? -Infinity : Infinity);
      expect(side === 'lo' ? after.limits[factor][k] > was : after.limits[factor][k] < was).toBe(true);
    }
    // It stopped because one more peel would have left under 5% of the points.
    const last = trajectory[trajectory.length - 1];
    expect(last.count - Math.floor(0.05 * (last.count - 1)) - 1).toBeLessThan(0.05 * 2000);
  });

  // Near the true box one peel moves a limit by about 0.05 x 0.4 = 0.02 (x1) or 0.05 x 0.3 =
  // 0.015 (x2). Over 100 seeds the chosen box's limits were at most 0.021 from the true ones
  // (by F1) and 0.035 (at density 0.9): hence 0.03 and 0.05.
  it('chooses, by F1, a box within 0.03 of the true one, leaving x3 free', () => {
    expect(result.chosenBy).toBe('f1');
    const box = trajectory[result.chosen];
    expect(box.restricted).toEqual(['x1', 'x2']);
    expect(Math.abs(box.limits.x1[0] - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(box.limits.x1[1] - 0.6)).toBeLessThan(0.03);
    expect(Math.abs(box.limits.x2[0] - 0.7)).toBeLessThan(0.03);
    expect(box.limits.x2[1]).toBeGreaterThan(0.97);
    expect(box.density).toBeGreaterThan(0.9);
    // Not the last box, which has peeled into the true box to fit the flipped labels.
    expect(result.chosen).toBeLessThan(trajectory.length - 1);
    expect(trajectory[trajectory.length - 1].coverage).toBeLessThan(box.coverage - 0.2);
  });

  it('with a threshold, chooses the first box that reaches it', () => {
    const r = prim(x, y, { names, threshold: 0.9 });
    expect(r.chosenBy).toBe('threshold');
    expect(r.trajectory).toEqual(trajectory);
    const box = r.trajectory[r.chosen];
    expect(box.density).toBeGreaterThanOrEqual(0.9);
    expect(r.trajectory.slice(0, r.chosen).every((b) => b.density < 0.9)).toBe(true);
    expect(box.restricted).toEqual(['x1', 'x2']);
    for (const [got, want] of [[box.limits.x1[0], 0.2], [box.limits.x1[1], 0.6], [box.limits.x2[0], 0.7]]) expect(Math.abs(got - want)).toBeLessThan(0.05);
  });

  it('falls back to the densest box when none reaches the threshold', () => {
    const r = prim(x, y, { names, threshold: 1 });
    expect(r.chosenBy).toBe('best density');
    expect(r.trajectory[r.chosen].density).toBe(Math.max(...r.trajectory.map((b) => b.density)));
  });

  it('peels whole levels of a discrete factor, cutting between levels', () => {
    // 4 x 4 x 3 levels, 5 replicates each; of interest: x1 at its top level and x2 at level 2 or 3.
    const xs = fullFactorial([4, 4, 3]).flatMap((p) => Array.from({ length: 5 }, () => p));
    const ys = xs.map((p) => p[0] === 3 && p[1] >= 2);
    const r = prim(xs, ys, { names, alpha: 0.1 });
    const last = r.trajectory[r.trajectory.length - 1];
    expect(last.density).toBe(1);
    expect(last.coverage).toBe(1);
    expect(last.limits).toEqual({ x1: [2.5, 3], x2: [1.5, 3] });
    expect(r.trajectory[r.chosen]).toBe(last);
  });

  it('is deterministic and refuses malformed input', () => {
    expect(prim(x, y, { names })).toEqual(result);
    expect(() => prim(x, y.slice(1), { names })).toThrow(/2000 points but 1999 outcomes/);
    expect(() => prim(x, y, { names: ['a', 'b'] })).toThrow(/3 values for 2 names/);
    expect(() => prim([[NaN, 0, 0]], [true], { names })).toThrow(/finite/);
    expect(() => prim(x, y, { names, alpha: 0.5 })).toThrow(/alpha/);
  });
});
