/**
 * `r2p-sim run`: one seeded run, a short summary that says what was run (scheduled changes and
 * every parameter away from the model's defaults), and a run file written whole or not at all.
 */
import { Command } from 'commander';
import { DEFAULT_MODEL, createModel, hashInputs, toRunFile } from '../../sim/index';
import { scenarioDate } from '../../scenarios/index';
import { checkOutputPath, writeTextAtomically } from '../files';
import { formatRunSummary, labelled, paramText } from '../format';
import { PROGRESS_AFTER_SECONDS, estimateRun, startProgress } from '../progress';
import { addRunOptions, modelInArgs, resolveRun, type ResolvedRun } from '../spec';

export function runCommand(args: readonly string[] = []): Command {
  const cmd = new Command('run').description('run a model once and write a run file (inputs, series, events, summary, hash)');
  addRunOptions(cmd, modelInArgs(args))
    .option('--out <file>', 'run file to write (default runs/<scenario>-seed<seed>-<inputs hash>.run.json: one name per set of inputs)')
    .option('--json', 'print the summary as JSON instead of text')
    .option('--progress', `show progress on stderr even for a short run (shown by default when a run is expected to take over ${PROGRESS_AFTER_SECONDS} s)`)
    .option('--no-progress', 'never show progress or the estimate')
    .action((opts: Record<string, unknown>) => {
      const run = resolveRun(opts);
      const { kernel, scenario, label, spec } = run;
      const out = typeof opts.out === 'string' ? opts.out : defaultOutPath(run);
      // Fail on a bad path now, not after the run.
      checkOutputPath(out);
      const model = createModel(spec);
      const unit = kernel.id === DEFAULT_MODEL ? 'day' : 'tick';
      const estimate = estimateRun(kernel.id, kernel.agentCount(model.world, model.params), spec.ticks, kernel.series.length, unit);
      const long = opts.progress === true || (opts.progress !== false && estimate.seconds > PROGRESS_AFTER_SECONDS);
      if (long) process.stderr.write(`estimate: ${estimate.text}\n`);
      const progress = long ? startProgress('run', spec.ticks, unit) : undefined;
      while (!model.done) {
        model.step();
        progress?.update(model.tick);
      }
      progress?.update(model.tick);
      progress?.stop();
      const file = toRunFile(model.result(), scenario ? { scenario: scenario.id } : {});
      writeTextAtomically(out, `${JSON.stringify(file)}\n`);
      const changed = changedParams(run);
      if (opts.json) {
        const what = { model: kernel.id, scenario: scenario?.id ?? null, seed: spec.seed, ticks: spec.ticks, schedule: spec.schedule, changedParams: changed };
        process.stdout.write(`${JSON.stringify({ ...file.summary, run: what, hash: file.hash, out }, null, 2)}\n`);
        return;
      }
      const day0 = scenario ? scenarioDate(scenario, 0) : null;
      const heading = scenario ? `scenario "${scenario.id}"${day0 ? ` (day 0 = ${day0})` : ''}, seed ${String(spec.seed)}` : `model ${kernel.id}${opts.preset ? ` (preset ${String(opts.preset)})` : ''}, seed ${String(spec.seed)}`;
      const dateOf = scenario ? (t: number) => scenarioDate(scenario, t) : undefined;
      process.stdout.write(formatRunSummary(kernel.id, file.summary, file.ticks, heading, dateOf));
      process.stdout.write(whatWasRun(run, changed));
      process.stdout.write(`${labelled('run file', out)}\n${labelled('hash', file.hash)}\n`);
    });
  return cmd;
}

/** runs/<label>-seed<seed>-<first 8 hex digits of the inputs hash>.run.json */
export function defaultOutPath(run: ResolvedRun): string {
  const { spec } = run;
  const digest = hashInputs({ model: spec.model, params: spec.params, schedule: spec.schedule, seed: spec.seed, ticks: spec.ticks }).slice(0, 8);
  const seed = String(spec.seed).replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 40);
  return `runs/${run.label}-seed${seed}-${digest}.run.json`;
}

/** The parameters of the run (at tick 0) that differ from the model's defaults, in schema order. */
function changedParams(run: ResolvedRun): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of run.kernel.params) {
    const v = run.spec.params[d.name];
    if (v !== undefined && v !== d.default) out[d.name] = v;
  }
  return out;
}

/** "changes" and "not default" lines in the summary's layout, wrapped under their label. */
function whatWasRun(run: ResolvedRun, changed: Record<string, unknown>): string {
  const lines: string[] = [];
  const wrap = (label: string, items: readonly string[]) => {
    let line = labelled(label, '');
    const indent = ' '.repeat(line.length);
    items.forEach((item, i) => {
      const piece = `${item}${i < items.length - 1 ? ',' : ''}`;
      if (line.length > indent.length && line.length + piece.length > 110) {
        lines.push(line.trimEnd());
        line = indent;
      }
      line += `${piece} `;
    });
    lines.push(line.trimEnd());
  };
  const unit = run.kernel.id === DEFAULT_MODEL ? 'day' : 'tick';
  const { schedule } = run.spec;
  const date = (t: number) => (run.scenario && unit === 'day' ? scenarioDate(run.scenario, t) : null);
  if (schedule.length) wrap('changes', schedule.map((c) => `${c.name}=${paramText(c.value)} from ${unit} ${c.tick}${date(c.tick) ? ` (${date(c.tick)})` : ''}`));
  else lines.push(labelled('changes', 'none scheduled'));
  const entries = Object.entries(changed);
  if (entries.length) wrap('not default', entries.map(([k, v]) => `${k}=${paramText(v)}`));
  else lines.push(labelled('parameters', "all at the model's defaults"));
  return `${lines.join('\n')}\n`;
}
