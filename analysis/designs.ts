/**
 * Sampling designs for parameter sweeps. Every design but the full factorial returns points in
 * the unit hypercube [0,1]^k (rows = points, columns = factors); the sweep runner maps column i
 * onto factor i's range. Every random choice comes from the rng passed in, so a design is a pure
 * function of its arguments and the rng's seed. docs/sweeps-analysis.md describes the methods.
 */
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './sobol';

function checkCount(x: number, name: string, min: number): void {
  if (!Number.isInteger(x) || x < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${x}`);
}

/** A uniform integer in 0..m-1. */
const below = (m: number, rng: () => number): number => Math.floor(rng() * m);

/** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
function permutation(n: number, rng: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = below(i + 1, rng);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/**
 * Every combination of level indices (factor i takes 0..levelCounts[i]-1), in odometer order:
 * the last factor varies fastest. No factors give one empty point.
 */
export function fullFactorial(levelCounts: readonly number[]): number[][] {
  levelCounts.forEach((c, i) => checkCount(c, `fullFactorial: levelCounts[${i}]`, 1));
  let rows: number[][] = [[]];
  for (const c of levelCounts) rows = rows.flatMap((row) => Array.from({ length: c }, (_, l) => [...row, l]));
  return rows;
}

/**
 * Latin hypercube (McKay, Beckman and Conover 1979): each column has exactly one point in each of
 * the n strata [s/n, (s+1)/n), the strata of different columns paired by independent random
 * permutations, each point uniform within its stratum (not centred: centring would put every
 * coordinate on a fixed grid of n values). Draws: column by column, the permutation then n jitters.
 */
export function latinHypercube(n: number, k: number, rng: () => number): number[][] {
  checkCount(n, 'latinHypercube: n', 1);
  checkCount(k, 'latinHypercube: k', 1);
  const points = Array.from({ length: n }, () => new Array<number>(k));
  for (let j = 0; j < k; j++) {
    const strata = permutation(n, rng);
    for (let i = 0; i < n; i++) points[i][j] = (strata[i] + rng()) / n;
  }
  return points;
}

/** One Morris trajectory: its first point's index and, for each step, the factor moved and by how much. */
export interface MorrisTrajectory {
  /** Index of the trajectory's first point in `points` (t * (k + 1) for trajectory t). */
  readonly start: number;
  /** factorOrder[s]: the factor that step s changes, from point start + s to point start + s + 1. */
  readonly factorOrder: number[];
  /** deltas[s]: that factor's change at step s, +Delta or -Delta (in unit-cube coordinates). */
  readonly deltas: number[];
}

export interface MorrisDesign {
  /** r * (k + 1) points; trajectory t holds points t*(k+1) .. t*(k+1)+k, in step order. */
  readonly points: number[][];
  readonly trajectories: MorrisTrajectory[];
}

/**
 * Morris (1991) elementary-effects design: r trajectories of k + 1 points on the grid
 * {0, 1/(p-1), .., 1}^k (p = levels, even), each step moving one factor, in a random order, by
 * Delta = p / (2(p - 1)). A trajectory's base levels are drawn from the lower half of the grid and
 * each factor's direction at random, so every one of the p levels is visited equally often.
 * Draws per trajectory: k base levels, k directions, then the order (Fisher-Yates).
 */
export function morrisTrajectories(r: number, k: number, levels: number, rng: () => number): MorrisDesign {
  checkCount(r, 'morrisTrajectories: r', 1);
  checkCount(k, 'morrisTrajectories: k', 1);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new RangeError(`morrisTrajectories: levels must be an even integer >= 2 (Delta = p/(2(p-1)) is then a whole number of grid steps), got ${levels}`);
  }
  const jump = levels / 2; // Delta in grid steps
  const delta = levels / (2 * (levels - 1));
  const points: number[][] = [];
  const trajectories: MorrisTrajectory[] = [];
  for (let t = 0; t < r; t++) {
    const base = Array.from({ length: k }, () => below(jump, rng));
    const up = Array.from({ length: k }, () => rng() < 0.5);
    const factorOrder = permutation(k, rng);
    // Grid levels as integers, so every coordinate is exactly level / (p - 1).
    const level = base.map((b, i) => (up[i] ? b : b + jump));
    points.push(level.map((l) => l / (levels - 1)));
    for (const i of factorOrder) {
      level[i] += up[i] ? jump : -jump;
      points.push(level.map((l) => l / (levels - 1)));
    }
    trajectories.push({ start: t * (k + 1), factorOrder, deltas: factorOrder.map((i) => (up[i] ? delta : -delta)) });
  }
  return { points, trajectories };
}

export interface SaltelliDesign {
  /** n(k + 2) points: the rows of A, then of B, then of AB_1 .. AB_k (n rows each). */
  readonly points: number[][];
  readonly layout: 'saltelli-2010';
  readonly n: number;
  readonly k: number;
}

/** The largest k saltelli() takes: A and B use 2k dimensions of the Sobol' sequence. */
export const SALTELLI_MAX_FACTORS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/**
 * Saltelli et al. (2010) design for first-order and total Sobol' indices: base matrices A and B
 * (n x k each), and for each factor i the matrix AB_i, A with column i taken from B; the rows in
 * the order A, B, AB_1, .., AB_k. A and B are the first and last k columns of n points of a
 * scrambled Sobol' sequence in 2k dimensions (sobol.ts): quasi-random, because the estimators
 * then converge faster than with pseudo-random samples; scrambled, so that each base row is
 * uniform and the rows can be resampled for bootstrap intervals. n a power of 2 keeps the
 * sequence's balance (any n >= 2 is accepted).
 */
export function saltelli(n: number, k: number, rng: () => number): SaltelliDesign {
  checkCount(n, 'saltelli: n', 2);
  checkCount(k, 'saltelli: k', 1);
  if (k > SALTELLI_MAX_FACTORS) throw new RangeError(`saltelli: at most ${SALTELLI_MAX_FACTORS} factors (the Sobol' direction numbers held), got ${k}`);
  const base = sobolPoints(n, 2 * k, rng);
  const a = base.map((row) => row.slice(0, k));
  const b = base.map((row) => row.slice(k));
  const points = [...a, ...b];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) {
      const row = a[j].slice();
      row[i] = b[j][i];
      points.push(row);
    }
  }
  return { points, layout: 'saltelli-2010', n, k };
}
