/**
 * A harness for rule-level tests of the main model (sim/models/luck2018/): tiny hand-built worlds,
 * a TickContext for a chosen tick, and a stand-in for the Streams class whose draws are scripted
 * per stream name, so that a test can say "the council-vote stream gives these uniforms" and check
 * one rule at a time. Not a test file itself (vitest only collects *.test.ts).
 *
 *   const { w, p } = tinyWorld({ n: 5, edges: star(0, [1, 2, 3, 4]), agents: { 1: { state: JOINED } } });
 *   const streams = new ScriptedStreams({ 'un/council-vote': [0.1, 0.1, ...] });
 *   councilStep(tickContext(w, p, { tick: 10, streams }), 0.5, 0);
 *
 * The world is built by the model's own createWorld (so it has every field a rule reads) and then
 * overwritten: the network, groups, thresholds, states, exposures, Council offsets (0 unless given)
 * and the neighbour counts, recounted from the states.
 */
import type { TickContext } from '../../sim/models/luck2018/context';
import type { PopulationInputs } from '../../sim/models/luck2018/agents/population';
import type { Network } from '../../sim/models/luck2018/network';
import { defaultParams, type Params } from '../../sim/models/luck2018/params';
import { STREAM } from '../../sim/models/luck2018/streams';
import { JOINED, OTHER_GROUP, PASSIVE, RESISTING, TARGET_GROUP, createWorld, type World } from '../../sim/models/luck2018/world';
import { Streams, normal } from '../../sim/engine/streams';
import { exp } from '../../sim/engine/portable-math';

export { JOINED, OTHER_GROUP, PASSIVE, RESISTING, TARGET_GROUP };

/** The default parameters with some overridden (no validation: a rule test may go to the edges). */
export function params(over: Partial<Params> = {}): Params {
  return { ...defaultParams(), ...over };
}

export type Edge = readonly [number, number];

/** Each agent tied to its `k` nearest agents on either side of a ring of `n`. */
export function ring(n: number, k = 1): Edge[] {
  const edges: Edge[] = [];
  for (let i = 0; i < n; i++) for (let j = 1; j <= k; j++) edges.push([i, (i + j) % n]);
  return edges;
}

/** Agent `centre` tied to each of `leaves`. */
export function star(centre: number, leaves: readonly number[]): Edge[] {
  return leaves.map((l) => [centre, l] as const);
}

/** A network in the layout network.ts builds (compressed sparse rows, undirected ties). */
export function networkOf(n: number, edges: readonly Edge[]): Network {
  const offsets = new Int32Array(n + 1);
  for (const [a, b] of edges) {
    offsets[a + 1]++;
    offsets[b + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const nbrs = new Int32Array(2 * edges.length);
  for (const [a, b] of edges) {
    nbrs[fill[a]++] = b;
    nbrs[fill[b]++] = a;
  }
  return { offsets, nbrs };
}

export interface AgentSpec {
  /** OTHER_GROUP (default) or TARGET_GROUP. */
  group?: number;
  /** Joining threshold; default 1, so that nobody joins unless a test says so. */
  threshold?: number;
  /** Draw against the mobilisable pool (default 0: inside any pool above 0). */
  willing?: number;
  /** State (default PASSIVE). */
  state?: number;
  exposure?: number;
  /** Region of the venue sheltering a PROTECTED agent. */
  refuge?: number;
}

export interface WorldSpec {
  /** Number of agents. */
  n: number;
  /** Ties; default ring(n). */
  edges?: readonly Edge[];
  /** Regions (contiguous blocks of agent indices, as in the model); default 1. */
  regions?: number;
  /** Agents that differ from the defaults, by index. */
  agents?: Record<number, AgentSpec>;
  /** Every agent of these indices is targeted (a shorthand for agents[i].group). */
  targeted?: readonly number[];
  /** Parameter overrides (agents and regions are set from n and regions). */
  params?: Partial<Params>;
  /** The fifteen Council members' disposition offsets; default all 0. */
  councilOffsets?: readonly number[];
}

/** A tiny world with exactly the agents, ties and states a test chooses. */
export function tinyWorld(spec: WorldSpec): { w: World; p: Params } {
  const n = spec.n;
  const p = params({ networkDegree: 2, rewiring: 0, ...spec.params, agents: n, regions: spec.regions ?? 1 });
  const built = createWorld(p, new Streams('luck-world'));
  const targetedSet = new Set(spec.targeted ?? []);
  for (const [i, a] of Object.entries(spec.agents ?? {})) if (a.group === TARGET_GROUP) targetedSet.add(Number(i));
  const w: World = { ...built, net: networkOf(n, spec.edges ?? ring(n)), targets: targetedSet.size };
  for (let i = 0; i < n; i++) {
    const a = spec.agents?.[i] ?? {};
    w.group[i] = targetedSet.has(i) ? TARGET_GROUP : OTHER_GROUP;
    w.threshold[i] = a.threshold ?? 1;
    w.willing[i] = a.willing ?? 0;
    w.state[i] = a.state ?? PASSIVE;
    w.next[i] = PASSIVE;
    w.exposure[i] = a.exposure ?? 0;
    w.refuge[i] = a.refuge ?? 0;
  }
  w.council.dispositionOffset.set(spec.councilOffsets ?? new Array(15).fill(0));
  countNeighbours(w);
  return { w, p };
}

/** Recount every agent's JOINED and RESISTING neighbours from the states (what the cache should hold). */
export function countNeighbours(w: World): void {
  const { offsets, nbrs } = w.net;
  for (let i = 0; i < w.n; i++) {
    let j = 0;
    let r = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const s = w.state[nbrs[k]];
      if (s === JOINED) j++;
      else if (s === RESISTING) r++;
    }
    w.joinedNbrs[i] = j;
    w.resistNbrs[i] = r;
  }
}

/** Draws of a stream: a list consumed in order, or a function of (position, tick). */
export type StreamScript = readonly number[] | ((k: number, tick: number) => number);

/**
 * A stand-in for Streams whose numbers are scripted by stream name. A rule that draws from a
 * stream the test did not script, or more draws than were scripted, throws: a test also states
 * which numbers the rule consumes. `count` tells how many draws a stream gave at a tick.
 */
export class ScriptedStreams extends Streams {
  private readonly counts = new Map<string, number>();

  constructor(private readonly script: Record<string, StreamScript> = {}) {
    super('scripted');
  }

  override at(name: string, tick: number): () => number {
    let k = 0;
    return () => this.value(name, tick, k++);
  }

  override fill(name: string, tick: number, out: Float64Array): void {
    for (let k = 0; k < out.length; k++) out[k] = this.value(name, tick, k);
  }

  /** Draws given by stream `name` at `tick` (every `at` call starts again from the first). */
  count(name: string, tick: number): number {
    return this.counts.get(`${name}@${tick}`) ?? 0;
  }

  private value(name: string, tick: number, k: number): number {
    const s = this.script[name];
    if (s === undefined) throw new Error(`stream "${name}" (tick ${tick}) is not scripted`);
    const v = typeof s === 'function' ? s(k, tick) : s[k];
    if (v === undefined) throw new Error(`stream "${name}" (tick ${tick}): draw ${k} asked, only ${k} scripted`);
    const key = `${name}@${tick}`;
    this.counts.set(key, Math.max(this.counts.get(key) ?? 0, k + 1));
    return v;
  }
}

/** Two uniforms from which normal() (sim/engine/streams.ts, Box-Muller) makes `z` (exactly 0 for 0). */
export function normalDraws(z: number): [number, number] {
  if (z === 0) return [0, 0];
  return [1 - exp((-z * z) / 2), z > 0 ? 0 : 0.5];
}

/** The number the engine's normal() makes of normalDraws(z): z up to its last bits, exactly what a rule sees. */
export function engineNormal(z: number): number {
  return normal(new ScriptedStreams({ z: normalDraws(z) }).at('z', 0));
}

/** A stream script that gives, at each tick, the two uniforms of one normal `zOf(tick)` (for rules that draw one normal a tick). */
export function normalsByTick(zOf: (tick: number) => number): StreamScript {
  return (k, tick) => normalDraws(zOf(tick))[k];
}

export interface ContextSpec {
  tick?: number;
  /** A Streams object, or a script for a ScriptedStreams (default: nothing scripted). */
  streams?: Streams | Record<string, StreamScript>;
  trueRisk?: number;
  /** Default: trueRisk >= p.highRisk, as the kernel computes it. */
  highRisk?: boolean;
  joinedShare?: number;
  quietDiplomacy?: number;
}

/** The context a rule gets on a tick; `log` appends to w.events, as in the kernel. */
export function tickContext(w: World, p: Params, c: ContextSpec = {}): TickContext {
  const tick = c.tick ?? 1;
  const trueRisk = c.trueRisk ?? 0;
  const streams = c.streams instanceof Streams ? c.streams : new ScriptedStreams(c.streams ?? {});
  return {
    tick,
    p,
    w,
    streams,
    trueRisk,
    highRisk: c.highRisk ?? trueRisk >= p.highRisk,
    joinedShare: c.joinedShare ?? 0,
    spoke: false,
    quietDiplomacy: c.quietDiplomacy ?? 0,
    log: (actor, action, detail) => {
      w.events.push(detail === undefined ? { tick, actor, action } : { tick, actor, action, detail });
    },
  };
}

/** Events logged so far, as "actor action detail" lines (easy to compare). */
export function eventLines(w: World): string[] {
  return w.events.map((e) => [e.actor, e.action, e.detail].filter((x) => x !== undefined).join(' '));
}

/** Population inputs where nothing happens unless a test turns it on (mobilising, no incitement, no killing). */
export function quietInputs(over: Partial<PopulationInputs> = {}): PopulationInputs {
  return {
    mobilising: true,
    reachToday: 0,
    incitement: 0,
    resilience: 0,
    orders: 0,
    pool: 1,
    exposureMemory: 0.1,
    demobilisation: 0,
    killPerAttacker: 0,
    roamReach: 0,
    roadblocks: 0,
    cowing: 0,
    forceHazard: 0,
    massacreRate: 0,
    fallenDeported: false,
    selective: 1,
    unresistingHunted: 1,
    fleeRate: 0,
    seekRate: 0,
    resistChance: 0,
    shelterEffect: 0,
    bystanderFlee: 0.2,
    singledOutTerror: 0,
    safeAreaPull: 0,
    ...over,
  };
}

/**
 * The population stream's 2n uniforms: agent i gets draws [2i] (u1) and [2i + 1] (u2). Agents not
 * listed get `rest` (default 0.99 for both: no exposure, no killing, no flight, no resistance).
 */
export function populationDraws(n: number, perAgent: Record<number, readonly [number, number]> = {}, rest: readonly [number, number] = [0.99, 0.99]): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const [u1, u2] = perAgent[i] ?? rest;
    out.push(u1, u2);
  }
  return out;
}

/** Fill the world's draw buffer as the kernel does (streams.fill of the population stream). */
export function fillPopulationDraws(w: World, perAgent: Record<number, readonly [number, number]> = {}, rest?: readonly [number, number], tick = 1): void {
  new ScriptedStreams({ [STREAM.population]: populationDraws(w.n, perAgent, rest) }).fill(STREAM.population, tick, w.draws);
}

/** Agents' states as a plain array (easy to compare). */
export function states(w: World): number[] {
  return Array.from(w.state);
}

/** The next float32 above `x`: the smallest threshold a Float32Array can hold that is still above x. */
export function above32(x: number): number {
  const f = new Float32Array([x]);
  if (f[0] > x) return f[0];
  const bits = new Int32Array(f.buffer);
  bits[0] += x >= 0 ? 1 : -1;
  return f[0];
}
