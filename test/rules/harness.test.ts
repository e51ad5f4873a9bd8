/**
 * The rule-test harness itself (test/helpers/luck-world.ts): its networks are laid out as the
 * model's, its scripted streams give what they are told and refuse what they are not, and its
 * normals come out of the engine's Box-Muller as asked.
 */
import { describe, expect, it } from 'vitest';
import { normal } from '../../sim/engine/streams';
import { smallWorld } from '../../sim/models/luck2018/network';
import { JOINED, RESISTING, TARGET_GROUP } from '../../sim/models/luck2018/world';
import { ScriptedStreams, engineNormal, networkOf, normalDraws, normalsByTick, quietInputs, ring, tinyWorld } from '../helpers/luck-world';

const neighbourSets = (net: { offsets: Int32Array; nbrs: Int32Array }, n: number) =>
  Array.from({ length: n }, (_, i) => Array.from(net.nbrs.subarray(net.offsets[i], net.offsets[i + 1])).sort((a, b) => a - b));

describe('the harness', () => {
  it('builds the same ring lattice as the model’s network without rewiring', () => {
    const model = smallWorld(9, 4, 0, () => 0.5);
    expect(neighbourSets(networkOf(9, ring(9, 2)), 9)).toEqual(neighbourSets(model, 9));
  });

  it('scripted streams give the scripted draws, restart with every at(), and count them', () => {
    const s = new ScriptedStreams({ a: [0.1, 0.2], b: (k, tick) => k / 10 + tick });
    const a = s.at('a', 3);
    expect([a(), a()]).toEqual([0.1, 0.2]);
    expect(s.at('a', 3)()).toBe(0.1);
    expect(s.count('a', 3)).toBe(2);
    const out = new Float64Array(3);
    s.fill('b', 1, out);
    expect(Array.from(out)).toEqual([1, 1.1, 1.2]);
    expect(() => a()).toThrow(/draw 2 asked/);
    expect(() => s.at('c', 0)()).toThrow(/not scripted/);
  });

  it('normalDraws(z) makes the engine’s normal() give z', () => {
    for (const z of [0, 1, -1, 2.5, -0.3]) {
      const s = new ScriptedStreams({ n: normalDraws(z) });
      expect(normal(s.at('n', 0))).toBeCloseTo(z, 12);
    }
  });

  it('engineNormal(z) is the very number normal() makes of normalDraws(z), and close to z', () => {
    for (const z of [0, 1, -1, 2.5, -0.3]) {
      expect(engineNormal(z)).toBe(normal(new ScriptedStreams({ n: normalDraws(z) }).at('n', 0)));
      expect(engineNormal(z)).toBeCloseTo(z, 12);
    }
  });

  it('normalsByTick gives each tick its own normal', () => {
    const s = new ScriptedStreams({ n: normalsByTick((t) => t / 2 - 1) });
    for (const t of [0, 1, 3, 7]) expect(normal(s.at('n', t))).toBeCloseTo(t / 2 - 1, 12);
  });

  it('quiet population inputs move no one: no incitement, orders, killing, flight or resistance', () => {
    const q = quietInputs();
    expect([q.incitement, q.reachToday, q.orders, q.resilience, q.killPerAttacker, q.forceHazard, q.massacreRate, q.fleeRate, q.seekRate, q.resistChance]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(quietInputs({ orders: 0.3 }).orders).toBe(0.3);
  });

  it('tiny worlds hold the chosen groups, states and neighbour counts', () => {
    const { w } = tinyWorld({ n: 5, targeted: [4], agents: { 1: { state: JOINED }, 3: { state: RESISTING, group: TARGET_GROUP } } });
    expect([w.targets, Array.from(w.group)]).toEqual([2, [0, 0, 0, 1, 1]]);
    expect(Array.from(w.joinedNbrs)).toEqual([1, 0, 1, 0, 0]);
    expect(Array.from(w.resistNbrs)).toEqual([0, 0, 1, 0, 1]);
    expect(Array.from(w.council.dispositionOffset)).toEqual(new Array(15).fill(0));
  });
});
