/**
 * The qualitative results of Epstein's (2002) civil-violence models that the reference file
 * (docs/sources/epstein-2002-reference.md, "Qualitative results to reproduce") asks the engine to
 * reproduce, as statistical tests over fixed seeds 1..N through the engine's runModel /
 * createModel. Two-arm comparisons are paired (the same seeds in both arms) and asserted with a
 * t-based 95% confidence interval of the mean paired difference, or with a count, which can fail.
 * The rules themselves are tested in epstein-rules.test.ts; the figures beside the paper's are
 * measured by bench/epstein-figures.ts and reported in docs/reference-models.md.
 *
 * Sizes (the whole file runs in about 20 s on the project's 2-core machine):
 *   (a) punctuated equilibrium: netlogo preset (= run 2), 10 seeds x 2,100 ticks, the first 100
 *       dropped as the set-up transient;
 *   (b) legitimacy drop: run3 preset (the paper's runs 3 and 4), 40 seeds x 130 ticks per arm;
 *   (c) cops: run5 preset, 15 seeds x 400 ticks, three arms (0.074, 0.03, a step-down);
 *   (d) Model II, run 7: 30 seeds (the paper's 30 runs), each stopped at elimination, cap 1,500;
 *   (e) Model II, peacekeepers 0 / 0.04 / 0.08: 30 seeds, stopped at elimination, cap 1,500
 *       (a run with both groups left at the cap counts as eliminated at the cap).
 * `EPSTEIN_REPORT=1 npx vitest run test/epstein-results.test.ts` prints what each test measured.
 */
import { describe, expect, it } from 'vitest';
import { createModel, modelKernel, presetValues, runModel, type KernelParams, type RunSpec } from '../sim/index';
import { outburstStats, type EthnicSummary } from '../sim/models/epstein/index';
import { average, peak } from '../bench/series-stats';

const CIVIL = 'epstein-civil-violence';
const ETHNIC = 'epstein-ethnic-violence';

const preset = (model: string, name: string): KernelParams => presetValues(modelKernel(model), name);
/** A scheduled change of a reference model's parameter. */
interface Change {
  readonly tick: number;
  readonly name: string;
  readonly value: number;
}

/**
 * One Model I run. RunSpec types a schedule's names as the main model's parameter names; the
 * engine checks them against the model's own schema at run time, hence the cast.
 */
const runCivil = (params: KernelParams, seed: number, ticks: number, schedule: readonly Change[] = []) =>
  runModel({ model: CIVIL, params, seed, ticks, schedule: schedule as unknown as RunSpec['schedule'] });

const seeds = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

// ---- statistics ---------------------------------------------------------------------------------

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) * (x - m), 0) / (xs.length - 1));
}

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom, by the Cornish-Fisher
 * expansion around the normal quantile (four terms: within 0.001 of the exact value for df >= 9,
 * 2.2619 for df = 9 against 2.2622, 2.0930 for df = 19 against 2.0930).
 */
function t975(df: number): number {
  if (df < 9) throw new Error(`t975: df ${df} too small for the expansion`);
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

interface Interval {
  readonly n: number;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/** Mean and t-based 95% confidence interval. */
function ci95(xs: readonly number[]): Interval {
  const m = mean(xs);
  const half = (t975(xs.length - 1) * sd(xs)) / Math.sqrt(xs.length);
  return { n: xs.length, mean: m, lo: m - half, hi: m + half };
}

/** EPSTEIN_REPORT=1 prints each test's measured figures (the same text its assertions carry). */
const report = (text: string) => {
  if (process.env.EPSTEIN_REPORT === '1') process.stdout.write(`${text}\n\n`);
};

const show = (c: Interval) => `mean ${c.mean.toFixed(2)}, 95% CI [${c.lo.toFixed(2)}, ${c.hi.toFixed(2)}], n ${c.n}`;

/** Paired differences b - a. */
const differences = (a: readonly number[], b: readonly number[]) => a.map((x, i) => b[i] - x);

/** Sign count of paired differences, and the exact one-sided sign-test p of that many positives among the non-ties. */
function signs(d: readonly number[]): { pos: number; neg: number; ties: number; p: number } {
  const pos = d.filter((x) => x > 0).length;
  const neg = d.filter((x) => x < 0).length;
  const n = pos + neg;
  // P(X >= pos), X ~ Binomial(n, 1/2).
  let p = 0;
  let c = 1; // C(n, 0)
  for (let k = 0; k <= n; k++) {
    if (k >= pos) p += c / 2 ** n;
    c = (c * (n - k)) / (k + 1);
  }
  return { pos, neg, ties: d.length - n, p };
}



describe('statistics helpers', () => {
  it('t quantiles and intervals agree with the tables', () => {
    expect(t975(9)).toBeCloseTo(2.2622, 2);
    expect(t975(19)).toBeCloseTo(2.093, 3);
    expect(t975(39)).toBeCloseTo(2.0227, 3);
    const c = ci95([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(c.mean).toBe(5.5);
    expect(c.lo).toBeCloseTo(5.5 - 2.2622 * Math.sqrt(55 / 6) / Math.sqrt(10), 2);
    expect(signs([1, 2, 0, -1, 3]).p).toBeCloseTo(5 / 16, 10); // 3 of 4 positive: P(X >= 3) = 5/16
    expect(signs([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]).p).toBeCloseTo(1 / 1024, 10);
  });
});

// ---- Model I -----------------------------------------------------------------------------------

describe('Model I (epstein-civil-violence): the reference file\'s qualitative results', () => {
  it('(a) run 2 / netlogo preset: outbursts separated by quiet spells, most ticks quiet', () => {
    const N = 10;
    const BURN_IN = 100; // the set-up transient: every run starts with a burst in its first ticks
    const TICKS = 2100;
    const p = preset(CIVIL, 'netlogo');
    const threshold = p.outburstThreshold as number;
    const rows = seeds(N).map((seed) => {
      const active = runCivil(p, seed, TICKS).series.active.subarray(BURN_IN);
      const s = outburstStats(active, threshold);
      return { seed, ...s, quietShare: 1 - s.outburstTicks / active.length };
    });
    const table = rows.map((r) => `seed ${r.seed}: ${r.outbursts} outbursts, quiet ${(100 * r.quietShare).toFixed(0)}%, wait ${r.meanWait?.toFixed(1)}, length ${r.meanOutburstLength?.toFixed(1)}`).join('\n');
    // Outbursts recur: at least two (so at least one quiet spell between them) in most seeds.
    expect(rows.filter((r) => r.outbursts >= 2).length, table).toBeGreaterThanOrEqual(8);
    // Most ticks are quiet (actives <= 50): the mean share over seeds, 95% CI above one half.
    const quiet = ci95(rows.map((r) => r.quietShare));
    expect(quiet.lo, `quiet share: ${show(quiet)}\n${table}`).toBeGreaterThan(0.5);
    // Punctuated: the quiet spell between outbursts is longer than an outburst (paired per seed).
    const both = rows.filter((r) => r.meanWait !== null);
    const gap = ci95(both.map((r) => r.meanWait! - r.meanOutburstLength!));
    report(`(a) quiet share: ${show(quiet)}; wait minus outburst length: ${show(gap)}\n${table}`);
    expect(both.length).toBeGreaterThanOrEqual(8);
    expect(gap.lo, `wait minus outburst length: ${show(gap)}\n${table}`).toBeGreaterThan(0);
  });

  it('(b) run 3: a sudden legitimacy drop (0.9 -> 0.7 at t = 77) sets off a larger peak of actives than the same drop made gradually', () => {
    // The reference file's runs 3 and 4 are the run3 preset: vision 7, L 0.9, infinite Jmax,
    // cop density 0.074, NetLogo's rules (floor rounding, Euclidean disc, 0..Jmax-1).
    const N = 40;
    const TICKS = 130;
    const p = preset(CIVIL, 'run3');
    const sudden: Change[] = [{ tick: 77, name: 'legitimacy', value: 0.7 }];
    // 0.89 at t = 77 down to 0.70 at t = 96: 20 scheduled changes of 0.01.
    const gradual = Array.from({ length: 20 }, (_, i): Change => ({ tick: 77 + i, name: 'legitimacy', value: (89 - i) / 100 }));
    expect(gradual.at(-1)).toEqual({ tick: 96, name: 'legitimacy', value: 0.7 });
    const peakAfter = (schedule: readonly Change[]) =>
      seeds(N).map((seed) => {
        const r = runCivil(p, seed, TICKS, schedule);
        // At L = 0.9, G = 0.9 H (1 - 0.9) <= 0.1 = T: nobody is active before the drop.
        expect(peak(r.series.active, 0, 77)).toBe(0);
        return peak(r.series.active, 77);
      });
    const s = peakAfter(sudden);
    const g = peakAfter(gradual);
    const d = differences(g, s);
    const c = ci95(d);
    const sc = signs(d);
    const detail = `sudden - gradual peak: ${show(c)}; ${sc.pos} of ${N} seeds higher, ${sc.neg} lower\nsudden ${s.join(' ')}\ngradual ${g.join(' ')}`;
    report(`(b) ${detail}`);
    expect(c.lo, detail).toBeGreaterThan(0);
    expect(sc.p, detail).toBeLessThan(0.001);
    // "The same drop made gradually produces no spike": no gradual run has an outburst (> 50 actives).
    expect(g.filter((x) => x > 50).length, detail).toBe(0);
  });

  describe('(c) run 5: fewer cops, more rebellion (paired seeds, 15 x 400 ticks)', () => {
    const N = 15;
    const TICKS = 400;
    const p = preset(CIVIL, 'run5'); // L 0.8, infinite Jmax, cop density 0.074, NetLogo's rules
    // Step-down: 0.074 to 0.030 in steps of 0.004 every 25 ticks from t = 50 (reached at t = 300).
    const stepDown = Array.from({ length: 11 }, (_, i): Change => ({ tick: 50 + 25 * i, name: 'copDensity', value: (70 - 4 * i) / 1000 }));
    const arms = new Map<string, Float64Array[]>();
    const arm = (name: string, copDensity: number, schedule: readonly Change[] = []) => {
      if (!arms.has(name)) arms.set(name, seeds(N).map((seed) => runCivil({ ...p, copDensity }, seed, TICKS, schedule).series.active));
      return arms.get(name)!;
    };

    it('copDensity 0.03 against 0.074 from the start: mean actives per tick higher, CI above 0', () => {
      const many = arm('0.074', 0.074).map((a) => average(a));
      const few = arm('0.03', 0.03).map((a) => average(a));
      const c = ci95(differences(many, few));
      const detail = `mean actives, 0.03 minus 0.074: ${show(c)}; 0.074 ${show(ci95(many))}; 0.03 ${show(ci95(few))}`;
      report(`(c) ${detail}`);
      expect(c.lo, detail).toBeGreaterThan(0);
      expect(signs(differences(many, few)).neg, detail).toBe(0);
    });

    it('withdrawing cops step by step tips the society into an outburst that the constant force never sees', () => {
      const constant = arm('0.074', 0.074);
      const stepped = arm('step-down', 0.074, stepDown);
      const pc = constant.map((a) => peak(a));
      const ps = stepped.map((a) => peak(a));
      const c = ci95(differences(pc, ps));
      const detail = `peak actives, step-down minus constant: ${show(c)}\nstep-down ${ps.join(' ')}\nconstant ${pc.join(' ')}`;
      report(`(c) ${detail}`);
      expect(c.lo, detail).toBeGreaterThan(0);
      // An outburst (> 50 actives) in most step-down runs, and in (almost) no constant run.
      expect(ps.filter((x) => x > 50).length, detail).toBeGreaterThanOrEqual(8);
      expect(pc.filter((x) => x > 50).length, detail).toBeLessThanOrEqual(1);
    });
  });
});

// ---- Model II ----------------------------------------------------------------------------------

const CAP = 1500;

/** Run Model II until a group is gone or the cap; the tick of elimination (0-based) or null. */
function untilElimination(params: KernelParams, seed: number, cap = CAP): EthnicSummary {
  const m = createModel({ model: ETHNIC, params, seed, ticks: cap });
  while (!m.done) {
    m.step();
    const o = m.observe();
    if (o.groupA === 0 || o.groupB === 0) break;
  }
  return m.summary() as unknown as EthnicSummary;
}

describe('Model II (epstein-ethnic-violence): the reference file\'s qualitative results', () => {
  it('(d) run 7, no peacekeepers: one group is eliminated in every seed, the victor at random', () => {
    const N = 30;
    const runs = seeds(N).map((seed) => untilElimination(preset(ETHNIC, 'run7'), seed));
    const detail = runs.map((r, i) => `seed ${i + 1}: ${r.eliminationTick ?? 'none'} ${r.survivor ?? ''}`).join(', ');
    expect(runs.filter((r) => r.eliminationTick !== null).length, detail).toBe(N);
    expect(runs.every((r) => r.survivor === 'A' || r.survivor === 'B'), detail).toBe(true);
    // Groups are symmetric (groupShare 0.5): A wins Binomial(30, 1/2) times; 8..22 holds with
    // probability 0.995, so a biased winner would show.
    const aWins = runs.filter((r) => r.survivor === 'A').length;
    report(`(d) A wins ${aWins} of ${N}; ${detail}`);
    expect(aWins, detail).toBeGreaterThanOrEqual(8);
    expect(aWins, detail).toBeLessThanOrEqual(22);
  });

  it('(e) peacekeepers (arriving at t = 50) delay elimination, and more peacekeepers delay it longer: 0 < 0.04 < 0.08', () => {
    const N = 30;
    const time = (copDensity: number) =>
      seeds(N).map((seed) => untilElimination({ ...preset(ETHNIC, 'run7'), copDensity }, seed).eliminationTick ?? CAP);
    const t0 = time(0);
    const t4 = time(0.04);
    const t8 = time(0.08);
    const detail = `ticks to elimination (cap ${CAP} counts as ${CAP}):\n0    ${t0.join(' ')}\n0.04 ${t4.join(' ')}\n0.08 ${t8.join(' ')}`;
    report(`(e) ${detail}`);
    for (const [a, b, label] of [[t0, t4, '0.04 - 0'], [t4, t8, '0.08 - 0.04']] as const) {
      const d = differences(a, b);
      const c = ci95(d);
      const sc = signs(d);
      const line = `${label}: ${show(c)}; ${sc.pos} later, ${sc.neg} earlier, ${sc.ties} tied (sign test p ${sc.p.toPrecision(2)})\n${detail}`;
      report(`(e) ${line.split('\n')[0]}`);
      expect(c.lo, line).toBeGreaterThan(0);
      expect(sc.p, line).toBeLessThan(0.01);
    }
    // Without peacekeepers every seed is eliminated well within the cap (so the cap censors only
    // the arms with peacekeepers).
    expect(Math.max(...t0), detail).toBeLessThan(CAP);
  });
});
