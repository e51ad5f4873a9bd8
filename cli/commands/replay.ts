/** `r2p-sim replay FILE`: rerun a run file's inputs and check the results hash. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { parseRunFile, replay } from '../../sim/index';
import { UsageError } from '../errors';

export function replayCommand(): Command {
  return new Command('replay')
    .description('rerun a run file from its inputs; exit 0 if the results hash matches, 1 if not')
    .argument('<file>', 'run file written by `r2p-sim run`')
    .action((path: string) => {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(path, 'utf8'));
      } catch (e) {
        throw new UsageError(`${path}: ${(e as Error).message}`);
      }
      const file = parseRunFile(data, path);
      const outcome = replay(file);
      if (outcome.engineMismatch) process.stderr.write(`note: ${outcome.engineMismatch}\n`);
      if (outcome.ok) {
        process.stdout.write(`verified ${outcome.actual}\n`);
        return;
      }
      const d = outcome.firstDifference!;
      const where = d.series ? `series "${d.series}" at tick ${d.tick}` : `tick ${d.tick}`;
      process.stdout.write(
        `MISMATCH: expected ${outcome.expected}, got ${outcome.actual}\n` +
          `first difference: ${where} (${d.what}): file has ${JSON.stringify(d.expected)}, rerun gives ${JSON.stringify(d.actual)}\n`,
      );
      process.exitCode = 1;
    });
}
