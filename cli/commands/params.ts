/** `r2p-sim params`: every parameter with its default, range, unit, group and description. */
import { Command, Option } from 'commander';
import { PARAM_DEFS, allowedText, type ParamDef } from '../../sim/index';

export function paramsCommand(): Command {
  return new Command('params')
    .description('list every model parameter: default, allowed values, unit, group, description')
    .addOption(new Option('--group <group>', 'only this group').choices([...new Set(PARAM_DEFS.map((d) => d.group))]))
    .option('--json', 'print the schema as JSON')
    .action((opts: { group?: string; json?: boolean }) => {
      const defs = (PARAM_DEFS as readonly ParamDef[]).filter((d) => !opts.group || d.group === opts.group);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(defs, null, 2)}\n`);
        return;
      }
      let group = '';
      for (const d of defs) {
        if (d.group !== group) {
          group = d.group;
          process.stdout.write(`\n[${group}]\n`);
        }
        const unit = d.unit ? ` ${d.unit}` : '';
        const fixed = d.structural ? ', set-up only' : '';
        process.stdout.write(`  ${d.name} = ${String(d.default)}${unit}  (${allowedText(d)}${fixed})\n      ${d.description}\n`);
      }
    });
}
