/**
 * The public API: the CLI, scenarios, worker threads, the browser and the bench use this and
 * nothing deeper. sim/engine/ is what every model shares; sim/models/ holds each model whole and
 * the registry of models (see sim/README.md). sim/ imports nothing from Node or the DOM.
 */

// ---- the engine -------------------------------------------------------------------------------
export { createKernelModel, presetValues, type Model, type ModelOptions, type RunResult, type RunSpec } from './engine/stepping';
export type { AgentView, GridView, RegionView, ModelKernel, KernelEvent, KernelParams, SeriesDef } from './engine/kernel';
export type { ParamDef, ParamValue } from './engine/params';
export {
  ParamError,
  MAX_TICKS,
  SHOWN_CHARS,
  showValue,
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
} from './engine/validate';
export { hashResult, hashInputs, canonicalJson, type RunInputs } from './engine/hash';
export { RUN_FILE_FORMAT, type KernelLookup, type ReplayIssue, type ReplayOutcome } from './engine/runfile';
export { ENGINE } from './engine/version';
export { Streams, type DrawObserver } from './engine/streams';

// ---- the models -------------------------------------------------------------------------------
export {
  createModel,
  runModel,
  modelKernel,
  MODELS,
  DEFAULT_MODEL,
  toRunFile,
  parseRunFile,
  replay,
  firstDifference,
  type RunFile,
} from './models/index';
export type { CivilSummary, EthnicSummary } from './models/epstein/index';

// ---- the main model (r2p-luck-2018) -------------------------------------------------------------
export {
  r2pKernel,
  DEFAULT_TICKS,
  MODEL_VERSION,
  PARAM_DEFS,
  PARAM_BY_NAME,
  defaultParams,
  SERIES,
  RISK_FACTORS,
  STREAM,
  RUNGS,
  FRAMES,
  COUNCIL_MEASURES,
  SECRETARIAT_ACTIONS,
  MEDIATOR_ACTIONS,
  type ParamGroup,
  type ParamName,
  type Params,
  type RunSummary,
  type SimEvent,
} from './models/luck2018/index';
