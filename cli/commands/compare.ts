/**
 * `r2p-sim compare`: paired arms over seeds with common random numbers. A baseline (a scenario,
 * flags and `--set` changes, as for `run`) and one or more arms, each a set of changes on top of
 * it (`--arm NAME --set name=value@tick ...`, arms in a file, or the scenario's suggested
 * comparison), all run at seeds 1..N on every core. Reports per arm P(mass atrocity), each
 * outcome's median and range, and the paired difference from the baseline (analysis/compare.ts).
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { COMPARE_OUTCOMES, compareArms, firstParting, type ArmReport, type ArmRun } from '../../analysis/compare';
import { DEFAULT_MODEL, MODELS, ParamError, parseSetting, type ParamValue, type RunSpec, type ScheduledChange } from '../../sim/index';
import { splitArms, type ArmArgs } from '../argv';
import { UsageError } from '../errors';
import { scenarioDate } from '../../scenarios/index';
import { count, dayCount, dayText, int, paramText } from '../format';
import { startRunsBar } from '../progress';
import { defaultJobs, runManyWithDigests } from '../run-many';
import { addRunOptions, kebab, modelInArgs, positiveInt, resolveRun, type ResolvedRun } from '../spec';

/** Own options of `compare` that may stand after its arms (true: takes a value). */
const OWN_OPTIONS = new Map<string, boolean>([
  ['--seeds', true],
  ['--jobs', true],
  ['--ticks', true],
  ['--arms', true],
  ['--json', false],
  ['--csv', false],
  ['--help', false],
  ['-h', false],
]);

/**
 * A `compare` command line split into its arms and the rest, which commander parses: the arms'
 * --set changes and flags must not reach the baseline.
 */
export function splitCompareArgs(args: readonly string[]): { arms: ArmArgs[]; rest: string[] } {
  const flags = new Map<string, string>();
  for (const m of MODELS) for (const d of m.params) flags.set(`--${kebab(d.name)}`, d.name);
  return splitArms(args, flags, OWN_OPTIONS);
}

export function compareCommand(args: readonly string[] = [], armArgs: readonly ArmArgs[] = []): Command {
  const cmd = new Command('compare').description('run a baseline and paired arms over the same seeds and report the differences');
  addRunOptions(cmd, modelInArgs(args));
  cmd
    .option('--arm <name>', 'start an arm: the --set changes and parameter flags after it are its own (repeatable)')
    .option('--arms <file>', 'arms in a JSON file: {"arms": [{"name": "...", "set": ["name=value@tick", ...]}]}')
    .option('--seeds <n>', 'seeds per arm (1..N, the same in every arm)', '200')
    .option('--jobs <n>', 'worker threads (default: all cores)')
    .option('--json', 'print the report as JSON')
    .option('--csv', 'print one tidy row per arm and seed')
    .addHelpText(
      'after',
      '\nExamples:\n  r2p-sim compare --scenario incitement-cascade            # its suggested comparison\n  r2p-sim compare --arm early --set counterMessaging=0.7@15 --arm late --set counterMessaging=0.7@90',
    )
    .action(async (opts: Record<string, unknown>) => {
      if (opts.json && opts.csv) throw new UsageError('--json and --csv: choose one output format');
      if (args.some((a) => a === '--seed' || a.startsWith('--seed='))) throw new UsageError('--seed: compare runs seeds 1..N in every arm; give --seeds N');
      const run = resolveRun({ ...opts, seed: '1' });
      if (run.kernel.id !== DEFAULT_MODEL) throw new UsageError(`--model ${run.kernel.id}: compare reports the outcomes of model ${DEFAULT_MODEL}`);
      const seeds = positiveInt(String(opts.seeds), '--seeds', 100_000);
      const jobs = opts.jobs === undefined ? defaultJobs() : positiveInt(String(opts.jobs), '--jobs', 256);
      const arms = armsOf(run, opts, armArgs);
      const specs = arms.flatMap((arm) => Array.from({ length: seeds }, (_, i) => ({ ...arm.spec, seed: i + 1 })));
      const bar = startRunsBar('compare', specs.length, Boolean(opts.json || opts.csv));
      const results = await runManyWithDigests(specs, { jobs, onProgress: (done) => bar?.update(done) });
      bar?.stop();
      const runs = arms.map((arm, k) => {
        const own = results.slice(k * seeds, (k + 1) * seeds);
        return own.map((r, i): ArmRun => ({ seed: i + 1, summary: r.summary, partsAt: k === 0 ? null : firstParting(results[i].digests, r.digests) }));
      });
      const reports = compareArms(arms.map((a, k) => ({ name: a.name, changes: a.changes, runs: runs[k] })));
      const ticks = run.spec.ticks;
      if (opts.json) process.stdout.write(`${JSON.stringify({ scenario: run.scenario?.id ?? null, seeds, ticks, agents: run.spec.params.agents, arms: reports }, null, 2)}\n`);
      else if (opts.csv) process.stdout.write(compareCsv(arms.map((a) => a.name), runs));
      else process.stdout.write(formatCompare(run, seeds, reports));
    });
  return cmd;
}

interface Arm {
  readonly name: string;
  readonly changes: readonly string[];
  readonly spec: RunSpec & { readonly params: Record<string, ParamValue>; readonly schedule: readonly ScheduledChange[] };
}

/** The baseline and the arms: from the command line, a file, or the scenario's suggested comparison. */
function armsOf(run: ResolvedRun, opts: Record<string, unknown>, armArgs: readonly ArmArgs[]): Arm[] {
  const defs = run.kernel.params;
  let given: ArmArgs[] = [...armArgs];
  if (typeof opts.arms === 'string') given = [...given, ...armsFile(opts.arms)];
  let source = 'the command line';
  if (given.length === 0 && run.scenario?.suggestedComparison) {
    const sc = run.scenario.suggestedComparison;
    given = [{ name: sc.label, changes: sc.set }];
    source = `scenario ${run.scenario.id}'s suggested comparison`;
  }
  if (given.length === 0) {
    throw new UsageError(`no arm to compare: give --arm NAME --set name=value@tick (repeatable) or --arms FILE${run.scenario ? `; scenario ${run.scenario.id} suggests none` : ''}`);
  }
  const base: Arm = { name: 'baseline', changes: [], spec: run.spec };
  return [
    base,
    ...given.map((a): Arm => {
      if (a.changes.length === 0) throw new UsageError(`--arm ${a.name}: no changes given (from ${source})`);
      const changes = a.changes.map((text) => {
        try {
          return parseSetting(text, defs);
        } catch (e) {
          if (e instanceof ParamError) throw new ParamError(`arm "${a.name}": ${e.field}`, e.value, e.expected);
          throw e;
        }
      });
      const params = { ...run.spec.params };
      for (const c of changes.filter((x) => x.tick === 0)) params[c.name] = c.value;
      const schedule = [...run.spec.schedule, ...changes.filter((x) => x.tick > 0)].sort((x, y) => x.tick - y.tick);
      for (const c of schedule) {
        if (c.tick >= run.spec.ticks) throw new ParamError(`arm "${a.name}": ${c.name}@${c.tick}`, c.tick, `a tick before the end of the run (${run.spec.ticks} days)`);
      }
      return { name: a.name, changes: changes.map((c) => `${c.name}=${paramText(c.value)}${c.tick > 0 ? `@${c.tick}` : ''}`), spec: { ...run.spec, params, schedule } };
    }),
  ];
}

/** Arms from a JSON file: {"arms": [{"name": "...", "set": ["name=value@tick", ...]}]}. Data only. */
function armsFile(path: string): ArmArgs[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`--arms ${path}: ${(e as Error).message.slice(0, 200)}`);
  }
  const fail = (where: string, value: unknown, expected: string): never => {
    throw new ParamError(`${path}: ${where}`, value, expected);
  };
  const arms = (data as { arms?: unknown } | null)?.arms;
  if (!Array.isArray(arms) || arms.length === 0) fail('arms', arms, 'a non-empty list of {name, set}');
  return (arms as unknown[]).map((a, i) => {
    const arm = a as { name?: unknown; set?: unknown } | null;
    if (arm === null || typeof arm !== 'object') return fail(`arms[${i}]`, a, 'an object {name, set}');
    if (typeof arm.name !== 'string' || arm.name.trim() === '') fail(`arms[${i}].name`, arm.name, 'a non-empty name');
    if (!Array.isArray(arm.set) || arm.set.some((s) => typeof s !== 'string')) fail(`arms[${i}].set`, arm.set, 'a list of "name=value@tick" texts');
    return { name: arm.name as string, changes: arm.set as string[] };
  });
}

const p2 = (x: number) => x.toFixed(2);
const signed = (x: number, f: (v: number) => string) => `${x > 0 ? '+' : x < 0 ? '-' : ''}${f(Math.abs(x))}`;
const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

function valueText(unit: string, x: number): string {
  return unit === 'share' ? `${(100 * x).toFixed(1)}%` : int(x);
}

export function formatCompare(run: ResolvedRun, seeds: number, reports: readonly ArmReport[]): string {
  const scenario = run.scenario;
  const dateOf = scenario ? (t: number) => scenarioDate(scenario, t) : undefined;
  const lines = [
    `Compare: ${scenario ? `scenario "${scenario.id}"${dateOf?.(0) ? ` (day 0 = ${dateOf(0)})` : ''}` : `model ${run.kernel.id}`}, ${count(seeds, 'seed')} (${seeds === 1 ? 'seed 1' : `1-${seeds}`}, the same in every arm), ${dayCount(run.spec.ticks)}, ${count(Number(run.spec.params.agents), 'agent')}.`,
    '',
  ];
  const head = ['arm', 'changes', 'P(mass atrocity) [95% CI]', 'prevented/curbed/failed', ...COMPARE_OUTCOMES.map((o) => `${o.short}: median [90%]`)];
  const rows = reports.map((r) => [
    r.name,
    r.changes.length ? r.changes.join(', ') : '-',
    `${p2(r.pMassAtrocity)} [${p2(r.pMassAtrocityCi[0])}, ${p2(r.pMassAtrocityCi[1])}]`,
    `${r.classes.prevented}/${r.classes.curbed}/${r.classes.failed}`,
    ...r.outcomes.map((o) => `${valueText(o.unit, o.median)} [${valueText(o.unit, o.p05)}, ${valueText(o.unit, o.p95)}]`),
  ]);
  const widths = head.map((_, c) => Math.max(head[c].length, ...rows.map((r) => r[c].length)));
  for (const r of [head, ...rows]) lines.push(r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
  lines.push('', 'Each arm against the baseline (arm minus baseline at the same seed: the median difference, its bootstrap 95% interval, the sign test):');
  for (const r of reports.slice(1)) {
    const d = r.pDifference!;
    lines.push(`  ${r.name}:`);
    lines.push(`    P(mass atrocity): ${signed(d.estimate, p2)} [${signed(d.lo, p2)}, ${signed(d.hi, p2)}]; ${count(d.positive, 'seed')} with one only in the arm, ${count(d.negative, 'seed')} only in the baseline; ${pText(d.pSign)}`);
    for (const o of r.outcomes) {
      const x = o.difference!;
      const f = (v: number) => valueText(o.unit, v);
      lines.push(`    ${o.label}: ${signed(x.estimate, f)} [${signed(x.lo, f)}, ${signed(x.hi, f)}]; higher in ${x.positive}, lower in ${x.negative}, equal in ${x.ties}; ${pText(x.pSign)}`);
    }
    const parts = r.partsAt!;
    lines.push(
      parts.parted === 0
        ? '    never parts from the baseline: the changes made no difference to any run'
        : `    parts from the baseline on ${dayText(Math.round(parts.median!), dateOf)}: the median of the ${count(parts.parted, 'seed')} where it does${parts.never ? `; identical in ${parts.never}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** One row per arm and seed: the outcomes, and the day the arm parts from the baseline. */
export function compareCsv(names: readonly string[], runs: readonly (readonly ArmRun[])[]): string {
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [['arm', 'seed', 'outcome', 'mass_atrocity', ...COMPARE_OUTCOMES.map((o) => kebab(o.name).replace(/-/g, '_')), 'parts_at'].join(',')];
  runs.forEach((armRuns, k) => {
    for (const r of armRuns) {
      lines.push([cell(names[k]), r.seed, r.summary.outcome, r.summary.massAtrocity, ...COMPARE_OUTCOMES.map((o) => o.of(r.summary)), r.partsAt ?? ''].join(','));
    }
  });
  return `${lines.join('\n')}\n`;
}
