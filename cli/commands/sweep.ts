/**
 * `r2p-sim sweep FILE --out DIR`: many seeded runs over a design of factors, from a sweep file
 * (docs/sweeps.md), on every core, with results made durable run by run (`--resume` continues a
 * sweep that was stopped, `--shard i/n` runs a fixed part of it on one node of a cluster).
 * `r2p-sim sweep schema` prints the sweep file's JSON Schema; `r2p-sim sweep check FILE`
 * validates a file and says how many runs it makes.
 */
import { Command } from 'commander';
import { sweepJsonSchema } from '../../analysis/sweep/index';
import { count } from '../format';
import { defaultJobs } from '../run-many';
import { positiveInt } from '../spec';
import { readSweepFile } from '../sweep/env';
import { parseShard, runSweep, shardSize } from '../sweep/runner';
import { UsageError } from '../errors';

export function sweepCommand(): Command {
  const cmd = new Command('sweep')
    .description('run a sweep file: factors over a design, replicates with a seed policy, outcomes to tidy files (docs/sweeps.md)')
    .argument('<file>', 'the sweep file (JSON; `r2p-sim sweep schema` prints its JSON Schema)')
    .option('--out <dir>', 'folder for the results (journal.jsonl, runs.csv, runs.parquet, summary.csv, manifest.json)')
    .option('--workers <n>', 'worker threads (default: every core)')
    .option('--resume', 'continue the sweep in --out: run only the runs its journal lacks (safe to give always)')
    .option('--shard <i/n>', 'run only the runs whose index mod n is i - 1 (one task of a job array; join with r2p-sim merge)')
    .option('--no-progress', 'no progress on stderr')
    .addHelpText(
      'after',
      '\nExamples:\n  r2p-sim sweep sweeps/tiny.json --out out/tiny\n  r2p-sim sweep sweeps/lhs.json --out out/lhs --resume            # after a stop or a crash\n  r2p-sim sweep sweeps/grid.json --out out/grid-3 --shard 3/8     # then: r2p-sim merge out/grid-* --out out/grid',
    )
    .action(async (file: string, opts: { out?: string; workers?: string; resume?: boolean; shard?: string; progress?: boolean }) => {
      if (opts.out === undefined) throw new UsageError('--out: give a folder for the results: r2p-sim sweep FILE --out DIR');
      if (opts.out.trim() === '') throw new UsageError('--out: got an empty path, expected a folder');
      const workers = opts.workers === undefined ? defaultJobs() : positiveInt(opts.workers, '--workers', 256);
      const shard = opts.shard === undefined ? null : parseShard(opts.shard);
      await runSweep(file, { out: opts.out, workers, resume: Boolean(opts.resume), shard, progress: opts.progress !== false });
    });

  cmd
    .command('schema')
    .description("print the JSON Schema for sweep files (generated from the validator's definition)")
    .action(() => {
      process.stdout.write(`${JSON.stringify(sweepJsonSchema(), null, 2)}\n`);
    });

  cmd
    .command('check <file>')
    .description('validate a sweep file against its model and say how many runs it makes')
    .option('--shard <i/n>', 'also say how many runs shard i of n holds')
    .action((file: string, opts: { shard?: string }, sub: Command) => {
      const { resolved: r, hash } = readSweepFile(file);
      // `sweep` has a --shard of its own, which commander fills first.
      const shardText = opts.shard ?? (sub.parent?.opts() as { shard?: string } | undefined)?.shard;
      const shard = shardText === undefined ? null : parseShard(shardText);
      const factors = r.factors.map((f) => `${f.name} (${f.levels ? `${f.levels.length} levels` : `${f.min}..${f.max}`}${f.target.kind === 'param' ? '' : `, a schedule ${f.target.kind}`})`);
      process.stdout.write(
        `${file}: ok (sweep "${r.sweep.id}", model ${r.model.version}${r.scenario ? `, scenario ${r.scenario.id}` : ''}, ${r.ticks} days a run)\n` +
          `  design: ${r.design.kind}, ${count(r.points, 'point')} x ${count(r.replicates, 'replicate')} = ${count(r.runs, 'run')}; seeds ${r.seeds.policy} from ${r.seeds.base}\n` +
          `  factors: ${factors.join(', ') || 'none'}\n` +
          `  outcomes: ${r.outcomes.outcomes.map((o) => o.name).join(', ')}\n` +
          (shard ? `  shard ${shard.index}/${shard.count}: ${count(shardSize(r.runs, shard), 'run')}\n` : '') +
          `  SHA-256 ${hash}\n`,
      );
    });

  for (const sub of cmd.commands) sub.exitOverride().showHelpAfterError('(add --help for usage)');
  return cmd;
}
