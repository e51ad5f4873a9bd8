/**
 * Rules of the Security Council (sim/models/luck2018/un/council.ts; docs/ODD.md 7.6): the agenda,
 * the fifteen votes and the veto, the ladder of measures and what each adds. The vote stream
 * `un/council-vote` is scripted one uniform per member; offsets are 0, so with
 * councilWillingness 0.15 and perceived risk 0.5 a member votes yes on a statement with
 * pYes = 0.15 + 0.8 x 0.5 - 0.5 x 0.1 = 0.5.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../sim/models/luck2018/params';
import { COERCIVE_FROM, SEVERITY, SIGNAL, adopt, councilStep } from '../../sim/models/luck2018/un/council';
import { COUNCIL_MEASURES, FORCE_LEVEL, type World } from '../../sim/models/luck2018/world';
import { ScriptedStreams, eventLines, tickContext, tinyWorld } from '../helpers/luck-world';

const VOTE = 'un/council-vote';
/** y: votes yes (u tiny); a: no, without a veto (u in (pYes, pYes + 0.4]); v: strong no (a permanent member's veto). */
const U = { y: 0.001, a: 0.7, v: 0.999 } as const;
const ballots = (pattern: string) => [...pattern].map((c) => U[c as keyof typeof U]);

interface Session {
  params?: Partial<Params>;
  tick?: number;
  visible?: number;
  referral?: number;
  adopted?: number[];
  setup?: (w: World) => void;
  draws?: number[];
  consent?: number;
}

/** One Council step on a fresh world; returns the world, the context and the streams. */
function session(pattern: string, s: Session = {}) {
  const { w, p } = tinyWorld({ n: 10, params: { councilWillingness: 0.15, patron: false, measureWait: 21, ...s.params } });
  for (const k of s.adopted ?? []) w.council.adopted.push(k);
  s.setup?.(w);
  const streams = new ScriptedStreams({
    [VOTE]: s.draws ?? ballots(pattern),
    'host/consent/preventive-deployment': [s.consent ?? 0],
  });
  const tick = s.tick ?? 100;
  const ctx = tickContext(w, p, { tick, streams });
  councilStep(ctx, s.visible ?? 0.5, s.referral ?? 0);
  return { w, ctx, streams, tick };
}

describe('the vote', () => {
  // ODD 7.6: adopted if at least 9 members vote yes and no permanent member vetoes.
  it('nine yes votes and no veto adopt the measure', () => {
    const { w, ctx } = session('yyyyyyyyyaaaaaa');
    expect(w.council.adopted).toEqual([1]);
    expect(w.council.level).toBe(1);
    expect(w.council.lastAdopted).toBe(100);
    expect(ctx.spoke).toBe(true);
    expect(eventLines(w)).toEqual(['council adopted statement']);
  });

  it('eight yes votes do not', () => {
    const { w, ctx } = session('yyyyyyyyaaaaaaa');
    expect(w.council.adopted).toEqual([]);
    expect(w.council.level).toBe(0);
    expect(w.councilSignal).toBe(0);
    expect(ctx.spoke).toBe(false);
    expect(w.council.lastConsidered).toBe(100);
    expect(eventLines(w)).toEqual(['council not-adopted statement (8 yes)']);
  });

  it('the ninth yes may come from any member, permanent or not', () => {
    expect(session('aaaaayyyyyyyyyy').w.council.adopted).toEqual([1]); // ten elected members
    expect(session('yyyyyyyyyaaaaaa').w.council.adopted).toEqual([1]); // five permanent + four
  });

  // ODD 7.6: member m votes yes if u_m < pYes_m = clamp(councilWillingness + offset_m + 0.8 perceivedRisk - 0.5 SEVERITY[level]).
  it('a member votes yes when its draw is below pYes, with its own offset', () => {
    const pYes = 0.15 + 0 + 0.8 * 0.5 - 0.5 * SEVERITY[1];
    const eight = ballots('yyyyyyyyaaaaaa');
    expect(session('', { draws: [...eight, pYes - 1e-9] }).w.council.adopted).toEqual([1]);
    expect(session('', { draws: [...eight, pYes] }).w.council.adopted).toEqual([]); // u = pYes is not a yes
    // Member 14's offset of +0.1 raises its pYes to 0.6.
    const offset = (w: World) => (w.council.dispositionOffset[14] = 0.1);
    expect(session('', { draws: [...eight, 0.6 - 1e-9], setup: offset }).w.council.adopted).toEqual([1]);
    expect(session('', { draws: [...eight, 0.6 + 1e-9], setup: offset }).w.council.adopted).toEqual([]);
  });

  it('members hesitate more over heavier measures (0.5 x SEVERITY)', () => {
    // Sanctions: pYes = 0.15 + 0.4 - 0.175 = 0.375; a draw of 0.4 is yes on a statement, no on sanctions.
    const draws = [...ballots('yyyyyyyy'), 0.4, ...ballots('aaaaaa')];
    expect(session('', { draws }).w.council.adopted).toEqual([1]);
    expect(session('', { draws, adopted: [1] }).w.council.adopted).toEqual([1]);
  });

  // ODD 7.6: a permanent member (0-4) that does not vote yes vetoes when u > pYes + 0.4; the first veto counts.
  it('a permanent member strongly opposed vetoes, even against fourteen yes votes', () => {
    const { w, ctx, tick } = session('yyvyyyyyyyyyyyy', { setup: (w) => (w.councilSignal = 0.1) });
    expect(w.council.adopted).toEqual([]);
    expect([w.council.vetoes, w.council.lastVeto]).toEqual([1, tick]);
    expect(w.councilSignal).toBeCloseTo(0.07, 12); // a veto costs 0.03 of credibility
    expect(ctx.spoke).toBe(false);
    expect(eventLines(w)).toEqual(['council vetoed statement by P3 (14 yes)']);
  });

  it('the veto margin is strict: u = pYes + 0.4 abstains, above it vetoes', () => {
    const pYes = 0.15 + 0 + 0.8 * 0.5 - 0.5 * SEVERITY[1]; // the same operations as the rule, so the same bits
    const rest = ballots('yyyyyyyyyyyyyy');
    expect(session('', { draws: [pYes + 0.4, ...rest] }).w.council.vetoes).toBe(0);
    expect(session('', { draws: [pYes + 0.4 + 1e-9, ...rest] }).w.council.vetoes).toBe(1);
  });

  it('elected members (5-14) cannot veto', () => {
    const { w } = session('yyyyyvvvvvyyyyy');
    expect([w.council.vetoes, w.council.adopted]).toEqual([0, [1]]);
  });

  it('a veto never takes credibility below 0, and the first of two vetoes is the one named', () => {
    const { w } = session('yvvyyyyyyyyyyyy', { setup: (w) => (w.councilSignal = 0.01) });
    expect(w.councilSignal).toBe(0);
    expect(w.council.vetoes).toBe(1);
    expect(eventLines(w)[0]).toContain('by P2');
  });

  it('draws one uniform per member, always, even when a veto is certain', () => {
    const { streams, tick } = session('vvvvvvvvvvvvvvv');
    expect(streams.count(VOTE, tick)).toBe(15);
  });
});

describe("a patron's veto", () => {
  // ODD 7.6: with a patron, member 0 has pYes = 0 on coercive measures (level >= 2) and vetoes them; on a statement it votes yes with 0.3 pYes and never vetoes.
  it('blocks every coercive measure, however many vote yes', () => {
    for (let level = COERCIVE_FROM; level <= FORCE_LEVEL; level++) {
      const below = Array.from({ length: level - 1 }, (_, k) => k + 1);
      const { w } = session('yyyyyyyyyyyyyyy', { params: { patron: true, councilWillingness: 0.5 }, adopted: below });
      expect(w.council.adopted, COUNCIL_MEASURES[level]).toEqual(below);
      expect(eventLines(w), COUNCIL_MEASURES[level]).toEqual([`council vetoed ${COUNCIL_MEASURES[level]} by P1 (14 yes)`]);
    }
  });

  it('does not block a non-coercive measure: a statement passes despite the patron', () => {
    const { w } = session('vyyyyyyyyyaaaaa', { params: { patron: true } });
    expect([w.council.vetoes, w.council.adopted]).toEqual([0, [1]]);
  });

  it('on a statement the patron votes yes with 0.3 of its usual chance', () => {
    const eight = ballots('yyyyyyyyaaaaaa');
    const patronYes = 0.3 * (0.15 + 0.8 * 0.5 - 0.5 * SEVERITY[1]);
    expect(session('', { params: { patron: true }, draws: [patronYes - 1e-9, ...eight] }).w.council.adopted).toEqual([1]);
    expect(session('', { params: { patron: true }, draws: [patronYes + 1e-9, ...eight] }).w.council.adopted).toEqual([]);
  });

  it('another permanent member can still veto a statement', () => {
    const { w } = session('yvyyyyyyyyyyyyy', { params: { patron: true } });
    expect(w.council.vetoes).toBe(1);
  });
});

describe('the agenda', () => {
  // ODD 7.6: perceivedRisk = clamp(max(0.97 briefing, visibleRisk) + referral).
  it('perceives risk from the fading briefing or the visible deaths, whichever is higher, plus referrals', () => {
    const at = (briefing: number, visible: number, referral: number) =>
      session('', { visible, referral, setup: (w) => (w.council.briefing = briefing), params: { councilWillingness: 0 }, draws: ballots('aaaaaaaaaaaaaaa') }).w.council
        .perceivedRisk;
    expect(at(0.5, 0.3, 0.1)).toBeCloseTo(0.97 * 0.5 + 0.1, 12);
    expect(at(0.2, 0.3, 0.1)).toBeCloseTo(0.4, 12);
    expect(at(0.9, 0.3, 0.8)).toBe(1);
  });

  // ODD 7.6: a vote needs perceivedRisk >= 0.35, 7 days since the last meeting, measureWait days since the last adoption.
  it('takes the situation up only from perceived risk 0.35', () => {
    expect(session('yyyyyyyyyyyyyyy', { visible: 0.35 }).w.council.adopted).toEqual([1]);
    const { w, streams } = session('yyyyyyyyyyyyyyy', { visible: 0.35 - 1e-9 });
    expect(w.council.adopted).toEqual([]);
    expect(streams.count(VOTE, 100)).toBe(0);
  });

  it('meets at most once every 7 days', () => {
    const last = (lastConsidered: number) => session('yyyyyyyyyyyyyyy', { setup: (w) => (w.council.lastConsidered = lastConsidered) });
    expect(last(94).w.council.adopted).toEqual([]);
    expect(last(94).w.council.lastConsidered).toBe(94);
    expect(last(93).w.council.adopted).toEqual([1]);
  });

  it('gives an adopted measure measureWait days to work before the next vote', () => {
    const after = (lastAdopted: number) =>
      session('yyyyyyyyyyyyyyy', { adopted: [1], setup: (w) => ((w.council.lastAdopted = lastAdopted), (w.council.level = 1)) });
    expect(after(80).w.council.adopted).toEqual([1]); // 20 days
    expect(after(79).w.council.adopted).toEqual([1, 2]); // 21 days
  });

  it('votes no more once every measure has been adopted', () => {
    const { streams } = session('yyyyyyyyyyyyyyy', { adopted: [1, 2, 3, 4, 5, 6] });
    expect(streams.count(VOTE, 100)).toBe(0);
  });
});

describe('the ladder of measures', () => {
  // ODD 7.6: level* = the lowest measure not yet adopted (strict-last-resort).
  it('climbs in order, one adoption per measureWait days, force only after every other step', () => {
    const { w, p } = tinyWorld({ n: 10, params: { councilWillingness: 0.5, measureWait: 21, forceDelay: 30 } });
    const streams = new ScriptedStreams({ [VOTE]: ballots('yyyyyyyyyyyyyyy'), 'host/consent/preventive-deployment': [0] });
    const days: number[] = [];
    for (let t = 0; t <= 200; t++) {
      const before = w.council.adopted.length;
      councilStep(tickContext(w, p, { tick: t, streams }), 0.5, 0);
      if (w.council.adopted.length > before) days.push(t);
    }
    expect(w.council.adopted).toEqual([1, 2, 3, 4, 5, 6]);
    expect(days).toEqual([0, 21, 42, 63, 84, 105]);
    expect(w.council.level).toBe(FORCE_LEVEL);
  });

  // ODD 7.6: under measure-of-last-resort, at perceivedRisk >= 0.75 the vote is on force, and the skipped measures stay open.
  it('under the measure-of-last-resort doctrine goes straight to force at imminent risk', () => {
    const doctrine = { forceDoctrine: 'measure-of-last-resort' as const, councilWillingness: 0.5 };
    expect(session('yyyyyyyyyyyyyyy', { params: doctrine, visible: 0.75 }).w.council.adopted).toEqual([FORCE_LEVEL]);
    expect(session('yyyyyyyyyyyyyyy', { params: doctrine, visible: 0.75 - 1e-9 }).w.council.adopted).toEqual([1]);
    expect(session('yyyyyyyyyyyyyyy', { params: { councilWillingness: 0.5 }, visible: 0.9 }).w.council.adopted).toEqual([1]);
    const later = session('yyyyyyyyyyyyyyy', { params: doctrine, visible: 0.9, adopted: [FORCE_LEVEL], setup: (w) => (w.council.level = FORCE_LEVEL) }).w;
    expect(later.council.adopted).toEqual([FORCE_LEVEL, 1]);
    expect(later.council.level).toBe(FORCE_LEVEL); // the observable is the heaviest measure adopted
  });

  // ODD 7.6: adoption of k adds SIGNAL[k] and sets spoke; sanctions +0.06 cost and x0.8 arms; mandate robust; deployment 0.3; force arrives after forceDelay, +0.1 cost.
  it('each measure adds what the ODD says', () => {
    const effect = (level: number) => {
      const { w, p } = tinyWorld({ n: 10, params: { forceDelay: 30, perpetratorType: 'government' } });
      const ctx = tickContext(w, p, { tick: 50, streams: { 'host/consent/preventive-deployment': [0] } });
      adopt(ctx, level);
      return {
        signal: w.councilSignal,
        realisedCost: w.realisedCost,
        armsFactor: w.armsFactor,
        robust: w.robust,
        deployed: w.deployed,
        forceArrives: w.council.forceArrives,
        spoke: ctx.spoke,
      };
    };
    const none = { realisedCost: 0, armsFactor: 1, robust: false, deployed: 0, forceArrives: -1, spoke: true };
    expect(effect(1)).toEqual({ ...none, signal: 0.05 });
    expect(effect(2)).toEqual({ ...none, signal: 0.1, realisedCost: 0.06, armsFactor: 0.8 });
    expect(effect(3)).toEqual({ ...none, signal: 0.2 });
    expect(effect(4)).toEqual({ ...none, signal: 0.08, robust: true });
    expect(effect(5)).toEqual({ ...none, signal: 0.08, deployed: 0.3 });
    expect(effect(6)).toEqual({ ...none, signal: 0.3, realisedCost: 0.1, forceArrives: 80 });
    expect(SIGNAL).toEqual([0, 0.05, 0.1, 0.2, 0.08, 0.08, 0.3]);
  });

  it('adopting a preventive deployment counts even when the host refuses consent', () => {
    const { w } = session('yyyyyyyyyyyyyyy', { params: { councilWillingness: 0.5, impartiality: 0 }, adopted: [1, 2, 3, 4], consent: 0.2 });
    expect(w.council.adopted).toEqual([1, 2, 3, 4, 5]);
    expect(w.deployed).toBe(0);
    expect(eventLines(w)).toEqual(['council adopted preventive-deployment', 'host consent-refused preventive-deployment']);
  });
});
