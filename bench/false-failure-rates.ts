/**
 * `npx tsx bench/false-failure-rates.ts [--resamples R] [--scale S] [--only a,b,...] [--cache FILE | --no-cache] [--pools-only]`
 *
 * Measures how often each test of test/stats/epstein-results.test.ts would fail on FRESH seeds
 * (its false-failure rate), and shows that each still fails when the effect it checks is absent.
 *
 * How: the per-seed outcomes the tests use (test/stats/epstein-outcomes.ts) are computed once for
 * a pool of fresh seeds (100001 on: disjoint from the tests' 1..N), then each test's checks
 * (test/stats/epstein-checks.ts, the very functions the test asserts) are evaluated
 *   - on R random subsets of the test's size drawn without replacement from the pool, and on R
 *     bootstrap draws (with replacement: independent draws from the pool's distribution, as
 *     fresh seeds are); R = 10000 by default, drawn by a fixed-seed generator; and
 *   - on the pool cut into disjoint consecutive blocks of the test's size ("blocks": fewer, but
 *     each is exactly a fresh run of the test on seeds it never saw).
 * The false-failure rate is the share that fail, with its 95% Clopper-Pearson interval. The
 * resamples see only outcomes present in the pool; the count bounds inside the checks are chosen
 * from the pool's rates' upper confidence bounds for that reason (see the checks).
 *
 * "Effect absent": each test is also evaluated, the same way, on data in which its effect is
 * missing, and should then fail (nearly) every time:
 *   - paired comparisons: the two arms made exchangeable, by taking the "treated" arm from the
 *     other arm of different pool seeds (both arms then come from one distribution, so the paired
 *     differences are symmetric about 0: a sign test at ALPHA passes at most ALPHA of the time),
 *     and the two arms made identical (every difference 0);
 *   - a rate or a pattern: runs of a variant of the model without the effect, with pools of their
 *     own (POOLS below).
 *
 * Pools (size at --scale 1; each cached in the cache file, out/false-failure-pool.json by
 * default, so a rerun only evaluates): see POOLS below. Single-threaded, on the project's 2-core
 * machine: about 8 minutes from an empty cache (7.5 of them computing the pools), 75 s from a
 * full one. Deterministic: a run from an empty cache printed the same figures as one from a
 * full cache (2026-12-01). --scale 0.2 --resamples 1000 gives a rough look in about 2 minutes,
 * but a small pool's own chance imbalances are resampled with it and overstate some rates (at
 * --scale 0.2, (d)'s winner test: A won 48 of the 80 pool runs, so 3% of bootstrap draws fail,
 * against 0.17% at --scale 1 and an exact 0.22% for a fair coin); quote --scale 1 figures.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  CAP,
  CIVIL,
  ETHNIC,
  copsRow,
  legitimacyRow,
  outburstRow,
  peacekeeperRow,
  preset,
  untilElimination,
  type CopsRow,
  type Elimination,
  type LegitimacyRow,
  type OutburstRow,
  type PeacekeeperRow,
} from '../test/stats/epstein-outcomes';
import { clopperPearson } from '../analysis/stats';
import { A, B, C, D, E, checkA, checkB, checkC1, checkC2, checkD, checkE, type Verdict } from '../test/stats/epstein-checks';

// ---- arguments -----------------------------------------------------------------------------------

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const RESAMPLES = Number(opt('--resamples') ?? 10000);
const SCALE = Number(opt('--scale') ?? 1);
const ONLY = opt('--only')?.split(',');
const CACHE = args.includes('--no-cache') ? null : (opt('--cache') ?? 'out/false-failure-pool.json');
const POOLS_ONLY = args.includes('--pools-only');
if (!Number.isInteger(RESAMPLES) || RESAMPLES < 1 || !(SCALE > 0)) {
  process.stderr.write('usage: npx tsx bench/false-failure-rates.ts [--resamples R] [--scale S] [--only a,b,c,d,e] [--cache FILE | --no-cache] [--pools-only]\n');
  process.exit(2);
}
const FIRST_SEED = 100_001;

// ---- pools ---------------------------------------------------------------------------------------

interface Pool<Row> {
  readonly name: string;
  readonly what: string;
  readonly size: number;
  readonly row: (seed: number) => Row;
  readonly tests: readonly string[];
}

/** A pool of `size` x --scale seeds, never fewer than `min` (what its tests need: their seeds, twice over for exchangeable arms). */
const pool = <Row>(name: string, what: string, size: number, min: number, tests: readonly string[], row: (seed: number) => Row): Pool<Row> => ({
  name,
  what,
  size: Math.max(min, Math.round(size * SCALE)),
  row,
  tests,
});

const POOLS = {
  a: pool('a', 'netlogo preset (= run 2), 1,100 ticks, the first 100 dropped', 300, 2 * A.seeds, ['a'], (seed): OutburstRow => outburstRow(seed)),
  aNoRounding: pool('a-no-rounding', 'the same without rounding C / A (no outbursts: the paper\'s text)', 40, A.seeds, ['a'], (seed): OutburstRow =>
    outburstRow(seed, { ...preset(CIVIL, 'netlogo'), arrestRounding: 'none' })),
  aFewCops: pool('a-cops-0.02', 'the same with cop density 0.02 (rebellion most of the time)', 40, A.seeds, ['a'], (seed): OutburstRow =>
    outburstRow(seed, { ...preset(CIVIL, 'netlogo'), copDensity: 0.02 })),
  b: pool('b', 'run3 preset, sudden and gradual drop, 130 ticks', 1000, 2 * B.seeds, ['b'], (seed): LegitimacyRow => legitimacyRow(seed)),
  bSpiky: pool('b-netlogo-L0.9', 'netlogo preset (cops 0.04, Jmax 30) from L 0.9, sudden and gradual: both drops explode', 40, B.seeds, ['b'], (seed): LegitimacyRow =>
    legitimacyRow(seed, { ...preset(CIVIL, 'netlogo'), legitimacy: 0.9 })),
  c: pool('c', 'run5 preset, 400 ticks: cops 0.074, 0.03, and the step-down', 400, 2 * C.seeds, ['c1', 'c2'], (seed): CopsRow => copsRow(seed)),
  de: pool('de', 'run7 preset to elimination (cap 1,500) at peacekeepers 0, 0.04, 0.08', 400, 2 * E.seeds, ['d', 'e'], (seed): PeacekeeperRow => peacekeeperRow(seed)),
  dCalm: pool('d-run6', 'run6 preset (L 0.9: nobody ever active), no peacekeepers, to the cap', 40, D.seeds, ['d'], (seed): Elimination => untilElimination(preset(ETHNIC, 'run6'), seed)),
  dBiased: pool('d-share-0.6', 'run7 with group share 0.6 (A the majority), no peacekeepers', 100, D.seeds, ['d'], (seed): Elimination =>
    untilElimination({ ...preset(ETHNIC, 'run7'), groupShare: 0.6 }, seed)),
  dSlightlyBiased: pool('d-share-0.52', 'run7 with group share 0.52, no peacekeepers', 200, D.seeds, ['d'], (seed): Elimination =>
    untilElimination({ ...preset(ETHNIC, 'run7'), groupShare: 0.52 }, seed)),
} as const;

type Cache = Record<string, Record<string, unknown>>;
const cache: Cache = CACHE && existsSync(CACHE) ? (JSON.parse(readFileSync(CACHE, 'utf8')) as Cache) : {};
const save = () => {
  if (!CACHE) return;
  mkdirSync(dirname(CACHE), { recursive: true });
  writeFileSync(CACHE, JSON.stringify(cache));
};

/** The pool's rows for seeds FIRST_SEED.., computing (and caching) the missing ones. */
function rowsOf<Row>(p: Pool<Row>): Row[] {
  const stored = (cache[p.name] ??= {});
  const rows: Row[] = [];
  const t0 = performance.now();
  let computed = 0;
  for (let i = 0; i < p.size; i++) {
    const seed = FIRST_SEED + i;
    if (!(seed in stored)) {
      stored[seed] = p.row(seed);
      computed++;
      if (computed % 25 === 0) {
        save();
        process.stderr.write(`  ${p.name}: ${i + 1} of ${p.size} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
      }
    }
    rows.push(stored[seed] as Row);
  }
  if (computed > 0) {
    save();
    process.stderr.write(`pool ${p.name}: ${computed} seeds computed in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  return rows;
}

const wanted = (p: Pool<unknown>) => !ONLY || p.tests.some((t) => ONLY.some((o) => t.startsWith(o)));

if (POOLS_ONLY) {
  for (const p of Object.values(POOLS) as Pool<unknown>[]) if (wanted(p)) rowsOf(p);
  process.exit(0);
}

// ---- resampling ----------------------------------------------------------------------------------

/** mulberry32: a small fixed-seed generator for choosing subsets (the bench's, not the engine's). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** k distinct elements of xs, uniformly (partial Fisher-Yates). */
function subset<T>(xs: readonly T[], k: number, random: () => number): T[] {
  if (k > xs.length) throw new Error(`a subset of ${k} from a pool of ${xs.length}`);
  const a = [...xs];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

/** k elements of xs drawn with replacement (the bootstrap: k independent draws from the pool's distribution). */
function bootstrap<T>(xs: readonly T[], k: number, random: () => number): T[] {
  return Array.from({ length: k }, () => xs[Math.floor(random() * xs.length)]);
}

/** The same arm of two different seeds: the first `seeds` rows and the next `seeds`, drawn together. */
function twoDisjoint<T>(xs: readonly T[], seeds: number, random: () => number): [T[], T[]] {
  const s = subset(xs, 2 * seeds, random);
  return [s.slice(0, seeds), s.slice(seeds)];
}

interface Tally {
  readonly runs: number;
  readonly failed: number;
  /** Failures per claim (a run can fail several). */
  readonly byClaim: Map<string, number>;
}

function tally(runs: number, evaluate: (i: number) => Verdict): Tally {
  let failed = 0;
  const byClaim = new Map<string, number>();
  for (let i = 0; i < runs; i++) {
    const v = evaluate(i);
    const bad = v.checks.filter((c) => !c.ok);
    if (bad.length > 0) failed++;
    for (const c of bad) byClaim.set(c.claim, (byClaim.get(c.claim) ?? 0) + 1);
  }
  return { runs, failed, byClaim };
}

const pct = (x: number) => `${(100 * x).toFixed(x < 0.01 ? 2 : 1)}%`;
function line(label: string, t: Tally): string {
  const ci = clopperPearson(t.failed, t.runs, 0.95);
  const claims = [...t.byClaim].map(([c, k]) => `      ${k} x ${c}`).join('\n');
  return `  ${label}: failed ${t.failed} of ${t.runs} = ${pct(t.failed / t.runs)} (95% CI ${pct(ci.lo)} to ${pct(ci.hi)})${claims ? `\n${claims}` : ''}`;
}

interface Study<Row> {
  readonly test: string;
  readonly name: string;
  readonly seeds: number;
  readonly pool: Pool<unknown>;
  /** The pool's rows as the check takes them. */
  readonly rows: () => readonly Row[];
  readonly check: (rows: readonly Row[]) => Verdict;
  /** Data of the test's size in which the effect is absent, and what that is. */
  readonly absent: readonly { readonly what: string; readonly draw: (random: () => number) => Row[] }[];
}

function evaluate<Row>(study: Study<Row>): void {
  const rows = study.rows();
  const n = study.seeds;
  if (rows.length < n) {
    process.stdout.write(`\n${study.name}: skipped, its pool (${rows.length}) is smaller than the test (${n} seeds); raise --scale\n`);
    return;
  }
  process.stdout.write(`\n${study.name}: ${n} seeds; pool ${study.pool.name} (${study.pool.what}), ${rows.length} fresh seeds from ${FIRST_SEED}\n`);
  const random = generator(20261129);
  process.stdout.write(`${line(`fresh seeds, ${RESAMPLES} random subsets of ${n}`, tally(RESAMPLES, () => study.check(subset(rows, n, random))))}\n`);
  process.stdout.write(`${line(`fresh seeds, ${RESAMPLES} bootstrap draws of ${n}`, tally(RESAMPLES, () => study.check(bootstrap(rows, n, random))))}\n`);
  const blocks = Math.floor(rows.length / n);
  if (blocks > 0) process.stdout.write(`${line(`fresh seeds, ${blocks} disjoint blocks of ${n} consecutive seeds`, tally(blocks, (b) => study.check(rows.slice(b * n, (b + 1) * n))))}\n`);
  for (const a of study.absent) {
    const runs = Math.min(RESAMPLES, 1000);
    process.stdout.write(`${line(`effect absent, ${a.what} (${runs} draws)`, tally(runs, () => study.check(a.draw(random))))}\n`);
  }
}

/** Rows of a variant pool, drawn as the test would see them. */
const fromPool = <Row>(p: Pool<Row>, n: number) => {
  const rows = rowsOf(p);
  return (random: () => number) => subset(rows, Math.min(n, rows.length), random);
};

const STUDIES: Study<any>[] = [
  {
    test: 'a',
    name: A.name,
    seeds: A.seeds,
    pool: POOLS.a,
    rows: () => rowsOf(POOLS.a),
    check: checkA,
    absent: [
      { what: POOLS.aNoRounding.what, draw: fromPool(POOLS.aNoRounding, A.seeds) },
      { what: POOLS.aFewCops.what, draw: fromPool(POOLS.aFewCops, A.seeds) },
    ],
  } satisfies Study<OutburstRow>,
  {
    test: 'b',
    name: B.name,
    seeds: B.seeds,
    pool: POOLS.b,
    rows: () => rowsOf(POOLS.b),
    check: checkB,
    absent: [
      {
        what: 'arms exchangeable: the "sudden" arm is the gradual arm of other seeds',
        draw: (random) => {
          const [x, y] = twoDisjoint(rowsOf(POOLS.b), B.seeds, random);
          return x.map((r, i) => ({ ...r, sudden: y[i].gradual }));
        },
      },
      { what: 'arms identical: the "sudden" arm is the same seed\'s gradual arm', draw: (random) => subset(rowsOf(POOLS.b), B.seeds, random).map((r) => ({ ...r, sudden: r.gradual })) },
      { what: POOLS.bSpiky.what, draw: fromPool(POOLS.bSpiky, B.seeds) },
    ],
  } satisfies Study<LegitimacyRow>,
  {
    test: 'c1',
    name: `${C.name}: 0.03 against 0.074`,
    seeds: C.seeds,
    pool: POOLS.c,
    rows: () => rowsOf(POOLS.c),
    check: checkC1,
    absent: [
      {
        what: 'arms exchangeable: the "0.03" arm is the 0.074 arm of other seeds',
        draw: (random) => {
          const [x, y] = twoDisjoint(rowsOf(POOLS.c), C.seeds, random);
          return x.map((r, i) => ({ ...r, meanFew: y[i].meanMany }));
        },
      },
      { what: 'arms identical', draw: (random) => subset(rowsOf(POOLS.c), C.seeds, random).map((r) => ({ ...r, meanFew: r.meanMany })) },
    ],
  } satisfies Study<CopsRow>,
  {
    test: 'c2',
    name: `${C.name}: step-down against constant`,
    seeds: C.seeds,
    pool: POOLS.c,
    rows: () => rowsOf(POOLS.c),
    check: checkC2,
    absent: [
      {
        what: 'arms exchangeable: the "step-down" arm is the constant arm of other seeds',
        draw: (random) => {
          const [x, y] = twoDisjoint(rowsOf(POOLS.c), C.seeds, random);
          return x.map((r, i) => ({ ...r, peakStepped: y[i].peakConstant }));
        },
      },
      { what: 'arms identical', draw: (random) => subset(rowsOf(POOLS.c), C.seeds, random).map((r) => ({ ...r, peakStepped: r.peakConstant })) },
      {
        what: 'the constant force as rebellious as the step-down: the "constant" arm is the step-down arm of other seeds',
        draw: (random) => {
          const [x, y] = twoDisjoint(rowsOf(POOLS.c), C.seeds, random);
          return x.map((r, i) => ({ ...r, peakConstant: y[i].peakStepped }));
        },
      },
    ],
  } satisfies Study<CopsRow>,
  {
    test: 'd',
    name: D.name,
    seeds: D.seeds,
    pool: POOLS.de,
    rows: () => rowsOf(POOLS.de).map((r) => r.none),
    check: checkD,
    absent: [
      { what: POOLS.dCalm.what, draw: fromPool(POOLS.dCalm, D.seeds) },
      { what: POOLS.dBiased.what, draw: fromPool(POOLS.dBiased, D.seeds) },
      { what: POOLS.dSlightlyBiased.what, draw: fromPool(POOLS.dSlightlyBiased, D.seeds) },
    ],
  } satisfies Study<Elimination>,
  {
    test: 'e',
    name: E.name,
    seeds: E.seeds,
    pool: POOLS.de,
    rows: () => rowsOf(POOLS.de),
    check: checkE,
    absent: [
      {
        what: 'peacekeepers 0.04 exchangeable with none: the "0.04" arm is the no-peacekeeper arm of other seeds',
        draw: (random) => {
          const [x, y] = twoDisjoint(rowsOf(POOLS.de), E.seeds, random);
          return x.map((r, i) => ({ ...r, t4: y[i].none.tick ?? CAP }));
        },
      },
      {
        what: 'peacekeepers 0.08 exchangeable with 0.04: the "0.08" arm is the 0.04 arm of other seeds',
        draw: (random) => {
          const [x, y] = twoDisjoint(rowsOf(POOLS.de), E.seeds, random);
          return x.map((r, i) => ({ ...r, t8: y[i].t4 }));
        },
      },
      { what: 'arms identical (0.08 = 0.04)', draw: (random) => subset(rowsOf(POOLS.de), E.seeds, random).map((r) => ({ ...r, t8: r.t4 })) },
    ],
  } satisfies Study<PeacekeeperRow>,
];

// ---- the pool rates the checks' count bounds are chosen from ---------------------------------------

function rates(): void {
  const count = <Row>(p: Pool<Row>, f: (r: Row) => boolean) => {
    const rows = rowsOf(p);
    const x = rows.filter(f).length;
    const ci = clopperPearson(x, rows.length, 0.95);
    return `{ x: ${x}, n: ${rows.length} } (${pct(x / rows.length)}, 95% CI ${pct(ci.lo)} to ${pct(ci.hi)})`;
  };
  const lines: string[] = [];
  if (!ONLY || ONLY.includes('a')) lines.push(`A.recurring (seeds with 2+ outbursts): ${count(POOLS.a, (r) => r.outbursts >= 2)}`);
  if (!ONLY || ONLY.includes('b')) lines.push(`B.gradualSpikes (gradual runs > 50 actives): ${count(POOLS.b, (r) => r.gradual > 50)}`);
  if (!ONLY || ONLY.some((o) => o.startsWith('c'))) {
    lines.push(`C.steppedOutbursts (step-down runs > 50 actives): ${count(POOLS.c, (r) => r.peakStepped > 50)}`);
    lines.push(`C.constantOutbursts (constant-0.074 runs > 50 actives): ${count(POOLS.c, (r) => r.peakConstant > 50)}`);
  }
  if (!ONLY || ONLY.includes('d')) lines.push(`D.noVictor (run 7 without a single victor by the cap): ${count(POOLS.de, (r) => r.none.tick === null || (r.none.survivor !== 'A' && r.none.survivor !== 'B'))}`);
  if (lines.length) process.stdout.write(`Pool rates behind the count bounds (test/stats/epstein-checks.ts):\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}

const t0 = performance.now();
process.stdout.write(`bench/false-failure-rates.ts: node ${process.version}; resamples ${RESAMPLES}; scale ${SCALE}\n`);
rates();
for (const s of STUDIES) if (!ONLY || ONLY.some((o) => s.test.startsWith(o))) evaluate(s);
process.stdout.write(`\n(${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
