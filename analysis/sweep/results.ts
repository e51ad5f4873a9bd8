/**
 * The tidy results of a sweep, as pure functions over run records, shared by the CLI (which
 * streams them to runs.csv, runs.parquet and summary.csv) and the app (which reads those files):
 * the columns of the runs table, a run record's row, the journal's line format, CSV cells, and the
 * per-point summary (mean, median, 5th and 95th percentile of each numeric outcome).
 */
import type { ParamValue } from '../../sim/index';
import { quantile } from '../stats';
import type { DesignPlan } from './expand';
import type { OutcomeValue } from './outcomes';
import type { ResolvedFactor, ResolvedSweep } from './resolve';
import type { RunRecord } from './run';

export type ColumnType = 'int32' | 'int64' | 'double' | 'text' | 'boolean';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  /** Whether a cell may be empty (null). */
  readonly nullable: boolean;
}

export type Cell = number | string | boolean | null;

/** runs.csv and runs.parquet: run, point, replicate, seed, each factor, each outcome, hash, error. */
export function runColumns(r: ResolvedSweep): Column[] {
  return [
    { name: 'run', type: 'int32', nullable: false },
    { name: 'point', type: 'int32', nullable: false },
    { name: 'replicate', type: 'int32', nullable: false },
    { name: 'seed', type: 'int64', nullable: false },
    ...r.factors.map((f): Column => ({ name: f.name, type: factorColumnType(f), nullable: false })),
    ...r.outcomes.outcomes.map((o): Column => ({ name: o.name, type: o.type === 'text' ? 'text' : 'double', nullable: true })),
    { name: 'hash', type: 'text', nullable: true },
    { name: 'error', type: 'text', nullable: true },
  ];
}

/** A factor's column type: an integer factor (a tick, an integer parameter) as an integer, within 32 bits where its values are. */
function factorColumnType(f: ResolvedFactor): Column['type'] {
  if (f.kind === 'enum') return 'text';
  if (f.kind === 'boolean') return 'boolean';
  if (f.kind !== 'integer') return 'double';
  const values = [f.min, f.max, ...(f.levels ?? [])].filter((v): v is number => typeof v === 'number');
  return values.every((v) => Math.abs(v) < 2 ** 31) ? 'int32' : 'int64';
}

/** A run record's row, in runColumns' order. */
export function runRow(r: ResolvedSweep, plan: DesignPlan, rec: RunRecord): Cell[] {
  const values = plan.values[rec.point];
  const outs: Cell[] = rec.outcomes ? [...rec.outcomes] : r.outcomes.outcomes.map(() => null);
  return [rec.run, rec.point, rec.replicate, rec.seed, ...(values as ParamValue[]), ...outs, rec.hash, rec.error];
}

// ---- the journal --------------------------------------------------------------------------------

/** One finished run as a journal line (JSON, newline-terminated). */
export function journalLine(rec: RunRecord): string {
  return `${JSON.stringify({ run: rec.run, point: rec.point, replicate: rec.replicate, seed: rec.seed, hash: rec.hash, outcomes: rec.outcomes, error: rec.error })}\n`;
}

const isCell = (v: unknown) => v === null || typeof v === 'number' || typeof v === 'string';

/**
 * A journal line read back, checked against the sweep (its run index in range, its point,
 * replicate and seed those of that run, one value per outcome); null when it is not one.
 */
export function parseJournalLine(line: string, r: ResolvedSweep, seedOfRun: (run: number) => number): RunRecord | null {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (o === null || typeof o !== 'object') return null;
  const run = o.run;
  if (typeof run !== 'number' || !Number.isInteger(run) || run < 0 || run >= r.runs) return null;
  if (o.point !== Math.floor(run / r.replicates) || o.replicate !== run % r.replicates || o.seed !== seedOfRun(run)) return null;
  if (o.hash !== null && typeof o.hash !== 'string') return null;
  if (o.error !== null && typeof o.error !== 'string') return null;
  const outs = o.outcomes;
  if (outs !== null && (!Array.isArray(outs) || outs.length !== r.outcomes.outcomes.length || !outs.every(isCell))) return null;
  return { run, point: o.point as number, replicate: o.replicate as number, seed: o.seed as number, hash: o.hash as string | null, outcomes: outs as OutcomeValue[] | null, error: o.error as string | null };
}

// ---- CSV ----------------------------------------------------------------------------------------

/** A CSV cell: empty for null, numbers as JavaScript writes them (shortest exact form), text quoted when needed. */
export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return /[",\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}\n`;

// ---- the per-point summary ----------------------------------------------------------------------

/** summary.csv: one row per design point and numeric outcome. */
export function summaryColumns(r: ResolvedSweep): string[] {
  return ['point', ...r.factors.map((f) => f.name), 'outcome', 'runs', 'failed', 'values', 'mean', 'median', 'p05', 'p95'];
}

/**
 * Summary rows of one design point from its runs (any number: a shard holds some of them). An
 * outcome's statistics are over the runs with a value (`values`); `failed` counts runs with an
 * error; the percentiles interpolate between order statistics (R's type 7).
 */
export function pointSummary(r: ResolvedSweep, plan: DesignPlan, point: number, runs: readonly RunRecord[]): Cell[][] {
  const rows: Cell[][] = [];
  const values = plan.values[point] as ParamValue[];
  const failed = runs.filter((x) => x.error !== null).length;
  r.outcomes.outcomes.forEach((o, k) => {
    if (o.type !== 'number') return;
    const xs: number[] = [];
    for (const x of runs) {
      const v = x.outcomes?.[k];
      if (typeof v === 'number') xs.push(v);
    }
    let sum = 0;
    for (const x of xs) sum += x;
    const stat = (q: number) => (xs.length ? quantile(xs, q) : null);
    rows.push([point, ...values, o.name, runs.length, failed, xs.length, xs.length ? sum / xs.length : null, stat(0.5), stat(0.05), stat(0.95)]);
  });
  return rows;
}
