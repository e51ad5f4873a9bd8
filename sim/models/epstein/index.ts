/**
 * Epstein (2002) civil-violence reference models on the engine: Model I (citizens and cops,
 * `epstein-civil-violence`) and Model II (two groups and peacekeepers, `epstein-ethnic-violence`).
 */
export { civilViolence, outburstStats, roundHalfEven, roundedRatio, drawJailTerm } from './civil-violence';
export type { CivilSummary, CivilWorld, OutburstStats } from './civil-violence';
export { ethnicViolence } from './ethnic-violence';
export type { EthnicSummary, EthnicWorld } from './ethnic-violence';
export { CIVIL_PARAMS, CIVIL_PRESETS, ETHNIC_PARAMS, ETHNIC_PRESETS } from './params';
export { buildVisionTable, neighbourhoodSize, neighbourOffsets } from './grid';
export type { NeighbourhoodShape, VisionTable } from './grid';
