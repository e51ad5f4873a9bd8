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

/** An arm of `compare` as written on the command line: `--arm NAME` and the changes after it. */
export interface ArmArgs {
  readonly name: string;
  /** `name=value[@tick]` texts, from `--set` and from parameter flags (`--deterrence 0.8` is deterrence=0.8). */
  readonly changes: readonly string[];
}

/**
 * The arms of a `compare` command line: each `--arm NAME` takes the `--set` changes and parameter
 * flags that follow it, up to the next `--arm`. Returns the arms and the rest of the command line
 * (the baseline's settings and the command's own options, `otherOptions`, which may also come
 * after the arms: `--json`, `--seeds 50`), for commander to read as usual. `paramFlags` maps a flag
 * (`--kill-rate`) to its parameter's name; `otherOptions` says whether each option takes a value.
 */
export function splitArms(
  args: readonly string[],
  paramFlags: ReadonlyMap<string, string>,
  otherOptions: ReadonlyMap<string, boolean>,
): { readonly arms: ArmArgs[]; readonly rest: string[] } {
  const arms: { name: string; changes: string[] }[] = [];
  const first = args.findIndex((a) => a === '--arm' || a.startsWith('--arm='));
  if (first < 0) return { arms, rest: [...args] };
  const rest = args.slice(0, first);
  for (let i = first; i < args.length; i++) {
    const eq = args[i].startsWith('--') ? args[i].indexOf('=') : -1;
    const flag = eq > 0 ? args[i].slice(0, eq) : args[i];
    const inline = eq > 0 ? args[i].slice(eq + 1) : undefined;
    const value = () => inline ?? args[++i];
    if (flag === '--arm') {
      const name = value();
      if (name === undefined || name.trim() === '' || name.startsWith('--')) throw new UsageError('--arm: give the arm a name, then its changes: --arm NAME --set name=value@tick');
      if (arms.some((a) => a.name === name)) throw new UsageError(`--arm ${name}: two arms have this name`);
      arms.push({ name, changes: [] });
      continue;
    }
    const arm = arms[arms.length - 1];
    if (flag === '--set') arm.changes.push(value() ?? '');
    else if (paramFlags.has(flag)) arm.changes.push(`${paramFlags.get(flag)}=${value() ?? ''}`);
    else if (otherOptions.has(flag)) {
      rest.push(args[i]);
      if (otherOptions.get(flag) && inline === undefined && i + 1 < args.length) rest.push(args[++i]);
    } else throw new UsageError(`--arm ${arm.name}: ${flag} cannot change an arm (only --set and parameter flags do); baseline settings go before the first --arm`);
  }
  return { arms, rest };
}
