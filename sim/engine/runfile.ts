/**
 * Run files: a run's inputs and results as plain JSON, with a hash of the results. `replay`
 * reruns the inputs and checks the hash; on a mismatch it names the first tick and series (or
 * event) that differ. Pure functions over a given kernel (the registry in sim/models/ picks it
 * by the file's model id): reading and writing files is the CLI's job.
 */
import { canonicalJson, hashResult } from './hash';
import type { KernelEvent, ModelKernel } from './kernel';
import { createKernelModel, type RunResult } from './stepping';
import { ParamError } from './validate';
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

/** Check that parsed JSON has the shape of a run file; names the first field that does not. */
export function parseRunFile(data: unknown, lookup: KernelLookup, source = 'run file'): RunFile {
  const fail = (field: string, value: unknown, expected: string): never => {
    throw new ParamError(`${source}: ${field}`, value, expected);
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail('(top level)', data, 'a JSON object');
  const f = data as Record<string, unknown>;
  if (f.format !== RUN_FILE_FORMAT) fail('format', f.format, JSON.stringify(RUN_FILE_FORMAT));
  if (f.model !== undefined) lookup(String(f.model), `${source}: model`);
  if (typeof f.params !== 'object' || f.params === null || Array.isArray(f.params)) fail('params', f.params, 'an object');
  if (!Array.isArray(f.schedule)) fail('schedule', f.schedule, 'an array');
  if (typeof f.seed !== 'number' && typeof f.seed !== 'string') fail('seed', f.seed, 'a number or string');
  if (typeof f.ticks !== 'number') fail('ticks', f.ticks, 'a number');
  if (typeof f.hash !== 'string' || !/^[0-9a-f]{64}$/.test(f.hash)) fail('hash', f.hash, 'a 64-digit hex SHA-256');
  if (typeof f.series !== 'object' || f.series === null) fail('series', f.series, 'an object of arrays');
  if (!Array.isArray(f.events)) fail('events', f.events, 'an array');
  for (const [name, col] of Object.entries(f.series as Record<string, unknown>)) {
    if (!Array.isArray(col) || col.some((v) => typeof v !== 'number')) fail(`series.${name}`, '(an array)', 'an array of numbers');
  }
  (f.events as unknown[]).forEach((e, i) => {
    const ev = e as Record<string, unknown> | null;
    if (ev === null || typeof ev !== 'object' || typeof ev.tick !== 'number' || typeof ev.actor !== 'string' || typeof ev.action !== 'string') {
      fail(`events[${i}]`, e, 'an object {tick: number, actor: string, action: string, detail?: string}');
    }
  });
  return f as unknown as RunFile;
}

export interface ReplayOutcome {
  readonly ok: boolean;
  readonly expected: string;
  readonly actual: string;
  /** Where the rerun first departs from the file, when it does. */
  readonly firstDifference?: { readonly tick: number; readonly series?: string; readonly expected?: unknown; readonly actual?: unknown; readonly what: string };
  readonly engineMismatch?: string;
}

/** Rerun `file` with `kernel` (the file's model) and check its hash and recorded results. */
export function replay(file: RunFile<object>, kernel: ModelKernel<unknown, object>): ReplayOutcome {
  const model = createKernelModel(kernel, { model: kernel.id, params: file.params, seed: file.seed, ticks: file.ticks, schedule: file.schedule });
  const result = model.run();
  const actual = hashResult(result);
  const engineMismatch =
    file.engine?.model !== kernel.version ? `file made by model ${String(file.engine?.model)}, this is ${kernel.version}` : undefined;
  // A matching hash is not enough: the results stored in the file must be the rerun's too, or a
  // file whose series, events or summary were edited after it was written would pass as verified.
  const recorded = recordedDifference(file, result, kernel);
  if (actual === file.hash && recorded === undefined) {
    return { ok: true, expected: file.hash, actual, ...(engineMismatch ? { engineMismatch } : {}) };
  }
  return {
    ok: false,
    expected: file.hash,
    actual,
    firstDifference: recorded ?? { tick: 0, what: 'hash differs (series, events and summary agree)' },
    ...(engineMismatch ? { engineMismatch } : {}),
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
      if (!best) best = { tick: 0, series: s.name, what: 'series missing from the file' };
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
