/**
 * The engine's public API: the CLI, worker threads and the browser all use this and nothing
 * deeper. sim/ imports nothing from Node or the DOM.
 */
export { createModel, runModel, modelKernel, MODELS, DEFAULT_MODEL } from './models';
export { createKernelModel, presetValues, type Model, type ModelOptions, type RunResult, type RunSpec } from './engine';
export type { ModelKernel, KernelEvent, KernelParams } from './kernel';
export { DEFAULT_TICKS, r2pKernel } from './model';
export { PARAM_DEFS, PARAM_BY_NAME, defaultParams, type ParamDef, type ParamGroup, type ParamName, type ParamValue, type Params } from './params/schema';
export {
  ParamError,
  MAX_TICKS,
  allowedText,
  checkValue,
  lookupParam,
  defaultsOf,
  type ParamDefs,
  closestName,
  parseSetting,
  parseValue,
  resolveParams,
  validateSchedule,
  validateSeed,
  parseSeed,
  validateTicks,
  type ScheduledChange,
  type ScheduleEntry,
} from './params/validate';
export { SERIES, type SeriesDef } from './observables';
export { RISK_FACTORS } from './risk';
export { hashResult, canonicalJson } from './hash';
export { RUN_FILE_FORMAT, toRunFile, parseRunFile, replay, firstDifference, type RunFile, type ReplayOutcome } from './runfile';
export type { RunSummary } from './summary';
export { ENGINE } from './version';
export { RUNGS, FRAMES, COUNCIL_MEASURES, SECRETARIAT_ACTIONS, MEDIATOR_ACTIONS, type SimEvent } from './world';
export { STREAM, Streams, type DrawObserver } from './rng';
