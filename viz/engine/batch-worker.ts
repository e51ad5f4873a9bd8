/**
 * A pool worker (workerpool): runs whole specs and answers with the summary, the results hash
 * and the series asked for. Comparisons over many seeds and browser sweeps send their runs here.
 */
import workerpool from 'workerpool';
import { hashResult, parseRunFile, replay, runModel, type ReplayOutcome, type RunSpec } from '../../sim/index';

export interface BatchAnswer {
  readonly summary: Readonly<Record<string, unknown>>;
  readonly hash: string;
  readonly series: Readonly<Record<string, Float64Array>>;
}

function run(spec: RunSpec, series: readonly string[] = []): unknown {
  const result = runModel(spec);
  const out: Record<string, Float64Array> = {};
  // A copy of each series asked for, transferred rather than cloned.
  for (const name of series) out[name] = Float64Array.from(result.series[name] ?? []);
  const answer: BatchAnswer = { summary: { ...result.summary }, hash: hashResult(result), series: out };
  return new workerpool.Transfer(answer, Object.values(out).map((a) => a.buffer));
}

/** What a run file asks for, and whether the engine here reproduces it. */
export interface ReplayAnswer {
  readonly outcome: ReplayOutcome;
  readonly inputs: {
    readonly model: string;
    readonly scenario?: string;
    readonly params: Readonly<Record<string, unknown>>;
    readonly schedule: readonly { readonly tick: number; readonly name: string; readonly value: unknown }[];
    readonly seed: number | string;
    readonly ticks: number;
    readonly engineModel: string;
  };
}

/**
 * Parse a run file's text (as data: JSON.parse, then the engine's checks, which name the field,
 * the value and what was expected) and rerun it. Throws the parse or check error.
 */
function replayText(text: string, source: string): ReplayAnswer {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not JSON (${(e as Error).message})`);
  }
  const file = parseRunFile(data, source);
  const outcome = replay(file);
  return {
    outcome,
    inputs: { model: file.model ?? 'r2p-luck-2018', scenario: file.scenario, params: file.params, schedule: file.schedule, seed: file.seed, ticks: file.ticks, engineModel: file.engine.model },
  };
}

workerpool.worker({ run, replay: replayText });
