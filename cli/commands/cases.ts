/**
 * `r2p-sim cases`: every case profile (or the scenarios named) over the same N seeds, each case's
 * outcomes set beside the article's reading. A disagreement is printed as a finding.
 */
import { Command } from 'commander';
import { ENGINE, MODEL_VERSION, PARAM_BY_NAME, PARAM_DEFS, ParamError, defaultParams, parseSetting, parseValue, validateTicks, type ParamValue, type RunSpec } from '../../sim/index';
import { medianRun } from '../../analysis/calibrate/distance';
import { patternOutcomes, patternValues } from '../../analysis/calibrate/patterns';
import { AFTERMATH_DAYS, CASES, caseStats, runOutcome, scenarioCloseDay, scenarioDate, scenarioParams, scenarioTicks, type CaseStats, type Scenario } from '../../scenarios/index';
import { targetsFor, type PatternName, type PatternRange } from '../../scenarios/targets/index';
import { UsageError } from '../errors';
import { count, dayCount, dayText } from '../format';
import { startRunsBar } from '../progress';
import { defaultJobs, runManyWithOutcomes } from '../run-many';
import type { RunWithOutcomes } from '../workers/summary-task';
import { loadScenario, positiveInt } from '../spec';

const pct = (x: number) => `${Math.round(100 * x)}%`;
const people = (n: number) => Math.round(n).toLocaleString('en-US');
const p2 = (x: number) => x.toFixed(2);

/**
 * The report as text. `ticks` and `agents` are what the command line gave (undefined: each
 * scenario's own run length and agents, which the table shows per case).
 */
export function formatCaseReport(
  stats: readonly CaseStats[],
  seeds: number,
  ticks?: number,
  agents?: number,
  documented: DocumentedMedians = new Map(),
  settings: CaseSettings = {},
): string {
  const p = defaultParams();
  const length = ticks === undefined ? `each scenario's own run length (a case's period plus ${AFTERMATH_DAYS} days)` : dayCount(ticks);
  const resolution = agents === undefined ? "each scenario's agents (raised where a case's population needs more)" : count(agents, 'agent');
  const lines = [
    `Case report: ${count(stats.length, 'scenario')} x ${count(seeds, 'seed')} (${seeds === 1 ? 'seed 1' : `1-${seeds}`}, the same seeds for every case), ${length}, ${resolution}, model ${MODEL_VERSION}.`,
    `Mass atrocity: at least ${people(p.atrocityThreshold)} people of the targeted group killed within ${p.atrocityWindow} days (Early Warning Project threshold).`,
    'Model reading of a run: failed = mass atrocity; curbed = killing below the threshold; prevented = no one killed.',
    "Model reading of a case: the median run on that scale. The article's reading is the reference, never an input.",
  ];
  const set = settingPairs(settings);
  // A report made away from the defaults says so at its head, so it is never read as the model's.
  if (set.length) lines.push(`Settings on top of every scenario (--set; not the defaults): ${set.join(', ')}.`);
  lines.push('');
  const rows = [
    ['case', 'days', 'agents', 'P(mass atrocity) [95% CI]', 'killed: median [90% interval]', 'onset: median', 'prevented/curbed/failed', 'model', 'article', ''],
    ...stats.map((s) => [
      s.title,
      people(s.ticks),
      people(s.agents),
      `${p2(s.pMassAtrocity)} [${p2(s.pMassAtrocityCi[0])}, ${p2(s.pMassAtrocityCi[1])}]`,
      `${people(s.deathsMedian)} [${people(s.deathsInterval[0])} - ${people(s.deathsInterval[1])}]`,
      s.onsetMedian === null ? 'no onset' : `${dayText(Math.round(s.onsetMedian), () => s.onsetDate)}, ${count(s.onsetSeeds, 'run')}`,
      `${pct(s.readingShares.prevented)} / ${pct(s.readingShares.curbed)} / ${pct(s.readingShares.failed)}`,
      s.modelReading,
      s.article ? `${s.article.verdict}${s.article.explicit ? '' : '*'}` : '-',
      s.agrees === null ? '' : s.agrees ? 'agrees' : 'DISAGREES',
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) lines.push(r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
  const disagreements = stats.filter((s) => s.agrees === false);
  if (stats.some((s) => s.article && !s.article.explicit)) lines.push('', '* inferred: the article does not give this reading in so many words.');
  if (disagreements.length) {
    lines.push('', `Where the model disagrees with the article (${disagreements.length} of ${stats.filter((s) => s.article).length}); findings, not bugs to tune away:`);
    for (const s of disagreements) {
      lines.push(
        `  ${s.title}: the model reads "${s.modelReading}" (prevented ${pct(s.readingShares.prevented)}, curbed ${pct(s.readingShares.curbed)}, failed ${pct(s.readingShares.failed)} of seeds); the article reads "${s.article?.verdict}".`,
      );
    }
  } else if (stats.some((s) => s.article)) lines.push('', 'The model agrees with the article on every case with a reading.');
  lines.push(...documentedTable(stats, documented));
  return `${lines.join('\n')}\n`;
}

/** A documented range as text: one figure when low = high. */
const rangeText = (r: PatternRange | undefined, f: (x: number) => string) => (r === undefined ? '-' : r.low === r.high ? f(r.low) : `${f(r.low)}-${f(r.high)}`);

/** Each case's medians over the seeds of its documented patterns, read over their windows (null: at least half the runs have no value). */
export type DocumentedMedians = ReadonlyMap<string, Partial<Record<PatternName, number | null>>>;

/**
 * The model's medians beside each case's documented patterns (scenarios/targets; never an input),
 * each read over its documented window as the calibration reads it (analysis/calibrate/patterns.ts:
 * up to the period's close unless the target says otherwise), with the model's toll as a multiple
 * of the documented range (1: inside it).
 */
export function documentedTable(stats: readonly CaseStats[], documented: DocumentedMedians): string[] {
  const withTargets = stats.filter((s) => targetsFor(s.id) !== undefined && documented.has(s.id));
  if (!withTargets.length) return [];
  const n2 = (x: number) => Number(x.toFixed(2)).toString();
  const rows = [
    ['case', 'toll: documented', 'model', 'x', 'killing days: doc.', 'model', 'first killing: doc.', 'model', "force's share: doc.", 'model', 'displaced: doc.', 'model'],
    ...withTargets.map((s) => {
      const t = targetsFor(s.id)!.patterns;
      const m = documented.get(s.id)!;
      const toll = t.toll;
      // A pattern the case does not document is not read; one without a value in most runs shows as none.
      const model = (name: PatternName, f: (x: number) => string, none = '-') => (t[name] === undefined ? '-' : m[name] == null ? none : f(m[name]!));
      // How many times outside the documented range the median toll lies (1 inside; <1 below).
      const mt = m.toll ?? 0;
      const ratio =
        toll === undefined ? '-' : mt >= toll.low && mt <= toll.high ? '1' : mt < toll.low ? `1/${n2(Math.max(1, toll.low) / Math.max(1, mt))}` : n2(mt / Math.max(1, toll.high));
      return [
        s.title,
        rangeText(toll, people),
        model('toll', people),
        ratio,
        rangeText(t.killingDays, people),
        model('killingDays', people),
        t.onsetDay === undefined ? '-' : `day ${rangeText(t.onsetDay, String)}`,
        model('onsetDay', (x) => `day ${Math.round(x)}`, 'none'),
        rangeText(t.forceShare, n2),
        model('forceShare', n2),
        rangeText(t.displaced, people),
        model('displaced', people),
      ];
    }),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return [
    '',
    "Beside the documented patterns (scenarios/targets, never an input; medians over the seeds, each pattern read over its documented window: to the period's close unless the target runs past it, as the calibration reads it; -: not documented; x: the median toll as a multiple of the documented range, 1 inside it):",
    '',
    ...rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()),
  ];
}

/**
 * One tidy row per run. `settings` is what --set put on top of every scenario's mapping, as
 * `name=value` pairs joined by `;` (empty without --set), so rows from runs made with different
 * settings can be stacked and told apart.
 */
export function casesCsv(results: readonly { scenario: Scenario; outcomes: ReturnType<typeof runOutcome>[] }[], settings: CaseSettings = {}): string {
  const lines = ['scenario,seed,mass_atrocity,deaths_people,onset_tick,onset_date,model_reading,article_reading,killing_days,first_killing_tick,force_share,displaced_people,settings'];
  const set = settingPairs(settings).join(';');
  for (const { scenario, outcomes } of results)
    for (const o of outcomes) {
      const date = o.onsetTick === null ? '' : (scenarioDate(scenario, o.onsetTick) ?? '');
      lines.push(
        [scenario.id, o.seed, o.massAtrocity, o.deathsPeople, o.onsetTick ?? '', date, o.reading, scenario.articleReading?.verdict ?? '', o.killingDays, o.firstKillingTick ?? '', o.forceShare ?? '', o.displacedPeople, set].join(','),
      );
    }
  return `${lines.join('\n')}\n`;
}

/**
 * The runs of a case report: each scenario at seeds 1..N (the same seeds for every case), for
 * `ticks` days or the scenario's own run length. A chosen agent count is a resolution, by the
 * same rule as `run --agents` (scenarioParams).
 */
export function caseSpecs(scenarios: readonly Scenario[], seeds: number, ticks?: number, agents?: number, settings: CaseSettings = {}): RunSpec[] {
  const specs: RunSpec[] = [];
  for (const s of scenarios) {
    const params = { ...scenarioParams(s, s.id, agents), ...settings };
    const days = ticks ?? scenarioTicks(s);
    for (let seed = 1; seed <= seeds; seed++) specs.push({ params, seed, ticks: days });
  }
  return specs;
}

/** Parameter values set on top of every scenario's mapping (`cases --set`). */
export type CaseSettings = Readonly<Record<string, ParamValue>>;

/** The settings as `name=value` texts, in the order given (the report's head and the CSV's column). */
function settingPairs(settings: CaseSettings): string[] {
  return Object.entries(settings).map(([k, v]) => `${k}=${String(v)}`);
}

/**
 * `--set name=value` texts as settings for every case. Only plain settings: a case's day 0 is its
 * own date, so a change at a tick would fall on a different date in each (compare and run take
 * those). The population's resolution has its own flag, --agents, which keeps each case's
 * documented population; peoplePerAgent is the mapping's, from that population.
 */
export function caseSettings(texts: readonly string[]): CaseSettings {
  const out: Record<string, ParamValue> = {};
  for (const text of texts) {
    const c = parseSetting(text, PARAM_DEFS);
    if (c.tick !== 0) throw new ParamError(`--set ${c.name}`, text, 'name=value, from day 0 in every case (a change at a tick: compare or run)');
    if (c.name === 'agents' || c.name === 'peoplePerAgent')
      throw new ParamError(`--set ${c.name}`, text, "a parameter other than agents and peoplePerAgent (give --agents; each case's people per agent follows from its documented population)");
    out[c.name] = c.value;
  }
  return out;
}

export function casesCommand(): Command {
  return new Command('cases')
    .description("run every case profile (or the scenarios given) over many seeds and set the results beside the article's reading")
    .argument('[scenario...]', 'scenario ids or files (default: every built-in case)')
    .option('--seeds <n>', 'seeds per case (1..N, paired across cases)', '200')
    .option('--ticks <t>', `days per run (default: each scenario's run length, a case's period plus ${AFTERMATH_DAYS} days)`)
    .option('--agents <n>', 'population agents per run (default: the scenario\'s; the documented population is spread over them)')
    .option(
      '--set <name=value>',
      'set a parameter in every scenario, on top of its mapping (repeatable), e.g. --set roadblocks=200 to explore a constant before a fit; the report says so at its head',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--jobs <n>', 'worker threads (default: all cores)')
    .option('--json', 'print the statistics and every run\'s outcome as JSON')
    .option('--csv', 'print one tidy row per run (scenario, seed, outcome) as CSV')
    .action(async (refs: string[], opts: { seeds: string; ticks?: string; agents?: string; set: string[]; jobs?: string; json?: boolean; csv?: boolean }) => {
      if (opts.json && opts.csv) throw new UsageError('--json and --csv: choose one output format');
      const seeds = positiveInt(opts.seeds, '--seeds', 100_000);
      const ticks = opts.ticks === undefined ? undefined : ticksOption(opts.ticks);
      const jobs = opts.jobs === undefined ? defaultJobs() : positiveInt(opts.jobs, '--jobs', 256);
      const agents = opts.agents === undefined ? undefined : (parseValue(PARAM_BY_NAME.get('agents')!, opts.agents, '--agents') as number);
      const settings = caseSettings(opts.set);
      const scenarios = refs.length ? refs.map((r) => loadScenario(r, 'scenario')) : [...CASES];
      const specs = caseSpecs(scenarios, seeds, ticks, agents, settings);
      // The documented patterns of each case with targets, read from every run over their windows.
      const sets = scenarios.map((s, i) => {
        const t = targetsFor(s.id);
        return t ? patternOutcomes(t, ticks ?? scenarioTicks(s), scenarioCloseDay(s)) : null;
      });
      const bar = startRunsBar('cases', specs.length, Boolean(opts.json || opts.csv));
      const runs = await runManyWithOutcomes(
        specs.map((spec, k) => ({ spec, outcomes: sets[Math.floor(k / seeds)] })),
        { jobs, onProgress: (done) => bar?.update(done) },
      );
      bar?.stop();
      const summaries = runs.map((r) => r.summary);
      const documented = documentedMedians(scenarios, sets, runs, seeds);
      const results = scenarios.map((scenario, i) => ({
        scenario,
        outcomes: summaries.slice(i * seeds, (i + 1) * seeds).map((s, k) => runOutcome(k + 1, s)),
      }));
      const stats = results.map(({ scenario, outcomes }, i) => caseStats(scenario, outcomes, Number(specs[i * seeds].ticks), Number(specs[i * seeds].params?.agents)));
      const cases = stats.map((s) => ({ ...s, documentedPatterns: documented.get(s.id) ?? null }));
      if (opts.json) process.stdout.write(`${JSON.stringify({ engine: { ...ENGINE, model: MODEL_VERSION }, seeds, ticks: ticks ?? null, agents: agents ?? null, settings, cases, runs: results.map((r) => ({ id: r.scenario.id, outcomes: r.outcomes })) }, null, 2)}\n`);
      else if (opts.csv) process.stdout.write(casesCsv(results, settings));
      else process.stdout.write(formatCaseReport(stats, seeds, ticks, agents, documented, settings));
    });
}

/** Each case's median of every documented pattern over its seeds (null when at least half the runs have no value). */
function documentedMedians(
  scenarios: readonly Scenario[],
  sets: readonly (ReturnType<typeof patternOutcomes> | null)[],
  runs: readonly RunWithOutcomes[],
  seeds: number,
): DocumentedMedians {
  const out = new Map<string, Partial<Record<PatternName, number | null>>>();
  scenarios.forEach((s, i) => {
    const set = sets[i];
    if (!set) return;
    const byRun = runs.slice(i * seeds, (i + 1) * seeds).map((r) => patternValues(set, r.values ?? []));
    const medians: Partial<Record<PatternName, number | null>> = {};
    for (const o of set.outcomes) {
      const name = o.name as PatternName;
      // The median run's value, as the calibration reports it.
      medians[name] = medianRun(byRun.map((v) => v[name]));
    }
    out.set(s.id, medians);
  });
  return out;
}

/** --ticks as given, checked; the message names the text given, not the number it parses to. */
function ticksOption(text: string): number {
  try {
    return validateTicks(Number(text), '--ticks');
  } catch (e) {
    if (e instanceof ParamError) throw new ParamError('--ticks', text, e.expected);
    throw e;
  }
}
