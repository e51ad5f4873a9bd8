/**
 * The registry: every model the engine can run, by id, and the engine's entry points bound to
 * it (create or run a model by id; run files and replay that find the file's model). The main
 * model is r2p-luck-2018; the reference models reproduce Epstein (2002) on the same engine.
 * A new model is one folder here plus one line in MODELS.
 */
import type { ModelKernel } from '../engine/kernel';
import {
  firstDifference as firstDifferenceWith,
  parseRunFile as parseRunFileWith,
  replay as replayWith,
  toRunFile as toRunFileWith,
  type ReplayOutcome,
  type RunFile as AnyRunFile,
} from '../engine/runfile';
import { createKernelModel, type Model, type ModelOptions, type RunResult, type RunSpec } from '../engine/stepping';
import { ParamError } from '../engine/validate';
import { civilViolence, ethnicViolence } from './epstein/index';
import { r2pKernel, type Params, type RunSummary, type World } from './luck2018/index';

export const DEFAULT_MODEL = r2pKernel.id;

/** Every model, main model first. */
export const MODELS: readonly ModelKernel<any, any>[] = [r2pKernel, civilViolence, ethnicViolence];

export function modelKernel(id: string, field = 'model'): ModelKernel<unknown, Record<string, unknown>> {
  const k = MODELS.find((m) => m.id === id);
  if (!k) throw new ParamError(field, id, `one of ${MODELS.map((m) => JSON.stringify(m.id)).join(', ')}`);
  return k as ModelKernel<unknown, Record<string, unknown>>;
}

type MainSpec = RunSpec & { readonly model?: typeof r2pKernel.id };

/** A model ready to step: the main model unless `spec.model` names another. */
export function createModel(spec: MainSpec, options?: ModelOptions): Model<RunSummary, World, Params>;
export function createModel(spec: RunSpec, options?: ModelOptions): Model;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createModel(spec: RunSpec, options?: ModelOptions): Model<any, any, any> {
  const id = spec !== null && typeof spec === 'object' && spec.model !== undefined ? spec.model : DEFAULT_MODEL;
  return createKernelModel(modelKernel(String(id)), spec, options);
}

/** Run a spec to the end: the one-call form of createModel(spec).run(). */
export function runModel(spec: MainSpec, options?: ModelOptions): RunResult<RunSummary, Params>;
export function runModel(spec: RunSpec, options?: ModelOptions): RunResult;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function runModel(spec: RunSpec, options?: ModelOptions): RunResult<any, any> {
  return createModel(spec, options).run();
}

/** A run file; its summary is the main model's unless said otherwise. */
export type RunFile<S extends object = RunSummary> = AnyRunFile<S>;

/** The run file of a result, made by the result's own model. */
export function toRunFile<S extends object>(result: RunResult<S, object>, meta: { scenario?: string } = {}): RunFile<S> {
  return toRunFileWith(result, modelKernel(result.model), meta);
}

/** Check that parsed JSON is a run file of a known model (files without one are the main model's). */
export function parseRunFile(data: unknown, source = 'run file'): RunFile {
  return parseRunFileWith(data, modelKernel, source, DEFAULT_MODEL) as unknown as RunFile;
}

/**
 * Rerun a run file with its model and check it. When the file's series are not its model's, the
 * model whose series they are is named (a file whose `model` field was changed or dropped).
 */
export function replay(file: RunFile<object>): ReplayOutcome {
  const kernel = modelKernel(file.model ?? DEFAULT_MODEL);
  const outcome = replayWith(file, kernel);
  const names = Object.keys(file.series).sort().join(',');
  const fits = (k: ModelKernel<any, any>) => k.series.map((s) => s.name).sort().join(',') === names;
  const owner = fits(kernel) ? undefined : MODELS.find(fits);
  if (!owner) return outcome;
  const claimed = file.model === undefined ? `has no model field (read as ${kernel.id})` : `says model ${kernel.id}`;
  return { ...outcome, ok: false, issues: [{ kind: 'model', message: `the file ${claimed}, but its series are those of model ${owner.id}` }, ...outcome.issues] };
}

/** Where a result first departs from a run file (series, then events, then summary). */
export function firstDifference(file: RunFile<object>, result: RunResult<object, object>): ReturnType<typeof firstDifferenceWith> {
  return firstDifferenceWith(file, result, modelKernel(result.model));
}
