/**
 * The models the engine can run, by id, and the engine's entry points. The main model is
 * r2p-luck-2018; the reference models reproduce Epstein (2002) on the same engine.
 */
import { createKernelModel, type Model, type ModelOptions, type RunResult, type RunSpec } from './engine';
import type { ModelKernel } from './kernel';
import { r2pKernel } from './model';
import { civilViolence, ethnicViolence } from './models/epstein/index';
import type { Params } from './params/schema';
import { ParamError } from './params/validate';
import type { RunSummary } from './summary';
import type { World } from './world';

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
