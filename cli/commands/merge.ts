/**
 * `r2p-sim merge DIR... --out DIR`: join the shards of one sweep (`sweep --shard i/n`, each in its
 * own folder) into the results of the whole, the same files a single machine would write.
 */
import { Command } from 'commander';
import { UsageError } from '../errors';
import { mergeSweeps } from '../sweep/merge';

export function mergeCommand(): Command {
  return new Command('merge')
    .description("join the output folders of a sweep's shards into the results of the whole sweep")
    .argument('<dir...>', 'the shards\' output folders')
    .option('--out <dir>', 'a new folder for the merged results')
    .addHelpText('after', '\nExample:\n  r2p-sim merge out/grid-1 out/grid-2 out/grid-3 --out out/grid')
    .action((dirs: string[], opts: { out?: string }) => {
      if (opts.out === undefined || opts.out.trim() === '') throw new UsageError('--out: give a new folder for the merged results: r2p-sim merge DIR... --out DIR');
      mergeSweeps(dirs, opts.out);
    });
}
