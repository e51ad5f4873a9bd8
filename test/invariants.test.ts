/**
 * Invariants that hold for every valid input, tick by tick: the population is conserved,
 * cumulative counts only grow, nothing is NaN or infinite, shares stay in [0, 1], codes stay in
 * their ranges, the summary agrees with the series, and the run file is valid JSON that replays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COUNCIL_MEASURES,
  FRAMES,
  RISK_FACTORS,
  RUNGS,
  SECRETARIAT_ACTIONS,
  SERIES,
  createModel,
  parseRunFile,
  replay,
  toRunFile,
  type ParamValue,
  type RunFile,
  type RunSpec,
} from '../sim/index';
import { OVERRIDABLE, crisisSpecArb, describeSpec, extremePairArb, resolvable, specArb, valueArb } from './helpers/arbitraries';

/** Series defined as shares or indices in [0, 1]. */
const UNIT_INTERVAL = [
  'legitimacy',
  'trueRisk',
  'signal',
  'counterMessaging',
  'hardliners',
  'settlement',
  'exposure',
  'coverage',
  'mediatorsAccess',
  'councilPerceivedRisk',
  ...RISK_FACTORS.map((f) => f.id),
];
/** Series that count whole things (agents, days, votes, steps). */
const INTEGER_SERIES = [
  'deaths',
  'deathsToday',
  'perpetrators',
  'resisting',
  'displaced',
  'displacedTargeted',
  'protected',
  'rung',
  'framing',
  'secretariatAction',
  'councilLevel',
  'vetoes',
  'assemblySteps',
  'venuesFallen',
  'mediatorsEngaged',
  'mediatorsWarning',
  'mediatorsNaming',
  'spokeOut',
  'highRisk',
  'daysSpokenHighRisk',
  'daysSilentHighRisk',
  'massAtrocity',
];
/** Cumulative series: never decrease. */
const NON_DECREASING = ['deaths', 'deathsPeople', 'deathsByForce', 'vetoes', 'assemblySteps', 'daysSpokenHighRisk', 'daysSilentHighRisk', 'massAtrocity'];
/** 0/1 flags. */
const FLAGS = ['spokeOut', 'highRisk', 'massAtrocity'];
/** Summary fields that may be null ("never"); every other numeric field must be a finite number. */
const NULLABLE_SUMMARY = new Set([
  'peakPerpetratorsTick',
  'onsetTick',
  'flaggedTick',
  'firstArticle99Tick',
  'firstCouncilMeasureTick',
  'inquiryOpenedTick',
  'firstKillingTick',
  'lastKillingTick',
]);

/** Check every invariant on one run; fails with the spec in the message. */
function checkInvariants(spec: RunSpec & { ticks: number }): void {
  const where = describeSpec(spec);
  const model = createModel(spec);
  const r = model.run();
  const s = r.series;
  const T = r.ticks;
  const agents = model.initialParams.agents;
  const targeted = r.summary.targetedAgents;
  const mediators = model.world.mediators.length;
  expect(T, where).toBe(spec.ticks);
  expect(Object.keys(s).sort(), where).toEqual(SERIES.map((d) => d.name).sort());

  // Every series: ticks long, finite, non-negative.
  for (const def of SERIES) {
    const col = s[def.name];
    expect(col.length, `${def.name} length; ${where}`).toBe(T);
    for (let t = 0; t < T; t++) {
      const v = col[t];
      if (!Number.isFinite(v) || v < 0) {
        expect.fail(`series ${def.name}[${t}] = ${v}: must be finite and >= 0; ${where}`);
      }
    }
  }
  for (const name of UNIT_INTERVAL) {
    for (let t = 0; t < T; t++) {
      const v = s[name][t];
      if (!(v >= 0 && v <= 1)) expect.fail(`series ${name}[${t}] = ${v}: must be in [0, 1]; ${where}`);
    }
  }
  for (const name of INTEGER_SERIES) {
    for (let t = 0; t < T; t++) {
      if (!Number.isInteger(s[name][t])) expect.fail(`series ${name}[${t}] = ${s[name][t]}: must be whole; ${where}`);
    }
  }
  for (const name of NON_DECREASING) {
    for (let t = 1; t < T; t++) {
      if (s[name][t] < s[name][t - 1]) {
        expect.fail(`series ${name} falls at tick ${t}: ${s[name][t - 1]} -> ${s[name][t]}; ${where}`);
      }
    }
  }
  for (const name of FLAGS) {
    for (let t = 0; t < T; t++) {
      if (s[name][t] !== 0 && s[name][t] !== 1) expect.fail(`series ${name}[${t}] = ${s[name][t]}: must be 0 or 1; ${where}`);
    }
  }

  for (let t = 0; t < T; t++) {
    const at = `tick ${t}; ${where}`;
    // Population conservation: every agent is in at most one of these states.
    const accounted = s.perpetrators[t] + s.resisting[t] + s.displaced[t] + s.protected[t] + s.deaths[t];
    if (accounted > agents) expect.fail(`population not conserved: ${accounted} > ${agents} agents at ${at}`);
    // Only the targeted group is killed or protected; only the others join the perpetrators.
    expect(s.deaths[t] + s.protected[t], at).toBeLessThanOrEqual(targeted);
    // The targeted group's flight is part of all flight, and no more than the group; flight is for good.
    expect(s.displacedTargeted[t], at).toBeLessThanOrEqual(s.displaced[t]);
    expect(s.deaths[t] + s.protected[t] + s.displacedTargeted[t], at).toBeLessThanOrEqual(targeted);
    if (t > 0) expect(s.displacedTargeted[t], at).toBeGreaterThanOrEqual(s.displacedTargeted[t - 1]);
    expect(s.perpetrators[t], at).toBeLessThanOrEqual(agents - targeted);
    // deathsToday is the daily increment of the cumulative count.
    const prev = t === 0 ? 0 : s.deaths[t - 1];
    if (s.deathsToday[t] !== s.deaths[t] - prev) {
      expect.fail(`deathsToday[${t}] = ${s.deathsToday[t]} but deaths went ${prev} -> ${s.deaths[t]}; ${where}`);
    }
    expect(s.deathsPeople[t], at).toBe(s.deaths[t] * model.initialParams.peoplePerAgent);
    // Codes within their ranges.
    expect(s.rung[t], at).toBeLessThanOrEqual(RUNGS.length - 1);
    expect(s.framing[t], at).toBeLessThan(FRAMES.length);
    expect(s.secretariatAction[t], at).toBeLessThan(SECRETARIAT_ACTIONS.length);
    expect(s.councilLevel[t], at).toBeLessThan(COUNCIL_MEASURES.length);
    expect(s.assemblySteps[t], at).toBeLessThanOrEqual(3);
    expect(s.mediatorsEngaged[t] + s.mediatorsWarning[t] + s.mediatorsNaming[t], at).toBeLessThanOrEqual(mediators);
    // The flag is set from the tick the threshold is crossed and never cleared.
    expect(s.massAtrocity[t], at).toBe(r.summary.flaggedTick !== null && t >= r.summary.flaggedTick ? 1 : 0);
  }

  // Summary: finite numbers, consistent with the series.
  for (const [k, v] of Object.entries(r.summary)) {
    if (typeof v === 'number') expect(Number.isFinite(v), `summary.${k} = ${v}; ${where}`).toBe(true);
    else if (v === null) expect(NULLABLE_SUMMARY.has(k), `summary.${k} is null; ${where}`).toBe(true);
  }
  const last = T - 1;
  expect(r.summary.ticks, where).toBe(T);
  expect(r.summary.agents, where).toBe(agents);
  expect(r.summary.deaths, where).toBe(s.deaths[last]);
  expect(r.summary.deathsPeople, where).toBe(s.deathsPeople[last]);
  expect(r.summary.deathShare, where).toBeGreaterThanOrEqual(0);
  expect(r.summary.deathShare, where).toBeLessThanOrEqual(1);
  expect(r.summary.peakPerpetrators, where).toBe(Math.max(0, ...s.perpetrators));
  expect(r.summary.displaced, where).toBe(s.displaced[last]);
  expect(r.summary.protected, where).toBe(s.protected[last]);
  expect(r.summary.vetoes, where).toBe(s.vetoes[last]);
  expect(r.summary.massAtrocity, where).toBe(s.massAtrocity[last] === 1);
  expect(r.summary.finalLegitimacy, where).toBe(s.legitimacy[last]);
  expect(RUNGS.indexOf(r.summary.maxRung as (typeof RUNGS)[number]), where).toBe(Math.max(...s.rung));
  if (r.summary.onsetTick !== null) expect(r.summary.onsetTick, where).toBeLessThanOrEqual(r.summary.flaggedTick!);
  for (const e of r.events) {
    expect(Number.isInteger(e.tick) && e.tick >= 0 && e.tick < T, `event tick ${e.tick}; ${where}`).toBe(true);
  }

  // Run file: JSON with a number wherever a number is expected (NaN/Infinity would become null).
  const json = JSON.stringify(toRunFile(r));
  const parsed = JSON.parse(json) as RunFile;
  for (const def of SERIES) {
    const col = parsed.series[def.name];
    expect(col.length, `run file series ${def.name}; ${where}`).toBe(T);
    for (let t = 0; t < T; t++) {
      if (typeof col[t] !== 'number') expect.fail(`run file series ${def.name}[${t}] = ${String(col[t])}; ${where}`);
    }
  }
  for (const [k, v] of Object.entries(parsed.summary)) {
    if (v === null) expect(NULLABLE_SUMMARY.has(k), `run file summary.${k} is null; ${where}`).toBe(true);
  }
  for (const [k, v] of Object.entries(parsed.params)) {
    expect(v, `run file params.${k}; ${where}`).not.toBeNull();
  }
  for (const c of parsed.schedule) expect(c.value, `run file schedule ${c.name}; ${where}`).not.toBeNull();
  // ...and the file, read back from its JSON, replays to its own hash.
  const outcome = replay(parseRunFile(parsed));
  expect(outcome.ok, `replay of the JSON run file: ${JSON.stringify(outcome)}; ${where}`).toBe(true);
}

/** A threshold the window can be crossed and left at: a few agents' worth of people. */
const fcThreshold = (window: number) => 100 * (1 + (window % 7));

describe('invariants', () => {
  it('lists every series it checks in SERIES', () => {
    const names = new Set(SERIES.map((s) => s.name));
    for (const n of [...UNIT_INTERVAL, ...INTEGER_SERIES, ...NON_DECREASING, ...FLAGS]) expect(names, n).toContain(n);
    expect(SERIES.length).toBe(names.size);
  });

  it('hold every tick for random valid parameters and schedules', () => {
    fc.assert(
      fc.property(specArb({ agents: [100, 1500], ticks: [5, 120], maxOverrides: 8, maxChanges: 3 }), checkInvariants),
      { numRuns: 40 },
    );
  });

  it('keep rf14 (share of venues fallen) in [0, 1] when undefended venues fall (regression)', () => {
    // Peacekeepers and safe areas with no capacity have no defence; they used to be left out of
    // the count of venues while still falling, so rf14 = fallen / venues went above 1.
    const r = createModel({
      seed: 3,
      ticks: 60,
      params: {
        agents: 1000, incitement: 0.9, incitementReach: 0.9, stakes: 0.9, planningEffort: 0.01, electionDay: 0, deterrence: 0, thresholdMean: 0.1,
        peacekeeperCoverage: 0.5, peacekeeperCapacity: 0, safeAreas: 2, safeAreaCapacity: 0,
      },
    }).run();
    expect(Math.max(...r.series.venuesFallen), 'the case must make venues fall').toBeGreaterThan(2);
    expect(Math.max(...r.series.rf14)).toBeLessThanOrEqual(1);
  });

  it('hold every tick where two parameters sit at their extremes', () => {
    const arb = fc
      .tuple(specArb({ agents: [100, 1500], ticks: [5, 120], maxOverrides: 3, maxChanges: 2 }), extremePairArb())
      .map(([spec, pair]) => ({ ...spec, params: resolvable({ ...(spec.params as Record<string, ParamValue>), ...pair }) }));
    fc.assert(fc.property(arb, checkInvariants), { numRuns: 40 });
  });

  it('hold every tick past the end of the atrocity window, up to the default population', () => {
    // The mass-atrocity flag counts deaths over a sliding window: runs must outlast it for the
    // window's end (deaths leaving the count) to be exercised, at sizes up to the default 10,000.
    const arb = fc
      .record({
        spec: crisisSpecArb({ agents: [100, 10_000], ticks: [1, 1], maxOverrides: 3, maxChanges: 0 }),
        window: fc.oneof(fc.constantFrom(1, 2, 30), fc.integer({ min: 1, max: 90 })),
        beyond: fc.integer({ min: 1, max: 150 }),
      })
      .map(({ spec, window, beyond }) => ({
        ...spec,
        ticks: window + beyond,
        schedule: [],
        params: resolvable({ ...(spec.params as Record<string, ParamValue>), atrocityWindow: window, atrocityThreshold: fcThreshold(window) }),
      }));
    fc.assert(fc.property(arb, checkInvariants), { numRuns: 12 });
    // One long run at the default window and population.
    checkInvariants({ seed: 11, ticks: 400, params: { agents: 10_000, incitement: 0.9, stakes: 0.9, electionDay: 5 }, schedule: [] });
  });

  it('hold every tick in the crisis regime (killing, falling venues, Council measures, force)', () => {
    fc.assert(
      fc.property(crisisSpecArb({ agents: [200, 1500], ticks: [60, 150], maxOverrides: 4, maxChanges: 3 }), checkInvariants),
      { numRuns: 40 },
    );
  });
});

describe('the generators reach the edges', () => {
  it('draw each parameter at each of its bounds often', () => {
    for (const d of OVERRIDABLE) {
      const values = fc.sample(valueArb(d), { numRuns: 1000, seed: 42 });
      if (d.kind === 'number' || d.kind === 'integer') {
        const atMin = values.filter((v) => v === d.min).length;
        const atMax = values.filter((v) => v === d.max).length;
        expect(atMin, `${d.name} at its min`).toBeGreaterThan(100);
        expect(atMax, `${d.name} at its max`).toBeGreaterThan(100);
      } else {
        const seen = new Set(values);
        expect(seen.size, `${d.name}: every value`).toBe(d.kind === 'enum' ? d.values.length : 2);
      }
    }
  });

  it('pair extremes of two different parameters', () => {
    for (const pair of fc.sample(extremePairArb(), { numRuns: 200, seed: 7 })) {
      const names = Object.keys(pair);
      expect(names).toHaveLength(2);
      for (const n of names) {
        const d = OVERRIDABLE.find((x) => x.name === n)!;
        const v = pair[n];
        if (d.kind === 'number' || d.kind === 'integer') expect([d.min, d.max]).toContain(v);
        if (d.kind === 'enum') expect([d.values[0], d.values[d.values.length - 1]]).toContain(v);
      }
    }
  });
});
