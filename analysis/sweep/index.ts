/**
 * Sweeps: many seeded runs over a design of factors, from a sweep file (docs/sweeps.md). Browser
 * safe (no Node): the CLI (`r2p-sim sweep`, `merge`) and the app share the format, the expansion
 * into runs, the outcomes and the tidy results defined here.
 */
export { SweepError, type SweepIssue } from './errors';
export { parseSweepText, validateSweepShape } from './load';
export {
  DESIGN_KINDS,
  MAX_RUNS,
  SEED_POLICIES,
  SERIES_STATS,
  SWEEP_SCHEMA,
  sweepJsonSchema,
  type DesignSpec,
  type FactorSpec,
  type OutcomeSpec,
  type SweepFile,
} from './schema';
export {
  FIXED_COLUMNS,
  factorValue,
  levelCount,
  loadSweep,
  resolveSweep,
  resolveSweepData,
  summaryFields,
  type FactorTarget,
  type ResolvedFactor,
  type ResolvedSweep,
  type ScenarioInfo,
  type ScheduleTemplate,
  type SweepEnv,
} from './resolve';
export { documentedFigures, type FigureDef } from './figures';
export { designPlan, designRng, seedOf, taskAt, type DesignPlan, type SweepTask } from './expand';
export {
  FUNCTIONS,
  checkExpression,
  compileOutcomes,
  outcomeName,
  planOutcomes,
  type OutcomeContext,
  type OutcomeEvaluator,
  type OutcomePlan,
  type OutcomeSet,
  type OutcomeValue,
  type RunValues,
} from './outcomes';
export { evaluatorOf, runSweepJob, type RunRecord, type SweepJob } from './run';
export { csvCell, csvLine, journalLine, parseJournalLine, pointSummary, runColumns, runRow, summaryColumns, type Cell, type Column, type ColumnType } from './results';
