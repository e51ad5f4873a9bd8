/**
 * Rules of the General Assembly under Uniting for Peace (un/assembly.ts; docs/ODD.md 7.7), the
 * Human Rights Council (un/hrc.ts; 7.8) and the Peacebuilding Commission (un/pbc.ts; 7.9). The
 * Assembly's stream `un/general-assembly` gives one uniform per member (193); HRC and PBC draw
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../sim/models/luck2018/params';
import { MEMBERS, assemblyStep } from '../../sim/models/luck2018/un/assembly';
import { councilStep } from '../../sim/models/luck2018/un/council';
import { hrcStep } from '../../sim/models/luck2018/un/hrc';
import { pbcStep } from '../../sim/models/luck2018/un/pbc';
import type { World } from '../../sim/models/luck2018/world';
import { ScriptedStreams, eventLines, params, tickContext, tinyWorld } from '../helpers/luck-world';

const ASSEMBLY = 'un/general-assembly';

describe('the General Assembly under Uniting for Peace', () => {
  interface Session {
    yes?: number;
    draws?: number[];
    params?: Partial<Params>;
    perceivedRisk?: number;
    lastVeto?: number;
    setup?: (w: World) => void;
    consent?: number;
  }
  /** One Assembly step at tick 100, a veto 10 days before, perceived risk 0.5; the first `yes` members vote yes. */
  const session = (s: Session = {}) => {
    const { w, p } = tinyWorld({ n: 10, params: { unitingForPeace: true, perpetratorType: 'government', impartiality: 0.5, consentDelay: 0, ...s.params } });
    w.council.lastVeto = s.lastVeto ?? 90;
    w.council.perceivedRisk = s.perceivedRisk ?? 0.5;
    w.legitimacy = 0.8;
    s.setup?.(w);
    const draws = s.draws ?? Array.from({ length: MEMBERS }, (_, m) => (m < (s.yes ?? MEMBERS) ? 0 : 0.999));
    const streams = new ScriptedStreams({ [ASSEMBLY]: draws, 'host/consent/assembly-deployment': [s.consent ?? 0] });
    const ctx = tickContext(w, p, { tick: 100, streams });
    assemblyStep(ctx);
    return { w, ctx, streams };
  };

  // ODD 7.7: adopted if 3 yes >= 2 x 193, i.e. at least 129 yes.
  it('adopts with two thirds of the 193 members (129), not with 128', () => {
    const r = session({ yes: 129 });
    expect([r.w.assemblyStep, r.ctx.spoke]).toEqual([1, true]);
    expect(eventLines(r.w)).toEqual(['assembly adopted investigative-mechanism (129/193)']);
    const n = session({ yes: 128 });
    expect([n.w.assemblyStep, n.ctx.spoke, n.w.assemblyLast, n.w.voice]).toEqual([0, false, 100, 0]);
    expect(eventLines(n.w)).toEqual(['assembly not-adopted investigative-mechanism (128/193)']);
    expect(r.streams.count(ASSEMBLY, 100)).toBe(MEMBERS);
  });

  // ODD 7.7: member m votes yes if u_m < assemblyYesBase + assemblyYesRisk perceivedRisk legitimacy.
  it('each member votes yes with chance assemblyYesBase + assemblyYesRisk x perceived risk x legitimacy', () => {
    const pYes = 0.4 + 0.5 * 0.5 * 0.8;
    expect(session({ draws: new Array(MEMBERS).fill(pYes - 1e-9) }).w.assemblyStep).toBe(1);
    expect(session({ draws: new Array(MEMBERS).fill(pYes + 1e-9) }).w.assemblyStep).toBe(0);
    const tuned = 0.2 + 0.8 * 0.5 * 0.8;
    expect(session({ draws: new Array(MEMBERS).fill(tuned - 1e-9), params: { assemblyYesBase: 0.2, assemblyYesRisk: 0.8 } }).w.assemblyStep).toBe(1);
    expect(session({ draws: new Array(MEMBERS).fill(tuned + 1e-9), params: { assemblyYesBase: 0.2, assemblyYesRisk: 0.8 } }).w.assemblyStep).toBe(0);
  });

  // ODD 7.7: every adopted resolution condemns and names: voice += assemblyVoice x yes / 193.
  it('every resolution it adopts condemns and names, louder with a broader majority', () => {
    expect(session({ yes: 193 }).w.voice).toBeCloseTo(0.05, 15);
    expect(session({ yes: 150 }).w.voice).toBeCloseTo((0.05 * 150) / 193, 15);
    expect(session({ yes: 193, params: { assemblyVoice: 0.2 }, setup: (w) => (w.voice = 0.9) }).w.voice).toBe(1);
  });

  // ODD 7.7: steps in order: investigative mechanism (+mechanismSignal), referral (+assemblyReferral, calls a Council meeting), consent deployment (deploy assemblyDeployShare).
  it('takes its three steps in order, each adding what the ODD says', () => {
    const step = (k: number, over: Partial<Params> = {}) => session({ params: over, setup: (w) => (w.assemblyStep = k) }).w;
    const a = step(0);
    expect([a.councilSignal, a.referral, a.deployed, a.councilCalled]).toEqual([0.05, 0, 0, -1]);
    expect(step(0, { mechanismSignal: 0.15 }).councilSignal).toBe(0.15);
    const b = step(1);
    expect([b.councilSignal, b.referral, b.deployed, b.councilCalled, eventLines(b)[0]]).toEqual([0, 0.1, 0, 100, 'assembly adopted referral-to-council (193/193)']);
    expect(step(1, { assemblyReferral: 0.3 }).referral).toBe(0.3);
    expect(session({ setup: (w) => ((w.assemblyStep = 1), (w.councilCalled = 98)) }).w.councilCalled).toBe(98);
    const c = step(2);
    expect([c.councilSignal, c.referral, c.deployed]).toEqual([0, 0, 0.2]);
    expect(eventLines(c)).toEqual([
      'assembly adopted consent-deployment (193/193)',
      'host consent assembly-deployment',
      'peacekeepers deployed assembly-deployment: +0.2 of regions',
    ]);
    expect(step(2, { assemblyDeployShare: 0.4 }).deployed).toBe(0.4);
    const refused = session({ setup: (w) => (w.assemblyStep = 2), consent: 0.999 }).w;
    expect([refused.assemblyStep, refused.deployed, refused.deployments.length]).toEqual([3, 0, 1]);
  });

  it("a referral calls a Council meeting the next day (rule 3), whatever the Council's regular interval", () => {
    const { w, p } = tinyWorld({ n: 10, params: { draftingDays: 0, councilWillingness: 0.5 } });
    w.councilCalled = 100; // as the Assembly left it on day 100
    w.council.lastConsidered = 99;
    const streams = new ScriptedStreams({ 'un/council-vote': () => 0.001 });
    councilStep(tickContext(w, p, { tick: 101, streams }), 0.5, 0);
    expect(w.council.adopted).toEqual([1]);
  });

  // ODD 7.7: a vote only with unitingForPeace, fewer than 3 steps, a veto at least assemblyDelay and at most blockedWindow days ago,
  // perceived risk >= agendaRisk, and assemblyInterval days since the last vote.
  it('votes only after a recent veto, at enough perceived risk, at most every assemblyInterval days, and at most three times successfully', () => {
    const held = (s: Session) => session(s).streams.count(ASSEMBLY, 100) > 0;
    expect(held({ lastVeto: 100 - 30 })).toBe(true);
    expect(held({ lastVeto: 100 - 31 })).toBe(false);
    expect(held({ lastVeto: 100 - 40, params: { blockedWindow: 40 } })).toBe(true);
    expect(held({ lastVeto: -Infinity })).toBe(false);
    expect(held({ perceivedRisk: 0.35 })).toBe(true);
    expect(held({ perceivedRisk: 0.35 - 1e-9 })).toBe(false);
    expect(held({ perceivedRisk: 0.3, params: { agendaRisk: 0.3 } })).toBe(true);
    expect(held({ setup: (w) => (w.assemblyLast = 100 - 30) })).toBe(true);
    expect(held({ setup: (w) => (w.assemblyLast = 100 - 29) })).toBe(false);
    expect(held({ params: { assemblyInterval: 5 }, setup: (w) => (w.assemblyLast = 100 - 5) })).toBe(true);
    expect(held({ params: { assemblyInterval: 5 }, setup: (w) => (w.assemblyLast = 100 - 4) })).toBe(false);
    expect(held({ params: { unitingForPeace: false } })).toBe(false);
    expect(held({ setup: (w) => (w.assemblyStep = 3) })).toBe(false);
  });

  // ODD 7.7: the first vote comes assemblyDelay days after the veto (an emergency special session).
  it('meets assemblyDelay days after the veto, not before', () => {
    const held = (daysAgo: number, assemblyDelay?: number) =>
      session({ lastVeto: 100 - daysAgo, params: assemblyDelay === undefined ? {} : { assemblyDelay } }).streams.count(ASSEMBLY, 100) > 0;
    expect(params().assemblyDelay).toBe(2);
    expect(held(1)).toBe(false);
    expect(held(2)).toBe(true);
    expect(held(0, 0)).toBe(true); // a veto the same day counts when the delay is 0
    expect(held(6, 7)).toBe(false);
    expect(held(7, 7)).toBe(true);
  });
});

describe('the Human Rights Council', () => {
  const day = (tick: number, w: World, p: Params) => {
    const ctx = tickContext(w, p, { tick });
    hrcStep(ctx);
    return ctx;
  };
  const world = (over: Partial<Params> = {}) => tinyWorld({ n: 10, params: { inquiries: true, inquiryDelay: 90, specialSessionDelay: 0, ...over } });

  // ODD 7.8: a special session is requested if cumDeaths > 0 or the Council's perceived risk >= inquiryRisk.
  it('a special session is requested at the first death or at perceived risk inquiryRisk', () => {
    const requested = (cumDeaths: number, perceivedRisk: number, over: Partial<Params> = {}) => {
      const { w, p } = world(over);
      w.cumDeaths = cumDeaths;
      w.council.perceivedRisk = perceivedRisk;
      day(10, w, p);
      return w.hrcRequested;
    };
    expect(requested(1, 0)).toBe(10);
    expect(requested(0, 0.5)).toBe(10);
    expect(requested(0, 0.5 - 1e-9)).toBe(-1);
    expect(requested(0, 0.4, { inquiryRisk: 0.4 })).toBe(10);
    expect(requested(5, 0, { inquiries: false })).toBe(-1);
  });

  // ODD 7.8: specialSessionDelay days after the request the session condemns (voice += sessionVoice, spoke) and opens a commission of inquiry.
  it('meets specialSessionDelay days after the request, condemns in public and dispatches a commission', () => {
    const { w, p } = world({ specialSessionDelay: 8 });
    w.cumDeaths = 1;
    w.voice = 0.1;
    expect(day(10, w, p).spoke).toBe(false);
    expect([w.hrcRequested, w.inquiryOpened]).toEqual([10, -1]);
    expect(day(17, w, p).spoke).toBe(false);
    expect(w.inquiryOpened).toBe(-1);
    const ctx = day(18, w, p);
    expect([w.inquiryOpened, ctx.spoke]).toEqual([18, true]);
    expect(w.voice).toBeCloseTo(0.15, 15);
    expect(eventLines(w)).toEqual(['hrc special-session-requested', 'hrc commission-of-inquiry']);
    expect(params().specialSessionDelay).toBe(8);
    const { w: w2, p: p2 } = world({ sessionVoice: 0.2 });
    w2.cumDeaths = 1;
    day(10, w2, p2);
    expect([w2.inquiryOpened, w2.voice]).toEqual([10, 0.2]);
  });

  // ODD 7.8: inquiryDelay days after the session: +coiSignal, +coiReferral, +coiVoice, +coiLegitimacy (up to 1), spoke; once.
  it('reports after inquiryDelay days, once, adding evidence, referral pressure, voice and legitimacy', () => {
    const { w, p } = world();
    w.cumDeaths = 1;
    w.legitimacy = 0.5;
    day(10, w, p);
    w.voice = 0;
    expect(day(99, w, p).spoke).toBe(false);
    expect(w.inquiryReported).toBe(false);
    const ctx = day(100, w, p);
    expect([w.inquiryReported, ctx.spoke, w.councilSignal, w.referral, w.voice]).toEqual([true, true, 0.1, 0.1, 0.05]);
    expect(w.legitimacy).toBeCloseTo(0.52, 15);
    expect(day(200, w, p).spoke).toBe(false);
    expect(w.councilSignal).toBe(0.1);
    expect(eventLines(w)).toEqual(['hrc special-session-requested', 'hrc commission-of-inquiry', 'hrc inquiry-report']);
    const { w: full, p: p2 } = world({ inquiryDelay: 1 });
    full.cumDeaths = 1;
    full.legitimacy = 0.99;
    day(1, full, p2);
    day(2, full, p2);
    expect(full.legitimacy).toBe(1);
    const { w: tuned, p: p3 } = world({ inquiryDelay: 1, coiSignal: 0.3, coiReferral: 0.2, coiVoice: 0.1, coiLegitimacy: 0.1, sessionVoice: 0 });
    tuned.cumDeaths = 1;
    tuned.legitimacy = 0.5;
    day(1, tuned, p3);
    day(2, tuned, p3);
    expect([tuned.councilSignal, tuned.referral, tuned.voice, tuned.legitimacy]).toEqual([0.3, 0.2, 0.1, 0.6]);
  });
});

describe('the Peacebuilding Commission', () => {
  interface State {
    massAtrocityTick?: number;
    rung?: number;
    signal?: number;
    pbcPreventive?: boolean;
    engaged?: boolean;
    params?: Partial<Params>;
  }
  const day = (s: State) => {
    const { w, p } = tinyWorld({ n: 10, params: { pbcPreventive: s.pbcPreventive ?? false, ...s.params } });
    w.massAtrocityTick = s.massAtrocityTick ?? -1;
    w.leadership.rung = s.rung ?? 0;
    w.leadership.hardliners = 0.5;
    w.secretariat.signal = s.signal ?? 0;
    w.pbcEngaged = s.engaged ?? false;
    pbcStep(tickContext(w, p));
    return { engaged: w.pbcEngaged, weaknessFactor: w.weaknessFactor, hardliners: w.leadership.hardliners, events: eventLines(w) };
  };
  const idle = { engaged: false, weaknessFactor: 1, hardliners: 0.5, events: [] };

  // ODD 7.9: engaged after a mass atrocity once rung <= 1; while engaged weaknessFactor x (1 - pbcRelief) and hardliners - pbcModeration a day.
  it('engages after a mass atrocity once the leadership is back at incitement or below', () => {
    expect(day({ massAtrocityTick: 50, rung: 1 })).toEqual({ engaged: true, weaknessFactor: 0.998, hardliners: 0.499, events: ['pbc engage-recurrence'] });
    expect(day({ massAtrocityTick: 50, rung: 2 })).toEqual(idle);
    expect(day({ massAtrocityTick: -1, rung: 0 })).toEqual(idle);
    const tuned = day({ massAtrocityTick: 50, rung: 0, params: { pbcRelief: 0.01, pbcModeration: 0.005 } });
    expect([tuned.weaknessFactor, tuned.hardliners]).toEqual([0.99, 0.495]);
  });

  // ODD 7.9: with pbcPreventive, engaged when rung <= 1 and stressLow <= signal <= stressHigh.
  it('with its preventive role, engages a state under stress (signal in [stressLow, stressHigh], rung <= 1)', () => {
    expect(day({ pbcPreventive: true, signal: 0.2 }).events).toEqual(['pbc engage-preventive']);
    expect(day({ pbcPreventive: true, signal: 0.5, rung: 1 }).engaged).toBe(true);
    expect(day({ pbcPreventive: true, signal: 0.2 - 1e-9 })).toEqual(idle);
    expect(day({ pbcPreventive: true, signal: 0.5 + 1e-9 })).toEqual(idle);
    expect(day({ pbcPreventive: true, signal: 0.3, rung: 2 })).toEqual(idle);
    expect(day({ pbcPreventive: false, signal: 0.3 })).toEqual(idle);
    expect(day({ pbcPreventive: true, signal: 0.15, params: { stressLow: 0.1 } }).engaged).toBe(true);
    expect(day({ pbcPreventive: true, signal: 0.6, params: { stressHigh: 0.7 } }).engaged).toBe(true);
  });

  it('logs disengaging, and does nothing while disengaged', () => {
    expect(day({ engaged: true })).toEqual({ ...idle, events: ['pbc disengage'] });
    expect(day({ engaged: true, massAtrocityTick: 5 }).events).toEqual([]);
  });

  // ODD 7.9: slow by design: a year of engagement leaves the weakness at 0.998^365 of what it was.
  it('is slow: a year of structural work removes about half of the weakness of state structures', () => {
    const { w, p } = tinyWorld({ n: 10, params: { pbcPreventive: true } });
    w.secretariat.signal = 0.3;
    for (let t = 0; t < 365; t++) pbcStep(tickContext(w, p, { tick: t }));
    expect(w.weaknessFactor).toBeGreaterThan(0.48);
    expect(w.weaknessFactor).toBeLessThan(0.49);
  });
});
