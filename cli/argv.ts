/**
 * Checks on the raw command line that commander does not make: a flag that takes a value but is
 * followed by another flag (`--incitement --seed 3`) would take "--seed" as its value and leave
 * "3" over ("too many arguments"); this says which flag lacks its value instead.
 */
import type { Command } from 'commander';
import { UsageError } from './errors';

export function checkFlagValues(program: Command, args: readonly string[]): void {
  const name = args.find((a) => !a.startsWith('-'));
  const cmd = program.commands.find((c) => c.name() === name || c.aliases().includes(name ?? ''));
  if (!cmd) return;
  const takesValue = new Set(cmd.options.filter((o) => o.required && o.long).map((o) => o.long!));
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return;
    if (!takesValue.has(a)) continue;
    const next = args[i + 1];
    if (next === undefined) throw new UsageError(`${a}: no value given (it takes one: ${a} <value>)`);
    if (next.startsWith('--')) throw new UsageError(`${a}: no value given (the next word, "${next}", is a flag)`);
    i++;
  }
}
