/**
 * Opening the result files `r2p-sim sweep` writes (runs.csv, runs.parquet, design.json,
 * summary.csv, manifest.json; sweep.json, scenario.json and journal.jsonl are recognised and
 * set aside) and the output of `r2p-sim sensitivity` and `r2p-sim discover` saved with --json or
 * --csv. A file is data: its text is parsed (JSON.parse, d3's csvParseRows, hyparquet), never
 * evaluated, and checked; a file that is not what it should be is refused with a message that
 * names it, says what was found and what was expected. Pure (no DOM): the tests run it in Node.
 * No `new Function` anywhere (the page's CSP allows no eval): CSV is read with csvParseRows.
 */
import { csvParseRows } from 'd3';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { DEFAULT_MODEL, MODELS, modelKernel, type ParamDef } from '../../sim/index';
import type { Cell } from '../../analysis/sweep/results';
import type { DesignFile, Discovery, OutcomeSensitivity } from '../../analysis/sweep/analyse';
import { BINARY_FIELDS, outcomeInfo, type FactorInfo, type Level, type OutcomeInfo, type RunRow, type SweepData } from './sweep-data';

/** Larger files are refused before they are read (a runs table of some 400,000 runs). */
export const MAX_RESULT_FILE_BYTES = 64 * 1024 * 1024;
/** The most rows a runs table may have here. */
export const MAX_ROWS = 2_000_000;

/** A file to read: a browser File, or anything with its name, size and bytes. */
export interface InputFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What a manifest.json says about its results. */
export interface ManifestInfo {
  readonly id: string;
  readonly status: string;
  readonly engine: string;
  readonly model: { readonly id: string; readonly version: string };
  readonly design: { readonly kind: string; readonly points: number; readonly replicates: number; readonly factors: readonly string[]; readonly outcomes: readonly string[] };
  readonly runs: { readonly total: number; readonly done: number; readonly failed: number };
  readonly shard: { readonly index: number; readonly count: number } | null;
}

/** A design.json's factor as the runner writes it (its target says what it sets). */
export interface DesignFactor {
  readonly name: string;
  readonly kind: string;
  readonly target?: { readonly kind: string; readonly param?: string };
  readonly levels?: readonly unknown[] | null;
  readonly min?: number | null;
  readonly max?: number | null;
}

/** design.json as the runner writes it (analysis/sweep/analyse.ts reads the same file). */
export type DesignJson = Omit<DesignFile, 'factors'> & { readonly factors: readonly DesignFactor[] };

export type ResultFile =
  | { readonly kind: 'runs'; readonly name: string; readonly format: 'csv' | 'parquet'; readonly columns: readonly string[]; readonly cells: Cell[][]; readonly required?: readonly string[] }
  | { readonly kind: 'design'; readonly name: string; readonly design: DesignJson }
  | { readonly kind: 'summary'; readonly name: string; readonly columns: readonly string[]; readonly rows: readonly Readonly<Record<string, string>>[] }
  | { readonly kind: 'manifest'; readonly name: string; readonly manifest: ManifestInfo }
  | { readonly kind: 'sensitivity'; readonly name: string; readonly result: readonly OutcomeSensitivity[] }
  | { readonly kind: 'discovery'; readonly name: string; readonly result: Discovery }
  | { readonly kind: 'sweep'; readonly name: string; readonly id: string; readonly title?: string; readonly question?: string }
  | { readonly kind: 'ignored'; readonly name: string; readonly what: string };

/** A file that cannot be used: its message names it, says what was found and what was expected. */
export class ResultFileError extends Error {
  constructor(
    readonly file: string,
    found: string,
    expected: string,
  ) {
    super(`${file}: ${found}; expected ${expected}`);
    this.name = 'ResultFileError';
  }
}

const WHAT_WE_READ =
  'a result file of r2p-sim sweep (runs.csv, runs.parquet, design.json, summary.csv, manifest.json) or the output of r2p-sim sensitivity or discover saved with --json or --csv';

const show = (v: unknown, max = 60): string => {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

const listed = (xs: readonly string[], max = 8): string => (xs.length > max ? `${xs.slice(0, max).join(', ')}, … (${xs.length} in all)` : xs.join(', '));

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

// ---- reading one file ---------------------------------------------------------------------------

export async function readResultFile(f: InputFile): Promise<ResultFile> {
  const name = f.name;
  if (f.size > MAX_RESULT_FILE_BYTES) {
    throw new ResultFileError(name, `${f.size.toLocaleString('en')} bytes`, `a file of at most ${MAX_RESULT_FILE_BYTES.toLocaleString('en')} bytes (a larger sweep's results are best read with DuckDB, pandas or R, or sharded)`);
  }
  if (f.size === 0) throw new ResultFileError(name, 'an empty file', WHAT_WE_READ);
  const bytes = new Uint8Array(await f.arrayBuffer());
  const magic = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length >= 12 && magic(0) === 'PAR1' && magic(bytes.length - 4) === 'PAR1') return readParquet(name, bytes);
  if (/\.parquet$/i.test(name)) throw new ResultFileError(name, 'not a Parquet file (it does not begin and end with "PAR1")', 'runs.parquet as r2p-sim sweep writes it');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ResultFileError(name, 'neither text (UTF-8) nor a Parquet file', WHAT_WE_READ);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) throw new ResultFileError(name, 'binary data, not text', WHAT_WE_READ);
  const head = text.trimStart()[0];
  if (/\.jsonl$/i.test(name) || (head === '{' && /\}\s*\n\s*\{/.test(text.slice(0, 4000)) && !/\.json$/i.test(name))) return readJsonLines(name, text);
  if (head === '{' || head === '[' || /\.json$/i.test(name)) return readJson(name, text);
  return readCsv(name, text);
}

function readJsonLines(name: string, text: string): ResultFile {
  const first = text.split('\n', 1)[0];
  let o: unknown;
  try {
    o = JSON.parse(first);
  } catch (e) {
    throw new ResultFileError(name, `a first line that is not JSON (${(e as Error).message})`, 'a sweep\'s journal.jsonl (one JSON line per run) or another result file');
  }
  if (isObj(o) && 'run' in o && 'point' in o && 'outcomes' in o) {
    return { kind: 'ignored', name, what: 'the sweep’s journal (one line per run as it finished); the results are read from runs.csv or runs.parquet' };
  }
  throw new ResultFileError(name, `JSON lines that are not a sweep's journal (first line: ${show(o)})`, 'a sweep\'s journal.jsonl, or ' + WHAT_WE_READ);
}

function readJson(name: string, text: string): ResultFile {
  let d: unknown;
  try {
    d = JSON.parse(text);
  } catch (e) {
    throw new ResultFileError(name, `not valid JSON (${(e as Error).message})`, 'JSON: ' + WHAT_WE_READ);
  }
  if (Array.isArray(d)) {
    if (d.length > 0 && d.every((x) => isObj(x) && 'outcome' in x && 'method' in x && 'factors' in x)) return { kind: 'sensitivity', name, result: checkSensitivity(name, d) };
    throw new ResultFileError(name, `a JSON list of ${d.length} item${d.length === 1 ? '' : 's'} (first: ${show(d[0])})`, 'the JSON of r2p-sim sensitivity (a list of {outcome, method, factors}), or ' + WHAT_WE_READ);
  }
  if (!isObj(d)) throw new ResultFileError(name, `the JSON value ${show(d)}`, WHAT_WE_READ);
  const fmt = typeof d.format === 'string' ? d.format : '';
  if (fmt.startsWith('r2p-sim/run@')) {
    throw new ResultFileError(name, 'a run file (one run’s inputs and results), not a sweep’s results', `${WHAT_WE_READ}; open a run file in the Run view (“Open a run file or a scenario file…”)`);
  }
  if (fmt.startsWith('r2p-sim/sweep-results@')) return { kind: 'manifest', name, manifest: checkManifest(name, d) };
  if (['grid', 'lhs', 'morris', 'sobol'].includes(d.kind as string) && 'factors' in d && 'values' in d) return { kind: 'design', name, design: checkDesign(name, d) };
  if ('trajectory' in d && 'chosen' in d) return { kind: 'discovery', name, result: checkDiscovery(name, d) };
  if (typeof d.id === 'string' && 'factors' in d && 'design' in d && 'outcomes' in d) {
    return { kind: 'sweep', name, id: d.id, ...(typeof d.title === 'string' ? { title: d.title } : {}), ...(typeof d.question === 'string' ? { question: d.question } : {}) };
  }
  if (typeof d.id === 'string' && 'features' in d) return { kind: 'ignored', name, what: `the scenario "${d.id}" the sweep ran (not needed to show its results)` };
  const keys = Object.keys(d);
  throw new ResultFileError(name, `a JSON object with the fields ${listed(keys) || '(none)'}`, 'design.json (kind, factors, values), manifest.json (format "r2p-sim/sweep-results@1"), or the JSON of r2p-sim sensitivity or discover');
}

function readCsv(name: string, text: string): ResultFile {
  // csvParseRows, not csvParse: csvParse builds its row objects with `new Function`, which the
  // page's CSP (no 'unsafe-eval') refuses.
  let all: string[][];
  try {
    all = csvParseRows(text);
  } catch (e) {
    throw new ResultFileError(name, `text that is not CSV (${(e as Error).message})`, WHAT_WE_READ);
  }
  const header = all[0] ?? [];
  const body = all.slice(1).filter((r) => !(r.length === 1 && r[0] === ''));
  const rows: Record<string, string>[] & { columns: string[] } = Object.assign(
    body.map((r) => {
      const o: Record<string, string> = {};
      header.forEach((c, j) => (o[c] = r[j] ?? ''));
      return o;
    }),
    { columns: header },
  );
  const cols = rows.columns;
  const has = (...c: string[]) => c.every((x) => cols.includes(x));
  if (cols.length < 2) throw new ResultFileError(name, `text that is not a CSV table (its first line: ${show(text.split('\n', 1)[0])})`, WHAT_WE_READ);
  if (new Set(cols).size < cols.length) throw new ResultFileError(name, `a CSV table with a repeated column (${listed(cols)})`, 'one column per name, as r2p-sim writes them');
  if (has('run', 'point', 'replicate')) {
    if (rows.length > MAX_ROWS) throw new ResultFileError(name, `${rows.length.toLocaleString('en')} rows`, `at most ${MAX_ROWS.toLocaleString('en')} runs`);
    const cells: Cell[][] = rows.map((r) => cols.map((c) => r[c] ?? ''));
    checkRunCells(name, cols, cells);
    return { kind: 'runs', name, format: 'csv', columns: cols, cells };
  }
  if (has('point', 'outcome', 'runs', 'values', 'mean', 'p05', 'p95')) return { kind: 'summary', name, columns: cols, rows };
  if (has('outcome', 'method', 'rank', 'factor', 'index', 'estimate', 'lo', 'hi')) return { kind: 'sensitivity', name, result: sensitivityFromCsv(name, rows) };
  if (has('box', 'chosen', 'coverage', 'density', 'support')) return { kind: 'discovery', name, result: discoveryFromCsv(name, cols, rows) };
  throw new ResultFileError(
    name,
    `a CSV table with the columns ${listed(cols)}`,
    'a sweep’s runs.csv (run, point, replicate, seed, the factors, the outcomes, hash, error), its summary.csv (point, the factors, outcome, runs, failed, values, mean, median, p05, p95), or the --csv of r2p-sim sensitivity or discover',
  );
}

async function readParquet(name: string, bytes: Uint8Array): Promise<ResultFile> {
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let rows: Record<string, unknown>[];
  let columns: string[];
  let required: string[];
  try {
    const meta = parquetMetadata(buf);
    const n = Number(meta.num_rows);
    if (n > MAX_ROWS) throw new ResultFileError(name, `${n.toLocaleString('en')} rows`, `at most ${MAX_ROWS.toLocaleString('en')} runs`);
    columns = meta.schema.slice(1).map((s) => s.name);
    required = meta.schema.slice(1).filter((s) => s.repetition_type === 'REQUIRED').map((s) => s.name);
    rows = await parquetReadObjects({ file: buf });
  } catch (e) {
    if (e instanceof ResultFileError) throw e;
    throw new ResultFileError(name, `a Parquet file that cannot be read (${(e as Error).message})`, 'runs.parquet as r2p-sim sweep writes it');
  }
  for (const need of ['run', 'point', 'replicate']) {
    if (!columns.includes(need)) throw new ResultFileError(name, `a Parquet table with the columns ${listed(columns)}`, `a sweep's runs.parquet, with the columns run, point, replicate, seed, the factors, the outcomes, hash and error`);
  }
  const cell = (v: unknown): Cell => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    return String(v);
  };
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  checkRunCells(name, columns, cells);
  return { kind: 'runs', name, format: 'parquet', columns, cells, required };
}

/** run, point and replicate must be whole numbers from 0 in every row. */
function checkRunCells(name: string, columns: readonly string[], cells: readonly Cell[][]): void {
  for (const c of ['run', 'point', 'replicate']) {
    const k = columns.indexOf(c);
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i][k];
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
        throw new ResultFileError(name, `row ${i + 1} has ${c} ${show(v)}`, `${c}, a whole number from 0, in every row (a sweep's runs table)`);
      }
    }
  }
}

// ---- checking the JSON files --------------------------------------------------------------------

function checkManifest(name: string, d: Record<string, unknown>): ManifestInfo {
  const sweep = d.sweep;
  const design = d.design;
  const runs = d.runs;
  const model = d.model;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!isObj(sweep) || typeof sweep.id !== 'string' || !isObj(design) || !strings(design.factors) || !strings(design.outcomes) || !isObj(runs) || !isNum(runs.total) || !isObj(model) || typeof model.id !== 'string') {
    throw new ResultFileError(name, `a manifest without ${!isObj(sweep) ? 'sweep' : !isObj(design) ? 'design' : !isObj(runs) ? 'runs' : 'its design\'s factors and outcomes'}`, 'manifest.json as r2p-sim sweep writes it (format, sweep, model, design, runs, ...)');
  }
  const shard = isObj(d.shard) && isNum(d.shard.index) && isNum(d.shard.count) ? { index: d.shard.index, count: d.shard.count } : null;
  return {
    id: sweep.id,
    status: typeof d.status === 'string' ? d.status : 'unknown',
    engine: isObj(d.engine) && typeof d.engine.version === 'string' ? `${String(d.engine.name ?? 'r2p-sim')} ${d.engine.version}` : 'unknown',
    model: { id: model.id, version: typeof model.version === 'string' ? model.version : 'unknown' },
    design: {
      kind: typeof design.kind === 'string' ? design.kind : 'unknown',
      points: isNum(design.points) ? design.points : NaN,
      replicates: isNum(design.replicates) ? design.replicates : NaN,
      factors: design.factors as string[],
      outcomes: design.outcomes as string[],
    },
    runs: { total: runs.total, done: isNum(runs.done) ? runs.done : NaN, failed: isNum(runs.failed) ? runs.failed : 0 },
    shard,
  };
}

function checkDesign(name: string, d: Record<string, unknown>): DesignJson {
  const factors = d.factors;
  if (!Array.isArray(factors) || !factors.every((f) => isObj(f) && typeof f.name === 'string')) {
    throw new ResultFileError(name, `factors ${show(factors)}`, 'design.json\'s factors: a list of {name, kind, levels or min and max}');
  }
  const values = d.values;
  if (!Array.isArray(values) || !values.every((row) => Array.isArray(row) && row.length === factors.length)) {
    throw new ResultFileError(name, `values that are not one row of ${factors.length} value${factors.length === 1 ? '' : 's'} per point`, 'design.json\'s values: each design point\'s factor values');
  }
  if (!isNum(d.replicates)) throw new ResultFileError(name, `replicates ${show(d.replicates)}`, 'design.json\'s replicates, a number');
  return d as unknown as DesignJson;
}

function checkInterval(name: string, where: string, v: unknown): void {
  if (v === undefined) return;
  if (!isObj(v) || typeof v.estimate !== 'number' || typeof v.lo !== 'number' || typeof v.hi !== 'number') {
    throw new ResultFileError(name, `${where}: ${show(v)}`, 'an interval {estimate, lo, hi}');
  }
}

function checkSensitivity(name: string, d: unknown[]): OutcomeSensitivity[] {
  d.forEach((x, i) => {
    const o = x as Record<string, unknown>;
    if (typeof o.outcome !== 'string' || (o.method !== 'morris' && o.method !== 'sobol') || !Array.isArray(o.factors)) {
      throw new ResultFileError(name, `item ${i}: ${show(x)}`, 'the JSON of r2p-sim sensitivity: {outcome, method "morris" or "sobol", factors}');
    }
    o.factors.forEach((f, j) => {
      if (!isObj(f) || typeof f.factor !== 'string') throw new ResultFileError(name, `item ${i}, factors[${j}]: ${show(f)}`, 'a factor {factor, muStar, mu, sigma} or {factor, s1, st}');
      for (const k of ['muStar', 's1', 'st']) checkInterval(name, `item ${i}, factors[${j}].${k}`, f[k]);
      if (o.method === 'morris' && f.muStar === undefined) throw new ResultFileError(name, `item ${i}, factors[${j}] without muStar`, 'Morris results: muStar {estimate, lo, hi}, mu and sigma per factor');
      if (o.method === 'sobol' && (f.s1 === undefined || f.st === undefined)) throw new ResultFileError(name, `item ${i}, factors[${j}] without s1 or st`, 'Sobol results: s1 and st {estimate, lo, hi} per factor');
    });
  });
  return d as OutcomeSensitivity[];
}

function checkDiscovery(name: string, d: Record<string, unknown>): Discovery {
  const t = d.trajectory;
  if (!Array.isArray(t) || t.length === 0 || !isNum(d.chosen) || d.chosen < 0 || d.chosen >= t.length) {
    throw new ResultFileError(name, `trajectory ${show(t)} and chosen ${show(d.chosen)}`, 'the JSON of r2p-sim discover: a trajectory of boxes and the chosen box\'s index');
  }
  t.forEach((b, i) => {
    if (!isObj(b) || !isObj(b.limits) || !isNum(b.coverage) || !isNum(b.density) || !isNum(b.support)) {
      throw new ResultFileError(name, `trajectory[${i}]: ${show(b)}`, 'a box {limits, restricted, coverage, density, support, count, interesting}');
    }
  });
  return {
    trajectory: t as Discovery['trajectory'],
    chosen: d.chosen,
    chosenBy: (d.chosenBy as Discovery['chosenBy']) ?? 'f1',
    condition: typeof d.condition === 'string' ? d.condition : '(not recorded)',
    factors: Array.isArray(d.factors) ? (d.factors as string[]) : [],
    cases: isNum(d.cases) ? d.cases : NaN,
    runs: isNum(d.runs) ? d.runs : NaN,
  };
}

function sensitivityFromCsv(name: string, rows: readonly Record<string, string>[]): OutcomeSensitivity[] {
  const by = new Map<string, { outcome: string; method: 'morris' | 'sobol'; factors: Map<string, Record<string, unknown>> }>();
  rows.forEach((r, i) => {
    const method = r.method;
    if (method !== 'morris' && method !== 'sobol') throw new ResultFileError(name, `row ${i + 1}: method ${show(method)}`, 'method "morris" or "sobol" (the --csv of r2p-sim sensitivity)');
    const est = r.estimate === '' ? NaN : Number(r.estimate);
    const lo = r.lo === '' ? NaN : Number(r.lo);
    const hi = r.hi === '' ? NaN : Number(r.hi);
    if (r.estimate !== '' && !Number.isFinite(est)) throw new ResultFileError(name, `row ${i + 1}: estimate ${show(r.estimate)}`, 'a number');
    const key = `${r.outcome}\u0000${method}`;
    let o = by.get(key);
    if (!o) by.set(key, (o = { outcome: r.outcome, method, factors: new Map() }));
    let f = o.factors.get(r.factor);
    if (!f) o.factors.set(r.factor, (f = { factor: r.factor }));
    const iv = { estimate: est, lo, hi };
    if (r.index === 'mu_star') f.muStar = iv;
    else if (r.index === 's1') f.s1 = iv;
    else if (r.index === 'st') f.st = iv;
    else if (r.index === 'mu') f.mu = est;
    else if (r.index === 'sigma') f.sigma = est;
    else throw new ResultFileError(name, `row ${i + 1}: index ${show(r.index)}`, 'an index mu_star, mu, sigma, s1 or st');
  });
  return [...by.values()].map((o) => ({ outcome: o.outcome, method: o.method, factors: [...o.factors.values()] as never, points: NaN, used: NaN }));
}

function discoveryFromCsv(name: string, cols: readonly string[], rows: readonly Record<string, string>[]): Discovery {
  const factors = cols.filter((c) => c.endsWith('_lo') && cols.includes(`${c.slice(0, -3)}_hi`)).map((c) => c.slice(0, -3));
  if (rows.length === 0) throw new ResultFileError(name, 'no boxes', 'the --csv of r2p-sim discover: one row per box of the peeling trajectory');
  let chosen = 0;
  const trajectory = rows.map((r, i) => {
    const num = (k: string) => {
      const v = Number(r[k]);
      if (r[k] === '' || !Number.isFinite(v)) throw new ResultFileError(name, `row ${i + 1}: ${k} ${show(r[k])}`, 'a number');
      return v;
    };
    if (r.chosen === 'true') chosen = i;
    const limits: Record<string, [number, number]> = {};
    for (const f of factors) if (r[`${f}_lo`] !== '' && r[`${f}_hi`] !== '') limits[f] = [Number(r[`${f}_lo`]), Number(r[`${f}_hi`])];
    return { limits, restricted: Object.keys(limits), coverage: num('coverage'), density: num('density'), support: num('support'), count: Number(r.runs), interesting: Number(r.cases) };
  });
  return { trajectory, chosen, chosenBy: 'f1', condition: '(not in the CSV: see the --json output)', factors, cases: trajectory[0].interesting, runs: trajectory[0].count };
}

// ---- putting the files of one sweep together ----------------------------------------------------

export interface Assembled {
  /** The results to show (from a runs table, or failing that a summary.csv); null when none was given. */
  readonly data: SweepData | null;
  /** The runs table as text cells, for the analyses (sensitivity, discover). */
  readonly table: { readonly columns: readonly string[]; readonly rows: readonly Readonly<Record<string, string>>[] } | null;
  readonly design: (DesignJson) | null;
  readonly manifest: ManifestInfo | null;
  readonly sweep: { readonly id: string; readonly title?: string; readonly question?: string } | null;
  readonly sensitivity: readonly { readonly file: string; readonly result: readonly OutcomeSensitivity[] }[];
  readonly discovery: readonly { readonly file: string; readonly result: Discovery }[];
  /** What was read, in words (one line per file). */
  readonly notes: readonly string[];
  /** Problems between the files (each names them); the rest is still shown. */
  readonly problems: readonly string[];
}

const FIXED = ['run', 'point', 'replicate', 'seed', 'hash', 'error'];

/** A seed cell: a whole number as a number (a sweep's seeds are), anything else as its text. */
const seedOf = (v: Cell): number | string => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : textOf(v));

const textOf = (v: Cell): string => (v === null ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));

export function assemble(files: readonly ResultFile[]): Assembled {
  const notes: string[] = [];
  const problems: string[] = [];
  const of = <K extends ResultFile['kind']>(k: K) => files.filter((f): f is Extract<ResultFile, { kind: K }> => f.kind === k);
  const first = <K extends ResultFile['kind']>(k: K, what: string): Extract<ResultFile, { kind: K }> | null => {
    const fs = of(k);
    if (fs.length > 1) problems.push(`${fs.map((f) => f.name).join(', ')}: ${fs.length} ${what} files; expected one sweep's results at a time: ${fs[0].name} is used`);
    return fs[0] ?? null;
  };
  const manifestFile = first('manifest', 'manifest');
  const designFile = first('design', 'design');
  const summaryFile = first('summary', 'summary');
  const sweepFile = first('sweep', 'sweep');
  const manifest = manifestFile?.manifest ?? null;
  const design = designFile?.design ?? null;
  for (const f of of('ignored')) notes.push(`${f.name}: ${f.what}.`);
  if (sweepFile) notes.push(`${sweepFile.name}: the sweep file "${sweepFile.id}"${sweepFile.title ? `: ${sweepFile.title}` : ''}.`);

  // The runs table: Parquet when both are given (checked against the CSV).
  const runsFiles = of('runs');
  const runs = runsFiles.find((f) => f.format === 'parquet') ?? runsFiles[0] ?? null;
  for (const other of runsFiles) {
    if (other === runs) continue;
    const hk = (f: typeof other) => f.columns.indexOf('hash');
    const same =
      other.cells.length === runs!.cells.length &&
      other.columns.join(',') === runs!.columns.join(',') &&
      (hk(other) < 0 || other.cells.every((c, i) => textOf(c[hk(other)]) === textOf(runs!.cells[i][hk(runs!)])));
    if (same) notes.push(`${other.name}: the same ${other.cells.length} runs as ${runs!.name} (the same columns and results hashes).`);
    else problems.push(`${other.name} and ${runs!.name}: different runs (${other.cells.length} and ${runs!.cells.length} rows); expected the two tables of one sweep: ${runs!.name} is shown`);
  }

  // The model, for the factors' units and the outcomes' kinds.
  let defs: readonly ParamDef[] = modelKernel(DEFAULT_MODEL).params;
  if (manifest) {
    const known = MODELS.find((m) => m.id === manifest.model.id);
    if (!known) problems.push(`${manifestFile!.name}: the model "${manifest.model.id}"; expected one of this app's models (${MODELS.map((m) => m.id).join(', ')}): factors are shown without units`);
    else {
      const k = modelKernel(known.id);
      defs = k.params;
      if (k.version !== manifest.model.version) notes.push(`${manifestFile!.name}: made by model ${manifest.model.version}; this app runs ${k.version}, so rerunning the sweep here would give other results.`);
    }
    notes.push(
      `${manifestFile!.name}: sweep "${manifest.id}", ${manifest.status}, ${manifest.design.kind} design of ${manifest.design.points} points x ${manifest.design.replicates} replicates; ${manifest.runs.done} of ${manifest.runs.total} runs done, ${manifest.runs.failed} failed${manifest.shard ? `; shard ${manifest.shard.index}/${manifest.shard.count}` : ''}; ${manifest.engine}.`,
    );
  }
  if (design) notes.push(`${designFile!.name}: a ${design.kind} design of ${design.values.length} points over ${design.factors.map((f) => f.name).join(', ')}, ${design.replicates} replicate${design.replicates === 1 ? '' : 's'} each.`);

  // The factors: from design.json, else manifest.json, else summary.csv, else guessed.
  let factorNames: string[] | null = null;
  const columns = runs?.columns ?? summaryFile?.columns ?? [];
  const inColumns = (names: readonly string[], file: string, kind: string) => {
    const missing = names.filter((n) => !columns.includes(n));
    if (missing.length && (runs || summaryFile)) {
      problems.push(`${file}: ${kind} ${missing.map((m) => `"${m}"`).join(', ')}, not ${missing.length === 1 ? 'a column' : 'columns'} of ${(runs ?? summaryFile)!.name} (${listed(columns)}); expected the files of one sweep`);
      return false;
    }
    return true;
  };
  if (design && inColumns(design.factors.map((f) => f.name), designFile!.name, 'the factors')) factorNames = design.factors.map((f) => f.name);
  else if (manifest && inColumns(manifest.design.factors, manifestFile!.name, 'the factors')) factorNames = [...manifest.design.factors];
  else if (summaryFile && (!runs || inColumns(summaryFile.columns.slice(1, summaryFile.columns.indexOf('outcome')), summaryFile.name, 'the factors'))) {
    factorNames = summaryFile.columns.slice(1, summaryFile.columns.indexOf('outcome'));
  }

  let data: SweepData | null = null;
  let table: Assembled['table'] = null;
  if (runs) {
    const k = (c: string) => runs.columns.indexOf(c);
    if (!factorNames) {
      factorNames = guessFactors(runs);
      notes.push(`${runs.name}: without design.json or manifest.json, the factors are taken to be ${factorNames.length ? factorNames.join(', ') : 'none'} (${runs.required ? 'the Parquet file\'s required columns' : 'the columns after seed that hold one value per design point'}); open design.json with it to be sure.`);
    }
    const names = factorNames;
    const fk = names.map(k);
    const outcomeCols = runs.columns.filter((c) => !FIXED.includes(c) && !names.includes(c));
    const numericCols: string[] = [];
    const skipped: string[] = [];
    for (const c of outcomeCols) {
      const j = k(c);
      const ok = runs.cells.every((r) => {
        const v = r[j];
        return v === null || v === '' || typeof v === 'number' || typeof v === 'boolean' || v === 'true' || v === 'false' || Number.isFinite(Number(v));
      });
      (ok ? numericCols : skipped).push(c);
    }
    if (skipped.length) notes.push(`${runs.name}: ${skipped.join(', ')} ${skipped.length === 1 ? 'holds' : 'hold'} text, not numbers, and ${skipped.length === 1 ? 'is' : 'are'} not drawn.`);
    const ok = numericCols.map(k);
    const num = (v: Cell): number | null => (v === null || v === '' ? null : v === true || v === 'true' ? 1 : v === false || v === 'false' ? 0 : Number.isFinite(Number(v)) ? Number(v) : null);
    const factors: FactorInfo[] = names.map((n, i) => {
      const j = fk[i];
      const vals = runs.cells.map((r) => r[j]);
      const kind: FactorInfo['kind'] = vals.every((v) => typeof v === 'boolean' || v === 'true' || v === 'false')
        ? 'boolean'
        : vals.every((v) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))))
          ? 'number'
          : 'text';
      const df = design?.factors.find((f) => f.name === n);
      const param = df?.target?.kind === 'param' ? df.target.param : df?.target?.kind === 'tick' ? undefined : n;
      const d = defs.find((x) => x.name === (df?.target?.kind === 'value' ? undefined : param));
      const levels = design?.kind === 'grid' && Array.isArray(df?.levels) ? (df!.levels as Level[]).map((l) => (kind === 'number' ? Number(l) : kind === 'boolean' ? l === true || l === 'true' : String(l))) : null;
      return { name: n, kind, unit: df?.target?.kind === 'tick' ? 'day' : (d?.unit ?? ''), description: d?.description ?? '', levels };
    });
    const levelOf = (f: FactorInfo, v: Cell): Level => (f.kind === 'number' ? Number(v) : f.kind === 'boolean' ? v === true || v === 'true' : textOf(v));
    const rows: RunRow[] = runs.cells.map((r) => ({
      run: Number(r[k('run')]),
      point: Number(r[k('point')]),
      replicate: Number(r[k('replicate')]),
      seed: k('seed') >= 0 ? seedOf(r[k('seed')]) : '',
      f: factors.map((f, i) => levelOf(f, r[fk[i]])),
      o: ok.map((j) => num(r[j])),
      hash: k('hash') >= 0 ? textOf(r[k('hash')]) || null : null,
      error: k('error') >= 0 ? textOf(r[k('error')]) || null : null,
    }));
    const outcomes: OutcomeInfo[] = numericCols.map((c, i) => {
      const j = ok[i];
      const zeroOne = runs.cells.every((r) => {
        const v = r[j];
        return v === null || v === '' || v === 0 || v === 1 || v === '0' || v === '1' || typeof v === 'boolean' || v === 'true' || v === 'false';
      });
      const booleanText = runs.cells.some((r) => typeof r[j] === 'boolean' || r[j] === 'true' || r[j] === 'false');
      return outcomeInfo(c, zeroOne && (BINARY_FIELDS.has(c) || booleanText));
    });
    const failed = rows.filter((r) => r.error).length;
    data = {
      source: runsFiles.map((f) => f.name).join(' and ') + (design ? ` with ${designFile!.name}` : ''),
      factors,
      outcomes,
      columns: runs.columns,
      rows,
      cells: runs.cells,
      total: manifest && manifest.runs.total >= rows.length ? manifest.runs.total : rows.length,
    };
    notes.unshift(`${runs.name}: ${rows.length.toLocaleString('en')} runs${failed ? ` (${failed} failed)` : ''}; factors ${names.join(', ') || 'none'}; numeric outcomes ${numericCols.join(', ') || 'none'}.`);
    table = { columns: runs.columns, rows: runs.cells.map((r) => Object.fromEntries(runs.columns.map((c, j) => [c, textOf(r[j])]))) };
  } else if (summaryFile && factorNames) {
    data = fromSummary(summaryFile, factorNames, design, defs);
    notes.unshift(`${summaryFile.name}: the per-point summary (mean, 5th and 95th percentiles); without runs.csv or runs.parquet the cells are those means, and a band is drawn only where one design point makes a cell.`);
  }
  if (summaryFile && runs) notes.push(`${summaryFile.name}: the per-point summary (the charts are computed from ${runs.name}).`);
  return {
    data,
    table,
    design,
    manifest,
    sweep: sweepFile ? { id: sweepFile.id, title: sweepFile.title, question: sweepFile.question } : null,
    sensitivity: of('sensitivity').map((f) => ({ file: f.name, result: f.result })),
    discovery: of('discovery').map((f) => ({ file: f.name, result: f.result })),
    notes,
    problems,
  };
}

/**
 * The factors of a runs table read alone (no design.json, manifest.json or summary.csv). Parquet
 * says it: the factors are its required columns (outcomes may be missing, factors never). A CSV
 * does not: the factors are taken to be the first columns after seed that hold one value per
 * design point, as many as make the design points a grid (the product of their value counts is
 * the number of points), else those that tell the points apart.
 */
function guessFactors(runs: Extract<ResultFile, { kind: 'runs' }>): string[] {
  if (runs.required) return runs.columns.filter((c) => runs.required!.includes(c) && !FIXED.includes(c));
  const start = runs.columns.indexOf('seed') + 1 || 3;
  const pk = runs.columns.indexOf('point');
  const points = new Set(runs.cells.map((r) => textOf(r[pk]))).size;
  const prefix: string[] = [];
  const tuples = runs.cells.map(() => '');
  let product = 1;
  let telling: string[] | null = null;
  for (let j = start; j < runs.columns.length; j++) {
    const c = runs.columns[j];
    if (FIXED.includes(c)) break;
    const at = new Map<string, string>();
    const constant = runs.cells.every((r) => {
      const p = textOf(r[pk]);
      const v = textOf(r[j]);
      const seen = at.get(p);
      if (seen === undefined) at.set(p, v);
      return seen === undefined || seen === v;
    });
    if (!constant) break;
    prefix.push(c);
    product *= new Set(runs.cells.map((r) => textOf(r[j]))).size;
    runs.cells.forEach((r, i) => (tuples[i] += `\u0000${textOf(r[j])}`));
    const distinct = new Set(tuples).size === points;
    if (distinct && product === points) return [...prefix];
    if (distinct && !telling) telling = [...prefix];
  }
  return telling ?? prefix;
}

/** Results from summary.csv alone: one row per design point, its outcomes' means, weights and bands. */
function fromSummary(file: Extract<ResultFile, { kind: 'summary' }>, names: readonly string[], design: Assembled['design'], defs: readonly ParamDef[]): SweepData {
  const outcomeNames = [...new Set(file.rows.map((r) => r.outcome))];
  const byPoint = new Map<string, Readonly<Record<string, string>>[]>();
  for (const r of file.rows) {
    const list = byPoint.get(r.point) ?? [];
    list.push(r);
    byPoint.set(r.point, list);
  }
  const kinds = names.map((n): FactorInfo['kind'] => (file.rows.every((r) => r[n] === 'true' || r[n] === 'false') ? 'boolean' : file.rows.every((r) => r[n] !== '' && Number.isFinite(Number(r[n]))) ? 'number' : 'text'));
  const factors: FactorInfo[] = names.map((n, i) => {
    const df = design?.factors.find((f) => f.name === n);
    const d = defs.find((x) => x.name === (df?.target?.kind === 'param' ? df.target.param : n));
    return { name: n, kind: kinds[i], unit: df?.target?.kind === 'tick' ? 'day' : (d?.unit ?? ''), description: d?.description ?? '', levels: null };
  });
  const level = (i: number, v: string): Level => (kinds[i] === 'number' ? Number(v) : kinds[i] === 'boolean' ? v === 'true' : v);
  const n = (v: string | undefined): number | null => (v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
  const rows: RunRow[] = [];
  for (const [point, list] of byPoint) {
    const by = new Map(list.map((r) => [r.outcome, r]));
    rows.push({
      run: Number(point),
      point: Number(point),
      replicate: 0,
      seed: '',
      f: names.map((name, i) => level(i, list[0][name])),
      o: outcomeNames.map((o) => n(by.get(o)?.mean)),
      w: outcomeNames.map((o) => n(by.get(o)?.values) ?? 0),
      lo: outcomeNames.map((o) => n(by.get(o)?.p05)),
      hi: outcomeNames.map((o) => n(by.get(o)?.p95)),
      hash: null,
      error: null,
    });
  }
  return {
    source: file.name,
    factors,
    outcomes: outcomeNames.map((o) => outcomeInfo(o)),
    columns: [],
    rows,
    cells: [],
    total: rows.length,
    summary: true,
  };
}
