/**
 * From command-line options to an engine RunSpec: the scenario, the seed, the run length, and
 * the parameter flags and `--set` changes, all checked against the one parameter schema.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import {
  PARAM_DEFS,
  ParamError,
  allowedText,
  parseSetting,
  parseValue,
  DEFAULT_TICKS,
  parseSeed,
  validateTicks,
  type ParamDef,
  type Params,
  type RunSpec,
  type ScheduledChange,
} from '../sim/index';
import { builtInScenario, scenarioParams, type Scenario } from '../scenarios/index';
import { UsageError } from './errors';

export const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Add --scenario, --seed, --ticks, --set and one flag per model parameter. */
export function addRunOptions(cmd: Command): Command {
  cmd
    .option('--scenario <id|file>', 'built-in scenario id, or a scenario JSON file', 'default')
    .option('--seed <n>', 'run seed (integer or text)', '1')
    .option('--ticks <t>', 'days to simulate', String(DEFAULT_TICKS))
    .option(
      '--set <name=value[@tick]>',
      'set a parameter, from a tick if @tick is given (repeatable), e.g. --set deterrence=0.8@120',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    );
  cmd.optionsGroup('Model parameters (from tick 0; `r2p-sim params` describes each):');
  for (const d of PARAM_DEFS as readonly ParamDef[]) {
    cmd.addOption(new Option(`--${kebab(d.name)} <value>`, `${d.description} [${allowedText(d)}; default ${String(d.default)}]`));
  }
  cmd.optionsGroup('Options:');
  return cmd;
}

export function loadScenario(ref: string): Scenario {
  const builtIn = builtInScenario(ref);
  if (builtIn) return builtIn;
  if (!/\.json$/i.test(ref)) throw new UsageError(`--scenario: got "${ref}", expected a built-in scenario id (default) or a path to a .json file`);
  let text: string;
  try {
    text = readFileSync(ref, 'utf8');
  } catch (e) {
    throw new UsageError(`--scenario: cannot read "${ref}": ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${ref}: not valid JSON: ${(e as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || typeof (data as Scenario).id !== 'string') {
    throw new ParamError(`${ref}: id`, (data as Scenario | null)?.id, 'a scenario object with a string id');
  }
  return data as Scenario;
}

export interface ResolvedRun {
  readonly scenario: Scenario;
  readonly spec: RunSpec & { readonly params: Params; readonly schedule: readonly ScheduledChange[]; readonly ticks: number };
}

export function resolveRun(opts: Record<string, unknown>): ResolvedRun {
  const scenario = loadScenario(String(opts.scenario ?? 'default'));
  const params: Record<string, unknown> = { ...scenarioParams(scenario) };
  for (const d of PARAM_DEFS as readonly ParamDef[]) {
    const raw = opts[d.name];
    if (raw !== undefined) params[d.name] = parseValue(d, String(raw), `--${kebab(d.name)}`);
  }
  const seed = parseSeed(String(opts.seed ?? '1'), '--seed');
  const ticksText = String(opts.ticks ?? DEFAULT_TICKS);
  let ticks: number;
  try {
    ticks = validateTicks(Number(ticksText), '--ticks');
  } catch (e) {
    // Name the text that was given, not the number it parses to.
    if (e instanceof ParamError) throw new ParamError('--ticks', ticksText, e.expected);
    throw e;
  }
  const schedule = ((opts.set as string[]) ?? []).map(parseSetting);
  // A --set without @tick is a plain setting: fold it into the parameters.
  for (const c of schedule.filter((s) => s.tick === 0)) params[c.name] = c.value;
  return {
    scenario,
    spec: { params: params as Params, seed, ticks, schedule: schedule.filter((s) => s.tick > 0) },
  };
}
