/**
 * Directional tests of the main model: for each setting whose direction the rules fix, a paired
 * experiment over seeds 1..20 (the same seed in both arms: common random numbers) and an exact
 * one-sided sign test at the 1% level (test/stats/main-directions.ts defines the arms, the
 * outcome and the verdict). A rule that no longer moves the outcome, or moves it the wrong way,
 * fails the test with probability at least 99%.
 *
 * False-failure rates, measured by `npx tsx bench/direction-rates.ts` (pool: seeds 1001-1400,
 * disjoint from the test's; 20,000 random sets of 20 seeds per direction; model r2p-luck-2018/14
 * at the calibrated defaults of issue 13; every row but conscription's and unchallenged-lethality's
 * is as measured at /11, the changes of /12, /13 and /14 reaching no other arm: no fallen venue
 * under an aim to expel, compulsion 0, so conscription adds no one, and no arm but
 * unchallenged-lethality's coerces, so the challenge it answers changes nothing):
 *   direction               +    -  ties  fails/draws  rate   95% upper
 *   incitement              396    0     4      0/20000  0.0000  0.0001
 *   counter-messaging       369    0    31      0/20000  0.0000  0.0001
 *   threshold               391    0     9      0/20000  0.0000  0.0001
 *   deterrence              398    0     2      0/20000  0.0000  0.0001
 *   kill-rate               381   15     4      4/20000  0.0002  0.0004
 *   peacekeeper-capacity    396    0     4      0/20000  0.0000  0.0001
 *   existential-stakes      400    0     0      0/20000  0.0000  0.0001
 *   council-willingness     388    0    12      0/20000  0.0000  0.0001
 *   patron                  400    0     0      0/20000  0.0000  0.0001
 *   trigger                 361    0    39      0/20000  0.0000  0.0001
 *   orders                  396    0     4      0/20000  0.0000  0.0001
 *   conscription            396    0     4      0/20000  0.0000  0.0001
 *   unchallenged-lethality  366    0    34      0/20000  0.0000  0.0001
 *   organised-force         400    0     0      0/20000  0.0000  0.0001
 *   counter-messaging-pulse  360    0    40      0/20000  0.0000  0.0001
 *   inclusive-mediation     337    9    54     41/20000  0.0021  0.0027
 *   exclusive-mediation     400    0     0      0/20000  0.0000  0.0001
 *   robust-presence         314    1    85     11/20000  0.0006  0.0009
 *   safe-area-capacity      396    0     4      0/20000  0.0000  0.0001
 * Every rate is under the test's 1%. At r2p-luck-2018/5's defaults three arms had to change to
 * isolate their rule: peacekeeper-capacity and robust-presence put mass killing out of reach in
 * both arms (a presence that keeps the killing low keeps the leadership's expected cost low too,
 * and about one seed in eight then climbed to mass killing: 8.6% false failures before), and
 * exclusive-mediation lowers the stakes to 0.25, with full spoiling and killing that reaches the
 * whole group (16.7% before). At /8 (far fewer mobilisable, flight ahead of the killing) five more
 * did: kill-rate, council-willingness and patron raise the mobilisable share to 0.3 in both arms
 * (before: ties in most seeds, 2.4% and 8.7% false failures for the Council's two), and the two
 * mediation arms turn flight ahead of the killing off (70.7% and 2.4% before; inclusive-mediation
 * also at stakes 0.9). The largest rate at /11, inclusive-mediation's 0.21%, comes from its 54
 * ties and 9 seeds of 400 against the direction (robust-presence's 0.19% was the largest at /9).
 * The pool's "-" column counts seeds on which the high arm went against the rule's direction.
 */
import { describe, expect, it } from 'vitest';
import { COUNCIL_MEASURES } from '../../sim/index';
import { DIRECTIONS, SEEDS, directionHolds, outcomeOf, signedDiffs } from './main-directions';

const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1);

describe('directions the main model\'s rules fix (paired seeds, sign test at 1%)', () => {
  it.each(DIRECTIONS.map((d) => [d.id, d] as const))('%s', (_id, d) => {
    const diffs = signedDiffs(d, seeds);
    const v = directionHolds(diffs);
    const which = d.sign > 0 ? 'more' : 'less';
    expect(
      v.holds,
      `${d.rule}: the high arm should give ${which} ${d.outcome}; ${v.positive} seeds agree, ${v.negative} disagree, ${v.ties} ties (one-sided p = ${v.p.toPrecision(3)})`,
    ).toBe(true);
  });

  it('a patron leaves no coercive measure adopted, in every seed (the veto rule, not a tendency)', () => {
    const patron = DIRECTIONS.find((d) => d.id === 'patron')!;
    const coerciveAdopted = seeds.map((seed) => outcomeOf(patron, 'high', seed));
    expect(coerciveAdopted.every((n) => n === 0), `coercive measures adopted per seed: ${coerciveAdopted.join(', ')}`).toBe(true);
    // ...while the same Council without a patron adopts some (else the check would be empty).
    expect(seeds.some((seed) => outcomeOf(patron, 'low', seed) > 0)).toBe(true);
    expect(COUNCIL_MEASURES.indexOf('sanctions-arms-embargo')).toBe(2);
  });

  it('the verdict fails when the direction is absent or reversed', () => {
    const agree = Array.from({ length: SEEDS }, () => 1);
    expect(directionHolds(agree).holds).toBe(true);
    expect(directionHolds(agree.map((x) => -x)).holds).toBe(false);
    expect(directionHolds(agree.map((_, i) => (i % 2 ? 1 : -1))).holds).toBe(false);
    // Too few untied pairs decide nothing.
    expect(directionHolds([...Array(9).fill(1), ...Array(11).fill(0)]).holds).toBe(false);
  });
});
