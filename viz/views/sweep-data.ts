/**
 * A sweep's results as the sweep view shows them, whatever they came from (a sweep run here, or
 * the CLI's runs.csv / runs.parquet): the factors, the numeric outcomes and one row per finished
 * run, kept with the runs table's columns and cells so that they can be saved again as the CLI's
 * runs.csv. And what the charts draw from them: an outcome over two factors, per cell the mean
 * (a share for a 0/1 outcome: P) with a 90% band, the other factors averaged over or held at a
 * level. Pure (no DOM): the tests run it in Node.
 */
import { quantile, wilson } from '../../analysis/stats';
import { csvLine, type Cell } from '../../analysis/sweep/results';

export type Level = number | string | boolean;

export interface FactorInfo {
  /** The column's name (the factor's name in the sweep file). */
  readonly name: string;
  readonly kind: 'number' | 'text' | 'boolean';
  /** Its unit, from the model's parameter definition ('' when unknown). */
  readonly unit: string;
  /** The parameter's description, for a hint ('' when unknown). */
  readonly description: string;
  /** The levels a grid gives it, in the sweep's order; null: the values found in the runs. */
  readonly levels: readonly Level[] | null;
}

export interface OutcomeInfo {
  readonly name: string;
  /** Words for it ("people killed"). */
  readonly label: string;
  readonly unit: string;
  /** A 0/1 outcome (a true/false summary field): shown as P, the share of runs where it is 1. */
  readonly binary: boolean;
}

export interface RunRow {
  readonly run: number;
  readonly point: number;
  readonly replicate: number;
  readonly seed: number | string;
  /** Each factor's value, in `factors` order. */
  readonly f: readonly Level[];
  /** Each numeric outcome's value, in `outcomes` order (null: no value). */
  readonly o: readonly (number | null)[];
  readonly hash: string | null;
  readonly error: string | null;
  /** Results read from a summary.csv alone: a row is a design point, `o` its means, `w` the runs behind each, `lo`/`hi` its 5th and 95th percentiles. */
  readonly w?: readonly number[];
  readonly lo?: readonly (number | null)[];
  readonly hi?: readonly (number | null)[];
}

export interface SweepData {
  /** Where the results come from, in words. */
  readonly source: string;
  readonly factors: readonly FactorInfo[];
  readonly outcomes: readonly OutcomeInfo[];
  /** The runs table's columns, as the CLI writes them (run, point, replicate, seed, factors, outcomes, hash, error). */
  readonly columns: readonly string[];
  /** Finished runs (any order) and their cells in `columns` order. */
  readonly rows: RunRow[];
  readonly cells: Cell[][];
  /** Runs the sweep has in all (a sweep still running or cancelled has fewer rows). */
  readonly total: number;
  /** The rows are design points from a summary.csv (no runs table was given). */
  readonly summary?: boolean;
}

// ---- words and units ----------------------------------------------------------------------------

/** The main model's summary fields in words, with their units. */
const OUTCOME_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  ticks: ['days run', 'days'],
  agents: ['agents', 'agents'],
  targetedAgents: ['agents of the targeted group', 'agents'],
  deaths: ['agents killed', 'agents'],
  deathsPeople: ['people killed', 'people'],
  deathShare: ['share of the targeted group killed', 'share'],
  forceDeathShare: ['share of the killing by the organised force', 'share'],
  peakPerpetrators: ['perpetrators at the peak', 'agents'],
  peakPerpetratorsTick: ['day of the perpetrators’ peak', 'day'],
  peakParticipationShare: ['share taking part at the peak', 'share'],
  displaced: ['agents displaced', 'agents'],
  displacedPeople: ['people displaced', 'people'],
  firstKillingTick: ['first day of killing', 'day'],
  lastKillingTick: ['last day of killing', 'day'],
  killingDays: ['days from first to last killing', 'days'],
  protected: ['agents under protection', 'agents'],
  massAtrocity: ['mass atrocity', '0/1'],
  onsetTick: ['day the mass atrocity began', 'day'],
  flaggedTick: ['day the threshold was crossed', 'day'],
  firstArticle99Tick: ['first day of an Article 99 letter', 'day'],
  firstCouncilMeasureTick: ['first day of a Council measure', 'day'],
  vetoes: ['vetoes', 'vetoes'],
  assemblySteps: ['General Assembly steps', 'steps'],
  inquiryOpenedTick: ['day an inquiry opened', 'day'],
  daysSpokenHighRisk: ['days spoken at high risk', 'days'],
  daysSilentHighRisk: ['days silent at high risk', 'days'],
  finalLegitimacy: ['UN legitimacy at the end', 'index'],
  settlementSigned: ['settlement signed', '0/1'],
  venuesFallen: ['bases and safe areas fallen', 'venues'],
  // The Epstein models.
  citizens: ['citizens', 'citizens'],
  peakActive: ['active at the peak', 'agents'],
  peakActiveTick: ['tick of the peak', 'tick'],
  outbursts: ['outbursts', 'outbursts'],
  outburstTicks: ['ticks in outbursts', 'ticks'],
  totalArrests: ['arrests', 'arrests'],
  killsByA: ['killed by group A', 'agents'],
  killsByB: ['killed by group B', 'agents'],
  eliminationTick: ['tick one group was gone', 'tick'],
};

/** Summary fields that hold true/false (0/1 in the results). */
export const BINARY_FIELDS: ReadonlySet<string> = new Set(['massAtrocity', 'settlementSigned']);

export function outcomeInfo(name: string, binary = BINARY_FIELDS.has(name)): OutcomeInfo {
  const known = OUTCOME_WORDS[name];
  const unit = known?.[1] ?? (/Tick$/.test(name) ? 'day' : /Share$/.test(name) ? 'share' : /People$/.test(name) ? 'people' : '');
  return { name, label: known?.[0] ?? name, unit, binary };
}

/** The words of an axis for an outcome: "P(mass atrocity)" or "mean people killed (people)". */
export function outcomeAxis(o: OutcomeInfo): string {
  return o.binary ? `P(${o.label}), the share of runs` : `mean ${o.label}${o.unit ? ` (${o.unit})` : ''}`;
}

export const factorLabel = (f: FactorInfo): string => (f.unit ? `${f.name} (${f.unit})` : f.name);

// ---- numbers ------------------------------------------------------------------------------------

const fmt3 = (v: number): string => {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return v.toLocaleString('en');
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : String(Number(v.toPrecision(3)));
};

export const levelText = (v: Level): string => (typeof v === 'number' ? fmt3(v) : String(v));

// ---- axes ---------------------------------------------------------------------------------------

/** More distinct values than this (a sampled design): the factor is cut into BINS equal bins. */
export const MAX_LEVELS = 12;
export const BINS = 6;

export interface Axis {
  readonly factor: number;
  /** Tick words, one per level or bin. */
  readonly labels: readonly string[];
  /** The levels (a grid's, or the values found); empty when binned. */
  readonly levels: readonly Level[];
  /** Where each level sits on a numeric axis (bin centres when binned); null for text and true/false. */
  readonly positions: readonly number[] | null;
  /** Bin edges (BINS + 1) when the values were cut into bins. */
  readonly edges: readonly number[] | null;
  /** The level (or bin) index of a value; -1 when it is none of them. */
  index(v: Level): number;
}

const sortLevels = (vs: Level[]): Level[] =>
  vs.every((v) => typeof v === 'number') ? (vs as number[]).sort((a, b) => a - b) : vs.every((v) => typeof v === 'boolean') ? [false, true].filter((b) => vs.includes(b)) : vs;

/** The levels of factor `i` (declared, else found in the rows), or bins when there are too many. */
export function axisOf(data: SweepData, i: number): Axis {
  const f = data.factors[i];
  let levels: Level[];
  if (f.levels) levels = sortLevels([...f.levels]);
  else {
    const seen = new Set<Level>();
    for (const r of data.rows) seen.add(r.f[i]);
    levels = sortLevels([...seen]);
  }
  const numeric = levels.length > 0 && levels.every((v) => typeof v === 'number');
  if (!f.levels && numeric && levels.length > MAX_LEVELS) {
    const xs = levels as number[];
    const lo = xs[0];
    const hi = xs[xs.length - 1];
    const w = (hi - lo) / BINS;
    const edges = Array.from({ length: BINS + 1 }, (_, k) => (k === BINS ? hi : lo + k * w));
    return {
      factor: i,
      labels: edges.slice(0, -1).map((e, k) => `${fmt3(e)}–${fmt3(edges[k + 1])}`),
      levels: [],
      positions: edges.slice(0, -1).map((e, k) => (e + edges[k + 1]) / 2),
      edges,
      index: (v) => (typeof v === 'number' && v >= lo && v <= hi ? Math.min(BINS - 1, Math.floor((v - lo) / (w || 1))) : -1),
    };
  }
  const at = new Map<Level, number>(levels.map((v, k) => [v, k]));
  return {
    factor: i,
    labels: levels.map(levelText),
    levels,
    positions: numeric ? (levels as number[]) : null,
    edges: null,
    index: (v) => at.get(v) ?? -1,
  };
}

// ---- the grid of cells --------------------------------------------------------------------------

export interface Selection {
  /** Factor on the x axis (the lines' x) and on the y axis (one line per level); y null: one factor. */
  readonly x: number;
  readonly y: number | null;
  readonly outcome: number;
  /** Per factor: the level it is held at, or null to average over it (x and y are ignored here). */
  readonly hold: readonly (Level | null)[];
}

export interface CellGrid {
  readonly x: Axis;
  readonly y: Axis | null;
  readonly outcome: OutcomeInfo;
  /** [yi][xi]: the mean (P for a 0/1 outcome); NaN where no run has a value yet. */
  readonly mean: number[][];
  /** [yi][xi]: runs with a value. */
  readonly n: number[][];
  /** [yi][xi]: the 90% band: the 5th and 95th percentiles of the runs (type 7), or for a 0/1 outcome the Wilson 90% interval of P. */
  readonly lo: number[][];
  readonly hi: number[][];
  /** What the band is: percentiles of the runs, a Wilson interval of P, or a summary.csv's percentiles. */
  readonly band: 'percentiles' | 'wilson' | 'summary';
  /** Runs that count (the held factors at their levels), of which failed, and with no value for the outcome. */
  readonly runs: number;
  readonly failed: number;
  readonly missing: number;
}

/** z for a two-sided 90% interval. */
const Z90 = 1.6448536269514722;

export function cellGrid(data: SweepData, sel: Selection): CellGrid {
  const x = axisOf(data, sel.x);
  const y = sel.y === null ? null : axisOf(data, sel.y);
  const nx = x.labels.length;
  const ny = y ? y.labels.length : 1;
  const empty = <T>(): T[][][] => Array.from({ length: ny }, () => Array.from({ length: nx }, () => []));
  const values = empty<number>();
  /** Summary rows: the rows of each cell (a point's mean, weight and band). */
  const points = empty<{ v: number; w: number; lo: number | null; hi: number | null }>();
  const outcome = data.outcomes[sel.outcome];
  let runs = 0;
  let failed = 0;
  let missing = 0;
  rows: for (const r of data.rows) {
    for (let j = 0; j < data.factors.length; j++) {
      if (j === sel.x || j === sel.y) continue;
      const h = sel.hold[j];
      if (h !== null && h !== undefined && r.f[j] !== h) continue rows;
    }
    const xi = x.index(r.f[sel.x]);
    const yi = y ? y.index(r.f[sel.y!]) : 0;
    if (xi < 0 || yi < 0) continue;
    const v = r.o[sel.outcome];
    if (data.summary) {
      const w = r.w?.[sel.outcome] ?? 0;
      runs += w;
      if (v !== null && Number.isFinite(v) && w > 0) points[yi][xi].push({ v, w, lo: r.lo?.[sel.outcome] ?? null, hi: r.hi?.[sel.outcome] ?? null });
      continue;
    }
    runs++;
    if (r.error) {
      failed++;
      continue;
    }
    if (v === null || !Number.isFinite(v)) {
      missing++;
      continue;
    }
    values[yi][xi].push(v);
  }
  const grid = (f: (vs: number[]) => number) => values.map((row) => row.map((vs) => (vs.length ? f(vs) : NaN)));
  if (data.summary) {
    const over = <T>(f: (ps: { v: number; w: number; lo: number | null; hi: number | null }[]) => T) => points.map((row) => row.map(f));
    const n = over((ps) => ps.reduce((s, p) => s + p.w, 0));
    const mean = over((ps) => (ps.length ? ps.reduce((s, p) => s + p.v * p.w, 0) / ps.reduce((s, p) => s + p.w, 0) : NaN));
    const band = (k: 'lo' | 'hi') => over((ps) => (ps.length === 1 && ps[0][k] !== null ? (ps[0][k] as number) : NaN));
    return { x, y, outcome, mean, n, lo: band('lo'), hi: band('hi'), band: 'summary', runs, failed, missing };
  }
  const mean = grid((vs) => vs.reduce((s, v) => s + v, 0) / vs.length);
  let lo: number[][];
  let hi: number[][];
  if (outcome.binary) {
    const iv = values.map((row) => row.map((vs) => (vs.length ? wilson(vs.filter((v) => v !== 0).length, vs.length, Z90) : [NaN, NaN])));
    lo = iv.map((row) => row.map((p) => p[0]));
    hi = iv.map((row) => row.map((p) => p[1]));
  } else {
    lo = grid((vs) => quantile(vs, 0.05));
    hi = grid((vs) => quantile(vs, 0.95));
  }
  return { x, y, outcome, mean, n: values.map((row) => row.map((vs) => vs.length)), lo, hi, band: outcome.binary ? 'wilson' : 'percentiles', runs, failed, missing };
}

/** The band's words for a legend. */
export function bandText(g: CellGrid): string {
  if (g.band === 'wilson') return '90% interval of P (Wilson)';
  if (g.band === 'summary') return '5th to 95th percentile of the runs (summary.csv; only where one design point makes the cell)';
  return '90% of the runs (5th to 95th percentile)';
}

// ---- saving -------------------------------------------------------------------------------------

/** The runs as the CLI's runs.csv: its columns, one row per finished run in run order. */
export function runsCsv(data: SweepData): string {
  const order = data.rows.map((r, k) => [r.run, k] as const).sort((a, b) => a[0] - b[0]);
  return csvLine([...data.columns]) + order.map(([, k]) => csvLine(data.cells[k])).join('');
}
