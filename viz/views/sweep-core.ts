/**
 * The sweep view's heavy half, loaded when the view is first shown (a separate chunk: the sweep
 * file's validator, mathjs for outcome expressions, the Parquet reader and the analyses are not
 * needed to open the app on a run).
 */
import '../app/zod-jitless';

export { BrowserSweep, MAX_BROWSER_RUNS, MAX_STEPS, SWEEP_FILE, numericOutcomes, sweepFileOf, sweepText, type FactorChoice, type SweepChoice } from './sweep-build';
export { MAX_RESULT_FILE_BYTES, ResultFileError, assemble, readResultFile, type Assembled, type DesignJson, type InputFile, type ResultFile } from './sweep-files';
export { computeDiscovery, computeSensitivity, discoveryPanel, sensitivityPanel } from './sweep-analyses';
