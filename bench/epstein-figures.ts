/**
 * `npx tsx bench/epstein-figures.ts [--seeds N]`: measure the figures docs/reference-models.md
 * sets beside Epstein's (2002) and the public implementations' (docs/sources/epstein-2002-reference.md),
 * and print them as Markdown tables. Deterministic: seeds 1..N (default 20), fixed run lengths,
 * both printed with each table. Single thread; a few minutes at the default. Not run by the tests
 * (test/stats/epstein-results.test.ts asserts the qualitative results on fewer seeds).
 *
 * Definitions:
 *   outburst      a maximal run of ticks with more than outburstThreshold (50) actives;
 *   wait          quiet ticks from the end of one outburst to the start of the next;
 *   interval      ticks from the start of one outburst to the start of the next;
 *   outburst peak the largest number of actives during one outburst;
 *   burn-in       the first ticks of a Model I run are dropped before counting outbursts: every
 *                 run opens with a set-up transient (all citizens start quiet and free at once);
 *   elimination   the first tick (0-based) at whose end one group of Model II has no members;
 *                 each run stops there or at the cap. Censored runs (both groups at the cap)
 *                 count as the cap in the median and the mean.
 */
import { createModel, modelKernel, presetValues, runModel, type KernelParams, type RunSpec } from '../sim/index';
import { outburstStats, type CivilSummary, type EthnicSummary } from '../sim/models/epstein/index';
import { average, peak } from './series-stats';

const CIVIL = 'epstein-civil-violence';
const ETHNIC = 'epstein-ethnic-violence';

const args = process.argv.slice(2);
const at = args.indexOf('--seeds');
const N = at >= 0 ? Number(args[at + 1]) : 20;
if (!Number.isInteger(N) || N < 2) {
  process.stderr.write('usage: npx tsx bench/epstein-figures.ts [--seeds N]  (N >= 2, default 20)\n');
  process.exit(2);
}
const SEEDS = Array.from({ length: N }, (_, i) => i + 1);

interface Change {
  readonly tick: number;
  readonly name: string;
  readonly value: number;
}

const preset = (model: string, name: string): KernelParams => presetValues(modelKernel(model), name);
const runCivil = (params: KernelParams, seed: number, ticks: number, schedule: readonly Change[] = []) =>
  runModel({ model: CIVIL, params, seed, ticks, schedule: schedule as unknown as RunSpec['schedule'] });

// ---- small statistics ---------------------------------------------------------------------------

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
function sd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) * (x - m), 0) / (xs.length - 1));
}
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}
/** Normal-approximation 95% half-width of a mean (for the paired differences; N >= 20 at the default). */
const half95 = (xs: readonly number[]) => (1.96 * sd(xs)) / Math.sqrt(xs.length);
const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const range = (xs: readonly number[], d = 0) => `${f(Math.min(...xs), d)}-${f(Math.max(...xs), d)}`;


/** Every outburst's peak and every wait/interval of one series. */
function outbursts(active: ArrayLike<number>, threshold: number) {
  const peaks: number[] = [];
  const waits: number[] = [];
  const intervals: number[] = [];
  let start = -1;
  let lastEnd = -1;
  let lastStart = -1;
  let top = 0;
  for (let t = 0; t <= active.length; t++) {
    const on = t < active.length && active[t] > threshold;
    if (on && start < 0) {
      start = t;
      top = 0;
      if (lastEnd >= 0) waits.push(t - lastEnd);
      if (lastStart >= 0) intervals.push(t - lastStart);
    }
    if (on) top = Math.max(top, active[t]);
    if (!on && start >= 0) {
      peaks.push(top);
      lastEnd = t;
      lastStart = start;
      start = -1;
    }
  }
  return { peaks, waits, intervals };
}

const out = (s: string) => process.stdout.write(`${s}\n`);
const started = performance.now();
const progress = (what: string) => process.stderr.write(`  ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);

out(`# Epstein (2002) reference models: measured figures`);
out('');
out(`Command: \`npx tsx bench/epstein-figures.ts --seeds ${N}\`; seeds 1..${N}; node ${process.version}.`);
out('');

// ---- Model I: punctuated equilibrium --------------------------------------------------------------

{
  const BURN = 100;
  const TICKS = 3100;
  out(`## Model I: outbursts (${N} seeds x ${TICKS} ticks, the first ${BURN} dropped; outburst: actives > 50)`);
  out('');
  out('| preset (rules) | outbursts per 1000 ticks, mean (range over seeds) | wait between outbursts, pooled mean (s.d.) | interval start to start, pooled mean (s.d.) | outburst length, mean ticks | outburst peak, mean (max) | share of ticks quiet | peak actives over the run, median (range) |');
  out('|---|---|---|---|---|---|---|---|');
  const variants: [string, KernelParams][] = [
    ['netlogo = run2 (floor, disc 148, 0..Jmax-1)', preset(CIVIL, 'netlogo')],
    ['run2 with Mesa\'s rules (half-even, von Neumann 112, 0..Jmax)', { ...preset(CIVIL, 'netlogo'), arrestRounding: 'half-even', neighbourhood: 'von-neumann', jailTerm: 'inclusive' }],
    ['run2 without rounding (the paper\'s text)', { ...preset(CIVIL, 'netlogo'), arrestRounding: 'none' }],
    ['run1 (vision 1.7, no movement)', preset(CIVIL, 'run1')],
    ['mesa', preset(CIVIL, 'mesa')],
  ];
  for (const [label, p] of variants) {
    const per1000: number[] = [];
    const waits: number[] = [];
    const intervals: number[] = [];
    const peaks: number[] = [];
    const quiet: number[] = [];
    const lengths: number[] = [];
    const runPeaks: number[] = [];
    for (const seed of SEEDS) {
      const active = runCivil(p, seed, TICKS).series.active;
      const kept = active.subarray(BURN);
      const s = outburstStats(kept, p.outburstThreshold as number);
      const o = outbursts(kept, p.outburstThreshold as number);
      per1000.push((1000 * s.outbursts) / kept.length);
      waits.push(...o.waits);
      intervals.push(...o.intervals);
      peaks.push(...o.peaks);
      quiet.push(1 - s.outburstTicks / kept.length);
      if (s.meanOutburstLength !== null) lengths.push(s.meanOutburstLength);
      runPeaks.push(peak(active));
    }
    out(
      `| ${label} | ${f(mean(per1000), 2)} (${range(per1000, 2)}) | ${f(mean(waits))} (${f(sd(waits))}), n ${waits.length} | ${f(mean(intervals))} (${f(sd(intervals))}) | ${f(mean(lengths))} | ${f(mean(peaks))} (${peaks.length ? Math.max(...peaks) : '-'}) | ${f(100 * mean(quiet))}% | ${median(runPeaks)} (${range(runPeaks)}) |`,
    );
    progress(`Model I outbursts: ${label}`);
  }
  out('');
}

// ---- Model I: the mesa preset ----------------------------------------------------------------------

{
  const TICKS = 1000;
  out(`## Model I: mesa preset (${N} seeds x ${TICKS} ticks)`);
  out('');
  out('| measure | median | range over seeds |');
  out('|---|---|---|');
  const pk: number[] = [];
  const pkTick: number[] = [];
  const pkLate: number[] = [];
  const pk200: number[] = [];
  const ob: number[] = [];
  const meanActive: number[] = [];
  const jailed: number[] = [];
  const citizens: number[] = [];
  for (const seed of SEEDS) {
    const r = runCivil(preset(CIVIL, 'mesa'), seed, TICKS);
    const s = r.summary as unknown as CivilSummary;
    pk.push(s.peakActive);
    pkTick.push(s.peakActiveTick ?? 0);
    pkLate.push(peak(r.series.active, 100));
    pk200.push(peak(r.series.active, 0, 200));
    ob.push(s.outbursts);
    meanActive.push(average(r.series.active));
    jailed.push(r.series.jailed[TICKS - 1]);
    citizens.push(s.citizens);
  }
  out(`| peak actives over the run | ${median(pk)} | ${range(pk)} |`);
  out(`| tick of that peak | ${median(pkTick)} | ${range(pkTick)} |`);
  out(`| peak actives in the first 200 ticks (the speed runs' length) | ${median(pk200)} | ${range(pk200)} |`);
  out(`| seeds whose peak in the first 200 ticks is 2-4 | ${pk200.filter((x) => x >= 2 && x <= 4).length} of ${N} | |`);
  out(`| peak actives after tick 100 | ${median(pkLate)} | ${range(pkLate)} |`);
  out(`| mean actives per tick | ${f(median(meanActive), 2)} | ${range(meanActive, 2)} |`);
  out(`| outbursts (> 50 actives) | ${median(ob)} | ${range(ob)} |`);
  out(`| jailed at the end | ${median(jailed)} | ${range(jailed)} |`);
  out(`| citizens | ${median(citizens)} | ${range(citizens)} |`);
  out('');
  progress('Model I mesa preset');
}

// ---- Model I: sudden against gradual legitimacy drop ---------------------------------------------

{
  const TICKS = 200;
  const sudden: Change[] = [{ tick: 77, name: 'legitimacy', value: 0.7 }];
  const gradual = Array.from({ length: 20 }, (_, i): Change => ({ tick: 77 + i, name: 'legitimacy', value: (89 - i) / 100 }));
  out(`## Model I: legitimacy 0.9 -> 0.7, sudden (one change at t = 77) against gradual (0.01 per tick, t = 77..96) (${N} paired seeds x ${TICKS} ticks; peak actives at t >= 77)`);
  out('');
  out('| rule set | sudden: median peak (range) | sudden: seeds with > 50 actives | gradual: median peak (range) | gradual: seeds with > 50 actives | sudden - gradual, mean (95% CI) | seeds sudden > gradual |');
  out('|---|---|---|---|---|---|---|');
  const variants: [string, KernelParams][] = [
    ['run3 (cops 0.074, Jmax infinite, NetLogo\'s rules)', preset(CIVIL, 'run3')],
    ['run3 with Mesa\'s rules', { ...preset(CIVIL, 'run3'), arrestRounding: 'half-even', neighbourhood: 'von-neumann', jailTerm: 'inclusive' }],
    ['run3 without rounding', { ...preset(CIVIL, 'run3'), arrestRounding: 'none' }],
    ['netlogo preset at L 0.9 (cops 0.04, Jmax 30)', { ...preset(CIVIL, 'netlogo'), legitimacy: 0.9 }],
  ];
  for (const [label, p] of variants) {
    const s = SEEDS.map((seed) => peak(runCivil(p, seed, TICKS, sudden).series.active, 77));
    const g = SEEDS.map((seed) => peak(runCivil(p, seed, TICKS, gradual).series.active, 77));
    const d = s.map((x, i) => x - g[i]);
    out(
      `| ${label} | ${median(s)} (${range(s)}) | ${s.filter((x) => x > 50).length} of ${N} | ${median(g)} (${range(g)}) | ${g.filter((x) => x > 50).length} of ${N} | ${f(mean(d))} (${f(mean(d) - half95(d))} to ${f(mean(d) + half95(d))}) | ${d.filter((x) => x > 0).length} of ${N} (${d.filter((x) => x < 0).length} fewer) |`,
    );
    progress(`legitimacy drop: ${label}`);
  }
  out('');
}

// ---- Model I: activity by cop density --------------------------------------------------------------

{
  const TICKS = 500;
  const densities = [0.074, 0.06, 0.05, 0.04, 0.03, 0.02];
  out(`## Model I: activity by cop density (${N} paired seeds x ${TICKS} ticks; the density set from the start)`);
  out('');
  out(`| preset | ${densities.map((d) => `cops ${d}`).join(' | ')} |`);
  out(`|---|${densities.map(() => '---').join('|')}|`);
  for (const name of ['run5', 'netlogo', 'mesa']) {
    const cellsMean: string[] = [];
    for (const copDensity of densities) {
      const m: number[] = [];
      const pk: number[] = [];
      const q: number[] = [];
      for (const seed of SEEDS) {
        const a = runCivil({ ...preset(CIVIL, name), copDensity }, seed, TICKS).series.active;
        m.push(average(a));
        pk.push(peak(a));
        q.push(outburstStats(a, 50).outbursts);
      }
      cellsMean.push(`${f(mean(m), 1)} / ${median(pk)} / ${f(mean(q), 1)}`);
    }
    out(`| ${name} | ${cellsMean.join(' | ')} |`);
    progress(`cop density: ${name}`);
  }
  out('');
  out('Each cell: mean actives per tick (mean over seeds) / median peak actives / mean number of outbursts (> 50 actives).');
  out('');
  const stepDown = Array.from({ length: 11 }, (_, i): Change => ({ tick: 50 + 25 * i, name: 'copDensity', value: (70 - 4 * i) / 1000 }));
  const STEP_TICKS = 400;
  out(`### Cops withdrawn step by step (run5 preset; 0.074, then 0.070 at t = 50 down to 0.030 at t = 300 in steps of 0.004 every 25 ticks; ${N} paired seeds x ${STEP_TICKS} ticks)`);
  out('');
  out('| arm | median peak actives (range) | seeds with an outburst (> 50) | cops when actives first exceed 50, median (range) | mean actives per tick |');
  out('|---|---|---|---|---|');
  for (const [label, schedule] of [['constant 0.074', []], ['step-down to 0.030', stepDown]] as const) {
    const pk: number[] = [];
    const tipCops: number[] = [];
    const m: number[] = [];
    for (const seed of SEEDS) {
      const r = runCivil({ ...preset(CIVIL, 'run5'), copDensity: 0.074 }, seed, STEP_TICKS, schedule);
      const a = r.series.active;
      pk.push(peak(a));
      m.push(average(a));
      // Counted after the set-up transient (t >= 20), as the cops only start to leave at t = 50.
      for (let t = 20; t < a.length; t++) {
        if (a[t] > 50) {
          tipCops.push(r.series.cops[t]);
          break;
        }
      }
    }
    out(`| ${label} | ${median(pk)} (${range(pk)}) | ${pk.filter((x) => x > 50).length} of ${N} | ${tipCops.length ? `${median(tipCops)} (${range(tipCops)})` : '-'} | ${f(mean(m), 2)} |`);
  }
  out('');
  progress('cop step-down');
}

// ---- Model II: time to elimination by peacekeeper density ----------------------------------------

{
  const CAP = 3000;
  const densities = [0, 0.02, 0.04, 0.06, 0.08, 0.1];
  out(`## Model II: time to elimination by peacekeeper density (run7 preset, L 0.8, peacekeepers arrive at t = 50; ${N} paired seeds, each run stopped at elimination or at ${CAP} ticks)`);
  out('');
  out(`| cop density | eliminated within ${CAP} | median tick (censored at ${CAP}) | range (eliminated runs) | mean (s.d.), censored at ${CAP} | winner A / B |`);
  out('|---|---|---|---|---|---|');
  for (const copDensity of densities) {
    const times: number[] = [];
    const done: number[] = [];
    let a = 0;
    let b = 0;
    for (const seed of SEEDS) {
      const m = createModel({ model: ETHNIC, params: { ...preset(ETHNIC, 'run7'), copDensity }, seed, ticks: CAP });
      while (!m.done) {
        m.step();
        const o = m.observe();
        if (o.groupA === 0 || o.groupB === 0) break;
      }
      const s = m.summary() as unknown as EthnicSummary;
      times.push(s.eliminationTick ?? CAP);
      if (s.eliminationTick !== null) done.push(s.eliminationTick);
      if (s.survivor === 'A') a++;
      if (s.survivor === 'B') b++;
    }
    out(`| ${copDensity} | ${done.length} of ${N} | ${median(times)} | ${done.length ? range(done) : '-'} | ${f(mean(times), 0)} (${f(sd(times), 0)}) | ${a} / ${b} |`);
    progress(`Model II cop density ${copDensity}`);
  }
  out('');
}
