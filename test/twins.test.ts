/**
 * The twin-run property (common random numbers): an arm that differs from its base only by one
 * scheduled change at tick t is identical to the base before t, and draws the same random
 * numbers wherever it draws from the same (stream, tick) — a change cannot shift the numbers
 * that anything else, or any later tick, sees.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERIES, STREAM, Streams, createModel, type DrawObserver, type RunSpec, type ScheduledChange } from '../sim/index';
import { changeArb, crisisSpecArb, describeSpec, specArb } from './helpers/arbitraries';

/** Draws by `stream|tick`, each the list of values in draw order. */
type DrawLog = Map<string, number[]>;

function recorder(): { log: DrawLog; observer: DrawObserver } {
  const log: DrawLog = new Map();
  const observer: DrawObserver = (stream, tick, index, value) => {
    const key = `${stream}|${tick}`;
    let values = log.get(key);
    if (!values) log.set(key, (values = []));
    if (index < values.length) {
      // The same (stream, tick) opened twice: it must replay the same numbers.
      if (!Object.is(values[index], value)) throw new Error(`${key} draw ${index} gave ${values[index]} then ${value}`);
    } else if (index === values.length) {
      values.push(value);
    } else {
      throw new Error(`${key}: draw ${index} observed before draw ${values.length}`);
    }
  };
  return { log, observer };
}

const tickOf = (key: string) => Number(key.slice(key.lastIndexOf('|') + 1));

/** Streams every tick draws from whatever happens (their draw counts do not depend on the state). */
const EVERY_TICK = [STREAM.population, STREAM.leadership, STREAM.secretariat];

function runArm(spec: RunSpec) {
  const { log, observer } = recorder();
  const r = createModel(spec, { drawObserver: observer }).run();
  return { r, log };
}

describe('twin runs', () => {
  it('an arm with one extra scheduled change matches its base before the change and shares its draws', () => {
    const bounds = { agents: [100, 1000], ticks: [5, 100], maxOverrides: 6, maxChanges: 2 } as const;
    // Half the bases in the crisis regime, so that arms also diverge through killing, venues and force.
    const twinArb = fc.oneof(specArb(bounds), crisisSpecArb(bounds)).chain((base) =>
      changeArb(base.ticks).map((change) => ({ base, change })),
    );
    fc.assert(
      fc.property(twinArb, ({ base, change }) => {
        const arm: RunSpec = { ...base, schedule: [...base.schedule, change] };
        const where = `change ${JSON.stringify(change)} on ${describeSpec(base)}`;
        const t = change.tick;
        const a = runArm(base);
        const b = runArm(arm);

        // (a) Identical before tick t: every series value and every event.
        for (const def of SERIES) {
          const x = a.r.series[def.name];
          const y = b.r.series[def.name];
          for (let k = 0; k < t; k++) {
            if (!Object.is(x[k], y[k])) expect.fail(`series ${def.name}[${k}]: base ${x[k]}, arm ${y[k]} (before tick ${t}); ${where}`);
          }
        }
        const before = (ev: readonly { tick: number }[]) => ev.filter((e) => e.tick < t);
        expect(before(b.r.events), `events before tick ${t}; ${where}`).toEqual(before(a.r.events));
        // The arm logs the change itself at tick t.
        expect(
          b.r.events.some((e) => e.tick === t && e.actor === 'user' && e.action === 'set' && e.detail === `${change.name}=${String(change.value)}`),
          where,
        ).toBe(t > 0);

        // (b) Common random numbers: wherever both arms draw, they draw the same numbers...
        for (const [key, xs] of a.log) {
          const ys = b.log.get(key);
          if (!ys) continue;
          const n = Math.min(xs.length, ys.length);
          for (let i = 0; i < n; i++) {
            if (!Object.is(xs[i], ys[i])) expect.fail(`draw ${key}#${i}: base ${xs[i]}, arm ${ys[i]}; ${where}`);
          }
        }
        // ...before tick t (set-up included) they draw exactly the same streams, as often...
        for (const [key, xs] of a.log) {
          if (tickOf(key) >= t) continue;
          expect(b.log.get(key)?.length, `arm draws of ${key} (before tick ${t}); ${where}`).toBe(xs.length);
        }
        for (const [key, ys] of b.log) {
          if (tickOf(key) >= t) continue;
          expect(a.log.get(key)?.length, `base draws of ${key} (before tick ${t}); ${where}`).toBe(ys.length);
        }
        // ...and the streams every tick uses are drawn identically on every tick, after t too.
        for (const stream of EVERY_TICK) {
          for (let k = 0; k < base.ticks; k++) {
            const key = `${stream}|${k}`;
            expect(a.log.has(key), `base draws ${key}`).toBe(true);
            expect(b.log.get(key), `arm draws of ${key}; ${where}`).toEqual(a.log.get(key));
          }
        }
        // The set-up streams exist (the observer saw the world being built).
        expect(a.log.has(`${STREAM.network}|-1`) && a.log.has(`${STREAM.traits}|-1`), where).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('an arm whose change alters the run still shares its base\'s draws (fixed case)', () => {
    // A strong change mid-run, so that the arms really do diverge after the change.
    const base: RunSpec = { seed: 11, ticks: 90, params: { agents: 1500, incitement: 0.9, incitementReach: 0.9 } };
    const change: ScheduledChange = { tick: 30, name: 'deterrence', value: 1 };
    const a = runArm(base);
    const b = runArm({ ...base, schedule: [change] });
    const diverged = SERIES.some((d) => {
      const x = a.r.series[d.name];
      const y = b.r.series[d.name];
      for (let k = 30; k < 90; k++) if (!Object.is(x[k], y[k])) return true;
      return false;
    });
    expect(diverged, 'the change should alter some series from tick 30').toBe(true);
    for (const d of SERIES) expect(Array.from(b.r.series[d.name].subarray(0, 30)), d.name).toEqual(Array.from(a.r.series[d.name].subarray(0, 30)));
    let shared = 0;
    for (const [key, xs] of a.log) {
      const ys = b.log.get(key);
      if (!ys) continue;
      for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        if (!Object.is(xs[i], ys[i])) expect.fail(`draw ${key}#${i}: base ${xs[i]}, arm ${ys[i]}`);
      }
      if (tickOf(key) >= 30) shared++;
    }
    expect(shared).toBeGreaterThan(0);
  });
});

describe('twin runs of the new mechanisms', () => {
  // A trigger day is a set-up parameter: two arms that place one event on different days (or not
  // at all) are the same history until the earlier of the two days, draw for draw, and share
  // every draw after it wherever both draw.
  const TRIGGERS = ['electionDay', 'leaderKilledDay', 'coupDay', 'uprisingDay', 'offensiveDay', 'townFallsDay', 'clashDay', 'agreementDay', 'mediationStartDay'] as const;
  it.each(TRIGGERS)('%s: on day 40 or day 70, the arms match to day 39 and share their draws', (name) => {
    const params = { agents: 1200, incitement: 0.8, safeAreas: 2, organisedForce: 0.7, electionDay: name === 'electionDay' ? -1 : 20 };
    const early = runArm({ seed: 5, ticks: 110, params: { ...params, [name]: 40 } });
    const late = runArm({ seed: 5, ticks: 110, params: { ...params, [name]: 70 } });
    for (const d of SERIES) {
      expect(Array.from(late.r.series[d.name].subarray(0, 40)), d.name).toEqual(Array.from(early.r.series[d.name].subarray(0, 40)));
    }
    const differs = SERIES.some((d) => early.r.series[d.name].some((x, k) => !Object.is(x, late.r.series[d.name][k])));
    expect(differs, `moving ${name} from day 40 to day 70 should change the run`).toBe(true);
    for (const [key, xs] of early.log) {
      const ys = late.log.get(key);
      if (!ys) continue;
      for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        if (!Object.is(xs[i], ys[i])) expect.fail(`draw ${key}#${i}: day 40 ${xs[i]}, day 70 ${ys[i]}`);
      }
    }
  });
});

describe('Streams', () => {
  const take = (u: () => number, n = 8) => Array.from({ length: n }, () => u());

  it('gives the same sequence for the same (seed, name, tick) and a different one otherwise', () => {
    const s = new Streams('s');
    const first = take(s.at('x', 5));
    expect(take(s.at('x', 5))).toEqual(first);
    expect(take(new Streams('s').at('x', 5))).toEqual(first);
    for (const v of first) expect(v >= 0 && v < 1, String(v)).toBe(true);
    expect(new Set(first).size).toBe(first.length);
    expect(take(s.at('y', 5))).not.toEqual(first);
    expect(take(s.at('x', 6))).not.toEqual(first);
    expect(take(s.at('x', -1))).not.toEqual(first);
    expect(take(new Streams('t').at('x', 5))).not.toEqual(first);
  });

  it('does not let one generator advance another of the same stream', () => {
    const s = new Streams('s');
    const u1 = s.at('x', 5);
    const u2 = s.at('x', 5);
    const a = [u1(), u1(), u1()];
    expect([u2(), u2(), u2()]).toEqual(a);
  });

  it('fill() puts the k-th draw of the stream in slot k and reports each draw', () => {
    const seen: [string, number, number, number][] = [];
    const s = new Streams('seed', (stream, tick, index, value) => seen.push([stream, tick, index, value]));
    const out = new Float64Array(6);
    s.fill('pop', 3, out);
    expect(Array.from(out)).toEqual(take(new Streams('seed').at('pop', 3), 6));
    expect(seen).toEqual(Array.from(out, (v, k) => ['pop', 3, k, v]));
    // The observer does not change the numbers.
    expect(take(s.at('pop', 3), 6)).toEqual(Array.from(out));
  });
});
