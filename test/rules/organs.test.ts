/**
 * Rules of the General Assembly under Uniting for Peace (un/assembly.ts; docs/ODD.md 7.7), the
 * Human Rights Council (un/hrc.ts; 7.8) and the Peacebuilding Commission (un/pbc.ts; 7.9). The
 * Assembly's stream `un/general-assembly` gives one uniform per member (193); HRC and PBC draw
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../sim/models/luck2018/params';
import { ASSEMBLY_INTERVAL, BLOCKED_WINDOW, MEMBERS, assemblyStep } from '../../sim/models/luck2018/un/assembly';
import { hrcStep } from '../../sim/models/luck2018/un/hrc';
import { pbcStep } from '../../sim/models/luck2018/un/pbc';
import type { World } from '../../sim/models/luck2018/world';
import { ScriptedStreams, eventLines, tickContext, tinyWorld } from '../helpers/luck-world';

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
    const { w, p } = tinyWorld({ n: 10, params: { unitingForPeace: true, perpetratorType: 'government', impartiality: 0.5, ...s.params } });
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
    expect([n.w.assemblyStep, n.ctx.spoke, n.w.assemblyLast]).toEqual([0, false, 100]);
    expect(eventLines(n.w)).toEqual(['assembly not-adopted investigative-mechanism (128/193)']);
    expect(r.streams.count(ASSEMBLY, 100)).toBe(MEMBERS);
  });

  // ODD 7.7: member m votes yes if u_m < 0.4 + 0.5 perceivedRisk legitimacy.
  it('each member votes yes with chance 0.4 + 0.5 x perceived risk x legitimacy', () => {
    const pYes = 0.4 + 0.5 * 0.5 * 0.8;
    expect(session({ draws: new Array(MEMBERS).fill(pYes - 1e-9) }).w.assemblyStep).toBe(1);
    expect(session({ draws: new Array(MEMBERS).fill(pYes + 1e-9) }).w.assemblyStep).toBe(0);
  });

  // ODD 7.7: steps in order: investigative mechanism (+0.05 councilSignal), referral (+0.1 referral), consent deployment (deploy 0.2).
  it('takes its three steps in order, each adding what the ODD says', () => {
    const step = (k: number) => session({ setup: (w) => (w.assemblyStep = k) }).w;
    const a = step(0);
    expect([a.councilSignal, a.referral, a.deployed]).toEqual([0.05, 0, 0]);
    const b = step(1);
    expect([b.councilSignal, b.referral, b.deployed, eventLines(b)[0]]).toEqual([0, 0.1, 0, 'assembly adopted referral-to-council (193/193)']);
    const c = step(2);
    expect([c.councilSignal, c.referral, c.deployed]).toEqual([0, 0, 0.2]);
    expect(eventLines(c)).toEqual(['assembly adopted consent-deployment (193/193)', 'peacekeepers deployed assembly-deployment: +0.2 of regions']);
    const refused = session({ setup: (w) => (w.assemblyStep = 2), consent: 0.999 }).w;
    expect([refused.assemblyStep, refused.deployed]).toEqual([3, 0]);
  });

  // ODD 7.7: a vote only with unitingForPeace, fewer than 3 steps, a veto within 30 days, perceived risk >= 0.35, 30 days since the last vote.
  it('votes only after a recent veto, at enough perceived risk, at most every 30 days, and at most three times successfully', () => {
    const held = (s: Session) => session(s).streams.count(ASSEMBLY, 100) > 0;
    expect(BLOCKED_WINDOW).toBe(30);
    expect(held({ lastVeto: 100 - 30 })).toBe(true);
    expect(held({ lastVeto: 100 - 31 })).toBe(false);
    expect(held({ lastVeto: 100 })).toBe(true); // a veto the same day counts
    expect(held({ lastVeto: -Infinity })).toBe(false);
    expect(held({ perceivedRisk: 0.35 })).toBe(true);
    expect(held({ perceivedRisk: 0.35 - 1e-9 })).toBe(false);
    expect(ASSEMBLY_INTERVAL).toBe(30);
    expect(held({ setup: (w) => (w.assemblyLast = 100 - 30) })).toBe(true);
    expect(held({ setup: (w) => (w.assemblyLast = 100 - 29) })).toBe(false);
    expect(held({ params: { unitingForPeace: false } })).toBe(false);
    expect(held({ setup: (w) => (w.assemblyStep = 3) })).toBe(false);
  });
});

describe('the Human Rights Council', () => {
  const day = (tick: number, w: World, p: Params) => {
    const ctx = tickContext(w, p, { tick });
    hrcStep(ctx);
    return ctx;
  };
  const world = (over: Partial<Params> = {}) => tinyWorld({ n: 10, params: { inquiries: true, inquiryDelay: 90, ...over } });

  // ODD 7.8: opens a commission of inquiry if cumDeaths > 0 or the Council's perceived risk >= 0.5; opening is not speaking out.
  it('opens a commission of inquiry at the first death or at perceived risk 0.5', () => {
    const opens = (cumDeaths: number, perceivedRisk: number) => {
      const { w, p } = world();
      w.cumDeaths = cumDeaths;
      w.council.perceivedRisk = perceivedRisk;
      const ctx = day(10, w, p);
      return [w.inquiryOpened, ctx.spoke];
    };
    expect(opens(1, 0)).toEqual([10, false]);
    expect(opens(0, 0.5)).toEqual([10, false]);
    expect(opens(0, 0.5 - 1e-9)).toEqual([-1, false]);
    const { w, p } = world({ inquiries: false });
    w.cumDeaths = 5;
    day(10, w, p);
    expect(w.inquiryOpened).toBe(-1);
  });

  // ODD 7.8: reports inquiryDelay days after opening: +0.1 councilSignal, +0.1 referral, +0.02 legitimacy (up to 1), spoke; once.
  it('reports after inquiryDelay days, once, adding evidence, referral pressure and legitimacy', () => {
    const { w, p } = world();
    w.cumDeaths = 1;
    w.legitimacy = 0.5;
    day(10, w, p);
    expect(day(99, w, p).spoke).toBe(false);
    expect(w.inquiryReported).toBe(false);
    const ctx = day(100, w, p);
    expect([w.inquiryReported, ctx.spoke, w.councilSignal, w.referral]).toEqual([true, true, 0.1, 0.1]);
    expect(w.legitimacy).toBeCloseTo(0.52, 15);
    expect(day(200, w, p).spoke).toBe(false);
    expect(w.councilSignal).toBe(0.1);
    expect(eventLines(w)).toEqual(['hrc commission-of-inquiry', 'hrc inquiry-report']);
    const { w: full, p: p2 } = world({ inquiryDelay: 1 });
    full.cumDeaths = 1;
    full.legitimacy = 0.99;
    day(1, full, p2);
    day(2, full, p2);
    expect(full.legitimacy).toBe(1);
  });
});

describe('the Peacebuilding Commission', () => {
  interface State {
    massAtrocityTick?: number;
    rung?: number;
    signal?: number;
    pbcPreventive?: boolean;
    engaged?: boolean;
  }
  const day = (s: State) => {
    const { w, p } = tinyWorld({ n: 10, params: { pbcPreventive: s.pbcPreventive ?? false } });
    w.massAtrocityTick = s.massAtrocityTick ?? -1;
    w.leadership.rung = s.rung ?? 0;
    w.leadership.hardliners = 0.5;
    w.secretariat.signal = s.signal ?? 0;
    w.pbcEngaged = s.engaged ?? false;
    pbcStep(tickContext(w, p));
    return { engaged: w.pbcEngaged, weaknessFactor: w.weaknessFactor, hardliners: w.leadership.hardliners, events: eventLines(w) };
  };
  const idle = { engaged: false, weaknessFactor: 1, hardliners: 0.5, events: [] };

  // ODD 7.9: engaged after a mass atrocity once rung <= 1; while engaged weaknessFactor x0.998 and hardliners -0.001 a day.
  it('engages after a mass atrocity once the leadership is back at incitement or below', () => {
    expect(day({ massAtrocityTick: 50, rung: 1 })).toEqual({ engaged: true, weaknessFactor: 0.998, hardliners: 0.499, events: ['pbc engage-recurrence'] });
    expect(day({ massAtrocityTick: 50, rung: 2 })).toEqual(idle);
    expect(day({ massAtrocityTick: -1, rung: 0 })).toEqual(idle);
  });

  // ODD 7.9: with pbcPreventive, engaged when rung <= 1 and 0.2 <= signal <= 0.5.
  it('with its preventive role, engages a state under stress (signal in [0.2, 0.5], rung <= 1)', () => {
    expect(day({ pbcPreventive: true, signal: 0.2 }).events).toEqual(['pbc engage-preventive']);
    expect(day({ pbcPreventive: true, signal: 0.5, rung: 1 }).engaged).toBe(true);
    expect(day({ pbcPreventive: true, signal: 0.2 - 1e-9 })).toEqual(idle);
    expect(day({ pbcPreventive: true, signal: 0.5 + 1e-9 })).toEqual(idle);
    expect(day({ pbcPreventive: true, signal: 0.3, rung: 2 })).toEqual(idle);
    expect(day({ pbcPreventive: false, signal: 0.3 })).toEqual(idle);
  });

  it('logs disengaging, and does nothing while disengaged', () => {
    expect(day({ engaged: true })).toEqual({ ...idle, events: ['pbc disengage'] });
    expect(day({ engaged: true, massAtrocityTick: 5 }).events).toEqual([]);
  });
});
