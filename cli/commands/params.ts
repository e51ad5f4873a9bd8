/** `r2p-sim params`: every parameter with its default, range, unit, group and description. */
import { Command, Option } from 'commander';
import { PARAM_DEFS, allowedText, type ParamDef } from '../../sim/index';

export function paramsCommand(): Command {
  return new Command('params')
    .description('list every model parameter: default, allowed values, unit, group, description')
    .addOption(new Option('--group <group>', 'only this group').choices([...new Set(PARAM_DEFS.map((d) => d.group))]))
    .option('--json', 'print the schema as JSON')
    .option('--markdown', 'print the schema as a Markdown table (docs/parameters.md is made with this)')
    .action((opts: { group?: string; json?: boolean; markdown?: boolean }) => {
      const defs = (PARAM_DEFS as readonly ParamDef[]).filter((d) => !opts.group || d.group === opts.group);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(defs, null, 2)}\n`);
        return;
      }
      if (opts.markdown) {
        process.stdout.write(markdownTable(defs));
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

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The parameter reference as Markdown, one table per group. */
export function markdownTable(defs: readonly ParamDef[]): string {
  const out = [
    '# Parameters',
    '',
    'Generated from `sim/params/schema.ts` by `node cli/r2p-sim.mjs params --markdown > docs/parameters.md`;',
    'do not edit by hand (a test checks that this file matches the schema).',
    '"Set-up only" parameters shape the world and cannot be scheduled to change mid-run.',
  ];
  let group = '';
  for (const d of defs) {
    if (d.group !== group) {
      group = d.group;
      out.push('', `## ${group}`, '', '| name | default | allowed | unit | description | source |', '|---|---|---|---|---|---|');
    }
    const allowed = allowedText(d) + (d.structural ? '; set-up only' : '');
    out.push(`| \`${d.name}\` | ${String(d.default)} | ${cell(allowed)} | ${cell(d.unit)} | ${cell(d.description)} | ${cell(d.source)} |`);
  }
  return `${out.join('\n')}\n`;
}
