/**
 * A deterministic two-stage search for the calibration constants, in the unit cube [0,1]^k mapped
 * onto each constant's range: Latin-hypercube screening (McKay, Beckman and Conover 1979) for a
 * good region, then a bounded Nelder-Mead simplex (Nelder and Mead 1965) from the best screened
 * point to refine it. Nelder-Mead needs no gradients, which a stochastic simulation summarised by
 * medians does not have, and takes one or two evaluations per step.
 *
 * The objective is a batch function: the caller evaluates a batch of points on every core, and
 * keeps it deterministic for a given point (common random numbers: the same seeds at every point),
 * so the search is a pure function of its inputs and the rng's seed. Every random choice (only
 * the screening design) comes from the rng passed in. No Node, no Math.random.
 */
import { latinHypercube } from '../designs';
import { median } from '../stats';

/** A constant to fit: its name and range; an integer one takes whole values in [min, max]. */
export interface Factor {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/** A point as the model sees it: each constant's value, by name. */
export type FactorValues = Record<string, number>;

/** The objective over a batch: one number per point, in order, lower is better (0 is a perfect fit). */
export type BatchObjective = (points: FactorValues[]) => Promise<number[]>;

export interface SearchOptions {
  /** Latin-hypercube points in the screening stage (>= 1), evaluated in one batch. */
  readonly screen: number;
  /** The most evaluations in all, screening included (>= screen); never exceeded. */
  readonly budget: number;
  /** The initial simplex's edge in unit-cube coordinates (0 < step <= 0.5), e.g. 0.1. */
  readonly step: number;
  /** Stop when the simplex's objectives differ by less than this (>= 0; 0 runs to the budget). */
  readonly tol: number;
  /** Also stop a round when every vertex is within this of the best in every unit-cube coordinate (>= 0; default DEFAULT_XTOL). */
  readonly xtol?: number;
  /** The source of every random choice (the screening design). */
  readonly rng: () => number;
  /**
   * Known points screened beside the design (a warm start: for example the constants a previous
   * fit wrote to the defaults), each clamped into the factors' ranges. They count against the
   * budget; the design keeps its `screen` points.
   */
  readonly starts?: readonly FactorValues[];
  /** Called after each batch with the evaluations done so far and the budget (for a progress bar; the search may stop before the budget). */
  readonly onBatch?: (done: number, total: number) => void;
}

/** One evaluation: its stage, the point in the unit cube, the constants' values there, and the objective. */
export interface Evaluation {
  readonly stage: 'screen' | 'local';
  readonly point: readonly number[];
  readonly values: Readonly<FactorValues>;
  readonly objective: number;
}

export interface SearchResult {
  /** The best evaluation (the earliest among equals). */
  readonly best: { readonly point: readonly number[]; readonly values: Readonly<FactorValues>; readonly objective: number };
  /** Every evaluation, in the order evaluated. */
  readonly history: readonly Evaluation[];
  /** history.length: never more than the budget. */
  readonly evaluations: number;
  /** Why the local stage stopped: a round converged (spread < tol) without improving on its start, or the budget ran out. */
  readonly stopped: 'converged' | 'budget';
}

/** Nelder-Mead's standard coefficients: reflection, expansion, contraction, shrink (Nelder and Mead 1965; Lagarias et al. 1998). */
export const NELDER_MEAD = { reflect: 1, expand: 2, contract: 0.5, shrink: 0.5 } as const;

/** A simplex this small (0.1% of each range) has located the constants far more finely than a calibration can justify: more evaluations there are wasted. */
export const DEFAULT_XTOL = 1e-3;

function checkFactors(factors: readonly Factor[]): void {
  if (factors.length === 0) throw new RangeError('search: no factors');
  const seen = new Set<string>();
  for (const f of factors) {
    if (seen.has(f.name)) throw new RangeError(`search: factor "${f.name}" given twice`);
    seen.add(f.name);
    if (!Number.isFinite(f.min) || !Number.isFinite(f.max) || !(f.min < f.max)) {
      throw new RangeError(`search: factor "${f.name}" needs finite min < max, got [${f.min}, ${f.max}]`);
    }
    if (f.integer && (!Number.isInteger(f.min) || !Number.isInteger(f.max))) {
      throw new RangeError(`search: integer factor "${f.name}" needs whole min and max, got [${f.min}, ${f.max}]`);
    }
  }
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * A unit-cube point's values. A real factor maps linearly onto [min, max]. An integer factor
 * splits [0, 1] into max - min + 1 equal bins, one per whole value (so each value is equally likely
 * in the screening design, the ends included; rounding would give the ends half a bin each).
 */
export function toValues(point: readonly number[], factors: readonly Factor[]): FactorValues {
  if (point.length !== factors.length) throw new RangeError(`toValues: a point of ${point.length} coordinates for ${factors.length} factors`);
  const out: FactorValues = {};
  factors.forEach((f, i) => {
    const u = clamp01(point[i]);
    if (f.integer) {
      const n = f.max - f.min + 1;
      out[f.name] = f.min + Math.min(Math.floor(u * n), n - 1);
    } else {
      out[f.name] = Math.min(f.max, f.min + u * (f.max - f.min));
    }
  });
  return out;
}

/** The unit-cube point of some values (the inverse of toValues, clamped into the cube; an integer value at its bin's middle). */
export function toPoint(values: Readonly<FactorValues>, factors: readonly Factor[]): number[] {
  return factors.map((f) => {
    const v = values[f.name];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`toPoint: factor "${f.name}" needs a finite number, got ${JSON.stringify(v)}`);
    if (f.integer) {
      const n = f.max - f.min + 1;
      return clamp01((Math.round(v) - f.min + 0.5) / n);
    }
    return clamp01((v - f.min) / (f.max - f.min));
  });
}

interface Vertex {
  point: number[];
  objective: number;
}

/**
 * Latin-hypercube screening, then a bounded Nelder-Mead from the best screened point.
 *
 * Screening: `screen` points of latinHypercube(screen, k, rng), and any `starts`, one batch. Local stage: the simplex
 * is the best screened point and k vertices each `step` away along one axis (towards the cube's
 * interior when the step would leave it); the start's objective is known, so the first batch holds
 * the k new vertices only. Then the standard iteration, one point per batch: reflect the worst
 * vertex through the others' centroid; if that beats the best, try expanding (one more); if it is
 * no better than the second worst, contract (outside or inside, one more); if that fails too,
 * shrink every vertex towards the best (k points in one batch). Every trial point is clamped to
 * [0,1]^k, so the search never leaves the constants' ranges. A round ends when its simplex's
 * objectives differ by less than `tol`, or its vertices all lie within `xtol` of the best; if it ended better than it started, a new round starts
 * from its best point with a fresh simplex of edge `step` (a converged simplex can have collapsed,
 * on a face of the cube or inside one whole value of an integer constant, short of the optimum:
 * restarting is the usual remedy, O'Neill 1971, Kelley 1999). The search stops when a round
 * ends no better than it started or at an objective of 0 ('converged'), or when the next step
 * would exceed the budget.
 */
export async function search(factors: readonly Factor[], evaluate: BatchObjective, options: SearchOptions): Promise<SearchResult> {
  checkFactors(factors);
  const { screen, budget, step, tol, rng, onBatch, xtol = DEFAULT_XTOL } = options;
  const starts = (options.starts ?? []).map((v) => toPoint(v, factors));
  if (!Number.isInteger(screen) || screen < 1) throw new RangeError(`search: screen must be an integer >= 1, got ${screen}`);
  if (!Number.isInteger(budget) || budget < screen + starts.length) {
    throw new RangeError(`search: budget must be an integer >= screen + starts (${screen + starts.length}), got ${budget}`);
  }
  if (!(step > 0 && step <= 0.5)) throw new RangeError(`search: step must be in (0, 0.5], got ${step}`);
  if (!(tol >= 0)) throw new RangeError(`search: tol must be >= 0, got ${tol}`);
  if (!(xtol >= 0)) throw new RangeError(`search: xtol must be >= 0, got ${xtol}`);
  const k = factors.length;
  const history: Evaluation[] = [];

  const run = async (stage: Evaluation['stage'], points: number[][]): Promise<number[]> => {
    const values = points.map((p) => toValues(p, factors));
    const objectives = await evaluate(values.map((v) => ({ ...v })));
    if (!Array.isArray(objectives) || objectives.length !== points.length) {
      throw new RangeError(`search: the objective returned ${Array.isArray(objectives) ? objectives.length : 'no array of'} values for ${points.length} points`);
    }
    objectives.forEach((o, i) => {
      if (typeof o !== 'number' || Number.isNaN(o)) throw new RangeError(`search: the objective at ${JSON.stringify(values[i])} is ${o}, not a number`);
      history.push({ stage, point: points[i], values: values[i], objective: o });
    });
    onBatch?.(history.length, budget);
    return objectives;
  };
  const can = (n: number) => history.length + n <= budget;

  // Stage 1: screening.
  const design = [...latinHypercube(screen, k, rng), ...starts];
  const screened = await run('screen', design);
  let start = 0;
  for (let i = 1; i < design.length; i++) if (screened[i] < screened[start]) start = i;

  // Stage 2: bounded Nelder-Mead, restarted from its best point while a round improves on its start.
  const along = (from: readonly number[], to: readonly number[], t: number) => from.map((x, j) => clamp01(x + t * (to[j] - x)));
  const one = async (p: number[]): Promise<Vertex> => ({ point: p, objective: (await run('local', [p]))[0] });

  /** One Nelder-Mead round from x0 (objective f0 known): its best vertex, and whether it converged. */
  const round = async (x0: readonly number[], f0: number): Promise<{ best: Vertex; converged: boolean } | null> => {
    if (!can(k)) return null;
    const initial = Array.from({ length: k }, (_, i) => {
      const p = [...x0];
      p[i] = x0[i] + step <= 1 ? x0[i] + step : x0[i] - step;
      return p;
    });
    const fi = await run('local', initial);
    // Sorted best first; a stable sort keeps the earlier vertex first among equals.
    let simplex: Vertex[] = [{ point: [...x0], objective: f0 }, ...initial.map((point, i) => ({ point, objective: fi[i] }))];
    const order = () => simplex.sort((a, b) => a.objective - b.objective);
    order();
    for (;;) {
      const size = Math.max(...simplex.slice(1).map((v) => Math.max(...v.point.map((x, j) => Math.abs(x - simplex[0].point[j])))));
      if (simplex[k].objective - simplex[0].objective < tol || size < xtol) return { best: simplex[0], converged: true };
      if (!can(1)) break;
      const worst = simplex[k];
      const centroid = Array.from({ length: k }, (_, j) => {
        let s = 0;
        for (let i = 0; i < k; i++) s += simplex[i].point[j];
        return s / k;
      });
      // x_r = c + reflect (c - x_w): from the worst through the centroid.
      const r = await one(along(worst.point, centroid, 1 + NELDER_MEAD.reflect));
      if (r.objective < simplex[0].objective) {
        if (!can(1)) {
          simplex[k] = r;
          order();
          break;
        }
        const e = await one(along(centroid, r.point, NELDER_MEAD.expand));
        simplex[k] = e.objective < r.objective ? e : r;
      } else if (r.objective < simplex[k - 1].objective) {
        simplex[k] = r;
      } else {
        if (!can(1)) break;
        const outsideContraction = r.objective < worst.objective;
        const c = await one(along(centroid, outsideContraction ? r.point : worst.point, NELDER_MEAD.contract));
        if (outsideContraction ? c.objective <= r.objective : c.objective < worst.objective) {
          simplex[k] = c;
        } else {
          if (!can(k)) break;
          const best = simplex[0];
          const shrunk = simplex.slice(1).map((v) => along(best.point, v.point, NELDER_MEAD.shrink));
          const fs = await run('local', shrunk);
          simplex = [best, ...shrunk.map((point, i) => ({ point, objective: fs[i] }))];
        }
      }
      order();
    }
    return { best: simplex[0], converged: false };
  };

  let stopped: SearchResult['stopped'] = 'budget';
  let from: Vertex = { point: design[start], objective: screened[start] };
  for (;;) {
    const result = await round(from.point, from.objective);
    if (result === null || !result.converged) break;
    // No restart after a round that did not improve, nor from a perfect fit (a distance cannot go below 0).
    if (!(result.best.objective < from.objective) || result.best.objective <= 0) {
      stopped = 'converged';
      break;
    }
    from = result.best;
  }

  let best = history[0];
  for (const h of history) if (h.objective < best.objective) best = h;
  return { best: { point: best.point, values: best.values, objective: best.objective }, history, evaluations: history.length, stopped };
}

/** Each constant's spread among the accepted evaluations. */
export interface AcceptedRange {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export interface Accepted {
  /** Evaluations accepted: the best ceil(quantile * n), with any tied at the threshold. */
  readonly count: number;
  /** The largest objective accepted. */
  readonly threshold: number;
  readonly ranges: Readonly<Record<string, AcceptedRange>>;
}

/**
 * How well the fit determines each constant, in the manner of rejection ABC (Beaumont, Zhang and
 * Balding 2002; Hartig et al. 2011): accept the evaluations whose objective is among the best
 * `quantile` share (at least one; ties at the threshold all accepted) and report each constant's
 * min, median and max among them. A wide range means the patterns do not pin the constant down.
 * Only the screening stage samples the prior (uniform over the ranges) as ABC assumes; the local
 * stage crowds around the optimum, so with `stages` including 'local' the ranges describe the
 * near-best points found, not a posterior.
 */
export function acceptedRanges(
  history: readonly Evaluation[],
  factors: readonly Factor[],
  quantile: number,
  stages: readonly Evaluation['stage'][] = ['screen', 'local'],
): Accepted {
  if (!(quantile > 0 && quantile <= 1)) throw new RangeError(`acceptedRanges: quantile must be in (0, 1], got ${quantile}`);
  const pool = history.filter((h) => stages.includes(h.stage));
  if (pool.length === 0) throw new RangeError('acceptedRanges: no evaluations');
  const sorted = pool.map((h) => h.objective).sort((a, b) => a - b);
  const threshold = sorted[Math.max(1, Math.ceil(quantile * pool.length)) - 1];
  const accepted = pool.filter((h) => h.objective <= threshold);
  const ranges: Record<string, AcceptedRange> = {};
  for (const f of factors) {
    const xs = accepted.map((h) => h.values[f.name]);
    if (xs.some((x) => x === undefined)) throw new RangeError(`acceptedRanges: factor "${f.name}" missing from an evaluation`);
    ranges[f.name] = { min: Math.min(...xs), median: median(xs), max: Math.max(...xs) };
  }
  return { count: accepted.length, threshold, ranges };
}
