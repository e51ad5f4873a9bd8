/**
 * The main model, r2p-luck-2018 (Luck 2018): its kernel, parameter schema, observables and the
 * vocabulary its summary and events use. Everything outside this folder reaches it through here.
 */
export { r2pKernel, DEFAULT_TICKS, MODEL_VERSION } from './kernel';
export { PARAM_DEFS, PARAM_BY_NAME, defaultParams, type ParamGroup, type ParamName, type Params } from './params';
export { SERIES } from './observables';
export { RISK_FACTORS } from './risk';
export { STREAM } from './streams';
export type { RunSummary } from './summary';
export { RUNGS, FRAMES, COUNCIL_MEASURES, SECRETARIAT_ACTIONS, MEDIATOR_ACTIONS, type SimEvent, type World } from './world';
