/**
 * Rules of the Secretariat and Secretary-General (sim/models/luck2018/un/secretariat.ts;
 * docs/ODD.md 7.5): the signal, framing, and the choice among silence, quiet diplomacy, a public
 * message and an Article 99 briefing. The stream `un/secretariat` gives five draws a day: two
 * for the signal's normal (0 here unless a test says), then uFrame, uBrief, uMessage.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../sim/models/luck2018/params';
import { attention, secretariatStep } from '../../sim/models/luck2018/un/secretariat';
import type { Frame, World } from '../../sim/models/luck2018/world';
import { ScriptedStreams, eventLines, normalDraws, params, tickContext, tinyWorld } from '../helpers/luck-world';

const STREAM = 'un/secretariat';

interface Day {
  trueRisk: number;
  frame?: Frame;
  params?: Partial<Params>;
  z?: number;
  uFrame?: number;
  uBrief?: number;
  uMessage?: number;
  setup?: (w: World) => void;
}

/** One Secretariat step at tick 100. By default no reframing, a briefing passes any censor, no public message. */
function day(d: Day) {
  const { w, p } = tinyWorld({
    n: 10,
    params: { framingLens: 'atrocity', earlyWarningNoise: 0.15, selfCensorship: 0, individualResponsibility: 0.4, councilWillingness: 0.45, patron: false, armedConflict: 0.5, specialAdviserAccess: 'direct', ...d.params },
  });
  if (d.frame) w.secretariat.frame = d.frame;
  d.setup?.(w);
  const streams = new ScriptedStreams({ [STREAM]: [...normalDraws(d.z ?? 0), d.uFrame ?? 0.999, d.uBrief ?? 0.999, d.uMessage ?? 0.999] });
  const ctx = tickContext(w, p, { tick: 100, trueRisk: d.trueRisk, streams });
  secretariatStep(ctx);
  return { w, ctx, streams, sec: w.secretariat };
}

describe('the signal', () => {
  // ODD 7.5: signal = clamp(trueRisk + earlyWarningNoise z).
  it('reads the true risk with noise, clamped to [0, 1]', () => {
    expect(day({ trueRisk: 0.4 }).sec.signal).toBe(0.4);
    expect(day({ trueRisk: 0.4, z: 1 }).sec.signal).toBeCloseTo(0.55, 9);
    expect(day({ trueRisk: 0.4, z: -1 }).sec.signal).toBeCloseTo(0.25, 9);
    expect(day({ trueRisk: 0.95, z: 1 }).sec.signal).toBe(1);
    expect(day({ trueRisk: 0.05, z: -1 }).sec.signal).toBe(0);
  });

  it('always takes five draws, even when silent', () => {
    expect(day({ trueRisk: 0 }).streams.count(STREAM, 100)).toBe(5);
    expect(day({ trueRisk: 0.9 }).streams.count(STREAM, 100)).toBe(5);
  });
});

describe('framing', () => {
  // ODD 7.5: frame -> atrocity if uFrame < reframeRate signal channel habit (channel 1 direct | filteredAccess; habit humanitarianHabit).
  it('the Special Adviser moves the frame to atrocity with daily chance 0.05 x signal x channel x habit', () => {
    const cases: [Frame, 'direct' | 'filtered', number][] = [
      ['conflict', 'direct', 0.05 * 0.5],
      ['conflict', 'filtered', 0.05 * 0.5 * 0.35],
      ['humanitarian', 'direct', 0.05 * 0.5 * 0.5],
      ['humanitarian', 'filtered', 0.05 * 0.5 * 0.35 * 0.5],
    ];
    for (const [frame, access, chance] of cases) {
      const run = (uFrame: number) => day({ trueRisk: 0.5, frame, uFrame, params: { framingLens: frame, specialAdviserAccess: access } });
      expect(run(chance - 1e-9).sec.frame, `${frame} ${access}`).toBe('atrocity');
      expect(run(chance + 1e-9).sec.frame, `${frame} ${access}`).toBe(frame);
    }
    expect(eventLines(day({ trueRisk: 0.5, frame: 'conflict', uFrame: 0, params: { framingLens: 'conflict' } }).w)[0]).toBe('secretariat reframe conflict->atrocity');
    // The rate, the filtered channel and the habit are parameters.
    const tuned = (uFrame: number) =>
      day({ trueRisk: 0.5, frame: 'humanitarian', uFrame, params: { framingLens: 'humanitarian', specialAdviserAccess: 'filtered', reframeRate: 0.1, filteredAccess: 0.5, humanitarianHabit: 0.8 } }).sec.frame;
    expect(tuned(0.1 * 0.5 * 0.5 * 0.8 - 1e-9)).toBe('atrocity');
    expect(tuned(0.1 * 0.5 * 0.5 * 0.8 + 1e-9)).toBe('humanitarian');
  });

  // ODD 7.5: the atrocity frame lapses to the lens when signal < frameLapse and rung = 0 (and the lens is not atrocity).
  it('the atrocity frame lapses when the risk is gone', () => {
    const lapse = (trueRisk: number, rung = 0, framingLens: Params['framingLens'] = 'conflict') =>
      day({ trueRisk, frame: 'atrocity', params: { framingLens }, setup: (w) => (w.leadership.rung = rung) }).sec.frame;
    expect(lapse(0.1 - 1e-9)).toBe('conflict');
    expect(lapse(0.1)).toBe('atrocity');
    expect(lapse(0.05, 1)).toBe('atrocity');
    expect(lapse(0.05, 0, 'humanitarian')).toBe('humanitarian');
    expect(day({ trueRisk: 0.15, frame: 'atrocity', params: { framingLens: 'conflict', frameLapse: 0.2 } }).sec.frame).toBe('conflict');
  });

  // ODD 7.5: a scheduled change of framingLens reframes at once.
  it('a change of lens reframes at once', () => {
    const { sec, w } = day({ trueRisk: 0.5, params: { framingLens: 'humanitarian' }, setup: (w) => ((w.lens = 'conflict'), (w.secretariat.frame = 'atrocity')) });
    expect([sec.frame, w.lens]).toEqual(['humanitarian', 'humanitarian']);
    expect(eventLines(w)[0]).toBe('secretariat reframe atrocity->humanitarian (lens changed)');
  });

  // ODD 7.5: attention = 1 atrocity | attentionHumanitarian | attentionConflict + (1 - attentionConflict) armedConflict; perceived = signal x attention.
  it('a frame scales what is perceived', () => {
    const at = (frame: Frame, armedConflict: number, over: Partial<Params> = {}) => attention(frame, params({ armedConflict, ...over }));
    expect(at('atrocity', 0)).toBe(1);
    expect(at('humanitarian', 1)).toBe(0.6);
    expect(at('humanitarian', 1, { attentionHumanitarian: 0.4 })).toBe(0.4);
    expect(at('conflict', 0)).toBe(0.3);
    expect(at('conflict', 1)).toBe(1);
    expect(at('conflict', 0.5)).toBeCloseTo(0.65, 12);
    expect(at('conflict', 0, { attentionConflict: 0.5 })).toBe(0.5);
    expect(at('conflict', 0.5, { attentionConflict: 0.5 })).toBeCloseTo(0.75, 12);
    // A conflict lens without armed conflict perceives 0.3 x 0.8 = 0.24 < 0.25: silent.
    const conflict = (armedConflict: number) => day({ trueRisk: 0.8, frame: 'conflict', params: { framingLens: 'conflict', armedConflict } }).sec.action;
    expect(conflict(0)).toBe('silent');
    expect(conflict(0.1)).toBe('quiet-diplomacy');
  });
});

describe('the choice of action', () => {
  // ODD 7.5: silent if perceived < engageRisk.
  it('stays silent below perceived risk 0.25', () => {
    const r = day({ trueRisk: 0.25 - 1e-9, uBrief: 0, uMessage: 0 });
    expect(r.sec.action).toBe('silent');
    expect([r.ctx.spoke, r.ctx.quietDiplomacy]).toEqual([false, 0]);
    expect(day({ trueRisk: 0.25 }).sec.action).toBe('quiet-diplomacy');
    expect(day({ trueRisk: 0.3 - 1e-9, params: { engageRisk: 0.3 } }).sec.action).toBe('silent');
  });

  // ODD 7.5: brief if (atrocity frame, or conflict with perceived >= conflictBriefRisk), perceived >= briefRisk, briefingInterval days since the last, and uBrief > censor.
  it('briefs the Council under Article 99 from perceived risk 0.45 in the atrocity frame', () => {
    const r = day({ trueRisk: 0.45 });
    expect(r.sec.action).toBe('article-99-briefing');
    expect([r.sec.lastBriefing, r.ctx.spoke]).toEqual([100, true]);
    expect(r.w.council.briefing).toBe(0.45);
    expect(eventLines(r.w)).toEqual(['secretariat article-99-briefing risk 0.45']);
    expect(day({ trueRisk: 0.45 - 1e-9 }).sec.action).toBe('quiet-diplomacy');
    expect(day({ trueRisk: 0.4, params: { briefRisk: 0.4 } }).sec.action).toBe('article-99-briefing');
  });

  // ODD 7.5: a briefing calls a Council meeting (Provisional Rules, rule 3), unless one is already called.
  it('an Article 99 briefing calls a meeting of the Council', () => {
    expect(day({ trueRisk: 0.8 }).w.councilCalled).toBe(100);
    expect(day({ trueRisk: 0.8, setup: (w) => (w.councilCalled = 97) }).w.councilCalled).toBe(97);
    expect(day({ trueRisk: 0.4 }).w.councilCalled).toBe(-1); // quiet diplomacy calls no meeting
  });

  it('briefs at most every briefingInterval days', () => {
    const after = (days: number, briefingInterval?: number) =>
      day({ trueRisk: 0.8, params: briefingInterval === undefined ? {} : { briefingInterval }, setup: (w) => (w.secretariat.lastBriefing = 100 - days) }).sec.action;
    expect(params().briefingInterval).toBe(14);
    expect(after(13)).toBe('quiet-diplomacy');
    expect(after(14)).toBe('article-99-briefing');
    expect(after(6, 7)).toBe('quiet-diplomacy');
    expect(after(7, 7)).toBe('article-99-briefing');
  });

  it('a humanitarian frame never briefs; a conflict frame only from perceived 0.6, at 0.6 of the weight', () => {
    expect(day({ trueRisk: 1, frame: 'humanitarian', params: { framingLens: 'humanitarian' } }).sec.action).toBe('quiet-diplomacy');
    const conflict = (trueRisk: number) => day({ trueRisk, frame: 'conflict', params: { framingLens: 'conflict', armedConflict: 1 } });
    expect(conflict(0.6 - 1e-9).sec.action).toBe('quiet-diplomacy');
    const r = conflict(0.6);
    expect(r.sec.action).toBe('article-99-briefing');
    expect(r.w.council.briefing).toBeCloseTo(0.36, 12);
    const tuned = (trueRisk: number) =>
      day({ trueRisk, frame: 'conflict', params: { framingLens: 'conflict', armedConflict: 1, conflictBriefRisk: 0.7, conflictBriefWeight: 0.5 } });
    expect(tuned(0.7 - 1e-9).sec.action).toBe('quiet-diplomacy');
    expect(tuned(0.7).w.council.briefing).toBeCloseTo(0.35, 12);
  });

  // ODD 7.5: censor = selfCensorship x reluctance (patronReluctance with a patron, else 1 - councilWillingness); told = perceived (1 - censorTrim censor).
  it('self-censorship holds a briefing back when uBrief <= censor, and trims what the Council is told', () => {
    const censored = (uBrief: number, patron: boolean) =>
      day({ trueRisk: 0.8, uBrief, params: { selfCensorship: 0.5, councilWillingness: 0.45, patron } });
    const censor = 0.5 * (1 - 0.45);
    expect(censored(censor, false).sec.action).toBe('quiet-diplomacy');
    const r = censored(censor + 1e-9, false);
    expect(r.sec.action).toBe('article-99-briefing');
    expect(r.w.council.briefing).toBeCloseTo(0.8 * (1 - 0.5 * censor), 12);
    expect(censored(0.4, true).sec.action).toBe('quiet-diplomacy'); // censor 0.5 x 0.8
    expect(censored(0.4 + 1e-9, true).sec.action).toBe('article-99-briefing');
    const tuned = day({ trueRisk: 0.8, uBrief: 0.999, params: { selfCensorship: 0.5, patron: true, patronReluctance: 0.6, censorTrim: 1 } });
    expect(tuned.w.council.briefing).toBeCloseTo(0.8 * (1 - 0.3), 12);
    expect(day({ trueRisk: 0.8, uBrief: 0.3, params: { selfCensorship: 0.5, patron: true, patronReluctance: 0.6 } }).sec.action).toBe('quiet-diplomacy');
    expect(day({ trueRisk: 0.8, uBrief: 0.3 + 1e-9, params: { selfCensorship: 0.5, patron: true, patronReluctance: 0.6 } }).sec.action).toBe('article-99-briefing');
  });

  it('a briefing never lowers what the Council already holds', () => {
    expect(day({ trueRisk: 0.5, setup: (w) => (w.council.briefing = 0.7) }).w.council.briefing).toBe(0.7);
  });

  // ODD 7.5: public message if uMessage < mandate x (messageBase + messageAtrocity IR | messageConflict IR | messageHumanitarian IR), mandate = mandateBoost once the Council has acted.
  it('speaks in public with a chance set by the frame and individual responsibility, doubled once the Council acted', () => {
    const cases: [Frame, number][] = [
      ['atrocity', 0.3 + 0.7 * 0.4],
      ['conflict', 0.3 * 0.4],
      ['humanitarian', 0.1 * 0.4],
    ];
    for (const [frame, chance] of cases) {
      for (const level of [0, 1]) {
        const c = chance * (level > 0 ? 2 : 1);
        const msg = (uMessage: number) =>
          day({ trueRisk: 0.44, frame, uMessage, params: { framingLens: frame, armedConflict: 1 }, setup: (w) => (w.council.level = level) }).sec.action;
        expect(msg(c - 1e-9), `${frame} level ${level}`).toBe('public-message');
        expect(msg(c + 1e-9), `${frame} level ${level}`).toBe('quiet-diplomacy');
        if (frame === 'atrocity' && level === 0) expect(msg(0.3 + 0.7 * 0.4)).toBe('quiet-diplomacy'); // u = chance: no message
      }
    }
    // Every chance is a parameter.
    const tuned: [Frame, Partial<Params>, number][] = [
      ['atrocity', { messageBase: 0.1, messageAtrocity: 0.5 }, 0.1 + 0.5 * 0.4],
      ['conflict', { messageConflict: 0.5 }, 0.5 * 0.4],
      ['humanitarian', { messageHumanitarian: 0.2 }, 0.2 * 0.4],
    ];
    for (const [frame, over, chance] of tuned) {
      const msg = (uMessage: number, level = 0) =>
        day({ trueRisk: 0.44, frame, uMessage, params: { framingLens: frame, armedConflict: 1, mandateBoost: 3, ...over }, setup: (w) => (w.council.level = level) }).sec.action;
      expect(msg(chance - 1e-9), frame).toBe('public-message');
      expect(msg(chance + 1e-9), frame).toBe('quiet-diplomacy');
      expect(msg(3 * chance - 1e-9, 1), frame).toBe('public-message');
      expect(msg(3 * chance + 1e-9, 1), frame).toBe('quiet-diplomacy');
    }
  });

  it('a public message adds 0.05 to the voice, up to 1, and counts as speaking out', () => {
    const r = day({ trueRisk: 0.4, uMessage: 0, setup: (w) => (w.voice = 0.5) });
    expect([r.sec.action, r.w.voice, r.ctx.spoke]).toEqual(['public-message', 0.55, true]);
    expect(day({ trueRisk: 0.4, uMessage: 0, setup: (w) => (w.voice = 0.98) }).w.voice).toBe(1);
    expect(day({ trueRisk: 0.4, uMessage: 0, params: { messageVoice: 0.1 }, setup: (w) => (w.voice = 0.5) }).w.voice).toBeCloseTo(0.6, 15);
  });

  // ODD 7.5: quiet diplomacy adds quietAtrocity in the atrocity frame, quietOther otherwise; it is not speaking out.
  it('quiet diplomacy adds 0.5 in the atrocity frame, 0.25 in another', () => {
    const atrocity = day({ trueRisk: 0.4 });
    expect([atrocity.sec.action, atrocity.ctx.quietDiplomacy, atrocity.ctx.spoke]).toEqual(['quiet-diplomacy', 0.5, false]);
    const humanitarian = day({ trueRisk: 0.5, frame: 'humanitarian', params: { framingLens: 'humanitarian' } });
    expect([humanitarian.sec.action, humanitarian.ctx.quietDiplomacy]).toEqual(['quiet-diplomacy', 0.25]);
    expect(day({ trueRisk: 0.4, params: { quietAtrocity: 0.8 } }).ctx.quietDiplomacy).toBe(0.8);
    expect(day({ trueRisk: 0.5, frame: 'humanitarian', params: { framingLens: 'humanitarian', quietOther: 0.1 } }).ctx.quietDiplomacy).toBe(0.1);
  });

  it('logs an action only when it changes (a briefing every time)', () => {
    expect(eventLines(day({ trueRisk: 0.4 }).w)).toEqual(['secretariat quiet-diplomacy']);
    expect(eventLines(day({ trueRisk: 0.4, setup: (w) => (w.secretariat.action = 'quiet-diplomacy') }).w)).toEqual([]);
  });
});
