/**
 * Analyses of a finished sweep's results (its design.json and runs.csv), shared by the CLI
 * (`r2p-sim sensitivity`, `r2p-sim discover`) and the app: global sensitivity (Morris or Sobol,
 * on the design the sweep ran) and scenario discovery (PRIM boxes where an outcome condition
 * holds). Browser safe: it takes the files' text, not paths.
 */
import { csvParse } from 'd3';
import seedrandom from 'seedrandom';
import type { MorrisTrajectory } from '../designs';
import { prim, type PrimResult } from '../prim';
import { morrisIndices, sobolIndices, type BootstrapInterval } from '../sensitivity';
import { checkExpression, compileOutcomes, type FieldKind } from './outcomes';

/** design.json as the sweep runner writes it (cli/sweep/outputs.ts). */
export interface DesignFile {
  readonly kind: 'grid' | 'lhs' | 'morris' | 'sobol';
  readonly factors: readonly { readonly name: string; readonly kind: string; readonly min?: number; readonly max?: number; readonly levels?: readonly unknown[] }[];
  readonly replicates: number;
  readonly values: readonly (readonly unknown[])[];
  readonly trajectories?: readonly MorrisTrajectory[];
  readonly saltelli?: { readonly layout: 'saltelli-2010'; readonly n: number; readonly k: number };
}

/** runs.csv, parsed: one record per run, cells as text ('' for a missing value). */
export interface RunsTable {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, string>>[];
}

export class SweepAnalysisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepAnalysisError';
  }
}

export function parseDesign(text: string, file = 'design.json'): DesignFile {
  let d: DesignFile;
  try {
    d = JSON.parse(text) as DesignFile;
  } catch (e) {
    throw new SweepAnalysisError(`${file}: not JSON (${(e as Error).message})`);
  }
  if (!d || !['grid', 'lhs', 'morris', 'sobol'].includes(d.kind) || !Array.isArray(d.factors) || !Array.isArray(d.values)) {
    throw new SweepAnalysisError(`${file}: not a sweep's design (expected kind, factors and values, as r2p-sim sweep writes them)`);
  }
  return d;
}

export function parseRuns(text: string, file = 'runs.csv'): RunsTable {
  const rows = csvParse(text);
  for (const need of ['run', 'point', 'replicate']) {
    if (!rows.columns.includes(need)) throw new SweepAnalysisError(`${file}: no "${need}" column (is this a sweep's runs.csv?)`);
  }
  return { columns: rows.columns, rows };
}

/** The outcome columns of a runs table: every column after the factors and before hash/error. */
export function outcomeColumns(design: DesignFile, runs: RunsTable): string[] {
  const fixed = new Set(['run', 'point', 'replicate', 'seed', 'hash', 'error', ...design.factors.map((f) => f.name)]);
  return runs.columns.filter((c) => !fixed.has(c));
}

/** An outcome's mean over each design point's replicates (runs with no value left out; NaN where none has one). */
export function pointMeans(design: DesignFile, runs: RunsTable, outcome: string): number[] {
  if (!runs.columns.includes(outcome)) throw new SweepAnalysisError(`no outcome "${outcome}" in runs.csv; it has ${outcomeColumns(design, runs).join(', ')}`);
  const sum = new Float64Array(design.values.length);
  const count = new Float64Array(design.values.length);
  for (const r of runs.rows) {
    const p = Number(r.point);
    const cell = r[outcome];
    if (cell === '' || cell === undefined || r.error) continue;
    const v = cell === 'true' ? 1 : cell === 'false' ? 0 : Number(cell);
    if (!Number.isFinite(v) || !(p >= 0 && p < sum.length)) continue;
    sum[p] += v;
    count[p]++;
  }
  return Array.from(sum, (s, i) => (count[i] > 0 ? s / count[i] : NaN));
}

export interface FactorInfluence {
  readonly factor: string;
  /** Morris: mu* (with interval), mu and sigma. Sobol: first-order and total indices (with intervals). */
  readonly muStar?: BootstrapInterval;
  readonly mu?: number;
  readonly sigma?: number;
  readonly s1?: BootstrapInterval;
  readonly st?: BootstrapInterval;
}

export interface OutcomeSensitivity {
  readonly outcome: string;
  readonly method: 'morris' | 'sobol';
  /** Factors ranked by influence: mu* (Morris) or the total index (Sobol), largest first. */
  readonly factors: readonly FactorInfluence[];
  /** Design points with a value (the rest had no run with a value for this outcome). */
  readonly points: number;
  readonly used: number;
}

/**
 * Global sensitivity of each outcome to the sweep's factors, on the design the sweep ran: Morris
 * elementary effects for a morris sweep, Sobol indices for a sobol sweep (each point's value is the
 * mean over its replicates). A grid or a Latin hypercube has no such estimator: refused, with why.
 */
export function sensitivity(design: DesignFile, runs: RunsTable, opts: { outcomes?: readonly string[]; resamples?: number; seed?: string } = {}): OutcomeSensitivity[] {
  if (design.kind !== 'morris' && design.kind !== 'sobol') {
    throw new SweepAnalysisError(`sensitivity needs a sweep with a morris or sobol design (elementary effects or Saltelli sampling); this one is "${design.kind}"`);
  }
  const names = opts.outcomes?.length ? [...opts.outcomes] : outcomeColumns(design, runs).filter((c) => runs.rows.some((r) => r[c] !== '' && Number.isFinite(Number(r[c]))));
  return names.map((outcome) => {
    const y = pointMeans(design, runs, outcome);
    const rng = seedrandom.alea(`${opts.seed ?? 'sensitivity'}|${outcome}`);
    const finite = y.filter(Number.isFinite).length;
    if (design.kind === 'morris') {
      const ranges = design.factors.map((f): [number, number] => [f.min ?? 0, f.max ?? 1]);
      const m = morrisIndices({ trajectories: design.trajectories ?? [] }, y, { ranges, rng, resamples: opts.resamples });
      const factors = m.factors.map((f) => ({ factor: design.factors[f.factor].name, muStar: f.muStar, mu: f.mu, sigma: f.sigma }));
      factors.sort((a, b) => (b.muStar.estimate || 0) - (a.muStar.estimate || 0));
      return { outcome, method: 'morris' as const, factors, points: y.length, used: finite };
    }
    if (!design.saltelli) throw new SweepAnalysisError('design.json: a sobol design without its Saltelli layout');
    const s = sobolIndices(design.saltelli, y, { rng, resamples: opts.resamples });
    const factors = design.factors.map((f, i) => ({ factor: f.name, s1: s.s1[i], st: s.st[i] }));
    factors.sort((a, b) => (b.st.estimate || 0) - (a.st.estimate || 0));
    return { outcome, method: 'sobol' as const, factors, points: y.length, used: s.used };
  });
}

export interface Discovery extends PrimResult {
  readonly condition: string;
  readonly factors: readonly string[];
  /** Runs with the condition true, of the runs used (runs with an error are left out). */
  readonly cases: number;
  readonly runs: number;
}

/**
 * Scenario discovery: PRIM (Friedman and Fisher 1999, as in EMA Workbench) over the runs' factor
 * values, for the runs where `condition` holds. The condition is a mathjs expression over a run's
 * columns (its factors and outcomes, e.g. `massAtrocity == 1` or `deathsPeople > 10000`), checked
 * against them and evaluated by the same limited parser as a sweep's outcomes, never `eval`.
 * Factors of text (enum) are given as their level's index.
 */
export function discover(design: DesignFile, runs: RunsTable, condition: string, opts: { alpha?: number; minSupport?: number; threshold?: number } = {}): Discovery {
  const fields = new Map<string, FieldKind>(runs.columns.filter((c) => c !== 'hash' && c !== 'error').map((c) => [c, 'number']));
  const problem = checkExpression(condition, { summaryFields: fields, series: [], params: [], figures: [], population: false });
  if (problem) throw new SweepAnalysisError(`--outcome ${JSON.stringify(condition)}: expected ${problem}`);
  const evaluator = compileOutcomes({ outcomes: [{ name: 'condition', kind: 'expr', expr: condition, type: 'number' }], series: [] });
  const factorNames = design.factors.map((f) => f.name);
  const x: number[][] = [];
  const y: boolean[] = [];
  for (const r of runs.rows) {
    if (r.error) continue;
    const summary: Record<string, unknown> = {};
    for (const c of fields.keys()) {
      const cell = r[c];
      summary[c] = cell === '' ? null : cell === 'true' ? true : cell === 'false' ? false : Number.isFinite(Number(cell)) ? Number(cell) : cell;
    }
    const [v] = evaluator.evaluate({ summary, params: {}, series: {}, figures: {} } as never);
    x.push(
      design.factors.map((f) => {
        const cell = r[f.name];
        const n = Number(cell);
        if (Number.isFinite(n) && cell !== '') return n;
        const level = (f.levels ?? []).map(String).indexOf(cell);
        if (level < 0) throw new SweepAnalysisError(`runs.csv: factor ${f.name} has the value ${JSON.stringify(cell)}, not a number or one of its levels`);
        return level;
      }),
    );
    y.push(typeof v === 'number' && v !== 0);
  }
  if (x.length === 0) throw new SweepAnalysisError('runs.csv: no run without an error to analyse');
  const result = prim(x, y, { names: factorNames, ...opts });
  return { ...result, condition, factors: factorNames, cases: y.filter(Boolean).length, runs: y.length };
}
