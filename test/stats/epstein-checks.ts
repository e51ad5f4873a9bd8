/**
 * The assertions of test/stats/epstein-results.test.ts as functions of the per-seed outcomes
 * (epstein-outcomes.ts): each returns its checks (a claim, pass or fail, and the figures) so that
 * the test asserts them and bench/false-failure-rates.ts measures how often they fail on fresh
 * seeds and when the effect is absent.
 *
 * Methods (analysis/stats.ts): exact sign tests of paired differences, Hodges-Lehmann intervals
 * (Wilcoxon signed rank) for "by how much", and count bounds "at most / at least k of n runs",
 * with k chosen from a binomial bound on the rate measured on a pool of fresh seeds (the pool's
 * counts are written below, as `npx tsx bench/false-failure-rates.ts` prints them first;
 * measured 2026-12-01 on seeds 100001 on). Each count bound allows
 * ALPHA_COUNT = 0.005 of false failures at the pool rate's 95% Clopper-Pearson bound (the far
 * end), so it holds even if the true rate is somewhat worse than the pool's.
 */
import {
  allowedCount,
  clopperPearson,
  hodgesLehmann,
  minSeedsForHodgesLehmann,
  minSeedsForSignTest,
  requireSeeds,
  requiredCount,
  signTest,
} from '../../analysis/stats';
import { CAP, type CopsRow, type Elimination, type LegitimacyRow, type OutburstRow, type PeacekeeperRow } from './epstein-outcomes';

export interface Check {
  readonly claim: string;
  readonly ok: boolean;
  /** The figures behind it, for the failure message and the report. */
  readonly detail: string;
}

export interface Verdict {
  readonly checks: readonly Check[];
  /** The per-seed figures, for failure messages. */
  readonly table: string;
}

/** One-sided level of every sign test: a claim passes by chance, with no effect, at most this often. */
export const ALPHA = 0.001;
/** Two-sided level of the Hodges-Lehmann intervals: each end is a one-sided bound at 1 - ALPHA. */
export const HL_LEVEL = 1 - 2 * ALPHA;
/** False-failure allowance of each count bound, at the far end of the pool rate's 95% interval. */
export const ALPHA_COUNT = 0.005;

/** A rate measured on the pool of fresh seeds: x of n. */
interface PoolRate {
  readonly x: number;
  readonly n: number;
}
/**
 * The bound "at most k of `seeds` runs" for an event whose pool rate is `r`: fails with probability
 * at most ALPHA_COUNT if the true rate is at most the rate's upper 95% bound. A bound that allows
 * half the runs or more says nothing ("rarely"), so that throws, naming the test.
 */
export function atMost(seeds: number, r: PoolRate, what: string): number {
  const k = allowedCount(seeds, clopperPearson(r.x, r.n, 0.95).hi, ALPHA_COUNT);
  if (2 * k >= seeds) throw new Error(`${what}: at ${seeds} seeds the bound would allow ${k} of them (pool rate ${r.x} of ${r.n}): not "rarely"; use more seeds`);
  return k;
}

/** The bound "at least k of `seeds` runs" for an event whose pool rate is `r` (a majority, or it throws). */
export function atLeast(seeds: number, r: PoolRate, what: string): number {
  const k = requiredCount(seeds, clopperPearson(r.x, r.n, 0.95).lo, ALPHA_COUNT);
  if (2 * k <= seeds) throw new Error(`${what}: at ${seeds} seeds the bound would require only ${k} of them (pool rate ${r.x} of ${r.n}): not "most"; use more seeds`);
  return k;
}

const f1 = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const sign = (d: readonly number[]) => {
  const s = signTest(d);
  return { ...s, text: `${s.positive} above 0, ${s.negative} below, ${s.ties} tied: sign test p ${s.pGreater.toPrecision(2)} (needs <= ${ALPHA})` };
};
const hl = (d: readonly number[]) => {
  const h = hodgesLehmann(d, HL_LEVEL);
  return { ...h, text: `Hodges-Lehmann ${f1(h.estimate)}, ${HL_LEVEL} interval [${f1(h.lo)}, ${f1(h.hi)}]` };
};
const differences = (a: readonly number[], b: readonly number[]) => a.map((x, i) => b[i] - x);

/** The fewest seeds at which a sign test and a Hodges-Lehmann interval at the levels above can pass. */
export const MIN_PAIRED = Math.max(minSeedsForSignTest(ALPHA), minSeedsForHodgesLehmann(HL_LEVEL));

// ---- (a) -----------------------------------------------------------------------------------------

export const A = {
  name: '(a) punctuated equilibrium (netlogo preset)',
  seeds: 20,
  /** Pool (seeds 100001..100300): seeds with at least 2 outbursts in the 1,000-tick window. */
  recurring: { x: 300, n: 300 },
};

export function checkA(rows: readonly OutburstRow[]): Verdict {
  requireSeeds(rows.length, MIN_PAIRED, A.name);
  const table = rows.map((r) => `seed ${r.seed}: ${r.outbursts} outbursts, quiet ${(100 * r.quietShare).toFixed(0)}%, wait ${r.meanWait?.toFixed(1)}, length ${r.meanOutburstLength?.toFixed(1)}`).join('\n');
  const recurring = rows.filter((r) => r.outbursts >= 2).length;
  const minRecurring = atLeast(rows.length, A.recurring, A.name);
  const quiet = sign(rows.map((r) => r.quietShare - 0.5));
  const both = rows.filter((r) => r.meanWait !== null && r.meanOutburstLength !== null);
  const gap = sign(both.map((r) => r.meanWait! - r.meanOutburstLength!));
  return {
    table,
    checks: [
      {
        claim: `outbursts recur: at least ${minRecurring} of ${rows.length} seeds have 2 or more`,
        ok: recurring >= minRecurring,
        detail: `${recurring} of ${rows.length} (pool rate ${A.recurring.x} of ${A.recurring.n})`,
      },
      { claim: 'most ticks are quiet: the median share of quiet ticks is above 1/2', ok: quiet.pGreater <= ALPHA, detail: `quiet share minus 1/2: ${quiet.text}` },
      { claim: 'punctuated: the wait between outbursts is longer than an outburst', ok: gap.pGreater <= ALPHA, detail: `wait minus outburst length, ${both.length} seeds with a wait: ${gap.text}` },
    ],
  };
}

// ---- (b) -----------------------------------------------------------------------------------------

export const B = {
  name: '(b) legitimacy drop (run3 preset)',
  seeds: 40,
  /** Pool (seeds 100001..101000): gradual runs with more than 50 actives after the drop (2.5%). */
  gradualSpikes: { x: 25, n: 1000 },
};

export function checkB(rows: readonly LegitimacyRow[]): Verdict {
  requireSeeds(rows.length, MIN_PAIRED, B.name);
  const table = `sudden  ${rows.map((r) => r.sudden).join(' ')}\ngradual ${rows.map((r) => r.gradual).join(' ')}`;
  const d = differences(rows.map((r) => r.gradual), rows.map((r) => r.sudden));
  const s = sign(d);
  const h = hl(d);
  const spikes = rows.filter((r) => r.gradual > 50).length;
  const max = atMost(rows.length, B.gradualSpikes, B.name);
  return {
    table,
    checks: [
      { claim: 'nobody is active before the drop (G <= T at L 0.9)', ok: rows.every((r) => r.before === 0), detail: `peaks before t = 77: ${rows.map((r) => r.before).join(' ')}` },
      { claim: 'the sudden drop peaks higher than the gradual one in most seeds', ok: s.pGreater <= ALPHA, detail: `sudden minus gradual peak: ${s.text}` },
      { claim: 'the sudden drop peaks higher by a margin above 0', ok: h.lo > 0, detail: `sudden minus gradual peak: ${h.text}` },
      {
        claim: `the gradual drop rarely spikes: at most ${max} of ${rows.length} gradual runs pass 50 actives`,
        ok: spikes <= max,
        detail: `${spikes} of ${rows.length} (pool rate ${B.gradualSpikes.x} of ${B.gradualSpikes.n})`,
      },
    ],
  };
}

// ---- (c) -----------------------------------------------------------------------------------------

export const C = {
  name: '(c) fewer cops (run5 preset)',
  seeds: 20,
  /** Pool (seeds 100001..100400): step-down runs with an outburst (more than 50 actives). */
  steppedOutbursts: { x: 374, n: 400 },
  /** Pool (the same seeds): constant-0.074 runs with an outburst (5%: not "never"). */
  constantOutbursts: { x: 20, n: 400 },
};

export function checkC1(rows: readonly CopsRow[]): Verdict {
  requireSeeds(rows.length, MIN_PAIRED, `${C.name}: mean actives`);
  const d = differences(rows.map((r) => r.meanMany), rows.map((r) => r.meanFew));
  const s = sign(d);
  const h = hl(d);
  return {
    table: `0.074 ${rows.map((r) => r.meanMany.toFixed(2)).join(' ')}\n0.03  ${rows.map((r) => r.meanFew.toFixed(2)).join(' ')}`,
    checks: [
      { claim: 'cops 0.03 give more actives per tick than 0.074 in most seeds', ok: s.pGreater <= ALPHA, detail: `mean actives, 0.03 minus 0.074: ${s.text}` },
      { claim: 'by a margin above 0', ok: h.lo > 0, detail: `mean actives, 0.03 minus 0.074: ${h.text}` },
    ],
  };
}

export function checkC2(rows: readonly CopsRow[]): Verdict {
  requireSeeds(rows.length, MIN_PAIRED, `${C.name}: step-down`);
  const pc = rows.map((r) => r.peakConstant);
  const ps = rows.map((r) => r.peakStepped);
  const d = differences(pc, ps);
  const s = sign(d);
  const h = hl(d);
  const stepped = ps.filter((x) => x > 50).length;
  const constant = pc.filter((x) => x > 50).length;
  const minStepped = atLeast(rows.length, C.steppedOutbursts, `${C.name}: step-down`);
  const maxConstant = atMost(rows.length, C.constantOutbursts, `${C.name}: step-down`);
  return {
    table: `step-down ${ps.join(' ')}\nconstant  ${pc.join(' ')}`,
    checks: [
      { claim: 'the step-down peaks higher than the constant force in most seeds', ok: s.pGreater <= ALPHA, detail: `peak actives, step-down minus constant: ${s.text}` },
      { claim: 'by a margin above 0', ok: h.lo > 0, detail: `peak actives, step-down minus constant: ${h.text}` },
      {
        claim: `the step-down tips into an outburst: at least ${minStepped} of ${rows.length} runs pass 50 actives`,
        ok: stepped >= minStepped,
        detail: `${stepped} of ${rows.length} (pool rate ${C.steppedOutbursts.x} of ${C.steppedOutbursts.n})`,
      },
      {
        claim: `the constant force rarely sees one: at most ${maxConstant} of ${rows.length} runs pass 50 actives`,
        ok: constant <= maxConstant,
        detail: `${constant} of ${rows.length} (pool rate ${C.constantOutbursts.x} of ${C.constantOutbursts.n})`,
      },
    ],
  };
}

// ---- (d) -----------------------------------------------------------------------------------------

export const D = {
  name: '(d) run 7: elimination, the victor at random',
  seeds: 40,
  /** Pool (seeds 100001..100400): runs without a single victor by the cap (both groups left, or both gone at once). */
  noVictor: { x: 0, n: 400 },
};
/** Two-sided level of the test that A and B win equally often (exact: the groups are symmetric). */
export const D_ALPHA_WINNER = 0.005;

export function checkD(runs: readonly Elimination[]): Verdict {
  requireSeeds(runs.length, minSeedsForSignTest(D_ALPHA_WINNER / 2), D.name);
  const noVictor = runs.filter((r) => r.tick === null || (r.survivor !== 'A' && r.survivor !== 'B')).length;
  const aWins = runs.filter((r) => r.tick !== null && r.survivor === 'A').length;
  const bWins = runs.filter((r) => r.tick !== null && r.survivor === 'B').length;
  // A wins minus B wins as signs: the two-sided sign test of "P(A wins) = 1/2".
  const w = signTest([...Array(aWins).fill(1), ...Array(bWins).fill(-1)]);
  const max = atMost(runs.length, D.noVictor, D.name);
  return {
    table: runs.map((r, i) => `${i + 1}: ${r.tick ?? 'none'} ${r.survivor ?? ''}`).join(', '),
    checks: [
      {
        claim: `a group is eliminated within ${CAP} ticks: at most ${max} of ${runs.length} runs end without a single victor`,
        ok: noVictor <= max,
        detail: `${noVictor} of ${runs.length} (pool rate ${D.noVictor.x} of ${D.noVictor.n})`,
      },
      {
        claim: 'the victor is random: A and B win equally often',
        ok: w.pTwoSided > D_ALPHA_WINNER,
        detail: `A ${aWins}, B ${bWins}: two-sided binomial p ${w.pTwoSided.toPrecision(2)} (fails at <= ${D_ALPHA_WINNER})`,
      },
    ],
  };
}

// ---- (e) -----------------------------------------------------------------------------------------

export const E = { name: '(e) peacekeepers delay elimination', seeds: 40 };

export function checkE(rows: readonly PeacekeeperRow[]): Verdict {
  requireSeeds(rows.length, MIN_PAIRED, E.name);
  const t0 = rows.map((r) => r.none.tick ?? CAP);
  const t4 = rows.map((r) => r.t4);
  const t8 = rows.map((r) => r.t8);
  const checks: Check[] = [];
  for (const [a, b, label] of [[t0, t4, '0.04 against 0'], [t4, t8, '0.08 against 0.04']] as const) {
    const d = differences(a, b);
    const s = sign(d);
    const h = hl(d);
    checks.push(
      { claim: `${label}: elimination later in most seeds`, ok: s.pGreater <= ALPHA, detail: `ticks to elimination, ${label}: ${s.text}` },
      { claim: `${label}: later by a margin above 0`, ok: h.lo > 0, detail: `ticks to elimination, ${label}: ${h.text}` },
    );
  }
  return { checks, table: `ticks to elimination (cap ${CAP} counts as ${CAP}):\n0    ${t0.join(' ')}\n0.04 ${t4.join(' ')}\n0.08 ${t8.join(' ')}` };
}
