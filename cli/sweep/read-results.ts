/**
 * A finished sweep's results folder as the analyses read it (design.json, runs.csv), for
 * `r2p-sim sensitivity` and `r2p-sim discover`; what the analysis refuses becomes a usage error
 * (one line, exit 2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SweepAnalysisError, parseDesign, parseRuns, type DesignFile, type RunsTable } from '../../analysis/sweep/analyse';
import { UsageError } from '../errors';

/** Run an analysis step; its refusals (SweepAnalysisError) are usage errors. */
export function analysing<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof SweepAnalysisError) throw new UsageError(e.message);
    throw e;
  }
}

/** A sweep's results folder, read: its design and its runs table; a missing file is a usage error. */
export function readResults(dir: string): { design: DesignFile; runs: RunsTable } {
  const read = (f: string) => {
    try {
      return readFileSync(join(dir, f), 'utf8');
    } catch {
      throw new UsageError(`${join(dir, f)}: cannot read it; expected the results folder of a finished r2p-sim sweep`);
    }
  };
  return analysing(() => ({ design: parseDesign(read('design.json'), join(dir, 'design.json')), runs: parseRuns(read('runs.csv'), join(dir, 'runs.csv')) }));
}
