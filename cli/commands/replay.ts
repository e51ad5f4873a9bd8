/**
 * `r2p-sim replay FILE`: rerun a run file's inputs and check everything it claims: the results
 * hash, the results stored in it, the engine and model versions, its series and parameters.
 * Exit 0 when reproduced; 1 when not, or when the file was made by another version (unless
 * --allow-version-change); 2 when the file cannot be read or is not a run file.
 */
import { Command } from 'commander';
import { DEFAULT_MODEL, PARAM_DEFS, parseRunFile, replay, showValue, type ReplayOutcome, type RunFile } from '../../sim/index';
import { builtInScenario, scenarioParams } from '../../scenarios/index';
import { readJsonFile } from '../files';
import { dayCount } from '../format';

export function replayCommand(): Command {
  return new Command('replay')
    .description('rerun a run file from its inputs; exit 0 if it reproduces, 1 if not (or made by another version)')
    .argument('<file>', 'run file written by `r2p-sim run`')
    .option('--allow-version-change', 'accept a file made by another engine or model version when it reproduces')
    .action((path: string, opts: { allowVersionChange?: boolean }) => {
      const file = parseRunFile(readJsonFile(path), path);
      process.stdout.write(`${heading(path, file)}\n`);
      const outcome = replay(file);
      const note = scenarioNote(file);
      if (note) process.stderr.write(`note: ${note}\n`);
      const versions = outcome.issues.filter((i) => i.kind === 'version');
      for (const v of versions) process.stderr.write(`warning: ${v.message}${opts.allowVersionChange ? '' : ' (--allow-version-change accepts it)'}\n`);
      for (const i of outcome.issues.filter((x) => x.kind !== 'version')) process.stdout.write(`problem: ${i.message}\n`);
      if (outcome.ok) {
        process.stdout.write(`verified ${outcome.actual}\n`);
        if (versions.length && !opts.allowVersionChange) process.exitCode = 1;
        return;
      }
      process.stdout.write(mismatchText(outcome));
      process.exitCode = 1;
    });
}

function heading(path: string, file: RunFile<object>): string {
  const scenario = file.scenario === undefined ? '' : `, scenario "${file.scenario}"`;
  return `${path}: model ${file.model ?? '(none; read as the main model)'} (${file.engine.model})${scenario}, seed ${showValue(file.seed)}, ${dayCount(file.ticks)}`;
}

function mismatchText(o: ReplayOutcome): string {
  const lines: string[] = [];
  if (o.actual === o.expected) lines.push(`MISMATCH: the hash matches (${o.actual}) but the results stored in the file differ from the rerun's`);
  else if (o.firstDifference) lines.push(`MISMATCH: the file's hash is ${o.expected}, the rerun's is ${o.actual}`);
  else lines.push(`NOT VERIFIED: the results reproduce (${o.actual}) but the file's claims above do not hold`);
  const d = o.firstDifference;
  if (d) {
    const where = d.series ? `series "${d.series}" at tick ${d.tick}` : `tick ${d.tick}`;
    const values = 'expected' in d || 'actual' in d ? `: file has ${showValue(d.expected)}, rerun gives ${showValue(d.actual)}` : '';
    lines.push(`first difference: ${where} (${d.what})${values}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The scenario label is a claim about where the parameters came from. The rerun uses the file's
 * parameters; when the label names a built-in scenario, say which of them that scenario no longer
 * gives (flags given at run time, or a scenario changed since).
 */
function scenarioNote(file: RunFile<object>): string | undefined {
  if (file.scenario === undefined || (file.model ?? DEFAULT_MODEL) !== DEFAULT_MODEL) return undefined;
  const scenario = builtInScenario(file.scenario);
  if (!scenario) return `scenario "${file.scenario}" is not a built-in scenario (a scenario file's id?); the rerun uses the file's parameters`;
  const agents = typeof file.params.agents === 'number' ? file.params.agents : undefined;
  let mapped: Record<string, unknown>;
  try {
    mapped = scenarioParams(scenario, scenario.id, agents);
  } catch {
    return `scenario "${file.scenario}" cannot be mapped at ${String(agents)} agents today; the rerun uses the file's parameters`;
  }
  const differ = PARAM_DEFS.filter((d) => d.name !== 'agents' && file.params[d.name] !== undefined && file.params[d.name] !== mapped[d.name]);
  if (differ.length === 0) return undefined;
  const shown = differ.slice(0, 6).map((d) => `${d.name} ${showValue(file.params[d.name])} (scenario: ${showValue(mapped[d.name])})`);
  const more = differ.length > 6 ? ` and ${differ.length - 6} more` : '';
  return `${differ.length} of the file's parameters differ from what scenario "${scenario.id}" gives today (flags at run time, or the scenario changed): ${shown.join(', ')}${more}; the rerun uses the file's`;
}
