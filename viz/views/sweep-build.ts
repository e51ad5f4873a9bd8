/**
 * A sweep defined in the page is a sweep file: two factors on a grid over the app's baseline (its
 * model, scenario, parameters, schedule and run length), replicates seeded by the CLI's policy,
 * and the run summary's numeric fields as outcomes. It is resolved and expanded by analysis/sweep,
 * exactly as `r2p-sim sweep` resolves and expands it (resolveSweep, designPlan, taskAt, seedOf), so
 * the runs here are the CLI's runs for the same file: the same points, seeds, parameters and
 * results hashes, and runs.csv saved from here is the CLI's runs.csv byte for byte. No DOM.
 */
import { DEFAULT_MODEL, modelKernel, type ParamDef, type ParamValue, type RunSpec } from '../../sim/index';
import { FEATURE_DEFS, scenarioParams, scenarioTicks } from '../../scenarios/index';
import { scenarioById } from '../app/scenarios';
import {
  compileOutcomes,
  designPlan,
  documentedFigures,
  resolveSweep,
  runColumns,
  runRow,
  summaryFields,
  taskAt,
  validateSweepShape,
  type DesignPlan,
  type OutcomeEvaluator,
  type ResolvedSweep,
  type RunRecord,
  type SweepEnv,
  type SweepTask,
} from '../../analysis/sweep/index';
import type { AppState } from '../app/state';
import { outcomeInfo, type FactorInfo, type Level, type OutcomeInfo, type SweepData } from './sweep-data';

/** The most runs a sweep in the page may have (the CLI takes millions). */
export const MAX_BROWSER_RUNS = 20_000;
/** The most values a factor may take here (a heatmap of more is unreadable). */
export const MAX_STEPS = 25;
/** The name the sweep file has in messages and downloads. */
export const SWEEP_FILE = 'sweep.json';

/** One factor as the form gives it. */
export interface FactorChoice {
  readonly param: string;
  /** Numbers and integers: evenly spaced values from `from` to `to` (a grid's min, max and steps). */
  readonly from?: number;
  readonly to?: number;
  readonly steps?: number;
  /** Enums and booleans: the values. */
  readonly levels?: readonly (string | boolean)[];
}

export interface SweepChoice {
  /** One or two factors (the first on the x axis). */
  readonly factors: readonly FactorChoice[];
  readonly replicates: number;
  readonly seeds: { readonly policy: 'common' | 'independent'; readonly base: number };
  /** The outcome shown first (it leads the sweep file's outcomes). */
  readonly outcome?: string;
}

/** Summary fields that can be null or hold text although the probe run shows null (left out of the outcomes). */
const TEXT_OR_NULL = new Set(['survivor']);

/** The run summary's numeric fields (numbers, true/false as 1/0, numbers that may be missing), in the summary's order. */
export function numericOutcomes(model: string): OutcomeInfo[] {
  const out: OutcomeInfo[] = [];
  for (const [name, kind] of summaryFields(modelKernel(model))) {
    if (kind === 'number' || kind === 'boolean' || (kind === 'nullable' && !TEXT_OR_NULL.has(name))) out.push(outcomeInfo(name, kind === 'boolean'));
  }
  return out;
}

/** Scenarios for a sweep in the page (built in, or opened from a file), mapped as `run` and the CLI's sweep map them (cli/sweep/env.ts scenarioInfo, which reads files and so cannot be shared). */
export const browserEnv: SweepEnv = {
  scenario(ref) {
    const s = scenarioById(ref);
    if (!s) throw new Error(`"${ref}" is not a scenario the app knows (built in, or opened from a file in this page)`);
    return { id: s.id, params: (agents?: number) => ({ ...scenarioParams(s, s.id, agents) }), ticks: scenarioTicks(s), figures: documentedFigures(s.features, FEATURE_DEFS) };
  },
};

const slug = (text: string): string =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '') || 'sweep';

const valueText = (v: unknown): string => String(v);

/**
 * The sweep file for `choice` over the app's baseline `state`: its model and scenario, its run
 * length when set, its parameters (day-0 changes folded in, as the run view does; the factors'
 * own parameters left to the factors) and its changes during the run.
 */
export function sweepFileOf(state: AppState, choice: SweepChoice): Record<string, unknown> {
  const isMain = state.model === DEFAULT_MODEL;
  const varied = new Set(choice.factors.map((f) => f.param));
  const params: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(state.params)) params[k] = v;
  for (const c of state.schedule) if (c.tick === 0) params[c.name] = c.value as ParamValue;
  for (const k of varied) delete params[k];
  const sorted: Record<string, ParamValue> = {};
  for (const k of Object.keys(params).sort()) sorted[k] = params[k];
  const schedule = state.schedule
    .filter((c) => c.tick > 0)
    .slice()
    .sort((a, b) => a.tick - b.tick || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c) => `${c.name}=${valueText(c.value)}@${c.tick}`);
  const names = choice.factors.map((f) => f.param);
  const outcomes = numericOutcomes(state.model).map((o) => o.name);
  if (choice.outcome && outcomes.includes(choice.outcome)) {
    outcomes.splice(outcomes.indexOf(choice.outcome), 1);
    outcomes.unshift(choice.outcome);
  }
  const base = isMain ? state.scenario : state.model;
  return {
    id: slug(`${base}-${names.join('-by-')}`),
    title: `${names.join(' by ')}${isMain ? ` (scenario ${state.scenario})` : ''}, defined in the app`,
    model: state.model,
    ...(isMain ? { scenario: state.scenario } : {}),
    ...(state.ticks !== undefined ? { ticks: state.ticks } : {}),
    ...(Object.keys(sorted).length ? { params: sorted } : {}),
    ...(schedule.length ? { schedule } : {}),
    factors: choice.factors.map((f) =>
      f.levels !== undefined ? { param: f.param, levels: [...f.levels] } : { param: f.param, min: f.from, max: f.to, steps: f.steps },
    ),
    design: { kind: 'grid' },
    replicates: choice.replicates,
    seeds: { policy: choice.seeds.policy, base: choice.seeds.base },
    outcomes,
  };
}

/** The sweep file as saved (and as the CLI reads it). */
export const sweepText = (file: Record<string, unknown>): string => `${JSON.stringify(file, null, 2)}\n`;

/** A sweep ready to run in the page: resolved and expanded as the CLI does. */
export class BrowserSweep {
  readonly resolved: ResolvedSweep;
  readonly plan: DesignPlan;
  readonly text: string;
  private readonly evaluator: OutcomeEvaluator;
  private readonly figures: Readonly<Record<string, number | string>>;
  private readonly numeric: readonly number[];

  /** Throws SweepError (the file, the path, the value and what was expected) when the file cannot run. */
  constructor(readonly file: Record<string, unknown>) {
    this.text = sweepText(file);
    // Through JSON, as the CLI reads the file's text.
    const data: unknown = JSON.parse(this.text);
    this.resolved = resolveSweep(validateSweepShape(data, SWEEP_FILE), SWEEP_FILE, browserEnv);
    if (this.resolved.runs > MAX_BROWSER_RUNS) {
      throw new Error(`${this.resolved.points.toLocaleString('en')} points x ${this.resolved.replicates} replicates is ${this.resolved.runs.toLocaleString('en')} runs; the app runs at most ${MAX_BROWSER_RUNS.toLocaleString('en')} (save the sweep file and run it with r2p-sim sweep)`);
    }
    this.plan = designPlan(this.resolved);
    this.evaluator = compileOutcomes(this.resolved.outcomes);
    this.figures = this.resolved.scenario?.figures ?? {};
    this.numeric = this.resolved.outcomes.outcomes.flatMap((o, k) => (o.type === 'number' ? [k] : []));
  }

  get runs(): number {
    return this.resolved.runs;
  }

  task(index: number): SweepTask {
    return taskAt(this.resolved, this.plan, index);
  }

  /** The engine's inputs for a task (what the CLI's worker runs). */
  static spec(task: SweepTask): RunSpec {
    return { model: task.model, ...(task.preset ? { preset: task.preset } : {}), params: task.params, schedule: task.schedule, seed: task.seed, ticks: task.ticks };
  }

  /** A finished run's record, its outcomes evaluated as the CLI's worker evaluates them (runSweepJob). */
  record(task: SweepTask, answer: { readonly summary: Readonly<Record<string, unknown>>; readonly hash: string; readonly series: Readonly<Record<string, ArrayLike<number>>> }): RunRecord {
    const id = { run: task.index, point: task.point, replicate: task.replicate, seed: task.seed };
    try {
      const values = this.evaluator.evaluate({ summary: answer.summary, params: task.params, series: answer.series, figures: this.figures });
      return { ...id, hash: answer.hash, outcomes: values, error: null };
    } catch (e) {
      return { ...id, hash: answer.hash, outcomes: null, error: clip((e instanceof Error ? e.message : String(e)).split('\n')[0]) };
    }
  }

  /** A run that could not be built or that the engine refused. */
  failed(task: SweepTask, message: string): RunRecord {
    return { run: task.index, point: task.point, replicate: task.replicate, seed: task.seed, hash: null, outcomes: null, error: clip(message.split('\n')[0]) };
  }

  /** The results so far, empty: rows are added with add(). */
  data(source: string): SweepData {
    const defs = this.resolved.kernel.params;
    const factors: FactorInfo[] = this.resolved.factors.map((f) => {
      const d: ParamDef | undefined = f.target.kind === 'param' ? defs.find((x) => x.name === (f.target as { param: string }).param) : undefined;
      return {
        name: f.name,
        kind: f.kind === 'enum' ? 'text' : f.kind === 'boolean' ? 'boolean' : 'number',
        unit: f.target.kind === 'tick' ? 'day' : (d?.unit ?? ''),
        description: d?.description ?? '',
        levels: f.levels as Level[] | null,
      };
    });
    const kinds = summaryFields(this.resolved.kernel);
    const outcomes = this.numeric.map((k) => {
      const name = this.resolved.outcomes.outcomes[k].name;
      return outcomeInfo(name, kinds.get(name) === 'boolean');
    });
    return { source, factors, outcomes, columns: runColumns(this.resolved).map((c) => c.name), rows: [], cells: [], total: this.resolved.runs };
  }

  /** Add a finished run to `data`. */
  add(data: SweepData, rec: RunRecord): void {
    const values = this.plan.values[rec.point] as Level[];
    data.rows.push({
      run: rec.run,
      point: rec.point,
      replicate: rec.replicate,
      seed: rec.seed,
      f: values,
      o: this.numeric.map((k) => {
        const v = rec.outcomes?.[k];
        return typeof v === 'number' ? v : null;
      }),
      hash: rec.hash,
      error: rec.error,
    });
    data.cells.push(runRow(this.resolved, this.plan, rec));
  }
}

const clip = (s: string): string => (s.length > 500 ? `${s.slice(0, 500)}...` : s);
