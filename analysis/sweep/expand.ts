/**
 * From a resolved sweep to its runs: the design's points (analysis/designs.ts), each factor's
 * value at each point, and the runs, design points x replicates, each with its seed, parameters
 * and schedule. Run i is point floor(i / R), replicate i mod R (R replicates), so a point's runs
 * are consecutive. A run is computed from its index alone (taskAt), so that a sweep of millions of
 * runs is never held in memory and a shard or a resumed sweep builds exactly the same runs.
 *
 * Seed policy: `common` (default): replicate k has seed base + k at every point (common random
 * numbers: the points differ by their factors, not their draws). `independent`: each run's seed
 * is the first 48 bits of SHA-256("base|point|replicate"), an integer below 2^48.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import seedrandom from 'seedrandom';
import type { ParamValue, ScheduledChange } from '../../sim/index';
import { fullFactorial, latinHypercube, morrisTrajectories, saltelli, type MorrisTrajectory } from '../designs';
import { factorValue, type ResolvedSweep } from './resolve';

/** The design as run: its points (unit coordinates; level indices for a grid) and factor values. */
export interface DesignPlan {
  readonly kind: ResolvedSweep['design']['kind'];
  readonly factors: readonly string[];
  /** One row per point: unit-cube coordinates (lhs, morris, sobol) or level indices (grid). */
  readonly points: readonly (readonly number[])[];
  /** One row per point: each factor's value. */
  readonly values: readonly (readonly ParamValue[])[];
  /** Morris: the trajectories (which factor each step moves, by how much in unit coordinates). */
  readonly trajectories?: readonly MorrisTrajectory[];
  /** Sobol: the Saltelli layout (rows A, B, AB_1..AB_k, n each). */
  readonly saltelli?: { readonly layout: 'saltelli-2010'; readonly n: number; readonly k: number };
}

/** One run of a sweep. */
export interface SweepTask {
  readonly index: number;
  readonly point: number;
  readonly replicate: number;
  readonly seed: number;
  readonly model: string;
  readonly preset?: string;
  /** Day-0 parameters (overrides of the model's defaults, or of the preset). */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Changes from day 1 on (changes on day 0 are folded into params, as `run --set` does). */
  readonly schedule: readonly ScheduledChange[];
  readonly ticks: number;
  /** Each factor's value, by name. */
  readonly factors: Readonly<Record<string, ParamValue>>;
  /** Set when the run's inputs cannot be built (e.g. an agent count the scenario cannot be spread over). */
  readonly error?: string;
}

/** The design's random draws: Alea seeded with the design's seed (default 1). */
export function designRng(seed: number): () => number {
  return seedrandom.alea(`r2p-sim sweep design|${seed}`);
}

export function designPlan(r: ResolvedSweep): DesignPlan {
  const k = r.factors.length;
  const names = r.factors.map((f) => f.name);
  const d = r.design;
  if (d.kind === 'grid') {
    const idx = fullFactorial(r.factors.map((f) => f.levels!.length));
    return { kind: 'grid', factors: names, points: idx, values: idx.map((row) => row.map((l, i) => r.factors[i].levels![l])) };
  }
  const rng = designRng(d.seed ?? 1);
  const unit = (pts: number[][]) => pts.map((row) => row.map((u, i) => factorValue(r.factors[i], u)));
  switch (d.kind) {
    case 'lhs': {
      const pts = latinHypercube(d.samples, k, rng);
      return { kind: 'lhs', factors: names, points: pts, values: unit(pts) };
    }
    case 'morris': {
      const m = morrisTrajectories(d.trajectories, k, d.levels, rng);
      return { kind: 'morris', factors: names, points: m.points, values: unit(m.points), trajectories: m.trajectories };
    }
    case 'sobol': {
      const s = saltelli(d.samples, k, rng);
      return { kind: 'sobol', factors: names, points: s.points, values: unit(s.points), saltelli: { layout: s.layout, n: s.n, k: s.k } };
    }
  }
}

/** The seed of replicate `replicate` at design point `point`. */
export function seedOf(r: ResolvedSweep, point: number, replicate: number): number {
  const { policy, base } = r.seeds;
  if (policy === 'common') return base + replicate;
  const h = sha256(utf8ToBytes(`${base}|${point}|${replicate}`));
  let x = 0;
  for (let b = 0; b < 6; b++) x = x * 256 + h[b];
  return x;
}

/** Run `index` of the sweep. */
export function taskAt(r: ResolvedSweep, plan: DesignPlan, index: number): SweepTask {
  const point = Math.floor(index / r.replicates);
  const replicate = index - point * r.replicates;
  const seed = seedOf(r, point, replicate);
  const values = plan.values[point];
  const factors: Record<string, ParamValue> = {};
  r.factors.forEach((f, i) => (factors[f.name] = values[i]));
  const common = { index, point, replicate, seed, model: r.model.id, ...(r.preset ? { preset: r.preset } : {}), ticks: r.ticks, factors };
  let params: Record<string, ParamValue>;
  try {
    const agentsFactor = r.factors.findIndex((f) => f.target.kind === 'param' && f.target.param === 'agents');
    params = { ...r.baseParams(agentsFactor >= 0 ? (values[agentsFactor] as number) : undefined) };
  } catch (e) {
    return { ...common, params: {}, schedule: [], error: (e as Error).message };
  }
  r.factors.forEach((f, i) => {
    if (f.target.kind === 'param') params[f.target.param] = values[i];
  });
  const changes: ScheduledChange[] = r.schedule.map((c) => ({
    name: c.param,
    value: 'fixed' in c.value ? c.value.fixed : values[c.value.factor],
    tick: 'fixed' in c.tick ? c.tick.fixed : (values[c.tick.factor] as number),
  }));
  // Day-0 changes are settings (as `run --set name=value` folds them); the rest keep their order by day.
  for (const c of changes) if (c.tick === 0) params[c.name] = c.value;
  const schedule = changes.filter((c) => c.tick > 0).sort((a, b) => a.tick - b.tick);
  return { ...common, params, schedule };
}
