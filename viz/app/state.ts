/**
 * The app's whole state, as the URL holds it: a shared link reproduces the run exactly (model,
 * scenario, parameters, schedule, seed, run length), and the comparison's arms. Everything else
 * (play/pause, speed, which chart is open) is view state and stays out of the URL.
 */
import type { ParamValue, ScheduleEntry } from '../../sim/index';

export type ViewName = 'run' | 'compare' | 'sweep';
export const VIEWS: readonly ViewName[] = ['run', 'compare', 'sweep'];

/** One arm of a counterfactual comparison: changes to the baseline, each from a day. */
export interface ArmState {
  readonly label: string;
  /** {tick, name, value}: from `tick` on, parameter `name` takes `value` (tick 0: from the start). */
  readonly changes: readonly ScheduleEntry[];
}

export interface AppState {
  readonly view: ViewName;
  /** A model id of the engine's registry (MODELS); DEFAULT_MODEL when absent from the URL. */
  readonly model: string;
  /** A built-in scenario id (model r2p-luck-2018 only); 'default' when absent. */
  readonly scenario: string;
  /** The seed as written (parseSeed reads it: "7", "07" and "+7" are the same seed; other text is a text seed). */
  readonly seed: string;
  /** Days to run; undefined: the scenario's run length. */
  readonly ticks?: number;
  /** Parameter values that differ from the scenario's (name -> value), applied from day 0. */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Changes during the run (the schedule), as the CLI's --set name=value@tick. */
  readonly schedule: readonly ScheduleEntry[];
  /** The comparison's arms (view compare); the baseline is the state above. */
  readonly arms: readonly ArmState[];
}

export const DEFAULT_STATE: AppState = {
  view: 'run',
  model: 'r2p-luck-2018',
  scenario: 'default',
  seed: '1',
  params: {},
  schedule: [],
  arms: [],
};
