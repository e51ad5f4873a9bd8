/** `r2p-sim run`: one seeded run, a short summary, and a run file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command } from 'commander';
import { DEFAULT_MODEL, createModel, toRunFile, type RunSummary } from '../../sim/index';
import { formatGenericSummary, formatSummary } from '../format';
import { addRunOptions, resolveRun } from '../spec';

export function runCommand(): Command {
  const cmd = new Command('run').description('run the model once and write a run file (inputs, series, events, summary, hash)');
  addRunOptions(cmd)
    .option('--out <file>', 'run file to write (default runs/<scenario>-seed<seed>.run.json)')
    .option('--json', 'print the summary as JSON instead of text')
    .action((opts: Record<string, unknown>) => {
      const { kernel, scenario, label, spec } = resolveRun(opts);
      const result = createModel(spec).run();
      const file = toRunFile(result, scenario ? { scenario: scenario.id } : {});
      const out = typeof opts.out === 'string' ? opts.out : `runs/${label}-seed${String(spec.seed)}.run.json`;
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(file)}\n`);
      if (opts.json) process.stdout.write(`${JSON.stringify({ ...file.summary, hash: file.hash, out }, null, 2)}\n`);
      else {
        const heading = scenario ? `scenario "${scenario.id}", seed ${String(spec.seed)}` : `model ${kernel.id}${opts.preset ? ` (preset ${String(opts.preset)})` : ''}, seed ${String(spec.seed)}`;
        process.stdout.write(kernel.id === DEFAULT_MODEL ? formatSummary(file.summary as RunSummary, heading) : formatGenericSummary(file.summary, heading));
        process.stdout.write(`  run file:          ${out}\n  hash:              ${file.hash}\n`);
      }
    });
  return cmd;
}
