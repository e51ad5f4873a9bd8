/** A worker's task: one run of the engine, returning its summary (plain data, cheap to post). */
import { runModel, type RunSpec, type RunSummary } from '../../sim/index';

export default function summaryTask(spec: RunSpec): RunSummary {
  return runModel(spec).summary;
}
