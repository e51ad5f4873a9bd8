/**
 * `r2p-sim`: a thin shell over the engine API. Commands live in cli/commands/, one file each.
 */
import { Command, CommanderError } from 'commander';
import { ENGINE, MODEL_VERSION, ParamError } from '../sim/index';
import { calibrateCommand } from './commands/calibrate';
import { casesCommand } from './commands/cases';
import { compareCommand, splitCompareArgs } from './commands/compare';
import { discoverCommand } from './commands/discover';
import { mergeCommand } from './commands/merge';
import { sensitivityCommand } from './commands/sensitivity';
import { paramsCommand } from './commands/params';
import { replayCommand } from './commands/replay';
import { runCommand } from './commands/run';
import { scenariosCommand } from './commands/scenarios';
import { sweepCommand } from './commands/sweep';
import { checkFlagValues } from './argv';
import { UsageError } from './errors';
import { WriteError } from './files';

// A closed pipe (`r2p-sim params | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command('r2p-sim')
  .description('Agent-based simulation of mass-atrocity prevention, after Luck (2018).')
  .version(`${ENGINE.version} (model ${MODEL_VERSION})`)
  .showHelpAfterError('(add --help for usage)')
  .exitOverride();

const args = process.argv.slice(2);

try {
  // compare's arms (--arm NAME --set ...) are read apart, so their changes never reach the baseline.
  const isCompare = args.find((a) => !a.startsWith('-')) === 'compare';
  const { arms, rest } = isCompare ? splitCompareArgs(args) : { arms: [], rest: args };
  program.addCommand(runCommand(args));
  program.addCommand(replayCommand());
  program.addCommand(paramsCommand());
  program.addCommand(scenariosCommand());
  program.addCommand(casesCommand());
  program.addCommand(compareCommand(args, arms));
  program.addCommand(sweepCommand());
  program.addCommand(mergeCommand());
  program.addCommand(sensitivityCommand());
  program.addCommand(discoverCommand());
  program.addCommand(calibrateCommand());
  // addCommand does not pass these settings down: every command reports usage errors the same way.
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(add --help for usage)');
  checkFlagValues(program, args);
  await program.parseAsync(rest, { from: 'user' });
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version exit 0; a usage error exits 2, like any other invalid input
    // (1: a replay that does not reproduce, or output that could not be written).
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof ParamError || e instanceof UsageError) {
    process.stderr.write(`r2p-sim: error: ${e.message}\n`);
    process.exitCode = 2;
  } else if (e instanceof WriteError) {
    // Checked paths that still fail to be written (a full disk): one line, not a stack trace.
    process.stderr.write(`r2p-sim: error: ${e.message}\n`);
    process.exitCode = 1;
  } else {
    throw e;
  }
}
