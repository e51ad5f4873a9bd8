/**
 * `r2p-sim scenarios`: list the built-in scenarios, show one with its sources and the
 * parameters its features map to, print the JSON Schema, check scenario files, print the mapping.
 */
import { Command } from 'commander';
import { PARAM_BY_NAME, ParamError } from '../../sim/index';
import {
  AFTERMATH_DAYS,
  BUILT_IN,
  EVENT_PARAM,
  FEATURE_DEFS,
  daysBetween,
  featureParams,
  isDated,
  placeEvents,
  scenarioJsonSchema,
  scenarioMapping,
  scenarioTicks,
  type ParamOrigin,
  type Scenario,
} from '../../scenarios/index';
import { scenariosBlock } from '../docs';
import { UsageError } from '../errors';
import { loadScenario } from '../spec';

const out = (s: string) => process.stdout.write(s);

/** Wrap text at `width` columns with an indent, for sources and notes. */
export function wrap(text: string, indent: string, width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && indent.length + line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

const valueText = (v: unknown) => (typeof v === 'string' ? v : String(v));

function originText(o: ParamOrigin): string {
  switch (o.from) {
    case 'default':
      return 'default';
    case 'feature':
      return `feature ${o.feature} = ${String(o.level)}`;
    case 'neutral':
      return `feature ${o.feature} left out: neutral level ${o.level}`;
    case 'override':
      return `override: ${o.reason}`;
    case 'timeline':
      return `timeline: ${o.kind}${o.date ? ` on ${o.date}` : ''}${o.date && o.day === 0 && o.kind === 'agreement' ? ' (already signed when the period opens)' : ''}`;
    case 'resolution':
      return `resolution: ${o.agents.toLocaleString('en-US')} agents (see Resolution)`;
  }
}

/** The timeline: the period or run length, then each event with the day parameter it sets. */
function timelineLines(s: Scenario): string[] {
  const t = s.timeline;
  const ticks = scenarioTicks(s);
  if (!t) return ['', `Timeline: none (no trigger events; the run lasts the model's default ${ticks} days)`];
  const lines: string[] = [''];
  if (isDated(t)) {
    const period = daysBetween(t.opens.date, t.closes.date) + 1;
    lines.push(`Timeline (dated: day 0 = ${t.opens.date}; the run lasts ${ticks} days, the period's ${period} plus ${AFTERMATH_DAYS} of aftermath):`);
    for (const [label, b] of [['opens', t.opens], ['closes', t.closes]] as const) {
      lines.push(`  ${label.padEnd(6)} ${b.date}`);
      lines.push(wrap(`source: ${b.source}`, '      '));
      if (b.note) lines.push(wrap(`note: ${b.note}`, '      '));
    }
  } else lines.push(`Timeline (stylised: the run lasts ${ticks} days):`);
  if (t.events.length === 0) lines.push('  (no events)');
  for (const e of placeEvents(t, s.id)) {
    const early = e.date !== undefined && t.opens !== undefined && e.date < t.opens.date;
    const when = e.date ? `${e.date}${early ? '' : ` = day ${e.day}`}` : `day ${e.day}`;
    const before = early ? ' (dated before the period opens: already signed on day 0)' : '';
    lines.push(`  ${when}  ${e.kind}  ->  ${EVENT_PARAM[e.kind]} ${e.day}${before}`);
    lines.push(wrap(e.what, '      '));
    lines.push(wrap(`source: ${e.source}`, '      '));
    if (e.note) lines.push(wrap(`note: ${e.note}`, '      '));
  }
  if (t.note) lines.push(wrap(`note: ${t.note}`, '  '));
  return lines;
}

export function showScenario(s: Scenario): string {
  const lines: string[] = [];
  lines.push(`${s.id} (${s.kind}): ${s.title}${s.period ? `, ${s.period}` : ''}`);
  lines.push(wrap(s.summary, '  '));
  if (s.articleReading) {
    const a = s.articleReading;
    lines.push('', `The article's reading: ${a.verdict}${a.explicit ? '' : ' (inferred: the article does not say it in so many words)'}`);
    lines.push(wrap(`source: ${a.source}`, '    '));
    if (a.note) lines.push(wrap(`note: ${a.note}`, '    '));
  }
  if (s.suggestedComparison) {
    const c = s.suggestedComparison;
    lines.push('', `Suggested comparison: "${c.label}"${c.claim ? ` (claim ${c.claim})` : ''}: ${c.set.map((x) => `--set ${x}`).join(' ')}`);
    lines.push(wrap(c.question, '    '));
  }
  const { params, origins } = scenarioMapping(s);
  const documented = FEATURE_DEFS.filter((d) => s.features[d.name]);
  lines.push('', `Features (${documented.length} documented; mapped by scenarios/features.ts):`);
  if (documented.length === 0) lines.push('  (none: every parameter at its default)');
  for (const d of documented) {
    const e = s.features[d.name];
    const mapped = Object.entries(featureParams(d, e.value, params.agents))
      .map(([k, v]) => `${k} ${valueText(v)}`)
      .join(', ');
    lines.push(`  ${d.name} = ${String(e.value)}  ->  ${mapped}`);
    lines.push(wrap(`source: ${e.source}`, '      '));
    if (e.note) lines.push(wrap(`note: ${e.note}`, '      '));
  }
  const missing = FEATURE_DEFS.filter((d) => !s.features[d.name]).map((d) => d.name);
  if (missing.length && documented.length) lines.push('', wrap(`Not documented (defaults used): ${missing.join(', ')}`, '  '));
  lines.push(...timelineLines(s));
  const overrides = Object.entries(s.overrides);
  lines.push('', `Overrides: ${overrides.length ? '' : '(none)'}`);
  for (const [name, o] of overrides) lines.push(`  ${name} = ${valueText(o?.value)}`, wrap(`reason: ${o?.reason}`, '      '));
  const changed = Object.entries(origins).filter(([, o]) => o.from !== 'default');
  lines.push('', `Parameters set by this scenario (${changed.length}; the other ${Object.keys(origins).length - changed.length} keep their defaults):`);
  const w = Math.max(...changed.map(([n]) => n.length), 4);
  for (const [name, o] of changed) {
    const def = PARAM_BY_NAME.get(name as never);
    const v = valueText(params[name as keyof typeof params]);
    lines.push(`  ${name.padEnd(w)}  ${v.padEnd(20)} (default ${valueText(def?.default)}; ${originText(o)})`);
  }
  const resolution = Object.values(origins).find((o) => o.from === 'resolution');
  if (resolution?.from === 'resolution') lines.push('', 'Resolution:', wrap(resolution.reason, '  '));
  return `${lines.join('\n')}\n`;
}

export function scenariosCommand(): Command {
  const cmd = new Command('scenarios').description('built-in scenarios (cases and teaching setups), their sources, schema and mapping');

  cmd
    .command('list', { isDefault: true })
    .description('list the scenarios: id, kind, title and a one-line summary')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) => {
      if (opts.json) {
        out(`${JSON.stringify(BUILT_IN.map((s) => ({ id: s.id, kind: s.kind, title: s.title, period: s.period, summary: s.summary, days: scenarioTicks(s) })), null, 2)}\n`);
        return;
      }
      const w = Math.max(...BUILT_IN.map((s) => s.id.length));
      let kind = '';
      for (const s of BUILT_IN) {
        if (s.kind !== kind) {
          kind = s.kind;
          out(`\n[${kind}]\n`);
        }
        out(`  ${s.id.padEnd(w)}  ${s.title}${s.period ? ` (${s.period})` : ''}\n  ${' '.repeat(w)}  ${s.summary}\n`);
      }
      out('\n`r2p-sim scenarios show ID` prints one with its sources; `r2p-sim run --scenario ID|FILE` runs it.\n');
    });

  cmd
    .command('show <id|file>')
    .description('print a scenario: its features with their sources and the parameters they map to')
    .option('--json', 'print the scenario, its parameters and where each came from, and its run length, as JSON')
    .action((ref: string, opts: { json?: boolean }) => {
      const s = loadScenario(ref, 'scenario');
      if (opts.json) {
        const { params, origins, ticks } = scenarioMapping(s);
        out(`${JSON.stringify({ scenario: s, params, origins, days: ticks }, null, 2)}\n`);
      } else out(showScenario(s));
    });

  cmd
    .command('schema')
    .description('print the JSON Schema for scenario files (generated from the validator\'s definition)')
    .action(() => {
      out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });

  cmd
    .command('check <file...>')
    .description('validate scenario files and map them to parameters; prints every problem with its path, value and what was expected')
    .action((files: string[]) => {
      let bad = 0;
      for (const f of files) {
        try {
          const s = loadScenario(f, 'file');
          // A valid file can still be refused by the mapping (a population no agent count resolves).
          const m = scenarioMapping(s, f);
          const events = s.timeline?.events.length ?? 0;
          out(`${f}: ok (${s.kind} "${s.id}", ${Object.keys(s.features).length} features, ${events} event${events === 1 ? '' : 's'}, ${m.ticks} days, ${m.params.agents.toLocaleString('en-US')} agents)\n`);
        } catch (e) {
          if (!(e instanceof ParamError) && !(e instanceof UsageError)) throw e;
          bad++;
          process.stderr.write(`${e.message}\n`);
        }
      }
      if (bad) process.exitCode = 2;
    });

  cmd
    .command('mapping')
    .description('print the mapping from features to parameters (docs/scenarios.md holds it)')
    .option('--markdown', 'as the Markdown block of docs/scenarios.md')
    .action((opts: { markdown?: boolean }) => {
      if (opts.markdown) {
        out(scenariosBlock());
        return;
      }
      for (const d of FEATURE_DEFS) {
        out(`${d.name}: ${d.description}\n`);
        if (d.kind === 'count') out(`    an integer from ${d.min} to ${d.max} (${d.unit})  ->  ${d.param} = value x ${d.scale}\n`);
        else
          for (const [level, m] of Object.entries(d.levels))
            out(`    ${level.padEnd(24)}->  ${Object.entries(m).map(([k, v]) => `${k} ${valueText(v)}`).join(', ')}\n`);
        out(`${wrap(`why: ${d.why}`, '    ')}\n\n`);
      }
    });

  // Usage errors of the subcommands are reported like every other command's.
  for (const sub of cmd.commands) sub.exitOverride().showHelpAfterError('(add --help for usage)');
  return cmd;
}
