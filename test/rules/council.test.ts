/**
 * Rules of the Security Council (sim/models/luck2018/un/council.ts; docs/ODD.md 7.6): the agenda,
 * meetings (regular, called, a draft coming due), drafting, the wait between measures, the fifteen
 * votes and the veto, the ladder of measures and what each adds, and the host government's
 * consent to deployments. The vote stream `un/council-vote` is scripted one uniform per member;
 * offsets are 0, so with councilWillingness 0.15 and perceived risk 0.5 a member votes yes on a
 * statement with pYes = 0.15 + 0.8 x 0.5 - 0.5 x 0.1 = 0.5. Unless a test says otherwise
 * draftingDays is 0 here (a resolution is voted the day its draft is opened) and consentDelay is 0.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../sim/models/luck2018/params';
import { COERCIVE_FROM, adopt, consentChance, councilStep, deploy, severity, signal } from '../../sim/models/luck2018/un/council';
import { COUNCIL_MEASURES, FORCE_LEVEL, type World } from '../../sim/models/luck2018/world';
import { ScriptedStreams, eventLines, params, tickContext, tinyWorld } from '../helpers/luck-world';

const VOTE = 'un/council-vote';
const CONSENT = 'host/consent/preventive-deployment';
/** y: votes yes (u tiny); a: no, without a veto (u in (pYes, pYes + 0.4]); v: strong no (a permanent member's veto). */
const U = { y: 0.001, a: 0.7, v: 0.999 } as const;
const ballots = (pattern: string) => [...pattern].map((c) => U[c as keyof typeof U]);
const ALL_YES = 'yyyyyyyyyyyyyyy';

/** The parameters these tests start from (the defaults but for drafting and deployment delays). */
const BASE: Partial<Params> = { councilWillingness: 0.15, patron: false, measureWait: 21, draftingDays: 0, consentDelay: 0, meetingInterval: 7 };

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
  const { w, p } = tinyWorld({ n: 10, params: { ...BASE, ...s.params } });
  for (const k of s.adopted ?? []) w.council.adopted.push(k);
  s.setup?.(w);
  const streams = new ScriptedStreams({ [VOTE]: s.draws ?? ballots(pattern), [CONSENT]: [s.consent ?? 0] });
  const tick = s.tick ?? 100;
  const ctx = tickContext(w, p, { tick, streams });
  councilStep(ctx, s.visible ?? 0.5, s.referral ?? 0);
  return { w, p, ctx, streams, tick };
}

/** Days on which the Council adopted something, over ticks 0..last, with a fixed visible risk per day. */
function calendar(over: Partial<Params>, risk: (t: number) => number, last: number, setup?: (w: World) => void) {
  const { w, p } = tinyWorld({ n: 10, params: { ...BASE, councilWillingness: 0.5, ...over } });
  setup?.(w);
  const streams = new ScriptedStreams({ [VOTE]: () => U.y, [CONSENT]: () => 0 });
  const days: number[] = [];
  for (let t = 0; t <= last; t++) {
    const before = w.council.adopted.length;
    councilStep(tickContext(w, p, { tick: t, streams }), risk(t), 0);
    if (w.council.adopted.length > before) days.push(t);
  }
  return { w, days, streams };
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

  // ODD 7.6: member m votes yes if u_m < pYes_m = clamp(councilWillingness + offset_m + voteRiskWeight perceivedRisk - voteSeverityWeight severity).
  it('a member votes yes when its draw is below pYes, with its own offset', () => {
    const pYes = 0.15 + 0 + 0.8 * 0.5 - 0.5 * 0.1;
    const eight = ballots('yyyyyyyyaaaaaa');
    expect(session('', { draws: [...eight, pYes - 1e-9] }).w.council.adopted).toEqual([1]);
    expect(session('', { draws: [...eight, pYes] }).w.council.adopted).toEqual([]); // u = pYes is not a yes
    // Member 14's offset of +0.1 raises its pYes to 0.6.
    const offset = (w: World) => (w.council.dispositionOffset[14] = 0.1);
    expect(session('', { draws: [...eight, 0.6 - 1e-9], setup: offset }).w.council.adopted).toEqual([1]);
    expect(session('', { draws: [...eight, 0.6 + 1e-9], setup: offset }).w.council.adopted).toEqual([]);
  });

  it('the weights of risk and severity are parameters', () => {
    const eight = ballots('yyyyyyyyaaaaaa');
    // voteRiskWeight 0.6: pYes = 0.15 + 0.3 - 0.05 = 0.4.
    const risk = (u: number) => session('', { draws: [...eight, u], params: { voteRiskWeight: 0.6 } }).w.council.adopted;
    expect(risk(0.4 - 1e-9)).toEqual([1]);
    expect(risk(0.4 + 1e-9)).toEqual([]);
    // voteSeverityWeight 1 and severityStatement 0.2: pYes = 0.15 + 0.4 - 0.2 = 0.35.
    const sev = (u: number) => session('', { draws: [...eight, u], params: { voteSeverityWeight: 1, severityStatement: 0.2 } }).w.council.adopted;
    expect(sev(0.35 - 1e-9)).toEqual([1]);
    expect(sev(0.35 + 1e-9)).toEqual([]);
  });

  it('members hesitate more over heavier measures (voteSeverityWeight x severity)', () => {
    // Sanctions: pYes = 0.15 + 0.4 - 0.175 = 0.375; a draw of 0.4 is yes on a statement, no on sanctions.
    const draws = [...ballots('yyyyyyyy'), 0.4, ...ballots('aaaaaa')];
    expect(session('', { draws }).w.council.adopted).toEqual([1]);
    expect(session('', { draws, adopted: [1] }).w.council.adopted).toEqual([1]);
    const p = params();
    expect([1, 2, 3, 4, 5, 6].map((k) => severity(p, k))).toEqual([0.1, 0.35, 0.5, 0.55, 0.65, 0.9]);
  });

  // ODD 7.6: a permanent member (0-4) that does not vote yes vetoes when u > pYes + vetoMargin; the first veto counts.
  it('a permanent member strongly opposed vetoes, even against fourteen yes votes', () => {
    const { w, ctx, tick } = session('yyvyyyyyyyyyyyy', { setup: (w) => (w.councilSignal = 0.1) });
    expect(w.council.adopted).toEqual([]);
    expect([w.council.vetoes, w.council.lastVeto]).toEqual([1, tick]);
    expect(w.councilSignal).toBeCloseTo(0.07, 12); // a veto costs vetoSignalCost (0.03) of credibility
    expect(ctx.spoke).toBe(false);
    expect(eventLines(w)).toEqual(['council vetoed statement by P3 (14 yes)']);
    expect(session('yyvyyyyyyyyyyyy', { params: { vetoSignalCost: 0.05 }, setup: (w) => (w.councilSignal = 0.1) }).w.councilSignal).toBeCloseTo(0.05, 12);
  });

  it('the veto margin is strict: u = pYes + vetoMargin abstains, above it vetoes', () => {
    const pYes = 0.15 + 0 + 0.8 * 0.5 - 0.5 * 0.1; // the same operations as the rule, so the same bits
    const rest = ballots('yyyyyyyyyyyyyy');
    expect(session('', { draws: [pYes + 0.4, ...rest] }).w.council.vetoes).toBe(0);
    expect(session('', { draws: [pYes + 0.4 + 1e-9, ...rest] }).w.council.vetoes).toBe(1);
    expect(session('', { draws: [pYes + 0.2 + 1e-9, ...rest], params: { vetoMargin: 0.2 } }).w.council.vetoes).toBe(1);
    expect(session('', { draws: [pYes + 0.2, ...rest], params: { vetoMargin: 0.2 } }).w.council.vetoes).toBe(0);
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
  // ODD 7.6: with a patron, member 0 has pYes = 0 on coercive measures (level >= 2) and vetoes them; on a statement it votes yes with patronYes x pYes and never vetoes.
  it('blocks every coercive measure, however many vote yes', () => {
    for (let level = COERCIVE_FROM; level <= FORCE_LEVEL; level++) {
      const below = Array.from({ length: level - 1 }, (_, k) => k + 1);
      const { w } = session(ALL_YES, { params: { patron: true, councilWillingness: 0.5 }, adopted: below });
      expect(w.council.adopted, COUNCIL_MEASURES[level]).toEqual(below);
      expect(eventLines(w).at(-1), COUNCIL_MEASURES[level]).toBe(`council vetoed ${COUNCIL_MEASURES[level]} by P1 (14 yes)`);
    }
  });

  it('does not block a non-coercive measure: a statement passes despite the patron', () => {
    const { w } = session('vyyyyyyyyyaaaaa', { params: { patron: true } });
    expect([w.council.vetoes, w.council.adopted]).toEqual([0, [1]]);
  });

  it('on a statement the patron votes yes with patronYes of its usual chance', () => {
    const eight = ballots('yyyyyyyyaaaaaa');
    const usual = 0.15 + 0.8 * 0.5 - 0.5 * 0.1;
    const at = (patronYes: number, u: number) => session('', { params: { patron: true, patronYes }, draws: [u, ...eight] }).w.council.adopted;
    expect(at(0.3, 0.3 * usual - 1e-9)).toEqual([1]);
    expect(at(0.3, 0.3 * usual + 1e-9)).toEqual([]);
    expect(at(0.6, 0.6 * usual - 1e-9)).toEqual([1]);
  });

  it('another permanent member can still veto a statement', () => {
    const { w } = session('yvyyyyyyyyyyyyy', { params: { patron: true } });
    expect(w.council.vetoes).toBe(1);
  });
});

describe('the agenda and meetings', () => {
  // ODD 7.6: perceivedRisk = clamp(max(briefingPersistence x briefing, visibleRisk) + referral).
  it('perceives risk from the fading briefing or the visible deaths, whichever is higher, plus referrals', () => {
    const at = (briefing: number, visible: number, referral: number, over: Partial<Params> = {}) =>
      session('', { visible, referral, setup: (w) => (w.council.briefing = briefing), params: { councilWillingness: 0, ...over }, draws: ballots('aaaaaaaaaaaaaaa') }).w
        .council.perceivedRisk;
    expect(at(0.5, 0.3, 0.1)).toBeCloseTo(0.97 * 0.5 + 0.1, 12);
    expect(at(0.5, 0.3, 0.1, { briefingPersistence: 0.9 })).toBeCloseTo(0.9 * 0.5 + 0.1, 12);
    expect(at(0.2, 0.3, 0.1)).toBeCloseTo(0.4, 12);
    expect(at(0.9, 0.3, 0.8)).toBe(1);
  });

  // ODD 7.6: the Council takes the situation up from perceivedRisk >= agendaRisk.
  it('takes the situation up only from perceived risk agendaRisk', () => {
    expect(session(ALL_YES, { visible: 0.35 }).w.council.adopted).toEqual([1]);
    const { w, streams } = session(ALL_YES, { visible: 0.35 - 1e-9 });
    expect(w.council.adopted).toEqual([]);
    expect(streams.count(VOTE, 100)).toBe(0);
    expect(session(ALL_YES, { visible: 0.3, params: { agendaRisk: 0.3 } }).w.council.adopted).toEqual([1]);
  });

  // ODD 7.6: a regular meeting once meetingInterval days have passed since the last meeting.
  it('meets regularly every meetingInterval days', () => {
    const last = (lastConsidered: number, meetingInterval = 7) =>
      session(ALL_YES, { params: { meetingInterval }, setup: (w) => (w.council.lastConsidered = lastConsidered) }).w.council;
    expect(last(94).adopted).toEqual([]);
    expect(last(94).lastConsidered).toBe(94);
    expect(last(93).adopted).toEqual([1]);
    expect(last(99, 1).adopted).toEqual([1]);
    expect(last(87, 14).adopted).toEqual([]);
    expect(last(86, 14).adopted).toEqual([1]);
  });

  // ODD 7.6: a meeting called (Article 99 briefing, Assembly referral: rule 3) is held at once, and the call is consumed.
  it('a called meeting is held at once, whatever the regular interval', () => {
    const called = (councilCalled: number) => session(ALL_YES, { setup: (w) => ((w.council.lastConsidered = 99), (w.councilCalled = councilCalled)) }).w;
    const w = called(100);
    expect([w.council.adopted, w.councilCalled]).toEqual([[1], -1]);
    expect(called(95).council.adopted).toEqual([1]); // called earlier, still pending
    expect(called(101).council.adopted).toEqual([]); // not yet called
    expect(called(-1).council.adopted).toEqual([]);
  });

  it('a call on a situation below the agenda is heard and dropped', () => {
    const { w, streams } = session(ALL_YES, { visible: 0.2, setup: (w) => (w.councilCalled = 100) });
    expect([w.councilCalled, w.council.adopted, streams.count(VOTE, 100)]).toEqual([-1, [], 0]);
  });

  it('votes no more once every measure has been adopted', () => {
    const { streams } = session(ALL_YES, { adopted: [1, 2, 3, 4, 5, 6] });
    expect(streams.count(VOTE, 100)).toBe(0);
  });
});

describe('drafting a resolution', () => {
  // ODD 7.6: a statement is agreed on the day; a resolution (level >= 2) is voted draftingDays after its draft is opened.
  it('a statement is voted at the first meeting, whatever draftingDays', () => {
    const { w } = session(ALL_YES, { params: { draftingDays: 4 } });
    expect([w.council.adopted, w.draftLevel]).toEqual([[1], 0]);
  });

  it('a resolution is drafted first and voted draftingDays later, at a meeting the draft itself calls', () => {
    const { w, p } = tinyWorld({ n: 10, params: { ...BASE, councilWillingness: 0.5, draftingDays: 4 } });
    w.council.adopted.push(1);
    w.council.lastAdopted = 50;
    const streams = new ScriptedStreams({ [VOTE]: () => U.y });
    const step = (t: number) => councilStep(tickContext(w, p, { tick: t, streams }), 0.5, 0);
    step(100);
    expect([w.draftLevel, w.draftSince, w.council.lastConsidered, streams.count(VOTE, 100)]).toEqual([2, 100, 100, 0]);
    expect(eventLines(w)).toEqual(['council draft sanctions-arms-embargo']);
    step(103); // not yet due, and no regular meeting
    expect([w.council.adopted, streams.count(VOTE, 103)]).toEqual([[1], 0]);
    step(104); // due: voted, although the regular interval (7 days) has not passed
    expect([w.council.adopted, w.draftLevel, streams.count(VOTE, 104)]).toEqual([[1, 2], 0, 15]);
  });

  it('a failed vote needs a new draft; a change of measure replaces the draft', () => {
    const failed = session('aaaaaaaaaaaaaaa', { adopted: [1], setup: (w) => ((w.draftLevel = 2), (w.draftSince = 96)), params: { draftingDays: 4 } }).w;
    expect([failed.council.adopted, failed.draftLevel]).toEqual([[1], 0]);
    // Imminent risk under the measure-of-last-resort doctrine: the sanctions draft gives way to one on force.
    const { w } = session(ALL_YES, {
      visible: 0.8,
      adopted: [1],
      params: { draftingDays: 4, forceDoctrine: 'measure-of-last-resort' },
      setup: (w) => ((w.draftLevel = 2), (w.draftSince = 98)),
    });
    expect([w.draftLevel, w.draftSince, w.council.adopted]).toEqual([FORCE_LEVEL, 100, [1]]);
  });
});

describe('the wait between measures', () => {
  // ODD 7.6: the next measure is taken up once measureWait days have passed, or earlier if the last one is failing.
  it('gives an adopted measure measureWait days to work before the next vote', () => {
    const after = (lastAdopted: number) =>
      session(ALL_YES, { adopted: [1], visible: 0.5, setup: (w) => ((w.council.lastAdopted = lastAdopted), (w.council.level = 1), (w.adoptedRisk = 0.5)) });
    expect(after(80).w.council.adopted).toEqual([1]); // 20 days
    expect(after(79).w.council.adopted).toEqual([1, 2]); // 21 days
  });

  it('moves on early when the measure is visibly failing: risk up by failingMargin since, or at imminentRisk', () => {
    const failing = (visible: number, adoptedRisk: number, over: Partial<Params> = {}) =>
      session(ALL_YES, { adopted: [1], visible, params: over, setup: (w) => ((w.council.lastAdopted = 98), (w.adoptedRisk = adoptedRisk)) }).w.council.adopted;
    expect(failing(0.5, 0.4)).toEqual([1, 2]); // up by exactly 0.1
    expect(failing(0.5 - 1e-9, 0.4)).toEqual([1]);
    expect(failing(0.5, 0.45, { failingMargin: 0.05 })).toEqual([1, 2]);
    expect(failing(0.75, 0.9)).toEqual([1, 2]); // at imminent risk any measure is failing
    expect(failing(0.75 - 1e-9, 0.9)).toEqual([1]);
  });

  it('under the strict doctrine force still waits the full measureWait after the step before it', () => {
    const force = (lastAdopted: number) =>
      session(ALL_YES, { adopted: [1, 2, 3, 4, 5], visible: 0.9, params: { councilWillingness: 0.5 }, setup: (w) => ((w.council.lastAdopted = lastAdopted), (w.adoptedRisk = 0.4)) }).w.council.adopted;
    expect(force(80)).toEqual([1, 2, 3, 4, 5]);
    expect(force(79)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('adopting a measure records the risk it is meant to bring down', () => {
    const { w } = session(ALL_YES, { visible: 0.6 });
    expect(w.adoptedRisk).toBe(0.6);
  });

  // The calendar: how fast the Council climbs, with willing members (Libya 2011 took 4 days from a press statement to S/RES/1970).
  it('with steady risk it climbs one step per measureWait + draftingDays; with rising risk within days', () => {
    const steady = calendar({ measureWait: 21, draftingDays: 4 }, () => 0.5, 200);
    expect(steady.days).toEqual([0, 25, 50, 75, 100, 125]);
    // Risk rising by 0.1 a week from 0.4: the statement on day 0, the next steps as each one fails.
    const rising = calendar({ measureWait: 21, draftingDays: 4 }, (t) => Math.min(1, 0.4 + 0.1 * Math.floor(t / 7)), 60);
    expect(rising.days[0]).toBe(0);
    expect(rising.days[1]).toBeLessThanOrEqual(14);
    expect(rising.days).toEqual([0, 11, 22, 33, 44]);
  });

  // ODD 7.6: under measure-of-last-resort, at perceivedRisk >= imminentRisk the vote is on force, without waiting, and the skipped measures stay open.
  it('under the measure-of-last-resort doctrine goes straight to force at imminent risk', () => {
    const doctrine = { forceDoctrine: 'measure-of-last-resort' as const, councilWillingness: 0.5 };
    expect(session(ALL_YES, { params: doctrine, visible: 0.75 }).w.council.adopted).toEqual([FORCE_LEVEL]);
    expect(session(ALL_YES, { params: doctrine, visible: 0.75 - 1e-9 }).w.council.adopted).toEqual([1]);
    expect(session(ALL_YES, { params: { ...doctrine, imminentRisk: 0.7 }, visible: 0.7 }).w.council.adopted).toEqual([FORCE_LEVEL]);
    expect(session(ALL_YES, { params: { councilWillingness: 0.5 }, visible: 0.9 }).w.council.adopted).toEqual([1]);
    // A statement two days ago does not hold force back.
    const early = session(ALL_YES, { params: doctrine, visible: 0.9, adopted: [1], setup: (w) => ((w.council.lastAdopted = 98), (w.adoptedRisk = 0.9)) }).w;
    expect(early.council.adopted).toEqual([1, FORCE_LEVEL]);
    const later = session(ALL_YES, { params: doctrine, visible: 0.9, adopted: [FORCE_LEVEL], setup: (w) => (w.council.level = FORCE_LEVEL) }).w;
    expect(later.council.adopted).toEqual([FORCE_LEVEL, 1]);
    expect(later.council.level).toBe(FORCE_LEVEL); // the observable is the heaviest measure adopted
  });
});

describe('the measures', () => {
  // ODD 7.6: adoption of k adds signal[k] and sets spoke; sanctions +sanctionsCost and x embargoFactor; mandate robust; deployment deploymentShare; force after forceDelay, +forceCost.
  it('each measure adds what the ODD says', () => {
    const effect = (level: number, over: Partial<Params> = {}) => {
      const { w, p } = tinyWorld({ n: 10, params: { forceDelay: 30, perpetratorType: 'government', consentDelay: 0, ...over } });
      const ctx = tickContext(w, p, { tick: 50, streams: { [CONSENT]: [0] } });
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
    const p = params();
    expect([1, 2, 3, 4, 5, 6].map((k) => signal(p, k))).toEqual([0.05, 0.1, 0.2, 0.08, 0.08, 0.3]);
    // Every effect size is a parameter.
    expect(effect(2, { sanctionsCost: 0.2, embargoFactor: 0.5, signalSanctions: 0.3 })).toEqual({ ...none, signal: 0.3, realisedCost: 0.2, armsFactor: 0.5 });
    expect(effect(5, { deploymentShare: 0.5 }).deployed).toBe(0.5);
    expect(effect(6, { forceCost: 0.3, forceDelay: 2 })).toEqual({ ...none, signal: 0.3, realisedCost: 0.3, forceArrives: 52 });
  });

  it('adopting a preventive deployment counts even when the host refuses consent', () => {
    const { w } = session(ALL_YES, { params: { councilWillingness: 0.5, impartiality: 0 }, adopted: [1, 2, 3, 4], consent: 0.5 });
    expect(w.council.adopted).toEqual([1, 2, 3, 4, 5]);
    expect(w.deployed).toBe(0);
    expect(eventLines(w)).toEqual(['council adopted preventive-deployment', 'host consent-refused preventive-deployment']);
  });
});

describe("the host government's consent", () => {
  const host = (over: Partial<Params> = {}, setup?: (w: World) => void) => {
    const { w, p } = tinyWorld({ n: 10, params: { perpetratorType: 'government', impartiality: 0.5, existentialStakes: 0, patron: false, ...over } });
    w.leadership.rung = 0;
    w.leadership.motive = 0;
    setup?.(w);
    return { w, p, chance: consentChance(tickContext(w, p)) };
  };

  // ODD 7.6: consent = clamp(consentBase + consentImpartiality impartiality + consentPressure pressure - consentPlan plan).
  it('a government weighs impartiality, pressure and what a presence would cost its plan', () => {
    expect(host().chance).toBeCloseTo(0.2 + 0.6 * 0.5, 15);
    expect(host({ impartiality: 1 }).chance).toBeCloseTo(0.8, 15);
    // The plan: rung / 4 x motive (clamped to 1).
    expect(host({}, (w) => ((w.leadership.rung = 2), (w.leadership.motive = 0.8))).chance).toBeCloseTo(0.5 - 0.5 * 0.5 * 0.8, 15);
    expect(host({}, (w) => ((w.leadership.rung = 4), (w.leadership.motive = 1.5))).chance).toBeCloseTo(0.5 - 0.5, 15);
    expect(host({}, (w) => ((w.leadership.rung = 0), (w.leadership.motive = 1))).chance).toBeCloseTo(0.5, 15);
    // Pressure: councilSignal + warnings + realisedCost (clamped), cut by the deterrence limits.
    const pressed = (w: World) => ((w.councilSignal = 0.2), (w.warnings = 0.1), (w.realisedCost = 0.1));
    expect(host({}, pressed).chance).toBeCloseTo(0.5 + 0.3 * 0.4, 15);
    expect(host({ patron: true }, pressed).chance).toBeCloseTo(0.5 + 0.3 * 0.4 * 0.35, 15);
    expect(host({ existentialStakes: 1 }, pressed).chance).toBeCloseTo(0.5 + 0.3 * 0.4 * 0.2, 15);
    expect(host({ consentBase: 0.9, consentImpartiality: 0.5 }).chance).toBe(1);
    expect(host({ consentBase: 0, impartiality: 0 }, (w) => ((w.leadership.rung = 4), (w.leadership.motive = 1))).chance).toBe(0);
  });

  it('a host that is not the perpetrator (armed-group perpetrators) consents', () => {
    expect(host({ perpetratorType: 'armed-group', impartiality: 0 }, (w) => ((w.leadership.rung = 4), (w.leadership.motive = 1))).chance).toBe(1);
    expect(host({ perpetratorType: 'extremist-armed-group' }).chance).toBe(1);
  });

  // ODD 7.6: one draw from host/consent/<what> on each day asked; consent -> arrives after consentDelay; refusal -> asked again after consentReview.
  it('decides with one draw on the day asked; a consented contingent arrives consentDelay days later', () => {
    const { w, p } = host({ consentDelay: 10 });
    const streams = new ScriptedStreams({ [CONSENT]: (_k, t) => (t === 50 ? 0.5 - 1e-9 : 0.99) });
    deploy(tickContext(w, p, { tick: 50, streams }), 0.3, 'preventive-deployment');
    expect([w.deployed, w.deployments.length, w.deployments[0].arrives]).toEqual([0, 1, 60]);
    expect(streams.count(CONSENT, 50)).toBe(1);
    councilStep(tickContext(w, p, { tick: 59, streams }), 0, 0);
    expect(w.deployed).toBe(0);
    councilStep(tickContext(w, p, { tick: 60, streams }), 0, 0);
    expect([w.deployed, w.deployments.length, streams.count(CONSENT, 60)]).toEqual([0.3, 0, 0]);
    expect(eventLines(w)).toEqual(['host consent preventive-deployment', 'peacekeepers deployed preventive-deployment: +0.3 of regions']);
  });

  it('a refusal stands until the host is asked again consentReview days later, with that day\'s draw and situation', () => {
    const { w, p } = host({ consentDelay: 0, consentReview: 30 });
    const streams = new ScriptedStreams({ [CONSENT]: (_k, t) => (t === 50 ? 0.5 : 0.6) });
    deploy(tickContext(w, p, { tick: 50, streams }), 0.3, 'preventive-deployment'); // u = chance: refused
    expect([w.deployed, w.deployments[0].nextAsk]).toEqual([0, 80]);
    councilStep(tickContext(w, p, { tick: 79, streams }), 0, 0);
    expect(streams.count(CONSENT, 79)).toBe(0);
    councilStep(tickContext(w, p, { tick: 80, streams }), 0, 0); // 0.6 > 0.5: refused again
    expect([w.deployed, w.deployments[0].nextAsk]).toEqual([0, 110]);
    w.councilSignal = 0.5; // pressure has mounted: chance 0.5 + 0.3 x 0.5 = 0.65
    councilStep(tickContext(w, p, { tick: 110, streams }), 0, 0);
    expect([w.deployed, w.deployments.length]).toEqual([0.3, 0]);
    expect(eventLines(w)).toEqual([
      'host consent-refused preventive-deployment',
      'host consent-refused preventive-deployment',
      'host consent preventive-deployment',
      'peacekeepers deployed preventive-deployment: +0.3 of regions',
    ]);
  });
});
