/**
 * Run files: a run's inputs and results as plain JSON, with a hash of the results. `replay`
 * reruns the inputs and checks the hash; on a mismatch it names the first tick and series (or
 * event) that differ. Pure functions over a given kernel (the registry in sim/models/ picks it
 * by the file's model id): reading and writing files is the CLI's job.
 */
import { canonicalJson, hashResult } from './hash';
import type { KernelEvent, ModelKernel } from './kernel';
import { createKernelModel, type RunResult } from './stepping';
import { ParamError, defaultsOf, resolveParams, validateSchedule, validateSeed, validateTicks, type ScheduleEntry } from './validate';
import { ENGINE } from './version';

/** Finds a model's kernel by id; throws a ParamError naming `field` for an unknown id. */
export type KernelLookup = (id: string, field?: string) => ModelKernel<unknown, object>;

export const RUN_FILE_FORMAT = 'r2p-sim/run@1';

export interface RunFile<S extends object = Record<string, unknown>> {
  readonly format: typeof RUN_FILE_FORMAT;
  /** The model's id; files from before there was more than one model have none (the main model). */
  readonly model?: string;
  /** engine.model is the model's versioned name: a replay under another version is reported. */
  readonly engine: { readonly name: string; readonly version: string; readonly model: string };
  readonly scenario?: string;
  readonly params: Record<string, unknown>;
  readonly schedule: readonly { tick: number; name: string; value: unknown }[];
  readonly seed: number | string;
  readonly ticks: number;
  readonly summary: S;
  readonly series: Record<string, number[]>;
  readonly events: readonly KernelEvent[];
  readonly hash: string;
}

/** The run file of `result`, which `kernel` produced. */
export function toRunFile<S extends object>(result: RunResult<S, object>, kernel: ModelKernel<unknown, object>, meta: { scenario?: string } = {}): RunFile<S> {
  if (kernel.id !== result.model) throw new Error(`toRunFile: result of model ${result.model} given with kernel ${kernel.id}`);
  const series: Record<string, number[]> = {};
  for (const s of kernel.series) series[s.name] = Array.from(result.series[s.name]);
  return {
    format: RUN_FILE_FORMAT,
    model: kernel.id,
    engine: { ...ENGINE, model: kernel.version },
    ...(meta.scenario !== undefined ? { scenario: meta.scenario } : {}),
    params: { ...result.params },
    schedule: result.schedule.map((c) => ({ ...c })),
    seed: result.seed,
    ticks: result.ticks,
    summary: result.summary,
    series,
    events: result.events.map((e) => ({ ...e })),
    hash: hashResult(result),
  };
}

/**
 * Check that parsed JSON has the shape of a run file of a known model, with parameters and a
 * schedule that model accepts; names the file and the first field that does not hold.
 */
export function parseRunFile(data: unknown, lookup: KernelLookup, source = 'run file', defaultModel?: string): RunFile {
  const fail = (field: string, value: unknown, expected: string): never => {
    throw new ParamError(`${source}: ${field}`, value, expected);
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail('(top level)', data, 'a JSON object');
  const f = data as Record<string, unknown>;
  if (f.format !== RUN_FILE_FORMAT) fail('format', f.format, JSON.stringify(RUN_FILE_FORMAT));
  if (f.model !== undefined && typeof f.model !== 'string') fail('model', f.model, 'a model id (text)');
  const modelId = (f.model as string | undefined) ?? defaultModel;
  const kernel = modelId === undefined ? undefined : lookup(modelId, `${source}: model`);
  const engine = f.engine as Record<string, unknown> | null | undefined;
  if (engine === null || typeof engine !== 'object' || Array.isArray(engine)) fail('engine', engine, 'an object {name, version, model}');
  for (const k of ['name', 'version', 'model']) if (typeof engine![k] !== 'string') fail(`engine.${k}`, engine![k], 'text');
  if (f.scenario !== undefined && typeof f.scenario !== 'string') fail('scenario', f.scenario, 'a scenario label (text)');
  if (typeof f.params !== 'object' || f.params === null || Array.isArray(f.params)) fail('params', f.params, 'an object');
  if (!Array.isArray(f.schedule)) fail('schedule', f.schedule, 'an array');
  const seed = f.seed;
  if (typeof seed !== 'number' && typeof seed !== 'string') fail('seed', seed, 'a number or string');
  const ticks = f.ticks as number;
  if (typeof ticks !== 'number') fail('ticks', ticks, 'a number');
  if (typeof f.hash !== 'string' || !/^[0-9a-f]{64}$/.test(f.hash)) fail('hash', f.hash, 'a 64-digit hex SHA-256');
  if (typeof f.series !== 'object' || f.series === null || Array.isArray(f.series)) fail('series', f.series, 'an object of arrays');
  if (!Array.isArray(f.events)) fail('events', f.events, 'an array');
  for (const [name, col] of Object.entries(f.series as Record<string, unknown>)) {
    if (!Array.isArray(col) || col.some((v) => typeof v !== 'number')) fail(`series.${name}`, col, 'an array of numbers');
  }
  (f.events as unknown[]).forEach((e, i) => {
    const ev = e as Record<string, unknown> | null;
    if (ev === null || typeof ev !== 'object' || typeof ev.tick !== 'number' || typeof ev.actor !== 'string' || typeof ev.action !== 'string') {
      fail(`events[${i}]`, e, 'an object {tick: number, actor: string, action: string, detail?: string}');
    }
  });
  if (kernel) {
    // The inputs must be ones the model accepts, or the rerun would fail deep in the engine.
    try {
      validateSeed(seed);
      validateTicks(ticks);
      resolveParams(f.params as Record<string, unknown>, defaultsOf(kernel.params), kernel.params);
      validateSchedule(f.schedule as ScheduleEntry[], ticks, kernel.params);
    } catch (e) {
      if (e instanceof ParamError) throw new ParamError(`${source}: ${e.field}`, e.value, `${e.expected} (model ${kernel.id})`);
      throw e;
    }
  }
  return f as unknown as RunFile;
}

/** Something a run file claims that does not hold for this engine (beside the results). */
export interface ReplayIssue {
  /** `version`: made by another engine or model version (a warning); the others fail replay. */
  readonly kind: 'version' | 'series' | 'params' | 'model';
  readonly message: string;
}

export interface ReplayOutcome {
  /** The rerun reproduced the file: same hash, same stored results, and no failing issue. */
  readonly ok: boolean;
  /** The hash stored in the file and the rerun's. */
  readonly expected: string;
  readonly actual: string;
  /** Where the rerun first departs from the results stored in the file, when it does. */
  readonly firstDifference?: { readonly tick: number; readonly series?: string; readonly expected?: unknown; readonly actual?: unknown; readonly what: string };
  /** What else the file claims that does not hold, in the order checked. */
  readonly issues: readonly ReplayIssue[];
}

/** What a file claims about its inputs and layout that this engine and `kernel` do not bear out. */
export function claimIssues(file: RunFile<object>, kernel: ModelKernel<unknown, object>): ReplayIssue[] {
  const issues: ReplayIssue[] = [];
  const made = file.engine;
  if (made.name !== ENGINE.name || made.version !== ENGINE.version) {
    issues.push({ kind: 'version', message: `made by engine ${made.name} ${made.version}; this is ${ENGINE.name} ${ENGINE.version}` });
  }
  if (made.model !== kernel.version) issues.push({ kind: 'version', message: `made by model version ${made.model}; this is ${kernel.version}` });
  const own = new Set(kernel.series.map((s) => s.name));
  const extra = Object.keys(file.series).filter((n) => !own.has(n));
  const missing = kernel.series.map((s) => s.name).filter((n) => !Object.prototype.hasOwnProperty.call(file.series, n));
  if (extra.length) issues.push({ kind: 'series', message: `${plural(extra.length, 'series', 'series')} in the file that model ${kernel.id} does not record: ${listed(extra)}` });
  if (missing.length) issues.push({ kind: 'series', message: `${plural(missing.length, 'series', 'series')} of model ${kernel.id} missing from the file: ${listed(missing)}` });
  const absent = kernel.params.filter((d) => !Object.prototype.hasOwnProperty.call(file.params, d.name));
  if (absent.length) {
    issues.push({
      kind: 'params',
      message: `${plural(absent.length, 'parameter', 'parameters')} of model ${kernel.id} missing from the file (the rerun used the defaults): ${listed(absent.map((d) => `${d.name} (default ${String(d.default)})`))}`,
    });
  }
  return issues;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const listed = (names: readonly string[]) => (names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', '));

/**
 * Rerun `file` with `kernel` (the file's model) and check its hash, the results stored in it and
 * its claims (versions, series, parameters). A version change is an issue but not a failure:
 * the caller decides (the CLI exits non-zero unless told to allow it).
 */
export function replay(file: RunFile<object>, kernel: ModelKernel<unknown, object>): ReplayOutcome {
  const model = createKernelModel(kernel, { model: kernel.id, params: file.params, seed: file.seed, ticks: file.ticks, schedule: file.schedule });
  const result = model.run();
  const actual = hashResult(result);
  const issues = claimIssues(file, kernel);
  // A matching hash is not enough: the results stored in the file must be the rerun's too, or a
  // file whose series, events or summary were edited after it was written would pass as verified.
  const recorded = recordedDifference(file, result, kernel);
  const failing = issues.some((i) => i.kind !== 'version');
  if (actual === file.hash && recorded === undefined) return { ok: !failing, expected: file.hash, actual, issues };
  return {
    ok: false,
    expected: file.hash,
    actual,
    firstDifference: recorded ?? { tick: 0, what: 'the hash differs though the series, events and summary stored in the file agree with the rerun' },
    issues,
  };
}

type Difference = NonNullable<ReplayOutcome['firstDifference']>;

/** The earliest tick at which any series differs (ties broken by series order), else the first differing event. */
export function firstDifference(file: RunFile<object>, result: RunResult<object, object>, kernel: ModelKernel<unknown, object>): Difference {
  return recordedDifference(file, result, kernel) ?? { tick: 0, what: 'summary or hash differs (series and events agree)' };
}

/**
 * Where the results recorded in the file first depart from a rerun's: series (earliest tick),
 * then events, then the summary; undefined if they agree. Values are compared as JSON stores
 * them (=== : JSON writes -0 as 0).
 */
function recordedDifference(file: RunFile<object>, result: RunResult<object, object>, kernel: ModelKernel<unknown, object>): Difference | undefined {
  let best: Difference | undefined;
  for (const s of kernel.series) {
    const want = file.series[s.name];
    const got = result.series[s.name];
    if (!Array.isArray(want)) {
      if (!best) best = { tick: 0, series: s.name, what: 'the series is missing from the file' };
      continue;
    }
    const n = Math.max(want.length, got.length);
    for (let t = 0; t < n && (!best || t < best.tick); t++) {
      if (want[t] !== got[t]) {
        best = { tick: t, series: s.name, expected: want[t], actual: got[t], what: 'series value differs' };
        break;
      }
    }
  }
  if (best) return best;
  const n = Math.max(file.events.length, result.events.length);
  for (let i = 0; i < n; i++) {
    const a = file.events[i];
    const b = result.events[i];
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      return { tick: (a ?? b).tick, what: `event ${i} differs`, expected: a, actual: b };
    }
  }
  const want = (file.summary ?? {}) as unknown as Record<string, unknown>;
  const got = result.summary as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(got), ...Object.keys(want)])) {
    if (!(k in want) || canonicalJson(want[k]) !== canonicalJson(got[k])) {
      return { tick: Math.max(0, result.ticks - 1), what: `summary.${k} differs`, expected: want[k], actual: got[k] };
    }
  }
  return undefined;
}
