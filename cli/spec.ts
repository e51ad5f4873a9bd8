/**
 * From command-line options to an engine RunSpec: the scenario, the seed, the run length, and
 * the parameter flags and `--set` changes, all checked against the one parameter schema.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import {
  PARAM_BY_NAME,
  ParamError,
  MODELS,
  DEFAULT_MODEL,
  modelKernel,
  presetValues,
  type ModelKernel,
  type ParamValue,
  allowedText,
  parseSetting,
  parseValue,
  DEFAULT_TICKS,
  parseSeed,
  closestName,
  validateTicks,
  type ParamDef,
  type Params,
  type RunSpec,
  type ScheduledChange,
} from '../sim/index';
import { AFTERMATH_DAYS, BUILT_IN, builtInScenario, parseScenario, scenarioParams, scenarioTicks, type Scenario } from '../scenarios/index';
import { UsageError } from './errors';

export const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A whole number from 1 to `max` given to `flag` (--seeds, --jobs), or a ParamError naming the text. */
export function positiveInt(text: string, flag: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ParamError(flag, text, `an integer from 1 to ${max}`);
  return n;
}

/** Every parameter of every model, once per name (a flag's help names the models it belongs to). */
function allParamFlags(): { def: ParamDef; models: string[] }[] {
  const byName = new Map<string, { def: ParamDef; models: string[] }>();
  for (const k of MODELS) {
    for (const d of k.params) {
      const seen = byName.get(d.name);
      if (seen) seen.models.push(k.id);
      else byName.set(d.name, { def: d, models: [k.id] });
    }
  }
  return [...byName.values()];
}

/**
 * The model a command line asks for (`--model ID` or `--model=ID`), read before parsing so that
 * `run --help` can show that model's parameters; the main model when none is named.
 */
export function modelInArgs(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a === '--model' && i + 1 < args.length) return args[i + 1];
    if (a.startsWith('--model=')) return a.slice('--model='.length);
  }
  return DEFAULT_MODEL;
}

/**
 * Add --model, --preset, --scenario, --seed, --ticks, --set and one flag per model parameter.
 * Help lists the parameters of `shownModel` only, grouped as its schema groups them; the other
 * models' flags are accepted (and refused with their owner named) but hidden.
 */
export function addRunOptions(cmd: Command, shownModel: string = DEFAULT_MODEL): Command {
  const shown = MODELS.find((m) => m.id === shownModel) ?? modelKernel(DEFAULT_MODEL);
  cmd
    .addOption(new Option('--model <id>', 'which model to run').choices(MODELS.map((m) => m.id)).default(DEFAULT_MODEL))
    .option('--preset <name>', 'a named parameter preset of the model (e.g. mesa, netlogo for the Epstein models)')
    .option('--scenario <id|file>', `built-in scenario id, or a scenario JSON file (model ${DEFAULT_MODEL} only)`)
    .option('--seed <n>', 'run seed: an integer (7, 07 and +7 are the same seed) or a text that does not read as a number', '1')
    .option('--ticks <t>', `ticks to simulate (default: the scenario's run length, a case's period plus ${AFTERMATH_DAYS} days; ${DEFAULT_TICKS} days without one; other models' own)`)
    .option(
      '--set <name=value[@tick]>',
      'set a parameter (camelCase or kebab-case name), from a tick if @tick is given (repeatable), e.g. --set deterrence=0.8@120',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    );
  const ownNames = new Set(shown.params.map((d) => d.name));
  const groups = [...new Set(shown.params.map((d) => d.group))];
  for (const group of groups) {
    cmd.optionsGroup(`Parameters of ${shown.id}, ${group} (from tick 0; \`r2p-sim params --model ${shown.id}\` describes each):`);
    for (const d of shown.params.filter((x) => x.group === group)) {
      const unit = d.unit ? ` ${d.unit}` : '';
      cmd.addOption(new Option(`--${kebab(d.name)} <value>`, `${d.description} [${allowedText(d)}${d.kind === 'number' || d.kind === 'integer' ? unit : ''}; default ${String(d.default)}]`));
    }
  }
  for (const { def: d, models } of allParamFlags()) {
    if (ownNames.has(d.name)) continue;
    cmd.addOption(new Option(`--${kebab(d.name)} <value>`, `${d.description} (model${models.length > 1 ? 's' : ''} ${models.join(', ')})`).hideHelp());
  }
  cmd.optionsGroup('Options:');
  const others = MODELS.filter((m) => m.id !== shown.id).map((m) => m.id);
  cmd.addHelpText('after', `\nOther models' parameters: r2p-sim ${cmd.name()} --model ${others.join('|')} --help`);
  return cmd;
}

/** A built-in scenario by id, or a scenario file by path, validated; errors name the file. */
export function loadScenario(ref: string, label = '--scenario'): Scenario {
  const builtIn = builtInScenario(ref);
  if (builtIn) return builtIn;
  if (!/\.json$/i.test(ref)) {
    const ids = BUILT_IN.map((s) => s.id);
    // "rwanda" finds rwanda-1994; "rwnda-1994" finds it too.
    const containing = ids.filter((id) => id.includes(ref.toLowerCase()));
    const near = containing.length === 1 ? containing[0] : closestName(ref, ids);
    throw new UsageError(
      `${label}: got "${ref}", expected a built-in scenario id${near ? ` (did you mean "${near}"?)` : ''} or a path to a .json file; \`r2p-sim scenarios\` lists them`,
    );
  }
  let text: string;
  try {
    text = readFileSync(ref, 'utf8');
  } catch (e) {
    throw new UsageError(`${label}: cannot read "${ref}": ${(e as Error).message}`);
  }
  return parseScenario(text, ref);
}

export interface ResolvedRun {
  readonly kernel: ModelKernel<unknown, object>;
  /** The scenario (main model only). */
  readonly scenario: Scenario | null;
  /** What the run is called in file names and headings: the scenario id, or model and preset. */
  readonly label: string;
  readonly spec: RunSpec & { readonly model: string; readonly params: Record<string, ParamValue>; readonly schedule: readonly ScheduledChange[]; readonly ticks: number };
}

export function resolveRun(opts: Record<string, unknown>): ResolvedRun {
  const kernel = modelKernel(String(opts.model ?? DEFAULT_MODEL), '--model');
  const defs = kernel.params;
  const isMain = kernel.id === DEFAULT_MODEL;
  if (!isMain && opts.scenario !== undefined) {
    throw new UsageError(`--scenario: scenarios describe situations for the model ${DEFAULT_MODEL}; model ${kernel.id} takes --preset and parameter flags`);
  }
  const schedule = ((opts.set as string[]) ?? []).map((t) => parseSetting(t, defs));
  const params: Record<string, ParamValue> = {};
  let scenario: Scenario | null = null;
  if (isMain) {
    scenario = loadScenario(String(opts.scenario ?? 'default'));
    // The agent count is a resolution: a scenario's documented population is spread over it.
    // (One rule, for run and cases alike: the modelled population stays; see scenarioMapping.)
    // A scale given outright (--people-per-agent) is kept instead, and applied below.
    const agentsSet = schedule.find((c) => c.tick === 0 && c.name === 'agents')?.value;
    const agents = opts.agents !== undefined ? parseValue(PARAM_BY_NAME.get('agents')!, String(opts.agents), '--agents') : agentsSet;
    const scaleGiven = opts.peoplePerAgent !== undefined || schedule.some((c) => c.tick === 0 && c.name === 'peoplePerAgent');
    Object.assign(params, scenarioParams(scenario, scenario.id, scaleGiven ? undefined : (agents as number | undefined)));
  }
  const presetName = opts.preset === undefined ? undefined : String(opts.preset);
  if (presetName !== undefined) Object.assign(params, presetValues(kernel, presetName, '--preset'));
  for (const { def } of allParamFlags()) {
    const raw = opts[def.name];
    if (raw === undefined) continue;
    const d = defs.find((x) => x.name === def.name);
    if (!d) {
      const owners = MODELS.filter((m) => m.params.some((x) => x.name === def.name)).map((m) => m.id);
      throw new UsageError(`--${kebab(def.name)}: not a parameter of model ${kernel.id} (it belongs to ${owners.join(', ')}); \`r2p-sim params --model ${kernel.id}\` lists them`);
    }
    params[d.name] = parseValue(d, String(raw), `--${kebab(d.name)}`);
  }
  const seed = parseSeed(String(opts.seed ?? '1'), '--seed');
  // The run length: --ticks, else the scenario's own (its period plus the aftermath, or its days).
  const ticksText = String(opts.ticks ?? (scenario ? scenarioTicks(scenario) : kernel.defaultTicks));
  let ticks: number;
  try {
    ticks = validateTicks(Number(ticksText), '--ticks');
  } catch (e) {
    // Name the text that was given, not the number it parses to.
    if (e instanceof ParamError) throw new ParamError('--ticks', ticksText, e.expected);
    throw e;
  }
  // A --set without @tick is a plain setting: fold it into the parameters.
  for (const c of schedule.filter((x) => x.tick === 0)) params[c.name] = c.value;
  const label = scenario ? scenario.id : `${kernel.id}${presetName ? `-${presetName}` : ''}`;
  return {
    kernel,
    scenario,
    label,
    spec: { model: kernel.id, params, seed, ticks, schedule: schedule.filter((x) => x.tick > 0) },
  };
}
